/* Material for MkDocs 9.8.1, partials/javascripts/outdated.html, moved from an inline <script> (see base.js).
   The base URL comes from data-base and is resolved against the page: Material's inline version
   called new URL(base_url) without a base, which throws for the relative base_url MkDocs gives.

   Kataloget (issue 19): Material knows whether this edition is outdated only from an earlier page
   of the session (sessionStorage); on the first page it asks versions.json asynchronously and the
   banner pushed the page down 0.9-2.3 s after it was drawn. Here, when it does not know yet, it
   asks versions.json now — synchronously, same origin, before the page below the banner is parsed
   — with Material's own rule, and stores the answer where Material looks for it. An outdated
   edition's page is also marked on paper: every printed page carries "Tidligere udgave" and the
   address of the same page in the current edition (an @page margin box; assets/stylesheets/udskrift.css). */
(function (script) {
  var el = document.querySelector("[data-md-component=outdated]");
  var base = new URL(script.getAttribute("data-base"), location);
  if (!/\/$/.test(base.pathname)) base = new URL(base.pathname + "/", base);
  var outdated = __md_get("__outdated", sessionStorage, base);
  var udgave = decodeURIComponent(base.pathname.replace(/\/$/, "").split("/").pop());

  function spoerg() {
    // Material's rule: outdated unless a default (a regex) matches the edition's version or an alias.
    try {
      var x = new XMLHttpRequest();
      x.open("GET", new URL("../versions.json", base).href, false);
      x.send();
      if (x.status !== 200) return null;
      var versioner = JSON.parse(x.responseText);
      var denne = versioner.filter(function (v) {
        return v.version === udgave || (v.aliases || []).indexOf(udgave) >= 0;
      })[0];
      if (!denne) return null;
      var standard = JSON.parse(script.getAttribute("data-default") || '["latest"]');
      var navne = (denne.aliases || []).concat(denne.version);
      return !standard.some(function (s) {
        return navne.some(function (n) { return new RegExp(s, "i").test(n); });
      });
    } catch (e) {
      return null;   // no versions.json (not published with mike): Material's own check decides
    }
  }

  function paaPapir() {
    var link = el.querySelector("a[data-udgave-rod]");
    var tekst = "Tidligere udgave " + udgave + " – gælder ikke længere. Den gældende udgave: " +
      (link ? link.href : new URL("../", base).href);
    var css = tekst.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n]+/g, " ");
    var stil = document.createElement("style");
    stil.textContent = '@media print { @page { margin-top: 20mm; @top-center { content: "' + css + '"; ' +
      "font: bold 8pt sans-serif; color: #000; vertical-align: bottom; padding-bottom: 2mm; " +
      "border-bottom: 0.5pt solid #000; } } }";
    document.head.appendChild(stil);
    document.documentElement.classList.add("tidligere-udgave");
    document.documentElement.setAttribute("data-tidligere-udgave", tekst);
  }

  if (el && outdated === null) {
    outdated = spoerg();
    if (outdated !== null) __md_set("__outdated", outdated, sessionStorage, base);
  }
  if (el && outdated === true) {
    el.hidden = false;
    paaPapir();
  }
})(document.currentScript);
