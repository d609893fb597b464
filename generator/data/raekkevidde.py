"""Whom a standard's statement concerns, as the source scopes it.

A fact in a standard's section (`schema.Loefte`) concerns, unless it says otherwise, every
intervention of the standard. It may narrow that:

- ``gælder: [ids]`` — only the interventions it names;
- ``undtagen: [ids]`` — all but these ("§§ 83, 84 og 86 er gratis" — but madservice has a
  politically set price);
- ``borgere: {tekst: …, bolig: …}`` — a group of citizens ("daghjemsbrugere", "beboere i
  plejeboliger"); with `bolig`, a housing group of the profile's finder (`profil.boliger`);
- ``kun_standarden: true`` — the standard's own offer, none of its interventions.

`gaelder_for` is the one rule the effective service level (`site.serviceniveau`) and the checks
apply; `etiket` says whose rule it is, in the words shown above it on every page.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Slags = Literal["navngivet", "standard"]


class Borgere(BaseModel):
    """A group of citizens a statement concerns, in the source's words."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    tekst: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    """Who, as a reader calls them: "daghjemsbrugere", "beboere i plejeboliger"."""
    bolig: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")] | None = None
    """The profile's housing group (`boliger[].nøgle`) these citizens live in, for the finder."""


def gaelder_for(v: Any, indsats_id: str) -> Slags | None:
    """Whether a standard's fact applies to intervention `indsats_id`: by name, as one of all, or not."""
    if getattr(v, "kun_standarden", False):
        return None
    gaelder = getattr(v, "gælder", None) or []
    if gaelder:
        return "navngivet" if indsats_id in gaelder else None
    if indsats_id in (getattr(v, "undtagen", None) or []):
        return None
    return "standard"


def undtaget(v: Any, indsats_id: str) -> bool:
    """The fact is a rule for all the standard's interventions that names `indsats_id` as its exception."""
    return indsats_id in (getattr(v, "undtagen", None) or [])


def etiket(slags: Slags, standard: str, denne: str, indsatser: str, borgere: str | None, undtagen: list[str]) -> str:
    """Whose rule it is, above its facts on an intervention page.

    `standard` is "kvalitetsstandard 4", `denne` "denne indsats", `indsatser` "indsatser".
    """
    if borgere:
        return f"{stort(standard)} om {borgere}"
    if slags == "navngivet":
        return f"{stort(standard)} om {denne}"
    ud = f"Gælder for alle {indsatser} under {standard}"
    return ud + (f", undtagen {og(undtagen)}" if undtagen else "")


def stort(t: str) -> str:
    return t[:1].upper() + t[1:]


def og(dele: list[str]) -> str:
    return dele[0] if len(dele) == 1 else ", ".join(dele[:-1]) + " og " + dele[-1]


def for_bolig(standarder: list[Any], fakta_felter: list[str], bolig: str) -> list[tuple[Any, list[Any]]]:
    """The standards that state something for residents of housing group `bolig` (`Borgere.bolig`),
    each with those facts: the finder tells a plejebolig resident which standards cover them too."""
    ud = []
    for s in standarder:
        fakta = [
            f
            for felt in fakta_felter
            if isinstance(s.afsnit(felt), list)
            for f in s.afsnit(felt)
            if getattr(f, "borgere", None) is not None and f.borgere.bolig == bolig
        ]
        if fakta:
            ud.append((s, fakta))
    return ud


def med_omfang(v: Any, linje: str) -> str:
    """A standard's fact on one line with its scope, where the standard's own page lists it beside
    its rules for all: "Gratis … (undtagen K.2.4)", "For daghjemsbrugere: …"."""
    borgere = getattr(v, "borgere", None)
    if borgere is not None:
        return f"For {borgere.tekst}: {linje}"
    if getattr(v, "undtagen", None):
        return f"{linje} (undtagen {og(list(v.undtagen))})"
    if getattr(v, "gælder", None):
        return f"{linje} ({og(list(v.gælder))})"
    return linje


def omfang_tekst(v: Any) -> str | None:
    """A standard's fact's scope in a few words, after it on the standard's own page (None: all)."""
    if not isinstance(getattr(v, "gælder", None), list):
        return None  # a view-model fact: its group's label says it
    borgere = getattr(v, "borgere", None)
    hvem = og(list(v.gælder)) if v.gælder else None
    if borgere is not None:
        return f"gælder {borgere.tekst}" + (f": {hvem}" if hvem else "")
    if v.undtagen:
        return f"gælder ikke {og(list(v.undtagen))}"
    return f"gælder kun {hvem}" if hvem else None
