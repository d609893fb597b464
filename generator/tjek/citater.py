"""Legal citations in Danish prose: find them, check them against the law registry, link them.

A citation is a ``§``/``§§`` followed by one or more paragraphs, each with an
optional stk. and nr., or a range (``§§ 83-86``). Its law is, in order:

1. a law name written right before it (``servicelovens § 86, stk. 2``,
   ``Lov om retssikkerhed og administration på det sociale område, §§ 15 og 16``);
2. a law name right after it (``§ 138 i sundhedsloven``);
3. the context's main law (`hovedlov`, declared in the data) for a bare ``§ 83``.

Something that looks like a law name but is not in the registry (``Lov om
Hundeskat § 3``) is an error, never silently bound to the main law. A bare ``§``
with no main law is an error too. A number without ``§`` after a law name
(``Lov om Social Service 151``) is not a citation; `tjek_citater` warns about it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import weakref
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from ..data.lovregister import Lovregister, paragraf_noegle
from ..problemer import Problem, advarsel, fejl

# ---------------------------------------------------------------- data


@dataclass
class Led:
    """One paragraph in a citation; `til` is the end of a range (``§§ 83-86``)."""

    paragraf: str
    stk: int | None = None
    nr: int | None = None
    til: str | None = None

    def tekst(self) -> str:
        t = self.paragraf + (f"-{self.til}" if self.til else "")
        if self.stk is not None:
            t += f", stk. {self.stk}"
        if self.nr is not None:
            t += f", nr. {self.nr}"
        return t


@dataclass
class Citat:
    start: int
    slut: int
    original: str
    lov_id: str | None
    led: list[Led]
    fejl: list[Problem] = field(default_factory=list)
    lovnavn: str | None = None
    """The law's name as written in the text (whitespace collapsed), or None for a bare §."""
    lovnavn_efter: bool = False
    """True for ``§ 138 i sundhedsloven`` (name after the paragraphs)."""

    @property
    def paragraffer(self) -> str:
        """The paragraph part in Danish drafting form: ``§ 94 a``, ``§§ 91 og 94``, ``§§ 83-86``."""
        if len(self.led) == 1 and self.led[0].til is None:
            return "§ " + self.led[0].tekst()
        dele = []
        for i, led in enumerate(self.led):
            if i:
                sidste = i == len(self.led) - 1
                forrige = self.led[i - 1]
                if sidste:
                    dele.append(", og " if (forrige.stk is not None or forrige.nr is not None) else " og ")
                else:
                    dele.append(", ")
            dele.append(led.tekst())
        return "§§ " + "".join(dele)

    @property
    def normaliseret(self) -> str:
        """The whole citation in drafting form, the law's name kept as it was written."""
        if self.lovnavn is None:
            return self.paragraffer
        if self.lovnavn_efter:
            return f"{self.paragraffer} i {self.lovnavn}"
        return f"{self.lovnavn} {self.paragraffer}"


# ---------------------------------------------------------------- patterns

_BOGSTAV = r"(?:\s?(?P<b>(?!i\b)[a-zæøå])(?![a-zæøå0-9]))?"
_PARA = r"(?P<p>\d+)" + _BOGSTAV
_ITEM = re.compile(r"\s*" + _PARA + r"(?:\s*,?\s*stk\.?\s*(?P<s>\d+))?(?:\s*,?\s*nr\.?\s*(?P<n>\d+))?", re.I)
_RANGE = re.compile(r"\s*[-–]\s*" + _PARA, re.I)
_SEP = re.compile(r"\s*(?P<sep>,?\s*(?:og|samt)(?=\s)|,)", re.I)
_PARAGRAFTEGN = re.compile(r"§§?")

_STOPORD = {"og", "eller", "samt", "jf", "jf.", "i", "efter", "til", "på", "med", "som", "om", "af", "for"}
_UKENDT_FOER = [
    re.compile(r"(?<!\w)(?P<navn>lov\s+om(?:\s+[\w.\-]+){1,8})\s*,?\s*$", re.I),
    re.compile(r"(?<!\w)(?P<navn>\w+lov(?:en|ens))\s*,?\s*$", re.I),
]
_UKENDT_EFTER = re.compile(r"\s+i\s+(?P<navn>\w+loven(?!\w)|lov\s+om(?:\s+[\w\-]+){1,6})", re.I)


@dataclass
class _Moenstre:
    navne: dict[str, str]  # casefolded, whitespace-collapsed form → law id
    foer: re.Pattern
    efter: re.Pattern
    uden_tegn: re.Pattern


_CACHE: weakref.WeakKeyDictionary[Lovregister, _Moenstre] = weakref.WeakKeyDictionary()


