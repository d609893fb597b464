/*
 * "Hvad kan jeg få hjælp til?" (generator/site/templates/hjaelp.md.j2): the page lists every topic
 * with its help; this script shows the two questions and keeps only the topic that answers them.
 * Native radio buttons (arrow keys, the legend read aloud), the count announced in a status line.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-hjaelp-finder]");
  var status = document.querySelector("[data-hjaelp-status]");
  if (!form || !status) return;
  var emner = Array.prototype.slice.call(document.querySelectorAll("section[data-emne]"));

  function valgt(navn) {
    var r = form.querySelector("input[name=" + navn + "]:checked");
    return r ? r.value : "";
  }

  function navn(sektion) {
    var h = sektion.querySelector("h2");
    return h ? h.textContent.replace(/\s*¶\s*$/, "").trim() : "";
  }

  function opdater() {
    var bor = valgt("bor"), emne = valgt("emne");
    // Living in a plejebolig decides the answer on its own; otherwise the topic does.
    var vis = bor === "plejebolig" ? "plejebolig" : emne;
    var synlige = 0, poster = 0, titel = "";
    emner.forEach(function (s) {
      var med = !vis || s.getAttribute("data-emne") === vis;
      s.hidden = !med;
      if (med) { synlige++; poster += s.querySelectorAll(".hjaelp-post").length; titel = navn(s); }
    });
    if (!vis) status.textContent = "";
    else if (bor === "plejebolig")
      status.textContent = "Du bor i en plejebolig: " + poster + (poster === 1 ? " side" : " sider") + " om plejebolig vises nedenfor.";
    else
      status.textContent = "Viser " + poster + (poster === 1 ? " tilbud" : " tilbud") + " om " + titel.toLowerCase() + ".";
  }

  form.hidden = false;
  form.addEventListener("change", opdater);
  form.addEventListener("reset", function () { setTimeout(opdater, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  opdater();
})();
