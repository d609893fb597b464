"""Validate what can be validated: a file with errors still yields the parts that are valid.

The cross-checks (`krydstjek`) need validated models, so an error anywhere used to stop every
cross-check and the editor met the next mistake only after fixing the first. Here a file
with errors is *pruned* until it validates, and the cross-checks run on what is left:

- an unknown field (``hyppighd``) is removed — nothing reads it;
- an invalid optional value is removed (its default applies), an invalid nullable one set to
  ``null``;
- otherwise the smallest list item around the error is left out (one fact, one citation, or
  the whole entry when its id or title is wrong);
- a required value with no list around it (``revision.dato``) becomes a hole: the model is
  built with ``None`` there, and rules that need it skip it.

Every loss is told: the error's hint says what it hides (`Udeladt.hint`), and problems the
cross-checks would report only because something was left out are not reported (a standard
listing an intervention that was left out is not "kan ikke finde indsats"). Nothing here
ever reaches the pages: data with errors is never built.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel, ValidationError, create_model

from ..data.valider import _feltnavne, _modeller_i, _oversaet, afsnitfelter, moenstre, uden_maerker, valider
from ..data.yamlfil import POSTNAVNE, YamlFil, post_og_felt
from ..problemer import Problem

MAKS_RUNDER = 30
"""Pruning rounds before giving up (each removes at least one thing; real files need 2-3)."""
MAKS_FEJL = 200
"""A file with more errors than this is not pruned: it is not a file with a few mistakes."""


@dataclass
class Udeladt:
    """What pruning took out of one file, in the file's own coordinates (paths into the YAML)."""

    poster: dict[tuple, str] = field(default_factory=dict)
    """Left-out list items → the entry's name (``K.2.1``, ``kvalitetsstandard 3``)."""
    fast: set[tuple] = field(default_factory=set)
    """Required values with no list around them, built as None (``revision.dato``)."""

    def navne(self) -> list[str]:
        """The entries left out as a whole, by name."""
        # An entry without its id ("?") names nothing another message could mention.
        return [navn for sti, navn in self.poster.items() if _er_post(sti) and "?" not in navn]


@dataclass
class Delvis:
    """One file's validated parts (`objekt`, None if nothing could be saved) and what was left out."""

    objekt: Any
    problemer: list[Problem]
    udeladt: Udeladt
    fil: YamlFil


class _Omregnet(YamlFil):
    """The pruned file: lines are looked up in the original by translating pruned list indices."""

    def __init__(self, original: YamlFil, fjernet: dict[tuple, set[int]]):
        super().__init__(original.sti, original.visningsnavn, original.rod, original.data, original.problemer)
        self._fjernet = fjernet

    def linje(self, sti: tuple) -> int | None:
        return super().linje(oversaet(sti, self._fjernet, self.data))


def oversaet(sti: tuple, fjernet: dict[tuple, set[int]], data: Any) -> tuple:
    """A path into the pruned data → the same place in the original (list items were removed)."""
    ud: tuple = ()
    node = data
    for del_ in sti:
        if isinstance(del_, int) and ud in fjernet and isinstance(node, list):
            tilbage = [i for i in range(len(node)) if i not in fjernet[ud]]
            del_ = tilbage[del_] if 0 <= del_ < len(tilbage) else del_
        ud += (del_,)
        try:
            node = node[del_]
        except (KeyError, IndexError, TypeError):
            node = None
    return ud


def _post(data: Any, sti: tuple, standard_ord: str = "standard") -> str:
    """The entry a left-out item was (``K.2.1``), or where it stood."""
    post, felt = post_og_felt(data, sti, standard_ord)
    if post and felt is None:
        return post
    return ": ".join(d for d in (post, felt) if d) or ".".join(map(str, sti))


def _hent(data: Any, sti: tuple) -> Any:
    for del_ in sti:
        data = data[del_]
    return data


