"""Open data: the revision's catalogue as JSON (with its JSON Schema) and as CSV tables, one value a cell.

Each CSV is declared once as a `Tabel`: its columns with type, meaning and allowed values.
The same declaration writes the file's header and cells and its Frictionless Table Schema
in ``datapackage.json`` (`datapakke`), so the two cannot drift apart. A cell holds one value:
a number and its unit stand in their own columns beside the sentence they come from, and
where a fact comes from (the intervention, or its standard) in another.

The JSON export is also what the "Ændringer" page of a later revision compares
against: each published revision carries the exact data it was built from.
"""

from __future__ import annotations

import csv
import io
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..data import schema
from ..data.eksport import eksport, som_json
from ..data.katalog import Katalog
from ..data.pladsholdere import Udfylder
from ..data.profil import ASPEKTER
from . import fsiiikoder, offentlig_service, urls
from .serviceniveau import Faktum, Kilde, frist_faktum
from .visning import Visning

CSV_INDSATSER = "katalog/data/indsatser.csv"
CSV_FSIII = "katalog/data/fsiii.csv"

# A spreadsheet opening the CSV treats a cell that begins with one of these as a formula
# ("=HYPERLINK(...)", "@SUM(...)"), or strips the tab/CR and then does. OWASP's advice:
# prefix such a cell with a single quote, so it is shown as the text it is.
_FORMELTEGN = ("=", "+", "-", "@", "\t", "\r")

ENHEDER: tuple[str, ...] = typing.get_args(schema.Enhed)
KILDER = {
    "indsats": "indsatsen",
    "navngivet": "standarden_om_indsatsen",
    "standard": "standarden_om_alle",
}
"""Where a fact comes from, as the `kilde` column writes it (serviceniveau.Kilde.slags)."""


def csv_celle(vaerdi: Any) -> Any:
    """One CSV cell, neutralised against formula injection (numbers are left as numbers)."""
    if isinstance(vaerdi, str) and vaerdi.startswith(_FORMELTEGN):
        return "'" + vaerdi
    return vaerdi


def _uden_links(tekst: str) -> str:
    """Cells are plain text: a Markdown link keeps its words."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", tekst)


@dataclass(frozen=True)
class Felt:
    """A CSV column: its name, Table Schema type, meaning, and constraints."""

    navn: str
    type: Literal["string", "integer"]
    beskrivelse: str
    paakraevet: bool = False
    vaerdier: tuple[str, ...] | None = None

    def table_schema(self) -> dict[str, Any]:
        felt: dict[str, Any] = {"name": self.navn, "type": self.type, "description": self.beskrivelse}
        begraensning: dict[str, Any] = {}
        if self.paakraevet:
            begraensning["required"] = True
        if self.vaerdier:
            begraensning["enum"] = list(self.vaerdier)
        if self.type == "integer":
            begraensning["minimum"] = 1
        if begraensning:
            felt["constraints"] = begraensning
        return felt


@dataclass(frozen=True)
class Tabel:
    sti: str
    navn: str
    """The resource's name in datapackage.json."""
    titel: str
    beskrivelse: str
    felter: tuple[Felt, ...]
    noegle: tuple[str, ...]

    def table_schema(self) -> dict[str, Any]:
        return {
            "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
            "fields": [f.table_schema() for f in self.felter],
            "missingValues": [""],
            "primaryKey": list(self.noegle),
        }

    def csv(self, raekker: Iterable[dict[str, Any]]) -> str:
        navne = [f.navn for f in self.felter]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(navne)
        for r in raekker:
            assert set(r) == set(navne), (self.navn, set(r) ^ set(navne))
            w.writerow([csv_celle("" if r[n] is None else r[n]) for n in navne])
        return buf.getvalue()


_ASPEKTER = ASPEKTER  # the service-level vocabulary every profile maps its sections to

INDSATSER = Tabel(
    CSV_INDSATSER,
    "indsatser",
    "Indsatser",
    "Én række pr. indsats og kvalitetsstandard, den hører under.",
    (
        Felt("indsats", "string", "Indsatsens id, som i data", True),
        Felt("titel", "string", "Indsatsens titel", True),
        Felt("type", "string", "Indsatsens gruppe (profilens grupper), tom hvis profilen ingen har", False),
        Felt("standard", "integer", "Nummeret på en kvalitetsstandard, indsatsen hører under", True),
        Felt("side", "integer", "Siden i kilden, hvor indsatsbeskrivelsen begynder", True),
    ),
    ("indsats", "standard"),
)

