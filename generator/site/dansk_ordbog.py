"""The Danish dictionary (hunspell da_DK, Debian package ``hunspell-da``) for the search's typo rule.

The search box corrects a word it does not know to a catalogue word one typo away
(overrides/assets/javascripts/soegeforstaaelse.js). A right Danish word the catalogue happens not
to use ("bragt") must never be "corrected" ("brugt"): this module finds, at build time, every
dictionary word one typo away from a catalogue word, and the search's dictionary file lists them as
known (``dansk``), so they are searched as typed. Only those few words travel to the browser, not
the dictionary's million forms.

The dictionary's forms are its stems with their suffix and prefix rules applied (one suffix, its
continuation, one prefix: how hunspell forms a word); hunspell's free compounding is not applied,
a compound the dictionary does not list is split by the search itself. A missing dictionary is a
clear message (``Mangler``): the build stops under --strict, or degrades explicitly with
``KATALOG_HUNSPELL=ingen`` (the search then knows only the catalogue's own words).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

STI = Path("/usr/share/hunspell/da_DK")  # .dic and .aff
INGEN = "ingen"
BOGSTAVER = "abcdefghijklmnopqrstuvwxyzæøåéüöä"
MIN_TYPO = 5  # as soegeforstaaelse.js MIN_TYPO: shorter words are never corrected
MIN_KANDIDAT = MIN_TYPO - 1


class Mangler(Exception):
    """The dictionary is not installed (or not readable): what to do about it, in Danish."""


@dataclass(frozen=True)
class _Regel:
    fjern: str
    tilfoej: str
    flag: tuple[str, ...]
    betingelse: re.Pattern[str]


def sti() -> Path | None:
    """The dictionary's path without suffix, or None when KATALOG_HUNSPELL=ingen."""
    v = os.environ.get("KATALOG_HUNSPELL", "")
    if v == INGEN:
        return None
    return Path(v) if v else STI


def _flag(tekst: str, numerisk: bool) -> tuple[str, ...]:
    if not tekst:
        return ()
    return tuple(tekst.split(",")) if numerisk else tuple(tekst)


def _laes_aff(aff: Path) -> tuple[dict[str, tuple[bool, bool, list[_Regel]]], set[str], bool]:
    """Affix classes: flag → (suffix?, cross product?, rules); and the flags a stem may not stand alone with."""
    linjer = aff.read_text(encoding="utf-8").splitlines()
    numerisk = any(re.match(r"FLAG\s+num\b", x) for x in linjer)
    klasser: dict[str, tuple[bool, bool, list[_Regel]]] = {}
    ikke_alene: set[str] = set()
    for x in linjer:
        d = x.split()
        if len(d) >= 2 and d[0] in ("NEEDAFFIX", "ONLYINCOMPOUND", "FORBIDDENWORD"):
            ikke_alene.add(d[1])
        if len(d) == 4 and d[0] in ("SFX", "PFX") and d[2] in ("Y", "N"):
            klasser[d[1]] = (d[0] == "SFX", d[2] == "Y", [])
        elif len(d) >= 5 and d[0] in ("SFX", "PFX") and d[1] in klasser:
            tilfoej, _, flag = d[3].partition("/")
            betingelse = d[4] if d[4] != "." else ""
            moenster = f"{betingelse}$" if d[0] == "SFX" else f"^{betingelse}"
            klasser[d[1]][2].append(
                _Regel(
                    "" if d[2] == "0" else d[2],
                    "" if tilfoej == "0" else tilfoej,
                    _flag(flag, numerisk),
                    re.compile(moenster),
                )
            )
    return klasser, ikke_alene, numerisk


def _anvend(ord_: str, regel: _Regel, suffiks: bool) -> str | None:
    if not regel.betingelse.search(ord_):
        return None
    if suffiks:
        if regel.fjern and not ord_.endswith(regel.fjern):
            return None
        return ord_[: len(ord_) - len(regel.fjern)] + regel.tilfoej
    if regel.fjern and not ord_.startswith(regel.fjern):
        return None
    return regel.tilfoej + ord_[len(regel.fjern) :]


