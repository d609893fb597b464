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
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic_core import PydanticCustomError
from typing_extensions import TypeIs

from .. import formater
from ..formater import MAANEDER, varighed
from .fsiii import FsiiiKode
from .hyppighed import Hyppighed
from .profil import AspektNoegle
from .raekkevidde import Borgere
from .raekkevidde import gaelder_for as gaelder_for
from .sammenligning import Sammenligning
from .svar import SvarArt
from .udgivelse import Licens

# ---------------------------------------------------------------- basic types

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text; Markdown is allowed."""

PostId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
"""A reference to an intervention by its id. Its form is the profile's (`profil.IdSkema`); that it
names an existing entry is checked across the catalogue (`tjek.krydstjek`)."""

LovId = Annotated[str, StringConstraints(pattern=r"^[a-zæøå]+$")]
"""Key of a law in data/love.yaml, e.g. ``serviceloven``."""

Paragraf = Annotated[str, StringConstraints(pattern=r"^\d+( [a-z])?$")]
"""Paragraph number in Danish drafting form: ``"83"`` or ``"94 a"`` (letter after a space)."""

Sidetal = Annotated[int, Field(ge=1, le=999)]
"""Page in the source PDF where this text stands. Optional in the models: a profile whose source
is printed (`kilde.sidetal`) requires it everywhere (`tjek.krydstjek`), a web page has none."""

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

Emne = Tekst
"""A topic tag (`emner`) from the profile's closed list (checked across the catalogue)."""


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
    side: Sidetal | None = None

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
    hyppighed: Hyppighed | None = None  # how often, as a value (data.hyppighed): the words stay `tekst`
    gælder: list[PostId] = []
    """Interventions a standard-wide promise names (shown on their pages; written once, here)."""
    undtagen: list[PostId] = []
    """Interventions a rule for all the standard's interventions does not apply to (`data.raekkevidde`)."""
    borgere: Borgere | None = None
    """The group of citizens the fact concerns ("daghjemsbrugere"), as the source words it."""
    svar: SvarArt | None = None
    """The answer where it is not a number ("set by individual assessment"; `data.svar`)."""
    kun_standarden: bool = False
    """The fact is about the standard's own offer (e.g. stays in a midlertidig bolig), not its interventions."""
    aspekt: AspektNoegle | None = None
    """The aspect of the service level the fact states, where its section is about something else
    ("Som hovedregel kan du få gjort rent hver anden uge" under "Hvad kan jeg få hjælp til?"):
    the summary box, the overview tables and the CSV then show it as that aspect too."""
    side: Sidetal | None = None

    @model_validator(mode="after")
    def _et_omfang(self) -> Loefte:
        if self.gælder and self.undtagen:
            raise ValueError("skriv enten 'gælder' (kun de nævnte) eller 'undtagen' (alle andre), ikke begge")
        return self


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
    side: Sidetal | None = None


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

    indsats: PostId | None = None
    standard: Annotated[int, Field(ge=1)] | None = None
    titel: Titel | None = None
    prioritet: Annotated[int, Field(ge=1)] | None = None
    gruppe: Tekst | None = None

    @model_validator(mode="after")
    def _praecis_en(self) -> StandardensIndsats:
        if (self.indsats is None) == (self.standard is None):
            raise ValueError("angiv enten 'indsats' (et indsats-id) eller 'standard' (et nummer), ikke begge/ingen")
        if self.standard is not None and self.titel is None:
            raise ValueError("en henvisning til en anden standard skal have en 'titel'")
        return self


# ---------------------------------------------------------------- entries
#
# Every entry has a few fixed fields (`StandardGrund`, `IndsatsGrund`); its sections are the
# profile's (`modeller`): a catalogue's shape is data, not code.


class Godkendelse(Model):
    udvalg: Tekst | None
    dato: Dato | None


class Kildeside(Model):
    """The web page an entry was taken from."""

    adresse: Annotated[str, StringConstraints(pattern=r"^https://", max_length=500)]


class Uddrag(Model):
    """The source holds the entry only from its beginning: what it does not hold is unknown, not absent."""

    slutter: Tekst
    """Where the held text stops, in the reader's words."""
    afbrudt_i: Tekst | None = None
    """The section the held text stops in (its last words are missing)."""


class Introduktionsafsnit(Model):
    nr: str | None = None
    titel: Titel
    tekst: Tekst
    side: Sidetal | None = None

    @property
    def noegle(self) -> str:
        return self.nr or formater.slug(self.titel)


