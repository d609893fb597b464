/*
 * Udgaver (mike): vælger man en anden udgave i versionsvælgeren, åbnes samme side i den udgave,
 * når den findes dér - ellers udgavens forside med en besked om, at siden ikke findes i den.
 * Banneret "Se den gældende udgave" på en tidligere udgave (overrides/main.html) peger allerede
 * på samme side i den gældende udgave; her tjekkes blot, at siden findes, med samme udfald.
 *
 * Material slår siden op i udgavens sitemap.xml, som kun har rigtige adresser med site_url.
 * Her spørges serveren selv (HEAD, samme oprindelse), så det virker på enhver statisk server.
 * Klikket fanges, før Materials egen håndtering (på <body>) får det.
 */
(function () {
  "use strict";

  var NOEGLE = "kvalitetskatalog.udgaveskift";
  var config = JSON.parse(document.getElementById("__config").textContent);
  var rod = new URL(config.base || ".", location.href);            // fx http://host/2015/
  if (!/\/$/.test(rod.pathname)) rod = new URL(rod.pathname + "/", rod);
  // Sidens sti i udgaven, fx "katalog/indsatser/k-2-1-rengoering/" ("" på forsiden).
  var sti = location.pathname.indexOf(rod.pathname) === 0 ? location.pathname.slice(rod.pathname.length) : "";

  function sidetitel() {
    var h1 = document.querySelector("article h1");
    var t = h1 ? h1.cloneNode(true) : null;
    if (t) [].forEach.call(t.querySelectorAll(".headerlink"), function (a) { a.remove(); });
    return t ? t.textContent.trim() : document.title;
  }

  function findes(url) {
    return fetch(url, { method: "HEAD", cache: "no-store", credentials: "same-origin" })
      .then(function (svar) {
        if (svar.status === 405 || svar.status === 501) {   // en server uden HEAD
          return fetch(url, { cache: "no-store", credentials: "same-origin" }).then(function (s) { return s.ok; });
        }
        return svar.ok;
      })
      .catch(function () { return false; });
  }

  function skift(udgaveRod, udgave) {
    var maal = new URL(sti, udgaveRod);
    maal.search = location.search;
    maal.hash = location.hash;
    if (!sti) { location.assign(maal.href); return; }
    findes(maal.href).then(function (ok) {
      if (ok) { location.assign(maal.href); return; }
      try {
        sessionStorage.setItem(NOEGLE, JSON.stringify({ side: sidetitel(), udgave: udgave, rod: udgaveRod.pathname }));
      } catch (e) { /* uden sessionStorage: forsiden uden besked */ }
      location.assign(udgaveRod.href);
    });
  }

  document.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target instanceof Element ? ev.target.closest("a[href]") : null;
    if (!a) return;
    var udgaveRod, udgave;
    if (a.classList.contains("md-version__link")) {
      udgaveRod = new URL(a.href);                                   // ../2014/ fra Materials vælger
      udgave = decodeURIComponent(udgaveRod.pathname.replace(/\/$/, "").split("/").pop());
    } else if (a.hasAttribute("data-udgave-rod")) {
      udgaveRod = new URL(a.getAttribute("data-udgave-rod"), location.href);
      udgave = "den gældende udgave";
    } else {
      return;
    }
    if (!/\/$/.test(udgaveRod.pathname)) udgaveRod = new URL(udgaveRod.pathname + "/", udgaveRod);
    ev.preventDefault();
    ev.stopPropagation();
    skift(udgaveRod, udgave);
  }, true);

  // På forsiden, man endte på, fordi siden ikke fandtes i udgaven: sig det.
  var besked = null;
  try {
    besked = JSON.parse(sessionStorage.getItem(NOEGLE) || "null");
    sessionStorage.removeItem(NOEGLE);
  } catch (e) { besked = null; }
  if (besked && besked.rod === rod.pathname && !sti) {
    var artikel = document.querySelector("article");
    if (!artikel) return;
    var boks = document.createElement("div");
    boks.className = "admonition warning udgaveskift";
    boks.setAttribute("role", "status");
    var titel = document.createElement("p");
    titel.className = "admonition-title";
    titel.textContent = "Siden findes ikke i " + (/^den /.test(besked.udgave) ? besked.udgave : "udgave " + besked.udgave);
    var tekst = document.createElement("p");
    tekst.textContent = "\u201d" + besked.side + "\u201d findes ikke i " +
      (/^den /.test(besked.udgave) ? besked.udgave : "udgave " + besked.udgave) +
      " af kataloget, så du er på udgavens forside.";
    boks.appendChild(titel);
    boks.appendChild(tekst);
    artikel.insertBefore(boks, artikel.firstChild);
  }
})();
