"""What a build needs from the generator, kept from the last build of the same input.

`mkdocs build` of an unchanged catalogue should cost what MkDocs costs. Loading, checking and
generating the catalogue grows with it (at 100× the interventions, seconds per build:
benchmarks/skalering.py), and with unchanged input it can only give the same result. So the
hook keeps, in a dotfile in docs_dir (MkDocs does not publish it):

- the key: a hash of every input — each file in the data folder (the previous revision's
  export included), the generator's code and templates, the interpreter and the installed
  packages, the data and docs folders' paths;
- what the hook sets from it: the navigation, the footer, the data warnings (replayed, so
  `--strict` stops exactly as before), the PDF's fingerprint;
- each generated file's size and modification time, so a file changed or deleted by hand
  is noticed.

A hit costs a few milliseconds (hashing the inputs). This module also keeps which pages the
last build verified clean (`verificerede`) and holds the compiled-template cache (`OVERSAT`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
import sysconfig
from dataclasses import asdict, dataclass, field
from pathlib import Path
from stat import S_ISLNK, S_ISREG
from typing import Any

from jinja2 import FileSystemBytecodeCache

from ..data import fsiii
from ..data.profil import profil_sti
from ..data.sammenligning import sammenlignede_mapper

# Compiling templates was most of generating the pages, and a sixth of MkDocs' own build (the hook
# gives Material's templates the same cache). Jinja keeps the compiled code in the user's temp
# folder, keyed by template path and checked against the template's source on every load.
OVERSAT = FileSystemBytecodeCache()

FIL = ".kataloget.json"
VERSION = 5
GENERATOR = Path(__file__).resolve().parents[1]


@dataclass
class Bygning:
    """The generator's result as far as the hook uses it."""

    nav: list[Any]
    copyright: str
    udskrift: dict[str, str] = field(default_factory=dict)
    soegefelt: dict[str, str] = field(default_factory=dict)
    """The search box's examples in the profile's words (overrides/partials/search.html)."""
    """What a printed page says about where it is from (overrides/main.html)."""
    soegning: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each page's search metadata (site.soegemeta), for overrides/main.html."""
    sider: list[str] = field(default_factory=list)
    """docs_dir paths of the pages built from data (the sanitizer cleans exactly these)."""
    advarsler: list[str] = field(default_factory=list)
    pdf_fingeraftryk: str = ""
    uden_pdf: str = ""
    """Why the committee PDF holds no pages (tjek.omfang.uden_pdf), said on every build; "" if it does."""
    skrevet: int = 0
    uaendret: int = 0
    filer: dict[str, list[int]] = field(default_factory=dict)
    """Generated file (docs_dir-relative) → [size, mtime_ns] as this build left it."""
    fra_mellemlager: bool = False


def noegle(data_dir: Path, docs_dir: Path) -> str:
    h = hashlib.sha256(f"{VERSION}\0{sys.version}\0{data_dir.resolve()}\0{docs_dir.resolve()}".encode())
    _filer(h, data_dir)
    for andet in sammenlignede_mapper(data_dir):  # the catalogues its comparison page is made from
        h.update(f"\0{andet}\0".encode())
        _filer(h, andet)
    profil = profil_fil(data_dir)
    if profil is not None:  # the catalogue's shape is read as much as its data
        h.update(f"\0{profil.resolve()}\0".encode())
        h.update(profil.read_bytes())
    h.update(_kode_noegle().encode())
    # The FSIII code system the codes are checked against and shown from (a new release changes pages).
    kodesystem = fsiii.fil()
    try:
        s = kodesystem.stat()
        h.update(f"\0{kodesystem.resolve()}\0{s.st_size}\0{s.st_mtime_ns}".encode())
    except OSError:
        h.update(b"\0uden FSIII")
    return h.hexdigest()


