"""Build step: validated data → Markdown pages and open-data files in content/.

Only files whose content changed are written, so nothing downstream (MkDocs, the
PDF's fingerprint, an editor's diff) sees a change that did not happen. Generated
files live only under content/katalog/ and content/index.md (`urls.GENEREREDE_*`);
anything stale there is removed. The PDF's source (pdf.Kilde) is written beside it, and
the PDF is rendered here when that changed, unless the caller renders it elsewhere (the
MkDocs hook does, from that source, in a process of its own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..data.katalog import Katalog
from ..tjek.indlaes import indlaes_katalog
from . import aabne_data, datapakke, pdf, sammenligning, urls
from .skabeloner import miljoe, render
from .visning import Visning

GENEREREDE = urls.GENEREREDE_MAPPER  # folders under content/ that the generator owns


@dataclass
class Resultat:
    katalog: Katalog
    visning: Visning
    filer: dict[str, str] = field(default_factory=dict)
    skrevet: int = 0
    uaendret: int = 0
    slettet: int = 0
    pdf: str = pdf.AKTUEL
    """The PDF after this build: pdf.AKTUEL (current or just rendered), MANGLER or FORAELDET."""


def generer(katalog: Katalog) -> tuple[Visning, dict[str, str]]:
    """Every generated file's path (docs_dir-relative) and content. Pure: writes nothing."""
    visning = Visning(katalog)
    if (sammen := sammenligning.side(katalog)) is not None:  # registered last: the PDF's appendix
        visning.register.tilfoej(sammen)
        visning.register[urls.DATA].kontekst["sammenligning"] = sammen.sti  # where the editors find it
    env = miljoe(katalog, visning)
    filer = {side.sti: render(env, side) for side in visning.register.genererede()}
    data = aabne_data.filer(katalog, visning)
    filer.update(data)
    filer.update(datapakke.filer(katalog, data))
    return visning, filer


def skriv(content_dir: Path, filer: dict[str, str], resultat: Resultat, behold: frozenset[str] = frozenset()) -> None:
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


def pdf_filer(content_dir: Path) -> frozenset[str]:
    """The PDF, its fingerprint and its source: generated, but not by `generer`, so `skriv` keeps them."""
    maal = content_dir / urls.PDF
    return frozenset(p.relative_to(content_dir).as_posix() for p in (maal, pdf.kvittering(maal), pdf.kilde_fil(maal)))


def byg(data_dir: Path, content_dir: Path, med_pdf: bool = True) -> Resultat:
    """Load and check `data_dir`, write content/ and the PDF's source beside the PDF, and render the
    PDF if it changed (unless `med_pdf=False`: the caller renders it from that source)."""
    katalog = indlaes_katalog(data_dir)
    visning, filer = generer(katalog)
    resultat = Resultat(katalog, visning, filer)
    skriv(content_dir, filer, resultat, behold=pdf_filer(content_dir))
    pdf_sti, kilde = content_dir / urls.PDF, pdf.kilde(katalog, visning, filer)
    pdf.gem_kilde(kilde, pdf_sti)
    resultat.pdf = pdf.tilstand(pdf_sti, kilde.fingeraftryk)
    if med_pdf and resultat.pdf != pdf.AKTUEL:
        pdf.skriv_fra_kilde(kilde, pdf_sti)
        resultat.skrevet += 1
        resultat.pdf = pdf.AKTUEL
    return resultat
