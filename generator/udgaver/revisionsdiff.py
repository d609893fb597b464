"""What changed between two revisions: a structural comparison of their exported data.

Input is two `aabne_data.eksport()` dicts (plain JSON data, one per revision);
output is a list of `PostDiff`, one per entry that changed, each holding its
`Aendring`s. Pure functions: nothing here reads files or knows about pages.

Rules
-----
Entries
    Standards are matched by ``nr``, interventions by ``id``; the introduction
    is one entry (key ``"introduktion"``) and the municipality's name and
    contact details another (key ``"kommune"``). An entry only in the new
    revision is *tilføjet*, one only in the old is *fjernet*; the order of the
    entries in the files is not compared. ``katalog`` (title, year, source)
    and ``revision`` are not compared: they differ in every revision and are
    shown on "Om denne udgave".

Fields
    Dicts are compared key by key. A field present in only one revision (the schema
    gained or lost it) is no change while the other leaves it empty or not described.
    A field named ``side`` (page number in the
    source) is ignored everywhere: page numbers move between editions without
    the content changing. A section that switches between content and
    ``{mangler: …}`` is one change of the whole section. A duration
    (``{antal, enhed}``) and a legal citation (``{lov, paragraf, stk, nr}``)
    are compared as one value ("26 uger → 12 uger", not "Antal: 26 → 12").

Lists
    1. **Identity key.** If every item on both sides is a dict with a non-empty
       value for the first of ``id``, ``nr``, ``emne``, ``indsats`` — unique
       within each side — items with the same key are the same item: compared
       field by field; a key only in the new list is *tilføjet*, only in the
       old *fjernet*.
    2. **Otherwise** (texts, citations, facts without ``emne``): items that are
       equal in value are matched first, in order. The items left over are
       paired by position among themselves (1st left-over old with 1st
       left-over new …) and compared — dicts field by field, anything else as
       one change. Left-over items without a partner are *tilføjet* / *fjernet*.
    3. **Rækkefølge.** If the matched items (by rule 1 or 2) stand in a
       different relative order in the new list, the list gets one extra change
       of kind *rækkefølge* with the old and new order of the matched items'
       labels. Adding or removing items never counts as a reorder by itself.

Values are rendered in plain Danish by `vis` (``{antal: 26, enhed: uger}`` →
"26 uger", ``{mangler: …}`` → "ikke beskrevet i kilden (…)"), and field names
by their headings (`OVERSKRIFTER`: ``vejledende_omfang`` → "Vejledende omfang og tider").
A list item is named by its ``emne``, ``id``/``nr`` and ``titel``, or by its
text; a fact's main value (``tid``, ``frist``) is named by its item alone, so a
change reads "Vejledende omfang og tider › Tidsramme for træningen: 26 uger → 12 uger".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Literal

from .. import formater
from ..data import schema

Slags = Literal["tilføjet", "fjernet", "ændret", "rækkefølge"]
PostSlags = Literal["standard", "indsats", "introduktion", "kommune"]
PostStatus = Literal["tilføjet", "fjernet", "ændret"]

IDENTITETSNOEGLER = ("id", "nr", "emne", "indsats")
IGNOREREDE_FELTER = frozenset({"side"})
# A fact's main value: named by the fact's own label, not "… › Tid".
HOVEDVAERDI = frozenset({"tid", "frist"})

# Headings of the parts the schema's field titles do not name (section headings come from the schema).
_DELE: dict[str, str] = {
    # entries
    "titel": "Titel",
    "undertitel": "Undertitel",
    "søgeord": "Søgeord",
    "hovedlov": "Hovedlov",
    "indledning": "Indledning",
    "borgeren_kan_forvente": "Borgeren kan forvente",
    "kommunens_mål": "Kommunens mål",
    "udarbejdet_af": "Udarbejdet af",
    "senest_revideret": "Senest revideret",
    "politisk_godkendt": "Politisk godkendt",
    "titel_i_standard": "Titel i kvalitetsstandarden",
    "type": "Type",
    "standarder": "Hører under kvalitetsstandard",
    "afsnit": "Afsnit",
    # parts
    "emne": "Emne",
    "tekst": "Tekst",
    "tid": "Tid",
    "frist": "Frist",
    "note": "Note",
    "prioritet": "Prioritet",
    "gruppe": "Gruppe",
    "indsats": "Indsats",
    "standard": "Kvalitetsstandard",
    "lov": "Lov",
    "paragraf": "Paragraf",
    "stk": "Stk.",
    "antal": "Antal",
    "enhed": "Enhed",
    "gælder": "Gælder",
    "mangler": "Ikke beskrevet",
    # municipality and contact
    "kommune": "Kommune",
    "kontakt": "Kontakt",
    "navn": "Navn",
    "genitiv": "Navn i ejefald",
    "forvaltning": "Forvaltning",
    "hjemmeside": "Hjemmeside",
    "telefon": "Telefon",
    "telefontid": "Telefontid",
}
OVERSKRIFTER: dict[str, str] = {**schema.overskrifter(), **_DELE}


@dataclass(frozen=True)
class Ordforraad:
    """The catalogue's own words a comparison names fields and entries by (its profile's)."""

    overskrifter: dict[str, str]
    standard: str = "standard"
    """The profile's word for a standard ("kvalitetsstandard")."""
    vis_id: bool = True


