"""Build step: validated data → Markdown pages and open-data files in content/.

Only files whose content changed are written, so `mkdocs serve` (which watches
content/) is not woken by a rebuild that changed nothing. Generated files live
only under content/katalog/ and content/index.md; anything stale there is removed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data.katalog import Katalog
from ..tjek.indlaes import indlaes_katalog
from . import aabne_data, pdf, urls
from .skabeloner import miljoe, render
from .visning import Visning

GENEREREDE = ("katalog",)  # folders under content/ that the generator owns


@dataclass
class Resultat:
    katalog: Katalog
    visning: Visning
    skrevet: int = 0
    uaendret: int = 0
    slettet: int = 0


def generer(katalog: Katalog) -> tuple[Visning, dict[str, str]]:
    """Every generated file's path (docs_dir-relative) and content. Pure: writes nothing."""
    visning = Visning(katalog)
    env = miljoe(katalog, visning)
    filer = {side.sti: render(env, side) for side in visning.register.genererede()}
    filer.update(aabne_data.filer(katalog, visning))
    return visning, filer


def skriv(content_dir: Path, filer: dict[str, str], resultat: Resultat,
          behold: frozenset[str] = frozenset()) -> None:
    for sti, indhold in filer.items():
        maal = content_dir / sti
        if maal.exists() and maal.read_text(encoding="utf-8") == indhold:
            resultat.uaendret += 1
            continue
        maal.parent.mkdir(parents=True, exist_ok=True)
        maal.write_text(indhold, encoding="utf-8")
        resultat.skrevet += 1
    for mappe in GENEREREDE:
        for gammel in sorted((content_dir / mappe).rglob("*")):
            rel = gammel.relative_to(content_dir).as_posix()
            if gammel.is_file() and rel not in filer and rel not in behold:
                gammel.unlink()
                resultat.slettet += 1


def byg(data_dir: Path, content_dir: Path) -> Resultat:
    katalog = indlaes_katalog(data_dir)
    visning, filer = generer(katalog)
    resultat = Resultat(katalog, visning)
    pdf_sti = content_dir / urls.PDF
    skriv(content_dir, filer, resultat,
          behold=frozenset({urls.PDF, pdf.kvittering(pdf_sti).relative_to(content_dir).as_posix()}))
    if pdf.skriv_pdf(katalog, visning, filer, pdf_sti):
        resultat.skrevet += 1
    return resultat

