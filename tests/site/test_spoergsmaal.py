"""The readers' questions (issue 20) in the real search box: Chromium at 390 px, one browser, one tab.

Per catalogue (Varde, Nyborg, Køge) every question of its ``tests/spoergsmaal.yaml`` and of its
held-out ``tests/spoergsmaal_kontrol.yaml`` (never tuned on) is typed into the built site's search box:

- the right page in the top 3 and first: the floor the mechanism reaches today (a change that makes
  it worse fails) and issue 20's target (top 3 ≥ 95 %, first ≥ 85 %), an expected failure while not
  reached (strict: it fails once reached, so the mark comes off); the scores are printed and written
  to benchmarks/rapport-spoergsmaal.md;
- every correction the search made is shown ("Viser resultater for …" with the corrected word), with
  the way back to the question as typed, which then searches with no correction;
- no snippet, title or summary of any result shows an escaped entity ("&lt;") as text;
- no right word is changed: every word of the catalogue's vocabulary and every Danish word the build
  listed (ordbog.json "dansk") goes through the site's own soegeforstaaelse.js, in the page, with no
  correction;
- a hit in a Serviceniveau table row ("nødkald svartid") opens at that row, highlighted and in view
  at 390 px (screenshot in benchmarks/rapport-spoergsmaal-raekke-390.png).
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from generator.tjek.indlaes import indlaes_katalog
from scripts.sitebrowser import chromium, chromium_findes, server, soeg

from .. import spoergsmaalssaet as saet
from .. import support
from ..support import ROD

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TELEFON = {"width": 390, "height": 844}
RAPPORT = ROD / "benchmarks" / "rapport-spoergsmaal.md"  # per run, not committed (.gitignore)
SKAERMBILLEDE = ROD / "benchmarks" / "rapport-spoergsmaal-raekke-390.png"

MAAL_TOP3, MAAL_FOERST = 0.95, 0.85
# What the mechanism reaches today (first, top 3), measured with this test less one question; a
# worse search fails. Measured 2026-12-02 after the ranking by word weight (idf), title and what is
# asked, a standard before the entries a question cannot tell apart, and everyday words for the
# catalogue's terms: Varde 89.5 % / 95.6 %, Nyborg 92 % / 100 %, Køge 89.7 % / 100 % (before: 69/87,
# 88/100, 83/90). The held-out sets ("-kontrol", never tuned on): Varde 82 % / 92 %, Nyborg 90 % /
# 95 %, Køge 90 % / 95 % (before the change 68/85, 85/90, 90/90).
GULV = {"varde": (0.88, 0.94), "nyborg": (0.88, 0.96), "koege": (0.86, 0.96),
        "varde-kontrol": (0.79, 0.89), "nyborg-kontrol": (0.85, 0.90), "koege-kontrol": (0.85, 0.90)}
NAAET = {"varde", "nyborg", "koege"}  # catalogues at issue 20's target; any other would be an expected failure (strict)
# (catalogue, its folder, held-out set?): the question sets typed into the search box.
SAET = [(n, m, k) for n, m in saet.KATALOGER.items() for k in (False, True)]

ENTITET = re.compile(r"&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);", re.I)


@pytest.fixture(scope="module")
def browser():
    if not chromium_findes():
        pytest.skip("Debians chromium mangler: apt-get install chromium")
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def tab(browser):
    # The harness evaluates expressions, which the site's Content-Security-Policy forbids (as it
    # should; measured in tests/site/test_csp.py): this tab bypasses it.
    page = browser.new_page(viewport=TELEFON, bypass_csp=True)
    yield page
    page.close()


def _byg_eksempel(mappe: Path, tmp: Path) -> Path:
    """An example catalogue built as test_kataloger does (its own folder, a stand-in PDF)."""
    import shutil

    projekt = tmp / mappe.name
    shutil.copytree(mappe, projekt, ignore=lambda d, navne: [
        n for n in navne if n in ("site", "tests", "__pycache__") or (Path(d).name == "content" and (
            n in ("katalog", "index.md") or n.startswith(".")))])
    cfg = (mappe / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"(?m)^(\s*(?:-|custom_dir:)\s+)(\.\./[^\s#]+)",
                 lambda m: m.group(1) + str((mappe / m.group(2)).resolve()), cfg)
    (projekt / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    support.pdf_som_aktuel(projekt / "content", projekt / "data")
    r: subprocess.CompletedProcess = support.byg_site(projekt, tmp / f"site-{mappe.name}")
    assert r.returncode == 0, r.stdout + r.stderr
    return tmp / f"site-{mappe.name}"


@pytest.fixture(scope="module")
def sites(bygget, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("spoergsmaal")
    return {navn: bygget if mappe == ROD else _byg_eksempel(mappe, tmp) for navn, mappe in saet.KATALOGER.items()}


def _resultattekst(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result__list > li", "lis => lis.map(li => li.textContent)")


@pytest.fixture(scope="module")
def svar(sites, tab):
    """Every question of every catalogue: the top 3, what the search showed it did, the results' text."""
    ud: dict[str, list[dict]] = {}
    for navn, mappe, kontrol in SAET:
        liste = saet.spoergsmaal(mappe, indlaes_katalog(mappe / "data"), kontrol)
        with server(sites[navn]) as base:
            tab.goto(base)
            rækker = []
            for s in liste:
                top = soeg(tab, s.q, 3)
                vist = tab.evaluate("""() => {
                  const r = document.querySelector('.md-search-result');
                  const p = r.querySelector('.soegning-rettelse');
                  return {rettet: JSON.parse(r.getAttribute('data-soegning-rettet') || '{}'),
                          tekst: p && !p.hidden ? p.textContent : '',
                          strong: p && !p.hidden ? [...p.querySelectorAll('strong')].map(x => x.textContent) : []};
                }""")
                rækker.append({"s": s, "svar": saet.Svar(s, top), "vist": vist, "tekst": _resultattekst(tab)})
        ud[navn + ("-kontrol" if kontrol else "")] = rækker
    linjer = ["# Spørgsmålene i Chromium ved 390 px (tests/site/test_spoergsmaal.py)", "",
              "| Katalog | Spørgsmål | Først | Top 3 |", "|---|---|---|---|"]
    for navn, r in ud.items():
        f, t = saet.score([x["svar"] for x in r])
        linjer.append(f"| {navn} | {len(r)} | {100 * f:.0f} % | {100 * t:.0f} % |")
    print("\n" + "\n".join(linjer[2:]))
    for navn, r in ud.items():
        linjer += ["", f"## {navn}", "", "| Spørgsmål | Plads | Top 3 |", "|---|---|---|"]
        linjer += [f"| {x['s'].q} | {x['svar'].plads or '–'} | {', '.join(x['svar'].top)} |" for x in r]
    RAPPORT.parent.mkdir(exist_ok=True)
    RAPPORT.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    return ud


