/*
 * Tabeller på en smal skærm: en tabel, der er bredere end sin spalte (fx Serviceniveau på en
 * telefon), vises som ét kort pr. række i stedet for at kunne rulles sidelæns. Hver celle får
 * sin kolonneoverskrift som etiket (data-etiket, tegnet af tilgaengelighed.css).
 *
 * Markdown-tabellen er uændret i HTML'en. Eksplicitte ARIA-roller holder den en tabel for
 * skærmlæsere, også når CSS gør rækker og celler til blokke (ellers kan browseren droppe
 * tabelsemantikken). Om en tabel er for bred, måles - ikke gættes ud fra skærmbredden - så
 * en smal tabel forbliver en tabel, og målingen gentages, når vinduet ændrer størrelse.
 */
(function () {
  "use strict";

  var tabeller = [].slice.call(document.querySelectorAll("article table"));
  if (!tabeller.length) return;

  function forbered(tabel) {
    var overskrifter = [].map.call(tabel.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    tabel.setAttribute("role", "table");
    [].forEach.call(tabel.querySelectorAll("thead, tbody, tfoot"), function (g) { g.setAttribute("role", "rowgroup"); });
    [].forEach.call(tabel.rows, function (raekke) {
      raekke.setAttribute("role", "row");
      var kolonne = 0;
      [].forEach.call(raekke.cells, function (celle) {
        var iHoved = celle.parentNode.parentNode.tagName === "THEAD";
        celle.setAttribute("role", iHoved ? "columnheader" : celle.tagName === "TH" ? "rowheader" : "cell");
        if (!iHoved) {
          var etiket = overskrifter[kolonne] || "";
          if (etiket) celle.setAttribute("data-etiket", etiket);
          if (!celle.textContent.trim() && !celle.querySelector("img")) celle.setAttribute("data-tom", "");
        }
        kolonne += celle.colSpan || 1;
      });
    });
  }

  // Bredden, tabellen har til rådighed: artiklens indholdsbredde.
  function plads(tabel) {
    var artikel = tabel.closest("article") || document.body;
    var s = getComputedStyle(artikel);
    return artikel.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  }

  function tilpas() {
    tabeller.forEach(function (t) { t.removeAttribute("data-kort"); });
    // Mål alle først, skift bagefter: én omlægning i stedet for én pr. tabel.
    var for_brede = tabeller.filter(function (t) {
      return Math.max(t.scrollWidth, t.getBoundingClientRect().width) > plads(t) + 1;
    });
    for_brede.forEach(function (t) { t.setAttribute("data-kort", ""); });
  }

  tabeller.forEach(forbered);
  tilpas();
  var venter = false;
  window.addEventListener("resize", function () {
    if (venter) return;
    venter = true;
    requestAnimationFrame(function () { venter = false; tilpas(); });
  });
  // Material pakker tabellerne ind, når siden er indlæst: mål igen bagefter.
  window.addEventListener("load", function () { tilpas(); tilRaekke(); });

  // Et søgeresultat i en tabelrække linker til rækkens anker (span.raekke, tabeller.css fremhæver
  // rækken): når tabellen er blevet til kort, står rækken et andet sted end ved første rul.
  function tilRaekke() {
    var id = decodeURIComponent(location.hash.slice(1));
    var maal = id && document.getElementById(id);
    var raekke = maal && maal.classList.contains("raekke") && maal.closest("tr");
    if (raekke) raekke.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", tilRaekke);
})();
