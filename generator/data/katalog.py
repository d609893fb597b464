"""One revision's validated data: what every later step (checks, changes, pages) reads."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import formater
from ..problemer import Problem
from . import schema
from .lovregister import Lovregister
from .profil import Profil
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
    standarder_fil: schema.Model
    indsatser_fil: schema.Model
    love: Lovregister
    filer: dict[str, YamlFil]
    modeller: schema.Modeller
    advarsler: list[Problem] = field(default_factory=list)
    forrige: ForrigeUdgave | None = None

    @property
    def profil(self) -> Profil:
        return self.modeller.profil

    def godkendelse(self) -> str:
        """The edition's political approval in one sentence. Where the edition gives no date and its
        pages carry their own approvals (a catalogue approved page by page), those, each once."""
        r = self.info.revision.politisk_godkendt
        poster: list[Any] = [self.introduktion, *self.standarder, *self.indsatser]
        egne = [p.godkendelse for p in poster if getattr(p, "godkendelse", None)]
        if r.dato or not egne:
            return formater.politisk_godkendelse(r.udvalg, r.dato)
        saetninger = list(dict.fromkeys(formater.politisk_godkendelse(g.udvalg, g.dato) for g in egne))
        return "Hver side er godkendt for sig: " + "; ".join(s[:1].lower() + s[1:] for s in saetninger)

    def lovfelter(self, post: Any) -> list[str]:
        """The sections of `post` (a standard or an intervention) that cite laws (form `henvisninger`)."""
        if isinstance(post, schema.StandardGrund):
            return self.profil.former("standard", "henvisninger")
        if isinstance(post, schema.IndsatsGrund):
            return self.profil.former("indsats", "henvisninger")
        return []

    def henvisninger(self, post: Any) -> list[tuple[str, int, schema.Henvisning]]:
        """Every structured citation of `post`: (section, index in it, citation)."""
        return [
            (felt, j, h)
            for felt in self.lovfelter(post)
            if isinstance(post.afsnit(felt), list)
            for j, h in enumerate(post.afsnit(felt))
        ]

    def standard_navn(self, nr: int | str) -> str:
        """A standard as messages and pages name it, in the profile's word: "kvalitetsstandard 2"."""
        return f"{self.profil.standard.ental if self.profil.standard else 'standard'} {nr}"

    @functools.cached_property
    def id_i_tekst(self) -> re.Pattern[str] | None:
        """An intervention id written in prose (the profile's pattern), or None where ids are slugs."""
        m = self.profil.id_moenster
        return re.compile(rf"(?<![\w.])({m})(?![\d])") if m else None

    @functools.cached_property
    def standard_nr_i_tekst(self) -> re.Pattern[str] | None:
        """ "kvalitetsstandard 2" / "Kvalitetsstandarden 2" in prose, in the profile's word."""
        if self.profil.standard is None:
            return None
        ord_ = re.escape(self.profil.standard.ental)
        return re.compile(rf"(?i:{ord_[:1]}){ord_[1:]}(?:en)?\s+(\d+)\b")

    @functools.cached_property
    def standard_navn_i_tekst(self) -> re.Pattern[str] | None:
        """ "kvalitetsstandard for rengøring" / "Kvalitetsstandard Personlige opgaver" in prose."""
        if self.profil.standard is None:
            return None
        ord_ = re.escape(self.profil.standard.ental)
        return re.compile(
            rf"(?i:{ord_[:1]}){ord_[1:]}(?:en)?\s+(?:for\s+(?P<for>[^.,;:\n()]+)|(?P<navn>[A-ZÆØÅ][^.,;:\n()]+))"
        )

    @functools.cached_property
    def aspekter(self) -> tuple[schema.Aspekt, ...]:
        """The service-level aspects this catalogue's sections state (`schema.aspekter`)."""
        return schema.aspekter(self.profil)

    @property
    def introduktion(self) -> schema.Introduktion:
        return self.standarder_fil.introduktion  # type: ignore[attr-defined]

    @property
    def standarder(self) -> list[schema.Standard]:
        return self.standarder_fil.standarder  # type: ignore[attr-defined]

    @property
    def indsatser(self) -> list[schema.Indsats]:
        return self.indsatser_fil.indsatser  # type: ignore[attr-defined]

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
