"""Rules the catalogue's profile sets and the models alone cannot say.

- Where the source is printed (profile `kilde.sidetal`), every entry and every fact has `side`.
- Topics (`emner`) are the profile's closed list.
- An entry's own section headings (`overskrifter`) and the section an excerpt stops in
  (`uddrag.afbrudt_i`) name sections the profile has.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from typing import Any

from ..data.katalog import Katalog

Melder = Callable[..., None]


def _poster(k: Katalog) -> Iterator[tuple[str, tuple, str, Any, str]]:
    """(file key, path, entry name, entry, kind) for every standard and intervention."""
    for i, s in enumerate(k.standarder):
        yield "standarder", ("standarder", i), k.standard_navn(s.nr), s, "standard"
    for i, ind in enumerate(k.indsatser):
        yield "indsatser", ("indsatser", i), ind.id, ind, "indsats"


def _uden_side(data: Any, sti: tuple) -> Iterator[tuple]:
    """Paths of every `side: null` in a dumped entry."""
    if isinstance(data, dict):
        if "side" in data and data["side"] is None:
            yield sti + ("side",)
        for k, v in data.items():
            yield from _uden_side(v, sti + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _uden_side(v, sti + (i,))


def sidetal(k: Katalog, p: Melder) -> None:
    if not k.profil.kilde.sidetal:
        return
    hint = "tilføj 'side:' med sidetallet i kilden, hvor teksten står"
    intro = k.introduktion
    for sti in _uden_side(intro.model_dump(exclude={"afsnit"}), ("introduktion",)):
        p("standarder", sti, "introduktion", "feltet mangler", hint, felt_fra=1)
    for i, a in enumerate(intro.afsnit):
        for sti in _uden_side(a.model_dump(), ("introduktion", "afsnit", i)):
            p("standarder", sti, f"introduktion, afsnit {a.noegle}", "feltet mangler", hint, felt_fra=3)
    for fil, prefix, navn, post, _ in _poster(k):
        for sti in _uden_side(post.model_dump(), prefix):
            p(fil, sti, navn, "feltet mangler", hint, felt_fra=2)


def emner(k: Katalog, p: Melder) -> None:
    tilladte = k.profil.emner
    for fil, prefix, navn, post, _ in _poster(k):
        for j, emne in enumerate(post.emner):
            if emne in tilladte:
                continue
            forslag = difflib.get_close_matches(emne, tilladte, n=1, cutoff=0.6)
            p(
                fil,
                prefix + ("emner", j),
                navn,
                f"ukendt emne '{emne}'",
                (f"mente du '{forslag[0]}'? " if forslag else "")
                + (
                    "emnerne er profilens lukkede liste: " + ", ".join(tilladte)
                    if tilladte
                    else "profilen har ingen emner (ingen 'Hvad kan jeg få hjælp til?'); slet 'emner'"
                ),
                felt_fra=2,
            )


def afsnitsnavne(k: Katalog, p: Melder) -> None:
    for fil, prefix, navn, post, slags in _poster(k):
        noegler = [a.nøgle for a in k.profil.afsnit_for(slags) if a.nøgle]
        navngivne = [(prefix + ("overskrifter", n), n) for n in post.overskrifter]
        if post.uddrag and post.uddrag.afbrudt_i:
            navngivne.append((prefix + ("uddrag", "afbrudt_i"), post.uddrag.afbrudt_i))
        for sti, noegle in navngivne:
            if noegle in noegler:
                continue
            forslag = difflib.get_close_matches(noegle, noegler, n=1, cutoff=0.6)
            p(
                fil,
                sti,
                navn,
                f"'{noegle}' er ikke et afsnit i profilen",
                (f"mente du '{forslag[0]}'? " if forslag else "") + "afsnittene er: " + ", ".join(noegler),
                felt_fra=2,
            )


def indsatsens_form(k: Katalog, p: Melder) -> None:
    """An intervention's group (`type`) is one of the profile's and fits its id; it names its
    standards where the profile has them, and its main law where it has none."""
    ind = k.profil.indsats
    grupper = ind.grupper
    noegler = ", ".join(g.nøgle for g in grupper)
    for i, x in enumerate(k.indsatser):
        sti = ("indsatser", i)
        if grupper and x.type is None:
            p("indsatser", sti + ("type",), x.id, "feltet mangler", f"skriv gruppen: en af {noegler}", felt_fra=2)
        elif x.type is not None and not grupper:
            p("indsatser", sti + ("type",), x.id, "profilen har ingen grupper", "slet linjen 'type'", felt_fra=2)
        elif x.type is not None:
            if k.profil.gruppe(x.type) is None:
                forslag = difflib.get_close_matches(x.type, [g.nøgle for g in grupper], n=1, cutoff=0.5)
                p(
                    "indsatser",
                    sti + ("type",),
                    x.id,
                    f"ukendt gruppe '{x.type}'",
                    (f"mente du '{forslag[0]}'? " if forslag else "") + f"profilens grupper er: {noegler}",
                    felt_fra=2,
                )
            else:
                forventet = next((g for g in grupper if g.id_mønster and re.match(g.id_mønster, x.id)), None)
                if forventet is not None and forventet.nøgle != x.type:
                    p(
                        "indsatser",
                        sti + ("type",),
                        x.id,
                        f"id {x.id} betyder type '{forventet.nøgle}', men type er '{x.type}'",
                        f"ret 'type' til {forventet.nøgle}, eller giv {ind.ental}en et andet id",
                        felt_fra=2,
                    )
        if ind.standarder == "påkrævet" and not x.standarder and k.profil.standard is not None:
            p(
                "indsatser",
                sti + ("standarder",),
                x.id,
                "feltet mangler",
                f"skriv den eller de {k.profil.standard.flertal}, {ind.ental}en hører under, fx [1]",
                felt_fra=2,
            )
        if ind.standarder == "ingen" and x.standarder:
            p(
                "indsatser",
                sti + ("standarder",),
                x.id,
                "profilen har ingen standarder",
                "slet 'standarder'",
                felt_fra=2,
            )
        if ind.standarder == "ingen" and x.hovedlov is None:
            p(
                "indsatser",
                sti + ("hovedlov",),
                x.id,
                "feltet mangler",
                "skriv den lov, en § uden lovnavn i teksten henviser til (en lovs id fra love.yaml)",
                felt_fra=2,
            )


REGLER = (sidetal, emner, afsnitsnavne, indsatsens_form)
