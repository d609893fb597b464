"""Rendering you can trust: golden Markdown, and no Markdown syntax leaking into the rendered text.

Golden files: the generated Markdown of the whole Aarhus example and of three Varde pages
(a standard, an intervention, Lovgrundlag) is compared with files checked in under
tests/site/golden/. After an intended change, update them and read the diff before committing:

    OPDATER_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_gengivelse.py -k golden
    git diff tests/site/golden/
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator.data.pladsholdere import Udfylder
from generator.site import urls
from generator.site.byg import generer
from generator.tjek.indlaes import indlaes_katalog

from .. import support
from ..support import DATA, ROD

GOLDEN = Path(__file__).parent / "golden"
AARHUS = ROD / "examples" / "aarhus-sel-86-2" / "data"
VARDE_SIDER = ("katalog/standarder/3-traening-efter-lov-om-social-service.md",
               "katalog/indsatser/k-4-1-afloesning-af-aegtefaelle-paaroerende-i-hjemmet.md",
               urls.LOVGRUNDLAG)


def _sammenlign(filer: dict[str, str], mappe: Path) -> None:
    if os.environ.get("OPDATER_GOLDEN"):
        for sti, indhold in filer.items():
            (mappe / sti).parent.mkdir(parents=True, exist_ok=True)
            (mappe / sti).write_text(indhold, encoding="utf-8")
    forventet = {p.relative_to(mappe).as_posix() for p in mappe.rglob("*") if p.is_file()}
    assert forventet == set(filer), "sæt af sider ændret; opdater med OPDATER_GOLDEN=1 (se modulets docstring)"
    for sti, indhold in filer.items():
        assert indhold == (mappe / sti).read_text(encoding="utf-8"), (
            f"{sti} afviger fra tests/site/golden; opdater med OPDATER_GOLDEN=1 efter en tilsigtet ændring")


def test_golden_aarhus_example():
    _, filer = generer(indlaes_katalog(AARHUS))
    _sammenlign({k: v for k, v in filer.items() if k.endswith(".md")}, GOLDEN / "aarhus")


def test_golden_varde_pages(katalog):
    _, filer = generer(katalog)
    _sammenlign({k: filer[k] for k in VARDE_SIDER}, GOLDEN / "varde")


# ------------------------------------------------------------------ what the reader sees

def _sider(bygget: Path):
    """The built site's pages (not the theme's assets, the search's files or Pagefind's index)."""
    for html in sorted(bygget.rglob("*.html")):
        if html.relative_to(bygget).parts[0] not in ("assets", "search", "pagefind"):
            yield html


# Markdown that must never reach the reader as text: table rows and rules, bold markers,
# link syntax, attribute lists.
LAEK = re.compile(r"\|\s*[-:]{3,}|\|[^|\n]+\|[^|\n]+\||\*\*|\]\(|\{:")


@pytest.mark.slow
def test_no_markdown_syntax_leaks_into_any_page(bygget):
    laek = []
    for html in _sider(bygget):
        tekst = support.laes_uden_kode(html)
        for m in LAEK.finditer(tekst):
            laek.append(f"{html.relative_to(bygget)}: …{tekst[max(0, m.start() - 40):m.end() + 40]}…")
    assert not laek, "\n".join(laek[:20])


# A list item whose text goes on with another item's marker: "§ 1- § 83- § 86" in one bullet
# (a template's line break eaten by Jinja's trim_blocks; it shipped on every page's law list).
KLISTRET = re.compile(r"(?:</a>|\w)\s*-\s+<a\b|</a>-\s")


@pytest.mark.slow
def test_each_list_item_is_one_item_on_every_page(bygget):
    klistret = []
    for html in _sider(bygget):
        for li in re.findall(r"<li>(.*?)</li>", html.read_text(encoding="utf-8"), re.S):
            if KLISTRET.search(li):
                klistret.append(f"{html.relative_to(bygget)}: {li[:160]}")
    assert not klistret, "\n".join(klistret[:10])


@pytest.mark.slow
def test_a_section_of_generel_information_named_in_prose_is_a_link_to_it(bygget, katalog):
    """"jf. afsnit 1.9" on a price line takes the reader to 1.9 Hvad koster indsatserne."""
    fundet = 0
    for html in sorted((bygget / "katalog").rglob("*.html")):
        if html.parent.name == "sammenligning":
            continue  # quotes several catalogues' cells: a section number there is its own catalogue's (each row links its page)
        artikel = html.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
        # The page's JSON-LD is data for search engines, not prose the reader sees: it holds no links.
        artikel = re.sub(r'<script type="application/ld\+json">.*?</script>', "", artikel, flags=re.S)
        for m in re.finditer(r"afsnit (1\.\d+)\b", artikel):
            fundet += 1
            foer = artikel[: m.start()]
            assert foer.rfind("<a ") > foer.rfind("</a>"), f"{html}: {artikel[m.start() - 80:m.end()]}"
            href = re.findall(r'href="([^"]*)"', foer)[-1]
            assert "generel-information/#" + m.group(1).replace(".", "") in href, href
    assert fundet >= len(katalog.indsatser)  # every price line cites 1.9


@pytest.mark.slow
def test_the_legal_basis_lists_one_item_per_paragraph(bygget, visning):
    """On an intervention's page, "Lovgrundlag" has one bullet per paragraph the view model gives."""
    for r in visning.serviceniveau:
        html = (bygget / urls.html_fil(r.til)).read_text(encoding="utf-8")
        afsnit = html[html.index('id="lovgrundlag"'):]
        afsnit = afsnit[: afsnit.find("<h2")] if "<h2" in afsnit else afsnit
        forventet = sum(len(g.fakta) for g in r.aspekt("lovgrundlag").grupper)
        assert afsnit.count("<li>") == forventet, r.indsats.id


