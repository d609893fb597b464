"""The page as a reader meets it, in Chromium (Debian's, never a downloaded one): the finder's answer
on a phone's first screen, a way to act on every page (tel: links, "Sådan søger du"), and no
furniture (no "Søgeord:" line, no editor's gap marker, no escaped entity shown as text).

Screenshots of the finder at 390 px are written to benchmarks/skaermbilleder-test/ (per run, not
committed), as the search test writes its report to benchmarks/.
"""
from __future__ import annotations

import re

import pytest

from generator.site import urls

from ..support import ROD
from .test_browser import FINDER, UDEN_CSP, _axe, base, browser  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SKAERMBILLEDER = ROD / "benchmarks" / "skaermbilleder-test"
TELEFON = {"width": 390, "height": 844}


def _i_syne(page, selektor: str) -> dict:
    return page.evaluate(
        """(sel) => { const e = document.querySelector(sel); if (!e) return null;
             const r = e.getBoundingClientRect();
             return {top: r.top, bottom: r.bottom, hoejde: window.innerHeight}; }""", selektor)


@pytest.mark.parametrize("bor,emne", [("eget-hjem", "rengoering-og-toejvask"), ("plejebolig", "rengoering-og-toejvask"),
                                      ("aeldrebolig", "mad")])
def test_the_finders_answer_is_on_the_first_screen_of_a_phone(base, browser, visning, bor, emne):  # noqa: F811
    page = browser.new_page(viewport=TELEFON, **UDEN_CSP)
    try:
        page.goto(base + FINDER)
        page.check(f"input[name=bor][value={bor}]")
        page.check(f"input[name=emne][value={emne}]")
        page.wait_for_function("document.querySelector('#hjaelp-status').textContent.length > 0")
        page.wait_for_timeout(100)
        SKAERMBILLEDER.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SKAERMBILLEDER / f"finder-390-{bor}-{emne}.png"))
        status = _i_syne(page, "#hjaelp-status")
        foerste = _i_syne(page, f"#emne-{emne} .hjaelp-post h3")
        assert status and 0 <= status["top"] < status["hoejde"], status
        # The first result's heading is on the screen, under Material's header (48 px).
        assert foerste and 48 <= foerste["top"] and foerste["bottom"] <= foerste["hoejde"], foerste
        assert page.get_attribute("#hjaelp-status", "aria-live") == "polite"
        antal = len(next(e for e in visning.hjaelp() if e["anker"] == emne)["poster"])
        assert f"Viser {antal} tilbud om" in page.text_content("#hjaelp-status")
    finally:
        page.close()


def test_plejebolig_keeps_the_topic_and_says_what_the_data_cannot(base, browser, katalog, visning):  # noqa: F811
    """The profile gives plejebolig a topic of its own; the data does not say which cleaning help is
    given in a plejebolig. So the answer shows the chosen topic and the plejebolig pages, and says why."""
    page = browser.new_page(viewport=TELEFON, **UDEN_CSP)
    try:
        page.goto(base + FINDER)
        page.check("input[name=bor][value=plejebolig]")
        synlige = page.evaluate("[...document.querySelectorAll('section.hjaelp-emne')].filter(s => !s.hidden).map(s => s.id)")
        assert synlige == ["emne-plejebolig"], synlige  # no topic chosen yet: the home's own
        page.check("input[name=emne][value=rengoering-og-toejvask]")
        synlige = page.evaluate("[...document.querySelectorAll('section.hjaelp-emne')].filter(s => !s.hidden).map(s => s.id)")
        assert synlige == ["emne-rengoering-og-toejvask", "emne-plejebolig"], synlige
        status = page.text_content("#hjaelp-status")
        assert "rengøring og tøjvask" in status and "plejebolig" in status, status
        note = page.text_content(".hjaelp-note")
        assert page.is_visible(".hjaelp-note") and note.startswith("Kataloget siger ikke for hver indsats"), note
        assert "i en plejebolig (plejehjem)" in note
        fejl = _axe(page)
        assert fejl == [], fejl
        page.click("text=Begynd forfra")
        page.wait_for_function("!document.querySelector('input[name=emne]:checked')")
        # The form resets its inputs at once and the page updates a tick later (hjaelp.js: reset →
        # setTimeout): wait for the note to go, which fails if it never does.
        page.wait_for_selector(".hjaelp-note", state="hidden", timeout=5000)
        assert not page.is_visible(".hjaelp-note")
    finally:
        page.close()


