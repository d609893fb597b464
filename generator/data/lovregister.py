"""The law registry (data/love.yaml): which laws exist, what they are called, which § they have.

Every legal citation in the catalogue, structured (`Henvisning`) or in prose
(`citater`), is checked against this registry: an unknown law, a paragraph the
law does not have, a stk. beyond the paragraph's last, a paragraph not in force
on the revision's date. Facts in the registry carry their source (`kilde`) and
whether that source was actually read (`bekræftet`), so an editor can tell a
checked fact from a placeholder.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
from collections.abc import Collection
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from ..formater import dansk_dato
from ..problemer import Problem, advarsel, fejl
from .schema import Dato, LovId, Model, Paragraf, Tekst, Titel, dato_som_date
from .valider import valider
from .yamlfil import YamlFil

ELI_RE = re.compile(r"^https://www\.retsinformation\.dk/eli/lta/\d{4}/\d+$")


def normaliser_paragraf(p: str) -> str:
    """``"94a"`` / ``"94 A"`` / ``" 94  a "`` → ``"94 a"``; other input is returned stripped."""
    m = re.fullmatch(r"\s*(\d+)\s*([A-Za-zæøåÆØÅ])?\s*", p)
    if not m:
        return p.strip()
    return m.group(1) + (f" {m.group(2).lower()}" if m.group(2) else "")


def paragraf_noegle(p: str) -> tuple[int, str]:
    """Sort key: 83 < 83 a < 83 b < 84."""
    m = re.match(r"(\d+)\s*([a-zæøå]?)", normaliser_paragraf(p))
    return (int(m.group(1)), m.group(2)) if m else (10**9, p)


def periodens_sidste_dag(dato: str) -> dt.date:
    """Last day of the period a `Dato` names: ``2014-05`` → 2014-05-31, ``2014`` → 2014-12-31."""
    dele = [int(x) for x in dato.split("-")]
    if len(dele) == 3:
        return dt.date(*dele)
    if len(dele) == 1:
        return dt.date(dele[0], 12, 31)
    naeste = dt.date(dele[0] + dele[1] // 12, dele[1] % 12 + 1, 1)
    return naeste - dt.timedelta(days=1)


_AKT_DATO = re.compile(r"\baf (\d{1,2})/(\d{1,2})/(\d{4})\b")
_ELI_AAR = re.compile(r"/eli/lta/(\d{4})/")


def _navnenoegle(navn: str) -> str:
    """Name forms are matched case-insensitively and with whitespace collapsed."""
    return " ".join(navn.split()).casefold().rstrip(",")


# ---------------------------------------------------------------- models


class Akt(Model):
    """The version of the law the catalogue links to (a consolidated act, LBK, or the act, LOV)."""

    betegnelse: Tekst | None
    eli: Annotated[str, StringConstraints(pattern=r"^https://")] | None
    verificeret: Dato | None = None
    """The date the ELI address was last opened and seen to work; null if never checked live."""
    bekræftet: bool
    """True only if `betegnelse` stands in a source that was actually read."""
    kilde: Tekst

    @field_validator("eli")
    @classmethod
    def _eli_form(cls, v: str | None) -> str | None:
        if v is not None and not ELI_RE.match(v):
            raise ValueError(
                f"ELI-adressen skal have formen https://www.retsinformation.dk/eli/lta/ÅR/NUMMER; fik {v!r}"
            )
        return v

    def udstedt(self) -> dt.date | None:
        """The earliest day the act can be from: its date in `betegnelse` ("af 13/03/2024"),
        else 1 January of the year in its ELI address; None if neither says."""
        if self.betegnelse and (m := _AKT_DATO.search(self.betegnelse)):
            dag, maaned, aar = (int(x) for x in m.groups())
            try:
                return dt.date(aar, maaned, dag)
            except ValueError:
                pass
        if self.eli and (m := _ELI_AAR.search(self.eli)):
            return dt.date(int(m.group(1)), 1, 1)
        return None


class StkAendring(Model):
    """From `fra`, the paragraph has `stk` stykker."""

    fra: Dato
    stk: Annotated[int, Field(ge=1)]
    kilde: Tekst


class Erstatning(Model):
    """From `fra`, the paragraph does not apply to persons covered by the law `af`."""

    fra: Dato
    af: LovId
    i_stedet: list[Paragraf] = []
    """The paragraphs of `af` to cite instead, for persons covered by it."""
    bekræftet: bool = False
    kilde: Tekst


class LovParagraf(Model):
    nr: Paragraf
    stk: Annotated[int, Field(ge=1)] | None = None
    """Highest stk. number in the `akt` version; None if unknown."""
    stk_senere: list[StkAendring] = []
    gyldig_fra: Dato | None = None
    gyldig_til: Dato | None = None
    """Last day the paragraph is in force."""
    erstattet_for_ældre: Erstatning | None = None
    anker: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_:.-]{0,100}$")] | None = None
    """The paragraph's own anchor on the act's page (``id…`` at retsinformation), only where it has
    been seen there: a link to the paragraph is the act's address + ``#anker``. Without it a link
    goes to the whole act, and the page says so (`Lovregister.HELE_LOVEN`)."""
    bekræftet: bool = False
    kilde: Tekst | None = None

    @model_validator(mode="after")
    def _datoer(self) -> LovParagraf:
        if self.gyldig_fra and self.gyldig_til and dato_som_date(self.gyldig_fra) > dato_som_date(self.gyldig_til):
            raise ValueError(f"gyldig_fra ({self.gyldig_fra}) ligger efter gyldig_til ({self.gyldig_til})")
        fra = [dato_som_date(a.fra) for a in self.stk_senere]
        if fra != sorted(fra) or len(set(fra)) != len(fra):
            raise ValueError("stk_senere skal stå i datoorden, én linje pr. dato")
        if self.stk_senere and self.stk is None:
            raise ValueError("stk_senere kræver 'stk' (antal stykker i den oprindelige udgave)")
        return self

    def max_stk(self, dato: dt.date | None) -> int | None:
        """Highest stk. on `dato`; without a date, the highest in any known version."""
        if self.stk is None:
            return None
        if dato is None:
            return max([self.stk] + [a.stk for a in self.stk_senere])
        gaeldende = self.stk
        for a in self.stk_senere:
            if dato_som_date(a.fra) <= dato:
                gaeldende = a.stk
        return gaeldende


class Lov(Model):
    id: LovId
    titel: Titel
    genitiv: Tekst
    navne: Annotated[list[Tekst], Field(min_length=1)]
    """Every form people write; the first is the one used in running text."""
    gyldig_fra: Dato | None = None
    akt: Akt | None = None
    paragraffer: list[LovParagraf] = []

    def paragraf(self, nr: str) -> LovParagraf | None:
        nr = normaliser_paragraf(nr)
        return next((p for p in self.paragraffer if p.nr == nr), None)


class LoveFil(Model):
    love: Annotated[list[Lov], Field(min_length=1)]


# ---------------------------------------------------------------- registry


class Lovregister:
    """Look-ups and checks over the validated registry."""

    def __init__(self, fil: LoveFil, filnavn: str = "love.yaml"):
        self.fil = fil
        self.filnavn = filnavn
        """The registry's file as read (``data/love.yaml``, ``examples/…/love.yaml``), for hints."""
        self.love: list[Lov] = list(fil.love)
        self._efter_id = {lov.id: lov for lov in self.love}
        self._efter_navn: dict[str, Lov] = {}
        for lov in self.love:
            for form in self._former(lov):
                self._efter_navn.setdefault(_navnenoegle(form), lov)

    @staticmethod
    def _former(lov: Lov) -> list[str]:
        """Written forms of a law's name: listed names, id, genitive, and each name + -s."""
        former = [*lov.navne, lov.id, lov.genitiv]
        former += [f + "s" for f in list(former) if not f.endswith("s")]
        return list(dict.fromkeys(former))

    def navneformer(self) -> list[tuple[str, str]]:
        """(name form, law id) for every form `find_lov` knows; used to find citations in prose."""
        return [(form, lov.id) for lov in self.love for form in self._former(lov)]

    def lov(self, lov_id: str) -> Lov | None:
        return self._efter_id.get(lov_id)

    def find_lov(self, navn: str) -> Lov | None:
        """The law a written name refers to (any listed form, case-insensitive, genitive too)."""
        return self._efter_navn.get(_navnenoegle(navn))

    def paragraf(self, lov_id: str, nr: str) -> LovParagraf | None:
        lov = self.lov(lov_id)
        return lov.paragraf(nr) if lov else None

    def navn_i_tekst(self, lov_id: str, genitiv: bool = False) -> str:
        """The law's name for running text: ``serviceloven`` / ``servicelovens``."""
        lov = self.lov(lov_id)
        if lov is None:
            return lov_id
        return lov.genitiv if genitiv else lov.navne[0]

    SENERE_UDGAVE = "links til en senere udgave af loven"
    """What a page says next to a link to a later act than the one in force (`senere_udgave`)."""

    def senere_udgave(self, lov_id: str, dato: str | dt.date | None) -> bool:
        """Does the law's link (`akt`) go to an act issued after `dato`, the revision's date?

        Then it cannot be the act that was in force then, and the page must say so. The act's
        date comes from `betegnelse` or the ELI address's year; a revision date names a period
        ("2014-05": all of May), and only an act issued after the whole period counts as later.
        `bekræftet: false` alone proves nothing either way, so an undated or earlier act is not
        called later.
        """
        lov = self.lov(lov_id)
        if lov is None or lov.akt is None or lov.akt.eli is None or dato is None:
            return False
        udstedt = lov.akt.udstedt()
        if udstedt is None:
            return False
        slut = dato if isinstance(dato, dt.date) else periodens_sidste_dag(dato)
        return udstedt > slut

    HELE_LOVEN = "Lovhenvisningerne linker til hele loven: kataloget kender ikke paragraffens eget sted i lovteksten."
    """What a page says once below citation links that cannot go to their paragraph (no `anker`)."""
    HELE_LOVEN_KORT = "hele loven"
    """The same as a link's title in running text."""

    def url(self, lov_id: str, paragraf: str | None = None) -> str | None:
        """Link to the law on retsinformation.dk (its ELI address), to `paragraf` itself where the
        registry knows its anchor (`LovParagraf.anker`). None when the registry has no address."""
        lov = self.lov(lov_id)
        if lov is None or lov.akt is None or lov.akt.eli is None:
            return None
        p = lov.paragraf(paragraf) if paragraf else None
        return f"{lov.akt.eli}#{p.anker}" if p and p.anker else lov.akt.eli

    def til_paragraffen(self, lov_id: str, paragraf: str | None) -> bool:
        """Does a link to `paragraf` of the law go to the paragraph itself (not the whole law)?"""
        p = self.paragraf(lov_id, paragraf) if paragraf else None
        return bool(p and p.anker and self.url(lov_id))

    def _naere(self, lov: Lov, nr: str, antal: int = 3) -> list[str]:
        alle = sorted((p.nr for p in lov.paragraffer), key=paragraf_noegle)
        if not alle:
            return []
        i = bisect.bisect_left([paragraf_noegle(p) for p in alle], paragraf_noegle(nr))
        return alle[max(0, i - antal) : i + antal]

    def tjek(
        self,
        lov_id: str,
        paragraf: str,
        stk: int | None = None,
        nr: int | None = None,
        dato: dt.date | None = None,
        maalgruppe: Collection[str] | None = None,
    ) -> list[Problem]:
        """Check one citation. The problems are not located: the caller knows where the citation stands.

        `maalgruppe` is the laws the catalogue's target group is helped under (None: not stated): a
        law-transition rule (`erstattet_for_ældre`) concerns the catalogue only when its group is
        covered by the new law."""
        ud: list[Problem] = []
        fil = self.filnavn
        lov = self.lov(lov_id)
        if lov is None:
            kendte = [x.id for x in self.love]
            forslag = difflib.get_close_matches(lov_id, kendte, n=1, cutoff=0.6)
            hint = f"mente du '{forslag[0]}'? " if forslag else ""
            return [
                fejl(
                    f"ukendt lov '{lov_id}'",
                    hint + f"brug en nøgle fra {fil}: " + ", ".join(kendte) + " — eller tilføj loven dér",
                )
            ]
        nr_norm = normaliser_paragraf(paragraf)
        navn = f"{lov.genitiv} § {nr_norm}"
        if dato is not None and lov.gyldig_fra and dato < dato_som_date(lov.gyldig_fra):
            ud.append(
                fejl(
                    f"{lov.navne[0]} trådte først i kraft {dansk_dato(dato_som_date(lov.gyldig_fra))}; "
                    f"henvisningen gælder {dansk_dato(dato)}",
                    "henvis til den lov, der gjaldt på revisionens dato",
                )
            )
        p = lov.paragraf(nr_norm)
        if p is None:
            naere = self._naere(lov, nr_norm)
            hint = "registret har " + ", ".join(f"§ {x}" for x in naere) + " i nærheden; " if naere else ""
            ud.append(
                fejl(
                    f"{navn} findes ikke i {lov.titel} (ifølge {fil})",
                    hint + f"ret paragraffen, eller tilføj den i {fil} med kilde",
                )
            )
            return ud
        if dato is not None:
            if p.gyldig_fra and dato < dato_som_date(p.gyldig_fra):
                ud.append(
                    fejl(
                        f"{navn} gælder først fra {dansk_dato(dato_som_date(p.gyldig_fra))}; "
                        f"henvisningen gælder {dansk_dato(dato)}",
                        f"ret paragraffen til den, der gjaldt på revisionens dato (se 'kilde' ved § {nr_norm} i {fil})",
                    )
                )
            if p.gyldig_til and dato > dato_som_date(p.gyldig_til):
                ud.append(
                    fejl(
                        f"{navn} gælder kun til og med {dansk_dato(dato_som_date(p.gyldig_til))}; "
                        f"henvisningen gælder {dansk_dato(dato)}",
                        f"henvis til den bestemmelse, der afløste den (se 'kilde' ved § {nr_norm} i {fil})",
                    )
                )
        if stk is not None:
            maks = p.max_stk(dato)
            if maks is not None and stk > maks:
                naar = f" pr. {dansk_dato(dato)}" if dato else ""
                har = "ét stykke" if maks == 1 else f"stk. 1-{maks}"
                ud.append(
                    fejl(
                        f"{navn} har kun {har}{naar}; stk. {stk} findes ikke",
                        f"ret stykket, eller ret 'stk' i {fil} hvis paragraffen er ændret",
                    )
                )
        if nr is not None and stk is None:
            ud.append(
                fejl(f"{navn}, nr. {nr}: 'nr.' uden 'stk.' er tvetydigt", "angiv stykket, fx '§ 83, stk. 1, nr. 2'")
            )
        e = p.erstattet_for_ældre
        if (
            e is not None
            and dato is not None
            and dato >= dato_som_date(e.fra)
            and (maalgruppe is None or e.af in maalgruppe)
        ):
            af = self.navn_i_tekst(e.af)
            ny = self.lov(e.af)
            numre = e.i_stedet
            i_stedet = (
                (ny.genitiv if ny else af)
                + (f" § {numre[0]}" if len(numre) == 1 else f" §§ {', '.join(numre[:-1])} eller {numre[-1]}")
                if numre
                else af
            )
            ud.append(
                advarsel(
                    f"{navn} gælder fra {dansk_dato(dato_som_date(e.fra))} ikke for personer omfattet af {af}; "
                    f"henvis til {i_stedet}",
                    f"gælder indsatsen personer omfattet af {af}, skal lovgrundlaget være {i_stedet}; "
                    "er kataloget for andre borgere, så sig det under 'målgruppe' i katalog.yaml "
                    f"(fx love: [{lov.id}])" + ("" if e.bekræftet else " (oplysningen er ikke bekræftet)"),
                )
            )
        return ud


