"""One validation for every command: check, build, the MkDocs hook (serve/build) and publish.

All four run `indlaes_katalog`, so data that `check` refuses is refused by every other
command with the same located messages, and data that `check` accepts builds. Each case
below passed `check` and crashed or was refused by a later step before (issue 11).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import urls
from generator.site.byg import Resultat, generer, skriv
from generator.tjek.indlaes import indlaes_katalog

from ..support import ROD, erstat, kopier_projekt

BESLUTNING = """beslutninger:
    - id: proeve
      forum: Udvalget for Social og Sundhed
      dato: "{dato}"
      titel: En beslutning
      beslutning: Noget blev besluttet.
      berører: ["1"]"""

TILFAELDE = {
    # revision.forrige names a revision whose data was never saved by publish.
    "forrige-uden-gemte-data": ("katalog.yaml", 'id: "2014"', 'id: "2015"\n  forrige: "2014"',
                                r"katalog\.yaml:\d+: revision: forrige: den forrige udgave '2014' er ikke gemt"),
    # A decision dated on a day that does not exist (the build's date formatting crashed on it).
    "beslutning-dato-umulig": ("katalog.yaml", "beslutninger: []", BESLUTNING.format(dato="2014-99-99"),
                               r"katalog\.yaml:\d+: beslutning proeve: dato: 2014-99-99 er ikke en dato"),
    # A title too long for a file name ("File name too long" in the build).
    "titel-20000-tegn": ("standards.yaml", "    titel: Personlige opgaver", "    titel: " + "Personlige opgaver " * 1100,
                         r"standards\.yaml:\d+: kvalitetsstandard 1: titel: teksten er for lang"),
}

MILJOE = {**os.environ, "PYTHONPATH": str(ROD), "NO_MKDOCS_2_WARNING": "1"}


def placerede(tekst: str) -> set[str]:
    """The located messages in a command's output (mkdocs prefixes nothing to the Abort text)."""
    return {linje.strip() for linje in tekst.splitlines() if re.match(r"\s*\S+\.(yaml|json):\d+: ", linje)}


def kør(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=MILJOE, timeout=300)


@pytest.mark.parametrize("navn", sorted(TILFAELDE))
def test_alle_kommandoer_afviser_det_samme(navn, data_kopi, tmp_path):
    fil, gammel, ny, forventet = TILFAELDE[navn]
    erstat(data_kopi / fil, gammel, ny)
    projekt = kopier_projekt(tmp_path / "projekt", data_kopi)

    check = kør("-m", "generator", "--data", str(data_kopi), "check", cwd=tmp_path)
    build = kør("-m", "generator", "--data", str(data_kopi), "build", "--content", str(projekt / "content"),
                cwd=tmp_path)
    mkdocs = kør("-m", "mkdocs", "build", "--strict", "-f", str(projekt / "mkdocs.yml"), "-d",
                 str(tmp_path / "site"), cwd=tmp_path)
    publish = kør("-m", "generator", "publish", "2015", "--config", str(projekt / "mkdocs.yml"), cwd=tmp_path)

    beskeder = placerede(check.stderr)
    assert check.returncode == 1 and any(re.search(forventet, b) for b in beskeder), check.stderr
    for navn_, r in (("build", build), ("mkdocs build", mkdocs), ("publish", publish)):
        ud = r.stdout + r.stderr
        assert r.returncode != 0, f"{navn_} byggede data, som check afviser:\n{ud[-2000:]}"
        assert "Traceback" not in ud, f"{navn_}:\n{ud[-3000:]}"
        assert placerede(ud) == beskeder, f"{navn_} siger noget andet end check:\n{ud[-2000:]}"
    assert not (tmp_path / "site" / "index.html").exists()


def test_det_check_godkender_kan_bygges_lang_titel_og_beslutning(data_kopi, tmp_path):
    """The longest title check accepts, and a real decision, generate pages the file system takes."""
    lang = ("Personlige opgaver og " * 10)[:200]
    erstat(data_kopi / "standards.yaml", "    titel: Personlige opgaver", f"    titel: {lang}")
    erstat(data_kopi / "katalog.yaml", "beslutninger: []", BESLUTNING.format(dato="2014-02-28"))
    katalog = indlaes_katalog(data_kopi)
    assert katalog.standarder[0].titel == lang.strip()
    visning, filer = generer(katalog)
    skriv(tmp_path / "content", filer, Resultat(katalog, visning))
    side = urls.standard(1, lang)
    assert (tmp_path / "content" / side).is_file()
    for sti in filer:
        assert all(len(del_.encode()) <= 255 for del_ in Path(urls.html_fil(sti) if sti.endswith(".md") else sti).parts)
    assert len(Path(side).name) <= urls.MAKS_NAVN + len("1-.md")
    om = filer[urls.OM_UDGAVEN]
    assert "28. februar 2014" in om and "En beslutning" in om
