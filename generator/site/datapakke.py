"""The open data as a package other systems harvest: a Frictionless Data Package and a DCAT-AP-DK record.

- ``datapackage.json`` (Data Package v2) describes every CSV and JSON file of the edition: its
  Table Schema (declared once in `aabne_data.Tabel`) or JSON Schema, its size and SHA-256, the
  catalogue's edition as the package's version, and the licence where ``katalog.yaml`` gives one.
- ``dcat.jsonld`` (DCAT-AP-DK, JSON-LD) describes the catalogue, the dataset and each file as a
  distribution, so a municipality's open-data portal can harvest it.

Every address inside them is relative to the folder they stand in, so an edition works under
any prefix (``/2014/``, ``/latest/``): JSON-LD resolves a relative IRI against the address the
record was fetched from, and a Data Package's paths are relative to the descriptor.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from typing import Any

from ..data.eksport import som_json
from ..data.katalog import Katalog
from ..data.pladsholdere import Udfylder
from ..formater import slug
from . import aabne_data, offentlig_service, urls

DATAPAKKE = "katalog/data/datapackage.json"
DCAT = "katalog/data/dcat.jsonld"

DATAPAKKE_PROFIL = "https://datapackage.org/profiles/2.0/datapackage.json"
EU_FILTYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_SPROG_DANSK = "http://publications.europa.eu/resource/authority/language/DAN"


@dataclass(frozen=True)
class JsonFil:
    sti: str
    navn: str
    titel: str
    beskrivelse: str
    mediatype: str
    filtype: str
    """EU file-type authority code (JSON, JSON_LD, CSV)."""
    skema: str | None = None
    """The JSON Schema the file follows (a path beside it)."""


JSON_FILER: tuple[JsonFil, ...] = (
    JsonFil(
        urls.DATA_JSON,
        "katalog",
        "Hele kataloget",
        "Alle kvalitetsstandarder og indsatser i udgaven som ét JSON-dokument, som datafilerne skriver dem.",
        "application/json",
        "JSON",
        skema=urls.DATA_SKEMA,
    ),
    JsonFil(
        urls.DATA_SKEMA,
        "katalog-skema",
        "JSON Schema for katalog.json",
        "Beskriver felterne i katalog.json (JSON Schema 2020-12).",
        "application/json",
        "JSON",
    ),
    JsonFil(
        offentlig_service.CPSV,
        "cpsv-ap",
        "Offentlige services (CPSV-AP)",
        "Hver kvalitetsstandard og indsats som en offentlig service efter EU's Core Public Service Vocabulary "
        "(CPSV-AP, JSON-LD): myndighed, målgruppe, pris, sagsbehandlingstid, lovgrundlag, kanal og FSIII-koder.",
        "application/ld+json",
        "JSON_LD",
    ),
)


def _fil(sti: str) -> str:
    """A file's path relative to the package's folder."""
    return posixpath.relpath(sti, posixpath.dirname(DATAPAKKE))


def _integritet(indhold: str) -> dict[str, Any]:
    data = indhold.encode("utf-8")
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def _licenser(k: Katalog) -> list[dict[str, str]]:
    lic = k.info.katalog.licens
    if lic is None:
        return []
    return [{"name": lic.navn, "path": lic.url, **({"title": lic.titel} if lic.titel else {})}]


def _titel(k: Katalog) -> str:
    return f"{k.info.katalog.titel} — {k.info.kommune.navn}, udgave {k.info.revision.id}"


def _poster(k: Katalog) -> str:
    """The catalogue's entries in its profile's words: "kvalitetsstandarder og indsatser"."""
    p = k.profil
    return (f"{p.standard.flertal} og " if p.standard else "") + p.indsats.flertal


def _beskrivelse(k: Katalog) -> str:
    return (
        f"{k.info.kommune.genitiv} {_poster(k)} på {k.info.katalog.område.lower()} "
        f"(udgave {k.info.revision.id}) som data: serviceniveau, sagsbehandlingsfrister, lovgrundlag og "
        f"FSIII-koder pr. indsats. Kilde: {k.info.katalog.kilde}."
    )


def datapakke(k: Katalog, filer: dict[str, str], ekstra: tuple[JsonFil, ...] = ()) -> str:
    """``datapackage.json`` for the files in `filer` (path → content), written last."""
    ressourcer: list[dict[str, Any]] = []
    for t in aabne_data.TABELLER:
        ressourcer.append(
            {
                "name": t.navn,
                "type": "table",
                "path": _fil(t.sti),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": t.titel,
                "description": t.beskrivelse,
                **_integritet(filer[t.sti]),
                "dialect": {
                    "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                    "header": True,
                    "delimiter": ",",
                },
                "schema": t.table_schema(),
            }
        )
    for j in (*JSON_FILER, *ekstra):
        ressourcer.append(
            {
                "name": j.navn,
                # Without it, Frictionless reads "….schema.json" as a Table Schema.
                **({"type": "json"} if j.filtype == "JSON" else {}),
                "path": _fil(j.sti),
                "format": "jsonld" if j.filtype == "JSON_LD" else "json",
                "mediatype": j.mediatype,
                "encoding": "utf-8",
                "title": j.titel,
                "description": j.beskrivelse,
                **_integritet(filer[j.sti]),
                # Data Package has no property for a JSON file's schema: this names the JSON Schema beside it.
                **({"jsonSchema": _fil(j.skema)} if j.skema else {}),
            }
        )
    pakke: dict[str, Any] = {
        "$schema": DATAPAKKE_PROFIL,
        "name": slug(f"{k.info.kommune.navn} {k.info.katalog.titel} {k.info.revision.id}"),
        "title": _titel(k),
        "description": _beskrivelse(k),
        "version": k.info.revision.id,
        "keywords": ["kvalitetsstandarder", "ældreområdet", "serviceniveau", "sagsbehandlingsfrister", "FSIII"],
        "contributors": [{"title": f"{k.info.kommune.navn}, {k.info.kommune.forvaltning}", "roles": ["publisher"]}],
        "sources": [{"title": k.info.katalog.kilde}],
        "resources": ressourcer,
    }
    if lic := _licenser(k):
        pakke["licenses"] = lic
    return som_json(Udfylder(k.info).i_data(pakke))


KONTEKST = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _distribution(sti: str, titel: str, beskrivelse: str, mediatype: str, filtype: str, lic: Any) -> dict[str, Any]:
    fil = {"@id": _fil(sti)}
    d: dict[str, Any] = {
        "@id": "#" + slug(_fil(sti)),
        "@type": "dcat:Distribution",
        "dct:title": {"@value": titel, "@language": "da"},
        "dct:description": {"@value": beskrivelse, "@language": "da"},
        "dcat:accessURL": fil,
        "dcat:downloadURL": fil,
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{mediatype}"},
        "dct:format": {"@id": EU_FILTYPE + filtype},
    }
    if lic is not None:
        d["dct:license"] = {"@id": lic.url}
    return d


def dcat(k: Katalog, ekstra: tuple[JsonFil, ...] = ()) -> str:
    """The DCAT-AP-DK record: catalogue → dataset → one distribution per file and the package descriptor."""
    info = k.info
    lic = info.katalog.licens
    udgiver = {
        "@id": "#udgiver",
        "@type": "foaf:Agent",
        "foaf:name": {"@value": info.kommune.navn, "@language": "da"},
        "foaf:homepage": {"@id": info.kommune.hjemmeside},
    }
    kontakt: dict[str, Any] = {
        "@type": "vcard:Organization",
        "vcard:fn": ", ".join(x for x in (info.kontakt.enhed, info.kommune.navn) if x),
        "vcard:hasURL": {"@id": info.kommune.hjemmeside},
    }
    if info.kontakt.telefon:
        kontakt["vcard:hasTelephone"] = {"@id": "tel:" + "".join(info.kontakt.telefon.split())}
    distributioner = [
        _distribution(t.sti, t.titel, t.beskrivelse, "text/csv", "CSV", lic) for t in aabne_data.TABELLER
    ] + [_distribution(j.sti, j.titel, j.beskrivelse, j.mediatype, j.filtype, lic) for j in (*JSON_FILER, *ekstra)]
    pakke = _distribution(
        DATAPAKKE,
        "Datapakke (Frictionless Data Package v2)",
        "Beskriver hver fil i udgaven med dens skema, størrelse og SHA-256.",
        "application/json",
        "JSON",
        lic,
    )
    pakke["dct:conformsTo"] = {"@id": DATAPAKKE_PROFIL}
    datasaet: dict[str, Any] = {
        "@id": "#datasaet",
        "@type": "dcat:Dataset",
        "dct:title": {"@value": _titel(k), "@language": "da"},
        "dct:description": {"@value": _beskrivelse(k), "@language": "da"},
        "dct:publisher": {"@id": "#udgiver"},
        "dcat:contactPoint": kontakt,
        "dct:language": {"@id": EU_SPROG_DANSK},
        "dcat:keyword": [{"@value": w, "@language": "da"} for w in ("kvalitetsstandarder", "ældreområdet", "FSIII")],
        "owl:versionInfo": info.revision.id,
        "dcat:distribution": [*distributioner, pakke],
    }
    if info.revision.gældende_fra:
        datasaet["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": info.revision.gældende_fra, "@type": _datotype(info.revision.gældende_fra)},
        }
    katalog = {
        "@id": "#katalog",
        "@type": "dcat:Catalog",
        "dct:title": {"@value": f"{info.kommune.genitiv} åbne data: {info.katalog.titel}", "@language": "da"},
        "dct:description": {"@value": _beskrivelse(k), "@language": "da"},
        "dct:publisher": {"@id": "#udgiver"},
        "dct:language": {"@id": EU_SPROG_DANSK},
        "dcat:dataset": {"@id": "#datasaet"},
    }
    if lic is not None:
        katalog["dct:license"] = {"@id": lic.url}
    graf = Udfylder(info).i_data([katalog, datasaet, udgiver])
    return json.dumps({"@context": KONTEKST, "@graph": graf}, ensure_ascii=False, indent=2) + "\n"


def _datotype(dato: str) -> str:
    """xsd type of a `Dato` as precise as the source gives it."""
    return {4: "xsd:gYear", 7: "xsd:gYearMonth"}.get(len(dato), "xsd:date")


def filer(k: Katalog, data: dict[str, str], ekstra: tuple[JsonFil, ...] = ()) -> dict[str, str]:
    """The DCAT record and the package descriptor for the open-data files in `data` (the record is in the package)."""
    ud = {DCAT: dcat(k, ekstra)}
    dcat_fil = JsonFil(
        DCAT,
        "dcat",
        "DCAT-AP-DK-post",
        "Katalog, datasæt og distributioner beskrevet med DCAT-AP-DK (JSON-LD) til høst af en dataportal.",
        "application/ld+json",
        "JSON_LD",
    )
    ud[DATAPAKKE] = datapakke(k, {**data, **ud}, (*ekstra, dcat_fil))
    return ud


@dataclass(frozen=True)
class Filbeskrivelse:
    """One open-data file as the data page lists it for a municipality's IT department."""

    sti: str
    titel: str
    format: str
    beskrivelse: str
    kolonner: tuple[aabne_data.Felt, ...] = ()


def oversigt(ekstra: tuple[JsonFil, ...] = ()) -> list[Filbeskrivelse]:
    """Every open-data file, in the order the data page lists them."""
    return [
        Filbeskrivelse(DCAT, "DCAT-AP-DK-post", "JSON-LD", "Katalog, datasæt og en distribution pr. fil, til høst."),
        Filbeskrivelse(
            DATAPAKKE, "Datapakke", "JSON (Frictionless Data Package v2)", "Hver fil med skema, størrelse og SHA-256."
        ),
        *(Filbeskrivelse(t.sti, t.titel, "CSV", t.beskrivelse, t.felter) for t in aabne_data.TABELLER),
        *(
            Filbeskrivelse(j.sti, j.titel, "JSON-LD" if j.filtype == "JSON_LD" else "JSON", j.beskrivelse)
            for j in (*JSON_FILER, *ekstra)
        ),
    ]
