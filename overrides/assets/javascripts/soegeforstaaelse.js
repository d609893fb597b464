/*
 * Søgeforståelse: what a typed question means for the search — the small part the site writes
 * itself; Pagefind does the stemming (Danish Snowball), weights, metadata and filters.
 *
 *   forstaa(q, ordbog)  → the query's concepts ("begreber"): content words, each with the forms
 *                         Pagefind is asked for (the word, its one-typo corrections, its compound
 *                         parts, the catalogue's compounds that end in it), plus the catalogue
 *                         sections a question word points to ("hvor tit" → Hyppighed).
 *   ranger(begreber, fund, …) → pages ordered: most concepts matched first (a word found on
 *                         most pages counts half), then Pagefind's score (overview pages' halved);
 *                         pages about the site itself after the catalogue unless a concept
 *                         matched their title.
 *
 * `ordbog` is built once from soegning/ordbog.json (generator/site/soegeordbog.py writes it at
 * build time): the words of the indexed pages with their counts, and the Snowball Danish stop
 * words (PyPI `stop-words`). Compounds are split by the dictionary method: a word splits where
 * both parts are words of the catalogue (the first may end in the linking -s- or -e-); a Danish
 * hyphenation dictionary (pyphen da_DK) was tried and misses the joints that matter
 * (tøjvask, vinduesvask, hjemme-pleje). Pure functions: unit-tested with node's test runner
 * (tests/js/soegeforstaaelse.test.mjs).
 */
