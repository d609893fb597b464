"""What valid catalogue data looks like: pydantic models, one per kind of entry.

Field names are the catalogue's own Danish headings so that an editor reading
the YAML recognises the printed catalogue. Every model forbids unknown fields:
a typo such as ``lovgrundlg`` is an error, never silently ignored.

A section the source does not cover is never left out: it is written as
``{mangler: "<why>"}`` (see `Mangler`), and the site says so plainly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError
from typing_extensions import TypeIs

from ..formater import MAANEDER, varighed
from .fsiii import FsiiiKode
from .udgivelse import Licens

# ---------------------------------------------------------------- basic types

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text; Markdown is allowed."""

IndsatsId = Annotated[str, StringConstraints(pattern=r"^[KU]\.\d+\.\d+$")]
"""K.n.n (kompenserende) or U.n.n (udviklende)."""

LovId = Annotated[str, StringConstraints(pattern=r"^[a-zæøå]+$")]
"""Key of a law in data/love.yaml, e.g. ``serviceloven``."""

Paragraf = Annotated[str, StringConstraints(pattern=r"^\d+( [a-z])?$")]
"""Paragraph number in Danish drafting form: ``"83"`` or ``"94 a"`` (letter after a space)."""

Sidetal = Annotated[int, Field(ge=1, le=999)]
"""Page in the source PDF where this text stands."""

Enhed = Literal["minutter", "timer", "døgn", "dage", "hverdage", "uger", "måneder"]

Titel = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
"""A title or heading: non-empty and at most 200 characters (it names pages and files)."""

_SLAGS = {list: "en liste", dict: "en blok af felter", float: "et decimaltal", type(None): "ingenting"}


def _dato_fejl(besked: str, vaerdi: Any, hint: str) -> PydanticCustomError:
    return PydanticCustomError("dato", "{besked}", {"besked": besked, "hint": hint, "vaerdi": vaerdi})


def _tjek_dato(v: Any) -> str:
    """A real calendar date as precise as the source gives it: ``2014``, ``2014-05`` or ``2014-05-01``.

    The text is kept as written (the site and the JSON export print it); each form is
    checked as a date with `datetime`, so 2014-13 and 2014-02-30 are refused.
    """
    form = 'skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD i anførselstegn, fx "2014-05" for maj 2014'
    if isinstance(v, bool) or not isinstance(v, (str, int, dt.date)):
        raise _dato_fejl(f"forventede en dato, fik {_SLAGS.get(type(v), 'noget andet')}", v, form)
    if isinstance(v, dt.datetime):
        raise _dato_fejl("en dato skrives uden klokkeslæt", v, form)
    if isinstance(v, dt.date):
        return v.isoformat()
    tekst = str(v)
    dele = tekst.split("-")
    if not (
        1 <= len(dele) <= 3
        and all(d.isascii() and d.isdigit() for d in dele)
        and [len(d) for d in dele] == [4, 2, 2][: len(dele)]
    ):
        raise _dato_fejl(f"datoen skal skrives ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD; fik {tekst[:40]!r}", v, form)
    aar, maaned, dag = (int(d) for d in dele + ["01"] * (3 - len(dele)))
    if aar < 1:
        raise _dato_fejl(f"{tekst} er ikke en dato: år {dele[0]} findes ikke", v, form)
    if not 1 <= maaned <= 12:
        raise _dato_fejl(f"{tekst} er ikke en dato: måned {maaned} findes ikke", v, "måneden skal være 01-12")
    try:
        dt.date(aar, maaned, dag)
    except ValueError:
        dage = calendar.monthrange(aar, maaned)[1]
        raise _dato_fejl(
            f"{tekst} er ikke en dato: {MAANEDER[maaned - 1]} {aar} har {dage} dage", v, f"dagen skal være 01-{dage}"
        ) from None
    return tekst


Dato = Annotated[
    str, BeforeValidator(_tjek_dato), WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"})
]
"""A date as precise as the source gives it: ``2014``, ``2014-05`` or ``2014-05-01`` — a real one."""

