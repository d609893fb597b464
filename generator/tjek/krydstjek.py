"""Cross-reference rules the schema alone cannot express.

Each rule returns located `Problem`s; `tjek` runs them all so the editor sees
every problem at once. The rules:

- ids are unique (interventions, standards, introduction sections);
- a standard lists only existing interventions, an intervention names only
  existing standards, and the two sides agree;
- every K/U id and every "kvalitetsstandard N"/"kvalitetsstandard for …"
  written in any text resolves;
- placeholders such as ``{kommunes}`` are known, and nothing else brace-like is in the text;
- an intervention names each of its standards once;
- text follows the policy for text in data (`tekstpolitik`): titles plain, prose limited;
- every legal citation, structured or in prose, exists in the law registry
  and is in force on the revision's date;
- decisions point at existing entries;
- FSIII codes are real, current interventions that fit their entry (`fsiii`).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator
from typing import Any

from ..data import schema
from ..data.katalog import Katalog
from ..data.pladsholdere import Udfylder, klammer
from ..problemer import Problem
from . import citater, formregler, fsiii, konsistens, tekstpolitik


def _felt(sti: tuple) -> str:
    ud = ""
    for d in sti:
        ud += f"[{d}]" if isinstance(d, int) else (f".{d}" if ud else str(d))
    return ud


class _Indsamler:
    """Collects problems with file + line looked up from the raw YAML."""

    def __init__(self, katalog: Katalog):
        self.k = katalog
        self.problemer: list[Problem] = []

    def __call__(
        self, filnoegle: str, sti: tuple, post: str, besked: str, hint: str | None = None, felt_fra: int = 2
    ) -> None:
        self.fundet(filnoegle, sti, post, [Problem(besked, hint)], felt_fra)

    def fundet(self, filnoegle: str, sti: tuple, post: str, problemer: list[Problem], felt_fra: int) -> None:
        """Locate problems a check found in the text at `sti`."""
        if not problemer:
            return  # the usual case: looking up the line is most of the work
        fil = self.k.filer[filnoegle]
        linje, felt = fil.linje(sti), _felt(sti[felt_fra:]) or None
        self.problemer += [p.sted(fil.visningsnavn, linje, post, felt) for p in problemer]

    def filnavn(self, filnoegle: str) -> str:
        return self.k.filer[filnoegle].visningsnavn


class _UdenAfsnit:
    """The introduction's own fields; its sections are checked as entries of their own."""

    def __init__(self, intro: schema.Introduktion):
        self._intro = intro
        self.hovedlov = intro.hovedlov

    def model_dump(self) -> dict:
        return self._intro.model_dump(exclude={"afsnit"})


class _UdenBeslutninger:
    """The revision's own fields; each decision is checked as an entry of its own."""

    def __init__(self, revision: schema.Revision):
        self._revision = revision

    def model_dump(self) -> dict:
        return self._revision.model_dump(exclude={"beslutninger"})


class _Liste:
    """A list field at the top of katalog.yaml, as an entry."""

    def __init__(self, navn: str, liste: list):
        self._data = {navn: liste}

    def model_dump(self) -> dict:
        return self._data


# Fields of katalog.yaml that are addresses, dates or references, not prose.
_KATALOG_IKKE_PROSA = {"hjemmeside", "dato", "gældende_fra", "forrige", "berører"}


def _katalog_poster(k: Katalog) -> Iterator[tuple[str, tuple, str, Any, str | None]]:
    """katalog.yaml's entries: prose there is checked like all other prose (no main law: name it)."""
    info = k.info
    yield "katalog", ("kommune",), "kommune", info.kommune, None
    yield "katalog", ("kontakt",), "kontakt", info.kontakt, None
    yield "katalog", ("katalog",), "katalog", info.katalog, None
    yield "katalog", ("revision",), "revision", _UdenBeslutninger(info.revision), None
    for i, b in enumerate(info.revision.beslutninger):
        yield "katalog", ("revision", "beslutninger", i), f"beslutning {b.id}", b, None
    yield "katalog", (), "katalog.yaml", _Liste("eksterne_standarder", info.eksterne_standarder), None