SERVICENIVEAU = Tabel(
    urls.CSV_SERVICENIVEAU,
    "serviceniveau",
    "Serviceniveau",
    "Én række pr. oplysning om en indsats' serviceniveau: indsatsens egne og dem, dens kvalitetsstandard "
    "giver for den eller for alle sine indsatser. Et aspekt uden rækker er ikke beskrevet i kataloget.",
    (
        Felt("indsats", "string", "Indsatsens id", True),
        Felt("aspekt", "string", "Hvilket aspekt af serviceniveauet oplysningen handler om", True, _ASPEKTER),
        Felt("nr", "integer", "Oplysningens nummer inden for indsatsens aspekt, i katalogets rækkefølge", True),
        Felt("emne", "string", "Oplysningens emne, hvis kataloget giver et"),
        Felt("tekst", "string", "Oplysningen, som kataloget skriver den", True),
        Felt("antal", "integer", "Tallet i en tid eller frist, som kataloget angiver det"),
        Felt("enhed", "string", "Enheden for antal", vaerdier=ENHEDER),
        Felt("url", "string", "For lovgrundlag: lovens adresse på retsinformation.dk"),
        Felt("kilde", "string", "Hvor oplysningen står", True, tuple(KILDER.values())),
        Felt("kilde_standard", "integer", "Kvalitetsstandarden, oplysningen står i (tom: indsatsen selv)"),
        Felt("side", "integer", "Siden i kilden"),
        Felt("svar", "string", "Svaret, hvor det ikke er et tal (fx fastsættes ved en individuel vurdering)"),
        Felt("omfang", "string", "Hvem oplysningen gælder for, som indsatsens side siger det"),
    ),
    ("indsats", "aspekt", "nr"),
)

FRISTER = Tabel(
    urls.CSV_FRISTER,
    "sagsbehandlingsfrister",
    "Sagsbehandlingsfrister",
    "Én række pr. frist: hver indsats' gældende frister, derefter de frister, kvalitetsstandarderne selv angiver.",
    (
        Felt("nr", "integer", "Rækkens nummer", True),
        Felt("indsats", "string", "Indsatsens id (tom: en frist for hele standarden)"),
        Felt("standard", "integer", "For en standards egen frist: standardens nummer"),
        Felt("titel", "string", "Indsatsens eller standardens titel", True),
        Felt("emne", "string", "Hvad fristen gælder, hvis kataloget siger det"),
        Felt("frist_antal", "integer", "Fristens tal"),
        Felt("frist_enhed", "string", "Fristens enhed", vaerdier=ENHEDER),
        Felt("frist", "string", "Fristen, som kataloget skriver den", True),
        Felt("kilde", "string", "Hvor fristen står", True, (*KILDER.values(), "kvalitetsstandarden")),
        Felt("kilde_standard", "integer", "Kvalitetsstandarden, fristen står i (tom: indsatsen selv)"),
        Felt("side", "integer", "Siden i kilden"),
    ),
    ("nr",),
)

FSIII = Tabel(
    CSV_FSIII,
    "fsiii",
    "FSIII-koder",
    "Én række pr. FSIII-kode, en indsats eller standard er knyttet til, eller pr. post, der siger, hvorfor den "
    "ingen kode har. Koderne er tjekket mod KL's kodesystem (urn:oid:1.2.208.176.2.21).",
    (
        Felt("post", "string", "Indsatsens id eller standardens nummer", True),
        Felt("post_type", "string", "indsats eller standard", True, ("indsats", "standard")),
        Felt("nr", "integer", "Linjens nummer for posten", True),
        Felt("kode", "string", "FSIII-koden (UUID)"),
        Felt("gammel_kode", "string", "Den gamle FSIII-kode, fx H1.8"),
        Felt("navn", "string", "Kodens navn i FSIII"),
        Felt("gruppe", "string", "Gruppen i FSIII, koden står i"),
        Felt(
            "kortlagt_af",
            "string",
            "redaktør (ud fra FSIII's definitioner) eller kilde",
            vaerdier=("redaktør", "kilde"),
        ),
        Felt("ingen", "string", "Hvorfor posten ingen FSIII-kode har"),
    ),
    ("post_type", "post", "nr"),
)

TABELLER = (INDSATSER, SERVICENIVEAU, FRISTER, FSIII)


def _kilde(k: Kilde) -> tuple[str, int | None]:
    return KILDER[k.slags], k.standard.nr if k.standard else None


def _faktum_raekke(f: Faktum, kilde: Kilde) -> dict[str, Any]:
    navn, standard = _kilde(kilde)
    return {
        "emne": f.emne,
        "tekst": _uden_links(" ".join(f.tekst.split())),
        "antal": f.antal,
        "enhed": f.enhed,
        "url": f.url,
        "kilde": navn,
        "kilde_standard": standard,
        "side": f.side,
        "svar": f.svar,
        "omfang": kilde.tekst,
    }


