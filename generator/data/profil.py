"""A catalogue's shape as data: its kinds of entries, ids, groups, sections, topics and texts.

A catalogue names a profile in katalog.yaml (``profil: NAVN``, a folder under ``profiler/``)
and may adjust it there (``form:``). Nothing in the generator knows one municipality's shape:
the schema's entry models are built from the profile (`schema.modeller`), the checks read its
id pattern, and the pages its headings and texts. The format is described in profiler/README.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator

Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Noegle = Annotated[str, StringConstraints(pattern=r"^[a-zæøå][a-zæøå0-9_]*$")]

Form = Literal["tekst", "liste", "fakta", "frister", "henvisninger", "kvalitetsmål", "indsatsliste", "dokument"]

AspektNoegle = Literal[
    "sagsbehandlingsfrist",
    "hyppighed",
    "levering",
    "pris",
    "fleksibilitet",
    "frit_valg",
    "ikke_omfattet",
    "saerlige_forhold",
    "lovgrundlag",
    "maalgruppe",
    "visitation",
    "indhold",
]
ASPEKTER: tuple[str, ...] = get_args(AspektNoegle)
"""The service-level vocabulary every profile maps its sections to: what makes catalogues of
different shapes comparable."""

PROFIL_FIL = "profil.yaml"
PROFIL_MAPPE = "profiler"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _regex(v: str) -> str:
    try:
        re.compile(v)
    except re.error as e:
        raise ValueError(f"mønsteret {v!r} er ikke et gyldigt regulært udtryk ({e.msg})") from None
    if v.startswith("^") or v.endswith("$"):
        raise ValueError("skriv mønsteret uden ^ og $ (det skal også findes inde i tekst)")
    return v


class IdSkema(_Model):
    """How an entry's id is written: a regular expression without anchors, with an example."""

    mønster: Tekst
    eksempel: Tekst
    forklaring: Tekst

    _tjek = field_validator("mønster")(_regex)

    @model_validator(mode="after")
    def _eksempel_passer(self) -> IdSkema:
        if not re.fullmatch(self.mønster, self.eksempel):
            raise ValueError(f"eksemplet {self.eksempel!r} passer ikke til mønsteret {self.mønster!r}")
        return self


class Gruppe(_Model):
    nøgle: Noegle
    titel: Tekst
    id_mønster: Tekst | None = None
    """An id beginning like this means this group (e.g. K. → kompenserende)."""
    eksempel: Tekst | None = None
    beskrivelse: Tekst | None = None

    _tjek = field_validator("id_mønster")(lambda v: v if v is None else _regex(v))


class Navneord(_Model):
    """A kind of entry's noun, in the forms the site's own sentences need."""

    ental: Tekst
    """Indefinite singular, in running text: "kvalitetsstandard", "ydelse"."""
    flertal: Tekst
    bestemt: Tekst | None = None
    """Definite singular ("kvalitetsstandarden", "tilbuddet"); default: `ental` + -en/-et."""
    bestemt_flertal: Tekst | None = None
    """Definite plural ("kvalitetsstandarderne", "tilbuddene"); default: `flertal` + -ne (-ene)."""
    intetkøn: bool = False
    """True for a neuter noun ("et tilbud", "dette tilbud")."""

    @property
    def bestemt_flertal_form(self) -> str:
        if self.bestemt_flertal:
            return self.bestemt_flertal
        return self.flertal + ("ne" if self.flertal.endswith("e") or self.flertal.endswith("er") else "ene")

    @property
    def artikel(self) -> str:
        return "et" if self.intetkøn else "en"

    @property
    def denne(self) -> str:
        return "dette" if self.intetkøn else "denne"

    @property
    def bestemt_form(self) -> str:
        if self.bestemt:
            return self.bestemt
        endelse = "et" if self.intetkøn else "en"
        return self.ental + (endelse[1:] if self.ental.endswith("e") else endelse)


class StandardForm(Navneord):
    pass


class IndsatsForm(Navneord):
    id: IdSkema | None = None
    """None: an entry has no id of its own; its id is its title's slug."""
    standarder: Literal["påkrævet", "ingen"] = "påkrævet"
    grupper: list[Gruppe] = []


class IntroForm(_Model):
    titel: Tekst
    nummer: IdSkema | None = None