def _prosa(filnoegle: str, model: Any, prefix: tuple) -> Iterator[tuple[tuple, str]]:
    data = model.model_dump()
    for sti, tekst in schema.prosa(data, prefix):
        if filnoegle == "katalog" and set(sti) & _KATALOG_IKKE_PROSA:
            continue
        yield sti, tekst


def _poster(k: Katalog) -> Iterator[tuple[str, tuple, str, Any, str | None]]:
    """(file key, path prefix, entry name, model, context law) for every entry, katalog.yaml's too."""
    yield from _katalog_poster(k)
    intro = k.introduktion
    # Each introduction section is its own entry, so messages say "afsnit 1.9", not "afsnit[8]".
    yield "standarder", ("introduktion",), "introduktion", _UdenAfsnit(intro), intro.hovedlov
    for i, a in enumerate(intro.afsnit):
        yield "standarder", ("introduktion", "afsnit", i), f"introduktion, afsnit {a.noegle}", a, intro.hovedlov
    for i, s in enumerate(k.standarder):
        yield "standarder", ("standarder", i), k.standard_navn(s.nr), s, s.hovedlov
    hovedlov = {s.nr: s.hovedlov for s in k.standarder}
    for i, ind in enumerate(k.indsatser):
        lov = ind.hovedlov or next((hovedlov[n] for n in ind.standarder if n in hovedlov), None)
        yield "indsatser", ("indsatser", i), ind.id, ind, lov


# ------------------------------------------------------------------ rules


def _unikke(k: Katalog, p: _Indsamler) -> None:
    set_: dict[Any, int] = {}
    for i, ind in enumerate(k.indsatser):
        if ind.id in set_:
            p(
                "indsatser",
                ("indsatser", i, "id"),
                ind.id,
                f"id {ind.id} står to gange (også {k.profil.indsats.ental} nr. {set_[ind.id] + 1} i filen)",
                f"giv den ene {k.profil.indsats.ental} et andet id, eller slet dubletten",
                felt_fra=2,
            )
        set_.setdefault(ind.id, i)
    nr: dict[int, int] = {}
    for i, s in enumerate(k.standarder):
        if s.nr in nr:
            p(
                "standarder",
                ("standarder", i, "nr"),
                k.standard_navn(s.nr),
                f"{k.standard_navn(s.nr)} står to gange",
                "giv den ene standard et andet nummer",
            )
        nr.setdefault(s.nr, i)
    afsnit: set[str] = set()
    for i, a in enumerate(k.introduktion.afsnit):
        if a.noegle in afsnit:
            p(
                "standarder",
                ("introduktion", "afsnit", i, "nr" if a.nr else "titel"),
                f"afsnit {a.noegle}",
                f"introduktionens afsnit {a.noegle} står to gange",
                "ret nummereringen",
                felt_fra=3,
            )
        afsnit.add(a.noegle)


