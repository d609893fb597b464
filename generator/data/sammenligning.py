"""`sammenlign_med:` in katalog.yaml: the catalogues a catalogue's editors compare it with.

Services are matched by the FSIII codes the entries carry (`data.fsiii`). Where an entry has
none, the editor may map it to a code here (`kortlægning`); the comparison shows such a row as
the editor's mapping. That the catalogues, entries and codes exist is checked when the
comparison is built (`site.sammenligning`), with the place in this file.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

_Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
KatalogSti = Annotated[str, StringConstraints(pattern=r"^(\.\./)*[A-Za-z0-9_][A-Za-z0-9_./-]*$", max_length=300)]
"""A catalogue's folder (the one holding its data/), relative to this catalogue's folder."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SammenlignetKatalog(_Model):
    sti: KatalogSti
    adresse: Annotated[str, StringConstraints(pattern=r"^https://", max_length=500)] | None = None
    """Its published site, where it has one: the comparison links each row to the entry's page there."""


class Kortlaegning(_Model):
    """An editor's mapping of an entry that carries no FSIII code to the service it is compared as."""

    katalog: Annotated[str, StringConstraints(pattern=r"^(\.|(\.\./)*[A-Za-z0-9_][A-Za-z0-9_./-]*)$", max_length=300)]
    """The entry's catalogue: ``.`` for this one, else a path under `kataloger`."""
    post: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    """The entry's id (or, in a catalogue without ids, its page's name as its slug)."""
    fsiii: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    begrundelse: _Tekst


class Sammenligning(_Model):
    kataloger: Annotated[list[SammenlignetKatalog], Field(min_length=1)]
    vis_for_borgere: bool = False
    """The comparison is for the editors and the committee: in the site's navigation (and search)
    only if the catalogue chooses it. It is always built as a page and printed in the PDF's appendix."""
    kortlægning: list[Kortlaegning] = []
