"""The changes before and after publishing (issue 19), on the Aarhus example's two real editions.

`python -m generator aendringer` shows the editor what the working data changes against the
last published edition; the committee PDF opens with the same changes and decisions, each
changed entry with its page in the PDF. Both are checked against the Ændringer page.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from generator.data.eksport import eksport, som_json
from generator.site import pdf, urls
from generator.site.byg import generer
from generator.tjek.indlaes import indlaes_katalog
from generator.udgaver import aendringer

from ..support import ROD

AARHUS = ROD / "examples" / "aarhus-sel-86-2" / "data"


def _tekst(md: str) -> str:
    """Markdown reduced to words: the page and the terminal say the same thing in different markup."""
    return re.sub(r"\s+", " ", re.sub(r"[*_`#>\[\]]|\{[^}]*\}|\([^)]*\.md[^)]*\)", "", md))


def test_the_command_lists_what_the_aendringer_page_lists():
    r = subprocess.run([sys.executable, "-m", "generator", "--data", str(AARHUS), "aendringer"],
                       capture_output=True, text=True, cwd=ROD, timeout=120)
    assert r.returncode == 0, r.stderr
    ud = r.stdout
    katalog = indlaes_katalog(AARHUS)
    forskel = aendringer.beregn(katalog)
    assert forskel is not None and forskel.poster
    side = _tekst(generer(katalog)[1][urls.AENDRINGER])
    assert ud.startswith("Ændringer i udgave 2020-1 i forhold til den publicerede udgave 2020-0:")
    for p in forskel.poster:
        assert p.titel in ud and _tekst(p.titel) in side, p.titel
        for a in p.aendringer:
            assert f"- {a.feltnavn}" in ud, (a.feltnavn, ud)
            assert _tekst(a.feltnavn) in side, a.feltnavn
    # The decision behind the change, under the entry and on its own.
    [b] = katalog.info.revision.beslutninger
    assert ud.count(b.titel) == 2 and _tekst(b.titel) in side
    assert "Vejledende omfang og tider › Tidsramme for træningen: 26 uger → 12 uger" in ud
    assert "{kommune" not in ud  # placeholders filled, as on the page


def test_a_first_edition_says_there_is_nothing_to_compare(tmp_path):
    r = subprocess.run([sys.executable, "-m", "generator", "--data", str(ROD / "data"), "aendringer"],
                       capture_output=True, text=True, cwd=ROD, timeout=120)
    assert r.returncode == 0 and "er den første: der er ingen publiceret udgave" in r.stdout, r.stdout + r.stderr


def test_edits_after_publishing_are_shown_against_the_published_edition(tmp_path):
    """Data whose revision.id is a published edition: what re-publishing would change."""
    data = shutil.copytree(AARHUS, tmp_path / "data")
    katalog_yaml = data / "katalog.yaml"
    tekst = katalog_yaml.read_text(encoding="utf-8")
    assert 'forrige: "2020-0"' in tekst
    katalog_yaml.write_text(tekst.replace('forrige: "2020-0"', "forrige: null"), encoding="utf-8")
    gemt = data / "tidligere" / "2020-1"
    gemt.mkdir()
    (gemt / "katalog.json").write_text(som_json(eksport(indlaes_katalog(data))), encoding="utf-8")
    standards = data / "standards.yaml"
    s = standards.read_text(encoding="utf-8")
    gammel = "Tidsrammen for træningsydelsen er 12 uger"
    assert gammel in s
    standards.write_text(s.replace(gammel, "Tidsrammen for træningsydelsen er fortsat 12 uger", 1), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "generator", "--data", str(data), "aendringer"],
                       capture_output=True, text=True, cwd=ROD, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "i forhold til den publicerede udgave 2020-1 (samme revision.id)" in r.stdout
    aendrede = [l.strip() for l in r.stdout.splitlines() if l.strip().startswith("- ")]
    assert aendrede == ["- Vejledende omfang og tider › Tidsramme for træningen › Tekst: ændret"], r.stdout


@pytest.mark.slow
def test_the_pdf_opens_with_the_changes_each_with_its_page(tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext mangler (apt-get install poppler-utils)")
    katalog = indlaes_katalog(AARHUS)
    visning, filer = generer(katalog)
    maal = tmp_path / "katalog.pdf"
    pdf.skriv_pdf(katalog, visning, filer, maal)
    sider = subprocess.run(["pdftotext", "-layout", str(maal), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    # Cover, contents, then the changes: the first entry of the contents, on page 3.
    assert re.search(r"Ændringer i denne udgave \.+ 3\b", sider[1]), sider[1]
    assert sider[2].lstrip().splitlines()[0].strip() == "Ændringer i denne udgave"
    slut = int(re.search(r"Generel information \.+ (\d+)", sider[1]).group(1)) - 1  # its first page, 0-based
    aendr = re.sub(r"\s+", " ", " ".join(sider[2:slut]))
    side = _tekst(filer[urls.AENDRINGER])
    forskel = aendringer.beregn(katalog)
    for p in forskel.poster:
        for a in p.aendringer:
            assert a.feltnavn in aendr, a.feltnavn
    assert "26 uger → 12 uger" in aendr and "26 uger → 12 uger" in side
    [b] = katalog.info.revision.beslutninger
    assert "Beslutninger bag udgaven" in aendr and b.titel in aendr
    # Each changed entry names its page in the PDF, and that page is the entry's.
    henvisninger = [int(n) for n in re.findall(r"Se side (\d+)", aendr)]
    assert len(henvisninger) == len(forskel.poster), aendr
    standard = katalog.standarder[0]
    nr = henvisninger[[p.slags for p in forskel.poster].index("standard")]
    assert re.search(rf"^Kvalitetsstandard {standard.nr}\. {re.escape(standard.titel[:30])}", sider[nr - 1].strip(),
                     re.M), sider[nr - 1][:300]
    # On paper the before/after texts stand open (the page folds them in ??? blocks).
    assert "???" not in aendr and "Før (udgave 2020-0):" in aendr


def test_a_first_edition_pdf_has_no_changes_section():
    katalog = indlaes_katalog(ROD / "data")
    visning, filer = generer(katalog)
    assert urls.AENDRINGER not in [s for s, _ in pdf.kilde(katalog, visning, filer).sider]
    katalog = indlaes_katalog(AARHUS)
    visning, filer = generer(katalog)
    assert [s for s, _ in pdf.kilde(katalog, visning, filer).sider][0] == urls.AENDRINGER