class Introduktion(Model):
    titel: Titel
    kort_fortalt: Tekst
    søgeord: list[Tekst] = []
    hovedlov: LovId
    side: Sidetal | None = None
    afsnit: Annotated[list[Introduktionsafsnit], Field(min_length=1)]
    # Like an entry's: the web page it is taken from, its own approval, where the held text stops.
    kildeside: Kildeside | None = None
    godkendelse: Godkendelse | None = None
    uddrag: Uddrag | None = None


class _Post(Model):
    """What every entry has besides its sections."""

    titel: Titel
    side: Sidetal | None = None
    kort_fortalt: Tekst = overskrift("Kort fortalt")
    søgeord: list[Tekst] = []
    emner: list[Emne] = overskrift("Emner", default=[])
    """Topics for the finder (the profile's closed list `emner`)."""
    overskrifter: dict[str, Titel] = {}
    """The entry's own heading for a section, where the source words it differently from the profile."""
    kildeside: Kildeside | None = None
    godkendelse: Godkendelse | None = None
    """The entry's own political approval, where it has one (else the revision's applies)."""
    uddrag: Uddrag | None = None
    fsiii: list[FsiiiKode] = []
    """KL's Fælles Sprog III codes the entry maps to, or why none fits (`data.fsiii`)."""

    def afsnit(self, noegle: str | None) -> Any:
        """The value of section `noegle` (None if the profile has no such section or it is left out)."""
        return getattr(self, noegle, None) if noegle else None


class StandardGrund(_Post):
    nr: Annotated[int, Field(ge=1, le=99)]
    undertitel: Titel | None = None
    hovedlov: LovId

    @property
    def id(self) -> str:
        return str(self.nr)


class IndsatsGrund(_Post):
    """An intervention. Its own facts only: what its standard says for it is shown from the standard.

    An aspect the intervention's own description does not mention is simply left out
    (or empty); the site then shows what the standard says, and "not described" only
    where neither says anything.
    """

    id: PostId
    titel_i_standard: Titel | None = None
    type: Tekst | None = None
    """The group (profile `indsats.grupper`)."""
    standarder: list[Annotated[int, Field(ge=1)]] = []
    hovedlov: LovId | None = None
    """The law a bare § refers to, where the intervention has no standard to take it from."""

    _profil: ClassVar[Any] = None

    @model_validator(mode="before")
    @classmethod
    def _id_af_titel(cls, data: Any) -> Any:
        # Where the profile gives interventions no id scheme, the id is the title's slug.
        p = cls._profil
        if p is not None and p.indsats.id is None and isinstance(data, dict) and "id" not in data:
            if isinstance(data.get("titel"), str):
                return {"id": formater.slug(data["titel"])[:80] or "-", **data}
        return data


# Kept as names for annotations: the built models are subclasses of these.
Standard = StandardGrund
Indsats = IndsatsGrund

_FORMER: dict[str, Any] = {
    "tekst": Tekst,
    "liste": list[Tekst],
    "fakta": list[Loefte],
    "frister": list[Frist],
    "henvisninger": list[Henvisning],
    "kvalitetsmål": Kvalitetsmaal,
    "indsatsliste": list[StandardensIndsats],
    "dokument": Dokument,
}


def _afsnitsfelt(a: Any) -> tuple[Any, Any]:
    """A profile section as a pydantic field: content or ``{mangler: …}``; optional ones may be left out."""
    indhold = _FORMER[a.form]
    type_: Any = Afsnit[indhold]  # type: ignore[misc,valid-type]
    if a.påkrævet:
        return type_, overskrift(a.overskrift)
    if a.form in ("tekst", "kvalitetsmål", "dokument"):
        return type_ | None, overskrift(a.overskrift, default=None)
    return type_, overskrift(a.overskrift, default=[])


def id_regex(moenster: str) -> str:
    """A profile's unanchored id pattern as a whole-value pattern."""
    return f"^(?:{moenster})$"


@dataclass(frozen=True)
class Modeller:
    """The entry and file models of one profile."""

    profil: Any
    Standard: type[StandardGrund]
    Indsats: type[IndsatsGrund]
    Introduktionsafsnit: type[Introduktionsafsnit]
    StandarderFil: type[Model]
    IndsatserFil: type[Model]
    Eksport: type[Model]
    """katalog.json: the data files in one document (`data.eksport`)."""


