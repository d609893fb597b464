/*
 * "Hvad kan jeg få hjælp til?" (generator/site/templates/hjaelp.md.j2): the page lists every topic
 * with its help; this script shows the two questions and keeps only the topic that answers them.
 * The page gives the questions as plain lists (a page built from data holds no form elements:
 * generator/site/rens.py); the script makes them native radio buttons (arrow keys, the legend read
 * aloud) and announces the count in the status line. No inline script or handler: the site's CSP.
 */
(function () {
  "use strict";
  var kilde = document.getElementById("hjaelp-spoergsmaal");
  var status = document.getElementById("hjaelp-status");
  if (!kilde || !status) return;
  var emner = Array.prototype.slice.call(document.querySelectorAll("section.hjaelp-emne"));

  /** A <ul class="hjaelp-valg" id="hjaelp-NAVN"> with <li id="hjaelp-NAVN-VÆRDI"> as a fieldset of radios. */
  function spoergsmaal(ul) {
    var navn = ul.id.replace(/^hjaelp-/, "");
    var fs = document.createElement("fieldset");
    var legend = document.createElement("legend");
    var p = ul.previousElementSibling;
    legend.textContent = p ? p.textContent.trim() : "";
    fs.appendChild(legend);
    Array.prototype.forEach.call(ul.children, function (li) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = navn;
      input.value = li.id.slice(ul.id.length + 1);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + li.textContent.trim()));
      fs.appendChild(label);
    });
    return fs;
  }

  var form = document.createElement("form");
  form.className = "hjaelp-finder";
  form.setAttribute("data-hjaelp-finder", "");
  Array.prototype.forEach.call(kilde.querySelectorAll("ul.hjaelp-valg"), function (ul) {
    form.appendChild(spoergsmaal(ul));
  });
  var knap = document.createElement("button");
  knap.type = "reset";
  knap.className = "md-button";
  var forfra = kilde.querySelector(".hjaelp-forfra");
  knap.textContent = forfra ? forfra.textContent.trim() : "Begynd forfra";
  form.appendChild(knap);
  kilde.parentNode.replaceChild(form, kilde);

  function valgt(navn) {
    var r = form.querySelector("input[name=" + navn + "]:checked");
    return r ? r.value : "";
  }

  function emneAf(sektion) {
    return sektion.id.replace(/^emne-/, "");
  }

  function navn(sektion) {
    var h = sektion.querySelector("h2");
    return h ? h.textContent.replace(/\s*¶\s*$/, "").trim() : "";
  }

  // Where one lives can decide the answer on its own (a home whose help is a topic of its own,
  // such as a plejebolig): the page marks it with the class hjaelp-bolig-emne-TOPIC.
  var boligEmne = {};
  Array.prototype.forEach.call(kilde.querySelectorAll("#hjaelp-bor li"), function (li) {
    var m = /(?:^|\s)hjaelp-bolig-emne-(\S+)/.exec(li.className);
    if (m) boligEmne[li.id.replace(/^hjaelp-bor-/, "")] = m[1];
  });

  function opdater() {
    var bor = valgt("bor"), emne = valgt("emne");
    var vis = boligEmne[bor] || emne;
    var poster = 0, titel = "";
    emner.forEach(function (s) {
      var med = !vis || emneAf(s) === vis;
      s.hidden = !med;
      if (med) { poster += s.querySelectorAll(".hjaelp-post").length; titel = navn(s); }
    });
    if (!vis) status.textContent = "";
    else if (boligEmne[bor])
      status.textContent = "Viser " + poster + (poster === 1 ? " side" : " sider") + " om " + titel.toLowerCase() + ".";
    else
      status.textContent = "Viser " + poster + " tilbud om " + titel.toLowerCase() + ".";
  }

  form.addEventListener("change", opdater);
  form.addEventListener("reset", function () { setTimeout(opdater, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  opdater();
})();
