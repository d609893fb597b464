"""Placeholders such as ``{kommunes}`` in any text, filled from katalog.yaml (written once, there)."""
from __future__ import annotations

from typing import Any

from . import schema


def vaerdier(info: schema.KatalogFil) -> dict[str, str]:
    return {
        "kommune": info.kommune.navn, "kommunes": info.kommune.genitiv,
        "kontakt_enhed": info.kontakt.enhed or "", "kontakt_telefon": info.kontakt.telefon or "",
        "kontakt_telefontid": info.kontakt.telefontid or "", "katalog_år": str(info.katalog.år),
        "hjemmeside": info.kommune.hjemmeside,
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
