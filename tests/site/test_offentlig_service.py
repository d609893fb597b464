"""Each entry as a public service: schema.org GovernmentService JSON-LD parsed from the built pages, and the
CPSV-AP export parsed as RDF (rdflib) with a PublicService per entry and its obligatory properties."""
from __future__ import annotations

import datetime
import json
import re
from urllib.parse import urljoin

import pytest
import rdflib
from rdflib.namespace import DCTERMS, RDF, SKOS

from generator.site import offentlig_service, urls
from generator.site.rens import farlige_steder, json_i_html, rens

CPSV = rdflib.Namespace("http://purl.org/vocab/cpsv#")
CV = rdflib.Namespace("http://data.europa.eu/m8g/")
BASIS = "https://kommune.example/2014/katalog/data/cpsv-ap.jsonld"
_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _jsonld(bygget, sti: str) -> list[dict]:
    html = (bygget / urls.html_fil(sti)).read_text(encoding="utf-8")
    return [json.loads(m) for m in _SCRIPT.findall(html)]


def _poster(katalog, visning):
    for s in katalog.standarder:
        yield visning.standard_sti[s.nr], s, str(s.nr)
    for sn in visning.serviceniveau:
        yield sn.til, sn.indsats, sn.indsats.id


def test_every_entry_page_carries_one_governmentservice(bygget, katalog, visning):
    """schema.org's Service properties the issue names: provider, areaServed, audience, serviceType,
    legal basis, offers — each present wherever the data gives it."""
    for sti, post, id_ in _poster(katalog, visning):
        [d] = _jsonld(bygget, sti)
        assert d["@context"] == "https://schema.org" and d["@type"] == "GovernmentService", sti
        assert d["name"].startswith(("Kvalitetsstandard " + id_, id_)) and d["description"], sti
        assert d["provider"]["@type"] == "GovernmentOrganization"
        assert d["provider"]["name"] == katalog.info.kommune.navn == d["areaServed"]["name"]
        assert d["serviceType"], sti
        assert {"propertyID": "kataloget", "value": id_}.items() <= d["identifier"][0].items()
        tj = (offentlig_service.for_standard(katalog, post, sti) if isinstance(post, type(katalog.standarder[0]))
              else offentlig_service.for_indsats(katalog, next(sn for sn in visning.serviceniveau if sn.til == sti)))
        assert ("audience" in d) == bool(tj.maalgruppe), sti
        assert ("subjectOf" in d) == bool(tj.lovgrundlag), sti
        assert ("offers" in d) == bool(tj.pris), sti
        assert "{" not in json.dumps(d, ensure_ascii=False).replace('{"', "").replace("{}", ""), sti  # placeholders filled


def test_governmentservice_of_an_intervention_says_what_the_page_says(bygget, visning):
    sn = next(sn for sn in visning.serviceniveau if sn.indsats.id == "K.2.1")
    [d] = _jsonld(bygget, sn.til)
    assert d["name"] == "K.2.1 Rengøring" and d["serviceType"] == "Praktiske opgaver"
    assert {"propertyID": "urn:oid:1.2.208.176.2.21", "value": "43608562-e356-4990-8b96-e35128bbdc4f",
            "name": "Rengøring", "alternateName": "H1.8"}.items() <= d["identifier"][1].items()
    assert any(x["@type"] == "Legislation" and "§ 83" in x["name"] and x["url"].startswith("https://www.retsinformation.dk/")
               for x in d["subjectOf"])
    assert d["audience"]["audienceType"].startswith("Borgere")
    assert d["availableChannel"]["servicePhone"]["telephone"] == "+4579946834"
    # The price is the catalogue's sentence; no amount is made up.
    assert all(set(o) == {"@type", "description"} for o in d["offers"])


def test_jsonld_cannot_end_its_script_element():
    fjendtlig = {"name": "</script><script>alert(1)</script>", "x": "<!-- & -->", "y": "\u2028"}
    tekst = json_i_html(fjendtlig)
    assert "<" not in tekst and ">" not in tekst and "&" not in tekst
    assert json.loads(tekst) == fjendtlig
    side = str(offentlig_service.script(fjendtlig))
    assert side.count("</script>") == 1 and side.endswith("</script>")
    assert farlige_steder(side) == []