def modeller(profil: Any) -> Modeller:
    """Build the entry models from a profile (`data.profil.Profil`): its sections become fields."""
    felter_std = {a.nøgle: _afsnitsfelt(a) for a in profil.afsnit_for("standard")}
    felter_ind: dict[str, Any] = {a.nøgle: _afsnitsfelt(a) for a in profil.afsnit_for("indsats")}
    if profil.indsats.id is not None:
        felter_ind["id"] = (Annotated[str, StringConstraints(pattern=id_regex(profil.indsats.id.mønster))], ...)
    standard = create_model("Standard", __base__=StandardGrund, **felter_std)  # type: ignore[call-overload]
    indsats = create_model("Indsats", __base__=IndsatsGrund, **felter_ind)
    indsats._profil = profil
    nummer = profil.introduktion.nummer
    afsnit_felter: dict[str, Any] = {}
    if nummer is not None:
        afsnit_felter["nr"] = (Annotated[str, StringConstraints(pattern=id_regex(nummer.mønster))], ...)
    else:
        afsnit_felter["nr"] = (None, None)
    intro_afsnit = create_model("Introduktionsafsnit", __base__=Introduktionsafsnit, **afsnit_felter)
    intro = create_model(
        "Introduktion",
        __base__=Introduktion,
        afsnit=(Annotated[list[intro_afsnit], Field(min_length=1)], ...),
    )
    standarder: Any = (
        (Annotated[list[standard], Field(min_length=1)], ...) if profil.standard is not None else (list[standard], [])
    )
    standarder_fil = create_model("StandarderFil", __base__=Model, introduktion=(intro, ...), standarder=standarder)
    indsatser_fil = create_model("IndsatserFil", __base__=Model, indsatser=(list[indsats], ...))
    eksport = create_model(
        "Eksport",
        __base__=Model,
        katalog=(KatalogFil, ...),
        introduktion=(intro, ...),
        standarder=(list[standard], ...),
        indsatser=(list[indsats], ...),
    )
    return Modeller(profil, standard, indsats, intro_afsnit, standarder_fil, indsatser_fil, eksport)


# ---------------------------------------------------------------- files


class Kommune(Model):
    navn: Tekst
    genitiv: Tekst
    forvaltning: Tekst
    hjemmeside: Annotated[str, StringConstraints(pattern=r"^https://")] | None
    """None where the catalogue does not (yet) give it: the site then links nowhere."""


class Kontakt(Model):
    """Where citizens apply. ``null`` where the source gives no such detail (never guessed)."""

    enhed: Tekst | None
    telefon: Tekst | None
    telefontid: Tekst | None
    ansøgning: Tekst | None = None
    """The source's own words on how to apply, where it says so once for all its help (prose): the
    "Sådan søger du" line of every entry without a text of its own (site/ansoegning.py)."""


class KatalogInfo(Model):
    titel: Titel
    område: Tekst
    år: Annotated[int, Field(ge=1900, le=2999)]
    kilde: Tekst
    kildens_dækning: Tekst | None = None
    """For editors: which parts of the source the data could be built from, and why others are missing."""
    licens: Licens | None = None


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
    id: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}[a-z0-9.-]{0,28}$")]
    dato: Dato
    """The date the revision's legal citations are checked against."""
    gældende_fra: Dato | None
    udarbejdet_af: Tekst | None
    """Null where the source does not say who prepared the catalogue (never guessed)."""
    politisk_godkendt: Godkendelse
    forrige: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}[a-z0-9.-]{0,28}$")] | None = None
    beslutninger: list[Beslutning] = []


class Maalgruppe(Model):
    """Whom the catalogue is for, and the laws their help is given under."""

    tekst: Tekst
    love: list[LovId] = []


class Soesterkatalog(Model):
    """Another catalogue on the same site; the reader is told which one applies to them."""

    titel: Titel
    målgruppe: Tekst
    sti: Annotated[str, StringConstraints(pattern=r"^(\.\./)*[a-z0-9][a-z0-9/-]*/$", max_length=100)]
    """Its front page, relative to this catalogue's edition (``../../helhedspleje/latest/``)."""


class KatalogFil(Model):
    profil: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    """The catalogue's shape: a profile under profiler/ (data.profil)."""
    form: dict[str, Any] | None = None
    """The catalogue's own adjustments to its profile, laid over it (checked as a profile)."""
    kommune: Kommune
    kontakt: Kontakt
    katalog: KatalogInfo
    revision: Revision
    målgruppe: Maalgruppe | None = None
    søsterkataloger: list[Soesterkatalog] = []
    sammenlign_med: Sammenligning | None = None  # the catalogues its editors compare it with (data.sammenligning)
    eksterne_standarder: list[Tekst] = []
    """Titles of quality standards the texts refer to that are not part of this catalogue."""


