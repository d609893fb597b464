"""One site, several catalogues: a municipality's catalogue at the branch's root and another (here
a helhedspleje catalogue) in its own folder (mkdocs.yml `extra.udgivelsesmappe`), each with its own
editions, `latest` and versions.json — publishing one never touches the other's files."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from generator.udgaver.publicer import PubliceringsFejl, publicer

from ..support import ROD, pdf_som_aktuel
from .gitrepo import blobs, git, kopi_af, versioner, vis_fil




def _nyt_katalog(rod, navn: str, mappe: str | None) -> str:
    """A new catalogue (`ny`, profile helhedspleje) in folder `navn` of the repository; returns its edition."""
    r = subprocess.run([sys.executable, "-m", "generator", "ny", str(rod / navn), "--profil", "helhedspleje"],
                       cwd=ROD, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    if mappe is not None:
        cfg = rod / navn / "mkdocs.yml"
        cfg.write_text(cfg.read_text(encoding="utf-8").replace(
            "extra:\n", f"extra:\n  udgivelsesmappe: {mappe}\n", 1), encoding="utf-8")
    pdf_som_aktuel(rod / navn / "content", rod / navn / "data")
    git(rod, "add", "-A")
    git(rod, "commit", "-q", "-m", f"Kataloget {navn}")
    tekst = (rod / navn / "data" / "katalog.yaml").read_text(encoding="utf-8")
    return tekst.split('  id: "', 1)[1].split('"', 1)[0]


@pytest.mark.slow
def test_two_catalogues_on_one_site_keep_their_own_editions(udgivet_2014, tmp_path):
    rod = kopi_af(udgivet_2014["rod"], tmp_path / "repo")
    foer_2014, foer_versioner = blobs(rod, "2014"), versioner(rod)
    udgave = _nyt_katalog(rod, "helhedspleje", "helhedspleje")
    beskeder: list[str] = []
    publicer(udgave, rod / "helhedspleje" / "mkdocs.yml", ud=beskeder.append)
    # The new catalogue's editions are in its folder, with their own list and `latest`.
    egne = json.loads(vis_fil(rod, "helhedspleje/versions.json"))
    assert [v["version"] for v in egne] == [udgave] and "latest" in egne[0]["aliases"]
    assert vis_fil(rod, f"helhedspleje/{udgave}/index.html")
    assert vis_fil(rod, "helhedspleje/latest/index.html")
    # The catalogue at the root is as it was: its edition, its list, its `latest`.
    assert blobs(rod, "2014") == foer_2014
    assert versioner(rod) == foer_versioner
    assert not [s for s in git(rod, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
                if s.startswith(f"{udgave}/")], "the second catalogue's edition landed at the root"


@pytest.mark.slow
def test_a_publishing_folder_must_be_a_plain_name(udgivet_2014, tmp_path):
    rod = kopi_af(udgivet_2014["rod"], tmp_path / "repo")
    udgave = _nyt_katalog(rod, "andet", "../uden-for")
    with pytest.raises(PubliceringsFejl, match="udgivelsesmappe"):
        publicer(udgave, rod / "andet" / "mkdocs.yml", ud=lambda _: None)


def test_the_front_page_tells_the_reader_which_catalogue_applies(tmp_path):
    """A catalogue names the others on its site (søsterkataloger) and whom each is for."""
    import shutil

    from generator.site.byg import byg
    from generator.site.rens import rens

    data = tmp_path / "data"
    shutil.copytree(ROD / "data", data)
    with (data / "katalog.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "\nmålgruppe:\n  tekst: Borgere under folkepensionsalderen\n  love: [serviceloven]\n"
            "søsterkataloger:\n  - titel: Helhedspleje\n    målgruppe: Er du i folkepensionsalderen\n"
            "    sti: ../../helhedspleje/latest/\n"
        )
    byg(data, tmp_path / "content")
    forside = (tmp_path / "content" / "index.md").read_text(encoding="utf-8")
    assert "**Kataloget gælder for:** Borgere under folkepensionsalderen." in forside
    assert 'Er du i folkepensionsalderen: se <a href="../../helhedspleje/latest/">Helhedspleje</a>.' in forside
    assert 'href="../../helhedspleje/latest/"' in rens('<p><a href="../../helhedspleje/latest/">Helhedspleje</a></p>')
