"""Read a YAML data file so that every value can be traced back to its line.

`YamlFil.linje(sti)` walks a path such as ``("standarder", 0, "lovgrundlag", 1, "paragraf")``
to the deepest node that exists and returns its 1-based line. Validation works on a plain
copy (dicts, lists, str, int, date) so no parser type leaks into the models.

Two readers, one result. The fast one composes the file with libyaml (PyYAML's C parser,
~30x quicker than ruamel.yaml's pure-Python round-trip loader, which was most of
``check``) and resolves plain scalars with the YAML 1.2 core schema exactly as ruamel.yaml's
round-trip loader does (``yes`` stays text, ``012`` is 12, ``2014-05-01`` is a date). A file
it does not take on plainly — a syntax error, a key twice, an explicit tag, a merge key —
is read again by ruamel.yaml, so the editor gets the same located messages as before and
unusual YAML means what it always meant. tests/data/test_yamlfil.py holds the two equal.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml as libyaml
from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from ..problemer import Problem


@dataclass
class YamlFil:
    sti: Path
    visningsnavn: str
    rod: Any = None  # the tree with line numbers (`lc.key`/`lc.item`, as ruamel.yaml's)
    data: Any = None  # a plain copy, for validation
    problemer: list[Problem] = field(default_factory=list)

    def linje(self, sti: tuple) -> int | None:
        """Line (1-based) of the deepest node of `sti` present in the file."""
        node, linje = self.rod, 1 if self.rod is not None else None
        for del_ in sti:
            lc = getattr(node, "lc", None)
            try:
                if isinstance(node, dict) and del_ in node:
                    if lc is not None:
                        linje = lc.key(del_)[0] + 1
                    node = node[del_]
                elif isinstance(node, list) and isinstance(del_, int) and 0 <= del_ < len(node):
                    if lc is not None:
                        linje = lc.item(del_)[0] + 1
                    node = node[del_]
                else:
                    break
            except (KeyError, IndexError, TypeError):
                break
        return linje


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None or isinstance(node, (int, float, dt.date)):
        return node
    return node


def laes_yaml(sti: Path, visningsnavn: str | None = None) -> YamlFil:
    """Load `sti`; a syntax error or duplicate key becomes a located Problem, not an exception."""
    navn = visningsnavn or str(sti)
    fil = YamlFil(sti=sti, visningsnavn=navn)
    if not sti.exists():
        fil.problemer.append(Problem("filen findes ikke", f"opret {sti.name} eller ret stien", fil=navn, linje=None, post=None, felt=None))
        return fil
    try:
        tekst = sti.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fil.problemer.append(Problem("filen er ikke UTF-8", "gem filen som UTF-8", fil=navn, linje=None, post=None, felt=None))
        return fil
    try:
        fil.rod = _hurtig(tekst)
    except (_Usaedvanlig, libyaml.YAMLError):
        return _med_ruamel(fil, tekst)
    fil.data = _plain(fil.rod)
    return fil


def _med_ruamel(fil: YamlFil, tekst: str) -> YamlFil:
    """ruamel.yaml's round-trip loader: errors and unusual YAML, with its messages and meanings."""
    navn = fil.visningsnavn
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        fil.rod = yaml.load(tekst)
    except DuplicateKeyError as e:
        linje = e.problem_mark.line + 1 if e.problem_mark else None
        fil.problemer.append(Problem(f"nøglen står to gange i samme afsnit: {e.problem.strip()}", "slet eller omdøb den ene forekomst", fil=navn, linje=linje, post=None, felt=None))
        return fil
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        linje = mark.line + 1 if mark else None
        hvad = (e.problem or e.context or "ugyldig YAML").strip()
        fil.problemer.append(Problem(f"YAML-syntaksfejl: {hvad}", "tjek indrykning, kolon efter feltnavne og at tekst med ': ' står i anførselstegn eller som blok (|)", fil=navn, linje=linje, post=None, felt=None))
        return fil
    fil.data = _plain(fil.rod)
    return fil


# ------------------------------------------------------------------ the fast reader (libyaml)

class _Usaedvanlig(Exception):
    """YAML the fast reader leaves to ruamel.yaml (a key twice, a tag, a merge key, an odd scalar)."""


class _Placering:
    """ruamel.yaml's `lc` protocol: (line, column), 0-based, of a mapping key or a sequence item."""

    __slots__ = ("_pos",)

    def __init__(self) -> None:
        self._pos: dict[Any, tuple[int, int]] = {}

    def key(self, noegle: Any) -> tuple[int, int]:
        return self._pos[noegle]

    def item(self, nr: int) -> tuple[int, int]:
        return self._pos[nr]


