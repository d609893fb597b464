"""What changed since the previous published revision, per entry.

The previous revision's export is read by the load-and-check step (`Katalog.forrige`,
from ``<data>/tidligere/<id>/katalog.json``) and compared with this revision's export by
`revisionsdiff` (rules in its docstring). A change is explained by a decision of the
current revision whose ``berører`` names the entry ("1", "K.2.1", "introduktion").
The page that shows them is built in `site.visning`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import schema
from ..data.eksport import eksport
from ..data.katalog import Katalog
from .revisionsdiff import Aendring, PostDiff, ordforraad, sammenlign


@dataclass
class Udgaveforskel:
    """The changes from revision `forrige` to the current one."""

    forrige: str
    poster: list[PostDiff]

    def for_post(self) -> dict[str, list[Aendring]]:
        return {p.noegle: p.aendringer for p in self.poster}


def beregn(katalog: Katalog) -> Udgaveforskel | None:
    """The changes since `revision.forrige` (None for a first revision)."""
    if katalog.forrige is None:
        return None
    return Udgaveforskel(katalog.forrige.id, sammenlign(katalog.forrige.eksport, eksport(katalog), ordforraad(katalog)))


def beslutninger_for(katalog: Katalog, noegle: str) -> list[schema.Beslutning]:
    """The current revision's decisions that explain changes to entry `noegle`."""
    return [b for b in katalog.info.revision.beslutninger if noegle in b.berører]
