"""Validate one YAML file against its pydantic model; turn every error into a located `Problem`.

pydantic reports errors by path (``("indsatser", 3, "titel")``); `YamlFil.linje`
turns the path into a line, and the entry it belongs to is named by its own
``id``/``nr`` so the editor can find it even when lines have moved.
"""
from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .yamlfil import YamlFil
from ..problemer import Problem

M = TypeVar("M", bound=BaseModel)

# Collections whose items are entries, and how an entry is named in messages.
_POSTNAVNE = {
    "standarder": lambda e: f"kvalitetsstandard {e.get('nr', '?')}",
    "indsatser": lambda e: str(e.get("id", "?")),
    "afsnit": lambda e: f"afsnit {e.get('nr', '?')}",
    "love": lambda e: str(e.get("id", "?")),
    "beslutninger": lambda e: f"beslutning {e.get('id', '?')}",
}

_MOENSTRE = {
    r"^[KU]\.\d+\.\d+$": ("id skal have formen K.n.n eller U.n.n", "fx K.2.1 (kompenserende) eller U.3.5 (udviklende)"),
    r"^\d+( [a-z])?$": ("paragraffen skal skrives som tal, evt. med bogstav efter mellemrum",
                        "skriv fx \"83\" eller \"94 a\" (ikke \"94a\" eller \"§ 83\")"),
    r"^[a-zæøå]+$": ("lovens nøgle skal være små bogstaver uden mellemrum", "brug en lovs nøgle fra love.yaml i samme datamappe, fx serviceloven"),
    r"^\d{4}(-\d{2}(-\d{2})?)?$": ("datoen skal skrives ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD", "fx 2014-05 for maj 2014"),
    r"^https://": ("adressen skal begynde med https://", None),
    r"^1\.\d+$": ("introduktionens afsnit nummereres 1.1, 1.2, …", None),
}

_TYPER = {"str": "tekst", "int": "et helt tal", "list": "en liste", "dict": "en blok af felter",
          "bool": "ja/nej", "float": "et tal", "NoneType": "tom", "date": "en dato"}


def _feltnavne(model: type[BaseModel], sete: set | None = None) -> set[str]:
    """Every field name reachable from `model`: the vocabulary for "mente du …?" hints."""
    sete = set() if sete is None else sete
    if model in sete:
        return set()
    sete.add(model)
    navne = set(model.model_fields)
    for f in model.model_fields.values():
        for under in _modeller_i(f.annotation):
            navne |= _feltnavne(under, sete)
    return navne


def _modeller_i(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in getattr(annotation, "__args__", ()) or () for m in _modeller_i(a)] + \
        [m for a in getattr(annotation, "__metadata__", ()) or () for m in _modeller_i(a)] + \
        ([m for m in _modeller_i(annotation.__origin__)] if hasattr(annotation, "__origin__")
         and annotation.__origin__ is not annotation else [])


def post_og_felt(data: Any, loc: tuple) -> tuple[str | None, str | None]:
    """Name the entry a path points into, and the field within it (tags stripped)."""
    post: str | None = None
    felt: list[str] = []
    node = data
    forrige_noegle: Any = None
    for del_ in loc:
        if del_ in ("indhold", "mangler") and isinstance(node, (dict, list, str)) and not (
            isinstance(node, dict) and del_ in node
        ):
            continue  # discriminator tags from `schema.Afsnit`, not real keys
        if isinstance(del_, int):
            if post is None and forrige_noegle in _POSTNAVNE and isinstance(node, list) \
                    and 0 <= del_ < len(node) and isinstance(node[del_], dict):
                post = _POSTNAVNE[forrige_noegle](node[del_])
                felt = []
            else:
                if felt:
                    felt[-1] += f"[{del_}]"
                else:
                    felt.append(f"[{del_}]")
        else:
            felt.append(str(del_))
        forrige_noegle = del_
        if isinstance(node, dict) and del_ in node:
            node = node[del_]
        elif isinstance(node, list) and isinstance(del_, int) and 0 <= del_ < len(node):
            node = node[del_]
        else:
            node = None
    return post, ".".join(felt) or None


def _oversaet(fejl: dict, feltnavne: list[str]) -> tuple[str, str | None]:
    """pydantic's error → (what is wrong, hint) in Danish."""
    t, ctx = fejl["type"], fejl.get("ctx", {}) or {}
    felt = str(fejl["loc"][-1]) if fejl["loc"] else ""
    if t == "missing":
        return ("feltet mangler",
                f"tilføj '{felt}:'; har kilden ikke afsnittet, skriv '{felt}: {{mangler: <hvorfor>}}'")
    if t == "extra_forbidden":
        forslag = difflib.get_close_matches(felt, feltnavne, n=1, cutoff=0.7)
        hint = f"mente du '{forslag[0]}'?" if forslag else "slet feltet; se feltlisten i redaktørvejledningen"
        return f"ukendt felt '{felt}'", hint
    if t in ("string_too_short",):
        return "må ikke være tom", "skriv teksten, eller brug 'mangler: <hvorfor>' for et afsnit kilden ikke har"
    if t == "too_short":
        return "listen må ikke være tom", "tilføj mindst ét punkt"
    if t == "string_pattern_mismatch":
        besked, hint = _MOENSTRE.get(ctx.get("pattern", ""), ("har ikke den rigtige form", None))
        return f"{besked}; fik {fejl.get('input')!r}", hint
    if t == "literal_error":
        return f"ugyldig værdi {fejl.get('input')!r}", f"skal være {ctx.get('expected')}"
    if t.endswith("_type") or t in ("model_type", "model_attributes_type"):
        forventet = {"string_type": "tekst", "int_type": "et helt tal", "list_type": "en liste",
                     "dict_type": "en blok af felter", "model_type": "en blok af felter",
                     "model_attributes_type": "en blok af felter", "bool_type": "ja/nej",
                     "date_type": "en dato", "float_type": "et tal"}.get(t, t)
        fik = _TYPER.get(type(fejl.get("input")).__name__, type(fejl.get("input")).__name__)
        hint = "sæt tekst i anførselstegn" if forventet == "tekst" else None
        return f"forkert type: forventede {forventet}, fik {fik} ({fejl.get('input')!r})", hint
    if t in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"tallet {fejl.get('input')!r} er uden for det tilladte", fejl["msg"]
    if t == "value_error":
        return str(ctx.get("error", fejl["msg"])), None
    return fejl["msg"], None


def valider(fil: YamlFil, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate the file's data against `model`. Returns (object or None, problems)."""
    if fil.problemer:
        return None, list(fil.problemer)
    if not isinstance(fil.data, dict):
        return None, [Problem("filen er tom eller ikke en blok af felter", f"filen skal indeholde felterne {', '.join(model.model_fields)}", fil=fil.visningsnavn, linje=1, post=None, felt=None)]
    try:
        return model.model_validate(fil.data), []
    except ValidationError as e:
        problemer = []
        feltnavne = sorted(_feltnavne(model))
        for fejl in e.errors():
            loc = tuple(fejl["loc"])
            post, felt = post_og_felt(fil.data, loc)
            besked, hint = _oversaet(fejl, feltnavne)
            problemer.append(Problem(besked, hint, fil=fil.visningsnavn, linje=fil.linje(loc), post=post, felt=felt))
        return None, problemer
