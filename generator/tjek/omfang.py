"""How big a catalogue may be: every command must end within minutes and a few GB.

The site grows linearly (benchmarks/skalering.py), but the committee PDF does not stay small:
WeasyPrint lays out the whole document at once, ~0.1 s and ~1.3 MB a page on a 2-core machine,
and every intervention's page repeats what its standards say about all their interventions (the
real catalogue: 144 pages; 4x its interventions: 428 pages in 58 s, 0.55 GB). 10,000
interventions would be some 45,000 pages: over an hour and tens of GB. So the PDF is estimated from the
data — its text, each intervention counted with its standards' text, about 1,800 characters a
page, and a page at least for each entry — and a catalogue beyond `MAKS_PDF_SIDER` gets, in place
of the whole document, a PDF of one page that says why and how to get one (`uden_pdf`, used by
generator/site/pdf.py): the site, the CSV files and katalog.json are built as for any catalogue,
and `check`, `build` and `pdf` say the same. The PDF process is bounded as well
(generator/site/pdf.py: `MAKS_SEKUNDER`, `MAKS_HUKOMMELSE`).
"""

from __future__ import annotations

from typing import Any

from ..data.katalog import Katalog

MAKS_PDF_SIDER = 2500
"""≈ 4-5 minutes and 3 GB for the PDF on a 2-core machine; the real catalogue's is 144 pages."""
TEGN_PR_SIDE = 1800
"""Characters of text on a PDF page, measured on the real catalogue and on 4x its interventions."""


def tekstmaengde(data: Any) -> int:
    """Characters of text in a dumped model."""
    if isinstance(data, dict):
        return sum(tekstmaengde(v) for v in data.values())
    if isinstance(data, list):
        return sum(tekstmaengde(v) for v in data)
    return len(data) if isinstance(data, str) else 0


def anslaaede_sider(k: Katalog) -> int:
    """The committee PDF's pages, estimated from the data (within about a tenth on the real data)."""
    # What a standard says about its interventions is repeated on each of their pages; its list of
    # them is not.
    standarder = {s.nr: tekstmaengde(s.model_dump(exclude={"indsatser"})) for s in k.standarder}
    tegn = sum(tekstmaengde(s.model_dump()) for s in k.standarder) + tekstmaengde(k.introduktion.model_dump())
    for i in k.indsatser:
        tegn += tekstmaengde(i.model_dump()) + sum(standarder.get(nr, 0) for nr in i.standarder)
    poster = len(k.indsatser) + len(k.standarder) + len(k.introduktion.afsnit)
    return max(tegn // TEGN_PR_SIDE, poster)


def _tal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def uden_pdf(k: Katalog) -> str:
    """Why this catalogue gets no committee PDF, and how to get one; "" when it gets one."""
    sider = anslaaede_sider(k)
    if sider <= MAKS_PDF_SIDER:
        return ""
    return (
        f"PDF'en til udvalget er ikke lavet: kataloget ville give ca. {_tal(sider)} sider "
        f"({_tal(len(k.indsatser))} indsatser), og en PDF kan højst have {_tal(MAKS_PDF_SIDER)} sider "
        "(den tager ca. 0,1 s og 1,3 MB pr. side at lave). Webstedet, CSV-filerne og katalog.json har hele "
        "kataloget. For at få en PDF: del kataloget op i flere kataloger (hvert med sin egen mappe og "
        "mkdocs.yml), eller fjern indsatser og tekster, der ikke hører til."
    )
