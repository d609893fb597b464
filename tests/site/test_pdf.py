"""The catalogue as PDF (generator/pdf.py), read back with pdftotext (poppler-utils).

It opens, every page after the cover has a "Side X af N" footer, it names every standard
and intervention, and each of them begins on a page of its own — on the page the table
of contents gives.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.formater import dansk_dato, politisk_godkendelse
from generator.site import urls

from ..support import DATA

pytestmark = pytest.mark.slow



def _pdftotext(*args: str) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext mangler: apt-get install poppler-utils")
    return subprocess.run(["pdftotext", *args, "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def sider(bygget) -> list[str]:
    """The PDF's text, one string per page."""
    pdf: Path = bygget / urls.PDF
    assert pdf.read_bytes()[:5] == b"%PDF-"
    tekst = _pdftotext("-enc", "UTF-8", str(pdf))
    dele = tekst.split("\f")
    if dele and not dele[-1].strip():
        dele.pop()
    return dele


def _linjer(side: str) -> list[str]:
    return [l.strip() for l in side.splitlines() if l.strip()]


def _uden_mellemrum(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def overskrifter(katalog) -> list[str]:
    return ([f"Kvalitetsstandard {s.nr}. {s.titel}" for s in katalog.standarder]
            + [f"{i.id} {i.titel}" for i in katalog.indsatser])


def test_pdf_opens_and_has_pages(sider, katalog):
    assert len(sider) > 1 + len(overskrifter(katalog))


def test_every_page_after_the_cover_says_side_x_af_n(sider):
    n = len(sider)
    assert not re.search(r"Side \d+ af \d+", sider[0])  # the cover has no footer
    for nr, side in enumerate(sider[1:], start=2):
        assert f"Side {nr} af {n}" in side, f"side {nr}: ingen 'Side {nr} af {n}'"


def test_pdf_names_every_standard_and_intervention(sider, katalog):
    alt = _uden_mellemrum("".join(sider))
    for titel in overskrifter(katalog):
        assert _uden_mellemrum(titel) in alt, titel


def test_each_standard_and_intervention_starts_on_its_own_page(sider, katalog):
    """The page's running header names the section; the first line under it is the heading."""
    indhold = " ".join(_linjer(sider[1]) + _linjer(sider[2]))
    for titel in overskrifter(katalog):
        start = [nr for nr, side in enumerate(sider, start=1)  # (a long heading may wrap anywhere)
                 if _uden_mellemrum(side).startswith(_uden_mellemrum(titel + titel))]
        assert len(start) == 1, f"{titel}: begynder ikke øverst på én side ({start})"
        # The table of contents ("1. Personlige opgaver ....... 9") points at that page.
        kort = titel.removeprefix("Kvalitetsstandard ")
        m = re.search(re.escape(kort) + r"[ .]*?\.{3,}[ .]*(\d+)", indhold)
        assert m and int(m.group(1)) == start[0], f"{titel}: indholdsfortegnelsen siger {m and m.group(1)}, " \
                                                  f"siden er {start[0]}"


def test_search_keywords_are_not_printed(sider):
    assert not any("Søgeord:" in s for s in sider)


def test_the_cover_states_edition_and_approval_as_the_site_does(sider, katalog):
    """The committee reads the same sentence on the cover as readers do on "Om udgaven" and on paper."""
    r = katalog.info.revision
    forside = " ".join(sider[0].split())
    assert politisk_godkendelse(r.politisk_godkendt.udvalg, r.politisk_godkendt.dato) in forside
    assert f"({dansk_dato(r.dato)})" in forside and f"({r.dato})" not in forside


def test_list_items_are_set_as_lists_bullet_and_text_on_one_line(sider, katalog):
    """Every bullet stands on the line of its text: a loose list (<li><p>) put the bullet on a line
    of its own and its text below, in every intervention's "Kort fortalt" (issue 19)."""
    alene = [(n + 1, l) for n, side in enumerate(sider) for l in _linjer(side) if l in ("•", "◦", "▪")]
    assert not alene, alene[:5]
    kort = [s for s in sider if "Kort fortalt" in s and any(f"{i.id} {i.titel}" in s for i in katalog.indsatser)]
    assert kort and all(re.search(r"• Sagsbehandlingsfrist: ", s) for s in kort), kort[:1]