# ------------------------------------------------------------------ every page

_SIDEN = """() => {
  const main = document.querySelector('article.md-content__inner') || document.body;
  const tekst = main.innerText;
  // Text nodes holding a phone number outside a tel: link (footer included).
  const re = /(?<![\\w+\\/.,-])(?:(?:\\+45|0045)[ \\u00a0]?)?(?:\\d{2}[ \\u00a0]\\d{2}[ \\u00a0]\\d{2}[ \\u00a0]\\d{2}|\\d{4}[ \\u00a0]\\d{4})(?![\\w\\/-]|[.,]\\d)/;
  const uden = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const n = w.currentNode, p = n.parentElement;
    if (!p || p.closest('script, style, code, pre, .md-search')) continue;
    if (re.test(n.nodeValue) && !p.closest('a[href^="tel:"]')) uden.push(n.nodeValue.trim().slice(0, 80));
  }
  const tel = [...document.querySelectorAll('a[href^="tel:"]')].map(a => ({
    href: a.getAttribute('href'), tekst: a.textContent, linjer: a.getClientRects().length }));
  const kort = [...main.querySelectorAll('.admonition.abstract li')].map(li => li.innerText);
  return {tekst, uden, tel, kort};
}"""

UENTITET = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def test_no_furniture_every_number_a_link_and_every_entry_page_says_how_to_apply(bygget, base, browser, katalog,  # noqa: F811
                                                                                   visning):
    overskrift = katalog.profil.tekst("ansoegning_overskrift")
    indgange = {urls.url_i_site(s) for s in [*visning.standard_sti.values(), *visning.indsats_sti.values()]}
    sider = sorted(str(p.parent.relative_to(bygget)) + "/" for p in bygget.rglob("index.html")
                   if p.relative_to(bygget).parts[0] not in ("assets", "search", "pagefind"))
    sider = [s.removeprefix("./") if s != "./" else "" for s in sider]
    assert indgange <= set(sider)
    page = browser.new_page(viewport=TELEFON, **UDEN_CSP)
    fejl: list[str] = []
    try:
        for sti in sider:
            page.goto(base + sti)
            v = page.evaluate(_SIDEN)
            for moebel in ("Søgeord:", "[et ord mangler her]"):
                if moebel in v["tekst"]:
                    fejl.append(f"{sti}: viser {moebel!r}")
            if m := UENTITET.search(v["tekst"]):
                fejl.append(f"{sti}: viser {m.group(0)!r} som tekst")
            fejl += [f"{sti}: telefonnummer uden tel:-link: {t!r}" for t in v["uden"]]
            for t in v["tel"]:
                cifre = re.sub(r"\D", "", t["tekst"])
                if not t["href"].startswith("tel:+") or not t["href"].endswith(cifre[-8:]):
                    fejl.append(f"{sti}: {t}")
                if t["linjer"] != 1:
                    fejl.append(f"{sti}: telefonnummeret {t['tekst']!r} brydes over {t['linjer']} linjer ved 390 px")
            if sti in indgange and not any(k.startswith(f"{overskrift}:") for k in v["kort"]):
                fejl.append(f"{sti}: ingen '{overskrift}' i Kort fortalt")
    finally:
        page.close()
    assert not fejl, "\n".join(fejl[:20])
    assert katalog.info.kontakt.telefon  # Varde gives a number: the footer's link was checked on every page
