"""Placeholders such as ``{kommunes}`` in any text, filled from katalog.yaml (written once, there)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from . import schema

# Anything brace-like: a whole {…} on one line, an opening { without its end, or a lone }.
_KLAMME = re.compile(r"\{[^{}\n]*\}|\{[^{}\s]*|\}")


ORD_MANGLER = "(her mangler et ord i det trykte katalog)"
"""What `{ord_mangler}` says on the page: the source's own gap, in the reader's words."""


@dataclass(frozen=True)
class Klamme:
    start: int
    tekst: str
    art: str
    """"pladsholder" (a known one, written right), "attributliste" ({: …}, {#id}, {.klasse}, {x=y})
    or "fejl" (looks like a placeholder but is none: {Kommune}, {kommune, {kommune })."""
    forslag: str | None = None
    """For "fejl": the known placeholder it most likely means."""


def klammer(tekst: str) -> list[Klamme]:
    """Every brace in `tekst`, classified; checks report the kinds they own."""
    ud = []
    for m in _KLAMME.finditer(tekst):
        s = m.group(0)
        indre = s[1:].removesuffix("}") if s.startswith("{") else ""
        if s.startswith("{") and s.endswith("}") and indre in schema.PLADSHOLDERE:
            ud.append(Klamme(m.start(), s, "pladsholder"))
        elif indre.lstrip().startswith((":", "#", ".")) or "=" in indre:
            ud.append(Klamme(m.start(), s, "attributliste"))
        else:
            ord_ = re.match(r"\s*([\wæøåÆØÅ]+)", indre)
            forslag = (
                difflib.get_close_matches(ord_.group(1).lower(), schema.PLADSHOLDERE, n=1, cutoff=0.6) if ord_ else []
            )
            ud.append(Klamme(m.start(), s, "fejl", forslag[0] if forslag else None))
    return ud


def vaerdier(info: schema.KatalogFil) -> dict[str, str]:
    return {
        "kommune": info.kommune.navn,
        "kommunes": info.kommune.genitiv,
        "kontakt_enhed": info.kontakt.enhed or "",
        "kontakt_telefon": info.kontakt.telefon or "",
        "kontakt_telefontid": info.kontakt.telefontid or "",
        "katalog_år": str(info.katalog.år),
        "hjemmeside": info.kommune.hjemmeside or "",
        # A word the printed source lacks, where the reader meets the gap: said in their words,
        # not as an editor's marker.
        "ord_mangler": ORD_MANGLER,
    }


class Udfylder:
    """Fills the placeholders of one catalogue."""

    def __init__(self, info: schema.KatalogFil):
        self.vaerdier = vaerdier(info)

    def __call__(self, tekst: str) -> str:
        return schema.PLADSHOLDER_RE.sub(lambda m: self.vaerdier.get(m.group(1), m.group(0)), tekst)

    def i_data(self, data: Any) -> Any:
        """Every string in nested dicts and lists, filled."""
        if isinstance(data, dict):
            return {k: self.i_data(v) for k, v in data.items()}
        if isinstance(data, list):
            return [self.i_data(v) for v in data]
        return self(data) if isinstance(data, str) else data
