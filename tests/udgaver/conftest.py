"""The scratch repository with 2014 published, built once per test session (one site build)."""
from __future__ import annotations

import pytest

from generator.udgaver.publicer import publicer

from .gitrepo import blobs, git, ny_repo, versioner


@pytest.fixture(scope="session")
def udgivet_2014(tmp_path_factory, bygget_pdf):
    """A scratch repository with the real data published as 2014 and its saved data committed.

    Never changed by a test: tests that publish further copy it first (`gitrepo.kopi_af`).
    """
    rod = ny_repo(tmp_path_factory.mktemp("udgivet-2014") / "repo", pdf=bygget_pdf)
    assert 'id: "2014"' in (rod / "data" / "katalog.yaml").read_text(encoding="utf-8")
    beskeder: list[str] = []
    resultat = publicer("2014", rod / "mkdocs.yml", ud=beskeder.append)
    efter = {"2014": blobs(rod, "2014"), "versioner": versioner(rod)}
    git(rod, "add", "-A")
    git(rod, "commit", "-q", "-m", "Data for udgave 2014")
    return {"rod": rod, "resultat": resultat, "efter": efter, "beskeder": beskeder}