def _raekker(katalog: Katalog, visning: Visning) -> dict[Tabel, list[dict[str, Any]]]:
    indsatser = [
        {"indsats": i.id, "titel": i.titel, "type": i.type, "standard": nr, "side": i.side}
        for i in katalog.indsatser
        for nr in dict.fromkeys(i.standarder)
    ]
    serviceniveau: list[dict[str, Any]] = []
    frister: list[dict[str, Any]] = []
    for r in visning.serviceniveau:
        for a in r.aspekter:
            fakta = [(f, g.kilde) for g in a.grupper for f in g.fakta]
            for n, (f, kilde) in enumerate(fakta, 1):
                r_ = _faktum_raekke(f, kilde)
                serviceniveau.append({"indsats": r.indsats.id, "aspekt": a.aspekt.noegle, "nr": n, **r_})
        for f, kilde in r.frister:
            navn, standard = _kilde(kilde)
            frister.append(
                {
                    "indsats": r.indsats.id,
                    "standard": None,
                    "titel": r.indsats.titel,
                    "emne": f.emne,
                    "frist_antal": f.antal,
                    "frist_enhed": f.enhed,
                    "frist": f.tekst,
                    "kilde": navn,
                    "kilde_standard": standard,
                    "side": f.side,
                }
            )
    frist_felt = katalog.profil.aspekt_felt("standard", "sagsbehandlingsfrist")
    for s in katalog.standarder:
        v = s.afsnit(frist_felt)
        if not isinstance(v, list):
            continue
        for fr in v:
            f = frist_faktum(fr)
            frister.append(
                {
                    "indsats": None,
                    "standard": s.nr,
                    "titel": s.titel,
                    "emne": f.emne,
                    "frist_antal": f.antal,
                    "frist_enhed": f.enhed,
                    "frist": f.tekst,
                    "kilde": "kvalitetsstandarden",
                    "kilde_standard": s.nr,
                    "side": f.side,
                }
            )
    for n, fr_ in enumerate(frister, 1):
        fr_["nr"] = n
    fsiii: list[dict[str, Any]] = []
    for post_type, poster in (("standard", katalog.standarder), ("indsats", katalog.indsatser)):
        for post in poster:
            pk = fsiiikoder.postens_koder(post)
            linjer: list[dict[str, Any]] = [
                {
                    "kode": k.kode,
                    "gammel_kode": k.gammel_kode,
                    "navn": k.navn,
                    "gruppe": k.gruppe,
                    "kortlagt_af": k.kortlagt_af,
                    "ingen": None,
                }
                for k in pk.koder
            ]
            if pk.ingen:
                linjer.append(
                    dict.fromkeys(("kode", "gammel_kode", "navn", "gruppe", "kortlagt_af"), None) | {"ingen": pk.ingen}
                )
            for n, linje in enumerate(linjer, 1):
                fsiii.append({"post": str(post.id), "post_type": post_type, "nr": n, **linje})
    return {INDSATSER: indsatser, SERVICENIVEAU: serviceniveau, FRISTER: frister, FSIII: fsiii}


def filer(katalog: Katalog, visning: Visning) -> dict[str, str]:
    # Published data names the municipality: placeholders such as {kommune} are filled in.
    udfyld = Udfylder(katalog.info).i_data
    ud = {
        urls.DATA_JSON: som_json(udfyld(eksport(katalog))),
        urls.DATA_SKEMA: skema(katalog),
    }
    for tabel, raekker in _raekker(katalog, visning).items():
        ud[tabel.sti] = tabel.csv(udfyld(raekker))
    tjenester = offentlig_service.alle(katalog, visning.standard_sti, visning.serviceniveau)
    ud[offentlig_service.CPSV] = offentlig_service.cpsv(katalog, tjenester)
    return ud


_SKEMAER: dict[str, str] = {}


def skema(katalog: Katalog) -> str:
    """The export's JSON Schema, in the shape of the catalogue's profile."""
    # Keyed by the profile alone: it and the code decide the schema, so `mkdocs serve` makes it once
    # (each load builds the profile's model classes anew, so a key with the class never hit).
    profil = katalog.profil.model_dump_json()
    if profil not in _SKEMAER:
        _SKEMAER[profil] = _skema(katalog.modeller.Eksport)
    return _SKEMAER[profil]


def _skema(model: type[BaseModel]) -> str:
    s = model.model_json_schema()
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "Kvalitetsstandard-kataloget: eksport af én revision"
    return som_json(s)