@pytest.mark.slow
def test_lovgrundlag_is_a_table_with_each_page_once_per_paragraph(bygget):
    sti = bygget / urls.html_fil(urls.LOVGRUNDLAG)
    tabeller = support.tabeller(sti)
    html = sti.read_text(encoding="utf-8")
    assert len(tabeller) == html.count("<h2") >= 3, "Lovgrundlag skal have en tabel pr. lov"
    for tabel in tabeller:
        assert tabel[0] == ["Paragraf", "Henvist fra"] and len(tabel) > 1
    # Each paragraph's cell lists every citing page once (links are the cell's only children).
    for celle in re.findall(r"<td>(.*?)</td>", html, re.S):
        hrefs = re.findall(r'href="([^"]+)"', celle)
        interne = [h for h in hrefs if not h.startswith("http")]
        assert len(interne) == len(set(interne)), celle


@pytest.mark.slow
def test_durations_in_correct_danish_and_labels_not_repeated(bygget):
    for html in sorted(bygget.rglob("*.html")):
        tekst = support.laes(html).tekst
        assert not re.search(r"\b1 (timer|uger|dage|hverdage|minutter|måneder)\b", tekst), html
        assert not re.search(r"\b(\w[\w ]+): \1:", tekst), html


@pytest.mark.slow
def test_citizen_pages_never_mention_a_transcript(bygget):
    redaktoer = {urls.html_fil(urls.FULDSTAENDIGHED), urls.html_fil(urls.REDAKTOERVEJLEDNING)}
    for html in _sider(bygget):
        rel = html.relative_to(bygget).as_posix()
        if rel in redaktoer:
            continue
        assert "transskri" not in support.laes(html).tekst.lower(), rel


@pytest.mark.slow
def test_every_intervention_summary_gives_deadline_and_price(bygget, katalog, visning):
    """Kort fortalt shows what the intervention or its standard gives: never 'not described' where it is."""
    udfyld = Udfylder(katalog.info)
    for r in visning.serviceniveau:
        side = support.laes(bygget / urls.html_fil(r.til)).tekst
        # The text reader puts a space around every inline element: compare without spaces.
        kort = "".join(side[side.index("Kort fortalt"):side.index("Sådan søger du")].split())
        frist, pris = udfyld(r.aspekt("sagsbehandlingsfrist").celle), udfyld(r.aspekt("pris").celle)
        assert "".join(f"Sagsbehandlingsfrist: {frist}".split()) in kort, r.indsats.id
        # A law's name is written as the registry's title on the page (one name per law): casing aside.
        assert "".join(f"Pris: {pris}".split()).casefold() in kort.casefold(), r.indsats.id
        # 1.9 (p. 5): §§ 83, 84 and 86 are free, but madservice has a politically set takst.
        assert ("gratis" in pris.lower()) == (r.indsats.id != "K.2.4"), r.indsats.id
        assert "nævner ikke, hvad netop denne indsats ikke omfatter" not in side
        assert side.count("Det oplyser siden ikke") <= 1