def _model_med_huller(model: type[BaseModel], huller: set[tuple]) -> type[BaseModel] | None:
    """`model` with each hole an optional field (None), the rest validated as usual; None if impossible."""
    grupper: dict[str, set[tuple]] = {}
    for h in huller:
        if not h or not isinstance(h[0], str) or h[0] not in model.model_fields:
            return None
        grupper.setdefault(h[0], set()).add(h[1:])
    felter: dict[str, Any] = {}
    for navn, rest in grupper.items():
        f = model.model_fields[navn]
        if () in rest:
            felter[navn] = (Any, None)
            continue
        under = _modeller_i(f.annotation)
        if len(under) != 1 or not (f.annotation is under[0] or under[0] in get_args(f.annotation)):
            return None  # a hole behind a list or a tagged union: not a plain chain of blocks
        ny = _model_med_huller(under[0], rest)
        if ny is None:
            return None
        felter[navn] = (ny, ... if f.is_required() else f.default)
    return create_model(model.__name__, __base__=model, **felter)


def delvis_valider(fil: YamlFil, model: type[BaseModel], profil: Any = None) -> Delvis:
    """Validate `fil` (its models built from `profil`, whose id forms the messages name); on errors,
    prune it until it validates and return the valid parts too."""
    obj, problemer = valider(fil, model, profil)
    if obj is not None or fil.problemer or not isinstance(fil.data, dict) or len(problemer) > MAKS_FEJL:
        return Delvis(obj, problemer, Udeladt(), fil)
    afsnit = afsnitfelter(model)
    feltnavne = sorted(_feltnavne(model))
    data = copy.deepcopy(fil.data)
    fjernet: dict[tuple, set[int]] = {}  # original list path → original indices left out
    slettet: set[tuple] = set()  # original paths whose invalid value was removed
    nul: set[tuple] = set()  # original paths set to None
    omdoebt: set[tuple] = set()  # original paths a misspelt field's value was moved to
    udeladt = Udeladt()
    aktiv: type[BaseModel] | None = model
    stier: list[tuple] = []  # the first pass's error paths, one per problem
    nye: list[Problem] = []  # errors the first pass could not see (a validator that runs after the fields)
    kendte = {(p.linje, p.besked) for p in problemer}
    for runde in range(MAKS_RUNDER):
        if aktiv is None:
            break
        try:
            obj = aktiv.model_validate(data)
            break
        except ValidationError as e:
            fejl = [(uden_maerker(tuple(x["loc"]), afsnit), x) for x in e.errors()]
        beroert = slettet | nul | omdoebt | set(fjernet)
        saet: list[tuple[tuple, Any]] = []  # (pruned path, value); _SLET removes the key
        fjern_post: set[tuple] = set()  # pruned paths of list items to leave out
        for loc, x in fejl:
            orig = oversaet(loc, fjernet, fil.data)
            if runde == 0:
                stier.append((orig, x["type"]))
            elif x["type"] != "missing" and not any(t[: len(orig)] == orig for t in beroert):
                p = fil.problem(orig, *_oversaet({**x, "loc": orig}, feltnavne, afsnit, moenstre(profil)))
                if (p.linje, p.besked) not in kendte:
                    kendte.add((p.linje, p.besked))
                    nye.append(p)
            if x["type"] == "extra_forbidden":
                # An unknown field: nothing reads it. A misspelling of a field the entry lacks
                # ('visitaton') is checked as the field it resembles, so the entry is not lost.
                forael = _hent(data, loc[:-1]) if loc else None
                forslag = difflib.get_close_matches(str(loc[-1]), feltnavne, n=1, cutoff=0.7)
                if forslag and isinstance(forael, dict) and forslag[0] not in forael:
                    saet.append((loc[:-1] + (forslag[0],), forael[loc[-1]]))
                    omdoebt.add(orig[:-1] + (forslag[0],))
                saet.append((loc, _SLET))
            elif orig in nul or not loc or isinstance(loc[-1], int) or (orig in slettet and x["type"] != "missing"):
                hvor = next((i for i in range(len(loc) - 1, -1, -1) if isinstance(loc[i], int)), None)
                if hvor is not None:
                    fjern_post.add(loc[: hvor + 1])
                elif loc:
                    udeladt.fast.add(orig)  # required, not nullable, no list around it: a hole
                else:
                    aktiv = None  # the file as a whole is wrong
            elif x["type"] == "missing":
                saet.append((loc, None))
                nul.add(orig)
            else:
                saet.append((loc, _SLET))
                slettet.add(orig)
        for loc, vaerdi in saet:
            if any(loc[: len(p)] == p for p in fjern_post):
                continue
            try:
                forael = _hent(data, loc[:-1])
                if vaerdi is _SLET:
                    forael.pop(loc[-1], None)
                else:
                    forael[loc[-1]] = vaerdi
            except (KeyError, IndexError, TypeError, AttributeError):
                continue  # a block around it was changed in this round: the next round sees what is left
        # Outermost items only, and within one list from the back, so the pruned indices stay right.
        ydre = {p for p in fjern_post if not any(q != p and p[: len(q)] == q for q in fjern_post)}
        for loc in sorted(ydre, key=lambda p: (len(p), p), reverse=True):
            orig = oversaet(loc, fjernet, fil.data)
            try:
                del _hent(data, loc[:-1])[loc[-1]]
            except (KeyError, IndexError, TypeError):
                continue  # the list itself went in this round
            fjernet.setdefault(orig[:-1], set()).add(orig[-1])
            udeladt.poster[orig] = _post(
                fil.data, orig, profil.standard.ental if profil is not None and profil.standard else "standard"
            )
        if udeladt.fast and aktiv is not None:
            for h in udeladt.fast:
                try:
                    _hent(data, h[:-1]).pop(h[-1], None)
                except (KeyError, IndexError, TypeError, AttributeError):
                    pass
            aktiv = _model_med_huller(model, udeladt.fast)
    else:
        obj = None
    if aktiv is None:
        obj = None
    hintede = [_hint(p, s, udeladt) for p, s in zip(problemer, stier, strict=False)] + problemer[len(stier) :]
    return Delvis(obj, hintede + nye, udeladt, _Omregnet(fil, fjernet) if obj is not None else fil)


