/*
 * Søgeforståelse: what a typed question means for the search — the small part the site writes
 * itself; Pagefind does the stemming (Danish Snowball), weights, metadata and filters.
 *
 *   forstaa(q, ordbog)  → the query's concepts ("begreber"): content words, each with the forms
 *                         Pagefind is asked for (the word, its one-typo corrections, its compound
 *                         parts, the catalogue's compounds that end in it), plus the catalogue
 *                         sections a question word points to ("hvor tit" → Hyppighed), and the
 *                         catalogue's term for an everyday word (HVERDAGSORD: "se min sag" → aktindsigt).
 *   ranger(begreber, fund, …) → pages ordered by points: per concept its weight (idf: a word on
 *                         few pages says more than one on most; a question word like "pris" half)
 *                         times how strongly the page holds it (its title most, a keyword, the
 *                         text least), half as much again per thing asked that it answers; overview
 *                         pages lower, pages about the site after the catalogue unless named.
 *   foraeldreFoerst(…)  → a standard before its entries when the question cannot tell them apart.
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
    "ha", "må", "mon", "lige", "gerne", "kommer", "komme", "kom", "nogen", "hej", "tak", "sker", "går", "gøres", "bare", "egentlig",
    "mor", "mors", "far", "fars", "moren", "faren", "mand", "manden", "kone", "konen", "hustru", "søn",
    "datter", "forældre", "bedstemor", "bedstefar", "mormor", "morfar", "farmor", "farfar", "svigermor",
    "svigerfar"
  ];

  // Question words that point at a section every page of that kind has ("Hyppighed", "Betaling").
  // The section word is added as a bonus, never required: "hvor tit rengøring" prefers the page
  // whose "Hyppighed" speaks of rengøring. Phrases are only question words and are removed;
  // single words ("pris", "forsinket") are catalogue words too and stay in the search.
  // `overskrift`: the headings of the sections that answer it, in both kinds of catalogue (a noun,
  // "Pris og betaling", or the reader's question, "Hvad koster det at få hjælp til madservice?"): a
  // page where the question's words stand in such a section ranks first (hensigtsbonus).
  var HENSIGTER = [
    { fraser: ["hvor tit", "hvor ofte", "hvor mange gange"], ord: ["tit", "ofte", "hyppigt"], sektion: "hyppighed",
      overskrift: /hyppighed|omfang|hvor ofte|hvor tit|hvor mange/ },
    { fraser: ["hvad koster", "hvor meget koster"], ord: ["koster", "pris", "prisen", "betale", "gratis", "takst"],
      sektion: "betaling", overskrift: /pris|betal|koste|takst/ },
    { fraser: ["hvor lang tid", "hvor lang", "hvor hurtigt", "hvor længe"], ord: ["hurtigt", "ventetid", "vente", "venter", "svartid"],
      sektion: "sagsbehandlingsfrist", overskrift: /frist|ventetid|iværksættelse|leverancesikkerhed|levering/ },
    { fraser: ["hvornår kommer", "hvilke tider"], ord: [], sektion: "levering",
      overskrift: /levering|leverance|tidspunkt|vejledende omfang og tider/ },
    { fraser: ["for sent", "kommer ikke", "ikke kommer"], ord: ["forsinket", "forsinkelse", "aflyser", "aflyst", "aflysning"],
      sektion: "leverancesikkerhed", overskrift: /leverancesikkerhed|levering/ },
    { fraser: ["hvem kan", "hvem får"], ord: ["målgruppe"], sektion: "målgruppe",
      overskrift: /målgruppe|hvem kan|hvem får|modtage/ }
  ];

  // Everyday Danish for the terms catalogues use (Danish, not one catalogue's: a term is searched
  // only where the catalogue has it). A phrase of `fraser` adds the term as a concept of its own
  // beside the phrase's words; a word of `ord` gets the term as one more form.
  // Written from the service's and the citizen's side of the words, as Hugo's i18n strings are a
  // language's, not a site's.
  var HVERDAGSORD = [
    { term: "aktindsigt", fraser: ["se min sag", "se sagen", "se mine papirer", "læse min sag", "se min journal"], ord: ["journal"] },
    { term: "ophør", fraser: [], ord: ["stopper", "stoppe", "stoppet", "slutter", "ophører"] },
    { term: "visitation", fraser: ["hvem bestemmer", "hvem vurderer", "hvem afgør"], ord: ["visitator", "visitatoren"] },
    { term: "indkøb", fraser: ["handle ind", "købe ind"], ord: ["handle", "handlet", "handler", "dagligvarer"] },
    { term: "rengøring", fraser: ["gøre rent", "gør rent", "gjort rent"], ord: [] },
    { term: "tøjvask", fraser: ["vaske tøj", "vasket tøj", "tøjet vasket"], ord: [] },
    { term: "nødkald", fraser: [], ord: ["alarm", "alarmen", "nødkaldet", "kaldeanlæg"] },
    { term: "madudbringning", fraser: ["mad bragt ud", "mad bragt hjem", "mad ud af huset", "bringe mad"], ord: [] },
    { term: "klage", fraser: [], ord: ["klager", "klagen", "utilfreds"] }
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

  /**
   * The dictionary from soegning/ordbog.json: {ord: {word: count}, stopord: [...], dansk: [...]}.
   * `dansk`: the right Danish words (hunspell da_DK) one typo from a catalogue word; with the
   * catalogue's own words they are "known" and never corrected (generator/site/dansk_ordbog.py).
   */
  function lavOrdbog(data) {
    var ord = new Map();
    Object.keys(data.ord || {}).forEach(function (w) { ord.set(w, data.ord[w]); });
    var stop = saet((data.stopord || []).concat(SAMTALEORD));
    NEGATIONER.forEach(function (n) { stop.delete(n); });
    var sorteret = Array.from(ord.keys()).sort();
    return { ord: ord, dansk: saet(data.dansk || []), raekker: data.raekker || {}, sorteret: sorteret, stop: stop, samtale: saet(SAMTALEORD),
             sider: data.sider || 0, _haler: null };
  }

  /** A word of the catalogue or of the Danish dictionary: searched as typed, never corrected. */
  function kendt(w, ordbog) {
    return ordbog.ord.has(w) || ordbog.dansk.has(w);
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
    if (!/ae|oe|aa/.test(w) || kendt(w, ordbog)) return null;
    var d = w.replace(/aa/g, "å").replace(/oe/g, "ø").replace(/ae/g, "æ");
    return ordbog.ord.has(d) ? d : null;
  }

  /** Known words one typo away (substitution, insertion, deletion or two swapped letters), most frequent first. */
  // Inflection endings: a typo in an inflected form ("rengørigen") is looked for in its stem too,
  // since the catalogue may use only the base form ("rengøring"); Pagefind stems the rest.
  var ENDELSER = ["erne", "ene", "ens", "ets", "en", "et", "er", "e", "s"];

  function rettelser(w, ordbog, antal) {
    if (w.length < MIN_TYPO || kendt(w, ordbog)) return [];
    var fundne = [];
    function led(x) {
      ordbog.ord.forEach(function (n, kandidat) {
        if (kandidat.length >= MIN_TYPO - 1 && afstand(x, kandidat, 1) === 1 && !fundne.some(function (f) { return f[0] === kandidat; }))
          fundne.push([kandidat, n]);
      });
    }
    led(w);
    if (!fundne.length) {
      for (var i = 0; i < ENDELSER.length && !fundne.length; i++) {
        var e = ENDELSER[i], stamme = w.slice(0, -e.length);
        if (w.slice(-e.length) === e && stamme.length >= MIN_TYPO && !kendt(stamme, ordbog)) led(stamme);
      }
    }
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

  /**
   * An inflected form the catalogue does not use, by the catalogue's word it begins with
   * ("hjemmehjælperen" → hjemmehjælp): searched beside the word, as stemming would. null if none.
   */
  function grundform(w, ordbog) {
    for (var n = w.length - 1; n >= Math.max(MIN_TYPO, w.length - 4); n--) {
      var g = w.slice(0, n);
      if (ordbog.ord.has(g) && !ordbog.stop.has(g)) return g;
    }
    return null;
  }

  /**
   * What the search would put in the place of a word it does not know: the word in Danish letters,
   * or the catalogue's words one typo away. Empty for a known word (kendt): a right word is never changed.
   */
  function rettelserAf(w, ordbog) {
    var d = danskeBogstaver(w, ordbog);
    return d ? [d] : rettelser(w, ordbog);
  }

  /** The catalogue's term for an everyday word ("stopper" → ophør), if the catalogue uses it. */
  function hverdagsterm(w, ordbog) {
    for (var i = 0; i < HVERDAGSORD.length; i++) {
      var h = HVERDAGSORD[i];
      if (h.ord.indexOf(w) >= 0 && h.term !== w && ordbog.ord.has(h.term)) return h.term;
    }
    return null;
  }

  /**
   * The forms Pagefind is asked for, for one content word; a form with a space is an all-terms
   * search. The word itself always; its corrections (rettelserAf) unless `praecis` (the reader
   * asked for the question as typed); its compound parts; the catalogue's compounds ending in it.
   */
  function former(w, ordbog, praecis) {
    var ud = [w];
    function tilfoej(f) { if (f && ud.indexOf(f) < 0) ud.push(f); }
    if (!praecis) rettelserAf(w, ordbog).forEach(tilfoej);
    if (!ordbog.ord.has(w)) {
      // An inflection of a catalogue word is that word, not a compound ("hjemmehjælperen" is not hjemme+hjælpe+ren).
      var g = grundform(w, ordbog);
      tilfoej(g);
      var d = g ? null : dele(w, ordbog, true);
      if (d) tilfoej(d.join(" "));
    }
    sammensatteMed(w, ordbog).forEach(tilfoej);
    var term = hverdagsterm(w, ordbog);
    if (term) ud.splice(1, 0, term);
    return ud.filter(function (f, i) { return ud.indexOf(f) === i; }).slice(0, MAKS_FORMER);
  }

  /**
   * The query understood: {ider, begreber: [{ord, former, rettet}], sektioner, tom}.
   * `rettet`: the forms among `former` that replace the word (a correction; the page shows it).
   * `tom` is true when nothing is left to search for (only stop words).
   * `valg.praecis`: no corrections (the reader chose "Søg i stedet efter" the question as typed).
   */
  function forstaa(q, ordbog, valg) {
    var praecis = !!(valg && valg.praecis);
    function begreb(w) {
      var f = former(w, ordbog, praecis);
      var r = praecis ? [] : rettelserAf(w, ordbog).filter(function (x) { return f.indexOf(x) >= 0; });
      return { ord: w, former: f, rettet: r };
    }
    var tekst = normaliser(q);
    var id = findIder(tekst);
    var rest = " " + id.rest.replace(/[^a-zæøåéüöä0-9§ ]+/g, " ").replace(/\s+/g, " ") + " ";
    // An everyday phrase ("se min sag") is the catalogue's term (aktindsigt), where the catalogue has it.
    var termer = [];
    HVERDAGSORD.forEach(function (h) {
      if (!ordbog.ord.has(h.term)) return;
      h.fraser.forEach(function (frase) {
        var moenster = " " + frase + " ";
        if (rest.indexOf(moenster) >= 0 && termer.indexOf(h.term) < 0) termer.push(h.term);
      });
    });
    var sektioner = [];
    function sektion(h) { if (sektioner.indexOf(h.sektion) < 0) sektioner.push(h.sektion); }
    HENSIGTER.forEach(function (h) {
      h.fraser.forEach(function (frase) {
        var moenster = " " + frase + " ";
        if (rest.indexOf(moenster) >= 0) { rest = rest.split(moenster).join(" "); sektion(h); }
      });
      h.ord.forEach(function (w) { if (rest.indexOf(" " + w + " ") >= 0) sektion(h); });
    });
    var sete = new Set(termer);
    var begreber = termer.map(function (term) { return { ord: term, former: [term], rettet: [] }; });
    ordAf(rest).forEach(function (w) {
      if (ordbog.stop.has(w) || sete.has(w)) return;
      if (w.length < 2 && !/\d/.test(w)) return;
      sete.add(w);
      begreber.push(begreb(w));
    });
    // Only question words left ("min mor"): they are what the reader wants found after all.
    if (!begreber.length) {
      ordAf(rest).forEach(function (w) {
        if (ordbog.samtale.has(w) && !sete.has(w)) { sete.add(w); begreber.push(begreb(w)); }
      });
    }
    // A question word reached through a correction ("gratiss" → gratis) points at its section too.
    begreber.forEach(function (b) {
      HENSIGTER.forEach(function (h) {
        if (b.rettet.some(function (r) { return h.ord.indexOf(r) >= 0; })) sektion(h);
      });
    });
    id.ider.forEach(function (i) { begreber.unshift({ ord: i, former: [i], rettet: [], id: true }); });
    id.koder.forEach(function (k) { begreber.unshift({ ord: k, former: [k], rettet: [], id: true }); });
    // A short query as typed, stop words included, all required: "handle ind", "gøre rent".
    // Not an id's digits ("U.1.4" is not "u 1 4", which every table of ids contains).
    // Without the question's phrases ("hvad koster"): they would make every price heading a match.
    // Only where a stop word would otherwise be lost: the content words are searched already.
    var alle = ordAf(rest);
    var medStopord = alle.some(function (w) { return ordbog.stop.has(w) && !ordbog.samtale.has(w); });
    if (begreber.length && medStopord && alle.length > 1 && alle.length <= 3) begreber.push({ ord: alle.join(" "), former: [alle.join(" ")], rettet: [], helhed: true });
    return { tekst: tekst, ider: id.ider, begreber: begreber, sektioner: sektioner, tom: !begreber.length };
  }

  // ------------------------------------------------------------------ ranking

  /**
   * Order pages by points (see the top of this file); measured on the catalogues' question sets
   * (tests/site/test_spoergsmaal.py), checked on held-out ones never tuned on.
   * `fund[i]` is a Map pageId → {score, titel} for begreber[i] (best form);
   * `sektionsfund` a Map pageId → score for the section words; `grupper` {om, oversigt}: Sets of
   * the ids of pages about the site itself and of overview pages (tables that repeat what the
   * entries say); `antalSider` the number of indexed pages.
   */
  function ranger(begreber, fund, sektionsfund, grupper, antalSider, bonus) {
    grupper = grupper || {};
    var N = antalSider || 1;
    fund.forEach(function (f) { if (f.size > N) N = f.size; });
    var sider = new Map();
    var w = fund.map(function (f, i) {
      var b = begreber[i] || {};
      return b.id ? 2 : b.helhed ? 0 : vaegt(f.size, N) * (spoergeord(b.ord) ? 0.5 : 1);
    });
    // The question as typed with its stop words ("handle ind"): as much as its words on average.
    var ord_ = w.filter(function (x, i) { return !(begreber[i] || {}).helhed && !(begreber[i] || {}).id; });
    var helhed = ord_.length ? ord_.reduce(function (a, x) { return a + x; }, 0) / ord_.length : 0.5;
    fund.forEach(function (f, i) {
      var b = begreber[i] || {};
      var wi = b.helhed ? helhed : w[i];
      f.forEach(function (v, side) {
        var s = sider.get(side) || { side: side, point: 0, score: 0, titel: false };
        // A word of the question in the page's title: the page is about it.
        var iTitel = !!v.titel && !b.helhed;
        s.point += wi * styrke(v.score, iTitel, wi);
        s.score += v.score;
        s.titel = s.titel || iTitel;
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
      // What the question asks (a price, a time) answered where its words stand: half as much again.
      if (bonus && bonus.has(s.side)) s.point *= 1 + 0.5 * bonus.get(s.side);
      // About the site: after the catalogue, unless the query names the page.
      s.omSitet = grupper.om && grupper.om.has(s.side) && !s.titel ? 1 : 0;
      // An overview repeats the entries: the entry that states it comes first, unless the
      // question names the overview.
      if (grupper.oversigt && grupper.oversigt.has(s.side) && !s.titel) { s.score *= 0.5; s.point *= 0.75; }
    });
    liste.sort(function (a, b) {
      return a.omSitet - b.omSitet || b.point - a.point || b.score - a.score || (a.side < b.side ? -1 : 1);
    });
    return liste;
  }

  /** A word that says what is asked ("pris", "ventetid"), not what about: half a word in the ranking. */
  function spoergeord(w) {
    return HENSIGTER.some(function (h) { return h.ord.indexOf(w) >= 0; });
  }

  /**
   * A question whose words cannot tell a standard's entries apart ("genoptræning" on three training
   * packages) is answered by the standard: when at least SOESKENDE entries of one standard match
   * about as well as the best page (90 %), and the standard itself nearly as well (80 %), it goes
   * first — unless the best page is named by its title and the standard is not.
   * `liste` ranked (ranger); `om(s)` → {url, del_af: [the URLs of the entry's standards]}.
   */
  var SOESKENDE = 2;
  function foraeldreFoerst(liste, om) {
    if (liste.length < SOESKENDE + 1) return liste;
    var top = liste[0].point;
    var taelling = new Map();
    liste.forEach(function (s) {
      if (s.point < 0.9 * top) return;
      om(s).del_af.forEach(function (f) { taelling.set(f, (taelling.get(f) || 0) + 1); });
    });
    var bedst = null;
    taelling.forEach(function (n, f) { if (n >= SOESKENDE && (!bedst || n > taelling.get(bedst))) bedst = f; });
    if (!bedst) return liste;
    var i = liste.findIndex(function (s) { var u = om(s).url; return u.slice(-bedst.length) === bedst; });
    if (i <= 0 || liste[i].point < 0.8 * top) return liste;
    // The question names the best entry by its title and not the standard: the entry is meant.
    if (liste[0].titel && !liste[i].titel) return liste;
    return [liste[i]].concat(liste.slice(0, i), liste.slice(i + 1));
  }

  /** How much a word says about which page is meant: 1 on few pages, down to 0.25 on most (idf). */
  function vaegt(df, N) {
    if (N < 4) return 1;
    var v = Math.log((N + 1) / (df + 0.5)) / Math.log((N + 1) / 1.5);
    return Math.max(0.25, Math.min(1, v));
  }

  /** How strongly a page holds a word: in its title 1.5 (a common word 1); else by Pagefind's score, up to 0.8 (a keyword ≈ 6, the text ≈ 0.1). */
  var STAERK = 6;
  function styrke(score, iTitel, w) {
    // A specific word in the title names the page; a common one ("hjælp") only says it is about help.
    if (iTitel) return w >= 0.35 ? 1.5 : 1;
    return Math.min(0.8, 0.35 + 0.45 * Math.log(1 + (score || 0)) / Math.log(1 + STAERK));
  }

  /**
   * The intents of the question (`sektioner`, from forstaa) that a page answers where the question's
   * words stand: `afsnit` are the headings of the page's sections holding a hit. One per intent.
   */
  function hensigtsbonus(sektioner, afsnit, omEmnet) {
    // A page about the question's subject (its title) answers what is asked about it: an entry's
    // page states every aspect of its service level, even where its section is its standard's
    // (inherited text is not indexed on the entry, so the section has no hit to show).
    if (omEmnet) return sektioner.length;
    var n = 0;
    // The question words themselves ("pris", "ventetid") do not say what the question is about.
    var sektionsord = [];
    HENSIGTER.forEach(function (h) { sektionsord.push(h.sektion); sektionsord = sektionsord.concat(h.ord); });
    HENSIGTER.forEach(function (h) {
      if (sektioner.indexOf(h.sektion) < 0) return;
      if (afsnit.some(function (a) {
        if (!h.overskrift.test(String(a.titel || "").toLocaleLowerCase("da"))) return false;
        // The page is about the question's subject (its title), or the section names it.
        return omEmnet || (a.ord || []).some(function (w) { return sektionsord.indexOf(w) < 0; });
      })) n++;
    });
    return n;
  }

  /**
   * The table row a snippet comes from: `raekker` [[id, text, section id], …] of the page (ordbog.json
   * "raekker"), `ord` the searched words, `uddrag` the snippet, `afsnit` its section's id. The row
   * holding most of the marked words (then of the snippet's other words), preferring the snippet's
   * own section; null when no row holds a marked word.
   */
  function raekkeFor(raekker, ord, uddrag, afsnit) {
    if (!raekker || !raekker.length) return null;
    var mark = markerede(uddrag).concat(ord || []).map(function (w) { return w.toLocaleLowerCase("da"); });
    var tekst = udenMarkering(uddrag).toLocaleLowerCase("da").split(/[^a-zæøåéüöä0-9]+/)
      .filter(function (w) { return w.length >= 4; });
    function point(r) {
      var ordene = r[1].toLocaleLowerCase("da").split(/[^a-zæøåéüöä0-9]+/);
      function har(w) {
        // A stem of at least 4 letters begins one of the row's words (nødkald → nødkaldet).
        var st = w.length > 5 ? w.slice(0, Math.max(4, w.length - 2)) : w;
        return ordene.some(function (o) { return o.indexOf(st) === 0; });
      }
      var m = new Set(mark.filter(har)).size;
      return { m: m, p: 3 * m + new Set(tekst.filter(har)).size + (r[2] === afsnit ? 0.5 : 0) };
    }
    var bedst = null, bp = null;
    raekker.forEach(function (r) {
      var p = point(r);
      if (p.m && (!bp || p.p > bp.p)) { bedst = r; bp = p; }
    });
    return bedst ? bedst[0] : null;
  }

  /**
   * A Pagefind excerpt (HTML: escaped text, <mark> around hits) as safe HTML with only its <mark>s:
   * read in an inert template of `dok` (nothing loads or runs), its text escaped once, so an
   * entity in the text ("&lt;hvorfor&gt;") shows as its character, never as "&lt;".
   */
  function rensUddrag(s, dok) {
    var t = dok.createElement("template");
    t.innerHTML = String(s || "");
    var ud = "";
    function esc(x) { return x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
    (function gaa(n) {
      Array.prototype.forEach.call(n.childNodes, function (c) {
        if (c.nodeType === 3) ud += esc(c.nodeValue);
        else if (c.nodeName === "MARK") { ud += "<mark>"; gaa(c); ud += "</mark>"; }
        else if (c.nodeType === 1) gaa(c);
      });
    })(t.content);
    return ud;
  }

  /** The words a snippet marks ("<mark>Rengøring</mark>" → ["rengøring"]). */
  function markerede(uddrag) {
    var ud = [], m, re = /<mark>([^<]*)<\/mark>/g;
    while ((m = re.exec(String(uddrag || "")))) ud.push(m[1].toLocaleLowerCase("da"));
    return ud;
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
    lavOrdbog: lavOrdbog, kendt: kendt, rettelserAf: rettelserAf, normaliser: normaliser, findIder: findIder, afstand: afstand,
    rettelser: rettelser, dele: dele, sammensatteMed: sammensatteMed, former: former,
    forstaa: forstaa, ranger: ranger, foraeldreFoerst: foraeldreFoerst, hensigtsbonus: hensigtsbonus, markerede: markerede, raekkeFor: raekkeFor, rensUddrag: rensUddrag, gentager: gentager, kunOverskrift: kunOverskrift, udenMarkering: udenMarkering,
    HENSIGTER: HENSIGTER
  };
});
