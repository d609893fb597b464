"""The page registry: every page of the site once — path, title, template, context, navigation group, PDF.

Navigation (`nav`), the PDF's contents (`i_pdf`) and the set of generated files all
derive from one `Sideregister`; registering a second page at a path is an error, never
a silent overwrite.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Side:
    sti: str
    """Path under the MkDocs docs_dir (content/)."""
    titel: str
    skabelon: str | None
    """Jinja template; None for a hand-written page kept in git."""
    kontekst: dict[str, Any] = field(default_factory=dict)
    gruppe: str | None = None
    """Navigation group ("Overblik"); None for a top-level item."""
    nav_titel: str | None = None
    """Title in the navigation when it differs from `titel`."""
    gruppeforside: bool = False
    """The group's own index page (listed first, titled by the page itself)."""
    i_pdf: bool = False
    i_nav: bool = True
    """False for a page built for the editors but left out of the citizens' navigation."""


class DobbeltSide(Exception):
    """Two pages registered at one path."""


class Sideregister:
    def __init__(self) -> None:
        self._sider: dict[str, Side] = {}

    def tilfoej(self, side: Side) -> Side:
        if side.sti in self._sider:
            raise DobbeltSide(f"to sider har stien {side.sti}: '{self._sider[side.sti].titel}' og '{side.titel}'")
        self._sider[side.sti] = side
        return side

    def __iter__(self) -> Iterator[Side]:
        return iter(self._sider.values())

    def __getitem__(self, sti: str) -> Side:
        return self._sider[sti]

    def genererede(self) -> list[Side]:
        return [s for s in self if s.skabelon is not None]

    def pdf(self) -> list[Side]:
        """The PDF's pages, in reading order."""
        return [s for s in self if s.i_pdf]

    def nav(self) -> list[Any]:
        """MkDocs nav: the catalogue's own structure, in registration order, not the file tree."""

        def punkt(s: Side) -> Any:
            if s.gruppeforside:
                return s.sti
            # Theme templates print nav titles as HTML: titles from the data must be escaped here.
            return {html.escape(s.nav_titel or s.titel, quote=False): s.sti}

        ud: list[Any] = []
        grupper: dict[str, list[Any]] = {}
        for s in self:
            if not s.i_nav:
                continue
            if s.gruppe is None:
                ud.append(punkt(s))
                continue
            if s.gruppe not in grupper:
                grupper[s.gruppe] = []
                ud.append({s.gruppe: grupper[s.gruppe]})
            grupper[s.gruppe].append(punkt(s))
        return ud
