"""The built site in a real browser (Playwright with Debian's Chromium, never a downloaded one).

One Chromium for the module, the site (fixture `bygget`) served from 127.0.0.1:

- every page loads nothing from any other host, and has no axe-core violations
  (WCAG 2.0/2.1 A and AA) — one visit per page serves both checks;
- the queries of tests/soegninger.yaml (three groups: words, phrases, citizens' questions),
  typed into the real search box: none comes back empty, each group reaches its top-1/top-5
  floor (printed per group, table in benchmarks/rapport-soegning.md); pages about the site come
  after the catalogue; a result shows title, summary, facts and one new snippet;
- the finder "Hvad kan jeg få hjælp til?": every path, by keyboard, with axe, at 390 px;
- the search also works when the site is served under a version prefix (/2014/, mike);
- the keyboard reaches the search box, a result and the navigation, with a visible focus;
- a page prints without navigation, header, search and footer, names the municipality, the
  catalogue, the edition and its approval, and no heading ends a printed page;
- on a phone (390 px) no table and no page is wider than the screen: a too wide table becomes
  one labelled card per row, still a table for screen readers (axe, accessibility tree).

axe-core comes from npm, pinned (AXE_VERSION), installed into .cache/axe by `make setup` / .ci/run.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import time
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from generator.site import urls

from .. import soegeliste
from ..support import ROD

from scripts.sitebrowser import VIEWPORT, aabn_soegning, chromium, chromium_findes, server, soeg

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The harness injects axe-core and evaluates expressions, which the site's Content-Security-Policy
# forbids (as it should); these tests are about other things, so their tabs bypass it. The CSP
# itself is measured, without bypass, in tests/site/test_csp.py.
UDEN_CSP = {"bypass_csp": True}

# Pinned in the Makefile (AXE_VERSION), installed by `make setup` into .cache/axe (not committed).
AXE_VERSION = re.search(r"(?m)^AXE_VERSION\s*:=\s*(\S+)", (ROD / "Makefile").read_text()).group(1)
AXE = ROD / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RAPPORT = ROD / "benchmarks" / "rapport-soegning.md"  # per run, not committed (.gitignore)


def _mangler(hvad: str) -> None:
    """Outside CI a missing browser or axe-core skips; in CI it fails (CI must install them)."""
    if os.environ.get("CI"):
        pytest.fail(hvad)
    pytest.skip(hvad)


@pytest.fixture(scope="module")
def browser():
    if not chromium_findes():
        _mangler("Debians chromium mangler: apt-get install chromium")
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def base(bygget):
    with server(bygget) as url:
        yield url


@pytest.fixture(scope="module")
def side(browser):
    """One tab, reused by the tests (a fresh one is much slower than a navigation)."""
    page = browser.new_page(viewport=VIEWPORT, **UDEN_CSP)
    yield page
    page.close()


@contextlib.contextmanager
def eksterne_forespoergsler(page) -> Iterator[list[str]]:
    """Every request to a host other than the local server, while the block runs."""
    fundne: list[str] = []

    def paa_request(req):
        dele = urlsplit(req.url)
        if dele.scheme in ("http", "https", "ws", "wss") and dele.hostname != "127.0.0.1":
            fundne.append(req.url)

    page.on("request", paa_request)
    try:
        yield fundne
    finally:
        page.remove_listener("request", paa_request)


def _axe(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
             const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
             return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
           }""", AXE_TAGS)


# ------------------------------------------------------------------ every page

@pytest.fixture(scope="module")
def alle_sider_besoegt(bygget, base, side):
    """Visit every page once: external requests and axe violations, per page."""
    if not AXE.exists():
        _mangler(f"axe-core mangler: make setup (npm install --no-save --prefix .cache/axe axe-core@{AXE_VERSION})")
    installeret = json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]
    assert installeret == AXE_VERSION, f"axe-core {installeret} i .cache/axe, Makefile siger {AXE_VERSION}: make setup"
    sider = sorted(p.relative_to(bygget).as_posix() for p in bygget.rglob("*.html"))
    resultat = {"sider": sider, "eksterne": {}, "axe": {}}
    for sti in sider:
        with eksterne_forespoergsler(side) as eksterne:
            side.goto(base + sti.removesuffix("index.html"), wait_until="load")
            side.wait_for_load_state("networkidle")
        if eksterne:
            resultat["eksterne"][sti] = eksterne
        fejl = _axe(side)
        if fejl:
            resultat["axe"][sti] = fejl
    return resultat


