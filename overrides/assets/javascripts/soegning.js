/*
 * Søgning: Materials søgefelt (overrides/partials/search.html), besvaret af Pagefind.
 *
 * Pagefind-indekset bygges af generator/mkdocs_hook.py (on_post_build) i <site>/pagefind/
 * og stemmer dansk (<html lang="da">), så "rengøringen" finder "Rengøring". Alt hentes fra
 * webstedet selv (ingen CDN) og relativt til udgavens rod, som Material oplyser i
 * #__config ("base"): derfor virker søgningen også under /2014/ og /latest/ (mike).
 *
 * Tastatur: "/", "s" eller "f" flytter fokus til søgefeltet; Pil ned går til resultaterne,
 * pil op/ned mellem dem; Enter i feltet åbner det første resultat; Escape lukker.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("__config").textContent);
  var rod = new URL(config.base || ".", location.href);          // fx http://host/2014/
  if (!/\/$/.test(rod.pathname)) rod = new URL(rod.pathname + "/", rod);
  var toggle = document.getElementById("__search");
  var felt = document.querySelector("[data-soegning-felt]");
  var resultat = document.querySelector("[data-soegning-resultat]");
  if (!toggle || !felt || !resultat) return;
  var meta = resultat.querySelector(".md-search-result__meta");
  var liste = resultat.querySelector(".md-search-result__list");
  var formular = felt.form;

  var VIS = 10;          // resultater, der vises
  var UNDER = 3;         // afsnit pr. resultat
  var pagefind = null;
  var nummer = 0;        // den seneste søgning; ældre svar kasseres

  function hentPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", rod).href).then(function (pf) {
        return pf.options({
          baseUrl: rod.pathname,
          // Rank by where a word stands (title, headings, the "Søgeord" line weigh most), not by
          // how often a long page repeats it: measured on tests/soegninger.yaml (benchmarks/).
          ranking: { termFrequency: 0.0 }
        }).then(function () { return pf.init(); }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function aaben(aaben_) {
    if (toggle.checked !== aaben_) toggle.checked = aaben_;
  }

  function tekst(s) {
    var d = document.createElement("div");
    d.textContent = s == null ? "" : String(s);
    return d.innerHTML;
  }

  // Pagefind's excerpts are HTML-escaped text with <mark> around hits; keep only those tags.
  function uddrag(s) {
    return tekst(String(s || "").replace(/<(?!\/?mark>)[^>]*>/g, ""))
      .replace(/&lt;(\/?)mark&gt;/g, "<$1mark>");
  }

  // A section that matched only in the page's "Søgeord" line (the last section) is no answer.
  function kunSoegeord(ex) {
    var i = String(ex || "").indexOf("Søgeord:");
    return i >= 0 && ex.slice(0, i).indexOf("<mark>") < 0;
  }

  function titel(data) {
    return (data.meta && data.meta.title) || data.url;
  }

  function vis(q, fundne, antal) {
    var html = "";
    fundne.forEach(function (d) {
      html += '<li class="md-search-result__item">' +
        '<a href="' + tekst(d.url) + '" class="md-search-result__link">' +
        '<article class="md-search-result__article md-typeset">' +
        '<div class="md-search-result__icon md-icon"></div>' +
        '<h1>' + tekst(titel(d)) + '</h1>' +
        '<p>' + uddrag(d.excerpt) + '</p></article></a>';
      (d.sub_results || []).filter(function (u) {
        return u.url !== d.url && u.title && u.title !== titel(d) && !kunSoegeord(u.excerpt);
      }).slice(0, UNDER).forEach(function (u) {
        html += '<a href="' + tekst(u.url) + '" class="md-search-result__link">' +
          '<article class="md-search-result__article md-typeset">' +
          '<h2>' + tekst(u.title) + '</h2>' +
          '<p>' + uddrag(u.excerpt) + '</p></article></a>';
      });
      html += '</li>';
    });
    liste.innerHTML = html;
    meta.textContent = antal === 0 ? "Ingen sider matcher \u201d" + q + "\u201d"
      : antal === 1 ? "1 side matcher" : antal + " sider matcher" + (antal > VIS ? " (de " + VIS + " bedste vises)" : "");
    resultat.setAttribute("data-soegning", q);
  }

  function soeg() {
    var q = felt.value.trim();
    var mit = ++nummer;
    if (!q) {
      liste.innerHTML = "";
      meta.textContent = "Skriv et eller flere ord";
      resultat.setAttribute("data-soegning", "");
      return;
    }
    hentPagefind().then(function (pf) {
      return pf.search(q);
    }).then(function (svar) {
      if (mit !== nummer) return null;
      var top = svar.results.slice(0, VIS);
      return Promise.all(top.map(function (r) { return r.data(); })).then(function (data) {
        if (mit === nummer) vis(q, data, svar.results.length);
      });
    }).catch(function (fejl) {
      if (mit !== nummer) return;
      liste.innerHTML = "";
      meta.textContent = "Søgningen kunne ikke indlæses.";
      resultat.setAttribute("data-soegning", q);
      if (window.console) console.warn("soegning:", fejl);
    });
  }

  function links() {
    return Array.prototype.slice.call(liste.querySelectorAll("a.md-search-result__link"));
  }

  function fokuser() {
    aaben(true);
    felt.focus();
    felt.select();
  }

  // ------------------------------------------------------------ events
  felt.addEventListener("focus", function () {
    aaben(true);
    hentPagefind();   // warm up while the user types
  });
  felt.addEventListener("input", soeg);

  formular.addEventListener("submit", function (e) {
    e.preventDefault();
    var forste = links()[0];
    if (forste) location.href = forste.href;
  });
  formular.addEventListener("reset", function () {
    setTimeout(function () { soeg(); felt.focus(); }, 0);
  });

  toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(fokuser, 0);
  });

  // Arrow keys in the input and the result list; Escape closes.
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var aktiv = document.activeElement;
    var iSoegning = aktiv === felt || (aktiv && liste.contains(aktiv));
    if (iSoegning) {
      var alle = links();
      var i = alle.indexOf(aktiv);
      if (e.key === "ArrowDown" && alle.length) {
        e.preventDefault();
        alle[Math.min(i + 1, alle.length - 1)].focus();
      } else if (e.key === "ArrowUp" && aktiv !== felt) {
        e.preventDefault();
        if (i <= 0) felt.focus(); else alle[i - 1].focus();
      } else if (e.key === "Escape") {
        e.preventDefault();
        aaben(false);
        felt.blur();
      }
      return;
    }
    // Shortcuts, as in Material: only when the user is not typing somewhere else.
    var skriver = aktiv && (aktiv.isContentEditable || /^(input|textarea|select)$/i.test(aktiv.tagName));
    if (!skriver && (e.key === "/" || e.key === "s" || e.key === "f")) {
      e.preventDefault();
      fokuser();
    }
  });

  // Clicking outside the search closes it. The labels for #__search (header button, overlay,
  // back arrow) toggle it themselves, and their click reaches here as a click on the toggle.
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (toggle.checked && t !== toggle && !t.closest(".md-search__inner") && !t.closest("label[for=__search]"))
      aaben(false);
  });
})();
