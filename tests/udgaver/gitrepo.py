"""A scratch git repository with the catalogue's sources, for the publishing tests.

`ny_repo` builds one (no site is built); `udgivet_2014` in conftest.py publishes 2014 in one
once per test session, and tests that publish further work on copies of it (`kopi_af`).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from generator.site import urls

from ..support import ROD, erstat, pdf_som_aktuel

FAKTUM_FOER = "tid: {antal: 30, enhed: minutter}"
FAKTUM_EFTER = "tid: {antal: 45, enhed: minutter}"


def git(rod: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=rod, check=True, capture_output=True, text=True).stdout


def blobs(rod: Path, mappe: str, branch: str = "gh-pages") -> dict[str, str]:
    """path → blob hash of every file under `mappe`/ on `branch`."""
    ud = {}
    for linje in git(rod, "ls-tree", "-r", branch, "--", mappe + "/").splitlines():
        meta, sti = linje.split("\t", 1)
        ud[sti] = meta.split()[2]
    return ud


def vis_fil(rod: Path, sti: str, branch: str = "gh-pages") -> str:
    return git(rod, "show", f"{branch}:{sti}")


def versioner(rod: Path) -> list[dict]:
    return json.loads(vis_fil(rod, "versions.json"))


def ny_repo(maal: Path, pdf: tuple[Path, Path] | None = None) -> Path:
    """A git repository with the catalogue's sources, built by this checkout's generator.

    `pdf`: the session's rendered PDF of the real data and its fingerprint (fixture `bygget_pdf`):
    the PDF is rendered only when its input changed, so publishing the real data reuses it."""
    maal.mkdir()
    shutil.copytree(ROD / "data", maal / "data", ignore=shutil.ignore_patterns("tidligere"))
    shutil.copytree(ROD / "overrides", maal / "overrides")
    (maal / "content").mkdir()
    for side in (urls.OM_KATALOGET, urls.REDAKTOERVEJLEDNING, urls.TILGAENGELIGHED):
        shutil.copy2(ROD / "content" / side, maal / "content" / side)
    if pdf:
        (maal / "content" / urls.PDF).parent.mkdir(parents=True)
        for fil in pdf:
            shutil.copy2(fil, (maal / "content" / urls.PDF).with_name(fil.name))
    config = (ROD / "mkdocs.yml").read_text(encoding="utf-8")
    hook = ROD / "generator" / "site" / "mkdocs_hook.py"
    config, n = re.subn(r"(?m)^  - generator/site/mkdocs_hook\.py$", f"  - {hook}", config)
    assert n == 1, "mkdocs.yml's hooks: changed; update ny_repo()"
    config = re.sub(r"(?m)^  - generator/site/templates$", f"  - {ROD / 'generator' / 'site' / 'templates'}", config)
    (maal / "mkdocs.yml").write_text(config, encoding="utf-8")
    (maal / ".gitignore").write_text("site/\ncontent/katalog/\ncontent/index.md\n", encoding="utf-8")
    git(maal, "init", "-q", "-b", "main")
    git(maal, "config", "user.name", "Test")
    git(maal, "config", "user.email", "test@example.invalid")
    git(maal, "add", "-A")
    git(maal, "commit", "-q", "-m", "Kataloget")
    return maal


def kopi_af(rod: Path, maal: Path) -> Path:
    """A copy of a scratch repository (cheap: no build), to publish further in."""
    shutil.copytree(rod, maal, symlinks=True)
    return maal


def goer_til_2015(rod: Path) -> None:
    """Turn the data into revision 2015 (forrige 2014, one fact changed) and commit it.

    The PDF gets a stand-in current for the new data: publishing is under test, not the PDF."""
    erstat(rod / "data" / "katalog.yaml", 'id: "2014"', 'id: "2015"\n  forrige: "2014"')
    erstat(rod / "data" / "standards.yaml", FAKTUM_FOER, FAKTUM_EFTER)
    git(rod, "commit", "-q", "-am", "Udgave 2015")
    pdf_som_aktuel(rod / "content", rod / "data")