class _Map(dict):
    __slots__ = ("lc",)


class _Liste(list):
    __slots__ = ("lc",)


_PLAIN = "!ydelse/plain"  # a plain, untagged scalar: resolved below, as YAML 1.2
_TEKST = "!ydelse/tekst"  # a quoted or block scalar without a tag: text
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

# ruamel.yaml's YAML 1.2 implicit resolvers (ruamel/yaml/resolver.py), in the order it tries them.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")
_FLOAT = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                          |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
                          |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
                          |[-+]?\.(?:inf|Inf|INF)
                          |\.(?:nan|NaN|NAN))$""", re.X)
_DATO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_TIDSPUNKT = re.compile(r"""^[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]""")
_SAERLIGE = {"<<", "="}  # merge and value keys: ruamel.yaml gives them meanings of its own


class _Laeser(libyaml.CSafeLoader):
    def resolve(self, kind, value, implicit):  # noqa: ANN001 (PyYAML's signature)
        # Plain scalars are resolved by `_skalar` (YAML 1.2), not by PyYAML's YAML 1.1 rules.
        # An explicitly tagged scalar keeps its tag (and goes to ruamel.yaml).
        if kind is libyaml.ScalarNode:
            return _PLAIN if implicit[0] else _TEKST
        return super().resolve(kind, value, implicit)


def _skalar(node: libyaml.ScalarNode) -> Any:
    v = node.value
    if node.tag == _TEKST:
        return v
    if node.tag != _PLAIN:
        raise _Usaedvanlig(node.tag)
    if _NULL.match(v):
        return None
    if v in _BOOL:
        return _BOOL[v]
    if v[:1] in "-+0123456789.":
        if _FLOAT.match(v):
            return _flydende(v)
        if _INT.match(v):
            return _heltal(v)
        if _DATO.match(v):
            return dt.date(int(v[:4]), int(v[5:7]), int(v[8:10]))
        if _TIDSPUNKT.match(v):
            raise _Usaedvanlig(v)  # a time stamp: ruamel.yaml's own type
    if v in _SAERLIGE:
        raise _Usaedvanlig(v)
    return v


def _heltal(v: str) -> int:
    s = v.replace("_", "")
    fortegn = -1 if s[0] == "-" else 1
    s = s.lstrip("+-")
    if not s:
        raise _Usaedvanlig(v)
    for praefiks, grundtal in (("0b", 2), ("0x", 16), ("0o", 8)):
        if s.startswith(praefiks):
            return fortegn * int(s[2:], grundtal)
    return fortegn * int(s)  # YAML 1.2: a leading 0 is not octal


def _flydende(v: str) -> float:
    s = v.replace("_", "").lower()
    fortegn = -1.0 if s[0] == "-" else 1.0
    s = s.lstrip("+-")
    if s == ".inf":
        return fortegn * float("inf")
    if s == ".nan":
        return float("nan")
    return fortegn * float(s)


def _byg(node: libyaml.Node) -> Any:
    if isinstance(node, libyaml.ScalarNode):
        return _skalar(node)
    if isinstance(node, libyaml.SequenceNode):
        if node.tag != _SEQ:
            raise _Usaedvanlig(node.tag)
        liste, lc = _Liste(), _Placering()
        for nr, barn in enumerate(node.value):
            lc._pos[nr] = (barn.start_mark.line, barn.start_mark.column)
            liste.append(_byg(barn))
        liste.lc = lc
        return liste
    if node.tag != _MAP:
        raise _Usaedvanlig(node.tag)
    mapping, lc = _Map(), _Placering()
    for knude, vaerdi in node.value:
        if not isinstance(knude, libyaml.ScalarNode) or (knude.tag == _PLAIN and knude.value in _SAERLIGE):
            raise _Usaedvanlig(knude.tag)  # a complex key, or a merge key: ruamel.yaml merges
        noegle = _byg(knude)
        if noegle in mapping:
            raise _Usaedvanlig(noegle)  # a key twice: ruamel.yaml reports it, with both lines
        lc._pos[noegle] = (knude.start_mark.line, knude.start_mark.column)
        mapping[noegle] = _byg(vaerdi)
    mapping.lc = lc
    return mapping


def _hurtig(tekst: str) -> Any:
    """The file as a tree with line numbers, or `_Usaedvanlig`/`YAMLError` for ruamel.yaml to handle."""
    laeser = _Laeser(tekst)
    try:
        node = laeser.get_single_node()
    finally:
        laeser.dispose()
    if node is None:
        return None
    try:
        return _byg(node)
    except (ValueError, TypeError, RecursionError) as e:  # e.g. 2014-02-30: ruamel.yaml decides
        raise _Usaedvanlig(str(e)) from e
