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

  var F = window.Soegeforstaaelse;
  var VIS = 10;          // resultater, der vises
  var KANDIDATER = 20;   // de første sider, der rangeres igen efter, hvad spørgsmålet spørger om
  var motor = null;
  var nummer = 0;        // den seneste søgning; ældre svar kasseres
  var praecis = false;   // "Søg i stedet efter …": spørgsmålet som skrevet, uden rettelser (til næste tastetryk)
  // What the search did to the question ("Viser resultater for …"), above the result list.
  var rettelse = document.createElement("p");
  rettelse.className = "soegning-rettelse";
  rettelse.hidden = true;
  meta.parentNode.insertBefore(rettelse, meta.nextSibling);

  // Pagefind, the dictionary (soegning/ordbog.json) and the ids of the overview pages and of the
  // pages about the site (filter "gruppe", generator/site/soegemeta.py), loaded once on first focus.
  function hentMotor() {
    if (!motor) {
      var pf = import(new URL("pagefind/pagefind.js", rod).href).then(function (pf) {
        return pf.options({
          baseUrl: rod.pathname,
          // Rank by where a word stands (title, the keywords from the data, headings), not by how
          // often a long page repeats it: measured on tests/soegninger.yaml (benchmarks/).
          // The summary, frequency and deadline are shown, not ranked on (the summary is in the text).
          ranking: { termFrequency: 0.0,
                     metaWeights: { title: 5.0, soegeord: 3.0, fsiii: 3.0, kort: 0.0, hyppighed: 0.0, sagsbehandlingsfrist: 0.0, del_af: 0.0 } }
        }).then(function () { return pf.init(); }).then(function () { return pf; });
      });
      var ordbog = fetch(new URL("soegning/ordbog.json", rod).href).then(function (r) {
        if (!r.ok) throw new Error("ordbog: " + r.status);
        return r.json();
      }).then(F.lavOrdbog, function (fejl) {
        if (window.console) console.warn("soegning: uden ordbog", fejl);
        return F.lavOrdbog({});
      });
      function gruppe(navn) {
        return pf.then(function (p) { return p.search(null, { filters: { gruppe: navn } }); })
          .then(function (svar) { return new Set(svar.results.map(function (r) { return r.id; })); });
      }
      motor = Promise.all([pf, ordbog, gruppe("om"), gruppe("oversigt")]).then(function (x) {
        return { pf: x[0], ordbog: x[1], grupper: { om: x[2], oversigt: x[3] } };
      });
    }
    return motor;
  }

  function aaben(aaben_) {
    if (toggle.checked !== aaben_) toggle.checked = aaben_;
  }

  function tekst(s) {
    var d = document.createElement("div");
    d.textContent = s == null ? "" : String(s);
    return d.innerHTML;
  }

  // Pagefind's excerpts are HTML: only their <mark>s are kept, an entity shows as its character.
  function uddrag(s) {
    return F.rensUddrag(s, document);
  }

  function titel(data) {
    return (data.meta && data.meta.title) || data.url;
  }

  function styrke(u) {
    return (u.weighted_locations || []).reduce(function (sum, l) { return sum + (l.weight || 0); }, 0);
  }

  /**
   * The one snippet a result shows: the section with the strongest match that adds something new
   * next to the title, the summary and the frequency and deadline shown above it.
   */
  function bedsteUddrag(d) {
    var m = d.meta || {};
    var kendt = [titel(d), m.kort || "", m.hyppighed || "", m.sagsbehandlingsfrist || ""];
    var kandidater = (d.sub_results || []).filter(function (u) {
      // The top of an entry's page is its "Kort fortalt", already shown above.
      if (m.kort && (u.url.indexOf("#") < 0 || u.title === titel(d))) return false;
      return /<mark>/.test(u.excerpt || "") && !F.gentager(u.excerpt, kendt) && !F.kunOverskrift(u.excerpt, u.title);
    }).sort(function (a, b) { return styrke(b) - styrke(a); });
    var u = kandidater[0];
    if (!u && !m.kort && /<mark>/.test(d.excerpt || "") && !F.gentager(d.excerpt, kendt))
      u = { url: d.url, title: "", excerpt: d.excerpt };
    if (!u) return null;
    // The section's name, unless the snippet already begins with it.
    var afsnit = u.title && u.title !== titel(d) &&
      F.udenMarkering(u.excerpt).toLocaleLowerCase("da").indexOf(u.title.toLocaleLowerCase("da")) !== 0 ? u.title : "";
    return { url: u.url, afsnit: afsnit, tekst: u.excerpt };
  }

  /** A snippet from an anchored table row (Serviceniveau) links to that row, which the page highlights. */
  function tilRaekke(d, u, ordbog, ord) {
    var raekker = null;
    Object.keys(ordbog.raekker || {}).forEach(function (sti) {
      if (d.url.slice(-sti.length) === sti && (sti || d.url === rod.pathname)) raekker = ordbog.raekker[sti];
    });
    if (!raekker) return u.url;
    var afsnit = u.url.indexOf("#") >= 0 ? u.url.slice(u.url.indexOf("#") + 1) : "";
    var id = F.raekkeFor(raekker, ord, u.tekst, afsnit);
    return id ? u.url.split("#")[0] + "#" + id : u.url;
  }

  function vis(q, fundne, antal, ordbog, ord) {
    var html = "";
    fundne.forEach(function (d) {
      var m = d.meta || {};
      var u = bedsteUddrag(d);
      if (u) u.url = tilRaekke(d, u, ordbog, ord);
      // The labels of "Kort fortalt" and the finder (generator/site/serviceniveau.py ETIKETTER).
      var fakta = [["Hvor ofte og hvornår", m.hyppighed], ["Sagsbehandlingsfrist", m.sagsbehandlingsfrist]]
        .filter(function (f) { return f[1]; })
        .map(function (f) { return "<span>" + f[0] + ": " + tekst(f[1]) + "</span>"; });
      html += '<li class="md-search-result__item">' +
        '<a href="' + tekst(u ? u.url : d.url) + '" class="md-search-result__link">' +
        '<article class="md-search-result__article md-typeset">' +
        '<div class="md-search-result__icon md-icon"></div>' +
        '<h1>' + tekst(titel(d)) + '</h1>' +
        (m.kort ? '<p class="soegning-kort">' + tekst(m.kort) + '</p>' : '') +
        (fakta.length ? '<p class="soegning-fakta">' + fakta.join(" · ") + '</p>' : '') +
        (u ? '<p class="soegning-uddrag">' + (u.afsnit ? '<strong>' + tekst(u.afsnit) + ':</strong> ' : '') +
             uddrag(u.tekst) + '</p>' : '') +
        '</article></a></li>';
    });
    liste.innerHTML = html;
    meta.textContent = antal === 0 ? "Ingen sider matcher \u201d" + q + "\u201d"
      : antal === 1 ? "1 side matcher" : antal + " sider matcher" + (antal > VIS ? " (de " + VIS + " bedste vises)" : "");
    resultat.setAttribute("data-soegning", q);
  }

  /** Pagefind's answer for one form: Map pageId → {score, titel, resultat}. */
  function soegForm(m, form, cache) {
    if (!cache.has(form)) {
      cache.set(form, m.pf.search(form).then(function (svar) {
        var ud = new Map();
        svar.results.forEach(function (r) {
          ud.set(r.id, { score: r.score, titel: (r.matchedMetaFields || []).indexOf("title") >= 0, resultat: r });
        });
        return ud;
      }));
    }
    return cache.get(form);
  }

  /** Every form of a concept; per page the best. */
  function soegBegreb(m, b, cache) {
    return Promise.all(b.former.map(function (f) { return soegForm(m, f, cache); })).then(function (svar) {
      var bedst = new Map(), hvilken = new Map();
      svar.forEach(function (fund, i) {
        fund.forEach(function (v, side) {
          if (!bedst.has(side) || v.score > bedst.get(side).score) { bedst.set(side, v); hvilken.set(side, b.former[i]); }
        });
      });
      bedst.form = hvilken;
      return bedst;
    });
  }

  /**
   * The query understood (soegeforstaaelse.js), each concept searched on its own, the pages ranked
   * by how many concepts they match. Each shown page is then loaded through one all-terms search
   * of the forms it matched, so its snippet marks all of them.
   */
  function find(m, q, praecis_) {
    var plan = F.forstaa(q, m.ordbog, { praecis: praecis_ });
    var cache = new Map();
    if (plan.tom) plan.begreber = [{ ord: plan.tekst, former: [plan.tekst] }];
    var begreber = Promise.all(plan.begreber.map(function (b) { return soegBegreb(m, b, cache); }));
    var sektioner = Promise.all(plan.sektioner.map(function (s) { return soegForm(m, s, cache); }))
      .then(function (svar) {
        var samlet = new Map();
        svar.forEach(function (f) { f.forEach(function (v, side) { samlet.set(side, Math.max(samlet.get(side) || 0, v.score)); }); });
        return samlet;
      });
    return Promise.all([begreber, sektioner]).then(function (x) {
      var fund = x[0];
      var raekke = F.ranger(plan.begreber, fund, x[1], m.grupper, m.ordbog.sider);
      // Each candidate loaded through one all-terms search of the forms it matched, so its snippet
      // marks all of them; then ranked again by what the question asks (a price question → the
      // page whose price section holds its words: F.hensigtsbonus).
      function detaljer(s) {
        var former = [];
        fund.forEach(function (f) { if (f.has(s.side)) former.push(f.form.get(s.side)); });
        plan.sektioner.forEach(function (sek) { former.push(sek); });
        return soegForm(m, former.join(" "), cache).then(function (samlet) {
          var v = samlet.get(s.side);
          if (v) return v.resultat.data();
          for (var i = 0; i < fund.length; i++) if (fund[i].has(s.side)) return fund[i].get(s.side).resultat.data();
          return null;
        });
      }
      var kandidater = raekke.slice(0, KANDIDATER);
      return Promise.all(kandidater.map(detaljer)).then(function (data) {
        var bonus = new Map(), efterSide = new Map();
        kandidater.forEach(function (s, i) {
          var d = data[i];
          if (!d) return;
          efterSide.set(s.side, d);
          var afsnit = (d.sub_results || []).filter(function (u) { return (u.locations || []).length; })
            .map(function (u) { return { titel: u.title, ord: F.markerede(u.excerpt) }; });
          if (plan.sektioner.length) bonus.set(s.side, F.hensigtsbonus(plan.sektioner, afsnit, s.titel));
        });
        var ny = F.ranger(plan.begreber, fund, x[1], m.grupper, m.ordbog.sider, bonus);
        var viste = F.foraeldreFoerst(ny.filter(function (s) { return efterSide.has(s.side); }), function (s) {
          var d = efterSide.get(s.side);
          return { url: d.url, del_af: ((d.meta || {}).del_af || "").split(" ").filter(Boolean) };
        }).slice(0, VIS);
        var ord = [];
        plan.begreber.forEach(function (b) { if (!b.helhed) b.former.forEach(function (f) { ord = ord.concat(f.split(" ")); }); });
        return { data: viste.map(function (s) { return efterSide.get(s.side); }), antal: raekke.length,
                 gjort: hvadDerBlevGjort(plan, fund, viste), ordbog: m.ordbog, ord: ord };
      });
    });
  }

  /**
   * What the search did to the question, per word: `rettet` {word: the correction the shown pages
   * were found by}, `udeladt` [content words no page has]. A correction is reported when any shown
   * page was found by it (so every correction that changed the answer is shown).
   */
  function hvadDerBlevGjort(plan, fund, viste) {
    var rettet = {}, udeladt = [];
    plan.begreber.forEach(function (b, i) {
      if (b.id || b.helhed) return;
      var f = fund[i];
      if (!f || !f.size) { udeladt.push(b.ord); return; }
      var taelling = new Map();
      viste.forEach(function (s) {
        var form = f.form && f.form.get(s.side);
        if (form && (b.rettet || []).indexOf(form) >= 0) taelling.set(form, (taelling.get(form) || 0) + 1);
      });
      var bedst = null;
      taelling.forEach(function (n, form) { if (!bedst || n > taelling.get(bedst)) bedst = form; });
      if (bedst) rettet[b.ord] = bedst;
    });
    return { rettet: rettet, udeladt: udeladt };
  }

  /** "Viser resultater for „…"" with the corrections marked, and the way back to the question as typed. */
  function visGjort(q, gjort) {
    var rettede = Object.keys(gjort.rettet);
    resultat.setAttribute("data-soegning-rettet", JSON.stringify(gjort.rettet));
    resultat.setAttribute("data-soegning-udeladt", JSON.stringify(gjort.udeladt));
    if (!rettede.length && !gjort.udeladt.length) { rettelse.hidden = true; rettelse.innerHTML = ""; return; }
    var html = "";
    if (rettede.length) {
      // The question as typed, each corrected word replaced (matched as the search reads words).
      var vist = tekst(q).replace(/[A-Za-zÆØÅæøåÉÜÖÄéüöä0-9§]+/g, function (w) {
        var n = w.toLocaleLowerCase("da");
        return Object.prototype.hasOwnProperty.call(gjort.rettet, n) ? "<strong>" + tekst(gjort.rettet[n]) + "</strong>" : w;
      });
      html += "Viser resultater for \u201e" + vist + "\u201c. " +
        '<a href="#" class="soegning-praecis" data-soegning-praecis>Søg i stedet efter \u201e' + tekst(q) + "\u201c</a>";
    }
    if (gjort.udeladt.length) {
      html += (html ? " " : "") + "Ingen side har " +
        gjort.udeladt.map(function (w) { return "\u201e" + tekst(w) + "\u201c"; }).join(" og ") +
        (rettede.length ? "." : "; resultaterne er for resten af spørgsmålet.");
    }
    rettelse.innerHTML = html;
    rettelse.hidden = false;
  }

  function soeg() {
    var q = felt.value.trim();
    var mit = ++nummer;
    if (!q) {
      liste.innerHTML = "";
      rettelse.hidden = true;
      meta.textContent = "Skriv et eller flere ord";
      resultat.setAttribute("data-soegning", "");
      return;
    }
    var somSkrevet = praecis;
    hentMotor().then(function (m) {
      return find(m, q, somSkrevet);
    }).then(function (svar) {
      if (mit !== nummer) return;
      resultat.setAttribute("data-soegning-som-skrevet", somSkrevet ? "ja" : "nej");
      visGjort(q, svar.gjort);
      vis(q, svar.data, svar.antal, svar.ordbog, svar.ord);
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
    hentMotor();   // warm up while the user types
  });
  felt.addEventListener("input", function () { praecis = false; soeg(); });
  // "Søg i stedet efter …": the same question, searched as typed.
  rettelse.addEventListener("click", function (e) {
    if (!e.target.closest("[data-soegning-praecis]")) return;
    e.preventDefault();
    praecis = true;
    soeg();
    felt.focus();
  });

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
