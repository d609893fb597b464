"""One revision's validated data: what every later step (checks, changes, pages) reads."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problemer import Problem
from . import schema
from .lovregister import Lovregister
from .yamlfil import YamlFil


@dataclass(frozen=True)
class ForrigeUdgave:
    """The previous published revision, as its saved JSON export (never re-validated: it is frozen)."""

    id: str
    eksport: dict[str, Any]


@dataclass
class Katalog:
    """One revision's validated data, plus the raw files for locating later problems."""

    data_dir: Path
    info: schema.KatalogFil
    standarder_fil: schema.StandarderFil
    indsatser_fil: schema.IndsatserFil
    love: Lovregister
    filer: dict[str, YamlFil]
    advarsler: list[Problem] = field(default_factory=list)
    forrige: ForrigeUdgave | None = None

    @property
    def introduktion(self) -> schema.Introduktion:
        return self.standarder_fil.introduktion

    @property
    def standarder(self) -> list[schema.Standard]:
        return self.standarder_fil.standarder

    @property
    def indsatser(self) -> list[schema.Indsats]:
        return self.indsatser_fil.indsatser

    def standard(self, nr: int) -> schema.Standard | None:
        return self._efter_noegle[0].get(nr)

    def indsats(self, id_: str) -> schema.Indsats | None:
        return self._efter_noegle[1].get(id_)

    @functools.cached_property
    def _efter_noegle(self) -> tuple[dict[int, schema.Standard], dict[str, schema.Indsats]]:
        """Look-ups by number and id (the first entry wins, as a scan would); a scan per look-up
        made the pages quadratic in the number of interventions (benchmarks/skalering.py)."""
        standarder: dict[int, schema.Standard] = {}
        indsatser: dict[str, schema.Indsats] = {}
        for s in self.standarder:
            standarder.setdefault(s.nr, s)
        for i in self.indsatser:
            indsatser.setdefault(i.id, i)
        return standarder, indsatser