# Fields of a dumped entry that hold identifiers, not prose.
IKKE_PROSA = {"id", "indsats", "lov", "paragraf", "enhed", "type", "hovedlov", "søgeord", "emner", "svar", "bolig"}


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
    "ord_mangler",
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


# The service-level vocabulary's words, where a profile does not give its own (profil `aspekter`):
# (heading on an intervention page, label at a glance, how a gap is said).
ASPEKT_ORD: dict[str, tuple[str, str, str]] = {
    "sagsbehandlingsfrist": ("Sagsbehandlingsfrist", "Sagsbehandlingsfrist", "hvor hurtigt kommunen træffer afgørelse"),
    "hyppighed": ("Hyppighed", "Hvor ofte og hvornår", "hvor ofte og hvor meget du får hjælp"),
    "levering": ("Levering", "Levering", "hvornår og hvordan hjælpen leveres"),
    "pris": ("Pris og betaling", "Pris", "hvad hjælpen koster"),
    "fleksibilitet": ("Fleksibilitet", "Fleksibilitet", "om du kan bytte hjælpen til anden hjælp"),
    "frit_valg": ("Frit valg af leverandør", "Frit valg", "om du kan vælge, hvem der leverer hjælpen"),
    "ikke_omfattet": ("Det kan du ikke få hjælp til", "Ikke omfattet", "hvad hjælpen ikke omfatter"),
    "saerlige_forhold": ("Særlige forhold", "Særlige forhold", "særlige forhold"),
    "lovgrundlag": ("Lovgrundlag", "Lovgrundlag", "lovgrundlaget"),
    "maalgruppe": ("Hvem kan få hjælpen", "Hvem kan få hjælpen", "hvem der kan få hjælpen"),
    "visitation": ("Sådan tildeles hjælpen", "Visitation", "hvordan hjælpen tildeles"),
    "indhold": (
        "Indhold og omfang",
        "Indhold",
        "hvad hjælpen indeholder, hvor den gives, og hvordan den begynder og slutter",
    ),
}


OVERSIGTENS_ASPEKTER = ("sagsbehandlingsfrist", "hyppighed", "pris", "levering")
"""The columns of "Serviceniveau på et blik" and its CSV."""


def aspekter(profil: Any) -> tuple[Aspekt, ...]:
    """The aspects a profile's sections state, in the order of an intervention's page: where its
    sections (or places) put them, then the rest in the vocabulary's order."""
    plads = [a.aspekt for a in profil.afsnit.indsats if a.aspekt]
    i_standard = [a.aspekt for a in profil.afsnit.standard if a.aspekt]
    # The overview tables' and the summary box's aspects are always computed: a fact of another
    # section may state them (`Loefte.aspekt`) where no section of the profile does.
    oversigt = [x for x in ASPEKT_ORD if x in OVERSIGTENS_ASPEKTER or x in profil.kort_fortalt]
    orden = list(dict.fromkeys(plads + [x for x in ASPEKT_ORD if x in i_standard] + oversigt))
    former = {("indsats", a.nøgle): a.form for a in profil.afsnit_for("indsats")}
    former |= {("standard", a.nøgle): a.form for a in profil.afsnit_for("standard")}
    ud = []
    for noegle in orden:
        titel, _, mangler_tekst = ASPEKT_ORD[noegle]
        eget_ord = profil.aspekter.get(noegle)
        egen = profil.aspekt_felt("indsats", noegle)
        standardens = profil.aspekt_felt("standard", noegle)
        ud.append(
            Aspekt(
                noegle,
                (eget_ord.titel if eget_ord and eget_ord.titel else titel),
                (eget_ord.mangler if eget_ord and eget_ord.mangler else mangler_tekst),
                egen,
                standardens,
                prosa=(former.get(("indsats", egen)) or former.get(("standard", standardens))) == "tekst",
            )
        )
    return tuple(ud)


def etiket(profil: Any, noegle: str) -> str:
    """An aspect's label at a glance (summary box, finder, search results)."""
    eget_ord = profil.aspekter.get(noegle)
    return eget_ord.etiket if eget_ord and eget_ord.etiket else ASPEKT_ORD[noegle][1]


def overskrifter(m: Modeller | None = None) -> dict[str, str]:
    """Every field's Danish heading, from the models' field titles (the profile's headings)."""
    ud: dict[str, str] = {}
    modeller_ = (m.Standard, m.Indsats) if m else ()
    for model in (
        *modeller_,
        StandardGrund,
        IndsatsGrund,
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
