"""Read a YAML data file so that every value can be traced back to its line.

`YamlFil.linje(sti)` walks a path such as ``("standarder", 0, "lovgrundlag", 1, "paragraf")``
to the deepest node that exists and returns its 1-based line. Validation works on a plain
copy (dicts, lists, str, int, float, bool, None, date) so no parser type leaks into the
models or the messages.

Two readers, one result. The fast one composes the file with libyaml (PyYAML's C parser,
~30x quicker than ruamel.yaml's pure-Python round-trip loader, which was most of
``check``) and resolves plain scalars with the YAML 1.2 core schema exactly as ruamel.yaml's
round-trip loader does (``yes`` stays text, ``012`` is 12, ``2014-05-01`` is a date). A file
it does not take on plainly — a syntax error, a key twice, an explicit tag, a merge key,
nesting beyond `MAKS_DYBDE` — is read again by ruamel.yaml, so the editor gets the same
located messages and unusual YAML means what it always meant. tests/data/test_yamlfil.py
holds the two equal.

The file is a security boundary (it is typed by people and ends on a public website), so
reading is bounded: the file's size, the nesting depth, and how far aliases (``*navn``) may
multiply the data (a "billion laughs" alias bomb) are capped, and every way the file can
fail — bad bytes, control characters, syntax, tags, aliases, a date not in the calendar —
becomes a located Danish `Problem`, never an exception.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml as libyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import RoundTripScanner, ScannerError

from ..problemer import Problem

MAKS_BYTES = 2_000_000
"""The largest data file read (the real ones are under 100 kB)."""
MAKS_DYBDE = 40
"""Deepest nesting of blocks and lists (the real data nests 7 levels)."""
MAKS_VAERDIER = 200_000
"""Most values a file may hold once its aliases are expanded (the real files: at most about 1,700)."""
_TEGN_PR_VAERDI = 64
"""A long text counts as one value per this many characters, so aliases cannot multiply text either."""
MAKS_CIFRE = 15
"""Longest whole number read (page numbers, deadlines and years need 4 digits; past 15 a number is no
longer exact in the JSON the site publishes, and Python refuses to print one of more than 4,300)."""
_MAKS_TALTEKST = 40
"""A number written with more characters than this is not even converted (a 0xfff… of thousands of digits)."""

MAKS_TEKSTCIFRE = 20
"""Longest run of digits in a text: numbers in prose are read as numbers too (a deadline's "3 hverdage",
"§ 83, stk. 2" checked against the law), and a run of thousands of digits would stop that reading."""
_LANGT_TAL = re.compile(rf"\d{{{MAKS_TEKSTCIFRE + 1},}}")

# What YAML refuses when it is typed raw (ruamel.yaml's and libyaml's reader: C0 and C1 control
# characters, surrogates, U+FFFE/U+FFFF), plus the two it reads raw as line breaks (carriage return,
# U+0085). A quoted string can still produce them with an escape ("\e[2J", "\x07", "\ud800");
# they are refused here the same way. So are the bidirectional overrides and isolates (U+202A-U+202E,
# U+2066-U+2069): YAML allows them, but they only serve to show a text in another order than it is
# written ("Trojan source"), on the page and on the editor's terminal alike.
_STYRETEGN = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u202a-\u202e\u2066-\u2069]"
)

# Collections whose items are entries, and how an entry is named in messages.
POSTNAVNE: dict[str, Callable[[dict], str]] = {
    "standarder": lambda e: f"{STANDARD} {e.get('nr', '?')}",
    "indsatser": lambda e: str(e.get("id", "?")),
    "afsnit": lambda e: f"afsnit {e.get('nr', '?')}",
    "love": lambda e: str(e.get("id", "?")),
    "beslutninger": lambda e: f"beslutning {e.get('id', '?')}",
}


@dataclass
class YamlFil:
    sti: Path
    visningsnavn: str
    rod: Any = None  # the ruamel tree, for line numbers
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

    def problem(self, sti: tuple, besked: str, hint: str | None = None) -> Problem:
        """A problem at path `sti` of this file, located and named."""
        post, felt = post_og_felt(self.data if self.data is not None else self.rod, sti)
        return Problem(besked, hint, fil=self.visningsnavn, linje=self.linje(sti), post=post, felt=felt)


STANDARD = "standard"
"""How a standard is named where the catalogue's profile (its own word) is not known."""


