"""One revision's validated data: what every later step (checks, changes, pages) reads."""
from __future__ import annotations

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
        return next((s for s in self.standarder if s.nr == nr), None)

    def indsats(self, id_: str) -> schema.Indsats | None:
        return next((i for i in self.indsatser if i.id == id_), None)
