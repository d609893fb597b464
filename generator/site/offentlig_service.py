"""Each entry as a public service, the way portals and search engines read one.

- On every standard's and intervention's page: schema.org ``GovernmentService`` as JSON-LD
  (provider, area served, audience, service type, legal basis, offers, channel, FSIII codes).
- In the open data: ``cpsv-ap.jsonld``, the whole catalogue in the EU's Core Public Service
  Vocabulary (CPSV-AP): a ``cpsv:PublicService`` per entry with its competent authority,
  cost, processing time, requirement (the target group), channel, contact point, legal
  resources and FSIII classification.

Only what the data says: a price is a sentence (no amount is parsed out of it), a processing
time is given as a duration only where the data has a number and a unit a duration can say
(not "hverdage"), and a property the data does not give is left out, never guessed.
JSON-LD in a page is data, not script: `rens.json_i_html` serialises it so no text can end
the ``<script>`` element, and the sanitizer keeps exactly that element.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..data import schema
from ..data.katalog import Katalog
from ..data.pladsholdere import Udfylder
from . import fsiiikoder, serviceniveau, urls
from .rens import json_i_html
from .serviceniveau import Faktum, Serviceniveau

CPSV = "katalog/data/cpsv-ap.jsonld"
FSIII_URL = "urn:oid:1.2.208.176.2.21"

# xsd:duration of a `Varighed`; "hverdage" (working days) has no duration form and is left out.
_VARIGHED = {"minutter": "PT{}M", "timer": "PT{}H", "døgn": "P{}D", "dage": "P{}D", "uger": "P{}W", "måneder": "P{}M"}


@dataclass
class Tjeneste:
    """What one entry says about itself as a public service, as plain text (placeholders filled)."""

    id: str
    navn: str
    beskrivelse: str
    sti: str
    """Its page (docs_dir path)."""
    servicetype: list[str]
    maalgruppe: str | None
    lovgrundlag: list[Faktum]
    pris: list[str]
    frister: list[Faktum]
    fsiii: fsiiikoder.PostensKoder
    dele_af: list[str] = field(default_factory=list)
    """The pages of the standards an intervention belongs to."""


def _ren(tekst: str, udfyld: Udfylder) -> str:
    """Data prose as one plain line: placeholders filled, list marks, links and emphasis removed."""
    linjer = [re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", linje) for linje in udfyld(tekst).splitlines()]
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(linjer))
    t = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", t)
    return " ".join(t.split())


def _maalgruppe(k: Katalog, s: schema.Standard, udfyld: Udfylder) -> str | None:
    """The standard's target group: its section that states the aspect (the profile's)."""
    v = s.afsnit(k.profil.aspekt_felt("standard", "maalgruppe"))
    return None if v is None or schema.mangler(v) or not isinstance(v, str) else _ren(v, udfyld)


def for_indsats(k: Katalog, sn: Serviceniveau) -> Tjeneste:
    udfyld = Udfylder(k.info)
    i = sn.indsats
    maalgrupper = [m for s in sn.standarder if (m := _maalgruppe(k, s, udfyld))]
    return Tjeneste(
        id=i.id,
        navn=f"{i.id} {i.titel}" if k.profil.indsats.id else i.titel,
        beskrivelse=_ren(i.kort_fortalt, udfyld),
        sti=sn.til,
        servicetype=[s.titel for s in sn.standarder],
        maalgruppe=" ".join(dict.fromkeys(maalgrupper)) or None,
        lovgrundlag=[f for g in sn.aspekt("lovgrundlag").grupper for f in g.fakta],
        pris=[_ren(f.linje(), udfyld) for g in sn.aspekt("pris").grupper for f in g.fakta],
        frister=[f for g in sn.aspekt("sagsbehandlingsfrist").grupper for f in g.fakta],
        fsiii=fsiiikoder.postens_koder(i),
        dele_af=[urls.standard(s.nr, s.titel) for s in sn.standarder],
    )


def for_standard(k: Katalog, s: schema.Standard, sti: str) -> Tjeneste:
    udfyld = Udfylder(k.info)

    def liste(v: Any) -> list[Any]:
        return v if isinstance(v, list) else []

    p = k.profil

    def felt(aspekt: str) -> Any:
        return s.afsnit(p.aspekt_felt("standard", aspekt))

    return Tjeneste(
        id=str(s.nr),
        navn=f"{k.standard_navn(s.nr)[:1].upper()}{k.standard_navn(s.nr)[1:]}. {s.titel}",
        beskrivelse=_ren(s.kort_fortalt, udfyld),
        sti=sti,
        servicetype=[s.titel],
        maalgruppe=_maalgruppe(k, s, udfyld),
        lovgrundlag=[serviceniveau.faktum(h, k) for h in liste(felt("lovgrundlag"))],
        pris=[_ren(serviceniveau.faktum(f, k).linje(), udfyld) for f in liste(felt("pris"))],
        frister=[serviceniveau.faktum(f, k) for f in liste(felt("sagsbehandlingsfrist"))],
        fsiii=fsiiikoder.postens_koder(s),
    )


def _udbyder(k: Katalog) -> dict[str, Any]:
    kommune = k.info.kommune
    return {
        "@type": "GovernmentOrganization",
        "name": kommune.navn,
        "url": kommune.hjemmeside,
        "department": {"@type": "GovernmentOrganization", "name": kommune.forvaltning},
    }


def _telefon(k: Katalog) -> str | None:
    """The phone in international form where the data writes a Danish number (8 digits, spaces allowed)."""
    t = k.info.kontakt.telefon
    return "+45" + "".join(t.split()) if t and re.fullmatch(r"[\d ]{8,11}", t) else t


def governmentservice(k: Katalog, t: Tjeneste) -> dict[str, Any]:
    """schema.org GovernmentService for the entry's page (properties the data does not give are left out)."""
    d: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": "#tjeneste",
        "name": t.navn,
        "description": t.beskrivelse,
        "identifier": [{"@type": "PropertyValue", "propertyID": "kataloget", "value": t.id}]
        + [
            {
                "@type": "PropertyValue",
                "propertyID": FSIII_URL,
                "value": kode.kode,
                "name": kode.navn,
                **({"alternateName": kode.gammel_kode} if kode.gammel_kode else {}),
            }
            for kode in t.fsiii.koder
        ],
        "provider": _udbyder(k),
        "areaServed": {"@type": "AdministrativeArea", "name": k.info.kommune.navn},
        "serviceType": t.servicetype[0] if len(t.servicetype) == 1 else t.servicetype,
    }
    if t.maalgruppe:
        d["audience"] = {"@type": "Audience", "audienceType": t.maalgruppe}
    if t.lovgrundlag:
        # schema.org has no property for a service's legal basis: the law is a Legislation the service is subject of.
        d["subjectOf"] = [
            {"@type": "Legislation", "name": f.tekst, **({"url": f.url} if f.url else {})} for f in t.lovgrundlag
        ]
    if t.pris:
        d["offers"] = [{"@type": "Offer", "description": p} for p in t.pris]
    kontakt = k.info.kontakt
    if kontakt.enhed or kontakt.telefon:
        kanal: dict[str, Any] = {"@type": "ServiceChannel", "name": kontakt.enhed or k.info.kommune.navn}
        if kontakt.telefon:
            kanal["servicePhone"] = {
                "@type": "ContactPoint",
                "telephone": _telefon(k),
                **({"hoursAvailable": kontakt.telefontid} if kontakt.telefontid else {}),
            }
        d["availableChannel"] = kanal
    return Udfylder(k.info).i_data(d)