def _standard_og_indsats_passer(k: Katalog, p: _Indsamler) -> None:
    indsatser = {i.id: i for i in k.indsatser}
    standarder = {s.nr: s for s in k.standarder}
    liste_felt = k.profil.indsatsliste_felt
    for si, s in enumerate(k.standarder):
        liste = s.afsnit(liste_felt)
        if not isinstance(liste, list):
            continue
        for j, linje in enumerate(liste):
            sti = ("standarder", si, liste_felt, j)
            if linje.indsats is not None:
                ind = indsatser.get(linje.indsats)
                if ind is None:
                    p(
                        "standarder",
                        sti + ("indsats",),
                        k.standard_navn(s.nr),
                        f"kan ikke finde {k.profil.indsats.ental} '{linje.indsats}'",
                        f"ret id'et, eller tilføj {k.profil.indsats.bestemt_form} i {p.filnavn('indsatser')}",
                    )
                elif s.nr not in ind.standarder:
                    p(
                        "standarder",
                        sti + ("indsats",),
                        k.standard_navn(s.nr),
                        f"standarden lister {ind.id}, men {ind.id} nævner ikke standard {s.nr} under 'standarder'",
                        f"tilføj {s.nr} til 'standarder' for {ind.id} i {p.filnavn('indsatser')}, eller fjern linjen her",
                    )
            elif linje.standard not in standarder:
                p(
                    "standarder",
                    sti + ("standard",),
                    k.standard_navn(s.nr),
                    f"kan ikke finde {k.standard_navn(linje.standard)}",
                    "ret nummeret",
                )
        egne = {x.indsats for x in liste}
        for felt in k.profil.former("standard", "fakta"):
            fakta = s.afsnit(felt)
            if not isinstance(fakta, list):
                continue
            for j, f in enumerate(fakta):
                for noegle, ids in (("gælder", f.gælder), ("undtagen", f.undtagen)):
                    for n, id_ in enumerate(ids):
                        if id_ not in egne:
                            p(
                                "standarder",
                                ("standarder", si, felt, j, noegle, n),
                                k.standard_navn(s.nr),
                                f"løftet {'gælder' if noegle == 'gælder' else 'undtager'} {id_}, som ikke er en af "
                                f"standardens {k.profil.indsats.flertal}",
                                f"ret id'et eller fjern det fra '{noegle}'",
                            )
                boliger = [b.nøgle for b in k.profil.boliger]
                if f.borgere is not None and f.borgere.bolig is not None and f.borgere.bolig not in boliger:
                    p(
                        "standarder",
                        ("standarder", si, felt, j, "borgere", "bolig"),
                        k.standard_navn(s.nr),
                        f"boligen {f.borgere.bolig!r} er ikke en af profilens boliger",
                        "brug en af " + (", ".join(boliger) or "(profilen har ingen 'boliger')"),
                    )
    # Each standard's list as a set once, not once per intervention (quadratic in a large catalogue).
    listede = {
        s.nr: {x.indsats for x in s.afsnit(liste_felt)} for s in k.standarder if isinstance(s.afsnit(liste_felt), list)
    }
    for ii, ind in enumerate(k.indsatser):
        for j, nr in enumerate(ind.standarder):
            sti = ("indsatser", ii, "standarder", j)
            if nr in ind.standarder[:j]:
                p(
                    "indsatser",
                    sti,
                    ind.id,
                    f"{k.standard_navn(nr)} står to gange i 'standarder'",
                    f"skriv hver standard én gang, fx [{', '.join(map(str, dict.fromkeys(ind.standarder)))}]",
                )
                continue
            std = standarder.get(nr)
            if std is None:
                p(
                    "indsatser",
                    sti,
                    ind.id,
                    f"kan ikke finde {k.standard_navn(nr)}",
                    f"ret nummeret; standarderne står i {p.filnavn('standarder')}",
                )
            elif isinstance(std.afsnit(liste_felt), list) and ind.id not in listede[nr]:
                p(
                    "indsatser",
                    sti,
                    ind.id,
                    f"{ind.id} nævner {k.standard_navn(nr)}, men {k.standard_navn(nr)} lister ikke {ind.id}",
                    f"tilføj '- indsats: {ind.id}' under '{liste_felt}' i {k.standard_navn(nr)}, eller ret 'standarder'",
                )