# The words of the comparison being made (`sammenlign`): a context variable, so the rendering
# helpers below need not carry them and two comparisons never see each other's.
_GENERISK = Ordforraad(OVERSKRIFTER)
_ORD: ContextVar[Ordforraad] = ContextVar("ordforraad", default=_GENERISK)  # noqa: B039  # frozen, never changed


def ordforraad(katalog: Any) -> Ordforraad:
    """A catalogue's words: its profile's headings and its word for a standard."""
    p = katalog.profil
    return Ordforraad(
        {**schema.overskrifter(katalog.modeller), **_DELE},
        p.standard.ental if p.standard else "standard",
        p.indsats.id is not None,
    )


def overskrift(felt: str) -> str:
    """A field's Danish heading: ``vejledende_omfang`` → "Vejledende omfang og tider"."""
    return _ORD.get().overskrifter.get(felt) or felt.replace("_", " ").capitalize()


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class Aendring:
    """One change inside one entry.

    `felt` is the path in Danish, outermost first ("Vejledende omfang og tider",
    "Tidsramme for træningen"); empty for a whole entry added or removed.
    `foer` / `efter` are the raw JSON values (None when absent); for a
    *rækkefølge* change they are the lists of item labels in old / new order.
    """

    post: str
    slags: Slags
    felt: tuple[str, ...] = ()
    foer: Any = None
    efter: Any = None

    @property
    def feltnavn(self) -> str:
        return " › ".join(self.felt)

    @property
    def foer_tekst(self) -> str:
        return _vis_side(self.foer, self.slags)

    @property
    def efter_tekst(self) -> str:
        return _vis_side(self.efter, self.slags)

    @property
    def foer_mangler(self) -> bool:
        """The section was `{mangler: …}` (not described in the source) before."""
        return isinstance(self.foer, dict) and set(self.foer) == {"mangler"}

    @property
    def efter_mangler(self) -> bool:
        return isinstance(self.efter, dict) and set(self.efter) == {"mangler"}

    @property
    def kort(self) -> bool:
        """True when both values fit on one line, so "før → efter" reads well inline."""
        return all(len(t) <= 100 and "\n" not in t for t in (self.foer_tekst, self.efter_tekst))

    def tekst(self) -> str:
        """The change as one plain-Danish line (for messages and tests)."""
        navn = self.feltnavn
        if not self.felt:
            return {"tilføjet": "ny i denne udgave", "fjernet": "findes ikke længere"}.get(self.slags, self.slags)
        if self.slags == "tilføjet":
            return f"{navn}: tilføjet: {self.efter_tekst}"
        if self.slags == "fjernet":
            return f"{navn}: fjernet: {self.foer_tekst}"
        if self.slags == "rækkefølge":
            return f"{navn}: rækkefølge ændret: {self.foer_tekst} → {self.efter_tekst}"
        return f"{navn}: {self.foer_tekst} → {self.efter_tekst}"