def test_every_page_is_checked(alle_sider_besoegt):
    sider = alle_sider_besoegt["sider"]
    assert "index.html" in sider and "404.html" in sider
    assert len(sider) >= 45, sider


def test_no_page_requests_anything_from_another_host(alle_sider_besoegt):
    assert alle_sider_besoegt["eksterne"] == {}


def test_no_axe_violations_on_any_page(alle_sider_besoegt):
    fejl = alle_sider_besoegt["axe"]
    print(f"\naxe-core {AXE_VERSION} ({', '.join(AXE_TAGS)}): {len(alle_sider_besoegt['sider'])} sider, "
          f"{sum(len(v) for v in fejl.values())} overtrædelser")
    assert fejl == {}, "\n".join(f"{s}: {v['id']} ({v['impact']}): {v['help']} {v['nodes']}"
                                 for s, vs in fejl.items() for v in vs)


# ------------------------------------------------------------------ search

def test_query_list_has_three_groups_and_points_at_pages(bygget, katalog):
    liste = soegeliste.soegninger(katalog)
    assert len(liste) >= 150
    for gruppe in soegeliste.GRUPPER:
        assert sum(s.gruppe == gruppe for s in liste) >= 40, gruppe
    for s in liste:
        for side_ in s.sider:
            assert (bygget / urls.html_fil(side_)).exists(), s


@pytest.fixture(scope="module")
def maalinger(base, side, katalog):
    """Every query of tests/soegninger.yaml typed into the real search box: the first 5 results."""
    liste = soegeliste.soegninger(katalog)
    side.goto(base)
    t0 = time.perf_counter()
    with eksterne_forespoergsler(side) as eksterne:
        ud = [soegeliste.Maaling(s, soeg(side, s.q)) for s in liste]
    tid = time.perf_counter() - t0
    opsummering = soegeliste.opsummer(ud)
    rækker = [f"| {m.soegning.gruppe} | {m.soegning.q} | {', '.join(m.soegning.urler())} | "
              f"{m.plads or '**ikke fundet**'} | {', '.join(m.top)} |" for m in ud]
    RAPPORT.parent.mkdir(exist_ok=True)
    RAPPORT.write_text(
        "# Søgning i Chromium (tests/site/test_browser.py)\n\n" + "\n".join(soegeliste.tabel(opsummering))
        + f"\n\n{tid:.1f} s i alt.\n\n| Gruppe | Søgning | Forventet side | Plads | Top 5 |\n|---|---|---|---|---|\n"
        + "\n".join(rækker) + "\n", encoding="utf-8")
    print("\nsøgning pr. gruppe (" + str(RAPPORT.relative_to(ROD)) + "):\n" + "\n".join(soegeliste.tabel(opsummering)))
    return {"maalinger": ud, "opsummering": opsummering, "eksterne": eksterne}


# Floors under what the mechanism reaches today (benchmarks/soegning-rapport.md), so a change that
# makes the search worse fails; the aim is top 5 at 100 % and top 1 at 85 % or better. Questions
# were at 86 % in top 5 before every intervention's summary box showed its standard's price and
# deadline (issue 10): "er hjemmehjælp gratis" now finds the interventions before Generel
# information; 82 % since.
# fraser 0.95 → 0.94 when issue 17's scoped plejebolig sections and issue 20's "Sådan søger du" line
# reached every page (51 of 54: "ventetid på plejebolig", "klare sig selv igen", "frist for svar" fell
# out of the top 5); a regression to mend in the ranking, not a target.
# Mended 2026-12-02 by the ranking by word weight, title and what is asked, and everyday words for
# the catalogue's terms (issue 20): top 5 75/78, 53/54, 49/56; first 71/78, 48/54, 42/56. The floors
# are that less about one query.
GULV_TOP5 = {"ord": 0.95, "fraser": 0.96, "spørgsmål": 0.85}
GULV_TOP1 = {"ord": 0.89, "fraser": 0.87, "spørgsmål": 0.73}


def test_no_query_comes_back_empty(maalinger):
    tomme = [m.soegning.q for m in maalinger["maalinger"] if not m.top]
    assert tomme == []
    assert maalinger["eksterne"] == []


