"""Facts that contradict themselves, or say again what is already shown.

- A fact whose sentence names a number that its structured `tid`/`frist` contradicts
  ("Hver 10. dag" with ``tid: {antal: 7, enhed: dage}``): the overview tables show the
  number, the page the sentence, and the reader would see both.
- A fact whose sentence begins with its own `emne` ("Akut ophold: Akut ophold: 3 hverdage").
- A ``mangler`` note on an intervention for an aspect its standard describes for it: the
  page shows the standard's facts there, so "not described" would be false.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ..data import schema
from ..data.katalog import Katalog
from . import citater

_TAL = re.compile(r"(?<![\d.,])\d+(?![\d,]|\.\d)")

Melder = Callable[..., None]


def _fakta(k: Katalog) -> Iterator[tuple[str, tuple, str, Any]]:
    """(file key, path, entry name, fact) for every `Loefte` and `Frist` in the data."""
    faktafelter = {
        slags: [a.nøgle for a in k.profil.afsnit_for(slags) if a.form in ("fakta", "frister")]
        for slags in ("standard", "indsats")
    }
    for si, s in enumerate(k.standarder):
        for felt in faktafelter["standard"]:
            v = s.afsnit(felt)
            if isinstance(v, list):
                for j, f in enumerate(v):
                    yield "standarder", ("standarder", si, felt, j), k.standard_navn(s.nr), f
    for ii, i in enumerate(k.indsatser):
        for felt in faktafelter["indsats"]:
            v = i.afsnit(felt)
            if isinstance(v, list):
                for j, f in enumerate(v):
                    yield "indsatser", ("indsatser", ii, felt, j), i.id, f


def tal_og_tid(k: Katalog, p: Melder) -> None:
    for fil, sti, post, f in _fakta(k):
        if isinstance(f, schema.Loefte):
            tekst, tid, felt = f.tekst, f.tid, "tid"
        else:
            tekst, tid, felt = f.note or "", f.frist, "frist"
        if tid is None:
            continue
        for c in reversed(citater.find_citater(tekst, None, k.love)):  # "§ 83" is no duration
            tekst = tekst[: c.start] + tekst[c.slut :]
        tal = [int(t) for t in _TAL.findall(tekst)]
        if tal and tid.antal not in tal:
            p(
                fil,
                sti + (felt,),
                post,
                f"teksten nævner {', '.join(map(str, tal))}, men '{felt}' siger {tid}",
                f"ret '{felt}' eller teksten, så de siger det samme",
            )


def emne_gentaget(k: Katalog, p: Melder) -> None:
    for fil, sti, post, f in _fakta(k):
        tekst = f.tekst if isinstance(f, schema.Loefte) else (f.note or "")
        if f.emne and tekst.casefold().startswith(f.emne.casefold().rstrip(".:") + ":"):
            p(
                fil,
                sti + ("tekst",),
                post,
                f"teksten gentager emnet '{f.emne}'",
                "emnet vises foran teksten; slet det i begyndelsen af teksten",
            )


def mangler_paa_indsats(k: Katalog, p: Melder) -> None:
    standarder = {s.nr: s for s in k.standarder}
    for ii, i in enumerate(k.indsatser):
        for a in k.aspekter:
            if a.egen is None or a.standardens is None or not schema.mangler(i.afsnit(a.egen)):
                continue
            for nr in i.standarder:
                s = standarder.get(nr)
                v = s.afsnit(a.standardens) if s else None
                if isinstance(v, list) and any(schema.gaelder_for(f, i.id) for f in v):
                    p(
                        "indsatser",
                        ("indsatser", ii, a.egen),
                        i.id,
                        f"'{a.egen}' er skrevet som ikke beskrevet, men {k.standard_navn(nr)} beskriver det "
                        f"for indsatsen ('{a.standardens}')",
                        f"slet '{a.egen}' her: siden viser standardens oplysninger for indsatsen",
                    )
                    break


REGLER = (tal_og_tid, emne_gentaget, mangler_paa_indsats)
