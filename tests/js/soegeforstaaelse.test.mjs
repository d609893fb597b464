// Unit tests for overrides/assets/javascripts/soegeforstaaelse.js (node's built-in test runner).
// Run by tests/site/test_soegeforstaaelse.py, so `make test` runs them: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const F = createRequire(import.meta.url)("../../overrides/assets/javascripts/soegeforstaaelse.js");

// A small dictionary in the shape of soegning/ordbog.json: words of a catalogue and their counts.
const ordbog = F.lavOrdbog({
  sider: 10,
  ord: {
    rengøring: 30, rengøre: 2, gøre: 5, rent: 3, vask: 4, tøj: 6, tøjvask: 5, trappevask: 1, trappe: 1,
    vinduesvask: 1, pudsning: 1, hjemme: 4, pleje: 9, hjemmepleje: 8, hjemmeplejen: 7, indkøb: 6,
    aflastning: 5, aflastningsophold: 2, ophold: 6, plejebolig: 4, bolig: 5, sagsbehandlingsfrist: 9,
    frist: 3, tid: 4, madservice: 3, mad: 8, service: 2, for: 50, forhold: 4, hold: 2, holdtræning: 2,
    træning: 9, borger: 20, borgeren: 30, ikke: 40, hjælp: 60, forsinket: 1, hyppighed: 20,
  },
  stopord: ["og", "i", "jeg", "at", "til", "hvad", "der", "hvis", "hvor", "min", "for", "det", "er", "på",
            "af", "ikke", "man", "meget", "bliver", "de", "ind", "om"],
});

test("stop words go, negations stay", () => {
  const p = F.forstaa("Hvad kan hjemmeplejen ikke hjælpe med", ordbog);
  const ord = p.begreber.filter(b => !b.helhed).map(b => b.ord);
  assert.deepEqual(ord, ["hjemmeplejen", "ikke", "hjælpe", "med"]);   // "med" is no stop word in this list
});

test("who asks is not what is asked: family words are dropped", () => {
  const p = F.forstaa("min mor skal have hjælp til bad", ordbog);
  assert.ok(!p.begreber.some(b => b.ord === "mor"));
});

test("question words alone are searched after all", () => {
  assert.deepEqual(F.forstaa("hvad er min mor", ordbog).begreber.filter(b => !b.helhed).map(b => b.ord), ["mor"]);
});

test("a query of only stop words is empty, so the caller searches it as typed", () => {
  assert.equal(F.forstaa("hvad er det", ordbog).tom, true);
});

test("question phrases become section bonuses; the catalogue's own words stay searchable", () => {
  const p = F.forstaa("hvor tit rengøring", ordbog);
  assert.deepEqual(p.sektioner, ["hyppighed"]);
  assert.deepEqual(p.begreber.map(b => b.ord), ["rengøring"]);   // the phrase is the section bonus, not a word
  const f = F.forstaa("hjemmeplejen forsinket", ordbog);
  assert.deepEqual(f.sektioner, ["leverancesikkerhed"]);
  assert.ok(f.begreber.some(b => b.ord === "forsinket"));
});

test("intervention ids in any spelling", () => {
  for (const q of ["K.2.1", "k.2.1", "k 2.1", "k21", "K2.1"])
    assert.deepEqual(F.forstaa(q, ordbog).ider, ["K.2.1"], q);
  assert.equal(F.forstaa("k21 rengøring", ordbog).begreber[0].id, true);
});

test("FSIII codes (a UUID or a legacy code) are searched whole, not as their parts", () => {
  const u = F.forstaa("43608562-E356-4990-8b96-e35128bbdc4f", ordbog);
  assert.deepEqual(u.begreber.map(b => b.ord), ["43608562-e356-4990-8b96-e35128bbdc4f"]);
  assert.equal(u.begreber[0].id, true);
  for (const q of ["H1.8", "h1.8"]) assert.deepEqual(F.forstaa(q, ordbog).begreber.map(b => b.ord), ["h1.8"], q);
  assert.deepEqual(F.forstaa("H2.11 rengøring", ordbog).begreber.map(b => b.ord).slice(0, 2), ["h2.11", "rengøring"]);
  // Not an id's digits, nor a word with a digit in it.
  assert.deepEqual(F.forstaa("K.2.1", ordbog).begreber.map(b => b.ord), ["K.2.1"]);
});