EMNER: tuple[str, ...] = (
    "personlig pleje",
    "rengøring og tøjvask",
    "indkøb",
    "mad",
    "at komme omkring og træning",
    "aflastning af pårørende",
    "kortere ophold",
    "plejebolig",
)
"""The closed vocabulary of topic tags (`emner`): words a reader recognises, never facts. The
finder "Hvad kan jeg få hjælp til?" asks by them; "plejebolig" answers where the person lives."""
Emne = Literal[EMNER]  # type: ignore[valid-type]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Mangler(Model):
    """A section the source does not give. The reason is shown on the site."""

    mangler: Tekst


def _afsnit_tag(v: Any) -> str:
    # Called with the YAML's dict when validating and with the model when serialising.
    return "mangler" if isinstance(v, Mangler) or (isinstance(v, dict) and "mangler" in v) else "indhold"


T = TypeVar("T")

Afsnit = Annotated[
    Annotated[T, Tag("indhold")] | Annotated[Mangler, Tag("mangler")],
    Discriminator(_afsnit_tag),
]
"""A catalogue section: ``Afsnit[list[Frist]]`` is either its content, or ``{mangler: reason}``."""


def mangler(v: object) -> TypeIs[Mangler]:
    return isinstance(v, Mangler)


def overskrift(titel: str, **kw: Any) -> Any:
    """A field with its Danish section heading: declared once, read by templates, diff and PDF."""
    return Field(title=titel, **kw)


# ---------------------------------------------------------------- shared parts


class Varighed(Model):
    """A number and a unit, e.g. 4 uger, 30 minutter."""

    antal: Annotated[int, Field(ge=1)]
    """At least 1: "0 uger" is no deadline (the source's "hurtigst muligt" is a `note`)."""
    enhed: Enhed

    def __str__(self) -> str:
        return varighed(self.antal, self.enhed)


class Frist(Model):
    """A case-processing deadline (sagsbehandlingsfrist)."""

    emne: Tekst | None = None
    frist: Varighed | None = None
    note: Tekst | None = None
    side: Sidetal

    @model_validator(mode="after")
    def _frist_eller_note(self) -> Frist:
        if self.frist is None and self.note is None:
            raise ValueError("en frist skal have 'frist' (antal + enhed) eller 'note' (fx 'Hurtigst muligt')")
        return self


class Loefte(Model):
    """One stated fact or promise: a frequency, a delivery time, a price rule.

    `tid` carries the number when the source gives one (30 minutter), so the
    overview tables can show it; `tekst` is the sentence as the catalogue says it.
    """

    emne: Tekst | None = None
    tekst: Tekst
    tid: Varighed | None = None
    gælder: list[IndsatsId] = []
    """Interventions a standard-wide promise names (shown on their pages; written once, here)."""
    kun_standarden: bool = False
    """The fact is about the standard's own offer (e.g. stays in a midlertidig bolig), not its interventions."""
    side: Sidetal


class Henvisning(Model):
    """A structured legal citation: law, §, stk., nr."""

    lov: LovId
    paragraf: Paragraf
    stk: Annotated[int, Field(ge=1)] | None = None
    nr: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _nr_kraever_stk(self) -> Henvisning:
        # "§ 83, nr. 2" without a stk. is ambiguous in Danish drafting.
        if self.nr is not None and self.stk is None:
            raise ValueError("'nr' uden 'stk' giver ikke mening; angiv stk. eller fjern nr.")
        return self


class Dokument(Model):
    """The standard's document block (Udarbejdet af / Senest revideret / Politisk godkendt).

    ``null`` means the field is printed but left empty in the source.
    """

    udarbejdet_af: Tekst | None
    senest_revideret: Tekst | None
    politisk_godkendt: Tekst | None
    side: Sidetal


class Maaloverskrifter(Model):
    """The source's own headings for the two lists, where a standard words them differently."""

    borgeren_kan_forvente: Tekst | None = None
    kommunens_mål: Tekst | None = None


