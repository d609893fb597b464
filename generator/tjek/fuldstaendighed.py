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


def _afsnitsfelter(model: type[schema.Model]) -> list[str]:
    """Fields declared as `Afsnit(...)`: the sections that may be missing."""
    return [navn for navn, f in model.model_fields.items() if "Mangler" in repr(f.annotation)]


def _mangler(model: schema.Model, felt: str) -> bool:
    """Not given by the source. An intervention's empty field means its own description says nothing."""
    v = getattr(model, felt)
    return schema.mangler(v) or (isinstance(model, schema.Indsats) and v in (None, []))


def daekning(katalog: Katalog) -> list[Daekning]:
    ud = []
    for post, titel, model in [(f"kvalitetsstandard {s.nr}", s.titel, s) for s in katalog.standarder] + [
        (i.id, i.titel, i) for i in katalog.indsatser
    ]:
        felter = _afsnitsfelter(type(model))
        mangler = tuple(f for f in felter if _mangler(model, f))
        ud.append(Daekning(post, titel, tuple(f for f in felter if f not in mangler), mangler))
    return ud


def rapport(katalog: Katalog) -> str:
    linjer = ["Fuldstændighed (afsnit kilden giver / afsnit i alt):"]
    for d in daekning(katalog):
        i_alt = len(d.til_stede) + len(d.mangler)
        linje = f"  {d.post:<22} {d.titel[:38]:<38} {len(d.til_stede):>2}/{i_alt:<2}"
        if d.mangler:
            linje += "  mangler: " + ", ".join(d.mangler)
        linjer.append(linje)
    return "\n".join(linjer)