test("Damerau-Levenshtein distance with early stop", () => {
  assert.equal(F.afstand("rengørng", "rengøring", 1), 1);   // a letter missing
  assert.equal(F.afstand("indkøp", "indkøb", 1), 1);        // a wrong letter
  assert.equal(F.afstand("rengørign", "rengøring", 1), 1);  // two letters swapped
  assert.equal(F.afstand("bad", "mad", 1), 1);
  assert.ok(F.afstand("hjemmepleje", "aflastning", 1) > 1);
});

test("one typo is corrected in words of five letters or more, never in short ones", () => {
  assert.deepEqual(F.rettelser("rengørng", ordbog), ["rengøring"]);
  assert.deepEqual(F.rettelser("indkøp", ordbog), ["indkøb"]);
  assert.deepEqual(F.rettelser("aflasning", ordbog), ["aflastning"]);
  assert.deepEqual(F.rettelser("rengøring", ordbog), []);      // known word
  assert.deepEqual(F.rettelser("tøx", ordbog), []);            // too short to guess
});

test("æ, ø and å typed as ae, oe and aa", () => {
  assert.ok(F.former("rengoering", ordbog).includes("rengøring"));
  assert.ok(F.former("tojvask", ordbog).includes("tøjvask"));   // ø typed as o: one typo
});

test("compounds split where both parts are catalogue words, with the linking -s-", () => {
  assert.deepEqual(F.dele("trappevask", ordbog), ["trappe", "vask"]);
  assert.deepEqual(F.dele("aflastningsophold", ordbog), ["aflastnings", "ophold"]);
  assert.deepEqual(F.dele("plejeboligtid", ordbog), ["pleje", "bolig", "tid"]);
  assert.equal(F.dele("borgeren", ordbog), null);        // borge is no word: no split
  assert.equal(F.dele("forhold", ordbog), null);         // "for" is a prefix, not a first word
});

test("a query compound's first part may be the beginning of a catalogue word", () => {
  assert.equal(F.dele("vinduespudsning", ordbog), null);
  assert.deepEqual(F.dele("vinduespudsning", ordbog, true), ["vindues", "pudsning"]);
  assert.ok(F.former("vinduespudsning", ordbog).includes("vindues pudsning"));
});

test("a word also finds the catalogue's compounds that end in it", () => {
  assert.deepEqual(F.sammensatteMed("vask", ordbog), ["tøjvask", "trappevask"]);
  assert.ok(F.former("vask", ordbog).includes("tøjvask"));
  assert.deepEqual(F.sammensatteMed("hold", ordbog), []);   // too short, and "for"+"hold" is no compound
});

test("ranking: most concepts first, a word on most pages counts half, pages about the site last", () => {
  const b = [{ ord: "rengøring" }, { ord: "hjælp" }];
  const alle = new Map([...Array(8).keys()].map(i => ["p" + i, { score: 0.1, titel: false }]));
  const fund = [
    new Map([["p1", { score: 0.2, titel: true }], ["om", { score: 0.9, titel: false }], ["p2", { score: 0.1 }]]),
    new Map([...alle, ["om", { score: 0.1 }]]),
  ];
  const r = F.ranger(b, fund, null, { om: new Set(["om"]) }, 10).map(s => s.side);
  assert.deepEqual(r.slice(0, 2), ["p1", "p2"]);
  assert.equal(r[r.length - 1], "om");
  // Named by its title, a page about the site is found like any other.
  fund[0].set("om", { score: 0.9, titel: true });
  assert.equal(F.ranger(b, fund, null, { om: new Set(["om"]) }, 10)[0].side, "om");
});