def _vis_side(vaerdi: Any, slags: str) -> str:
    if slags == "rækkefølge" and isinstance(vaerdi, list):
        return ", ".join(str(x) for x in vaerdi)
    return vis(vaerdi)


@dataclass
class PostDiff:
    """The changes of one entry."""

    noegle: str  # "1", "K.2.1", "introduktion", "kommune"
    slags: PostSlags
    titel: str  # the entry's title in the new revision (the old one if removed)
    status: PostStatus
    aendringer: list[Aendring] = field(default_factory=list)


# ------------------------------------------------------------------ rendering


def vis(v: Any) -> str:
    """A JSON value in plain Danish."""
    if v is None:
        return "ikke angivet"
    if isinstance(v, bool):
        return "ja" if v else "nej"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, list):
        return "; ".join(vis(x) for x in v) if v else "ingen"
    if isinstance(v, dict):
        if set(v) == {"mangler"}:
            return f"ikke beskrevet i kilden ({vis(v['mangler'])})"
        if set(v) == {"antal", "enhed"}:
            return formater.varighed_af(v)
        if "lov" in v and "paragraf" in v:
            return henvisning(v)
        if "tekst" in v:  # a fact: its sentence, and its number when it has one
            return vis(v["tekst"]) + (f" ({vis(v['tid'])})" if v.get("tid") else "")
        if "frist" in v and "note" in v:
            dele = [vis(v["frist"])] if v.get("frist") else []
            dele += [vis(v["note"])] if v.get("note") else []
            return (f"{v['emne']}: " if v.get("emne") else "") + " — ".join(dele)
        return "; ".join(
            f"{overskrift(k)}: {vis(x)}" for k, x in v.items() if k not in IGNOREREDE_FELTER and x not in (None, [], "")
        )
    return str(v)


def henvisning(h: dict[str, Any]) -> str:
    """``{lov: serviceloven, paragraf: "86", stk: 2}`` → "serviceloven § 86, stk. 2"."""
    return formater.henvisning(h["lov"], h["paragraf"], h.get("stk"), h.get("nr"))


def etiket(punkt: Any, position: int) -> str:
    """How a list item is named in a change: its emne, id/nr + titel, text, or its position."""
    if isinstance(punkt, dict):
        if punkt.get("emne"):
            return str(punkt["emne"])
        for noegle in ("id", "nr"):
            if punkt.get(noegle) is not None:
                return (
                    f"{punkt[noegle]} {punkt['titel']}"
                    if punkt.get("titel")
                    else f"{overskrift(noegle)} {punkt[noegle]}"
                )
        if punkt.get("indsats"):
            return str(punkt["indsats"])
        if punkt.get("standard") is not None:
            return f"{_ORD.get().standard} {punkt['standard']}" + (f" ({punkt['titel']})" if punkt.get("titel") else "")
        if "lov" in punkt and "paragraf" in punkt:
            return henvisning(punkt)
        if punkt.get("tekst"):
            return _forkort(str(punkt["tekst"]))
        return f"punkt {position + 1}"
    if isinstance(punkt, str):
        return _forkort(punkt)
    return vis(punkt)


def _forkort(tekst: str, laengde: int = 60) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= laengde else tekst[: laengde - 1].rstrip() + "…"


# ------------------------------------------------------------------ the comparison


def sammenlign(gammel: dict[str, Any], ny: dict[str, Any], ord_: Ordforraad | None = None) -> list[PostDiff]:
    """Every entry that differs between two `eksport()` dicts, in catalogue order, named in `ord_`
    (the catalogue's words; without it, the generic headings)."""
    with i_ord(ord_ or _ORD.get()):
        return _sammenlign(gammel, ny)