def _henvisninger_i_tekst(k: Katalog, p: _Indsamler) -> None:
    ids = {i.id for i in k.indsatser}
    numre = {s.nr for s in k.standarder}
    titler = [s.titel.lower() for s in k.standarder]
    eksterne = [t.lower() for t in k.info.eksterne_standarder]
    for filnoegle, prefix, post, model, _ in _poster(k):
        for sti, tekst in _prosa(filnoegle, model, prefix):
            for m in k.id_i_tekst.finditer(tekst) if k.id_i_tekst else ():
                if m.group(1) not in ids:
                    p(
                        filnoegle,
                        sti,
                        post,
                        f"teksten nævner {k.profil.indsats.ental} {m.group(1)}, som ikke findes",
                        f"ret id'et eller tilføj {k.profil.indsats.bestemt_form}",
                        felt_fra=len(prefix),
                    )
            for m in k.standard_nr_i_tekst.finditer(tekst) if k.standard_nr_i_tekst else ():
                if int(m.group(1)) not in numre:
                    p(
                        filnoegle,
                        sti,
                        post,
                        f"teksten henviser til {k.standard_navn(m.group(1))}, som ikke findes",
                        f"kataloget har standard {min(numre)}-{max(numre)}",
                        felt_fra=len(prefix),
                    )
            for m in k.standard_navn_i_tekst.finditer(tekst) if k.standard_navn_i_tekst else ():
                navn = (m.group("for") or m.group("navn")).strip().lower()
                if navn[:1].isdigit():
                    continue
                if not any(_ligner(navn, t) for t in titler + eksterne):
                    p(
                        filnoegle,
                        sti,
                        post,
                        f"kan ikke finde {k.profil.standard.ental if k.profil.standard else 'standarden'} '{navn}'",
                        "skriv standardens titel som i kataloget, eller tilføj den under "
                        f"'eksterne_standarder' i {p.filnavn('katalog')} hvis den findes uden for kataloget",
                        felt_fra=len(prefix),
                    )


def _ligner(tekst: str, titel: str) -> bool:
    """Does the text following 'kvalitetsstandard (for)' name `titel`? Tolerates inflection."""
    start = tekst[: len(titel) + 2]
    return start.startswith(titel) or difflib.SequenceMatcher(None, start[: len(titel)], titel).ratio() >= 0.85


def _pladsholdere(k: Katalog, p: _Indsamler) -> None:
    """Anything brace-like that is not a known placeholder, written exactly so, is an error.

    Attribute lists ({: …}) are the text policy's to report.
    """
    for filnoegle, prefix, post, model, _ in _poster(k):
        for sti, tekst, _ in tekstpolitik.felter(model.model_dump(), prefix):
            for kl in klammer(tekst):
                if kl.art != "fejl":
                    continue
                besked = (
                    f"ukendt pladsholder {kl.tekst}"
                    if kl.tekst.startswith("{") and kl.tekst.endswith("}")
                    else f"'{kl.tekst}' er ikke en hel pladsholder"
                    if kl.tekst.startswith("{")
                    else "'}' uden '{' foran"
                )
                p(
                    filnoegle,
                    sti,
                    post,
                    besked,
                    f"mente du {{{kl.forslag}}}?"
                    if kl.forslag
                    else "tilladte: " + ", ".join("{" + x + "}" for x in schema.PLADSHOLDERE),
                    felt_fra=len(prefix),
                )


def _lovhenvisninger(k: Katalog, p: _Indsamler) -> None:
    # Without a valid revision date (an error elsewhere) citations are checked for existence only.
    dato = schema.dato_som_date(k.info.revision.dato) if k.info.revision.dato else None
    # Whom the catalogue is for (katalog.yaml `målgruppe`): a law-transition rule concerns it only
    # where its group is covered by the new law. Not stated: every rule applies (the safe side).
    gruppe = k.info.målgruppe
    maalgruppe = set(gruppe.love) if gruppe is not None and gruppe.love else None
    for filnoegle, prefix, post, model, hovedlov in _poster(k):
        if getattr(model, "hovedlov", None) and k.love.lov(model.hovedlov) is None:
            p(
                filnoegle,
                prefix + ("hovedlov",),
                post,
                f"ukendt lov '{model.hovedlov}'",
                f"brug en lovs id fra {p.filnavn('love')}: " + ", ".join(x.id for x in k.love.love),
                felt_fra=len(prefix),
            )
        for felt, j, h in k.henvisninger(model):
            p.fundet(
                filnoegle,
                prefix + (felt, j),
                post,
                k.love.tjek(h.lov, h.paragraf, h.stk, h.nr, dato, maalgruppe),
                felt_fra=len(prefix),
            )
        for sti, tekst in _prosa(filnoegle, model, prefix):
            p.fundet(
                filnoegle,
                sti,
                post,
                citater.tjek_citater(tekst, hovedlov, k.love, dato, maalgruppe),
                felt_fra=len(prefix),
            )


