"""The PDF is bounded in time and memory (issue 18): beyond a bound it stops with a message.

Each case runs in a process of its own, as the PDF does (the memory bound stays on the process).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from ..support import ROD


def _koer(kode: str) -> subprocess.CompletedProcess:
    program = (
        "import sys, time\n"
        "from generator.problemer import DataFejl\n"
        "from generator.site import pdf\n"
        f"{kode}\n"
        "try:\n"
        "    pdf.afgraenset(arbejde)\n"
        "except DataFejl as e:\n"
        "    print(*e.problemer, sep='\\n', file=sys.stderr); sys.exit(1)\n"
    )
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROD)})


@pytest.mark.parametrize("kode, besked", [
    ("pdf.MAKS_SEKUNDER = 1\narbejde = lambda: time.sleep(30)",
     "PDF'en blev ikke færdig inden for 0 minutter og er stoppet"),
    ("pdf.MAKS_HUKOMMELSE = 300 << 20\narbejde = lambda: bytearray(2 << 30)",
     "PDF'en brugte mere end 0 GB hukommelse og er stoppet"),
])
def test_a_render_beyond_a_bound_stops_with_a_message(kode, besked):
    r = _koer(kode)
    assert r.returncode == 1, r.stderr
    assert besked in r.stderr and "del det op i flere kataloger" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_render_within_the_bounds_returns_its_result():
    r = _koer("arbejde = lambda: print('gjort') or True")
    assert r.returncode == 0 and r.stdout.strip() == "gjort", r.stderr


# A catalogue whose PDF would be far beyond `omfang.MAKS_PDF_SIDER` (a standard's text of some
# 2,900 estimated pages, repeated on each of its interventions' pages): once refused by check, and
# before that 30 minutes and 12 GB in the PDF. Now it is built, and its PDF is one page that says why.
_LANG = "Hjælpen gives efter en konkret og individuel vurdering af behovet. " * 12000
_ANKER = "      Alle kan henvende sig direkte til Social og Handicap, Team Visitation, der har bevillingskompetencen.\n"


@pytest.mark.slow
def test_a_catalogue_too_big_for_one_pdf_is_built_and_its_pdf_says_why(tmp_path):
    import shutil

    from generator.site import urls
    from generator.tjek import omfang

    from ..support import DATA, byg_site, erstat, kopier_projekt

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    erstat(data / "standards.yaml", _ANKER, _ANKER + "\n      " + _LANG.strip() + "\n")
    check = subprocess.run([sys.executable, "-m", "generator", "--data", str(data), "check", "--kort"],
                           capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROD)})
    assert check.returncode == 0, check.stderr
    assert "PDF'en til udvalget er ikke lavet: kataloget ville give ca." in check.stdout, check.stdout
    projekt = kopier_projekt(tmp_path / "projekt", data)
    r = byg_site(projekt, tmp_path / "site")
    assert r.returncode == 0, r.stderr[-3000:]
    # The build says what it did not make and how to make it (an INFO line: --strict builds on).
    assert "PDF'en til udvalget er ikke lavet" in r.stderr and "del kataloget op i flere kataloger" in r.stderr
    pdf_fil = tmp_path / "site" / urls.PDF
    tekst = " ".join(subprocess.run(["pdftotext", str(pdf_fil), "-"], capture_output=True, text=True).stdout.split())
    info = subprocess.run(["pdfinfo", str(pdf_fil)], capture_output=True, text=True).stdout
    assert re.search(r"(?m)^Pages:\s+2$", info), info  # the cover and the page that says why
    assert f"højst have {omfang.MAKS_PDF_SIDER:,} sider".replace(",", ".") in tekst, tekst
    assert "Webstedet, CSV-filerne og katalog.json har hele kataloget" in tekst
    # The site itself is whole: every intervention's page, with the long text.
    side = (tmp_path / "site" / "katalog/indsatser/k-2-1-rengoering/index.html").read_text(encoding="utf-8")
    assert "Hjælp til rengøring af dit hjem" in side