@contextmanager
def i_ord(ord_: Ordforraad) -> Iterator[None]:
    """Name fields and entries in `ord_` (a catalogue's words) inside the block."""
    token = _ORD.set(ord_)
    try:
        yield
    finally:
        _ORD.reset(token)


def _sammenlign(gammel: dict[str, Any], ny: dict[str, Any]) -> list[PostDiff]:
    ud: list[PostDiff] = []
    intro = sammenlign_vaerdi(gammel["introduktion"], ny["introduktion"])
    if intro:
        ud.append(_post("introduktion", "introduktion", ny["introduktion"]["titel"], "ændret", intro))
    kommune_g = {"kommune": gammel["katalog"]["kommune"], "kontakt": gammel["katalog"]["kontakt"]}
    kommune_n = {"kommune": ny["katalog"]["kommune"], "kontakt": ny["katalog"]["kontakt"]}
    kommune = sammenlign_vaerdi(kommune_g, kommune_n)
    if kommune:
        ud.append(_post("kommune", "kommune", ny["katalog"]["kommune"]["navn"], "ændret", kommune))
    ord_ = _ORD.get()
    ud += _poster(
        gammel["standarder"],
        ny["standarder"],
        "nr",
        "standard",
        lambda s: f"{ord_.standard[:1].upper()}{ord_.standard[1:]} {s['nr']}. {s['titel']}",
    )
    ud += _poster(
        gammel["indsatser"],
        ny["indsatser"],
        "id",
        "indsats",
        lambda i: f"{i['id']} {i['titel']}" if ord_.vis_id else str(i["titel"]),
    )
    return ud


def _post(
    noegle: str,
    slags: PostSlags,
    titel: str,
    status: PostStatus,
    aendringer: list[tuple[Slags, tuple[str, ...], Any, Any]],
) -> PostDiff:
    return PostDiff(
        noegle, slags, titel, status, [Aendring(noegle, s, felt, foer, efter) for s, felt, foer, efter in aendringer]
    )


def _poster(gamle: list[dict], nye: list[dict], noegle: str, slags: PostSlags, titel) -> list[PostDiff]:
    efter_noegle = {str(p[noegle]): p for p in gamle}
    sete: set[str] = set()
    ud: list[PostDiff] = []
    for p in nye:
        k = str(p[noegle])
        sete.add(k)
        if k not in efter_noegle:
            ud.append(_post(k, slags, titel(p), "tilføjet", [("tilføjet", (), None, titel(p))]))
            continue
        aendringer = sammenlign_vaerdi(efter_noegle[k], p)
        if aendringer:
            ud.append(_post(k, slags, titel(p), "ændret", aendringer))
    for p in gamle:
        k = str(p[noegle])
        if k not in sete:
            ud.append(_post(k, slags, titel(p), "fjernet", [("fjernet", (), titel(p), None)]))
    return ud


def sammenlign_vaerdi(
    gammel: Any, ny: Any, felt: tuple[str, ...] = (), i_punkt: bool = False
) -> list[tuple[Slags, tuple[str, ...], Any, Any]]:
    """Changes between two JSON values as (kind, Danish path, before, after)."""
    if gammel == ny:
        return []
    if (
        isinstance(gammel, dict)
        and isinstance(ny, dict)
        and _mangler(gammel) == _mangler(ny)
        and not _atomar(gammel)
        and not _atomar(ny)
    ):
        ud = []
        noegler = list(ny) + [k for k in gammel if k not in ny]
        if i_punkt:  # a fact's number first: "Tidsramme: 26 uger → 12 uger" before its sentence
            noegler.sort(key=lambda k: k not in HOVEDVAERDI)
        for k in noegler:
            if k in IGNOREREDE_FELTER:
                continue
            if (k not in gammel and _tom(ny[k])) or (k not in ny and _tom(gammel[k])):
                continue  # a field one revision's schema did not have, and the other leaves empty
            navn = felt if (i_punkt and k in HOVEDVAERDI) else felt + (overskrift(k),)
            ud += sammenlign_vaerdi(gammel.get(k), ny.get(k), navn)
        return ud
    if isinstance(gammel, list) and isinstance(ny, list):
        return _sammenlign_lister(gammel, ny, felt)
    return [("ændret", felt, gammel, ny)]