def post_og_felt(data: Any, sti: tuple, standard_ord: str = STANDARD) -> tuple[str | None, str | None]:
    """Name the entry a path points into, and the field within it.

    An entry is an item of a known collection (`POSTNAVNE`), named by its own id;
    outside those, a top-level section with fields below it (``revision`` in
    katalog.yaml) is the entry.
    """
    post: str | None = None
    felt: list[str] = []
    node = data
    forrige_noegle: Any = None
    for del_ in sti:
        if isinstance(del_, int):
            if (
                post is None
                and forrige_noegle in POSTNAVNE
                and isinstance(node, list)
                and 0 <= del_ < len(node)
                and isinstance(node[del_], dict)
            ):
                post = POSTNAVNE[forrige_noegle](node[del_])
                if forrige_noegle == "standarder":
                    post = standard_ord + post[len(STANDARD) :]
                felt = []
            elif felt:
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
    if post is None and len(felt) > 1 and sti and isinstance(sti[0], str) and isinstance(sti[1], str):
        post, felt = felt[0], felt[1:]
    return post, ".".join(felt) or None


# ------------------------------------------------------------------ reading


class _Konstruktoer(RoundTripConstructor):
    """ruamel's round-trip constructor, with two changes for data typed by people."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        # ruamel silently turns an alias inside its own anchor into None; say so instead.
        if node in self.recursive_objects and node not in self.constructed_objects:
            raise ConstructorError(None, None, "found unconstructable recursive node", node.start_mark)
        return super().construct_object(node, deep)

    def construct_yaml_int(self, node: Any) -> Any:
        # A number of thousands of digits is not converted (Python refuses more than 4,300 decimal
        # digits with a bare ValueError, and hex has no limit at all): `_plain` says where it is.
        if len(str(node.value)) > _MAKS_TALTEKST:
            return ForStortTal(str(node.value))
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        # A date not in the calendar (2014-02-30) stays the text it is, as in the fast reader:
        # the schema's `Dato` then says, at its line, why it is not a date. ruamel.yaml would
        # raise a bare ValueError without a line.
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return str(node.value)


class _Skanner(RoundTripScanner):
    """ruamel's scanner, refusing flow nesting ([[[…, {a: {a: …) beyond `MAKS_DYBDE` as it reads it.

    The composer's `max_depth` would refuse it too, but only after the scanner has read
    every opening bracket, which takes seconds for tens of thousands of them.
    """

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
        if len(self.flow_context) >= MAKS_DYBDE:
            raise ScannerError(None, None, "maximum depth of data structure exceeded", self.reader.get_mark())
        super().fetch_flow_collection_start(TokenClass, to_push)


_Konstruktoer.add_constructor("tag:yaml.org,2002:timestamp", _Konstruktoer.construct_yaml_timestamp)
_Konstruktoer.add_constructor("tag:yaml.org,2002:int", _Konstruktoer.construct_yaml_int)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Konstruktoer
    yaml.Scanner = _Skanner
    yaml.allow_duplicate_keys = False
    yaml.max_depth = MAKS_DYBDE
    return yaml


class UlaeseligFil(Exception):
    """A data file that is not read: missing, not a regular file, outside the catalogue, too big."""

    def __init__(self, besked: str, hint: str, linje: int | None = None):
        super().__init__(besked)
        self.besked, self.hint, self.linje = besked, hint, linje


_ARTER = [
    (stat.S_ISDIR, "en mappe"),
    (stat.S_ISFIFO, "en FIFO (et navngivet rør)"),
    (stat.S_ISCHR, "en enhed"),
    (stat.S_ISBLK, "en enhed"),
    (stat.S_ISSOCK, "en sokkel"),
]


def laes_datafil(sti: Path, maks_bytes: int, mappe: Path | None = None) -> bytes:
    """The bytes of `sti`, a regular file inside the catalogue folder `mappe` (default: its own
    folder), at most `maks_bytes` of them. Raises `UlaeseligFil`.

    Everything is decided before a byte is read: a symbolic link must stay inside the catalogue
    (a link to /dev/zero or to a file elsewhere is refused, a link loop named), the file must be a
    regular file (a FIFO would make check wait forever, a device never ends), and its size is
    checked first — and the read itself stops one byte past the bound, should the file grow.
    """
    try:
        if sti.is_symlink():
            try:
                maal = sti.resolve(strict=True)
            except (OSError, RuntimeError) as e:
                if isinstance(e, FileNotFoundError):
                    raise UlaeseligFil(
                        f"filen er et symbolsk link til {os.readlink(sti)}, som ikke findes",
                        "erstat linket med selve filen",
                    ) from None
                raise UlaeseligFil(
                    "filen er et symbolsk link, der peger i ring (på sig selv eller et link, der peger tilbage)",
                    "erstat linket med selve filen",
                ) from None
            rod = (mappe or sti.parent).resolve()
            if not maal.is_relative_to(rod):
                raise UlaeseligFil(
                    f"filen er et symbolsk link til {maal}, uden for katalogets mappe {rod}",
                    "en datafil skal ligge i katalogets mappe; kopiér filen ind i stedet for at linke til den",
                )
        fd = os.open(sti, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # NONBLOCK: a FIFO must not hang
    except FileNotFoundError:
        raise UlaeseligFil("filen findes ikke", f"opret {sti.name} eller ret stien") from None
    except OSError as e:
        aarsag = {
            errno.ENOTDIR: "en del af stien er ikke en mappe",
            errno.EACCES: "du har ikke adgang til den",
            errno.ELOOP: "et symbolsk link peger i ring",
            errno.ENAMETOOLONG: "navnet er for langt",
        }.get(e.errno or 0, "ukendt årsag")
        raise UlaeseligFil(
            f"filen kan ikke læses ({aarsag})", "tjek at stien er en fil, og at du har adgang til den"
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        art = next((navn for er, navn in _ARTER if er(info.st_mode)), "ikke en almindelig fil")
        raise UlaeseligFil(
            f"filen kan ikke læses (stien er {art}, ikke en almindelig fil)",
            "en datafil skal være en almindelig tekstfil; slet det, der står på stien, og gendan filen fra git",
        )
    with os.fdopen(fd, "rb") as f:
        fylder = info.st_size
        if fylder <= maks_bytes:
            raa = f.read(maks_bytes + 1)
            fylder = max(fylder, len(raa))
        if fylder > maks_bytes:
            raise UlaeseligFil(
                f"filen fylder {fylder / 1e6:.1f} MB; en datafil må højst fylde {maks_bytes / 1e6:.0f} MB",
                "del indholdet op, eller fjern det, der ikke hører til kataloget",
                1,
            )
    return raa


def visningsnavn(sti: Path) -> str:
    """Paths in messages are relative to the working directory when possible."""
    try:
        # The folder resolved, not the file: a message names the file as given, even a broken link.
        return str((sti.parent.resolve() / sti.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(sti)


def laes_yaml(sti: Path, visningsnavn: str | None = None, mappe: Path | None = None) -> YamlFil:
    """Load `sti`; every way it can fail becomes a located Problem in `problemer`, not an exception.

    `mappe` is the catalogue folder a symbolic link may point within (default: the file's folder)."""
    navn = visningsnavn or str(sti)
    fil = YamlFil(sti=sti, visningsnavn=navn)

    def problem(besked: str, hint: str | None, linje: int | None = None) -> YamlFil:
        fil.problemer.append(Problem(besked, hint, fil=navn, linje=linje))
        return fil

    try:
        raa = laes_datafil(sti, MAKS_BYTES, mappe)
    except UlaeseligFil as e:
        return problem(e.besked, e.hint, e.linje)
    try:
        tekst = raa.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return problem(
            f"linjen er ikke gemt som UTF-8 (byte 0x{raa[e.start]:02x} kan ikke læses)",
            "gem filen som UTF-8 i din editor; æ, ø og å skal gemmes som UTF-8",
            raa[: e.start].count(b"\n") + 1,
        )
    try:
        fil.rod = _hurtig(tekst)
    except (_Usaedvanlig, libyaml.YAMLError):
        return _med_ruamel(fil, tekst)
    return _afslut(fil)


def _med_ruamel(fil: YamlFil, tekst: str) -> YamlFil:
    """ruamel.yaml's round-trip loader: errors and unusual YAML, with located messages and its meanings."""

    def problem(besked: str, hint: str | None, linje: int | None = None) -> YamlFil:
        fil.problemer.append(Problem(besked, hint, fil=fil.visningsnavn, linje=linje))
        return fil

    try:
        fil.rod = _yaml().load(tekst)
    except ReaderError as e:
        return problem(
            f"tegnet U+{e.character:04X} er et usynligt styretegn og må ikke stå i teksten"
            if isinstance(e.character, int)
            else "filen indeholder et tegn, der ikke må stå i teksten",
            "slet tegnet (det følger ofte med, når tekst kopieres fra et andet program)",
            tekst[: e.position].count("\n") + 1 if isinstance(e.position, int) else None,
        )
    except DuplicateKeyError as e:
        m = re.search(r'duplicate key "(.*?)"', e.problem or "")
        noegle = f"feltet '{m.group(1)}'" if m else "et felt"
        return problem(
            f"{noegle} står to gange i samme blok",
            "slet eller omdøb den ene forekomst",
            e.problem_mark.line + 1 if e.problem_mark else None,
        )
    except MarkedYAMLError as e:
        besked, hint, mark = yaml_fejl_paa_dansk(e)
        return problem(f"YAML-syntaksfejl: {besked}", hint, mark.line + 1 if mark else None)
    except (YAMLError, ValueError, TypeError):  # a construction ruamel could not do
        return problem(
            "YAML-syntaksfejl: en værdi kan ikke læses", 'sæt værdien i anførselstegn; datoer skrives "ÅÅÅÅ-MM-DD"'
        )
    return _afslut(fil)


def _afslut(fil: YamlFil) -> YamlFil:
    """Both readers end here: the bound on aliases, then the plain copy (tags and odd types refused)."""
    fil.problemer += _graenser(fil)
    if not fil.problemer:
        fil.data, fundne = _plain(fil, fil.rod, ())
        fil.problemer += fundne
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
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                          |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
                          |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
                          |[-+]?\.(?:inf|Inf|INF)
                          |\.(?:nan|NaN|NAN))$""",
    re.X,
)
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
            try:
                return dt.date(int(v[:4]), int(v[5:7]), int(v[8:10]))
            except ValueError:
                return v  # not in the calendar (2014-02-30): text, as ruamel.yaml's reading here
        if _TIDSPUNKT.match(v):
            raise _Usaedvanlig(v)  # a time stamp: ruamel.yaml's own type
    if v in _SAERLIGE:
        raise _Usaedvanlig(v)
    return v


class ForStortTal:
    """A number written with too many digits to convert (`_MAKS_TALTEKST`): refused, located, by `_plain`."""

    __slots__ = ("tekst",)

    def __init__(self, tekst: str):
        self.tekst = tekst


def _heltal(v: str) -> int | ForStortTal:
    if len(v) > _MAKS_TALTEKST:
        return ForStortTal(v)
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


def _byg(node: libyaml.Node, bygget: dict[int, Any], dybde: int = 0) -> Any:
    """The node as Python objects. An alias is the same object again (as ruamel.yaml makes it),
    never a copy, so an alias bomb stays small here and `_graenser` measures it."""
    if id(node) in bygget:
        return bygget[id(node)]
    if dybde > MAKS_DYBDE:
        raise _Usaedvanlig("dybde")  # too deep, or an alias inside its own anchor: ruamel.yaml says where
    if isinstance(node, libyaml.ScalarNode):
        return _skalar(node)
    if isinstance(node, libyaml.SequenceNode):
        if node.tag != _SEQ:
            raise _Usaedvanlig(node.tag)
        liste, lc = _Liste(), _Placering()
        for nr, barn in enumerate(node.value):
            lc._pos[nr] = (barn.start_mark.line, barn.start_mark.column)
            liste.append(_byg(barn, bygget, dybde + 1))
        liste.lc = lc  # type: ignore[attr-defined]  # ruamel's attribute, so YamlFil.linje reads both
        bygget[id(node)] = liste
        return liste
    if node.tag != _MAP:
        raise _Usaedvanlig(node.tag)
    mapping, lc = _Map(), _Placering()
    for knude, vaerdi in node.value:
        if not isinstance(knude, libyaml.ScalarNode) or (knude.tag == _PLAIN and knude.value in _SAERLIGE):
            raise _Usaedvanlig(knude.tag)  # a complex key, or a merge key: ruamel.yaml merges
        noegle = _byg(knude, bygget, dybde + 1)
        if noegle in mapping:
            raise _Usaedvanlig(noegle)  # a key twice: ruamel.yaml reports it, with both lines
        lc._pos[noegle] = (knude.start_mark.line, knude.start_mark.column)
        mapping[noegle] = _byg(vaerdi, bygget, dybde + 1)
    mapping.lc = lc  # type: ignore[attr-defined]
    bygget[id(node)] = mapping
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
        return _byg(node, {})
    except (ValueError, TypeError, RecursionError) as e:  # anything odd: ruamel.yaml decides
        raise _Usaedvanlig(str(e)) from e


# ------------------------------------------------------------------ bounds on aliases


def _graenser(fil: YamlFil) -> list[Problem]:
    """Refuse a file whose aliases multiply it beyond `MAKS_VAERDIER` values (an alias bomb)."""
    stoerrelse: dict[int, int] = {}

    def maal(node: Any) -> int:
        if isinstance(node, str):
            return 1 + len(node) // _TEGN_PR_VAERDI
        if not isinstance(node, (dict, list)):
            return 1
        if id(node) in stoerrelse:  # the same object again: an alias, already measured
            return stoerrelse[id(node)]
        boern = node.values() if isinstance(node, dict) else node
        stoerrelse[id(node)] = 1 + sum(maal(b) for b in boern)  # depth is bounded by MAKS_DYBDE
        return stoerrelse[id(node)]

    if maal(fil.rod) <= MAKS_VAERDIER:
        return []
    # Point at the deepest place that still multiplies beyond the limit: where the aliases unfold.
    sti: tuple = ()
    node = fil.rod
    while isinstance(node, (dict, list)):
        boern = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        noegle, stoerst = max(boern, key=lambda kv: maal(kv[1]), default=(None, None))
        if stoerst is None or maal(stoerst) <= MAKS_VAERDIER // 10:
            break
        sti, node = sti + (noegle,), stoerst
    return [
        fil.problem(
            sti,
            f"aliasserne (*navn) folder data ud til mere end {MAKS_VAERDIER:,} værdier".replace(",", "."),
            "brug et alias til at genbruge en enkelt tekst, ikke til at gange data op",
        )
    ]


# ------------------------------------------------------------------ a plain copy


def uegnet_tekst(tekst: str) -> str | None:
    """What makes `tekst` unfit for the catalogue (a control character, a run of too many digits), or None."""
    m = _STYRETEGN.search(tekst)
    if m:
        return f"tegnet U+{ord(m.group(0)):04X}"
    langt = _LANGT_TAL.search(tekst)
    return f"et tal på {len(langt.group(0))} cifre" if langt else None


_STANDARD_MAERKE = "tag:yaml.org,2002:"
_TYPENAVNE = {bytes: "!!binary", set: "!!set"}


def _maerke(node: Any) -> str | None:
    """The YAML tag written on a node (!fed, !!python/…), shown as the editor wrote it."""
    tag = getattr(node, "tag", None)
    vaerdi = getattr(tag, "value", None) if tag is not None else None
    if not vaerdi:
        return None
    return "!!" + vaerdi[len(_STANDARD_MAERKE) :] if vaerdi.startswith(_STANDARD_MAERKE) else vaerdi


def _plain(fil: YamlFil, node: Any, sti: tuple) -> tuple[Any, list[Problem]]:
    """A copy with plain Python types only; tags, exotic YAML types, numbers beyond the bound and
    control characters written as escapes are problems at their line."""
    problemer: list[Problem] = []

    def tegn(tekst: str, sti: tuple) -> None:
        langt = _LANGT_TAL.search(tekst)
        if langt:
            problemer.append(
                fil.problem(
                    sti,
                    f"teksten har et tal på {len(langt.group(0))} cifre; et tal i en tekst har højst {MAKS_TEKSTCIFRE}",
                    "skriv tallet, som det står i kilden; et langt nummer (fx et kontonummer) skrives med mellemrum",
                )
            )
        m = _STYRETEGN.search(tekst)
        if m:
            problemer.append(
                fil.problem(
                    sti,
                    f"tegnet U+{ord(m.group(0)):04X} er et usynligt styretegn og må ikke stå i teksten",
                    "slet koden (fx \\e, \\x1b eller \\u0007) i anførselstegnene; skriv teksten med almindelige tegn",
                )
            )

    def kopi(node: Any, sti: tuple) -> Any:
        maerke = _maerke(node)
        if isinstance(node, TaggedScalar) and maerke == "!!str":
            return str(node.value)
        if maerke or isinstance(node, TaggedScalar):
            problemer.append(
                fil.problem(
                    sti,
                    f"YAML-mærket '{maerke}' bruges ikke i kataloget",
                    f"slet '{maerke}'; skal teksten begynde med !, så sæt den i anførselstegn",
                )
            )
            return None
        if isinstance(node, dict):
            ud = {}
            for k, v in node.items():
                if isinstance(k, str):
                    tegn(k, sti + (str(k),))
                if isinstance(k, (dict, list, tuple, set)):
                    problemer.append(
                        fil.problem(
                            sti,
                            "en nøgle skal være et feltnavn, ikke en liste eller blok",
                            "skriv feltnavnet efterfulgt af kolon, fx 'titel: …'",
                        )
                    )
                    continue
                ud[str(k)] = kopi(v, sti + (str(k),))
            return ud
        if isinstance(node, list):
            return [kopi(v, sti + (i,)) for i, v in enumerate(node)]
        if isinstance(node, str):
            tegn(node, sti)
            return str(node)
        if isinstance(node, bool) or node is None or isinstance(node, dt.date):
            return node
        if type(node).__name__ == "ScalarBoolean":  # an anchored true/false
            return bool(node)
        if isinstance(node, ForStortTal) or (isinstance(node, int) and abs(node) >= 10**MAKS_CIFRE):
            problemer.append(
                fil.problem(
                    sti,
                    f"tallet er for stort (et tal i kataloget har højst {MAKS_CIFRE} cifre)",
                    "skriv det rigtige tal (fx et sidetal eller et antal dage); skal værdien være tekst, så sæt den "
                    "i anførselstegn",
                )
            )
            return None
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            if not math.isfinite(node):
                problemer.append(
                    fil.problem(
                        sti,
                        "værdien er uendelig eller ikke et tal (.inf, .nan)",
                        "skriv et almindeligt tal; skal værdien være tekst, så sæt den i anførselstegn",
                    )
                )
                return None
            return float(node)
        navn = next(
            (n for t, n in _TYPENAVNE.items() if isinstance(node, t)),
            "!!set" if isinstance(node, (set, frozenset)) or "Set" in type(node).__name__ else "?",
        )
        problemer.append(
            fil.problem(
                sti,
                f"YAML-typen {navn} bruges ikke i kataloget"
                if navn != "?"
                else "værdien er ikke tekst, tal, ja/nej, en liste eller en blok",
                "skriv værdien som almindelig tekst, en liste eller en blok af felter",
            )
        )
        return None

    return kopi(node, sti), problemer


# ------------------------------------------------------------------ YAML errors in Danish

_HINT = "tjek indrykningen (mellemrum, 2 pr. niveau) og at tekst med ': ' står i anførselstegn eller som blok (|)"
_MARKERING = "sæt teksten i anførselstegn"

# (pattern on ruamel's problem text, what is wrong, hint). The first match wins; ruamel's
# English never reaches the editor.
_YAML_FEJL: list[tuple[str, str, str]] = [
    (
        r"found character '\\t' that cannot start any token|found a tab character",
        "et tabulatortegn er brugt til indrykning",
        "ryk ind med mellemrum (2 pr. niveau), ikke tabulator",
    ),
    (r"found character '(.)' that cannot start any token", "tegnet '{0}' kan ikke stå først i en værdi", _MARKERING),
    (
        r"mapping values are not allowed here",
        "et kolon med mellemrum efter (': ') kan ikke stå her",
        "står ': ' inde i en tekst, så sæt teksten i anførselstegn eller skriv den som blok (|); ellers tjek indrykningen",
    ),
    (r"sequence entries are not allowed here", "et listepunkt ('- ') kan ikke stå her", "tjek indrykningen af listen"),
    (r"mapping keys are not allowed here", "et '?' kan ikke stå her", _MARKERING),
    (
        r"found undefined alias '?([^' ]+)",
        "aliaset *{0} henviser til et anker (&{0}), der ikke findes",
        "ret navnet efter *, eller sæt &{0} ved den værdi, der skal genbruges",
    ),
    (
        r"unconstructable recursive node",
        "et alias henviser til sig selv (et *navn inde i den værdi, som &navn står ved)",
        "et alias kan kun genbruge en værdi, der er skrevet færdig",
    ),
    (
        r"maximum depth",
        f"data er indlejret for dybt (mere end {MAKS_DYBDE} niveauer af blokke og lister)",
        "kataloget bruger højst nogle få niveauer; tjek [ ] og {{ }} og indrykningen",
    ),
    (
        r"another document|single document",
        "filen indeholder mere end ét YAML-dokument (en linje med ---)",
        "slet linjen med --- eller ...",
    ),
    (
        r"unexpected end of stream",
        "filen slutter, før et anførselstegn eller en parentes er lukket",
        "luk anførselstegnet eller parentesen",
    ),
    (
        r"expected ',' or '\]'",
        "en liste i [ ] er ikke lukket, eller der mangler et komma",
        "luk listen med ] og sæt komma mellem punkterne",
    ),
    (
        r"expected ',' or '\}'",
        "en blok i {{ }} er ikke lukket, eller der mangler et komma",
        "luk blokken med } og sæt komma mellem felterne",
    ),
    (r"could not find expected ':'", "der mangler et kolon efter et feltnavn", "skriv 'feltnavn: værdi'"),
    (
        r"found unknown escape character",
        "en omvendt skråstreg (\\) i tekst i dobbelte anførselstegn kan ikke bruges her",
        "skriv \\\\ for en omvendt skråstreg, eller brug enkelte anførselstegn",
    ),
    (
        r"expected alphabetic or numeric character",
        "en værdi, der begynder med * eller &, skal have et navn efter tegnet",
        _MARKERING,
    ),
    (
        r"expected chomping or indentation indicators|expected indentation indicator",
        "efter | eller > må kun stå - , + eller et tal",
        "skriv teksten på de følgende linjer, rykket ind",
    ),
    (
        r"could not determine a constructor for the tag '?([^' ]+)",
        "YAML-mærket '{0}' bruges ikke i kataloget",
        "slet mærket",
    ),
    (
        r"expected <block end>|expected <block mapping end>|expected the node content|expected a comment or a line break",
        "linjen passer ikke ind i strukturen ovenover",
        _HINT,
    ),
    (
        r"block scalar|more indented follow up line",
        "en blok (|) er ikke rykket ensartet ind",
        "ryk alle linjer i blokken lige langt ind",
    ),
]


def yaml_fejl_paa_dansk(e: MarkedYAMLError) -> tuple[str, str, Any]:
    """ruamel's error → (what is wrong, hint, the mark to locate it by), in Danish."""
    tekst = f"{e.problem or ''} | {e.context or ''}"
    mark = e.problem_mark or e.context_mark
    if "end of stream" in tekst and e.context_mark is not None:
        mark = e.context_mark  # where the unclosed quote or bracket began
    for moenster, besked, hint in _YAML_FEJL:
        m = re.search(moenster, tekst)
        if m:
            return besked.format(*m.groups()), hint.format(*m.groups()), mark
    return "filen kan ikke læses som YAML her", _HINT, mark