def _moenstre(register: Lovregister) -> _Moenstre:
    m = _CACHE.get(register)
    if m is None:
        former = register.navneformer()
        alt = "|".join(
            r"\s+".join(re.escape(d) for d in f.split()) for f in sorted({f for f, _ in former}, key=len, reverse=True)
        )
        m = _Moenstre(
            navne={" ".join(f.split()).casefold(): lov_id for f, lov_id in former},
            foer=re.compile(rf"(?<!\w)(?P<navn>{alt})\s*,?\s*$", re.I),
            efter=re.compile(rf"\s+i\s+(?P<navn>{alt})(?!\w)", re.I),
            uden_tegn=re.compile(rf"(?<!\w)(?P<navn>{alt})\s*,?\s+(?P<tal>\d{{1,3}})(?![\d§])(?![.,]\d)", re.I),
        )
        _CACHE[register] = m
    return m


def _samlet(navn: str) -> str:
    return " ".join(navn.split())


def _led(m: re.Match) -> Led:
    p = m.group("p") + (f" {m.group('b').lower()}" if m.group("b") else "")
    gd = m.groupdict()
    return Led(p, int(gd["s"]) if gd.get("s") else None, int(gd["n"]) if gd.get("n") else None)


# A dash after a paragraph with no paragraph after it: "§§ 83-" (an open range).
# A dash with spaces around it is a sentence's dash ("§ 83 – hjælp til …"), not a range.
_AABENT = re.compile(r"[-–](?=\s|$|[.,;:)])")
# "stk." right after a range: "§§ 83-86, stk. 9" (which paragraphs' stk. 9?).
_STK_EFTER_INTERVAL = re.compile(r"\s*,?\s*stk\.?\s*\d+(?:\s*,?\s*nr\.?\s*\d+)?", re.I)


def _laes_et(tekst: str, pos: int, led: list[Led], problemer: list[Problem]) -> int | None:
    """One paragraph (with stk./nr.) or range at `pos`, appended to `led`; the end, or None."""
    m = _ITEM.match(tekst, pos)
    if not m:
        return None
    led.append(_led(m))
    pos = m.end()
    r = _RANGE.match(tekst, pos)
    if r and led[-1].stk is None:
        led[-1].til = _led(r).paragraf
        pos = r.end()
        s = _STK_EFTER_INTERVAL.match(tekst, pos)
        if s:
            problemer.append(
                fejl(
                    "et interval kan ikke have stk.: det siger ikke, hvilken paragrafs stykke der menes",
                    f"skriv paragrafferne hver for sig, fx '§ {led[-1].paragraf}{s.group(0).rstrip()}, "
                    f"og § {led[-1].til}{s.group(0).rstrip()}'",
                )
            )
            pos = s.end()
    elif led[-1].stk is None and led[-1].nr is None:
        a = _AABENT.match(tekst, pos)
        if a:
            problemer.append(
                fejl(
                    "intervallet mangler sin sidste paragraf",
                    f"skriv fx '§§ {led[-1].paragraf}-{paragraf_noegle(led[-1].paragraf)[0] + 1}', "
                    f"eller fjern bindestregen",
                )
            )
            pos = a.end()
    return pos


def _laes_led(tekst: str, pos: int, flertal: bool) -> tuple[list[Led], int, list[Problem]] | None:
    """Parse the paragraphs after a § at `pos`. Returns (led, end, problems) or None if no number follows."""
    led: list[Led] = []
    problemer: list[Problem] = []
    slut = _laes_et(tekst, pos, led, problemer)
    if slut is None:
        return None
    pos = slut
    if not flertal:
        return led, pos, problemer
    while True:
        s = _SEP.match(tekst, pos)
        if not s:
            break
        slut = _laes_et(tekst, s.end(), led, problemer)
        if slut is None:
            break
        pos = slut
        if s.group("sep").strip(", ").lower() in ("og", "samt"):
            break  # "a, b og c": the item after "og" is the last
    return led, pos, problemer


def _lov_id(navn: str, moe: _Moenstre, register: Lovregister) -> str | None:
    lov_id = moe.navne.get(navn.casefold())
    if lov_id is None:
        lov = register.find_lov(navn)
        lov_id = lov.id if lov else None
    return lov_id


def _ukendt_navn_foer(forrest: str, moe: _Moenstre) -> re.Match | None:
    """Something that looks like a law's name right before a §, but is not in the registry."""
    for rx in _UKENDT_FOER:
        m = rx.search(forrest)
        if not m:
            continue
        ord_ = m.group("navn").split()
        if ord_[-1].casefold().rstrip(",") in _STOPORD or any(o.isdigit() for o in ord_):
            continue
        navn = _samlet(m.group("navn")).casefold()
        if any(navn.startswith(k) for k in moe.navne):
            continue  # a known name followed by other words: not a law name
        return m
    return None