(function (rod, fabrik) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = fabrik();
  else rod.Soegeforstaaelse = fabrik();
})(this, function () {
  "use strict";

  // Negations change the answer ("hvad kan hjemmeplejen ikke hjælpe med"): never dropped.
  var NEGATIONER = ["ikke", "ingen", "uden"];

  // Words of a question that say who asks or how, not what about — dropped like stop words.
  // (The Snowball list covers pronouns and function words; these are the ones relatives type.)
  var SAMTALEORD = [
    "hvordan", "hvem", "hvilke", "hvilken", "hvilket", "hvorfor", "hvornår", "kan", "får", "få", "fik",
    "ha", "må", "mon", "lige", "gerne", "nogen", "hej", "tak", "sker", "går", "gøres", "bare", "egentlig",
    "mor", "mors", "far", "fars", "moren", "faren", "mand", "manden", "kone", "konen", "hustru", "søn",
    "datter", "forældre", "bedstemor", "bedstefar", "mormor", "morfar", "farmor", "farfar", "svigermor",
    "svigerfar"
  ];

  // Question words that point at a section every page of that kind has ("Hyppighed", "Betaling").
  // The section word is added as a bonus, never required: "hvor tit rengøring" prefers the page
  // whose "Hyppighed" speaks of rengøring. Phrases are only question words and are removed;
  // single words ("pris", "forsinket") are catalogue words too and stay in the search.
  var HENSIGTER = [
    { fraser: ["hvor tit", "hvor ofte", "hvor mange gange"], ord: ["tit", "ofte", "hyppigt"], sektion: "hyppighed" },
    { fraser: ["hvad koster", "hvor meget koster"], ord: ["koster", "pris", "prisen", "betale", "gratis"],
      sektion: "betaling" },
    { fraser: ["hvor lang tid", "hvor hurtigt", "hvor længe"], ord: ["hurtigt", "ventetid", "vente", "venter"],
      sektion: "sagsbehandlingsfrist" },
    { fraser: ["hvornår kommer"], ord: [], sektion: "levering" },
    { fraser: ["for sent", "kommer ikke"], ord: ["forsinket", "forsinkelse", "aflyser", "aflyst", "aflysning"],
      sektion: "leverancesikkerhed" }
  ];

  var MIN_TYPO = 5;        // one typo is tolerated in words of at least this length
  var MIN_DEL = 3;         // shortest compound part
  var MIN_HALE = 4;        // shortest tail for which the catalogue's compounds are searched too
  var MAKS_FORMER = 6;     // forms searched per concept (keeps a question to a few index lookups)
  // Prefixes and particles that start many words without being a compound's first word.
  var IKKE_FORLED = ["for", "fore", "ind", "inde", "inden", "sam", "over", "under", "efter", "bag",
                     "gen", "til", "fra", "med", "mod", "der", "her", "hvor", "ud", "op", "om", "af", "be", "er"];

  function saet(liste) {
    var s = new Set();
    liste.forEach(function (x) { s.add(x); });
    return s;
  }

  /** The dictionary from soegning/ordbog.json: {ord: {word: count}, stopord: [...]} */
  function lavOrdbog(data) {
    var ord = new Map();
    Object.keys(data.ord || {}).forEach(function (w) { ord.set(w, data.ord[w]); });
    var stop = saet((data.stopord || []).concat(SAMTALEORD));
    NEGATIONER.forEach(function (n) { stop.delete(n); });
    var sorteret = Array.from(ord.keys()).sort();
    return { ord: ord, sorteret: sorteret, stop: stop, samtale: saet(SAMTALEORD), sider: data.sider || 0, _haler: null };
  }

  // ------------------------------------------------------------------ words

  function normaliser(q) {
    return String(q || "").toLocaleLowerCase("da").normalize("NFC")
      .replace(/[’'`´"“”„«»]/g, "")
      .replace(/\s+/g, " ").trim();
  }

  var ID = /\b([ku])\s*\.?\s*(\d{1,2})\s*\.\s*(\d{1,2})\b|\b([ku])\.?(\d)\.?(\d)\b/g;

  // KL's FSIII codes, as staff copy them from a visitation: a UUID, or a legacy code ("H1.8", "H1c").
  var FSIII = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[a-j]\d{1,2}(?:\.\d{1,2}|[a-c])\b/g;

  /** Intervention ids in the query ("k.2.1", "K 2.1", "k21") → ["K.2.1"], FSIII codes whole, and the rest of the text. */
  function findIder(tekst) {
    var ider = [];
    var rest = tekst.replace(ID, function (m, a, b, c, d, e, f) {
      ider.push((a || d).toUpperCase() + "." + (b || e) + "." + (c || f));
      return " ";
    });
    var koder = [];
    rest = rest.replace(FSIII, function (m) { koder.push(m); return " "; });
    return { ider: ider, koder: koder, rest: rest };
  }

  function ordAf(tekst) {
    return tekst.split(/[^a-zæøåéüöä0-9§]+/).filter(Boolean);
  }

  /** Damerau-Levenshtein distance, stopping early once it exceeds `maks`. */
  function afstand(a, b, maks) {
    if (Math.abs(a.length - b.length) > maks) return maks + 1;
    var forrige2 = null, forrige = [], i, j;
    for (j = 0; j <= b.length; j++) forrige.push(j);
    for (i = 1; i <= a.length; i++) {
      var nu = [i], mindst = i;
      for (j = 1; j <= b.length; j++) {
        var pris = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(forrige[j] + 1, nu[j - 1] + 1, forrige[j - 1] + pris);
        if (forrige2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          v = Math.min(v, forrige2[j - 2] + 1);
        nu.push(v);
        if (v < mindst) mindst = v;
      }
      if (mindst > maks) return maks + 1;
      forrige2 = forrige;
      forrige = nu;
    }
    return forrige[b.length];
  }

  /** æ/ø/å typed as ae/oe/aa (a phone or a foreign keyboard): the word in Danish letters, if known. */
  function danskeBogstaver(w, ordbog) {
    if (!/ae|oe|aa/.test(w)) return null;
    var d = w.replace(/aa/g, "å").replace(/oe/g, "ø").replace(/ae/g, "æ");
    return ordbog.ord.has(d) ? d : null;
  }

  /** Known words one typo away (substitution, insertion, deletion or two swapped letters), most frequent first. */
  function rettelser(w, ordbog, antal) {
    if (w.length < MIN_TYPO || ordbog.ord.has(w)) return [];
    var fundne = [];
    ordbog.ord.forEach(function (n, kandidat) {
      if (kandidat.length >= MIN_TYPO - 1 && afstand(w, kandidat, 1) === 1) fundne.push([kandidat, n]);
    });
    fundne.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    return fundne.slice(0, antal || 3).map(function (x) { return x[0]; });
  }

  /** Does a catalogue word other than `undtagen` begin with `h`? (Pagefind matches word beginnings.) */
  function begynderOrd(h, ordbog, undtagen) {
    var a = ordbog.sorteret, lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < h) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < a.length && a[i].slice(0, h.length) === h; i++) if (a[i] !== undtagen) return true;
    return false;
  }

  function forled(h, ordbog, loest, w) {
    if (h.length < MIN_DEL || IKKE_FORLED.indexOf(h) >= 0 || ordbog.stop.has(h)) return false;
    if (ordbog.ord.has(h)) return true;
    // A query word's first part need only begin a catalogue word ("vindues" in vinduesvask).
    if (loest && h.length >= MIN_HALE && begynderOrd(h, ordbog, w)) return true;
    // The linking -s- or -e- (aflastning-s-ophold, vask-e-tøj).
    var u = h.slice(0, -1);
    return /[se]$/.test(h) && u.length >= MIN_DEL && ordbog.ord.has(u) && IKKE_FORLED.indexOf(u) < 0;
  }

  /**
   * A compound's parts by the dictionary method: the longest known last part whose first part is a
   * known word (or a known word + linking s/e); the last part is split again. null if none.
   * `loest` (a query word): the first part may also be the beginning of a catalogue word.
   */
  function dele(w, ordbog, loest) {
    for (var i = MIN_DEL; i <= w.length - MIN_DEL; i++) {
      var hoved = w.slice(0, i), hale = w.slice(i);
      if (!forled(hoved, ordbog, loest, w)) continue;
      if (ordbog.ord.has(hale) && !ordbog.stop.has(hale)) return [hoved, hale];
      var rest = dele(hale, ordbog, loest);
      if (rest) return [hoved].concat(rest);
    }
    return null;
  }

  /** The catalogue's compounds that end in `w` (index side of the split): "vask" → tøjvask, trappevask. */
  function sammensatteMed(w, ordbog) {
    if (w.length < MIN_HALE) return [];
    if (!ordbog._haler) {
      // Built once per dictionary: each catalogue word's last part → the words.
      var haler = new Map();
      ordbog.ord.forEach(function (n, ord) {
        if (ord.length < MIN_DEL + MIN_HALE) return;
        var d = dele(ord, ordbog);
        if (!d) return;
        var hale = d[d.length - 1];
        if (!haler.has(hale)) haler.set(hale, []);
        haler.get(hale).push(ord);
      });
      ordbog._haler = haler;
    }
    return (ordbog._haler.get(w) || []).slice().sort(function (a, b) {
      return ordbog.ord.get(b) - ordbog.ord.get(a) || (a < b ? -1 : 1);
    });
  }

  /** The forms Pagefind is asked for, for one content word; a form with a space is an all-terms search. */
  function former(w, ordbog) {
    var ud = [w];
    function tilfoej(f) { if (f && ud.indexOf(f) < 0) ud.push(f); }
    tilfoej(danskeBogstaver(w, ordbog));
    if (!ordbog.ord.has(w) && !danskeBogstaver(w, ordbog)) {
      rettelser(w, ordbog).forEach(tilfoej);
      var d = dele(w, ordbog, true);
      if (d) tilfoej(d.join(" "));
    }
    sammensatteMed(w, ordbog).forEach(tilfoej);
    return ud.slice(0, MAKS_FORMER);
  }

  /**
   * The query understood: {ider, begreber: [{ord, former}], sektioner, tom}.
   * `tom` is true when nothing is left to search for (only stop words).
   */
  function forstaa(q, ordbog) {
    var tekst = normaliser(q);
    var id = findIder(tekst);
    var rest = " " + id.rest.replace(/[^a-zæøåéüöä0-9§ ]+/g, " ").replace(/\s+/g, " ") + " ";
    var sektioner = [];
    function sektion(h) { if (sektioner.indexOf(h.sektion) < 0) sektioner.push(h.sektion); }
    HENSIGTER.forEach(function (h) {
      h.fraser.forEach(function (frase) {
        var moenster = " " + frase + " ";
        if (rest.indexOf(moenster) >= 0) { rest = rest.split(moenster).join(" "); sektion(h); }
      });
      h.ord.forEach(function (w) { if (rest.indexOf(" " + w + " ") >= 0) sektion(h); });
    });
    var sete = new Set();
    var begreber = [];
    ordAf(rest).forEach(function (w) {
      if (ordbog.stop.has(w) || sete.has(w)) return;
      if (w.length < 2 && !/\d/.test(w)) return;
      sete.add(w);
      begreber.push({ ord: w, former: former(w, ordbog) });
    });
    // Only question words left ("min mor"): they are what the reader wants found after all.
    if (!begreber.length) {
      ordAf(rest).forEach(function (w) {
        if (ordbog.samtale.has(w) && !sete.has(w)) { sete.add(w); begreber.push({ ord: w, former: former(w, ordbog) }); }
      });
    }
    id.ider.forEach(function (i) { begreber.unshift({ ord: i, former: [i], id: true }); });
    id.koder.forEach(function (k) { begreber.unshift({ ord: k, former: [k], id: true }); });
    // A short query as typed, stop words included, all required: "handle ind", "gøre rent".
    // Not an id's digits ("U.1.4" is not "u 1 4", which every table of ids contains).
    var alle = ordAf(id.rest);
    if (begreber.length && alle.length > 1 && alle.length <= 3) begreber.push({ ord: alle.join(" "), former: [alle.join(" ")], helhed: true });
    return { tekst: tekst, ider: id.ider, begreber: begreber, sektioner: sektioner, tom: !begreber.length };
  }

  // ------------------------------------------------------------------ ranking

  /**
   * Order pages. `fund[i]` is a Map pageId → {score, titel} for begreber[i] (best form);
   * `sektionsfund` a Map pageId → score for the section words; `grupper` {om, oversigt}: Sets of
   * the ids of pages about the site itself and of overview pages (tables that repeat what the
   * entries say); `antalSider` the number of indexed pages.
   */
  function ranger(begreber, fund, sektionsfund, grupper, antalSider) {
    grupper = grupper || {};
    var sider = new Map();
    fund.forEach(function (f, i) {
      // A word on most pages ("hjælp", "ikke") says little about which page is meant.
      var vaegt = antalSider && f.size > antalSider * 0.4 ? 0.5 : 1;
      if (begreber[i] && (begreber[i].id || begreber[i].helhed)) vaegt = 2;
      f.forEach(function (v, side) {
        var s = sider.get(side) || { side: side, matchede: 0, score: 0, titel: false };
        s.matchede += vaegt;
        s.score += v.score;
        s.titel = s.titel || !!v.titel;
        sider.set(side, s);
      });
    });
    if (sektionsfund) {
      sektionsfund.forEach(function (score, side) {
        var s = sider.get(side);
        if (s) s.score += 0.5 * score;
      });
    }
    var liste = Array.from(sider.values());
    liste.forEach(function (s) {
      // About the site: after the catalogue, unless the query names the page.
      s.omSitet = grupper.om && grupper.om.has(s.side) && !s.titel ? 1 : 0;
      // An overview repeats the entries: on equal terms the entry that states it comes first.
      if (grupper.oversigt && grupper.oversigt.has(s.side) && !s.titel) s.score *= 0.5;
    });
    liste.sort(function (a, b) {
      return a.omSitet - b.omSitet || b.matchede - a.matchede || b.score - a.score || (a.side < b.side ? -1 : 1);
    });
    return liste;
  }

  // ------------------------------------------------------------------ snippets

  function udenMarkering(s) {
    return String(s || "").replace(/<\/?mark>/g, "").replace(/\s+/g, " ").trim();
  }

  /**
   * Does a snippet say nothing new next to `kendt` (the title, summary and facts shown above it)?
   * True when it is part of one of them, or mostly one of them.
   */
  function gentager(uddrag, kendt) {
    var u = udenMarkering(uddrag).replace(/[….\s]+$/, "").replace(/^[….\s]+/, "");
    if (!u) return true;
    return kendt.some(function (k) {
      k = udenMarkering(k).replace(/[.\s]+$/, "");
      return k && (k.indexOf(u) >= 0 || (u.indexOf(k) >= 0 && k.length >= 0.4 * u.length));
    });
  }

  /** Is a snippet only its section's heading ("Hyppighed og omfang.")? It says nothing then. */
  function kunOverskrift(uddrag, afsnit) {
    function ren(x) { return udenMarkering(x).replace(/^[….\s]+|[….:\s]+$/g, "").toLocaleLowerCase("da"); }
    return !!afsnit && ren(uddrag) === ren(afsnit);
  }

  return {
    lavOrdbog: lavOrdbog, normaliser: normaliser, findIder: findIder, afstand: afstand,
    rettelser: rettelser, dele: dele, sammensatteMed: sammensatteMed, former: former,
    forstaa: forstaa, ranger: ranger, gentager: gentager, kunOverskrift: kunOverskrift, udenMarkering: udenMarkering,
    HENSIGTER: HENSIGTER
  };
});
