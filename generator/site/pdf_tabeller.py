"""Tables on the committee's paper: a table that does not fit its column becomes one block per row.

WeasyPrint lays a table out no narrower than the sum of its columns' longest words; Serviceniveau's
six columns ("Madservice/madudbringning", "(lovgivningsfastlagt),", "Sagsbehandlingsfrist") needed
more than an A4 page, and the cells of its last column ran past the page's edge, where they were
cut ("Leverandøren ha"). Breaking words anywhere would fit it, as "Madser-vice", in the document the
committee approves. So, as the phone view does (overrides/assets/stylesheets/tabeller.css), such a
table is set as rows: the first cell names the row, each other cell follows under its column's
header ("Pris: Gratis …"). A table that fits stays a table.

Whether it fits is estimated from the text (DejaVu Sans at the table's 9 pt: about 0.55 em a
character, headers bold), with a margin for tables inside lists and boxes: the PDF's text is tested
to hold every cell whole (tests/site/test_pdf_tabeller.py).
"""

from __future__ import annotations

import html
import re

_TABEL = re.compile(r"<table[^>]*>(.*?)</table>", re.S)
_RAEKKE = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
_CELLE = re.compile(r"<t([hd])(?:\s[^>]*)?>(.*?)</t\1>", re.S)
_TAG = re.compile(r"<[^>]+>")

PUNKT_PR_TEGN = 9 * 0.55
"""Width of an average character at the table's 9 pt (DejaVu Sans)."""
CELLEKANT = 9.0
"""A cell's padding (4 + 4 pt) and border."""
SPALTE = 482 * 0.95
"""The text column of an A4 page with 20 mm margins (482 pt), less a twentieth for lists and boxes."""


def _tekst(celle: str) -> str:
    return html.unescape(_TAG.sub("", celle))


def _mindste_bredde(raekker: list[list[tuple[str, str]]]) -> float:
    """The table's narrowest layout: each column as wide as its longest word."""
    spalter: dict[int, float] = {}
    for raekke in raekker:
        for n, (art, celle) in enumerate(raekke):
            ord_ = max((len(o) for o in _tekst(celle).split()), default=0)
            bredde = ord_ * PUNKT_PR_TEGN * (1.1 if art == "h" else 1.0) + CELLEKANT
            spalter[n] = max(spalter.get(n, 0.0), bredde)
    return sum(spalter.values())


def _som_raekker(hoved: list[str], raekker: list[list[tuple[str, str]]]) -> str:
    dele = ['<div class="tabel-raekker">']
    for raekke in raekker:
        dele.append('<div class="tabel-raekke">')
        for n, (_, celle) in enumerate(raekke):
            if n == 0:
                dele.append(f'<p class="tabel-raekke-navn">{celle}</p>')
            elif _tekst(celle).strip():
                etiket = hoved[n] if n < len(hoved) else ""
                dele.append(f"<p><strong>{etiket}:</strong> {celle}</p>" if etiket else f"<p>{celle}</p>")
        dele.append("</div>")
    dele.append("</div>")
    return "".join(dele)


def paa_papir(krop: str) -> str:
    """`krop` (a page's HTML) with every table too wide for the PDF's column set as rows."""

    def tabel(m: re.Match) -> str:
        raekker = [_CELLE.findall(r) for r in _RAEKKE.findall(m.group(1))]
        raekker = [r for r in raekker if r]
        if not raekker or _mindste_bredde(raekker) <= SPALTE:
            return m.group(0)
        hoved: list[str] = []
        if all(art == "h" for art, _ in raekker[0]):
            hoved = [celle for _, celle in raekker[0]]
            raekker = raekker[1:]
        return _som_raekker(hoved, raekker)

    return _TABEL.sub(tabel, krop)