class KildeForm(_Model):
    sidetal: bool = True
    """True: every entry and fact has `side` (a printed source); False: a web page."""


class AfsnitForm(_Model):
    """One section of an entry, or (without `nøgle`) a place on the page for an inherited aspect."""

    nøgle: Noegle | None = None
    overskrift: Tekst | None = None
    form: Form | None = None
    påkrævet: bool = False
    aspekt: AspektNoegle | None = None
    pdf: bool = True
    under: Noegle | None = None
    dækning: bool = True
    """False for a catch-all ("Andre oplysninger"): the coverage report does not count it as missing."""
    mangler: Tekst | None = None
    """How an intervention page's note says the section is not there ("hvad indsatsen præcist
    indeholder"); without it, a section that is not there is not mentioned."""

    @model_validator(mode="after")
    def _hel(self) -> AfsnitForm:
        if self.nøgle is None:
            if self.aspekt is None:
                raise ValueError(
                    "et afsnit skal have 'nøgle', 'overskrift' og 'form' (eller kun 'aspekt' for en plads)"
                )
            return self
        if self.overskrift is None or self.form is None:
            raise ValueError(f"afsnittet '{self.nøgle}' skal have både 'overskrift' og 'form'")
        return self


class Afsnitsformer(_Model):
    standard: list[AfsnitForm] = []
    indsats: list[AfsnitForm] = []


class AspektOrd(_Model):
    titel: Tekst | None = None
    etiket: Tekst | None = None
    mangler: Tekst | None = None


class Bolig(_Model):
    nøgle: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
    tekst: Tekst
    emne: Tekst | None = None


class Maalgruppe(_Model):
    tekst: Tekst
    love: list[Annotated[str, StringConstraints(pattern=r"^[a-zæøå]+$")]] = []
    """The laws the group's help is given under: a law-transition rule applies only to them."""


RESERVEREDE = frozenset(
    {
        "id",
        "nr",
        "titel",
        "undertitel",
        "titel_i_standard",
        "type",
        "standarder",
        "side",
        "kort_fortalt",
        "søgeord",
        "emner",
        "hovedlov",
        "overskrifter",
        "kildeside",
        "godkendelse",
        "uddrag",
        "fsiii",
    }
)
"""Fields every entry has (schema.StandardGrund / IndsatsGrund); a section may not take their names."""


