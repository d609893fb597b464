"""Open data as published on the site (generator/aabne_data.py): JSON that validates against its
own JSON Schema (with the `jsonschema` library), and CSVs with a row per intervention / per deadline.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import posixpath
import re
from urllib.parse import urlsplit

import jsonschema
import pytest

from generator.site import urls
from generator.site.serviceniveau import IKKE_I_KATALOGET

from .. import support as html
from ..support import DATA

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def data(bygget) -> dict:
    return json.loads((bygget / urls.DATA_JSON).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def skema(bygget) -> dict:
    return json.loads((bygget / urls.DATA_SKEMA).read_text(encoding="utf-8"))


def _csv(bygget, sti: str) -> list[dict[str, str]]:
    tekst = (bygget / sti).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(tekst)))


def test_schema_is_a_valid_2020_12_schema(skema):
    assert skema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(skema)


def test_katalog_json_validates_against_its_schema(data, skema):
    validator = jsonschema.Draft202012Validator(skema)
    fejl = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not fejl, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in fejl[:10])


def test_schema_rejects_broken_data(data, skema):
    """The schema is not vacuous: a missing field and a wrong type are both caught."""
    validator = jsonschema.Draft202012Validator(skema)
    uden = copy.deepcopy(data)
    del uden["indsatser"][0]["titel"]
    assert not validator.is_valid(uden)
    forkert = copy.deepcopy(data)
    forkert["standarder"][0]["nr"] = "en"
    assert not validator.is_valid(forkert)


def test_katalog_json_holds_every_standard_and_intervention(data, katalog):
    assert [s["nr"] for s in data["standarder"]] == [s.nr for s in katalog.standarder]
    assert [i["id"] for i in data["indsatser"]] == [i.id for i in katalog.indsatser]
    assert data["katalog"]["revision"]["id"] == katalog.info.revision.id


def test_serviceniveau_csv_has_a_row_per_intervention(bygget, katalog):
    raekker = _csv(bygget, urls.CSV_SERVICENIVEAU)
    assert [r["id"] for r in raekker] == [i.id for i in katalog.indsatser]
    for r, i in zip(raekker, katalog.indsatser):
        assert r["titel"] == i.titel and r["type"] == i.type
        assert r["standarder"].split() == [str(n) for n in i.standarder]


def test_sagsbehandlingsfrister_csv_has_a_row_per_deadline(bygget, visning):
    """One row per deadline that applies to an intervention, then the standards' own."""
    raekker = _csv(bygget, urls.CSV_FRISTER)
    forventet = [(f"{r.indsats.id} {r.indsats.titel}", f, k.kort or "indsatsen")
                 for r in visning.serviceniveau for f, k in r.frister]
    forventet += [(fr.hvem, fr.faktum, "kvalitetsstandarden") for fr in visning.standardernes_frister()]
    assert len(raekker) == len(forventet) > 0
    for r, (hvem, f, kilde) in zip(raekker, forventet):
        assert (r["gælder"], r["kilde"], r["side"]) == (hvem, kilde, str(f.side))
        if f.antal:
            assert r["frist"].startswith(f"{r['frist_antal']} ") and r["frist_enhed"] == f.enhed
    # U.3.1 gets both of standard 3's deadlines; K.4.1 only its own (its standard's general one is replaced).
    u31 = [(r["emne"], r["frist"], r["kilde"]) for r in raekker if r["gælder"].startswith("U.3.1 ")]
    assert u31 == [("Genoptræning, § 86, stk. 1", "2 uger", "kvalitetsstandard 3"),
                   ("Vedligeholdelsestræning, § 86, stk. 2", "4 uger", "kvalitetsstandard 3")]
    assert [(r["frist"], r["kilde"]) for r in raekker if r["gælder"].startswith("K.4.1 ")] == [
        ("5 hverdage", "indsatsen")]


