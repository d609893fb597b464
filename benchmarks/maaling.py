"""Shared by the benchmarks: whole processes timed (wall and CPU, peak memory), project copies
and a bare Material build of the same Markdown. (`mkdocs serve` is driven by scripts/serveproces.py.)

Every figure is a whole process, as an editor or CI meets it. The machine is shared, so each
process also reports its CPU time (user + system, its children included): when wall time
is far above CPU time, the machine was busy, not the code slow.
"""
from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROD = Path(__file__).resolve().parent.parent
HAANDSKREVNE = ("om-kataloget.md", "redaktoervejledning.md", "tilgaengelighedserklaering.md")


@dataclass
class Maaling:
    wall: float
    cpu: float
    maxrss_mb: float
    rc: int
    udskrift: str = ""


def koer(kommando: list[str], cwd: Path, env: dict[str, str] | None = None, tjek: bool = True) -> Maaling:
    """Run a whole process; wall and CPU time (children included) and peak memory."""
    start = time.perf_counter()
    p = subprocess.Popen(kommando, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # communicate() in a thread: wait4() below must be the one to reap the process.
    ud: list[bytes] = []
    laeser = threading.Thread(target=lambda: ud.append(p.stdout.read()), daemon=True)
    laeser.start()
    _, status, forbrug = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    laeser.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    tekst = b"".join(ud).decode("utf-8", "replace")
    if tjek and p.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, kommando))} fejlede ({p.returncode}):\n{tekst[-3000:]}")
    return Maaling(wall, forbrug.ru_utime + forbrug.ru_stime, forbrug.ru_maxrss / 1024, p.returncode, tekst)


@dataclass
class Serie:
    navn: str
    maalinger: list[Maaling] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(m.wall for m in self.maalinger)

    @property
    def cpu(self) -> float:
        return statistics.median(m.cpu for m in self.maalinger)

    @property
    def maxrss_mb(self) -> float:
        return max(m.maxrss_mb for m in self.maalinger)


def miljoe(rod: Path) -> dict[str, str]:
    """Environment for a checkout's generator: its code first on the path, MkDocs 2's banner off."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(rod)}


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def belastning() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def maskine(belastning_foer: str) -> str:
    """The machine and its load before and after a run, as a report begins."""
    return (f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}; "
            f"belastning før {belastning_foer}, efter {belastning()}.")


# ------------------------------------------------------------------ project copies


def kopier_projekt(maal: Path, data_kilde: Path | None = None, rod: Path = ROD) -> Path:
    """A buildable copy of checkout `rod` in `maal`: its config (hook and watched paths absolute),
    hand-written pages, overrides, and a copy of the data (default: `rod`/data)."""
    maal.mkdir(parents=True)
    (maal / "content").mkdir()
    for navn in HAANDSKREVNE:
        shutil.copy2(rod / "content" / navn, maal / "content" / navn)
    shutil.copytree(rod / "overrides", maal / "overrides")
    shutil.copytree(data_kilde or rod / "data", maal / "data")
    cfg = (rod / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg.replace("  - generator/site/mkdocs_hook.py", f"  - {rod / 'generator' / 'site' / 'mkdocs_hook.py'}")
    cfg = cfg.replace("  - generator/site/templates", f"  - {rod / 'generator' / 'site' / 'templates'}")
    (maal / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return maal


def frø_pdf(projekt: Path, rod: Path = ROD) -> None:
    """Give the copy the checkout's rendered PDF and its fingerprint (current when the data is the same)."""
    kilde = rod / "content" / "katalog" / "data"
    maal = projekt / "content" / "katalog" / "data"
    maal.mkdir(parents=True, exist_ok=True)
    for navn in ("kvalitetsstandarder.pdf", ".kvalitetsstandarder.pdf.sha256"):
        if (kilde / navn).is_file():
            shutil.copy2(kilde / navn, maal / navn)


def bar_material(projekt: Path, maal: Path, fuld_navigation: bool = False, rod: Path = ROD) -> Path:
    """A bare Material project with the same generated Markdown, navigation, extensions and theme
    features as `projekt` — no hook, no theme overrides, no Pagefind: what MkDocs itself costs.
    `fuld_navigation`: every page in the navigation, without the hook's limit on large groups."""
    cfg = yaml.safe_load(_uden_python_tags((projekt / "mkdocs.yml").read_text(encoding="utf-8")))
    maal.mkdir(parents=True)
    shutil.copytree(projekt / "content", maal / "docs")
    nav, ekstra = _nav(projekt, fuld_navigation, rod)
    tema = {k: v for k, v in cfg["theme"].items() if k != "custom_dir"}
    tema["features"] = tema["features"] + ekstra
    bar = {
        "site_name": cfg["site_name"], "docs_dir": "docs", "use_directory_urls": True, "strict": True,
        "theme": tema, "plugins": cfg["plugins"], "validation": cfg["validation"], "nav": nav,
    }
    tekst = yaml.safe_dump(bar, allow_unicode=True, sort_keys=False)
    # The extensions verbatim (the toc slugify is a Python tag that safe_dump cannot write).
    udvidelser = re.search(r"(?ms)^markdown_extensions:\n.*?(?=^\S|\Z)", (projekt / "mkdocs.yml").read_text(encoding="utf-8"))
    (maal / "mkdocs.yml").write_text(tekst + udvidelser.group(0), encoding="utf-8")
    return maal


def _uden_python_tags(tekst: str) -> str:
    return re.sub(r"!!python/\S+", "", tekst)


_NAV = """
import sys, yaml
from generator.tjek.indlaes import indlaes_katalog
from generator.site.visning import Visning
try:
    from generator.site.mkdocs_hook import begraens_navigation
except ImportError:  # a checkout from before the limit on large navigation groups
    begraens_navigation = None
C = type("C", (), {"theme": {"features": []}})
nav = Visning(indlaes_katalog(sys.argv[1])).register.nav()
if sys.argv[2] != "fuld" and begraens_navigation:
    nav = begraens_navigation(nav, C)
print(yaml.safe_dump({"nav": nav, "features": C.theme["features"]}, allow_unicode=True))
"""


def _nav(projekt: Path, fuld: bool, rod: Path) -> tuple[list, list[str]]:
    """The navigation checkout `rod`'s hook sets for the project's data, and the theme features it adds."""
    data = yaml.safe_load(_uden_python_tags((projekt / "mkdocs.yml").read_text(encoding="utf-8")))["extra"]["katalog_data"]
    data_dir = Path(data) if Path(data).is_absolute() else projekt / data
    r = subprocess.run(python("-c", _NAV, str(data_dir), "fuld" if fuld else "begrænset"),
                       capture_output=True, text=True, check=True, env=miljoe(rod), cwd=rod)
    ud = yaml.safe_load(r.stdout)
    return ud["nav"], ud["features"]