test("ranking: on equal terms an entry comes before the overview that repeats it", () => {
  const fund = [new Map([["oversigt", { score: 0.3 }], ["indsats", { score: 0.2 }]])];
  const r = F.ranger([{ ord: "tøjvask" }], fund, null, { oversigt: new Set(["oversigt"]) }, 10);
  assert.deepEqual(r.map(s => s.side), ["indsats", "oversigt"]);
});

test("ranking: a section word adds to pages already found, never finds pages on its own", () => {
  const fund = [new Map([["a", { score: 0.2 }], ["b", { score: 0.2 }]])];
  const r = F.ranger([{ ord: "rengøring" }], fund, new Map([["b", 0.5], ["c", 1]]), {}, 10);
  assert.deepEqual(r.map(s => s.side), ["b", "a"]);
});

test("ranking: a rare word weighs more than a common one (idf), and the title more than a keyword", () => {
  // "tøjvask" on 2 of 20 pages, "hjælp" on 18: the page about tøjvask wins over the one full of help.
  const b = [{ ord: "hjælp" }, { ord: "tøjvask" }];
  const hjaelp = new Map([...Array(18).keys()].map(i => ["p" + i, { score: 0.1 }]));
  hjaelp.set("standard", { score: 9 });
  hjaelp.set("indsats", { score: 0.1 });
  const toejvask = new Map([["indsats", { score: 5, titel: true }], ["standard", { score: 6 }]]);
  const r = F.ranger(b, [hjaelp, toejvask], null, {}, 20).map(s => s.side);
  assert.deepEqual(r.slice(0, 2), ["indsats", "standard"]);
  // Without the title the keyword page ("standard", stronger on both words) comes first.
  toejvask.set("indsats", { score: 5 });
  assert.equal(F.ranger(b, [hjaelp, toejvask], null, {}, 20)[0].side, "standard");
  // The common word in a title says less than the rare word in the text.
  const kun = new Map([...Array(18).keys()].map(i => ["p" + i, { score: 0.1 }]));
  kun.set("om-hjaelp", { score: 5, titel: true });
  const sjaelden = new Map([["om-toejvask", { score: 0.1 }]]);
  assert.equal(F.ranger(b, [kun, sjaelden], null, {}, 20)[0].side, "om-toejvask");
});

test("ranking: what the question asks multiplies a page's match, it does not replace it", () => {
  // A page barely holding the word, with the asked-for section, stays behind the page about the word.
  const fund = [new Map([["svag", { score: 0.02 }], ["om-emnet", { score: 3.4 }]])];
  const r = F.ranger([{ ord: "handle" }], fund, null, {}, 20, new Map([["svag", 1]])).map(s => s.side);
  assert.deepEqual(r, ["om-emnet", "svag"]);
  // On equal terms the bonus decides.
  const lige = [new Map([["a", { score: 1 }], ["b", { score: 1 }]])];
  assert.equal(F.ranger([{ ord: "rengøring" }], lige, null, {}, 20, new Map([["b", 1]]))[0].side, "b");
});

test("a page about the question's subject answers what is asked about it", () => {
  assert.equal(F.hensigtsbonus(["hyppighed", "betaling"], [], true), 2);
  assert.equal(F.hensigtsbonus(["hyppighed"], [{ titel: "Hyppighed og omfang", ord: ["hyppighed"] }], false), 0);
  assert.equal(F.hensigtsbonus(["hyppighed"], [{ titel: "Hyppighed og omfang", ord: ["rengøring"] }], false), 1);
});

test("a standard goes before the entries a question cannot tell apart, not before one it names", () => {
  const om = { a: { url: "/k/a/", del_af: ["k/std/"] }, b: { url: "/k/b/", del_af: ["k/std/"] },
               std: { url: "/k/std/", del_af: [] }, x: { url: "/k/x/", del_af: ["k/andet/"] } };
  const hvem = s => om[s.side];
  const liste = [{ side: "a", point: 1 }, { side: "b", point: 0.95 }, { side: "std", point: 0.9 }, { side: "x", point: 0.2 }];
  assert.deepEqual(F.foraeldreFoerst(liste, hvem).map(s => s.side), ["std", "a", "b", "x"]);
  // One entry clearly best: it is meant.
  const en = [{ side: "a", point: 1 }, { side: "b", point: 0.5 }, { side: "std", point: 0.9 }, { side: "x", point: 0.2 }];
  assert.deepEqual(F.foraeldreFoerst(en, hvem).map(s => s.side), ["a", "b", "std", "x"]);
  // Named by its title (the standard is not): the entry is meant.
  const navngivet = liste.map(s => ({ ...s, titel: s.side === "a" }));
  assert.equal(F.foraeldreFoerst(navngivet, hvem)[0].side, "a");
  // The standard barely matches: no promotion.
  const svag = liste.map(s => (s.side === "std" ? { ...s, point: 0.3 } : s));
  assert.equal(F.foraeldreFoerst(svag, hvem)[0].side, "a");
});

