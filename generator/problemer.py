"""One problem found in the data, located and phrased for an editor.

Every check in the generator reports through `Problem`, so the editor sees one
format everywhere: ``file:line: entry: field: what is wrong (hint: how to fix)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Problem:
    fil: str
    linje: int | None
    post: str | None
    felt: str | None
    besked: str
    hint: str | None = None
    niveau: Literal["fejl", "advarsel"] = "fejl"

    def __str__(self) -> str:
        sted = f"{self.fil}:{self.linje}" if self.linje else self.fil
        dele = [sted, self.post or "-", self.felt or "-", self.besked]
        tekst = ": ".join(dele)
        if self.niveau == "advarsel":
            tekst = f"{sted}: advarsel: " + ": ".join(dele[1:])
        if self.hint:
            tekst += f" (hint: {self.hint})"
        return tekst


class DataFejl(Exception):
    """Raised when the data has errors; carries every problem found, not just the first."""

    def __init__(self, problemer: list[Problem]):
        self.problemer = sorted(problemer, key=lambda p: (p.fil, p.linje or 0, p.besked))
        super().__init__("\n".join(str(p) for p in self.problemer))