def _mangler(v: dict) -> bool:
    return set(v) == {"mangler"}


def _tom(v: Any) -> bool:
    """Nothing said: absent, empty, false, or not described in the source."""
    return v in (None, [], "", False, {}) or (isinstance(v, dict) and _mangler(v))


def _atomar(v: dict) -> bool:
    """Values read as one: a duration ("26 uger") and a legal citation ("§ 86, stk. 2")."""
    return set(v) == {"antal", "enhed"} or ("lov" in v and "paragraf" in v)


def _uden_side(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _uden_side(x) for k, x in v.items() if k not in IGNOREREDE_FELTER}
    if isinstance(v, list):
        return [_uden_side(x) for x in v]
    return v


def identitetsnoegle(gamle: list[Any], nye: list[Any]) -> str | None:
    """The identity key (rule 1) both lists can be matched by, or None."""
    alle = gamle + nye
    if not alle or not all(isinstance(p, dict) for p in alle):
        return None
    for noegle in IDENTITETSNOEGLER:
        if all(p.get(noegle) not in (None, "") for p in alle) and all(
            len({str(p[noegle]) for p in side}) == len(side) for side in (gamle, nye)
        ):
            return noegle
    return None


def _sammenlign_lister(gamle: list[Any], nye: list[Any], felt: tuple[str, ...]):
    ud: list[tuple[Slags, tuple[str, ...], Any, Any]] = []
    noegle = identitetsnoegle(gamle, nye)
    par: list[tuple[int, int]] = []  # (old index, new index)
    if noegle is not None:
        gamle_pos = {str(p[noegle]): i for i, p in enumerate(gamle)}
        for j, p in enumerate(nye):
            i = gamle_pos.get(str(p[noegle]))
            if i is not None:
                par.append((i, j))
    else:
        # Rule 2: equal items first (in order), then left-overs by position.
        brugt: set[int] = set()
        sammenlignelige = [_uden_side(p) for p in gamle]
        for j, p in enumerate(nye):
            pv = _uden_side(p)
            i = next((i for i, g in enumerate(sammenlignelige) if i not in brugt and g == pv), None)
            if i is not None:
                brugt.add(i)
                par.append((i, j))
        rest_g = [i for i in range(len(gamle)) if i not in brugt]
        rest_n = [j for j in range(len(nye)) if j not in {j for _, j in par}]
        par += list(zip(rest_g, rest_n, strict=False))  # left-overs pair by position; extras stay unpaired
    parret_g = {i for i, _ in par}
    parret_n = {j for _, j in par}
    # Changes inside matched items, in new order.
    for i, j in sorted(par, key=lambda x: x[1]):
        if _uden_side(gamle[i]) != _uden_side(nye[j]):
            navn = felt + (etiket(nye[j], j),)
            if isinstance(gamle[i], dict) and isinstance(nye[j], dict):
                ud += sammenlign_vaerdi(gamle[i], nye[j], navn, i_punkt=True)
            else:
                ud.append(("ændret", navn, gamle[i], nye[j]))
    for j, p in enumerate(nye):
        if j not in parret_n:
            ud.append(("tilføjet", felt + (etiket(p, j),), None, p))
    for i, p in enumerate(gamle):
        if i not in parret_g:
            ud.append(("fjernet", felt + (etiket(p, i),), p, None))
    # Rule 3: matched items in a different relative order.
    i_ny_orden = [i for i, _ in sorted(par, key=lambda x: x[1])]
    if i_ny_orden != sorted(i_ny_orden):
        foer = [etiket(gamle[i], i) for i in sorted(i_ny_orden)]
        efter = [etiket(nye[j], j) for _, j in sorted(par, key=lambda x: x[1])]
        ud.append(("rækkefølge", felt, foer, efter))
    return ud