def test_sanitizer_keeps_exactly_the_jsonld_element():
    gyldig = '<script type="application/ld+json">{"@type": "GovernmentService", "name": "a</b"}</script>'
    ud = rens("<p>x</p>" + gyldig)
    [indhold] = _SCRIPT.findall(ud)
    assert json.loads(indhold) == {"@type": "GovernmentService", "name": "a</b"} and "</b" not in indhold
    for andet in ('<script>alert(1)</script>',
                  '<script type="text/javascript">alert(1)</script>',
                  '<script type="application/ld+json" onload="alert(1)">{}</script>',
                  '<script type="application/ld+json">alert(1)</script>',
                  '<script type="application/ld+json">{"a": "</script><img src=x onerror=alert(1)>"}</script>'):
        renset = rens("<p>x</p>" + andet)
        assert "alert(1)" not in renset.replace("&lt;", "<") or "<script" not in renset, andet
        assert "onerror" not in renset and "onload" not in renset and farlige_steder(renset) == [], (andet, renset)
    # Never put back inside an attribute.
    i_attribut = rens('<a title=\'<script type="application/ld+json">{"x": "\\" onmouseover=alert(1) \\""}</script>\'>t</a>')
    assert "onmouseover" not in i_attribut.split(">")[0] and farlige_steder(i_attribut) == []


# ------------------------------------------------------------------ CPSV-AP


@pytest.fixture(scope="module")
def cpsv(bygget) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=(bygget / offentlig_service.CPSV).read_text(encoding="utf-8"), format="json-ld", publicID=BASIS)
    return g


def test_cpsv_has_a_public_service_per_entry_with_its_obligatory_properties(cpsv, katalog, visning):
    tjenester = set(cpsv.subjects(RDF.type, CPSV.PublicService))
    assert len(tjenester) == len(katalog.standarder) + len(katalog.indsatser)
    forventet = {rdflib.URIRef(urljoin(BASIS, "../../" + urls.url_i_site(sti))) for sti, _, _ in _poster(katalog, visning)}
    assert tjenester == forventet  # each service's IRI is its page
    for t in tjenester:
        for p in (DCTERMS.identifier, DCTERMS.title, DCTERMS.description, CV.hasCompetentAuthority):
            assert list(cpsv.objects(t, p)), (t, p)
        [myndighed] = cpsv.objects(t, CV.hasCompetentAuthority)
        assert (myndighed, RDF.type, CV.PublicOrganisation) in cpsv
        assert str(next(cpsv.objects(myndighed, SKOS.prefLabel))) == katalog.info.kommune.navn
        assert list(cpsv.objects(myndighed, CV.spatial))


def test_cpsv_carries_cost_processing_time_legal_resource_channel_and_fsiii(cpsv):
    [k21] = [t for t in cpsv.subjects(DCTERMS.identifier, rdflib.Literal("K.2.1"))]
    assert list(cpsv.objects(k21, CV.hasCost)) and list(cpsv.objects(k21, CV.hasLegalResource))
    assert list(cpsv.objects(k21, CV.hasChannel)) and list(cpsv.objects(k21, CV.holdsRequirement))
    [fsiii] = cpsv.objects(k21, CV.isClassifiedBy)
    assert str(fsiii) == "urn:uuid:43608562-e356-4990-8b96-e35128bbdc4f"
    assert {str(x) for x in cpsv.objects(fsiii, SKOS.notation)} == {"43608562-e356-4990-8b96-e35128bbdc4f", "H1.8"}
    # Both of U.3.1's deadlines have an emne, so no single processing time is claimed; K.4.1's own
    # "5 hverdage" has no xsd:duration form (working days), so none is claimed either.
    for id_ in ("U.3.1", "K.4.1"):
        [t] = cpsv.subjects(DCTERMS.identifier, rdflib.Literal(id_))
        assert not list(cpsv.objects(t, CV.processingTime)), id_
    [k11] = cpsv.subjects(DCTERMS.identifier, rdflib.Literal("K.1.1"))
    [tid] = cpsv.objects(k11, CV.processingTime)
    assert tid.toPython() == datetime.timedelta(weeks=2)  # "2 uger" (standard 1), as xsd:duration