# ---------------------------------------------------------------- API


def find_citater(tekst: str, hovedlov: str | None, register: Lovregister) -> list[Citat]:
    """Every citation in `tekst`, in order. See the module docstring for how a law is bound."""
    moe = _moenstre(register)
    ud: list[Citat] = []
    naeste = 0
    for tegn in _PARAGRAFTEGN.finditer(tekst):
        if tegn.start() < naeste:
            continue
        fundet = _laes_led(tekst, tegn.end(), flertal=tegn.group() == "§§")
        if fundet is None:
            continue
        led, slut, problemer = fundet
        start = tegn.start()
        lov_id: str | None = None
        lovnavn: str | None = None
        efter = False

        vindue_start = max(naeste, start - 200)
        forrest = tekst[vindue_start:start]
        m = moe.foer.search(forrest)
        if m:
            lovnavn = _samlet(m.group("navn"))
            lov_id = _lov_id(lovnavn, moe, register)
            start = vindue_start + m.start("navn")
        else:
            u = _ukendt_navn_foer(forrest, moe)
            if u:
                lovnavn = _samlet(u.group("navn"))
                start = vindue_start + u.start("navn")
                problemer.append(_ukendt_lov(lovnavn, register))
            else:
                e = moe.efter.match(tekst, slut)
                if e:
                    lovnavn, efter = _samlet(e.group("navn")), True
                    lov_id = _lov_id(lovnavn, moe, register)
                    slut = e.end()
                else:
                    e = _UKENDT_EFTER.match(tekst, slut)
                    if e:
                        lovnavn, efter = _samlet(e.group("navn")), True
                        slut = e.end()
                        problemer.append(_ukendt_lov(lovnavn, register))
                    elif hovedlov:
                        lov_id = hovedlov
                    else:
                        problemer.append(
                            fejl(
                                "paragraf uden lov og ingen hovedlov",
                                "skriv lovens navn foran §, fx '"
                                + (register.love[0].genitiv if register.love else "lovens")
                                + " § 1', eller angiv 'hovedlov' for afsnittet",
                            )
                        )

        for l in led:
            if l.til is not None and paragraf_noegle(l.til) <= paragraf_noegle(l.paragraf):
                problemer.append(
                    fejl(
                        f"intervallet § {l.paragraf}-{l.til} går ikke fremad",
                        "skriv intervallet med den laveste paragraf først, fx '§§ 83-86'",
                    )
                )
        ud.append(Citat(start, slut, tekst[start:slut], lov_id, led, problemer, lovnavn, efter))
        naeste = slut
    return ud


def _ukendt_lov(navn: str, register: Lovregister) -> Problem:
    return fejl(
        f"ukendt lov '{navn}'",
        f"brug et navn fra {register.filnavn} ("
        + ", ".join(f"'{lov.navne[0]}'" for lov in register.love[:4])
        + "), eller tilføj loven dér",
    )


def _om(hvad: str, p: Problem) -> Problem:
    return Problem(f"{hvad}: {p.besked}", p.hint, p.niveau)


def tjek_citater(
    tekst: str,
    hovedlov: str | None,
    register: Lovregister,
    dato: dt.date | None = None,
    maalgruppe: Collection[str] | None = None,
) -> list[Problem]:
    """Check every citation in `tekst` against the registry (problems without a location)."""
    ud: list[Problem] = []
    citater = find_citater(tekst, hovedlov, register)
    for c in citater:
        hvad = f"henvisningen '{c.original}'"
        ud += [_om(hvad, f) for f in c.fejl]
        if c.lov_id is None:
            continue
        for led in c.led:
            endepunkter = [(led.paragraf, led.stk, led.nr)]
            if led.til is not None:
                endepunkter.append((led.til, None, None))
            for p, stk, nr in endepunkter:
                ud += [_om(hvad, f) for f in register.tjek(c.lov_id, p, stk, nr, dato, maalgruppe)]
    # A law's name followed by a number but no §: "Lov om Social Service 151".
    dækket = _Spaend([(c.start, c.slut) for c in citater])
    for m in _moenstre(register).uden_tegn.finditer(tekst):
        if dækket.rammer(m.start(), m.start() + 1):
            continue
        ud.append(
            advarsel(
                f"'{_samlet(m.group(0))}' ligner en lovhenvisning uden §",
                f"skriv '{_samlet(m.group('navn'))} § {m.group('tal')}', hvis det er en paragraf",
            )
        )
    return list(dict.fromkeys(ud))


