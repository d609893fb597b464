"""Completeness report: per entry, which sections the source gives and which are missing.

Read straight off the models: a section is missing exactly when the data says
``mangler: …`` for it, so the report can never disagree with the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import schema
from ..data.katalog import Katalog


@dataclass(frozen=True)
class Daekning:
    post: str
    titel: str
    til_stede: tuple[str, ...]
    mangler: tuple[str, ...]
    ukendt: tuple[str, ...] = ()
    """Sections an excerpt does not hold (the entry has `uddrag`): unknown, not missing."""


def _afsnitsfelter(katalog: Katalog, slags: str) -> list[str]:
    """The profile's sections of `slags` a reader would miss (not notes under another section,
    not catch-alls the profile leaves out of the coverage: `dækning: false`)."""
    return [a.nøgle for a in katalog.profil.afsnit_for(slags) if a.nøgle and not a.under and a.dækning]


def _mangler(model: schema.Model, felt: str) -> bool:
    """Not given by the source. An intervention's empty field means its own description says nothing."""
    v = getattr(model, felt, None)
    # A standard's empty list is given (the source says so for the standard as a whole); left out is missing.
    return schema.mangler(v) or v is None or (isinstance(model, schema.Indsats) and v == [])


def daekning(katalog: Katalog) -> list[Daekning]:
    ud = []
    for post, titel, model, slags in [
        (katalog.standard_navn(s.nr), s.titel, s, "standard") for s in katalog.standarder
    ] + [(i.id, i.titel, i, "indsats") for i in katalog.indsatser]:
        felter = _afsnitsfelter(katalog, slags)
        mangler = tuple(f for f in felter if _mangler(model, f))
        ukendt: tuple[str, ...] = ()
        if getattr(model, "uddrag", None):  # what the held text does not reach is unknown, not absent
            ukendt = tuple(f for f in mangler if not schema.mangler(getattr(model, f, None)))
            mangler = tuple(f for f in mangler if f not in ukendt)
        ud.append(Daekning(post, titel, tuple(f for f in felter if f not in mangler + ukendt), mangler, ukendt))
    return ud


def rapport(katalog: Katalog) -> str:
    linjer = ["Fuldstændighed (afsnit kilden giver / afsnit i alt):"]
    for d in daekning(katalog):
        i_alt = len(d.til_stede) + len(d.mangler) + len(d.ukendt)
        linje = f"  {d.post:<22} {d.titel[:38]:<38} {len(d.til_stede):>2}/{i_alt:<2}"
        if d.mangler:
            linje += "  mangler: " + ", ".join(d.mangler)
        if d.ukendt:
            linje += "  ikke i uddraget: " + ", ".join(d.ukendt)
        linjer.append(linje)
    return "\n".join(linjer)
