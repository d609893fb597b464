"""`sammenlign_med:` in katalog.yaml: the catalogues a catalogue's editors compare it with.

Services are matched by the FSIII codes the entries carry (`data.fsiii`). Where an entry has
none, the editor may map it to a code here (`kortlægning`); the comparison shows such a row as
the editor's mapping. That the catalogues, entries and codes exist is checked when the
comparison is built (`site.sammenligning`), with the place in this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

REPO = Path(__file__).resolve().parent.parent.parent
"""The folder the generator ships in: its catalogues are found from a copy of the data elsewhere too."""

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


def find_katalog(mappe: Path, sti: str) -> Path | None:
    """A compared catalogue's folder: `sti` from this catalogue's folder, else from the folder the
    generator ships in (a copy of the data elsewhere still finds the catalogues beside the code)."""
    for rod in (mappe, REPO):
        if (rod / sti / "data" / "katalog.yaml").is_file():
            return (rod / sti).resolve()
    return None


def sammenlignede_mapper(data_dir: Path) -> list[Path]:
    """The data folders `data_dir`'s katalog.yaml compares it with, as far as they are found; read
    without validating (for the build cache's key: an edit there changes the comparison page)."""
    try:
        tekst: Any = yaml.safe_load((data_dir / "katalog.yaml").read_text(encoding="utf-8"))
        kataloger = tekst["sammenlign_med"]["kataloger"]
        stier = [k["sti"] for k in kataloger if isinstance(k, dict) and isinstance(k.get("sti"), str)]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return []
    fundne = (find_katalog(data_dir.parent, s) for s in stier)
    return [m / "data" for m in fundne if m is not None]