class Kvalitetsmaal(Model):
    indledning: Tekst | None = None
    borgeren_kan_forvente: list[Tekst] = []
    kommunens_mål: list[Tekst] = []
    overskrifter: Maaloverskrifter | None = None

    @model_validator(mode="after")
    def _ikke_tom(self) -> Kvalitetsmaal:
        if not (self.indledning or self.borgeren_kan_forvente or self.kommunens_mål):
            raise ValueError("kvalitetsmål er tomt; skriv mindst ét mål eller brug 'mangler: <årsag>'")
        return self


class StandardensIndsats(Model):
    """One line of a standard's list of interventions, in the source's order.

    Either an intervention (`indsats: K.4.3`) or a pointer to another standard
    (`standard: 5` with a `titel`), as standard 4 ranks stays in standard 5.
    """

    indsats: IndsatsId | None = None
    standard: Annotated[int, Field(ge=1)] | None = None
    titel: Titel | None = None
    prioritet: Annotated[int, Field(ge=1)] | None = None
    gruppe: Tekst | None = None

    @model_validator(mode="after")
    def _praecis_en(self) -> StandardensIndsats:
        if (self.indsats is None) == (self.standard is None):
            raise ValueError("angiv enten 'indsats' (fx K.1.1) eller 'standard' (et nummer), ikke begge/ingen")
        if self.standard is not None and self.titel is None:
            raise ValueError("en henvisning til en anden standard skal have en 'titel'")
        return self


# ---------------------------------------------------------------- entries


class Introduktionsafsnit(Model):
    nr: Annotated[str, StringConstraints(pattern=r"^1\.\d+$")]
    titel: Titel
    tekst: Tekst
    side: Sidetal


class Introduktion(Model):
    titel: Titel
    kort_fortalt: Tekst
    søgeord: list[Tekst]
    hovedlov: LovId
    side: Sidetal
    afsnit: Annotated[list[Introduktionsafsnit], Field(min_length=1)]


class Standard(Model):
    nr: Annotated[int, Field(ge=1, le=99)]
    titel: Titel
    undertitel: Titel | None = None
    side: Sidetal
    kort_fortalt: Tekst = overskrift("Kort fortalt")
    søgeord: list[Tekst]
    emner: list[Emne] = overskrift("Emner", default=[])
    """Topics for the finder (closed vocabulary `EMNER`)."""
    hovedlov: LovId
    lovgrundlag: Afsnit[list[Henvisning]] = overskrift("Lovgrundlag")
    lovgrundlag_note: Tekst | None = overskrift("Note til lovgrundlaget", default=None)
    visitation: Afsnit[Tekst] = overskrift("Visitation")
    sagsbehandlingsfrister: Afsnit[list[Frist]] = overskrift("Sagsbehandlingsfrister")
    målgruppe: Afsnit[Tekst] = overskrift("Målgruppe")
    kvalitetsmål: Afsnit[Kvalitetsmaal] = overskrift("Kvalitetsmål")
    indsatser: Afsnit[list[StandardensIndsats]] = overskrift("Indsatser")
    indhold_og_omfang: Afsnit[Tekst] = overskrift("Indhold og omfang")
    vejledende_omfang: Afsnit[list[Loefte]] = overskrift("Vejledende omfang og tider")
    ikke_omfattet: Afsnit[list[Tekst]] = overskrift("Det kan borgeren ikke få hjælp til")
    betaling: Afsnit[list[Loefte]] = overskrift("Pris og betaling")
    """What the citizen pays, as the source states it (introduction 1.9 and the standard itself)."""
    fleksibilitet: Afsnit[Tekst] = overskrift("Fleksibilitet")
    frit_valg: Afsnit[Tekst] = overskrift("Frit valg af leverandør")
    leverancesikkerhed: Afsnit[list[Loefte]] = overskrift("Leverancesikkerhed")
    særlige_forhold: Afsnit[Tekst] = overskrift("Særlige forhold")
    tilsyn_med_kvaliteten: Afsnit[Tekst] = overskrift("Tilsyn med kvaliteten")
    dokument: Afsnit[Dokument] = overskrift("Dokument")
    fsiii: list[FsiiiKode] = []

    @property
    def id(self) -> str:
        return str(self.nr)


