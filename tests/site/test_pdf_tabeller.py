"""The committee PDF keeps every character of every table (issue 17): a table too wide for the
page's column is set as rows (generator/site/pdf_tabeller.py), and the PDF's text (pdftotext)
holds every cell of the HTML's tables whole — Serviceniveau's Levering column was cut at the
page's edge ("Leverandøren ha", "indenfor 30 min").

The real catalogue's PDF is the session's one render (fixture `bygget`), compared with the built
site's pages; the other catalogues' PDFs are rendered for their pages with tables only (the same
document, CSS and layout per page: each page of the PDF begins on a page of its own).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest

from generator.site import pdf, pdf_tabeller, urls
from generator.site.byg import generer
from generator.tjek.indlaes import indlaes_katalog

from .. import support
from ..test_kataloger import KATALOGER, _navn


def _uden_mellemrum(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def _pdf_tekst(fil: Path) -> str:
    """The PDF's text in the order it is drawn (-raw: a cell's lines together, not interleaved with
    its neighbours' as in reading order), without whitespace (a cell wraps where the PDF's column ends)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext mangler: apt-get install poppler-utils")
    ud = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(fil), "-"], capture_output=True, text=True, check=True)
    # A web link is printed with its address after it (the print CSS: "(https://…)"): the cell's own
    # text is what must stand whole.
    return re.sub(r"\(https?://[^()]*\)", "", _uden_mellemrum(ud.stdout))


def _celler(tabeller: list[list[list[str]]]) -> list[str]:
    return [celle for tabel in tabeller for raekke in tabel for celle in raekke if celle.strip()]


def _tabeller_i(html: str) -> list[list[list[str]]]:
    laeser = support._TabelLaeser()
    laeser.feed(html)
    return laeser.tabeller


def _mangler(celler: list[str], tekst: str) -> list[str]:
    return [celle for celle in celler if _uden_mellemrum(celle) not in tekst]


@pytest.mark.slow
def test_the_committee_pdf_holds_every_cell_of_the_sites_tables_whole(bygget):
    kilde = pdf.laes_kilde(bygget.parent / "projekt" / "content" / urls.PDF)
    tekst = _pdf_tekst(bygget / urls.PDF)
    celler = [c for sti, _ in kilde.sider for c in _celler(support.tabeller(bygget / urls.html_fil(sti)))]
    assert len(celler) > 300  # Serviceniveau alone has 23 rows of 6 cells
    assert _mangler(celler, tekst) == []


@pytest.mark.slow
@pytest.mark.parametrize("mappe", [m for m in KATALOGER if m != support.ROD], ids=_navn)
def test_every_catalogues_pdf_holds_every_table_cell_whole(mappe, tmp_path):
    katalog = indlaes_katalog(mappe / "data")
    visning, filer = generer(katalog)
    hel = pdf.kilde(katalog, visning, filer)
    # The pages with tables, as the site renders their Markdown (the cells the reader sees).
    sider = {sti: markdown.markdown(pdf._FRONT_MATTER.sub("", md), extensions=pdf._MD_EXT)
             for sti, md in hel.markdown.items()}
    sider = {sti: html for sti, html in sider.items() if "<table" in html}
    if not sider:
        pytest.skip(f"{_navn(mappe)}: ingen tabeller i PDF'en")
    kilde = pdf.Kilde(hel.titel, hel.forside, [s for s in hel.sider if s[0] in sider],
                      {sti: hel.markdown[sti] for sti in sider})
    maal = tmp_path / "tabeller.pdf"
    pdf.render(pdf.html_fra_kilde(kilde), maal, kilde.fingeraftryk)
    celler = [c for html in sider.values() for c in _celler(_tabeller_i(html))]
    assert celler
    assert _mangler(celler, _pdf_tekst(maal)) == []


_SMAL = "| Indsats | Pris |\n|---|---|\n| K.1.1 Rengøring | Gratis |\n"
_BRED = ("| Indsats | Standard | Sagsbehandlingsfrist | Hyppighed og omfang | Pris | Levering |\n"
         "|---|---|---|---|---|---|\n"
         "| K.2.4 Madservice/madudbringning | 2 | 2 uger | Efter behov | (lovgivningsfastlagt), jf. afsnit 1.9 | "
         "Leverandøren har pligt til at kunne levere akuthjælp på nødkald indenfor 30 min |\n")


def test_a_table_that_fits_stays_a_table_and_one_too_wide_becomes_rows_under_its_headers():
    smal = pdf_tabeller.paa_papir(markdown.markdown(_SMAL, extensions=["tables"]))
    assert "<table>" in smal
    bred = pdf_tabeller.paa_papir(markdown.markdown(_BRED, extensions=["tables"]))
    assert "<table" not in bred
    assert '<p class="tabel-raekke-navn">K.2.4 Madservice/madudbringning</p>' in bred
    assert "<p><strong>Levering:</strong> Leverandøren har pligt til at kunne levere akuthjælp" in bred
    assert "<p><strong>Standard:</strong> 2</p>" in bred
