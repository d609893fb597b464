"""Shared fixtures: the real data, and writable copies of it to break on purpose."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parent.parent
DATA = ROD / "data"


@pytest.fixture(scope="session")
def katalog():
    from generator.indlaes import indlaes_katalog

    return indlaes_katalog(DATA)


@pytest.fixture
def data_kopi(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break."""
    kopi = tmp_path / "data"
    shutil.copytree(DATA, kopi)
    return kopi


def erstat(fil: Path, gammel: str, ny: str, antal: int = 1) -> None:
    """Replace `gammel` by `ny` in a data file; fails loudly if the text is not there."""
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst, f"{gammel!r} findes ikke i {fil.name}: testen skal opdateres"
    fil.write_text(tekst.replace(gammel, ny, antal), encoding="utf-8")


# ------------------------------------------------------------------ building the site

HAANDSKREVNE = ("om-kataloget.md", "redaktoervejledning.md", "tilgaengelighedserklaering.md")


def kopier_projekt(maal: Path, data_dir: Path | None = None) -> Path:
    """A buildable copy of the site project in `maal`, using `data_dir` (default: the real data).

    Only hand-written content is copied; the hook regenerates the rest, as on a fresh clone.
    """
    import re

    maal.mkdir(parents=True, exist_ok=True)
    (maal / "content").mkdir(exist_ok=True)
    for navn in HAANDSKREVNE:
        kilde = ROD / "content" / navn
        if kilde.is_dir():
            shutil.copytree(kilde, maal / "content" / navn)
        else:
            shutil.copy(kilde, maal / "content" / navn)
    shutil.copytree(ROD / "overrides", maal / "overrides")
    cfg = (ROD / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg.replace("  - generator/mkdocs_hook.py", f"  - {ROD / 'generator' / 'mkdocs_hook.py'}")
    cfg = re.sub(r"(?m)^watch:\n(  - .*\n)+", "", cfg)
    cfg = cfg.replace("katalog_data: data", f"katalog_data: {data_dir or DATA}")
    (maal / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return maal


def byg_site(projekt: Path, ud: Path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROD)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(projekt / "mkdocs.yml"),
                           "-d", str(ud)], capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def bygget(tmp_path_factory) -> Path:
    """The real data's site, built once per test session with `mkdocs build --strict`."""
    rod = tmp_path_factory.mktemp("site")
    projekt = kopier_projekt(rod / "projekt")
    r = byg_site(projekt, rod / "site")
    assert r.returncode == 0, r.stdout + r.stderr
    (rod / "build.log").write_text(r.stdout + r.stderr, encoding="utf-8")
    return rod / "site"