class Indsats(Model):
    """An intervention. Its own facts only: what its standard says for it is shown from the standard.

    An aspect the intervention's own description does not mention is simply left out
    (or empty); the site then shows what the standard says, and "not described" only
    where neither says anything.
    """

    id: IndsatsId
    titel: Titel
    titel_i_standard: Titel | None = None
    type: Literal["kompenserende", "udviklende"]
    standarder: Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=1)]
    side: Sidetal
    kort_fortalt: Tekst = overskrift("Kort fortalt")
    søgeord: list[Tekst]
    emner: list[Emne] = overskrift("Emner", default=[])
    """Topics for the finder (closed vocabulary `EMNER`)."""
    lovgrundlag: Afsnit[list[Henvisning]] = overskrift("Lovgrundlag", default=[])
    beskrivelse: Afsnit[Tekst] | None = overskrift("Beskrivelse", default=None)
    hyppighed: Afsnit[list[Loefte]] = overskrift("Hyppighed", default=[])
    sagsbehandlingsfrist: Afsnit[list[Frist]] = overskrift("Sagsbehandlingsfrist", default=[])
    levering: Afsnit[list[Loefte]] = overskrift("Levering", default=[])
    betaling: Afsnit[list[Loefte]] = overskrift("Pris og betaling", default=[])
    ikke_omfattet: Afsnit[list[Tekst]] = overskrift("Det kan borgeren ikke få hjælp til", default=[])
    øvrigt: list[Loefte] = overskrift("Andre oplysninger", default=[])
    fsiii: list[FsiiiKode] = []

    @model_validator(mode="after")
    def _type_passer_til_id(self) -> Indsats:
        forventet = "kompenserende" if self.id.startswith("K") else "udviklende"
        if self.type != forventet:
            raise ValueError(f"id {self.id} betyder type '{forventet}', men type er '{self.type}'")
        return self


# ---------------------------------------------------------------- files


class StandarderFil(Model):
    introduktion: Introduktion
    standarder: Annotated[list[Standard], Field(min_length=1)]


class IndsatserFil(Model):
    indsatser: list[Indsats]


class Kommune(Model):
    navn: Tekst
    genitiv: Tekst
    forvaltning: Tekst
    hjemmeside: Annotated[str, StringConstraints(pattern=r"^https://")]


class Kontakt(Model):
    """Where citizens apply. ``null`` where the source gives no such detail (never guessed)."""

    enhed: Tekst | None
    telefon: Tekst | None
    telefontid: Tekst | None


class KatalogInfo(Model):
    titel: Titel
    område: Tekst
    år: Annotated[int, Field(ge=1990, le=2100)]
    kilde: Tekst
    kildens_dækning: Tekst | None = None
    """For editors: which parts of the source the data could be built from, and why others are missing."""
    licens: Licens | None = None


class Godkendelse(Model):
    udvalg: Tekst | None
    dato: Dato | None


class Beslutning(Model):
    """A recorded decision behind changes in a revision (modelled on a decision paper)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
    forum: Tekst
    dato: Dato
    titel: Titel
    beslutning: Tekst
    baggrund: Tekst | None = None
    forventet_effekt: Tekst | None = None
    opfølgning: Tekst | None = None
    kommunikation: Tekst | None = None
    udgifter: Tekst | None = None
    bemærkninger: list[Tekst] = []
    berører: list[Tekst] = []
    """Entries the decision explains: standard numbers ("1") or intervention ids ("K.2.1")."""


class Revision(Model):
    id: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}[a-z0-9.-]*$")]
    dato: Dato
    """The date the revision's legal citations are checked against."""
    gældende_fra: Dato | None
    udarbejdet_af: Tekst
    politisk_godkendt: Godkendelse
    forrige: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}[a-z0-9.-]*$")] | None = None
    beslutninger: list[Beslutning] = []


class KatalogFil(Model):
    kommune: Kommune
    kontakt: Kontakt
    katalog: KatalogInfo
    revision: Revision
    eksterne_standarder: list[Tekst] = []
    """Titles of quality standards the texts refer to that are not part of this catalogue."""


# Fields of a dumped entry that hold identifiers, not prose.
IKKE_PROSA = {"id", "indsats", "lov", "paragraf", "enhed", "type", "hovedlov", "søgeord", "emner"}


