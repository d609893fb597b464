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

  // A home whose help is a topic of its own, chosen together with another topic: the page's note
  // (the profile's words) says the data cannot tell which of that topic's help applies there.
  var noter = {};
  Array.prototype.forEach.call(kilde.querySelectorAll(".hjaelp-bolig-note"), function (p) {
    noter[p.id.replace(/^hjaelp-note-/, "")] = p.textContent.trim();
  });
  var note = document.createElement("p");
  note.className = "hjaelp-note";
  note.hidden = true;
  status.parentNode.insertBefore(note, status.nextSibling);
  // Announced when it changes (role=status is polite already; the attribute says so to older readers).
  status.setAttribute("aria-live", "polite");

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

  function antal(n, ental, flertal) { return n + " " + (n === 1 ? ental : flertal); }

  function opdater() {
    var bor = valgt("bor"), emne = valgt("emne");
    var egetEmne = boligEmne[bor] || "";
    // The topic chosen is kept; a home with its own topic adds that topic's pages.
    var vis = [emne, egetEmne].filter(function (x, i, a) { return x && a.indexOf(x) === i; });
    var tal = {}, titler = {};
    emner.forEach(function (s) {
      var med = !vis.length || vis.indexOf(emneAf(s)) >= 0;
      s.hidden = !med;
      if (med) { tal[emneAf(s)] = s.querySelectorAll(".hjaelp-post").length; titler[emneAf(s)] = navn(s).toLowerCase(); }
    });
    var dele = [];
    if (emne) dele.push(antal(tal[emne] || 0, "tilbud", "tilbud") + " om " + (titler[emne] || ""));
    if (egetEmne && egetEmne !== emne)
      dele.push(antal(tal[egetEmne] || 0, "side", "sider") + " om " + (titler[egetEmne] || ""));
    status.textContent = dele.length ? "Viser " + dele.join(" og ") + "." : "";
    var tekst = emne && egetEmne && egetEmne !== emne ? noter[bor] || "" : "";
    note.textContent = tekst;
    note.hidden = !tekst;
    return Boolean(emne);
  }

  // On a phone the answer starts below the questions: once the question of what is hard is
  // answered, the status line and the first result are brought into view (not while the reader is
  // still answering the first question).
  function visSvar() {
    var r = status.getBoundingClientRect();
    var hoejde = window.innerHeight || document.documentElement.clientHeight;
    if (r.top < 0 || r.top > hoejde * 0.5) status.scrollIntoView({ block: "start" });
  }

  form.addEventListener("change", function (e) {
    if (opdater() && e.target && e.target.name === "emne") visSvar();
  });
  form.addEventListener("reset", function () { setTimeout(opdater, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  opdater();
})();