class _Spaend:
    """Sorted, non-overlapping spans of a text; does a range touch one? (log n, not a scan of all)."""

    def __init__(self, spaend: list[tuple[int, int]]):
        self._starter = [a for a, _ in spaend]
        self._slutter = [b for _, b in spaend]

    def rammer(self, start: int, slut: int) -> bool:
        # The last span beginning before `slut` ends last of those (they do not overlap).
        i = bisect.bisect_left(self._starter, slut) - 1
        return i >= 0 and self._slutter[i] > start


# Markdown the linker must not touch: code, existing links, autolinks, bare URLs, HTML links.
_BESKYTTET = re.compile(
    r"```.*?```|~~~.*?~~~|`[^`\n]*`"
    r"|!?\[[^\]\n]*\]\([^)\n]*\)|!?\[[^\]\n]*\]\[[^\]\n]*\]"
    r"|<a\b.*?</a>|<https?://[^>\s]*>|https?://[^\s)\]]+",
    re.S | re.I,
)


_CITAT_TEGN = ('"', "»", "«", "“", "”", "„")


def _ens_navn(c: Citat, register: Lovregister, tekst: str) -> str:
    """The citation with the law's name as its title writes it, where it was written with other
    capitals ("Lov om Social Service" → "Lov om social service"): one name for one law on a page.
    Other forms (serviceloven) are kept, and so is a quotation of the source (inside quotes)."""
    lov = register.lov(c.lov_id) if c.lov_id else None
    if lov is None or c.lovnavn is None or c.lovnavn == lov.titel:
        return c.normaliseret
    if " ".join(c.lovnavn.split()).casefold() != lov.titel.casefold() or tekst[: c.start].rstrip().endswith(
        _CITAT_TEGN
    ):
        return c.normaliseret
    return replace(c, lovnavn=c.lovnavn[:1] + lov.titel[1:]).normaliseret


def ens_lovnavne(tekst: str, register: Lovregister) -> str:
    """Markdown with every mention of a law's title written with other capitals outside a citation
    ("målsætningen i Lov om Social Service") as the title writes it (the first letter as written),
    except in code, links and quotations: the same law has one name on a page."""
    for lov in register.love:
        beskyttet = _Spaend([(m.start(), m.end()) for m in _BESKYTTET.finditer(tekst)])
        moenster = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, lov.titel.split())) + r"(?!\w)", re.I)

        def erstat(m: re.Match, titel: str = lov.titel, beskyttet: _Spaend = beskyttet, foer: str = tekst) -> str:
            if beskyttet.rammer(m.start(), m.end()) or foer[: m.start()].rstrip().endswith(_CITAT_TEGN):
                return m.group(0)
            return m.group(0)[:1] + titel[1:]

        tekst = moenster.sub(erstat, tekst)
    return tekst


def link_citater(tekst: str, hovedlov: str | None, register: Lovregister, dato: str | None = None) -> str:
    """Markdown with each citation replaced by its normalised form, linked to the law.

    ``jf. Lov om Social Service § 94a`` → ``jf. [Lov om Social Service § 94 a](https://…/eli/lta/2014/254)``.
    Text inside code or an existing link is left alone, so running it twice links nothing twice.
    A citation with an error (unknown law, no law) is left exactly as written; one whose
    law has no address is normalised but not linked. With the revision's `dato`, a link to a later
    act than the one in force then is followed by a note saying so (`Lovregister.senere_udgave`).
    """
    beskyttet = _Spaend([(m.start(), m.end()) for m in _BESKYTTET.finditer(tekst)])
    dele: list[str] = []
    pos = 0
    for c in find_citater(tekst, hovedlov, register):
        if c.fejl or c.lov_id is None:
            continue
        if beskyttet.rammer(c.start, c.slut):
            continue
        # One paragraph whose anchor the registry knows: the link goes to it; else to the whole
        # law, and the link's title says so.
        eneste = c.led[0].paragraf if len(c.led) == 1 and c.led[0].til is None else None
        url = register.url(c.lov_id, eneste)
        if url and not register.til_paragraffen(c.lov_id, eneste):
            url += f' "{register.HELE_LOVEN_KORT}"'
        dele.append(tekst[pos : c.start])
        navn = _ens_navn(c, register, tekst)
        dele.append(f"[{navn}]({url})" if url else navn)
        if url and register.senere_udgave(c.lov_id, dato):
            dele.append(f" ({register.SENERE_UDGAVE})")
        pos = c.slut
    dele.append(tekst[pos:])
    return "".join(dele)