def test_serviceniveau_page_frister_page_and_csv_agree_cell_by_cell(bygget, katalog):
    """Staff read the deadline on two pages and in a spreadsheet: all three say the same, for every intervention."""
    serviceniveau = html.tabeller(bygget / urls.html_fil(urls.SERVICENIVEAU))[0]
    frister = html.tabeller(bygget / urls.html_fil(urls.SAGSBEHANDLINGSFRISTER))[0]
    assert serviceniveau[0][:6] == ["Indsats", "Standard", "Sagsbehandlingsfrist", "Hyppighed og omfang",
                                    "Pris", "Levering"]
    assert frister[0] == ["Indsats", "Sagsbehandlingsfrist"]
    side = {r[0].split()[0]: r for r in serviceniveau[1:]}
    frist_side = {r[0].split()[0]: r[1] for r in frister[1:]}
    csv_ = {r["id"]: r for r in _csv(bygget, urls.CSV_SERVICENIVEAU)}
    assert list(side) == list(frist_side) == list(csv_) == [i.id for i in katalog.indsatser]
    for id_, r in side.items():
        assert r[2] == frist_side[id_] == " ".join(csv_[id_]["sagsbehandlingsfrist"].split()), id_
        for kol, navn in ((3, "hyppighed"), (4, "pris"), (5, "levering")):
            assert r[kol] == " ".join(csv_[id_][navn].split()), (id_, navn)
    # The deadline the standard gives reaches its interventions; no intervention says "not described"
    # where its standard gives one.
    assert side["U.3.1"][2] == ("Genoptræning, § 86, stk. 1: 2 uger; Vedligeholdelsestræning, § 86, stk. 2: "
                                "4 uger (kvalitetsstandard 3)")
    assert side["K.1.1"][2].startswith("2 uger, eller straks ved akut behov")
    assert [i for i, r in side.items() if r[2] == IKKE_I_KATALOGET] == ["K.2.2", "K.2.3", "U.2.1"]


def test_data_page_links_the_open_data(bygget):
    side = html.laes(bygget / urls.html_fil(urls.DATA))
    mappe = posixpath.dirname(urls.html_fil(urls.DATA))
    maal = {posixpath.normpath(posixpath.join(mappe, urlsplit(h).path)) for h in side.links
            if not urlsplit(h).scheme and urlsplit(h).path}
    for fil in (urls.DATA_JSON, urls.DATA_SKEMA, urls.CSV_SERVICENIVEAU, urls.CSV_FRISTER, urls.PDF):
        assert fil in maal, f"Data-siden linker ikke til {fil}"
        assert (bygget / fil).stat().st_size > 0


def test_published_data_names_the_municipality_not_placeholders(bygget):
    for fil in (urls.DATA_JSON, urls.CSV_SERVICENIVEAU, urls.CSV_FRISTER):
        tekst = (bygget / fil).read_text(encoding="utf-8")
        assert not re.search(r"\{(kommunes?|kontakt_[a-zæøå]+|hjemmeside|katalog_år)\}", tekst), fil
    assert "Varde Kommunes" in (bygget / urls.DATA_JSON).read_text(encoding="utf-8")


# ------------------------------------------------------------------ CSV formula injection (OWASP)

@pytest.mark.parametrize("celle, forventet", [
    ("=HYPERLINK(\"https://x\",\"klik\")", "'=HYPERLINK(\"https://x\",\"klik\")"),
    ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("Rengøring", "Rengøring"), ("K.2.1", "K.2.1"), ("4 uger (=en måned)", "4 uger (=en måned)"),
    (14, 14), ("", ""),
])
def test_csv_cell_that_a_spreadsheet_would_run_is_neutralised(celle, forventet):
    from generator.site.aabne_data import csv_celle

    assert csv_celle(celle) == forventet


def test_formula_in_the_data_reaches_the_csv_as_text_and_the_json_unchanged(data_kopi):
    from generator.site import aabne_data
    from generator.site.visning import Visning
    from generator.tjek.indlaes import indlaes_katalog

    from ..support import erstat

    erstat(data_kopi / "indsatser.yaml", "titel: Rengøring", 'titel: "=HYPERLINK(\\"https://x.dk\\")"')
    erstat(data_kopi / "indsatser.yaml", "titel: Tøjvask", 'titel: "@SUM(1+1)"')
    katalog = indlaes_katalog(data_kopi)
    filer = aabne_data.filer(katalog, Visning(katalog))
    raekker = {r["id"]: r for r in csv.DictReader(io.StringIO(filer[urls.CSV_SERVICENIVEAU]))}
    assert raekker["K.2.1"]["titel"] == "'=HYPERLINK(\"https://x.dk\")"
    assert raekker["K.2.2"]["titel"] == "'@SUM(1+1)"
    assert raekker["K.1.1"]["titel"] == katalog.indsats("K.1.1").titel  # ordinary text is untouched
    data = json.loads(filer[urls.DATA_JSON])
    titler = {i["id"]: i["titel"] for i in data["indsatser"]}
    assert titler["K.2.1"] == "=HYPERLINK(\"https://x.dk\")" and titler["K.2.2"] == "@SUM(1+1)"
