/*
 * Søgefeltet på sammenligningens forside (python -m generator sammenlign): Pagefinds egen
 * brugerflade over indekset, som hooks/soegning.py bygger efter hver mkdocs build. Kun
 * forsiden har feltet (#soegning); resultaterne linker relativt til webstedets rod, så det
 * også virker under en undermappe.
 */
(function () {
  "use strict";
  if (!document.currentScript) return;
  var felt = document.getElementById("soegning");
  if (!felt || !window.PagefindUI) return;
  // Webstedets rod: to mapper over dette script (assets/javascripts/).
  var rod = new URL("../../", document.currentScript.src).pathname;
  new window.PagefindUI({
    element: "#soegning",
    bundlePath: rod + "pagefind/",
    baseUrl: rod,
    showSubResults: false,   // en side pr. ydelse: dens overskrift er siden selv
    showImages: false,
    resetStyles: false
  });
})();
