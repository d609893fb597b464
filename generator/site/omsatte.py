"""A page whose Markdown is unchanged is not converted to HTML again (the editor's loop).

Under `mkdocs serve` MkDocs converts every page's Markdown on every rebuild, though a save to
data/ changes a handful of pages: converting the catalogue's pages was the largest part of a
rebuild (0.65 of 1.6 s for Varde, benchmarks/). The HTML of a page (and its table of contents,
title and anchors) depends only on its Markdown, the Markdown configuration, the code and which
files the site has (links are resolved against them), so a conversion kept from the last build
of the same process is reused when all of those are the same. A conversion that logged a
warning is never kept, so `--strict` stops on it again.

Kept in memory, for one process: serve's rebuilds. `mkdocs build` converts every page once.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from types import MethodType
from typing import Any

from mkdocs.structure.files import InclusionLevel

from . import mellemlager


@dataclass
class Omsat:
    html: str
    toc: Any
    titel: str | None
    ankre: set[str]
    links: dict[str, dict[str, str]] | None
    """Links to anchors in other pages, by the linked page's src_uri (MkDocs checks them after the build)."""


_FORRIGE: dict[str, Omsat] = {}
_DENNE: dict[str, Omsat] = {}
_GRUND = ""
tal = {"genbrugt": 0, "omsat": 0}
"""This build's pages: conversions reused, and made (tests/site/test_omsatte.py)."""


def _navn(o: Any) -> str:
    """A stable name for a function or object in the Markdown configuration (no memory address)."""
    return f"{type(o).__module__}.{getattr(o, '__qualname__', type(o).__qualname__)}"


def ny_bygning(config, files) -> None:
    """Called once the build's files are known (on_files): what every page's key shares."""
    global _GRUND, _FORRIGE, _DENNE
    # Only the last build's conversions are kept: the memory does not grow with the rebuilds.
    _FORRIGE, _DENNE = _DENNE or _FORRIGE, {}
    tal.update(genbrugt=0, omsat=0)
    h = hashlib.sha256(mellemlager.kode_noegle().encode())
    cfg = Path(config.config_file_path) if config.config_file_path else None
    if cfg is not None and cfg.is_file():
        h.update(cfg.read_bytes())
    h.update(json.dumps([config["markdown_extensions"], config["mdx_configs"]], default=_navn, sort_keys=True).encode())
    h.update(f"\0{config.docs_dir}\0{config.use_directory_urls}\0{config.site_url}\0".encode())
    # Files MkDocs leaves out (the hook's dotfiles, written after the first build) link nowhere.
    for f in sorted((f for f in files if f.inclusion != InclusionLevel.EXCLUDED), key=lambda f: f.src_uri):
        h.update(f"{f.src_uri}\0{f.url}\0{f.inclusion}\0".encode())
    _GRUND = h.hexdigest()


def brug(page, markdown: str) -> None:
    """on_page_markdown: give `page` the kept conversion of this Markdown, or keep the one it makes now."""
    if not _GRUND:
        return
    noegle = hashlib.sha256(f"{_GRUND}\0{page.file.src_uri}\0{markdown}".encode()).hexdigest()
    gemt = _FORRIGE.get(noegle) or _DENNE.get(noegle)
    if gemt is not None:
        _DENNE[noegle] = gemt
        tal["genbrugt"] += 1
        page.render = MethodType(_fra_gemt(gemt), page)
        return
    original = page.render
    tal["omsat"] += 1

    def render(self, config, files) -> None:
        taeller = _Advarsler()
        logging.getLogger("mkdocs").addHandler(taeller)
        try:
            original(config, files)
        finally:
            logging.getLogger("mkdocs").removeHandler(taeller)
        if taeller.antal == 0:
            links = getattr(self, "links_to_anchors", None)
            _DENNE[noegle] = Omsat(
                html=self.content,
                toc=copy.deepcopy(self.toc),
                titel=self._title_from_render,
                ankre=set(self.present_anchor_ids or ()),
                links=None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
            )

    page.render = MethodType(render, page)


def _fra_gemt(o: Omsat):
    def render(self, config, files) -> None:
        self.content = o.html
        self.toc = copy.deepcopy(o.toc)
        self._title_from_render = o.titel
        self.present_anchor_ids = set(o.ankre)
        if o.links is not None:
            self.links_to_anchors = {
                fil: dict(a) for src, a in o.links.items() if (fil := files.get_file_from_path(src)) is not None
            }

    return render


class _Advarsler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.antal = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.antal += 1