_SLET = object()


def _hint(p: Problem, sti_og_type: tuple[tuple, str], udeladt: Udeladt) -> Problem:
    """Say what an error hides: the rest of the entry it left out, or what reads the value."""
    sti, type_ = sti_og_type
    if type_ == "extra_forbidden":
        return p  # removing an unknown field hides nothing
    post = next((navn for q, navn in udeladt.poster.items() if sti[: len(q)] == q and _er_post(q)), None)
    if post is not None:
        return hint_med(p, f"indtil det er rettet, tjekkes resten af {post} og henvisninger til den ikke")
    if sti in udeladt.fast:
        return hint_med(p, "indtil det er rettet, tjekkes det, der bruger feltet, ikke")
    return p


def _er_post(sti: tuple) -> bool:
    """An entry of a known collection (an intervention, a standard), not one fact inside it."""
    return len(sti) >= 2 and sti[-2] in POSTNAVNE


def skjult(p: Problem, udeladte: list[str]) -> bool:
    """Would a cross-check report `p` only because an entry named in `udeladte` was left out?"""
    return any(_naevner(p.besked, navn) for navn in udeladte)


def _naevner(besked: str, navn: str) -> bool:
    # "kvalitetsstandard 3" is named as "standard 3" too; an id such as K.2.1 as itself.
    moenster = re.escape(navn).replace("kvalitetsstandard", "(?:kvalitets)?standard(?:en)?")
    return re.search(rf"(?<![\w.]){moenster}(?!\w|\.\d)", besked) is not None


def hint_med(p: Problem, tillaeg: str) -> Problem:
    """`p` with what its error hides added to the hint."""
    return dataclasses.replace(p, hint=f"{p.hint}; {tillaeg}" if p.hint else tillaeg)
