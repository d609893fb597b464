"""Validate one YAML file against its pydantic model; turn every error into a located `Problem`.

pydantic reports errors by path (``("indsatser", 3, "titel")``); `YamlFil.linje`
turns the path into a line, and the entry it belongs to is named by its own
``id``/``nr`` so the editor can find it even when lines have moved. Messages are
Danish and name types as an editor knows them ("tekst", "et helt tal"), never
by their Python names.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, Discriminator, ValidationError

from ..problemer import Problem
from .yamlfil import YamlFil, post_og_felt

M = TypeVar("M", bound=BaseModel)

_MOENSTRE = {
    r"^\d+( [a-z])?$": (
        "paragraffen skal skrives som tal, evt. med bogstav efter mellemrum",
        'skriv fx "83" eller "94 a" (ikke "94a" eller "§ 83")',
    ),
    r"^[a-zæøå]+$": (
        "lovens nøgle skal være små bogstaver uden mellemrum",
        "brug en lovs nøgle (id) fra love.yaml i samme datamappe",
    ),
    r"^https://": ("adressen skal begynde med https://", None),
    r"^[0-9]{4}[a-z0-9.-]{0,28}$": (
        "en udgave hedder sit år, evt. efterfulgt af små bogstaver, tal, punktum eller bindestreg, "
        "højst 32 tegn i alt (navnet bliver en mappe og en adresse)",
        'fx "2015" eller "2015-2"',
    ),
    r"^[a-z0-9-]+$": ("et id må kun have små bogstaver (a-z), tal og bindestreg", 'fx "budget-2015"'),
}

_TYPER = {
    "str": "tekst",
    "int": "et helt tal",
    "list": "en liste",
    "dict": "en blok af felter",
    "bool": "ja/nej",
    "float": "et tal",
    "NoneType": "tom",
}

_FORVENTET = {
    "string_type": "tekst",
    "int_type": "et helt tal",
    "int_from_float": "et helt tal",
    "list_type": "en liste",
    "dict_type": "en blok af felter",
    "model_type": "en blok af felter",
    "model_attributes_type": "en blok af felter",
    "bool_type": "ja/nej",
    "float_type": "et tal",
    "literal_error": "en af de tilladte værdier",
}

_SAMMENLIGNING = {
    "greater_than_equal": ("ge", "mindst"),
    "less_than_equal": ("le", "højst"),
    "greater_than": ("gt", "større end"),
    "less_than": ("lt", "mindre end"),
}


def _modeller(model: type[BaseModel], sete: set | None = None) -> set[type[BaseModel]]:
    """`model` and every model reachable from its fields."""
    sete = set() if sete is None else sete
    if model in sete:
        return set()
    sete.add(model)
    for f in model.model_fields.values():
        for under in _modeller_i(f.annotation):
            _modeller(under, sete)
    return sete


def _modeller_i(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return (
        [m for a in getattr(annotation, "__args__", ()) or () for m in _modeller_i(a)]
        + [m for a in getattr(annotation, "__metadata__", ()) or () for m in _modeller_i(a)]
        + (
            [m for m in _modeller_i(annotation.__origin__)]
            if hasattr(annotation, "__origin__") and annotation.__origin__ is not annotation
            else []
        )
    )


def _feltnavne(model: type[BaseModel]) -> set[str]:
    """Every field name reachable from `model`: the vocabulary for "mente du …?" hints."""
    return {navn for m in _modeller(model) for navn in m.model_fields}


def _har_diskriminator(annotation: Any) -> bool:
    """Is `annotation` (or a member of it: ``Afsnit(…) | None``) a tagged union?"""
    if any(isinstance(x, Discriminator) for x in getattr(annotation, "__metadata__", ()) or ()):
        return True
    return any(_har_diskriminator(a) for a in getattr(annotation, "__args__", ()) or ())


def afsnitfelter(model: type[BaseModel]) -> set[str]:
    """Fields that are sections (`schema.Afsnit`: content or ``{mangler: …}``, perhaps optional)."""
    return {
        navn
        for m in _modeller(model)
        for navn, f in m.model_fields.items()
        if any(isinstance(x, Discriminator) for x in f.metadata) or _har_diskriminator(f.annotation)
    }


def uden_maerker(loc: tuple, afsnit: set[str]) -> tuple:
    """pydantic's path without the union tags ('indhold'/'mangler') it puts after a section field."""
    return tuple(d for i, d in enumerate(loc) if not (d in ("indhold", "mangler") and i > 0 and loc[i - 1] in afsnit))


def _liste(vaerdier: list[str]) -> str:
    return vaerdier[0] if len(vaerdier) == 1 else ", ".join(vaerdier[:-1]) + " eller " + vaerdier[-1]


def _vis(vaerdi: Any, maks: int = 60) -> str:
    """A value as the editor wrote it, shortened (a 20,000-character title is not repeated)."""
    tekst = repr(vaerdi) if isinstance(vaerdi, str) else str(vaerdi)
    return tekst if len(tekst) <= maks else tekst[: maks - 1] + "…"