@pytest.mark.parametrize("gruppe", list(soegeliste.GRUPPER))
def test_each_group_finds_its_pages(maalinger, gruppe):
    t = maalinger["opsummering"][gruppe]
    misser = [f"{m.soegning.q!r} → {m.top}" for m in maalinger["maalinger"]
              if m.soegning.gruppe == gruppe and m.plads is None]
    assert t["top5"] >= GULV_TOP5[gruppe] * t["antal"], "\n".join(misser)
    assert t["top1"] >= GULV_TOP1[gruppe] * t["antal"], t


def test_every_catalogue_word_finds_a_page(bygget, base, side):
    """No query that contains a word of the catalogue comes back empty, also inside a question."""
    ordbog = json.loads((bygget / "soegning" / "ordbog.json").read_text(encoding="utf-8"))
    stop = set(ordbog["stopord"])
    ord_ = sorted(w for w in ordbog["ord"] if len(w) >= 4 and w not in stop)
    udvalg = ord_[:: max(1, len(ord_) // 40)]   # 40 words spread over the alphabet
    side.goto(base)
    tomme = []
    for w in udvalg:
        for q in (w, f"hvad med {w} for min mor"):
            if not soeg(side, q):
                tomme.append(q)
    assert tomme == [], tomme


def _resultater(page) -> list[dict]:
    return page.eval_on_selector_all(".md-search-result__list > li", """lis => lis.map(li => ({
        titel: li.querySelector('h1').textContent,
        kort: (li.querySelector('.soegning-kort') || {}).textContent || '',
        fakta: (li.querySelector('.soegning-fakta') || {}).textContent || '',
        uddrag: [...li.querySelectorAll('.soegning-uddrag')].map(p => p.textContent),
        links: li.querySelectorAll('a').length }))""")


def test_a_result_shows_id_title_summary_facts_and_one_new_snippet(base, side):
    side.goto(base)
    top = soeg(side, "hvor tit rengøring")
    assert top[0] == "/" + urls.url_i_site("katalog/indsatser/k-2-1-rengoering.md"), top
    r = _resultater(side)
    forste = r[0]
    assert forste["titel"] == "K.2.1 Rengøring"
    assert forste["kort"].startswith("Hjælp til rengøring af dit hjem")
    # The one-line cells of "Serviceniveau på et blik" (the view model's et_blik).
    assert "Hvor ofte og hvornår: Vejledende standardtid: Hver 14. dag" in forste["fakta"], forste
    assert "Sagsbehandlingsfrist: 4 uger" in forste["fakta"], forste
    for res in r:
        assert res["links"] == 1 and len(res["uddrag"]) <= 1, res
        for u in res["uddrag"]:
            assert not res["kort"] or (u not in res["kort"] and res["kort"] not in u), res
    # A standard's result: its summary and a snippet from where the words stand.
    std = next(x for x in r if x["titel"].startswith("Kvalitetsstandard 2"))
    assert std["kort"] and std["uddrag"], std


def test_citizens_pages_come_before_pages_about_the_site(base, side):
    om = {"/" + urls.url_i_site(s) for s in (urls.REDAKTOERVEJLEDNING, urls.TILGAENGELIGHED, urls.DATA,
                                              urls.FULDSTAENDIGHED, urls.OM_KATALOGET)}
    side.goto(base)
    for q in ("hvor tit rengøring", "rengøring", "sagsbehandlingsfrist", "klage"):
        top = soeg(side, q, antal=10)
        om_sider = [t in om for t in top]
        assert om_sider == sorted(om_sider), (q, top)   # no catalogue page after a page about the site
    # ... and are still found by their own names.
    for q, sti in (("redaktørvejledning", urls.REDAKTOERVEJLEDNING), ("tilgængelighedserklæring", urls.TILGAENGELIGHED),
                   ("kildens dækning", urls.FULDSTAENDIGHED)):
        assert soeg(side, q)[0] == "/" + urls.url_i_site(sti), q


def test_search_results_are_accessible(base, side):
    side.goto(base + urls.url_i_site(urls.GENEREL))
    assert soeg(side, "rengøring")
    assert side.is_visible(".md-search__output")
    fejl = _axe(side)
    assert fejl == [], fejl


def test_search_works_under_a_version_prefix(bygget, browser, tmp_path_factory):
    """mike publishes each revision under /<revision>/: the index and the result links follow."""
    rod = tmp_path_factory.mktemp("mike")
    (rod / "2014").symlink_to(bygget, target_is_directory=True)
    (rod / "versions.json").write_text('[{"version": "2014", "title": "2014", "aliases": ["latest"]}]')
    with server(rod) as url:
        page = browser.new_page(viewport=VIEWPORT, **UDEN_CSP)
        fejl: list[str] = []
        page.on("response", lambda r: fejl.append(r.url) if r.status >= 400 else None)
        with eksterne_forespoergsler(page) as eksterne:
            for start in ("2014/", "2014/" + urls.url_i_site(urls.GENEREL), "2014/katalog/standarder/6-plejebolig/"):
                page.goto(url + start)
                top = soeg(page, "rengøringen")
                assert top and top[0] == "/2014/" + urls.url_i_site("katalog/indsatser/k-2-1-rengoering.md"), top
                assert all(t.startswith("/2014/") for t in top), top
            page.keyboard.press("Enter")
            page.wait_for_url("**/2014/katalog/indsatser/k-2-1-rengoering/")
        page.close()
    assert fejl == [] and eksterne == []


# ------------------------------------------------------------------ the finder

FINDER = urls.url_i_site(urls.HJAELP)
# Every path through the two questions: (where the person lives, what is hard).
STIER = [("eget-hjem", emne) for emne in
         ("personlig-pleje", "rengoering-og-toejvask", "indkoeb", "mad", "at-komme-omkring-og-traening",
          "aflastning-af-paaroerende", "kortere-ophold")] + [("aeldrebolig", "indkoeb"), ("plejebolig", None)]


def _synlige(page) -> dict:
    return page.evaluate("""() => ({
        emner: [...document.querySelectorAll('section.hjaelp-emne')].filter(s => !s.hidden).map(s => s.id.replace(/^emne-/, '')),
        poster: [...document.querySelectorAll('section.hjaelp-emne:not([hidden]) .hjaelp-post')].map(p => ({
            titel: p.querySelector('h3').textContent.replace(/\\s*¶\\s*$/, '').trim(),
            blik: [...p.querySelectorAll('li strong')].map(s => s.textContent) })),
        status: document.querySelector('#hjaelp-status').textContent,
        bredde: document.documentElement.scrollWidth })""")


@pytest.mark.parametrize("bor,emne", STIER, ids=[f"{b}-{e}" for b, e in STIER])
def test_finder_path_shows_the_matching_help_with_its_service_level(base, browser, visning, bor, emne):
    forventet = next(e for e in visning.hjaelp() if e["anker"] == (emne if bor != "plejebolig" else "plejebolig"))
    page = browser.new_page(viewport={"width": 390, "height": 844}, **UDEN_CSP)   # a phone
    try:
        with eksterne_forespoergsler(page) as eksterne:
            page.goto(base + FINDER)
            assert page.is_visible("form[data-hjaelp-finder]")
            page.check(f"input[name=bor][value={bor}]")
            if emne:
                page.check(f"input[name=emne][value={emne}]")
            v = _synlige(page)
        assert v["emner"] == [forventet["anker"]], v["emner"]
        assert [p["titel"] for p in v["poster"]] == [p["navn"] for p in forventet["poster"]]
        assert forventet["poster"], "et emne uden indsatser"
        for p in v["poster"]:   # the service level at a glance, every entry
            assert "Sagsbehandlingsfrist:" in p["blik"], p
            if p["titel"][:2] in ("K.", "U."):
                assert p["blik"] == ["Hvor ofte og hvornår:", "Sagsbehandlingsfrist:", "Levering:"], p
        antal = len(forventet["poster"])
        assert str(antal) in v["status"], v["status"]
        assert v["bredde"] <= 390, f"siden er {v['bredde']} px bred på en telefon"
        assert eksterne == []
        fejl = _axe(page)
        assert fejl == [], fejl
    finally:
        page.close()


def test_finder_works_with_the_keyboard_alone(base, side):
    side.goto(base + FINDER)
    side.evaluate("document.activeElement && document.activeElement.blur()")
    # As a keyboard user past the navigation: the skip link first, then on into the content.
    side.keyboard.press("Tab")
    assert "md-skip" in _aktiv(side)["cls"]
    side.keyboard.press("Enter")
    for _ in range(10):
        side.keyboard.press("Tab")
        if side.evaluate("document.activeElement.name === 'bor'"):
            break
    else:
        pytest.fail("Tab nåede ikke spørgsmålet om bolig")
    aktiv = _aktiv(side)
    assert aktiv["outline"], "intet synligt fokus på radioknappen"
    side.keyboard.press("Space")                 # I eget hjem
    side.keyboard.press("Tab")                    # to the next question
    assert side.evaluate("document.activeElement.name") == "emne"
    side.keyboard.press("ArrowDown")              # arrows move through a radio group and choose
    side.keyboard.press("ArrowDown")
    valgt = side.evaluate("document.querySelector('input[name=emne]:checked').value")
    assert valgt == "indkoeb", valgt
    v = _synlige(side)
    assert v["emner"] == ["indkoeb"] and "indkøb" in v["status"], v
    # The status line is announced (role=status) and the first result's link is reachable.
    assert side.get_attribute("#hjaelp-status", "role") == "status"
    side.click("text=Begynd forfra")
    side.wait_for_function("!document.querySelector('input[name=emne]:checked')")
    assert len(_synlige(side)["emner"]) == 8


def test_finder_without_javascript_lists_every_topic(base, browser):
    ctx = browser.new_context(java_script_enabled=False, viewport=VIEWPORT)
    try:
        page = ctx.new_page()
        page.goto(base + FINDER)
        assert not page.is_visible("form[data-hjaelp-finder]")   # questions need the script
        assert not page.is_visible("#hjaelp-spoergsmaal")        # … and their plain lists stay hidden
        assert page.locator("section.hjaelp-emne h2").count() == 8
    finally:
        ctx.close()


# ------------------------------------------------------------------ keyboard

def _aktiv(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, cls: e.className || '', href: e.getAttribute('href') || '',
                soeg: e.matches('input.md-search__input'), nav: !!e.closest('nav.md-nav--primary'),
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineColor : ''}; }""")


def test_tab_reaches_the_search_box(base, side):
    side.goto(base)
    side.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(15):
        side.keyboard.press("Tab")
        if _aktiv(side)["soeg"]:
            break
    else:
        pytest.fail("Tab nåede ikke søgefeltet inden for 15 tryk")


@pytest.mark.parametrize("tast", ["/", "s"])
def test_shortcut_focuses_the_search_box(base, side, tast):
    side.goto(base + urls.url_i_site(urls.GENEREL))
    side.locator("body").press(tast)
    assert _aktiv(side)["soeg"]


def test_keyboard_search_arrow_down_and_enter_opens_a_result(base, side):
    side.goto(base)
    aabn_soegning(side)
    side.keyboard.type("vasketøjet")
    side.wait_for_function("document.querySelector('.md-search-result').getAttribute('data-soegning') === 'vasketøjet'")
    side.keyboard.press("ArrowDown")
    aktiv = _aktiv(side)
    assert "md-search-result__link" in aktiv["cls"] and aktiv["outline"], aktiv
    side.keyboard.press("Enter")
    side.wait_for_url("**/katalog/indsatser/k-2-2-toejvask/")
    # Enter in the search box itself opens the first result.
    aabn_soegning(side)
    side.keyboard.type("plejehjem")
    side.wait_for_function("document.querySelector('.md-search-result').getAttribute('data-soegning') === 'plejehjem'")
    side.keyboard.press("Enter")
    # The result links to the section its snippet comes from.
    side.wait_for_url(re.compile(r"/katalog/standarder/6-plejebolig/(#[\w-]+)?$"))
    # Escape closes the search again.
    aabn_soegning(side)
    side.keyboard.press("Escape")
    assert not side.evaluate("document.getElementById('__search').checked")


def test_on_a_phone_the_search_button_opens_the_search(base, browser):
    page = browser.new_page(viewport={"width": 400, "height": 800}, **UDEN_CSP)
    try:
        page.goto(base + urls.url_i_site(urls.GENEREL))
        page.click("label.md-header__button[for=__search]")
        page.wait_for_function("document.activeElement.matches('input.md-search__input')", timeout=5000)
        page.keyboard.type("plejehjem")
        page.wait_for_function("document.querySelector('.md-search-result').getAttribute('data-soegning') === 'plejehjem'")
        assert page.is_visible("a.md-search-result__link[href*='/katalog/standarder/6-plejebolig/']")
        page.click(".md-search__inner label.md-search__icon")  # the back arrow
        page.wait_for_function("!document.getElementById('__search').checked", timeout=5000)
    finally:
        page.close()


def test_tab_reaches_the_navigation_with_a_visible_focus(base, side):
    side.goto(base + urls.url_i_site(urls.GENEREL))
    side.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(40):
        side.keyboard.press("Tab")
        aktiv = _aktiv(side)
        if aktiv["nav"] and aktiv["tag"] == "A":
            break
    else:
        pytest.fail("Tab nåede ikke navigationen inden for 40 tryk")
    assert aktiv["outline"], f"intet synligt fokus på {aktiv}"


def test_skip_link_is_first_and_visible_on_focus(base, side):
    side.goto(base + urls.url_i_site(urls.GENEREL))
    side.evaluate("document.activeElement && document.activeElement.blur()")
    side.keyboard.press("Tab")
    aktiv = _aktiv(side)
    assert "md-skip" in aktiv["cls"], aktiv
    assert side.is_visible("a.md-skip")


# ------------------------------------------------------------------ print

def test_a_page_prints_content_only(base, side, tmp_path):
    side.goto(base + "katalog/standarder/2-praktiske-opgaver/")
    side.emulate_media(media="print")
    try:
        synlig = side.evaluate("""() => Object.fromEntries(
            ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search',
             '.md-footer', '.md-top', '.soegeord', '.headerlink', 'article.md-content__inner', 'article h1']
            .map(s => [s, [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0
                                                                    && getComputedStyle(e).visibility !== 'hidden')]))""")
        assert synlig.pop("article.md-content__inner") and synlig.pop("article h1")
        assert not any(synlig.values()), synlig
        # External links print their address after the text; a law citation is its own reference
        # on paper (its address, the same for every paragraph of an act, is not repeated).
        efter = side.evaluate("""() => {
            const article = document.querySelector("article");
            article.insertAdjacentHTML("beforeend", '<p><a id="ekstern" href="https://example.org/side">x</a></p>');
            const lov = [...article.querySelectorAll("a[href^='https://www.retsinformation.dk/']")];
            const ud = {ekstern: getComputedStyle(document.getElementById("ekstern"), "::after").content,
                        love: lov.length, lov_efter: [...new Set(lov.map(a => getComputedStyle(a, "::after").content))]};
            document.getElementById("ekstern").parentElement.remove();
            return ud; }""")
        assert "https://example.org/side" in efter["ekstern"], efter
        assert efter["love"] > 0 and efter["lov_efter"] == ["none"], efter
        # What Chromium actually prints: the page's text, none of the chrome.
        if not shutil.which("pdftotext"):
            _mangler("pdftotext mangler: apt-get install poppler-utils")
        pdf = tmp_path / "print.pdf"
        side.pdf(path=str(pdf), format="A4")
        tekst = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Kvalitetsstandard 2. Praktiske opgaver" in tekst
        for ikke in ("Redaktørvejledning", "Tilgængelighedserklæring", "Søgeord:"):
            assert ikke not in tekst, ikke
    finally:
        side.emulate_media(media="screen")


def _pdf_tekst(page, maal) -> str:
    """What Chromium prints (page.pdf, A4), as pdftotext reads it; pages separated by form feeds."""
    if not shutil.which("pdftotext"):
        _mangler("pdftotext mangler: apt-get install poppler-utils")
    page.pdf(path=str(maal), format="A4")
    return subprocess.run(["pdftotext", str(maal), "-"], capture_output=True, text=True, check=True).stdout


def _samlet(tekst: str) -> str:
    return " ".join(tekst.split())


def test_a_printed_page_names_municipality_catalogue_edition_and_approval(base, side, katalog, visning, tmp_path):
    info = katalog.info
    godkendt = info.revision.politisk_godkendt
    # From the data, as a reader of the paper needs it; the source gives no approval date: say so.
    forventet = [info.kommune.navn, info.katalog.titel, info.katalog.område, f"Udgave {info.revision.id}",
                 godkendt.udvalg, "dato ikke angivet" if godkendt.dato is None else godkendt.dato]
    side.goto(base + urls.url_i_site(visning.indsats_sti["K.2.1"]))
    assert not side.is_visible(".udskrift-hoved")  # on screen the header bar says it already
    side.emulate_media(media="print")
    try:
        hoved = side.locator(".udskrift-hoved")
        assert hoved.is_visible()
        for tekst in forventet:
            assert tekst in _samlet(hoved.inner_text()), tekst
        sider = _pdf_tekst(side, tmp_path / "k21.pdf").split("\f")
        foerste = _samlet(sider[0])
        for tekst in forventet:
            assert tekst in foerste, f"{tekst!r} står ikke på den udskrevne sides første side"
        assert foerste.index(info.kommune.navn) < foerste.index("K.2.1 Rengøring")
    finally:
        side.emulate_media(media="screen")


# h1-h6 (a box's title cannot end a page: boxes do not break inside, tilgaengelighed.css; and its
# text, "Ikke oplyst her", is also a table value that may well end a page).
_OVERSKRIFTER = """() => [...document.querySelectorAll(
      'article h1, article h2, article h3, article h4, article h5, article h6')]
  .map(h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());
              return c.textContent.replace(/\\s+/g, ' ').trim(); }).filter(t => t)"""


def test_no_heading_ends_a_printed_page(base, side, katalog, visning, tmp_path):
    """Long pages printed with Chromium: no page's last line is a heading (it belongs with what follows)."""
    sider = [visning.standard_sti[s.nr] for s in katalog.standarder] + [
        urls.SERVICENIVEAU, urls.SAGSBEHANDLINGSFRISTER, urls.LOVGRUNDLAG, urls.GENEREL]
    alene, udskrevne = [], 0
    for sti in sider:
        side.goto(base + urls.url_i_site(sti))
        overskrifter = side.evaluate(_OVERSKRIFTER)
        side.emulate_media(media="print")
        try:
            papir = _pdf_tekst(side, tmp_path / "side.pdf").split("\f")
        finally:
            side.emulate_media(media="screen")
        papir = [p for p in papir if p.strip()]
        udskrevne += len(papir)
        for nr, tekst in enumerate(papir[:-1], start=1):
            slut = _samlet(tekst)
            alene += [f"{sti} side {nr}: {h!r}" for h in overskrifter if slut.endswith(h)]
    assert udskrevne > 2 * len(sider), udskrevne  # long enough to break somewhere
    assert alene == [], "\n".join(alene)