def _beslutninger(k: Katalog, p: _Indsamler) -> None:
    kendte = {str(s.nr) for s in k.standarder} | {i.id for i in k.indsatser} | {"introduktion"}
    for i, b in enumerate(k.info.revision.beslutninger):
        for j, ref in enumerate(b.berører):
            if ref not in kendte:
                p(
                    "katalog",
                    ("revision", "beslutninger", i, "berører", j),
                    f"beslutning {b.id}",
                    f"beslutningen berører '{ref}', som ikke findes",
                    'skriv et standardnummer, en indsats\' id eller "introduktion"; kataloget har: '
                    + ", ".join(sorted(kendte)[:12]),
                    felt_fra=3,
                )


def _med_pladsholdere(p: Problem) -> Problem:
    hint = "teksten er tjekket, som siden viser den: med pladsholderne ({…}) udfyldt fra katalog.yaml"
    return dataclasses.replace(p, hint=f"{p.hint}; {hint}" if p.hint else hint)


def _tekstpolitik(k: Katalog, p: _Indsamler) -> None:
    """The policy for text in data (tekstpolitik.py), every field of every file located."""
    ids = {i.id for i in k.indsatser}
    numre = {str(s.nr) for s in k.standarder}
    findes = lambda maal: maal in ids or maal in numre  # noqa: E731
    # Judged as the page shows it: with the placeholders filled (a title "[ring {kontakt_telefontid}"
    # becomes a link if the phone hours end in "](https://…)").
    udfyld = Udfylder(k.info)
    for filnoegle, prefix, post, model, _ in _poster(k):
        for sti, tekst, art in tekstpolitik.felter(model.model_dump(), prefix):
            udfyldt = udfyld(tekst)
            fundne = tekstpolitik.tjek_titel(udfyldt) if art == "titel" else tekstpolitik.tjek_prosa(udfyldt, findes)
            if fundne and udfyldt != tekst:
                fundne = [_med_pladsholdere(f) for f in fundne]
            p.fundet(filnoegle, sti, post, fundne, felt_fra=len(prefix))
    p.fundet(
        "katalog",
        ("kommune", "hjemmeside"),
        "kommune",
        tekstpolitik.tjek_hjemmeside(k.info.kommune.hjemmeside) if k.info.kommune.hjemmeside else [],
        felt_fra=1,
    )
    for i, lov in enumerate(k.love.love):
        for felt, vaerdi in (("titel", lov.titel), ("genitiv", lov.genitiv)):
            p.fundet("love", ("love", i, felt), f"lov {lov.id}", tekstpolitik.tjek_titel(vaerdi), felt_fra=3)
        for j, navn in enumerate(lov.navne):
            p.fundet("love", ("love", i, "navne", j), f"lov {lov.id}", tekstpolitik.tjek_titel(navn), felt_fra=3)


REGLER = (
    _unikke,
    _standard_og_indsats_passer,
    _henvisninger_i_tekst,
    _pladsholdere,
    _lovhenvisninger,
    _beslutninger,
    _tekstpolitik,
    *konsistens.REGLER,
    *formregler.REGLER,
    *fsiii.REGLER,
)


def tjek(katalog: Katalog) -> list[Problem]:
    p = _Indsamler(katalog)
    for regel in REGLER:
        regel(katalog, p)
    return p.problemer
