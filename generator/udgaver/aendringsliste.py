"""The changes against the last published edition, as text for the editor's terminal.

`python -m generator aendringer` (`make aendringer`) and `publish` (before it publishes) print
it: the same field-by-field diff as the site's Ændringer page (`aendringer.beregn`, grouped and
ordered as the page groups them), each entry with the decisions behind it (`revision.beslutninger`
whose `berører` names it), and then the decisions themselves.

What is compared: the working data against `revision.forrige` (a new edition, as the Ændringer
page does), or, while the data still has the id of an edition that is published, against that
edition's saved export — what publishing again with ``--overskriv`` would change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..data import pladsholdere, schema
from ..data.eksport import eksport
from ..data.katalog import Katalog
from ..formater import dansk_dato
from ..tjek.indlaes import EKSPORT_FIL, gemt_form, tidligere_mappe
from . import aendringer
from .revisionsdiff import Aendring, PostDiff, ordforraad, sammenlign

GRUPPER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Introduktion og kontaktoplysninger", ("introduktion", "kommune")),
    ("Kvalitetsstandarder", ("standard",)),
    ("Indsatser", ("indsats",)),
)
"""The Ændringer page's groups, in its order (site/visning.py shows the same)."""


@dataclass
class Sammenligning:
    grundlag: str
    """The published edition compared with."""
    ny: bool
    """True: a new edition (revision.forrige); False: the published edition itself, edited since."""
    poster: list[PostDiff]


def sammenligning(katalog: Katalog) -> Sammenligning | None:
    """The working data against the last published edition; None if nothing is published to compare."""
    forskel = aendringer.beregn(katalog)
    if forskel is not None:
        return Sammenligning(forskel.forrige, True, forskel.poster)
    egen = katalog.info.revision.id
    sti = tidligere_mappe(katalog.data_dir, egen) / EKSPORT_FIL
    try:
        gemt = json.loads(sti.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if gemt_form(gemt) is not None:  # not a saved edition (publish refuses to overwrite it anyway)
        return None
    return Sammenligning(egen, False, sammenlign(gemt, eksport(katalog), ordforraad(katalog)))


def _fyld(tekst: str, katalog: Katalog) -> str:
    """Placeholders filled, as on the page ({kommune} → the municipality's name)."""
    vaerdier = pladsholdere.vaerdier(katalog.info)
    return schema.PLADSHOLDER_RE.sub(lambda m: vaerdier.get(m.group(1), m.group(0)), tekst)


def _beslutning(b: schema.Beslutning) -> str:
    return f"{b.titel} ({b.forum}, {dansk_dato(b.dato)})"


def _hvad(a: Aendring, forrige: str) -> str:
    """A long value's change in words, as the Ændringer page says it (its texts fold out there)."""
    if a.slags in ("tilføjet", "fjernet"):
        return a.slags
    if a.foer_mangler:
        return f"nu beskrevet (udgave {forrige}: ikke beskrevet i kilden)"
    if a.efter_mangler:
        return "ikke længere beskrevet i kilden"
    return "ændret"


def _linje(a: Aendring, forrige: str, fuld: bool) -> str:
    if not a.felt or a.slags == "rækkefølge" or a.kort or fuld:
        return a.tekst()
    return f"{a.feltnavn}: {_hvad(a, forrige)}"


def tekst(katalog: Katalog, fuld: bool = False) -> str:
    """The list, as lines of plain text; long texts only named unless `fuld` (as the page folds them)."""
    s = sammenligning(katalog)
    rev = katalog.info.revision
    if s is None:
        return (
            f"Udgave {rev.id} er den første: der er ingen publiceret udgave at sammenligne med "
            "(revision.forrige er ikke sat)."
        )
    if s.ny:
        linjer = [f"Ændringer i udgave {rev.id} i forhold til den publicerede udgave {s.grundlag}:"]
    else:
        linjer = [f"Ændringer i data i forhold til den publicerede udgave {s.grundlag} (samme revision.id):"]
    if not s.poster:
        linjer.append("  Indholdet er ikke ændret.")
    for titel, slags in GRUPPER:
        poster = [p for p in s.poster if p.slags in slags]
        if not poster:
            continue
        linjer += ["", titel]
        for p in poster:
            linjer.append(f"  {p.titel}" + ("" if p.status == "ændret" else f" ({p.status})"))
            for b in aendringer.beslutninger_for(katalog, p.noegle) if s.ny else []:
                linjer.append(f"    Beslutning: {_beslutning(b)}")
            linjer += [f"    - {_fyld(_linje(a, s.grundlag, fuld), katalog)}" for a in p.aendringer]
    if s.ny and rev.beslutninger:
        linjer += ["", "Beslutninger bag udgaven"]
        for b in rev.beslutninger:
            linjer += [f"  {_beslutning(b)}", f"    {_fyld(b.beslutning, katalog)}"]
            if b.berører:
                linjer.append(f"    Berører: {', '.join(b.berører)}")
    return "\n".join(linjer)