# ------------------------------------------------------------------ phone (390 px)

TELEFON = {"width": 390, "height": 844}

_BREDDER = """() => {
  const vw = document.documentElement.clientWidth;
  return {vw, side: document.documentElement.scrollWidth,
    tabeller: [...document.querySelectorAll('table')].map(t => {
      const r = t.getBoundingClientRect(), rul = t.closest('.md-typeset__scrollwrap');
      return {venstre: r.left, hoejre: r.right, bredde: Math.max(r.width, t.scrollWidth),
              rulles: !!rul && rul.scrollWidth > rul.clientWidth + 1, kort: t.hasAttribute('data-kort')}; }),
    titel: (() => {  // would the title's longest word fit its line without Material breaking it mid-word?
      const h = document.querySelector('article h1');
      if (!h) return null;
      const foer = [h.style.overflowWrap, h.style.wordBreak];
      h.style.overflowWrap = 'normal'; h.style.wordBreak = 'normal';
      const ud = {bredde: h.scrollWidth, linje: h.clientWidth, tekst: h.textContent.trim()};
      [h.style.overflowWrap, h.style.wordBreak] = foer;
      return ud; })()};
}"""


@pytest.fixture(scope="module")
def paa_telefon(bygget, base, browser):
    """Every page at 390 px: the widths of the page and its tables; axe on the pages with tables."""
    page = browser.new_page(viewport=TELEFON, **UDEN_CSP)  # for axe; the cards work under the CSP (test below)
    sider = sorted(p.relative_to(bygget).as_posix() for p in bygget.rglob("*.html"))
    resultat = {"bredder": {}, "axe": {}}
    try:
        for sti in sider:
            page.goto(base + sti.removesuffix("index.html"), wait_until="load")
            maal = page.evaluate(_BREDDER)
            resultat["bredder"][sti] = maal
            if maal["tabeller"] and AXE.exists():
                fejl = _axe(page)
                if fejl:
                    resultat["axe"][sti] = fejl
    finally:
        page.close()
    return resultat


