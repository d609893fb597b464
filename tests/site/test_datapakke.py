"""The open data as a package: Frictionless validates the built site's datapackage.json (every CSV cell
against its Table Schema, every file against its size and SHA-256), and the DCAT-AP-DK record parses as
RDF (rdflib) with every property DCAT-AP-DK 3.0 marks obligatory.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import rdflib
from frictionless import Package
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from generator.site import aabne_data, byg, datapakke, urls
from generator.tjek.indlaes import indlaes_katalog

from ..support import ROD

AARHUS = ROD / "examples" / "aarhus-sel-86-2" / "data"
BASIS = "https://kommune.example/2014/katalog/data/"


def _valider(mappe: Path):
    return Package(str(mappe / "datapackage.json")).validate()


def _fejl(rapport) -> list[str]:
    return [f"{e.type}: {e.message}" for task in rapport.tasks for e in task.errors]


@pytest.fixture(scope="module")
def datamappe(bygget) -> Path:
    return bygget / Path(datapakke.DATAPAKKE).parent


@pytest.fixture(scope="module")
def pakke(datamappe) -> dict:
    return json.loads((datamappe / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_validates_the_built_package(datamappe):
    rapport = _valider(datamappe)
    assert rapport.valid, _fejl(rapport)
    assert rapport.stats["tasks"] >= 7


def test_package_is_v2_and_describes_every_data_file_with_its_schema(pakke, datamappe, katalog):
    assert pakke["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert pakke["version"] == katalog.info.revision.id
    stier = {r["path"] for r in pakke["resources"]}
    filer = {p.name for p in datamappe.iterdir() if p.suffix in (".csv", ".json", ".jsonld")} - {"datapackage.json"}
    assert stier == filer
    for r in pakke["resources"]:
        if r["path"].endswith(".csv"):
            assert r["type"] == "table" and r["schema"]["fields"] and r["schema"]["primaryKey"]
        assert r["hash"].startswith("sha256:") and r["bytes"] > 0
    [json_] = [r for r in pakke["resources"] if r["path"] == "katalog.json"]
    assert json_["jsonSchema"] == "katalog.schema.json"
    # The real data names no licence: none is invented.
    assert "licenses" not in pakke and katalog.info.katalog.licens is None


def test_a_cell_that_breaks_its_schema_is_caught(datamappe, tmp_path):
    """The Table Schemas are not vacuous: a word in a number column and a unit outside the list fail."""
    kopi = tmp_path / "data"
    shutil.copytree(datamappe, kopi)
    pakke = json.loads((kopi / "datapackage.json").read_text(encoding="utf-8"))
    for r in pakke["resources"]:
        r.pop("hash"), r.pop("bytes")  # the cell is what is under test here, not the checksum
    (kopi / "datapackage.json").write_text(json.dumps(pakke), encoding="utf-8")
    csv_ = kopi / "serviceniveau.csv"
    tekst = csv_.read_text(encoding="utf-8")
    tekst = tekst.replace(",2,uger,", ",to,uger,", 1).replace(",3,hverdage,", ",3,arbejdsdage,", 1)
    csv_.write_text(tekst, encoding="utf-8")
    fejl = _fejl(_valider(kopi))
    assert any(f.startswith("type-error") and "to" in f for f in fejl), fejl
    assert any(f.startswith("constraint-error") and "arbejdsdage" in f for f in fejl), fejl


def test_a_changed_file_fails_its_checksum(datamappe, tmp_path):
    kopi = tmp_path / "data"
    shutil.copytree(datamappe, kopi)
    (kopi / "katalog.json").write_text((kopi / "katalog.json").read_text(encoding="utf-8") + " ", encoding="utf-8")
    fejl = _fejl(_valider(kopi))
    assert any("hash" in f or "bytes" in f for f in fejl), fejl


def test_each_edition_keeps_its_own_package():
    """The Aarhus example's two editions: the package names the edition it was built from."""
    k = indlaes_katalog(AARHUS)
    _, filer = byg.generer(k)
    pakke = json.loads(filer[datapakke.DATAPAKKE])
    assert pakke["version"] == k.info.revision.id == "2020-1"
    assert pakke["name"].endswith("2020-1")


# ------------------------------------------------------------------ DCAT-AP-DK


@pytest.fixture(scope="module")
def graf(datamappe) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=(datamappe / "dcat.jsonld").read_text(encoding="utf-8"), format="json-ld", publicID=BASIS + "dcat.jsonld")
    return g


def _en(g, s, p):
    vaerdier = list(g.objects(s, p))
    assert vaerdier, f"{s} mangler {p}"
    return vaerdier[0]


def test_dcat_record_has_every_obligatory_property(graf, katalog):
    [kat] = graf.subjects(RDF.type, DCAT.Catalog)
    for p in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher):
        _en(graf, kat, p)
    udgiver = _en(graf, kat, DCTERMS.publisher)
    assert str(_en(graf, udgiver, FOAF.name)) == katalog.info.kommune.navn
    [ds] = graf.subjects(RDF.type, DCAT.Dataset)
    assert (kat, DCAT.dataset, ds) in graf
    for p in (DCTERMS.title, DCTERMS.description):
        assert _en(graf, ds, p).language == "da"
    distributioner = list(graf.objects(ds, DCAT.distribution))
    adresser = set()
    for d in distributioner:
        assert (d, RDF.type, DCAT.Distribution) in graf
        adresser.add(str(_en(graf, d, DCAT.accessURL)))
        _en(graf, d, DCTERMS.format)
    # One distribution per data file and the package descriptor, at addresses relative to the record.
    forventet = {BASIS + Path(f.sti).name for f in datapakke.oversigt() if f.sti != datapakke.DCAT}
    assert adresser == forventet


def test_dcat_and_package_list_the_same_files(pakke, graf):
    i_pakken = {r["path"] for r in pakke["resources"]} - {"dcat.jsonld"}
    i_dcat = {str(o).removeprefix(BASIS) for o in graf.objects(None, DCAT.downloadURL)} - {"datapackage.json"}
    assert i_pakken == i_dcat
    assert {t.sti for t in aabne_data.TABELLER} <= {f"katalog/data/{p}" for p in i_pakken}
    assert urls.DATA_JSON.endswith(tuple(i_pakken))


def test_aarhus_package_and_records_are_valid_too(tmp_path):
    """A second catalogue (no phone, no interventions, one standard): the same package validates and parses."""
    k = indlaes_katalog(AARHUS)
    _, filer = byg.generer(k)
    for sti, indhold in filer.items():
        if sti.startswith("katalog/data/"):
            maal = tmp_path / Path(sti).name
            maal.write_text(indhold, encoding="utf-8")
    rapport = _valider(tmp_path)
    assert rapport.valid, _fejl(rapport)
    g = rdflib.Graph()
    g.parse(data=filer[datapakke.DCAT], format="json-ld", publicID=BASIS + "dcat.jsonld")
    [ds] = g.subjects(RDF.type, DCAT.Dataset)
    assert "Aarhus" in str(_en(g, ds, DCTERMS.title))
    cpsv = rdflib.Graph()
    cpsv.parse(data=filer["katalog/data/cpsv-ap.jsonld"], format="json-ld", publicID=BASIS + "cpsv-ap.jsonld")
    assert len(set(cpsv.subjects(RDF.type, rdflib.URIRef("http://purl.org/vocab/cpsv#PublicService")))) == 1
