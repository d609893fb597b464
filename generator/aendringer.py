"""The "Ændringer" page: what changed since the previous published revision.

When ``revision.forrige`` is set in katalog.yaml, the previous revision's data
is read from ``<data_dir>/tidligere/<forrige>/`` — the snapshot `publicer`
writes when a revision is published — and compared with the current data by
`revisionsdiff` (rules in its docstring). A change is linked to the page it
concerns and to the decision behind it: a `Beslutning` of the current
revision whose ``berører`` names the entry ("1", "K.2.1", "introduktion").

`aendringer_for` gives the same changes per entry, for the "Ændret i udgave …"
box on the standard and intervention pages (macro in ``_aendringer.md.j2``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schema, urls
from .aabne_data import eksport
from .indlaes import Katalog, indlaes_katalog
from .problemer import DataFejl, Problem
from .revisionsdiff import Aendring, PostDiff, sammenlign
from .visning import Side

TIDLIGERE = "tidligere"
"""Folder under the data folder that holds each published revision's data."""

DATAFILER = ("katalog.yaml", "standards.yaml", "indsatser.yaml", "love.yaml")

def tidligere_mappe(data_dir: Path | str, revision_id: str) -> Path:
    """Where the data of published revision `revision_id` is kept: data/tidligere/<id>/."""
    return Path(data_dir) / TIDLIGERE / revision_id


def post_anker(noegle: str) -> str:
    """Anchor of an entry's section on the Ændringer page: "1" → "post-1", "K.2.1" → "post-k-2-1"."""
    return "post-" + urls.slug(noegle)


def beslutning_anker(b: schema.Beslutning) -> str:
    return "beslutning-" + b.id


# ------------------------------------------------------------------ computing

@dataclass
class Udgaveforskel:
    """The changes from revision `forrige` to the current one."""

    forrige: str
    poster: list[PostDiff]

    def for_post(self) -> dict[str, list[Aendring]]:
        return {p.noegle: p.aendringer for p in self.poster}


def forrige_katalog(katalog: Katalog) -> Katalog | None:
    """The previous revision's validated data, or None when this is the first revision."""
    forrige = katalog.info.revision.forrige
    if not forrige:
        return None
    mappe = tidligere_mappe(katalog.data_dir, forrige)
    fil = katalog.filer["katalog"]
    if not mappe.is_dir():
        raise DataFejl([Problem(
            fil.visningsnavn, fil.linje(("revision", "forrige")), "revision", "forrige",
            f"den forrige udgave '{forrige}' findes ikke i {mappe}/",
            f"'python -m generator publish {forrige}' gemmer en udgaves data dér; "
            "ret 'forrige', eller fjern linjen, hvis dette er den første udgave")])
    gammel = indlaes_katalog(mappe)
    if gammel.info.revision.id != forrige:
        gfil = gammel.filer["katalog"]
        raise DataFejl([Problem(
            gfil.visningsnavn, gfil.linje(("revision", "id")), "revision", "id",
            f"mappen {mappe}/ indeholder udgave '{gammel.info.revision.id}', ikke '{forrige}'",
            "mappen skal hedde det samme som udgavens revision.id")])
    return gammel


_cache: tuple[Katalog, Udgaveforskel | None] | None = None


def beregn(katalog: Katalog) -> Udgaveforskel | None:
    """The changes since `revision.forrige` (None for a first revision). Computed once per `Katalog`."""
    global _cache
    if _cache is not None and _cache[0] is katalog:
        return _cache[1]
    gammel = forrige_katalog(katalog)
    forskel = None if gammel is None else Udgaveforskel(gammel.info.revision.id,
                                                       sammenlign(eksport(gammel), eksport(katalog)))
    _cache = (katalog, forskel)
    return forskel


def aendringer_for(katalog: Katalog) -> dict[str, list[Aendring]]:
    """Changes since the previous revision per entry key ("1", "K.2.1", "introduktion"); {} if none."""
    forskel = beregn(katalog)
    return forskel.for_post() if forskel else {}


def beslutninger_for(katalog: Katalog, noegle: str) -> list[schema.Beslutning]:
    """The current revision's decisions that explain changes to entry `noegle`."""
    return [b for b in katalog.info.revision.beslutninger if noegle in b.berører]


# ------------------------------------------------------------------ the page

@dataclass
class PostVisning:
    diff: PostDiff
    anker: str
    til: str | None  # the entry's page in this revision; None when it was removed
    beslutninger: list[schema.Beslutning] = field(default_factory=list)


@dataclass
class Gruppe:
    titel: str
    poster: list[PostVisning]


def side(katalog: Katalog, visning) -> Side:
    forskel = beregn(katalog)
    grupper: list[Gruppe] = []
    if forskel is not None:
        def til(p: PostDiff) -> str | None:
            if p.status == "fjernet":
                return None
            if p.slags == "standard":
                return visning.standard_sti[int(p.noegle)]
            if p.slags == "indsats":
                return visning.indsats_sti[p.noegle]
            if p.slags == "introduktion":
                return urls.GENEREL
            return urls.FORSIDE

        for titel, slags in (("Introduktion og kontaktoplysninger", ("introduktion", "kommune")),
                             ("Kvalitetsstandarder", ("standard",)), ("Indsatser", ("indsats",))):
            poster = [PostVisning(p, post_anker(p.noegle), til(p), beslutninger_for(katalog, p.noegle))
                      for p in forskel.poster if p.slags in slags]
            if poster:
                grupper.append(Gruppe(titel, poster))
    beslutninger = [(b, [p for g in grupper for p in g.poster if p.diff.noegle in b.berører])
                    for b in katalog.info.revision.beslutninger]
    return Side(urls.AENDRINGER, "Ændringer i denne udgave", "aendringer.md.j2", {
        "forrige": forskel.forrige if forskel else None,
        "grupper": grupper,
        "beslutninger": beslutninger,
        "beslutning_anker": beslutning_anker,
    })