def test_every_question_points_at_built_pages(sites):
    from generator.site import urls

    for navn, mappe in saet.KATALOGER.items():
        katalog = indlaes_katalog(mappe / "data")
        liste = saet.spoergsmaal(mappe, katalog)
        assert len(liste) >= (100 if mappe == ROD else 20), navn
        kontrol = saet.spoergsmaal(mappe, katalog, kontrol=True)
        assert len(kontrol) >= 20, navn
        assert not {s.q for s in kontrol} & {s.q for s in liste}, navn  # held out: no question of the tuned set
        for s in liste + kontrol:
            for side in s.sider:
                assert (sites[navn] / urls.html_fil(side)).exists(), (navn, s)


@pytest.mark.parametrize("navn", list(GULV))
def test_the_right_page_stays_at_least_where_it_is_today(svar, navn):
    foerst, top3 = saet.score([x["svar"] for x in svar[navn]])
    misser = [f"{x['s'].q!r} → {x['svar'].top}" for x in svar[navn] if x["svar"].plads != 1]
    assert foerst >= GULV[navn][0] and top3 >= GULV[navn][1], f"først {foerst:.0%}, top 3 {top3:.0%}\n" + "\n".join(misser)


@pytest.mark.parametrize("navn", [
    pytest.param(n, marks=() if n in NAAET else pytest.mark.xfail(strict=True, reason="issue 20's target not reached yet"))
    for n in saet.KATALOGER])
def test_issue_20_target_top3_95_first_85(svar, navn):
    foerst, top3 = saet.score([x["svar"] for x in svar[navn]])
    assert top3 >= MAAL_TOP3 and foerst >= MAAL_FOERST, f"først {foerst:.0%}, top 3 {top3:.0%}"


def test_every_correction_is_shown_with_the_way_back(svar):
    rettede = 0
    for navn, r in svar.items():
        for x in r:
            for fra, til in x["vist"]["rettet"].items():
                rettede += 1
                assert til in x["vist"]["strong"], (navn, x["s"].q, x["vist"])
                assert "Viser resultater for" in x["vist"]["tekst"] and f"Søg i stedet efter \u201e{x['s'].q}\u201c" in x["vist"]["tekst"]
            if not x["vist"]["rettet"]:
                assert "Viser resultater for" not in x["vist"]["tekst"], (navn, x["s"].q, x["vist"])
    assert rettede >= 3  # the sets have typos ("rengørigen", "gratiss", "tojvask"): corrections happen