def test_on_a_phone_no_table_and_no_page_is_wider_than_the_screen(paa_telefon):
    for_brede = []
    for sti, m in paa_telefon["bredder"].items():
        if m["side"] > m["vw"]:
            for_brede.append(f"{sti}: siden er {m['side']} px bred på en skærm på {m['vw']} px")
        for i, t in enumerate(m["tabeller"]):
            if t["bredde"] > m["vw"] or t["hoejre"] > m["vw"] + 0.5 or t["venstre"] < -0.5 or t["rulles"]:
                for_brede.append(f"{sti}: tabel {i + 1} er {t['bredde']:.0f} px bred "
                                 f"({t['venstre']:.0f}-{t['hoejre']:.0f}) på {m['vw']} px")
    tabeller = sum(len(m["tabeller"]) for m in paa_telefon["bredder"].values())
    kort = sum(t["kort"] for m in paa_telefon["bredder"].values() for t in m["tabeller"])
    print(f"\n390 px: {len(paa_telefon['bredder'])} sider, {tabeller} tabeller, {kort} vist som kort")
    assert for_brede == [], "\n".join(for_brede)
    assert tabeller >= 20 and kort >= 8, (tabeller, kort)  # the measurement saw the wide tables


def test_on_a_phone_pages_with_tables_have_no_axe_violations(paa_telefon):
    if not AXE.exists():
        _mangler("axe-core mangler: make setup")
    fejl = paa_telefon["axe"]
    assert fejl == {}, "\n".join(f"{s}: {v['id']} ({v['impact']}): {v['help']} {v['nodes']}"
                                 for s, vs in fejl.items() for v in vs)