class Profil(_Model):
    navn: Tekst
    beskrivelse: Tekst | None = None
    standard: StandardForm | None = None
    indsats: IndsatsForm
    introduktion: IntroForm
    kilde: KildeForm = KildeForm()
    afsnit: Afsnitsformer = Afsnitsformer()
    aspekter: dict[AspektNoegle, AspektOrd] = {}
    kort_fortalt: list[AspektNoegle] = ["sagsbehandlingsfrist", "hyppighed", "pris"]
    emner: list[Tekst] = []
    boliger: list[Bolig] = []
    ansøgning: list[Noegle] | None = None
    """The sections that tell the reader how to apply ("Sådan søger du" on every entry page): the
    entry's own, else its standard's. None: the sections stating the aspect `visitation`."""
    målgruppe: Maalgruppe | None = None
    tekster: dict[Noegle, str] = {}

    @model_validator(mode="after")
    def _sammenhaeng(self) -> Profil:
        for slags in ("standard", "indsats"):
            afsnit: list[AfsnitForm] = getattr(self.afsnit, slags)
            noegler = [a.nøgle for a in afsnit if a.nøgle]
            dobbelt = sorted({n for n in noegler if noegler.count(n) > 1})
            if dobbelt:
                raise ValueError(f"afsnit.{slags}: nøglen {dobbelt[0]!r} står mere end én gang")
            optaget = sorted(set(noegler) & RESERVEREDE)
            if optaget:
                raise ValueError(f"afsnit.{slags}: '{optaget[0]}' er et fast felt på alle poster; vælg en anden nøgle")
            for a in afsnit:
                if a.under and a.under not in noegler:
                    raise ValueError(f"afsnit.{slags}: '{a.nøgle}' står under '{a.under}', som ikke er et afsnit")
        kendte = {a.nøgle for a in [*self.afsnit.standard, *self.afsnit.indsats] if a.nøgle}
        ukendte = [n for n in self.ansøgning or [] if n not in kendte]
        if ukendte:
            raise ValueError(f"ansøgning: '{ukendte[0]}' er ikke et afsnit i profilen (afsnit.standard/afsnit.indsats)")
        if self.standard is None and (self.afsnit.standard or self.indsats.standarder == "påkrævet"):
            raise ValueError(
                "profilen har ingen 'standard', så den kan ikke have afsnit.standard eller "
                "'indsats.standarder: påkrævet' (skriv 'standarder: ingen')"
            )
        return self

    # ------------------------------------------------------------ reading it
    def afsnit_for(self, slags: str) -> list[AfsnitForm]:
        """The data sections (with a key) of `slags` ("standard" / "indsats"), in page order."""
        return [a for a in getattr(self.afsnit, slags) if a.nøgle]

    def aspekt_felt(self, slags: str, aspekt: str) -> str | None:
        """The section of `slags` that states `aspekt`, if any."""
        return next((a.nøgle for a in self.afsnit_for(slags) if a.aspekt == aspekt), None)

    def overskrift(self, slags: str, noegle: str) -> str | None:
        return next((a.overskrift for a in self.afsnit_for(slags) if a.nøgle == noegle), None)

    def ansoegningsafsnit(self, slags: str) -> list[str]:
        """The keys of `slags`' sections that tell how to apply, in the profile's order."""
        egne = {a.nøgle for a in self.afsnit_for(slags)}
        if self.ansøgning is not None:
            return [n for n in self.ansøgning if n in egne]
        return [a.nøgle for a in self.afsnit_for(slags) if a.aspekt == "visitation" and a.nøgle]

    def tekst(self, noegle: str, standard: str = "") -> str:
        return self.tekster.get(noegle, standard)

    def gruppe(self, noegle: str | None) -> Gruppe | None:
        return next((g for g in self.indsats.grupper if g.nøgle == noegle), None)

    def former(self, slags: str, *former: str) -> list[str]:
        """The keys of `slags`' sections of the given forms."""
        return [a.nøgle for a in self.afsnit_for(slags) if a.form in former and a.nøgle]

    @property
    def indsatsliste_felt(self) -> str | None:
        """The standard's section that lists its interventions (form `indsatsliste`)."""
        return next(iter(self.former("standard", "indsatsliste")), None)

    @property
    def id_moenster(self) -> str | None:
        """The intervention id's pattern (unanchored), or None where ids are slugs."""
        return self.indsats.id.mønster if self.indsats.id else None


def flet(grund: Any, oven: Any) -> Any:
    """`oven` laid over `grund`: mappings merge key by key (texts, aspects), everything else is replaced."""
    if isinstance(grund, dict) and isinstance(oven, dict):
        ud = dict(grund)
        for k, v in oven.items():
            ud[k] = flet(grund[k], v) if k in grund and k in ("tekster", "aspekter") else v
        return ud
    return oven


def profil_sti(navn: str, data_dir: Path) -> Path | None:
    """Where profile `navn` is: a path to a profil.yaml (or its folder), else ``profiler/NAVN/``
    in the catalogue's folder or the nearest folder above it that has ``profiler/``, else the
    profiles shipped beside the generator."""
    if navn.endswith(".yaml") or "/" in navn:
        for som_sti in [Path(navn)] if Path(navn).is_absolute() else [data_dir.parent / navn, data_dir / navn]:
            kandidat = som_sti if som_sti.suffix == ".yaml" else som_sti / PROFIL_FIL
            if kandidat.is_file():
                return kandidat
        return None
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", navn):
        return None
    return next((k for rod in _profilmapper(data_dir) if (k := rod / navn / PROFIL_FIL).is_file()), None)


def kendte_profiler(data_dir: Path) -> list[str]:
    """The profile names findable from `data_dir` (for hints)."""
    return sorted({p.parent.name for rod in _profilmapper(data_dir) for p in rod.glob(f"*/{PROFIL_FIL}")})


def _profilmapper(data_dir: Path) -> list[Path]:
    """The ``profiler/`` folders a name is looked up in, nearest first: in the catalogue's folder or
    above it, then the ones shipped beside the generator."""
    mapper = [data_dir.resolve(), *data_dir.resolve().parents, Path(__file__).resolve().parents[2]]
    return [m / PROFIL_MAPPE for m in mapper if (m / PROFIL_MAPPE).is_dir()]
