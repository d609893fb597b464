"""Load and validate the whole data set (one revision) into a `Katalog`.

All four files are read and checked before anything fails, so the editor gets
every problem at once; `indlaes_katalog` raises `DataFejl` carrying them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .kildefil import YamlFil, laes_yaml
from .problemer import DataFejl, Problem
from .valider import valider

FILER = {
    "katalog": ("katalog.yaml", schema.KatalogFil),
    "standarder": ("standards.yaml", schema.StandarderFil),
    "indsatser": ("indsatser.yaml", schema.IndsatserFil),
}


@dataclass
class Katalog:
    """One revision's validated data, plus the raw files for locating later problems."""

    data_dir: Path
    info: schema.KatalogFil
    standarder_fil: schema.StandarderFil
    indsatser_fil: schema.IndsatserFil
    love: "object"  # lovregister.Lovregister
    filer: dict[str, YamlFil]
    advarsler: list[Problem] = field(default_factory=list)

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


def _visningsnavn(sti: Path) -> str:
    """Paths in messages are relative to the working directory when possible."""
    try:
        return str(sti.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(sti)


def indlaes_katalog(data_dir: Path | str) -> Katalog:
    """Read, validate and cross-check `data_dir`. Raises `DataFejl` with every problem."""
    from . import krydstjek, lovregister  # late: both import this module's types

    data_dir = Path(data_dir)
    problemer: list[Problem] = []
    filer: dict[str, YamlFil] = {}
    objekter: dict[str, object] = {}
    for noegle, (navn, model) in FILER.items():
        fil = laes_yaml(data_dir / navn, _visningsnavn(data_dir / navn))
        filer[noegle] = fil
        obj, fundne = valider(fil, model)
        objekter[noegle] = obj
        problemer += fundne
    love_sti = data_dir / "love.yaml"
    love_fil = laes_yaml(love_sti, _visningsnavn(love_sti))
    filer["love"] = love_fil
    register, fundne = lovregister.laes_lovregister(love_fil)
    problemer += fundne
    if problemer:
        raise DataFejl(problemer)
    katalog = Katalog(data_dir, objekter["katalog"], objekter["standarder"], objekter["indsatser"],
                      register, filer)
    fundne = krydstjek.tjek(katalog)
    fejl = [p for p in fundne if p.niveau == "fejl"]
    katalog.advarsler = [p for p in fundne if p.niveau == "advarsel"]
    if fejl:
        raise DataFejl(fundne)
    return katalog