test("an inflected catalogue word is that word, not a compound of short words", () => {
  const o = F.lavOrdbog({ sider: 10, ord: { hjemmehjælp: 9, hjemme: 3, hjælpe: 4, ren: 2, rengøring: 9 } });
  const f = F.former("hjemmehjælperen", o);
  assert.ok(f.includes("hjemmehjælp"), JSON.stringify(f));
  assert.ok(!f.some(x => x.includes(" ")), JSON.stringify(f));
});

test("a snippet that repeats the title, summary or facts is not shown again", () => {
  const kendt = ["K.2.1 Rengøring", "Hjælp til rengøring af dit hjem.", "Hver 14. dag ud fra en individuel vurdering."];
  assert.equal(F.gentager("Hjælp til <mark>rengøring</mark> af dit hjem", kendt), true);
  assert.equal(F.gentager("Vejledende standardtid: Hver 14. dag ud fra en individuel vurdering. (14 dage)", kendt), true);
  assert.equal(F.gentager("Udvendig trappevask samt <mark>trappevask</mark> i almennyttigt boligbyggeri", kendt), false);
});

test("an id is searched as the id, not also as its letters and digits", () => {
  const p = F.forstaa("U.1.4", ordbog);
  assert.deepEqual(p.begreber.map(b => b.ord), ["U.1.4"]);
  const q = F.forstaa("k 2.1 gøre rent", ordbog);
  assert.deepEqual(q.ider, ["K.2.1"]);
  // Both words are content words, searched each: no all-terms phrase is needed (only for a stop word).
  // (The catalogue's term for the everyday phrase comes first: "gøre rent" is rengøring.)
  assert.deepEqual(q.begreber.filter(b => !b.id).map(b => b.ord), ["rengøring", "gøre", "rent"], JSON.stringify(q.begreber));
  assert.ok(F.forstaa("handle ind", ordbog).begreber.some(b => b.helhed && b.ord === "handle ind"));
});

test("everyday words find the catalogue's term, where the catalogue has it, and keep their own words", () => {
  const o = F.lavOrdbog({ sider: 10, ord: { aktindsigt: 3, sag: 5, ophør: 2, hjælp: 9 }, stopord: ["min", "kan", "jeg"] });
  const p = F.forstaa("kan jeg se min sag", o);
  assert.deepEqual(p.begreber.map(b => b.ord), ["aktindsigt", "se", "sag"], JSON.stringify(p.begreber));
  assert.ok(F.former("stopper", o).includes("ophør"));
  // A catalogue without the term: nothing is added (the search never asks for a word no page has).
  const uden = F.lavOrdbog({ sider: 10, ord: { sag: 5 }, stopord: ["min", "kan", "jeg"] });
  assert.deepEqual(F.forstaa("kan jeg se min sag", uden).begreber.map(b => b.ord), ["se", "sag"]);
  assert.ok(!F.former("stopper", uden).includes("ophør"));
});

test("a snippet that is only its section's heading says nothing", () => {
  assert.equal(F.kunOverskrift("<mark>Hyppighed</mark> og omfang.", "Hyppighed og omfang"), true);
  assert.equal(F.kunOverskrift("<mark>Hyppighed</mark> og omfang. For denne indsats: hver 14. dag", "Hyppighed og omfang"), false);
  assert.equal(F.kunOverskrift("Hyppighed", ""), false);
});