def test_on_a_phone_a_table_card_labels_each_value_and_stays_a_table(base, browser):
    """Serviceniveau at 390 px: each value is shown under its column's name, and Chromium's
    accessibility tree still has the tables, rows, column headers and cells. The site's CSP is on."""
    page = browser.new_page(viewport=TELEFON)
    try:
        page.goto(base + urls.url_i_site(urls.SERVICENIVEAU), wait_until="load")
        celler = page.evaluate("""() => [...document.querySelectorAll('article table[data-kort]')].flatMap(t => {
            const hoved = [...t.querySelectorAll('thead th')].map(th => th.textContent.trim());
            return [...t.querySelectorAll('tbody tr')].flatMap(tr => [...tr.cells].slice(1)
              .filter(td => td.textContent.trim())
              .map(td => ({hoved: hoved[td.cellIndex], etiket: getComputedStyle(td, '::before').content})));
          })""")
        assert len(celler) > 50, len(celler)
        uden = [c for c in celler if not c["hoved"] or c["hoved"] not in c["etiket"]]
        assert uden == [], uden[:5]
        html_tal = page.evaluate("""() => ({table: document.querySelectorAll('article table').length,
            row: document.querySelectorAll('article tr').length,
            columnheader: document.querySelectorAll('article thead th').length})""")
        cdp = page.context.new_cdp_session(page)
        roller: dict[str, int] = {}
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            if not node.get("ignored"):
                rolle = node.get("role", {}).get("value")
                roller[rolle] = roller.get(rolle, 0) + 1
        for rolle, antal in html_tal.items():
            assert roller.get(rolle, 0) == antal, (rolle, roller.get(rolle), antal)
        assert roller.get("cell", 0) > 50
    finally:
        page.close()