@lru_cache(maxsize=2)
def _former(grundsti: str) -> frozenset[str]:
    """Every form of the dictionary (lower case)."""
    dic, aff = Path(grundsti + ".dic"), Path(grundsti + ".aff")
    try:
        klasser, ikke_alene, numerisk = _laes_aff(aff)
        linjer = dic.read_text(encoding="utf-8").splitlines()[1:]
    except OSError as e:
        raise Mangler(
            f"den danske ordbog mangler ({dic}: {e.strerror}). Søgningen bruger den, så et rigtigt dansk ord "
            "aldrig 'rettes' til et andet (hint: apt-get install hunspell-da, eller KATALOG_HUNSPELL=sti/da_DK "
            f"uden .dic; KATALOG_HUNSPELL={INGEN} bygger uden, og søgefeltet kender så kun katalogets egne ord)"
        ) from None
    ud: set[str] = set()
    for linje in linjer:
        felt = linje.split(None, 1)[0] if linje.strip() else ""
        if not felt or felt.startswith("#"):
            continue
        stamme, _, flagtekst = felt.partition("/")
        flag = _flag(flagtekst, numerisk)
        stamme = stamme.lower()
        if not ikke_alene.intersection(flag):
            ud.add(stamme)
        suffikser: list[tuple[str, bool]] = []
        for f in flag:
            k = klasser.get(f)
            if not k or not k[0]:
                continue
            for r in k[2]:
                form = _anvend(stamme, r, True)
                if form is None:
                    continue
                ud.add(form)
                suffikser.append((form, k[1]))
                for f2 in r.flag:  # a suffix's own continuation (twofold suffixes)
                    k2 = klasser.get(f2)
                    if k2 and k2[0]:
                        for r2 in k2[2]:
                            form2 = _anvend(form, r2, True)
                            if form2 is not None:
                                ud.add(form2)
        for f in flag:
            k = klasser.get(f)
            if not k or k[0]:
                continue
            for r in k[2]:
                form = _anvend(stamme, r, False)
                if form is not None:
                    ud.add(form)
                    if k[1]:
                        for s, kryds in suffikser:
                            if kryds and (p := _anvend(s, r, False)):
                                ud.add(p)
    return frozenset(ud)


def varianter(ord_: str) -> Iterable[str]:
    """Every string one typo from `ord_` (substitution, insertion, deletion, two letters swapped)."""
    n = len(ord_)
    for i in range(n + 1):
        for b in BOGSTAVER:
            yield ord_[:i] + b + ord_[i:]
        if i < n:
            yield ord_[:i] + ord_[i + 1 :]
            for b in BOGSTAVER:
                if b != ord_[i]:
                    yield ord_[:i] + b + ord_[i + 1 :]
            if i + 1 < n:
                yield ord_[:i] + ord_[i + 1] + ord_[i] + ord_[i + 2 :]


def beskyttede(katalogets_ord: Iterable[str]) -> list[str] | None:
    """The Danish words one typo from a catalogue word that the catalogue does not use itself: the
    words the search would otherwise 'correct'. None when built without the dictionary
    (KATALOG_HUNSPELL=ingen); Mangler when it is missing."""
    grund = sti()
    if grund is None:
        return None
    kendte = set(katalogets_ord)
    ud: set[str] = set()
    for v in kendte:
        if len(v) >= MIN_KANDIDAT:
            ud.update(w for w in _danske_naboer(str(grund), v) if w not in kendte)
    return sorted(ud)


@lru_cache(maxsize=100_000)
def _danske_naboer(grundsti: str, ord_: str) -> tuple[str, ...]:
    """The Danish words one typo from `ord_`: kept per word, so a rebuild under serve looks up only
    the words the editor's save added (listing them all costs most of a second)."""
    former = _former(grundsti)
    return tuple({w for w in varianter(ord_) if len(w) >= MIN_TYPO and w in former})