def prosa(data: Any, sti: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every prose string in a dumped entry (`model_dump()`), with its path."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in IKKE_PROSA:
                yield from prosa(v, sti + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from prosa(v, sti + (i,))
    elif isinstance(data, str):
        yield sti, data


# Placeholders an editor may write in any text; filled from katalog.yaml so
# the municipality's name and contact details live in one place only.
PLADSHOLDERE = (
    "kommune",
    "kommunes",
    "kontakt_enhed",
    "kontakt_telefon",
    "kontakt_telefontid",
    "katalog_år",
    "hjemmeside",
)
PLADSHOLDER_RE = re.compile(r"\{([a-zæøå_]+)\}")


def dato_som_date(dato: str) -> dt.date:
    """First day of the period a `Dato` names (``2014-05`` → 2014-05-01)."""
    dele = [int(x) for x in dato.split("-")] + [1, 1]
    return dt.date(dele[0], dele[1], dele[2])


# ---------------------------------------------------------------- aspects of a service level


@dataclass(frozen=True)
class Aspekt:
    """One aspect of an intervention's service level, and where the data states it.

    `egen` is the intervention's own field, `standardens` the field of its standard(s)
    that states the same aspect for all (or named) interventions. The view model
    (`site.serviceniveau`) and the checks (`tjek.krydstjek`) both read this table.
    """

    noegle: str
    titel: str
    """The heading on an intervention page."""
    mangler_tekst: str
    """How the reader is told the catalogue does not describe it."""
    egen: str | None
    standardens: str | None
    prosa: bool = False


ASPEKTER: tuple[Aspekt, ...] = (
    Aspekt(
        "sagsbehandlingsfrist",
        "Sagsbehandlingsfrist",
        "hvor hurtigt kommunen træffer afgørelse",
        "sagsbehandlingsfrist",
        "sagsbehandlingsfrister",
    ),
    Aspekt(
        "hyppighed", "Hyppighed og omfang", "hvor ofte og hvor meget du får hjælp", "hyppighed", "vejledende_omfang"
    ),
    Aspekt(
        "levering",
        "Levering og leverancesikkerhed",
        "hvornår og hvordan hjælpen leveres",
        "levering",
        "leverancesikkerhed",
    ),
    Aspekt("pris", "Pris og betaling", "hvad hjælpen koster", "betaling", "betaling"),
    Aspekt(
        "fleksibilitet", "Fleksibilitet", "om du kan bytte hjælpen til anden hjælp", None, "fleksibilitet", prosa=True
    ),
    Aspekt(
        "frit_valg",
        "Frit valg af leverandør",
        "om du kan vælge, hvem der leverer hjælpen",
        None,
        "frit_valg",
        prosa=True,
    ),
    Aspekt(
        "ikke_omfattet", "Det kan du ikke få hjælp til", "hvad hjælpen ikke omfatter", "ikke_omfattet", "ikke_omfattet"
    ),
    Aspekt("saerlige_forhold", "Særlige forhold", "særlige forhold", None, "særlige_forhold", prosa=True),
    Aspekt("lovgrundlag", "Lovgrundlag", "lovgrundlaget", "lovgrundlag", "lovgrundlag"),
)


def gaelder_for(v: Any, indsats_id: str) -> Literal["navngivet", "standard"] | None:
    """Whether a standard's fact applies to intervention `indsats_id`: by name, as one of all, or not."""
    if isinstance(v, Loefte):
        if v.kun_standarden:
            return None
        if v.gælder:
            return "navngivet" if indsats_id in v.gælder else None
    return "standard"


def overskrifter() -> dict[str, str]:
    """Every field's Danish heading, from the models' field titles (declared once, above)."""
    ud: dict[str, str] = {}
    for model in (
        Standard,
        Indsats,
        Introduktion,
        Introduktionsafsnit,
        Kvalitetsmaal,
        Dokument,
        KatalogFil,
        Kommune,
        Kontakt,
    ):
        for navn, f in model.model_fields.items():
            if f.title:
                ud.setdefault(navn, f.title)
    return ud
