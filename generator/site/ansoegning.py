""" "Sådan søger du" on every entry page: how to apply and whom to call, where the reader decides.

From the data only: the entry's own text on how to apply (the profile's `ansøgning` sections), else
its standard's, and always the catalogue's contact (katalog.yaml `kontakt`). Where the data has no
such text, the line gives the contact alone; nothing is written in the catalogue's stead. The line's
words are the profile's texts (`ansoegning_overskrift`, `ansoegning_kontakt`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..data import schema
from .ankre import overskrift_id


@dataclass(frozen=True)
class Ansoegning:
    tekst: str | None
    """The first paragraph of the data's own text (Markdown, placeholders unfilled), or None."""
    hovedlov: str | None
    punktum: bool = False
    """The text ends without a full stop (a page saved only from its beginning): the line adds one."""
    mere: tuple[str, str, str] | None = None
    """(page, anchor, heading) of the whole section, when the line holds only its first paragraph or
    the text is the standard's (the intervention's page does not show it)."""


def _tekst(post: Any, noegler: list[str]) -> tuple[str, str] | None:
    """(section key, text) of the first of `noegler` the entry gives as prose."""
    for noegle in noegler:
        v = post.afsnit(noegle)
        if isinstance(v, str) and v.strip() and not schema.mangler(v):
            return noegle, v.strip()
    return None


def for_post(
    profil: Any,
    post: Any,
    sti: str,
    overskrift: Callable[[Any, str], str],
    standarder: Sequence[tuple[Any, str]] = (),
    faelles: str | None = None,
) -> Ansoegning:
    """How to apply for `post` (at page `sti`); `standarder` are an intervention's standards with
    their pages, asked when the intervention says nothing itself; `overskrift(post, key)` is a
    section's heading on its page (for the link to the whole section); `faelles` is the catalogue's
    own text for all its help (katalog.yaml `kontakt.ansøgning`), used where the entry and its
    standards say nothing."""
    slags = "indsats" if isinstance(post, schema.Indsats) else "standard"
    kandidater: list[tuple[Any, str, str]] = [(post, sti, slags)]
    kandidater += [(s, s_sti, "standard") for s, s_sti in standarder]
    for kilde, kilde_sti, kilde_slags in kandidater:
        fundet = _tekst(kilde, profil.ansoegningsafsnit(kilde_slags))
        if fundet is None:
            continue
        noegle, tekst = fundet
        afsnit = [a.strip() for a in tekst.split("\n\n") if a.strip()]
        titel = overskrift(kilde, noegle)
        mere = (kilde_sti, overskrift_id(titel, "-"), titel) if len(afsnit) > 1 or kilde is not post else None
        foerste = afsnit[0]
        return Ansoegning(foerste, getattr(kilde, "hovedlov", None), not foerste.endswith((".", "!", "?", ":")), mere)
    hovedlov = getattr(post, "hovedlov", None)
    if faelles and faelles.strip():
        # The catalogue's words for all its help (katalog.yaml kontakt.ansøgning).
        foerste = faelles.strip().split("\n\n")[0].strip()
        return Ansoegning(foerste, hovedlov, not foerste.endswith((".", "!", "?", ":")))
    return Ansoegning(None, hovedlov)