def profil_fil(data_dir: Path) -> Path | None:
    """The profile file katalog.yaml names (found as the load step finds it), if any."""
    try:
        tekst = (data_dir / "katalog.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.search(r"(?m)^profil:[ \t]*[\"']?([^\"'#\n]+?)[\"']?[ \t]*(?:#.*)?$", tekst)
    return profil_sti(m.group(1).strip(), data_dir) if m else None


def _filer(h: Any, rod: Path) -> None:
    # Only regular files are read, in blocks: a FIFO, a device or a link out of the folder in data/
    # must not hang or exhaust the build before the check names it (a link is hashed by its target).
    for sti in sorted(p for p in rod.rglob("*") if "__pycache__" not in p.parts):
        try:
            info = sti.lstat()
            h.update(f"\0{sti.relative_to(rod)}\0{info.st_mode:o}\0".encode())
            if S_ISLNK(info.st_mode):
                h.update(os.readlink(sti).encode("utf-8", "surrogateescape"))
            elif S_ISREG(info.st_mode):
                with open(sti, "rb") as f:
                    while blok := f.read(1 << 20):
                        h.update(blok)
        except OSError:
            continue  # gone or unreadable: the check says so


def ny_bygning() -> None:
    """Called as a build starts: the code may have changed since the last (a template edited in serve)."""
    _kode_noegle.cache_clear()


def kode_noegle() -> str:
    """The key of the generator's code and the installed packages (see `_kode_noegle`)."""
    return _kode_noegle()


@functools.cache
def _kode_noegle() -> str:
    """The generator's code and templates, and the installed packages (a changed library — Jinja,
    pydantic, Markdown, nh3 — may change the output: its dist-info's name changes)."""
    h = hashlib.sha256(f"{VERSION}\0{sys.version}".encode())
    _filer(h, GENERATOR)
    pakker = Path(sysconfig.get_paths()["purelib"])
    h.update("\0".join(sorted(p.name for p in pakker.glob("*.dist-info"))).encode())
    return h.hexdigest()


def stat(docs_dir: Path, stier: list[str]) -> dict[str, list[int]]:
    ud = {}
    for sti in stier:
        s = os.stat(docs_dir / sti)
        ud[sti] = [s.st_size, s.st_mtime_ns]
    return ud


def hent(data_dir: Path, docs_dir: Path) -> tuple[str, Bygning | None]:
    """The key for this input, and the kept result if it is for this key and its files are untouched."""
    n = noegle(data_dir, docs_dir)
    try:
        gemt = json.loads((docs_dir / FIL).read_text(encoding="utf-8"))
        if gemt.pop("noegle") != n:
            return n, None
        bygning = Bygning(**gemt)
        if stat(docs_dir, list(bygning.filer)) != bygning.filer:
            return n, None
    except (OSError, ValueError, TypeError, KeyError):
        return n, None
    bygning.fra_mellemlager = True
    bygning.uaendret, bygning.skrevet = len(bygning.filer), 0
    return n, bygning


def gem(docs_dir: Path, n: str, bygning: Bygning) -> None:
    data = {"noegle": n, **asdict(bygning)}
    data.pop("fra_mellemlager")
    (docs_dir / FIL).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def glem(docs_dir: Path) -> None:
    (docs_dir / FIL).unlink(missing_ok=True)


# ------------------------------------------------------------------ pages verified clean

VERIFICERET = ".kataloget-verificeret.json"


def aftryk(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def verificerede(docs_dir: Path) -> set[str]:
    """Hashes of the pages the last build verified clean (rens.farlige_steder), if the code is the same.

    The verification reads the whole HTML of every page with Python's HTML parser (a sixth of a
    bare Material build); its answer depends on the HTML and the code alone, so a page that comes
    out byte for byte as before needs no second reading."""
    try:
        gemt = json.loads((docs_dir / VERIFICERET).read_text(encoding="utf-8"))
        return set(gemt["sider"]) if gemt["kode"] == _kode_noegle() else set()
    except (OSError, ValueError, TypeError, KeyError):
        return set()


def gem_verificerede(docs_dir: Path, aftryk_: set[str]) -> None:
    data = {"kode": _kode_noegle(), "sider": sorted(aftryk_)}
    (docs_dir / VERIFICERET).write_text(json.dumps(data), encoding="utf-8")


# ------------------------------------------------------------------ the search dictionary's words per page

ORD = ".kataloget-ord.json"


def sidernes_ord(docs_dir: Path) -> dict[str, dict[str, int] | None]:
    """Page hash → its indexed words (soegeordbog.sidens_ord, counted), from the last build with the same code.

    Reading every built page with Python's HTML parser again for the search's dictionary was, after
    the verification, the largest per-build cost of an unchanged catalogue."""
    try:
        gemt = json.loads((docs_dir / ORD).read_text(encoding="utf-8"))
        return dict(gemt["sider"]) if gemt["kode"] == _kode_noegle() else {}
    except (OSError, ValueError, TypeError, KeyError):
        return {}


def gem_sidernes_ord(docs_dir: Path, sider: dict[str, dict[str, int] | None]) -> None:
    """Keep this build's pages' words (only these: the file does not grow from build to build)."""
    data = {"kode": _kode_noegle(), "sider": sider}
    (docs_dir / ORD).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