def test_the_way_back_searches_the_question_as_typed(bygget, tab):
    with server(bygget) as base:
        tab.goto(base)
        soeg(tab, "hvor ofte kommer rengørigen")
        assert tab.locator(".soegning-rettelse strong").first.text_content() == "rengøring"
        tab.locator("[data-soegning-praecis]").click()
        tab.wait_for_function("document.querySelector('.md-search-result').getAttribute('data-soegning-som-skrevet') === 'ja'")
        assert tab.evaluate("document.querySelector('.md-search-result').getAttribute('data-soegning-rettet')") == "{}"
        assert not tab.locator(".soegning-rettelse strong").count()


def test_no_result_shows_an_escaped_entity(svar):
    fundne = [(navn, x["s"].q, m.group(0)) for navn, r in svar.items() for x in r for t in x["tekst"]
              for m in ENTITET.finditer(t)]
    assert fundne == []


def test_an_entity_in_a_snippet_is_shown_as_its_character(bygget, tab):
    """The site's reading of a Pagefind excerpt: '&lt;' is '<' on the screen, no tag but <mark> survives."""
    with server(bygget) as base:
        tab.goto(base)
        ud = tab.evaluate("""() => {
          const html = window.Soegeforstaaelse.rensUddrag(
            '&lt;hvorfor&gt; <mark>nødkald</mark> <img src=x onerror="window.ramt=1"> &amp; <b>x</b>', document);
          const p = document.createElement('p');
          p.innerHTML = html;
          return {html: html, tekst: p.textContent, mark: p.querySelectorAll('mark').length,
                  andre: p.querySelectorAll(':not(mark)').length};
        }""")
        assert ud["tekst"] == "<hvorfor> nødkald  & x", ud
        assert ud["mark"] == 1 and ud["andre"] == 0, ud
        tab.wait_for_timeout(100)
        assert not tab.evaluate("window.ramt || 0")


def test_no_right_word_is_changed(sites, tab):
    """Every word of the vocabulary and every Danish word listed goes through the site's own
    soegeforstaaelse.js (served with the site) and comes out uncorrected."""
    for navn, site in sites.items():
        ordbog = json.loads((site / "soegning" / "ordbog.json").read_text(encoding="utf-8"))
        assert ordbog["dansk"], f"{navn}: bygget uden dansk ordbog"
        assert "bragt" in ordbog["dansk"] or "bragt" in ordbog["ord"] or navn != "varde"
        with server(site) as base:
            tab.goto(base)
            aendret = tab.evaluate("""async () => {
              const data = await (await fetch('soegning/ordbog.json')).json();
              const F = window.Soegeforstaaelse, o = F.lavOrdbog(data);
              const ord = Object.keys(data.ord).concat(data.dansk, ['bragt', 'hjemmehjælperen']);
              const ud = [];
              for (const w of ord) {
                for (const q of [w, 'hvad med ' + w]) {
                  const p = F.forstaa(q, o);
                  for (const b of p.begreber) {
                    if (b.ord === w && (b.rettet.length || b.former[0] !== w)) ud.push([q, b.former, b.rettet]);
                  }
                }
              }
              return [ord.length, ud];
            }""")
        antal, fejl = aendret
        print(f"\n{navn}: {antal} ord skrevet, {len(fejl)} ændret")
        assert antal > 1000 and fejl == [], fejl[:20]


def test_a_table_row_hit_opens_at_the_row_highlighted_in_view(bygget, tab):
    with server(bygget) as base:
        tab.goto(base)
        soeg(tab, "nødkald svartid", 10)
        hrefs = tab.eval_on_selector_all(".md-search-result__list a", "as => as.map(a => a.getAttribute('href'))")
        raekke = [h for h in hrefs if "#raekke-" in h]
        assert raekke, hrefs
        tab.locator(f'.md-search-result__list a[href="{raekke[0]}"]').click()
        tab.wait_for_function("location.hash.startsWith('#raekke-')")
        tab.wait_for_load_state("load")
        tab.wait_for_timeout(300)
        boks = tab.evaluate("""() => {
          const r = document.querySelector('tr:has(.raekke:target)');
          if (!r) return null;
          const b = r.getBoundingClientRect();
          return {top: b.top, bund: b.bottom, hoejde: innerHeight, farve: getComputedStyle(r).backgroundColor,
                  tekst: r.textContent};
        }""")
        SKAERMBILLEDE.parent.mkdir(exist_ok=True)
        tab.screenshot(path=str(SKAERMBILLEDE))
        assert boks, "ingen række er mål"
        assert "nødkald" in boks["tekst"].lower()
        assert 0 <= boks["top"] < boks["hoejde"] * 0.5, boks  # the row starts on the first screen
        assert boks["farve"] not in ("rgba(0, 0, 0, 0)", "transparent"), boks