def script(data: dict[str, Any]) -> Markup:
    """The JSON-LD as the page writes it: a data block no text can break out of."""
    return Markup('<script type="application/ld+json">' + json_i_html(data) + "</script>")


def jsonld_indsats(k: Katalog, sn: Serviceniveau) -> Markup:
    return script(governmentservice(k, for_indsats(k, sn)))


def jsonld_standard(k: Katalog, s: schema.Standard, sti: str) -> Markup:
    return script(governmentservice(k, for_standard(k, s, sti)))


# ------------------------------------------------------------------ CPSV-AP for the whole catalogue

CPSV_KONTEKST = {
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
SPROG_DANSK = "http://publications.europa.eu/resource/authority/language/DAN"
KANAL_TELEFON = "http://publications.europa.eu/resource/authority/channel/TELEPHONE"


def _side_iri(sti: str) -> str:
    """The entry's page, relative to the CPSV file (a page is a directory URL under use_directory_urls)."""
    return posixpath.relpath(urls.url_i_site(sti), posixpath.dirname(CPSV)) + "/"


def _da(tekst: str) -> dict[str, str]:
    return {"@value": tekst, "@language": "da"}


def _varighed(f: Faktum) -> str | None:
    if f.antal is None or f.enhed not in _VARIGHED:
        return None
    return _VARIGHED[f.enhed].format(f.antal)


def _public_service(k: Katalog, t: Tjeneste) -> dict[str, Any]:
    iri = _side_iri(t.sti)
    d: dict[str, Any] = {
        "@id": iri,
        "@type": "cpsv:PublicService",
        "dct:identifier": t.id,
        "dct:title": _da(t.navn),
        "dct:description": _da(t.beskrivelse),
        "cv:hasCompetentAuthority": {"@id": "#myndighed"},
        "dct:language": {"@id": SPROG_DANSK},
        "cv:sector": [_da(x) for x in t.servicetype],
    }
    if t.dele_af:
        d["dct:isPartOf"] = [{"@id": _side_iri(s)} for s in t.dele_af]
    if t.maalgruppe:
        d["cv:holdsRequirement"] = {
            "@id": iri + "#maalgruppe",
            "@type": "cv:CriterionRequirement",
            "dct:identifier": f"{t.id}-maalgruppe",
            "dct:title": _da("Målgruppe"),
            "dct:description": _da(t.maalgruppe),
        }
    if t.pris:
        d["cv:hasCost"] = [
            {
                "@id": f"{iri}#pris-{n}",
                "@type": "cv:Cost",
                "dct:identifier": f"{t.id}-pris-{n}",
                "dct:description": _da(p),
                "cv:isDefinedBy": {"@id": "#myndighed"},
            }
            for n, p in enumerate(t.pris, 1)
        ]
    # The general deadline (no `emne`) as a duration, where the data gives one a duration can say.
    almindelige = [v for f in t.frister if f.emne is None and (v := _varighed(f))]
    if almindelige:
        d["cv:processingTime"] = {"@value": almindelige[0], "@type": "xsd:duration"}
    if t.lovgrundlag:
        d["cv:hasLegalResource"] = [
            {
                "@type": "eli:LegalResource",
                "dct:title": _da(f.tekst),
                **({"foaf:page": {"@id": f.url}} if f.url else {}),
            }
            for f in t.lovgrundlag
        ]
    if t.fsiii.koder:
        d["cv:isClassifiedBy"] = [
            {
                # The FSIII UUID names the concept; its legacy code is a second notation.
                "@id": f"urn:uuid:{kode.kode}",
                "@type": "skos:Concept",
                "skos:prefLabel": _da(kode.navn),
                "skos:notation": [kode.kode, *([kode.gammel_kode] if kode.gammel_kode else [])],
                "skos:inScheme": {"@id": FSIII_URL},
            }
            for kode in t.fsiii.koder
        ]
    kontakt = k.info.kontakt
    if kontakt.telefon:
        d["cv:hasChannel"] = {"@id": "#telefon"}
        d["cv:hasContactPoint"] = {"@id": "#kontakt"}
    return d


def alle(k: Katalog, standard_sti: dict[int, str], niveauer: list[Serviceniveau]) -> list[Tjeneste]:
    """Every entry as a service: the standards, then the interventions (catalogue order)."""
    return [for_standard(k, s, standard_sti[s.nr]) for s in k.standarder] + [for_indsats(k, sn) for sn in niveauer]


def cpsv(k: Katalog, tjenester: list[Tjeneste]) -> str:
    """The whole catalogue in CPSV-AP (JSON-LD): one PublicService per standard and intervention."""
    info = k.info
    myndighed = {
        "@id": "#myndighed",
        "@type": "cv:PublicOrganisation",
        "skos:prefLabel": _da(info.kommune.navn),
        "foaf:homepage": {"@id": info.kommune.hjemmeside},
        "cv:spatial": {"@type": "dct:Location", "locn:geographicName": _da(info.kommune.navn)},
    }
    graf: list[dict[str, Any]] = [myndighed]
    if info.kontakt.telefon:
        graf.append(
            {
                "@id": "#kontakt",
                "@type": "cv:ContactPoint",
                "cv:telephone": _telefon(k),
                **({"cv:openingHours": _da(info.kontakt.telefontid)} if info.kontakt.telefontid else {}),
                **({"skos:prefLabel": _da(info.kontakt.enhed)} if info.kontakt.enhed else {}),
            }
        )
        graf.append(
            {
                "@id": "#telefon",
                "@type": "cv:Channel",
                "dct:type": {"@id": KANAL_TELEFON},
                "cv:ownedBy": {"@id": "#myndighed"},
                "cv:hasContactPoint": {"@id": "#kontakt"},
            }
        )
    graf += [_public_service(k, t) for t in tjenester]
    ud = {"@context": CPSV_KONTEKST, "@graph": Udfylder(info).i_data(graf)}
    return json.dumps(ud, ensure_ascii=False, indent=2) + "\n"
