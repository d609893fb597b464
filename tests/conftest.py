"""Shared fixtures: the real data, its view model and site, and writable copies of the data to break."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.site.visning import Visning
from generator.tjek.indlaes import indlaes_katalog

from .support import DATA, byg_site, kopier_projekt


@pytest.fixture(scope="session")
def katalog():
    return indlaes_katalog(DATA)


@pytest.fixture(scope="session")
def visning(katalog):
    return Visning(katalog)


@pytest.fixture
def data_kopi(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break."""
    kopi = tmp_path / "data"
    shutil.copytree(DATA, kopi)
    return kopi


@pytest.fixture(scope="session")
def bygget(tmp_path_factory) -> Path:
    """The real data's site, built once per test session with `mkdocs build --strict`.

    Its PDF is the session's one PDF render (`bygget_pdf`); other builds reuse it or a stand-in."""
    rod = tmp_path_factory.mktemp("site")
    projekt = kopier_projekt(rod / "projekt")
    r = byg_site(projekt, rod / "site")
    assert r.returncode == 0, r.stdout + r.stderr
    (rod / "build.log").write_text(r.stdout + r.stderr, encoding="utf-8")
    return rod / "site"


@pytest.fixture(scope="session")
def bygget_pdf(bygget) -> tuple[Path, Path]:
    """The session's rendered PDF of the real data and its fingerprint file, to copy into other builds."""
    from generator.site import pdf, urls

    maal = bygget.parent / "projekt" / "content" / urls.PDF
    return maal, pdf.kvittering(maal)
