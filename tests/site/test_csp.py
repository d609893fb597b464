"""Content-Security-Policy and script payloads, measured in Chromium (Playwright, Debian's browser).

- The real site: every page loads under its CSP (overrides/main.html) with no violation — not
  from the theme, the search (Pagefind) or the version selector (mike's versions.json).
- A site built from data holding every payload of issue 11, with check's text policy switched
  off (the second layer on its own): no dialog opens on load, hover or click, no CSP violation,
  and no page holds an on* attribute or a javascript:/data:/vbscript: URL; nor does the PDF.
"""
from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.site import urls
from ..angreb import byg_uden_tekstpolitik, indfoer
from ..support import kopier_projekt
from .test_browser import _mangler

from scripts.sitebrowser import VIEWPORT, chromium, chromium_findes, server, soeg

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Registered before any page script runs: every CSP violation the page reports.
_LYT = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));"""

# Hover and click every element of the page's content (not links: they would navigate).
_ROER = """() => { for (const e of document.querySelectorAll('article *, .md-header *, .md-footer *')) {
  for (const t of ['mouseover', 'mouseenter', 'focus']) e.dispatchEvent(new Event(t, {bubbles: true}));
  if (!e.closest('a, label, button, input')) e.click();
} }"""

_FARLIGT_I_DOM = """() => { const ud = [];
  for (const e of document.querySelectorAll('*')) for (const a of e.attributes) {
    const v = a.value.replace(/[\\u0000-\\u0020\\u007f]/g, '').toLowerCase();
    if (a.name.startsWith('on')) ud.push(e.tagName + ' ' + a.name);
    else if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(a.name)
             && /^(javascript|vbscript|data):/.test(v)) ud.push(e.tagName + ' ' + a.name + '=' + a.value);
  }
  return ud; }"""


@pytest.fixture(scope="module")
def browser():
    if not chromium_findes():
        _mangler("Debians chromium mangler: apt-get install chromium")
    with chromium() as b:
        yield b


@contextlib.contextmanager
def _side_under_csp(browser) -> Iterator[tuple]:
    """A tab that records CSP violations (window.__csp) and the console's CSP messages; closed after."""
    page = browser.new_page(viewport=VIEWPORT)
    page.add_init_script(_LYT)
    konsol: list[str] = []
    page.on("console", lambda m: konsol.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        yield page, konsol
    finally:
        page.close()


def _besoeg_alle(browser, rod: Path, base: str, roer: bool = False) -> dict:
    with _side_under_csp(browser) as (page, konsol):
        dialoger: list[str] = []
        page.on("dialog", lambda d: (dialoger.append(d.message), d.dismiss()))
        ud = {"sider": 0, "csp": {}, "dom": {}, "dialoger": dialoger, "konsol": konsol}
        for fil in sorted(rod.rglob("*.html")):
            sti = fil.relative_to(rod).as_posix()
            page.goto(base + sti.removesuffix("index.html"), wait_until="load")
            page.wait_for_load_state("networkidle")
            if roer:
                page.evaluate(_ROER)
                page.wait_for_timeout(50)
            ud["sider"] += 1
            if page.evaluate("window.__csp.length"):
                ud["csp"][sti] = page.evaluate("window.__csp")
            farligt = page.evaluate(_FARLIGT_I_DOM)
            if farligt:
                ud["dom"][sti] = farligt
    return ud


# ------------------------------------------------------------------ the real site

def test_every_page_runs_under_the_csp_without_a_violation(bygget, browser):
    assert "Content-Security-Policy" in (bygget / "index.html").read_text(encoding="utf-8")
    with server(bygget) as base:
        ud = _besoeg_alle(browser, bygget, base)
    print(f"\nCSP: {ud['sider']} sider, {sum(map(len, ud['csp'].values()))} overtrædelser")
    assert ud["sider"] >= 45
    assert ud["csp"] == {} and ud["konsol"] == [], (ud["csp"], ud["konsol"])
    assert ud["dom"] == {} and ud["dialoger"] == []


def test_search_and_version_selector_run_under_the_csp(bygget, browser, tmp_path_factory):
    rod = tmp_path_factory.mktemp("mike-csp")
    (rod / "2014").symlink_to(bygget, target_is_directory=True)
    (rod / "2013").symlink_to(bygget, target_is_directory=True)
    (rod / "versions.json").write_text('[{"version": "2014", "title": "2014", "aliases": ["latest"]},'
                                       ' {"version": "2013", "title": "2013", "aliases": []}]')
    with server(rod) as url, _side_under_csp(browser) as (page, konsol):
        page.goto(url + "2014/" + urls.url_i_site(urls.GENEREL))
        assert soeg(page, "rengøring")  # Pagefind: its module, its WebAssembly, its index
        page.wait_for_selector(".md-version__current", timeout=10000)  # Material read versions.json
        page.goto(url + "2013/")  # an older revision: the outdated banner's script runs
        page.wait_for_load_state("networkidle")
        overtraedelser = page.evaluate("window.__csp")
    assert overtraedelser == [] and konsol == [], (overtraedelser, konsol)


def test_finder_builds_its_form_and_answers_under_the_csp(bygget, browser):
    """hjaelp.js makes the questions a form and filters by them, with no inline script or handler."""
    with server(bygget) as base, _side_under_csp(browser) as (page, konsol):
        page.goto(base + urls.url_i_site(urls.HJAELP))
        page.check("input[name=bor][value=eget-hjem]")
        page.check("input[name=emne][value=indkoeb]")
        status = page.text_content("#hjaelp-status")
        synlige = page.locator("section.hjaelp-emne:visible").count()
        page.click("text=Begynd forfra")
        page.wait_for_function("!document.querySelector('input[name=emne]:checked')")
        overtraedelser = page.evaluate("window.__csp")
    assert "indkøb" in status and synlige == 1, (status, synlige)
    assert overtraedelser == [] and konsol == [], (overtraedelser, konsol)


# ------------------------------------------------------------------ the payloads, check bypassed

@pytest.fixture(scope="module")
def angrebet_site(tmp_path_factory):
    """The site built in this process from data with every payload, the text policy switched off."""
    import shutil

    from ..support import DATA

    rod = tmp_path_factory.mktemp("angrebet")
    data = rod / "data"
    shutil.copytree(DATA, data)
    indfoer(data)
    byg_uden_tekstpolitik(kopier_projekt(rod / "projekt", data), rod / "site")
    return rod / "site"


def test_no_payload_runs_or_survives_in_any_page(angrebet_site, browser):
    sider = {p.relative_to(angrebet_site).as_posix(): p.read_text(encoding="utf-8")
             for p in angrebet_site.rglob("*.html")}
    # The payloads are there as text (the build did use the poisoned data) …
    alt = "\n".join(sider.values())
    assert "alert(5)" in alt and "alert(8)" in alt
    # … but never as markup (read with the standard library's parser, not the verifier under test).
    for sti, html in sider.items():
        laeser = _Attributter()
        laeser.feed(html)
        assert not [a for a in laeser.alle if a[1].startswith("on")], sti
        assert not [a for a in laeser.alle if a[1] in ("href", "src", "action", "formaction")
                    and re.match(r"(javascript|vbscript|data):", re.sub(r"[\x00-\x20]", "", a[2] or ""), re.I)], sti
    with server(angrebet_site) as base:
        ud = _besoeg_alle(browser, angrebet_site, base, roer=True)
    assert ud["dialoger"] == [], ud["dialoger"]
    assert ud["csp"] == {} and ud["konsol"] == [], (ud["csp"], ud["konsol"])
    assert ud["dom"] == {}, ud["dom"]


class _Attributter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.alle: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.alle += [(tag, navn, vaerdi) for navn, vaerdi in attrs]


def _pdf_tekst(pdf: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated (link annotations may sit in object streams)."""
    # The raw streams are left out: compressed bytes may spell anything, "/JS" included.
    dele = [re.sub(rb"stream\r?\n.*?\r?\nendstream", b"", pdf, flags=re.S)]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            dele.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return b"\n".join(dele)


def test_no_payload_survives_as_a_link_in_the_pdf(angrebet_site):
    tekst = _pdf_tekst((angrebet_site / urls.PDF).read_bytes())
    uris = re.findall(rb"/URI\s*\(([^)]*)\)", tekst)
    assert uris, "PDF'en har ingen links: testen ser ikke det, den skal"
    assert not [u for u in uris if re.match(rb"\s*(javascript|vbscript|data):", u, re.I)], uris
    # A JavaScript action is "/S /JavaScript" with its code after "/JS (" or "/JS <".
    assert not re.search(rb"/S\s*/JavaScript|/JS\s*[(<]", tekst)