def _profilens_moenstre(profil: Any) -> dict[str, tuple[str, str | None]]:
    """The profile's own id forms, in the profile's words."""
    if profil is None:
        return {}
    ud: dict[str, tuple[str, str | None]] = {}
    if profil.indsats.id is not None:
        i = profil.indsats.id
        ud[f"^(?:{i.mønster})$"] = (f"id skal have formen {i.forklaring}", f"fx {i.eksempel}")
    if profil.introduktion.nummer is not None:
        n = profil.introduktion.nummer
        ud[f"^(?:{n.mønster})$"] = (f"introduktionens afsnit nummereres {n.forklaring}", f"fx {n.eksempel}")
    return ud


def moenstre(profil: Any = None) -> dict[str, tuple[str, str | None]]:
    """The forms the messages name: the generic ones and the profile's id forms."""
    return {**_MOENSTRE, **_profilens_moenstre(profil)}


def _oversaet(
    fejl: Mapping[str, Any],
    feltnavne: list[str],
    afsnit: set[str],
    moenstre: Mapping[str, tuple[str, str | None]] = _MOENSTRE,
) -> tuple[str, str | None]:
    """pydantic's error → (what is wrong, hint) in Danish."""
    t, ctx = fejl["type"], fejl.get("ctx", {}) or {}
    felt = str(fejl["loc"][-1]) if fejl["loc"] else ""
    inddata = fejl.get("input")
    if t == "missing":
        hint = f"tilføj '{felt}:'"
        if felt in afsnit:
            hint += f"; har kilden ikke afsnittet, skriv '{felt}: {{mangler: <hvorfor>}}'"
        return "feltet mangler", hint
    if t == "extra_forbidden":
        forslag = [f for f in difflib.get_close_matches(felt, feltnavne, n=2, cutoff=0.7) if f != felt]
        hint = f"mente du '{forslag[0]}'?" if forslag else "slet feltet; se feltlisten i redaktørvejledningen"
        return f"ukendt felt '{felt}'", hint
    if t == "string_too_short":
        return "må ikke være tom", "skriv teksten, eller brug 'mangler: <hvorfor>' for et afsnit kilden ikke har"
    if t == "string_too_long":
        return (
            f"teksten er for lang ({len(inddata) if isinstance(inddata, str) else '?'} tegn; "
            f"højst {ctx.get('max_length')} tegn)",
            "forkort teksten; en længere forklaring hører til i teksten under overskriften",
        )
    if t == "too_short":
        return "listen må ikke være tom", "tilføj mindst ét punkt"
    if t == "string_pattern_mismatch":
        besked, moenster_hint = moenstre.get(ctx.get("pattern", ""), ("har ikke den rigtige form", None))
        return f"{besked}; fik {_vis(inddata)}", moenster_hint
    if t == "literal_error":
        tilladte = [v.strip().strip("'") for v in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        return f"ugyldig værdi {_vis(inddata)}", f"skal være {_liste([v for v in tilladte if v])}"
    if t in _FORVENTET or t.endswith("_type"):
        forventet = _FORVENTET.get(t, "en anden type")
        fik = _TYPER.get(type(inddata).__name__, "en anden slags værdi")
        vist = "" if inddata is None or isinstance(inddata, (dict, list)) else f" ({_vis(inddata)})"
        if t == "int_from_float":
            fik = "et decimaltal"
        return (
            f"forkert type: forventede {forventet}, fik {fik}{vist}",
            "sæt tekst i anførselstegn" if forventet == "tekst" else None,
        )
    if t in _SAMMENLIGNING:
        noegle, ord_ = _SAMMENLIGNING[t]
        return f"tallet {_vis(inddata)} er uden for det tilladte", f"skal være {ord_} {ctx.get(noegle)}"
    if t == "value_error":
        return str(ctx.get("error", fejl["msg"])), None
    if "hint" in ctx:  # our own errors (schema.Dato): PydanticCustomError with a hint
        return fejl["msg"], ctx["hint"]
    return fejl["msg"], None


def valider(fil: YamlFil, model: type[M], profil: Any = None) -> tuple[M | None, list[Problem]]:
    """Validate the file's data against `model` (built from `profil`, whose id forms the messages
    name). Returns (object or None, problems)."""
    if fil.problemer:
        return None, list(fil.problemer)
    if not isinstance(fil.data, dict):
        return None, [
            Problem(
                "filen er tom eller ikke en blok af felter",
                f"filen skal indeholde felterne {', '.join(model.model_fields)}",
                fil=fil.visningsnavn,
                linje=1,
            )
        ]
    try:
        return model.model_validate(fil.data), []
    except ValidationError as e:
        problemer = []
        feltnavne = sorted(_feltnavne(model))
        afsnit = afsnitfelter(model)
        former = moenstre(profil)
        for fejl in e.errors():
            loc = uden_maerker(tuple(fejl["loc"]), afsnit)
            post, felt = post_og_felt(
                fil.data, loc, profil.standard.ental if profil and profil.standard else "standard"
            )
            besked, hint = _oversaet({**fejl, "loc": loc}, feltnavne, afsnit, former)
            problemer.append(Problem(besked, hint, fil=fil.visningsnavn, linje=fil.linje(loc), post=post, felt=felt))
        return None, problemer
