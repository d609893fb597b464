"""One problem found in the data, located and phrased for an editor.

Every check in the generator reports a `Problem`, so the editor sees one format
everywhere: ``file:line: entry: field: what is wrong (hint: how to fix)`` (the parts
a problem does not have are left out). A check
that does not know where its input came from (a citation, a law look-up) returns
`Problem`s without a location; the caller that walked the file adds it with `sted`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import StrEnum

# What a terminal would obey or hide rather than show: C0 and C1 control characters (ESC starts the
# sequences that clear a screen or colour a fake "OK"), lone surrogates (they cannot even be
# printed), bidirectional overrides and isolates (they reorder what the editor reads) and the
# Unicode line and paragraph separators.
_USYNLIGE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_UDEN_LINJESKIFT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def synlig(tekst: str, linjeskift: bool = False) -> str:
    """`tekst` safe for a terminal: every invisible or controlling character written as an escape
    (``\\x1b``, ``\\u202e``), so a message shows what the data holds and can never act on the screen.
    With `linjeskift`, line breaks and tabs stay (a multi-line report); a message is one line."""
    moenster = _UDEN_LINJESKIFT if linjeskift else _USYNLIGE

    def kode(m: re.Match) -> str:
        n = ord(m.group(0))
        return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"

    return moenster.sub(kode, tekst)


class Niveau(StrEnum):
    FEJL = "fejl"
    """Stops check, build and publish."""
    ADVARSEL = "advarsel"
    """Printed by check; under `mkdocs build --strict` it stops publishing until an editor decides."""


@dataclass(frozen=True)
class Problem:
    besked: str
    hint: str | None = None
    niveau: Niveau = Niveau.FEJL
    fil: str | None = None
    linje: int | None = None
    post: str | None = None
    felt: str | None = None

    def sted(self, fil: str, linje: int | None, post: str | None, felt: str | None) -> Problem:
        """The same problem, located."""
        return dataclasses.replace(self, fil=fil, linje=linje, post=post, felt=felt)

    def __str__(self) -> str:
        # Parts the problem does not have (no entry, no field) are left out, never shown as "-".
        sted = f"{self.fil or 'data'}:{self.linje}" if self.linje else (self.fil or "data")
        dele = (
            [sted]
            + (["advarsel"] if self.niveau is Niveau.ADVARSEL else [])
            + [d for d in (self.post, self.felt) if d]
            + [self.besked]
        )
        tekst = ": ".join(dele)
        if self.hint:
            tekst += f" (hint: {self.hint})"
        return synlig(tekst)  # the one place every message is written: data can never act on the terminal


def fejl(besked: str, hint: str | None = None) -> Problem:
    return Problem(besked, hint, Niveau.FEJL)


def advarsel(besked: str, hint: str | None = None) -> Problem:
    return Problem(besked, hint, Niveau.ADVARSEL)


class DataFejl(Exception):
    """Raised when the data has errors; carries every problem found, not just the first."""

    def __init__(self, problemer: list[Problem]):
        self.problemer = sorted(problemer, key=lambda p: (p.fil or "", p.linje or 0, p.besked))
        super().__init__("\n".join(str(p) for p in self.problemer))

    @property
    def antal_fejl(self) -> int:
        return sum(p.niveau is Niveau.FEJL for p in self.problemer)