# ---------------------------------------------------------------- reading


def _tjek_dubletter(fil: YamlFil) -> list[Problem]:
    """Checks pydantic cannot do: the same law id, name form or paragraph twice."""
    data = fil.data
    if not isinstance(data, dict) or not isinstance(data.get("love"), list):
        return []
    ud: list[Problem] = []
    navn = fil.visningsnavn
    set_id: dict[str, int] = {}
    set_navn: dict[str, tuple[str, str]] = {}
    for i, lov in enumerate(data["love"]):
        if not isinstance(lov, dict):
            continue
        lov_id = lov.get("id")
        post = str(lov_id) if lov_id is not None else f"lov nr. {i + 1}"
        if isinstance(lov_id, str):
            if lov_id in set_id:
                ud.append(
                    Problem(
                        f"loven '{lov_id}' står to gange (første gang som lov nr. {set_id[lov_id] + 1})",
                        "slå de to indgange sammen til én",
                        fil=navn,
                        linje=fil.linje(("love", i, "id")),
                        post=post,
                        felt="id",
                    )
                )
            else:
                set_id[lov_id] = i
        former: list[tuple[str, tuple]] = []
        if isinstance(lov.get("navne"), list):
            former += [(n, ("love", i, "navne", j)) for j, n in enumerate(lov["navne"])]
        if isinstance(lov.get("genitiv"), str):
            former.append((lov["genitiv"], ("love", i, "genitiv")))
        egne: set[str] = set()
        for form, sti in former:
            if not isinstance(form, str):
                continue
            noegle = _navnenoegle(form)
            if noegle in egne:
                continue  # the same form twice within one law is harmless
            egne.add(noegle)
            if noegle in set_navn and set_navn[noegle][0] != post:
                andet, _ = set_navn[noegle]
                felt = ".".join(str(x) if not isinstance(x, int) else f"[{x}]" for x in sti[2:]).replace(".[", "[")
                ud.append(
                    Problem(
                        f"navnet '{form}' bruges også af loven '{andet}'; et navn skal pege på én lov",
                        "slet navnet hos den ene lov",
                        fil=navn,
                        linje=fil.linje(sti),
                        post=post,
                        felt=felt,
                    )
                )
            else:
                set_navn.setdefault(noegle, (post, ""))
        sete: dict[str, int] = {}
        for j, p in enumerate(lov.get("paragraffer") or []):
            if not isinstance(p, dict) or not isinstance(p.get("nr"), str):
                continue
            nr = normaliser_paragraf(p["nr"])
            if nr in sete:
                ud.append(
                    Problem(
                        f"§ {nr} står to gange (også som paragraffer[{sete[nr]}])",
                        "slå de to indgange sammen til én",
                        fil=navn,
                        linje=fil.linje(("love", i, "paragraffer", j, "nr")),
                        post=post,
                        felt=f"paragraffer[{j}].nr",
                    )
                )
            else:
                sete[nr] = j
    return ud


