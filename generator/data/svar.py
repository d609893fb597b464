"""Answers that are not numbers: how much or how soon, where the source gives no number.

"Indhold, omfang og hyppighed … afgøres ud fra en individuel vurdering" answers "how often?" as
surely as "hver 14. dag" does: the reader is told where the answer is (their decision letter),
not that the catalogue is silent. A fact (`schema.Loefte.svar`) names its kind of answer from this
closed vocabulary; every page, table, CSV and the PDF show the kind's words before the source's
sentence. The words are the profile's (`tekster: {svar_<art>: …}`), else these.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

SvarArt = Literal["individuel_vurdering", "bevillingsbrev", "straks_ved_akut_behov", "efter_aftale", "efter_behov"]

ARTER: tuple[str, ...] = get_args(SvarArt)

ORD: dict[str, str] = {
    "individuel_vurdering": "Fastsættes ved en individuel vurdering",
    "bevillingsbrev": "Fastsættes ved en individuel vurdering – se dit bevillingsbrev",
    "straks_ved_akut_behov": "Straks ved akut behov",
    "efter_aftale": "Efter aftale",
    "efter_behov": "Efter behov",
}
"""The reader's words for each kind, where the profile gives none."""

assert set(ORD) == set(ARTER)


def ord_for(profil: Any, art: str) -> str:
    """The reader's words for answer kind `art` (the profile's `tekster.svar_<art>`, else `ORD`)."""
    return str(profil.tekst(f"svar_{art}", ORD[art])) if profil is not None else ORD[art]