def test_the_summary_box_is_as_large_as_the_text_around_it(base, side, visning):
    """Material sets boxes at 12.8 px; "Kort fortalt" is what a citizen reads first (tilgaengelighed.css)."""
    side.goto(base + urls.url_i_site(visning.indsats_sti["K.2.1"]))
    stoerrelse = side.evaluate("""() => {
      const px = el => parseFloat(getComputedStyle(el).fontSize);
      const boks = document.querySelector('article .admonition.abstract li');
      const broed = [...document.querySelectorAll('article > p')].find(p => !p.closest('.admonition'));
      return [px(boks), px(broed)];
    }""")
    assert stoerrelse[0] >= stoerrelse[1] >= 16, stoerrelse


def test_a_wrong_address_gets_a_danish_page_with_the_ways_on(base, side):
    """The page a web server shows for a wrong address (404.html; this test server serves it by name)."""
    side.goto(base + "404.html")
    assert side.locator("article h1").inner_text() == "Siden findes ikke"
    side.get_by_role("link", name="Gå til forsiden").click()
    side.wait_for_url(base)


def test_on_a_phone_every_title_breaks_between_words(paa_telefon):
    """At 390 px no page title has a word wider than its line (it would be broken mid-word)."""
    titler = {sti: m["titel"] for sti, m in paa_telefon["bredder"].items() if m["titel"]}
    for_brede = {sti: t for sti, t in titler.items() if t["bredde"] > t["linje"]}
    assert len(titler) >= 45 and for_brede == {}, for_brede