def laes_lovregister(fil: YamlFil) -> tuple[Lovregister | None, list[Problem]]:
    """Validate data/love.yaml and build the registry. Every problem is located (file, line, law)."""
    model, problemer = valider(fil, LoveFil)
    problemer = list(problemer) + _tjek_dubletter(fil)
    if model is None or problemer:
        return None, problemer
    register = Lovregister(model, fil.visningsnavn)
    for i, lov in enumerate(model.love):
        for j, p in enumerate(lov.paragraffer):
            e = p.erstattet_for_ældre
            ny = register.lov(e.af) if e is not None else None
            for k, nr in enumerate(e.i_stedet if e is not None and ny is not None else []):
                if ny is not None and ny.paragraf(nr) is None:
                    problemer.append(
                        Problem(
                            f"{ny.genitiv} § {nr} findes ikke i registret",
                            f"tilføj paragraffen under {ny.id} med kilde, eller ret 'i_stedet'",
                            fil=fil.visningsnavn,
                            linje=fil.linje(("love", i, "paragraffer", j, "erstattet_for_ældre", "i_stedet", k)),
                            post=lov.id,
                            felt=f"paragraffer[{j}].erstattet_for_ældre.i_stedet[{k}]",
                        )
                    )
            if e is not None and register.lov(e.af) is None:
                problemer.append(
                    Problem(
                        f"ukendt lov '{e.af}'",
                        "brug en lovs id fra denne fil: " + ", ".join(x.id for x in register.love),
                        fil=fil.visningsnavn,
                        linje=fil.linje(("love", i, "paragraffer", j, "erstattet_for_ældre", "af")),
                        post=lov.id,
                        felt=f"paragraffer[{j}].erstattet_for_ældre.af",
                    )
                )
    if problemer:
        return None, problemer
    return register, []
