"""One home for how things are written in Danish: dates, durations, legal citations, anchors.

Used by the checks' messages, the templates (registered as Jinja filters in
`site.skabeloner`), the revision diff and the PDF, so a duration or a date reads
the same everywhere. Pure functions on plain values; nothing here knows the schema.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

MAANEDER = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

# Units as the data writes them (plural) → (singular, plural).
ENHEDER: dict[str, tuple[str, str]] = {
    "minutter": ("minut", "minutter"),
    "timer": ("time", "timer"),
    "døgn": ("døgn", "døgn"),
    "dage": ("dag", "dage"),
    "hverdage": ("hverdag", "hverdage"),
    "uger": ("uge", "uger"),
    "måneder": ("måned", "måneder"),
}


def dansk_dato(d: dt.date | str) -> str:
    """``2025-07-01`` → "1. juli 2025"; a partial date keeps its precision ("maj 2014", "2014")."""
    if isinstance(d, dt.date):
        return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"
    dele = str(d).split("-")
    if len(dele) == 3:
        return f"{int(dele[2])}. {MAANEDER[int(dele[1]) - 1]} {dele[0]}"
    if len(dele) == 2:
        return f"{MAANEDER[int(dele[1]) - 1]} {dele[0]}"
    return str(d)


def politisk_godkendelse(udvalg: str | None, dato: dt.date | str | None) -> str:
    """The approval as one sentence, the same on the page, on paper and in the PDF; what the source
    leaves blank is said, never guessed: "Politisk godkendt i Udvalget for …, dato ikke angivet"."""
    if dato:
        naar = (" den " if isinstance(dato, dt.date) or str(dato).count("-") == 2 else " i ") + dansk_dato(dato)
    else:
        naar = ", dato ikke angivet"
    if udvalg:
        return f"Politisk godkendt i {udvalg}{naar}"
    return f"Politisk godkendt{naar} (udvalget er ikke angivet)" if dato else "Politisk godkendelse ikke angivet"


def varighed(antal: int, enhed: str) -> str:
    """``(1, "uger")`` → "1 uge", ``(2, "uger")`` → "2 uger": the unit agrees with the number."""
    ental, flertal = ENHEDER.get(enhed, (enhed, enhed))
    return f"{antal} {ental if antal == 1 else flertal}"


def varighed_af(v: Any) -> str:
    """A duration given as a model or a dict with `antal` and `enhed`."""
    if isinstance(v, dict):
        return varighed(v["antal"], v["enhed"])
    return varighed(v.antal, v.enhed)


def henvisning(lov: str, paragraf: str, stk: int | None = None, nr: int | None = None) -> str:
    """A structured citation in Danish drafting form: "Lov om social service § 86, stk. 2"."""
    tekst = f"{lov} § {paragraf}"
    if stk:
        tekst += f", stk. {stk}"
    if nr:
        tekst += f", nr. {nr}"
    return tekst


def dansk_liste(dele: list[str]) -> str:
    """``["a", "b", "c"]`` → "a, b og c"."""
    dele = [str(d) for d in dele]
    return ", ".join(dele[:-1]) + " og " + dele[-1] if len(dele) > 1 else "".join(dele)


_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slug(tekst: str) -> str:
    """ASCII slug for file names and anchors: 'Tøjvask' → 'toejvask', 'K.2.1' → 'k-2-1'."""
    t = unicodedata.normalize("NFKD", tekst.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")


def anker(*dele: str) -> str:
    """An anchor made of parts: ``anker("post", "K.2.1")`` → "post-k-2-1"."""
    return "-".join(slug(d) for d in dele)
