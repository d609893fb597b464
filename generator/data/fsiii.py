"""KL's Fælles Sprog III (FSIII): the codes an entry maps to, and the pinned code system they are checked against.

Every Danish care record visits and records help by FSIII codes, so a catalogue entry that
names its codes lets staff go from a citizen's visitation to the service level, and lets two
catalogues be matched service by service.

- `FsiiiKode` is one line of an entry's ``fsiii:`` list in the data: a code (the UUID, or
  its legacy code such as ``H1.8``), its FSIII name, and who made the mapping — the source
  (the catalogue itself names the code) or the editor (read from the code system's own
  definitions) — or, instead of a code, why the entry has none (``ingen: …``).
- `Kodesystem` is the pinned FHIR CodeSystem (KL's file, unchanged), read once: look-ups by
  UUID or legacy code, and the closest concepts by name for a hint.

The code system is found beside the repository (``../shared/fsiii/CodeSystem-FSIII.json``),
or where the environment variable ``KATALOG_FSIII`` points (a file or its folder).
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

MILJOEVARIABEL = "KATALOG_FSIII"
FILNAVN = "CodeSystem-FSIII.json"
STANDARD_MAPPE = Path(__file__).resolve().parents[3] / "shared" / "fsiii"
"""``../shared/fsiii/`` beside the repository (CI has ``shared/`` beside the clone too)."""

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# FHIR's ways of saying a concept is no longer to be used (concept properties).
_UDGAAET_STATUS = {"retired", "deprecated", "inactive"}

_Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Kode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class FsiiiKode(BaseModel):
    """One FSIII code of an entry, or the reason the entry has none.

    ``kode`` + ``navn`` + ``kortlagt_af`` (``redaktør``: the editor read it from FSIII's
    definitions; ``kilde``: the catalogue's source names the code), optionally
    ``begrundelse``; or ``ingen: <why no code fits>``.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    kode: _Kode | None = None
    navn: _Tekst | None = None
    kortlagt_af: Literal["redaktør", "kilde"] | None = None
    begrundelse: _Tekst | None = None
    ingen: _Tekst | None = None

    @model_validator(mode="after")
    def _kode_eller_ingen(self) -> FsiiiKode:
        if self.ingen is not None:
            if self.kode or self.navn or self.kortlagt_af or self.begrundelse:
                raise ValueError(
                    "'ingen' står alene: skriv enten en kode (kode, navn, kortlagt_af) eller 'ingen: <hvorfor>'"
                )
            return self
        if self.kode is None:
            raise ValueError("skriv 'kode' (FSIII-koden, fx UUID'en) eller 'ingen: <hvorfor ingen kode passer>'")
        mangler = [f for f in ("navn", "kortlagt_af") if getattr(self, f) is None]
        if mangler:
            raise ValueError(
                f"en FSIII-kode skal have {' og '.join(repr(f) for f in mangler)} "
                "(navn som i FSIII; kortlagt_af: redaktør eller kilde)"
            )
        return self


@dataclass(frozen=True)
class Begreb:
    """One FSIII concept: its UUID, its legacy code where the code system has one, name and place."""

    kode: str
    gammel_kode: str | None
    navn: str
    definition: str
    grupper: tuple[str, ...]
    """The names of the groups above it, outermost first (empty for a top-level group)."""
    udgaaet: bool
    er_gruppe: bool

    @property
    def hovedgruppe(self) -> str:
        return self.grupper[0] if self.grupper else self.navn

    @property
    def er_indsats(self) -> bool:
        """In one of FSIII's groups of interventions ("… indsatser"), not conditions, findings or scales."""
        return "indsats" in self.hovedgruppe.lower()

    @property
    def paragraf(self) -> tuple[str, int | None] | None:
        """The paragraph (and stk.) its nearest group names, e.g. ``("86", 2)`` for "§ 86 stk. 2 …"."""
        for navn in (self.navn, *reversed(self.grupper)):
            # "§ 83A", "§ 83 a" name a lettered paragraph; the "i" of "§ 112 i Serviceloven" does not.
            m = re.search(r"§\s*(\d+(?:\s?(?!i\b)[a-zA-Z])?)\b(?:,?\s*stk\.\s*(\d+))?", navn)
            if m:
                return paragraf_noegle(m.group(1)), int(m.group(2)) if m.group(2) else None
        return None

    @property
    def sti(self) -> str:
        return " › ".join((*self.grupper, self.navn))


def paragraf_noegle(paragraf: str) -> str:
    """``"83 a"``, ``"83a"`` and ``"83A"`` are one paragraph."""
    return paragraf.replace(" ", "").lower()


def normaliseret(navn: str) -> str:
    """A name as compared: case, spacing and ae/oe/aa for æ/ø/å do not matter (KL's file writes 'hjaelp')."""
    t = " ".join(navn.casefold().split())
    return t.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


class KodesystemFejl(Exception):
    """The code system cannot be read; the message says which file and why."""


@dataclass(frozen=True)
class Kodesystem:
    url: str
    version: str
    titel: str
    fil: Path
    begreber: tuple[Begreb, ...]
    _efter_kode: dict[str, Begreb]

    def slaa_op(self, kode: str) -> Begreb | None:
        """The concept a UUID or legacy code names (UUIDs in any case)."""
        return self._efter_kode.get(kode) or self._efter_kode.get(kode.lower())

    def naermeste(self, navn: str, antal: int = 3, kun_indsatser: bool = True) -> list[Begreb]:
        """The concepts whose names are closest to `navn` (difflib), current ones only."""
        kandidater = [b for b in self.begreber if not b.udgaaet and (b.er_indsats or not kun_indsatser)]
        efter_navn: dict[str, list[Begreb]] = {}
        for b in kandidater:
            efter_navn.setdefault(normaliseret(b.navn), []).append(b)
        maal = normaliseret(navn)
        navne = difflib.get_close_matches(maal, list(efter_navn), n=antal, cutoff=0.5)
        # Also names containing the word, e.g. "Madservice" for "Madservice/madudbringning".
        ord_ = [w for w in re.split(r"\W+", maal) if len(w) >= 4]
        for n in efter_navn:
            if len(navne) < antal and n not in navne and any(w in n.split() for w in ord_):
                navne.append(n)
        ud = [b for n in navne for b in efter_navn[n]]
        return ud[:antal]

    def naermeste_koder(self, kode: str, antal: int = 2) -> list[Begreb]:
        """Concepts whose code is closest to a mistyped `kode` (a changed digit in a UUID)."""
        koder = difflib.get_close_matches(kode.lower(), list(self._efter_kode), n=antal, cutoff=0.85)
        return list(dict.fromkeys(self._efter_kode[k] for k in koder))


def beskriv(b: Begreb) -> str:
    """A concept as a hint names it: name, UUID and legacy code, group."""
    koder = b.kode + (f", {b.gammel_kode}" if b.gammel_kode else "")
    gruppe = f" i '{b.grupper[-1]}'" if b.grupper else ""
    return f"'{b.navn}' ({koder}){gruppe}"


def fil(mappe_eller_fil: str | os.PathLike[str] | None = None) -> Path:
    """Where the code system is read from: the argument, ``$KATALOG_FSIII``, or ``../shared/fsiii/``."""
    valgt = mappe_eller_fil or os.environ.get(MILJOEVARIABEL) or STANDARD_MAPPE
    sti = Path(valgt)
    return sti / FILNAVN if sti.is_dir() else sti


def indlaes(mappe_eller_fil: str | os.PathLike[str] | None = None) -> Kodesystem:
    """The code system, read once per file (and again if the file changes)."""
    sti = fil(mappe_eller_fil).resolve()
    try:
        mtime = sti.stat().st_mtime_ns
    except OSError:
        raise KodesystemFejl(f"FSIII-kodesystemet findes ikke: {sti}") from None
    return _indlaes(sti, mtime)


@functools.lru_cache(maxsize=4)
def _indlaes(sti: Path, _mtime: int) -> Kodesystem:
    try:
        data = json.loads(sti.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KodesystemFejl(f"FSIII-kodesystemet {sti} kan ikke læses: {e}") from None
    if (
        not isinstance(data, dict)
        or data.get("resourceType") != "CodeSystem"
        or not isinstance(data.get("concept"), list)
    ):
        raise KodesystemFejl(f"{sti} er ikke et FHIR CodeSystem (resourceType CodeSystem med 'concept')")
    try:
        begreber = _begreber(data["concept"])
    except (KeyError, TypeError, AttributeError) as e:
        raise KodesystemFejl(f"{sti}: et begreb mangler 'code' eller 'display' ({e})") from None
    efter_kode: dict[str, Begreb] = {}
    for b in begreber:
        efter_kode.setdefault(b.kode, b)
        if b.gammel_kode:
            efter_kode.setdefault(b.gammel_kode, b)
    return Kodesystem(
        url=str(data.get("url", "")),
        version=str(data.get("version", "")),
        titel=str(data.get("title") or data.get("name") or "FSIII"),
        fil=sti,
        begreber=tuple(begreber),
        _efter_kode=efter_kode,
    )


def _udgaaet(c: dict[str, Any]) -> bool:
    for p in c.get("property", []) or []:
        kode = str(p.get("code", "")).lower()
        if kode == "status" and str(p.get("valueCode", "")).lower() in _UDGAAET_STATUS:
            return True
        if kode in ("inactive", "deprecated", "retired") and p.get("valueBoolean", True) is True:
            return True
    return False


def _gennemloeb(
    concepts: list[dict[str, Any]], grupper: tuple[str, ...] = ()
) -> Iterator[tuple[dict, tuple[str, ...]]]:
    for c in concepts:
        yield c, grupper
        yield from _gennemloeb(c.get("concept", []) or [], (*grupper, str(c["display"])))


def _samme_form(a: list[dict], b: list[dict]) -> bool:
    return len(a) == len(b) and all(
        x["display"] == y["display"] and _samme_form(x.get("concept", []) or [], y.get("concept", []) or [])
        for x, y in zip(a, b, strict=True)
    )


def _begreber(top: list[dict[str, Any]]) -> list[Begreb]:
    """The concepts, each UUID paired with its legacy code.

    KL's file holds the hierarchy twice: first with UUID codes, then the same tree in the same
    order with the legacy codes (``H1.8``). Where the two halves have the same shape they are
    paired concept by concept; otherwise every concept stands alone with its own code.
    """
    skel = next((i for i, c in enumerate(top) if not _UUID.match(str(c["code"]))), len(top))
    nye, gamle = top[:skel], top[skel:]
    if nye and _samme_form(nye, gamle):
        par = zip(_gennemloeb(nye), _gennemloeb(gamle), strict=True)
        return [
            Begreb(
                kode=str(c["code"]),
                gammel_kode=str(g["code"]),
                navn=str(c["display"]),
                definition=str(c.get("definition") or ""),
                grupper=grupper,
                udgaaet=_udgaaet(c) or _udgaaet(g),
                er_gruppe=bool(c.get("concept")),
            )
            for (c, grupper), (g, _) in par
        ]
    return [
        Begreb(
            kode=str(c["code"]),
            gammel_kode=None,
            navn=str(c["display"]),
            definition=str(c.get("definition") or ""),
            grupper=grupper,
            udgaaet=_udgaaet(c),
            er_gruppe=bool(c.get("concept")),
        )
        for c, grupper in _gennemloeb(top)
    ]
