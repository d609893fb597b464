"""What valid catalogue data looks like: pydantic models, one per kind of entry.

Field names are the catalogue's own Danish headings so that an editor reading
the YAML recognises the printed catalogue. Every model forbids unknown fields:
a typo such as ``lovgrundlg`` is an error, never silently ignored.

A section the source does not cover is never left out: it is written as
``{mangler: "<why>"}`` (see `Mangler`), and the site says so plainly.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

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

Dato = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
"""A date as precise as the source gives it: ``2014``, ``2014-05`` or ``2014-05-01``."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Mangler(Model):
    """A section the source does not give. The reason is shown on the site."""

    mangler: Tekst


def _afsnit_tag(v: Any) -> str:
    # Called with the YAML's dict when validating and with the model when serialising.
    return "mangler" if isinstance(v, Mangler) or (isinstance(v, dict) and "mangler" in v) else "indhold"


def Afsnit(indhold: Any) -> Any:
    """A catalogue section: either its content, or ``{mangler: reason}``."""
    return Annotated[
        Union[Annotated[indhold, Tag("indhold")], Annotated[Mangler, Tag("mangler")]],
        Discriminator(_afsnit_tag),
    ]


def mangler(v: Any) -> bool:
    return isinstance(v, Mangler)


# ---------------------------------------------------------------- shared parts

class Varighed(Model):
    """A number and a unit, e.g. 4 uger, 30 minutter."""

    antal: Annotated[int, Field(ge=1)]
    """At least 1: "0 uger" is no deadline (the source's "hurtigst muligt" is a `note`)."""
    enhed: Enhed

    def __str__(self) -> str:
        return f"{self.antal} {self.enhed}"


class Frist(Model):
    """A case-processing deadline (sagsbehandlingsfrist)."""

    emne: Tekst | None = None
    frist: Varighed | None = None
    note: Tekst | None = None
    side: Sidetal

    @model_validator(mode="after")
    def _frist_eller_note(self) -> "Frist":
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
    side: Sidetal


class Henvisning(Model):
    """A structured legal citation: law, §, stk., nr."""

    lov: LovId
    paragraf: Paragraf
    stk: Annotated[int, Field(ge=1)] | None = None
    nr: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _nr_kraever_stk(self) -> "Henvisning":
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
    def _ikke_tom(self) -> "Kvalitetsmaal":
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
    titel: Tekst | None = None
    prioritet: Annotated[int, Field(ge=1)] | None = None
    gruppe: Tekst | None = None

    @model_validator(mode="after")
    def _praecis_en(self) -> "StandardensIndsats":
        if (self.indsats is None) == (self.standard is None):
            raise ValueError("angiv enten 'indsats' (fx K.1.1) eller 'standard' (et nummer), ikke begge/ingen")
        if self.standard is not None and self.titel is None:
            raise ValueError("en henvisning til en anden standard skal have en 'titel'")
        return self


# ---------------------------------------------------------------- entries

class Introduktionsafsnit(Model):
    nr: Annotated[str, StringConstraints(pattern=r"^1\.\d+$")]
    titel: Tekst
    tekst: Tekst
    side: Sidetal


class Introduktion(Model):
    titel: Tekst
    kort_fortalt: Tekst
    søgeord: list[Tekst]
    hovedlov: LovId
    side: Sidetal
    afsnit: Annotated[list[Introduktionsafsnit], Field(min_length=1)]


class Standard(Model):
    nr: Annotated[int, Field(ge=1, le=99)]
    titel: Tekst
    undertitel: Tekst | None = None
    side: Sidetal
    kort_fortalt: Tekst
    søgeord: list[Tekst]
    hovedlov: LovId
    lovgrundlag: Afsnit(list[Henvisning])
    lovgrundlag_note: Tekst | None = None
    visitation: Afsnit(Tekst)
    sagsbehandlingsfrister: Afsnit(list[Frist])
    målgruppe: Afsnit(Tekst)
    kvalitetsmål: Afsnit(Kvalitetsmaal)
    indsatser: Afsnit(list[StandardensIndsats])
    indhold_og_omfang: Afsnit(Tekst)
    vejledende_omfang: Afsnit(list[Loefte])
    ikke_omfattet: Afsnit(list[Tekst])
    betaling: Afsnit(list[Loefte])
    """What the citizen pays, as the source states it (introduction 1.9 and the standard itself)."""
    fleksibilitet: Afsnit(Tekst)
    leverancesikkerhed: Afsnit(list[Loefte])
    særlige_forhold: Afsnit(Tekst)
    tilsyn_med_kvaliteten: Afsnit(Tekst)
    dokument: Afsnit(Dokument)

    @property
    def id(self) -> str:
        return str(self.nr)


class Indsats(Model):
    id: IndsatsId
    titel: Tekst
    titel_i_standard: Tekst | None = None
    type: Literal["kompenserende", "udviklende"]
    standarder: Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=1)]
    side: Sidetal
    kort_fortalt: Tekst
    søgeord: list[Tekst]
    lovgrundlag: Afsnit(list[Henvisning])
    beskrivelse: Afsnit(Tekst)
    hyppighed: Afsnit(list[Loefte])
    sagsbehandlingsfrist: Afsnit(list[Frist])
    levering: Afsnit(list[Loefte])
    betaling: Afsnit(list[Loefte])
    ikke_omfattet: Afsnit(list[Tekst])
    øvrigt: list[Loefte] = []

    @model_validator(mode="after")
    def _type_passer_til_id(self) -> "Indsats":
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
    titel: Tekst
    område: Tekst
    år: Annotated[int, Field(ge=1990, le=2100)]
    kilde: Tekst


class Godkendelse(Model):
    udvalg: Tekst | None
    dato: Dato | None


class Beslutning(Model):
    """A recorded decision behind changes in a revision (modelled on a decision paper)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
    forum: Tekst
    dato: Dato
    titel: Tekst
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
IKKE_PROSA = {"id", "indsats", "lov", "paragraf", "enhed", "type", "hovedlov", "søgeord"}


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
PLADSHOLDERE = ("kommune", "kommunes", "kontakt_enhed", "kontakt_telefon", "kontakt_telefontid",
                "katalog_år", "hjemmeside")
PLADSHOLDER_RE = re.compile(r"\{([a-zæøå_]+)\}")


def dato_som_date(dato: str) -> dt.date:
    """First day of the period a `Dato` names (``2014-05`` → 2014-05-01)."""
    dele = [int(x) for x in dato.split("-")] + [1, 1]
    return dt.date(dele[0], dele[1], dele[2])
