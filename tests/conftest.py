"""Shared fixtures: the real data, its view model and site, and writable copies of the data to break."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from generator.site import pdf, urls
from generator.site.visning import Visning
from generator.tjek.indlaes import indlaes_katalog

from .support import DATA, kopier_projekt, start_byg_site

# The session's site (fixture `bygget`): building it, PDF included, is the slowest step of the
# tests, so it starts as soon as collection shows a test needs it, and the tests that use it run
# last: the build runs on the other core while the rest of the tests run.
_SITE: dict = {}


def pytest_collection_modifyitems(session, config, items):
    """Tests that use the session's site run last (in their own order), the build meanwhile."""
    items.sort(key=lambda item: "bygget" in getattr(item, "fixturenames", ()))


def pytest_collection_finish(session):
    if any("bygget" in getattr(item, "fixturenames", ()) for item in session.items):
        _start_site()


def _start_site() -> None:
    rod = Path(tempfile.mkdtemp(prefix="kataloget-site-"))
    _SITE.update(rod=rod, proces=start_byg_site(kopier_projekt(rod / "projekt"), rod / "site"))


def pytest_sessionfinish(session):
    if _SITE:
        if _SITE["proces"].poll() is None:
            _SITE["proces"].kill()
            _SITE["proces"].wait()
        shutil.rmtree(_SITE["rod"], ignore_errors=True)


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
def bygget() -> Path:
    """The real data's site, built once per test session with `mkdocs build --strict` (started early).

    Its PDF is the session's one PDF render (`bygget_pdf`); other builds reuse it or a stand-in."""
    if not _SITE:  # requested though no collected test named it (e.g. from another fixture at run time)
        _start_site()
    rod = _SITE["rod"]
    ud, fejl = _SITE["proces"].communicate()
    assert _SITE["proces"].returncode == 0, ud + fejl
    (rod / "build.log").write_text(ud + fejl, encoding="utf-8")
    return rod / "site"


@pytest.fixture(scope="session")
def bygget_pdf(bygget) -> tuple[Path, Path]:
    """The session's rendered PDF of the real data and its fingerprint file, to copy into other builds."""
    maal = bygget.parent / "projekt" / "content" / urls.PDF
    return maal, pdf.kvittering(maal)
