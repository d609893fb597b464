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

from generator.site import aabne_data, datapakke, urls
from generator.site.serviceniveau import IKKE_I_KATALOGET, frist_faktum
from generator.tjek.citater import ens_lovnavne

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


def test_indsatser_csv_has_a_row_per_intervention_and_standard(bygget, katalog):
    raekker = _csv(bygget, aabne_data.CSV_INDSATSER)
    assert [(r["indsats"], int(r["standard"])) for r in raekker] == [
        (i.id, n) for i in katalog.indsatser for n in dict.fromkeys(i.standarder)]
    for r in raekker:
        i = katalog.indsats(r["indsats"])
        assert (r["titel"], r["type"], int(r["side"])) == (i.titel, i.type, i.side)


def test_serviceniveau_csv_has_a_row_per_fact_with_its_source(bygget, visning, katalog):
    """One value a cell: the fact's sentence, its number and unit apart, where it stands in its own columns."""
    from generator.data.pladsholdere import Udfylder

    udfyld = Udfylder(katalog.info)
    raekker = _csv(bygget, urls.CSV_SERVICENIVEAU)
    forventet = [(r.indsats.id, a.aspekt.noegle, g.kilde, f)
                 for r in visning.serviceniveau for a in r.aspekter for g in a.grupper for f in g.fakta]
    assert len(raekker) == len(forventet) > 100
    for r, (id_, aspekt, kilde, f) in zip(raekker, forventet):
        assert (r["indsats"], r["aspekt"]) == (id_, aspekt)
        # A cell a spreadsheet would read as a formula (=, +, -, @ first) has a leading apostrophe.
        tekst = udfyld(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(f.tekst.split())))
        assert r["tekst"] == ("'" + tekst if tekst[:1] in "=+-@" else tekst)
        assert r["kilde"] == aabne_data.KILDER[kilde.slags]
        assert r["kilde_standard"] == (str(kilde.standard.nr) if kilde.standard else "")
        assert (r["antal"], r["enhed"]) == ((str(f.antal), f.enhed) if f.antal else ("", ""))
        assert not re.search(r"\(kvalitetsstandard \d+\)$", r["tekst"]), r  # provenance is its own column
    # K.1.6's answer times: the number and unit beside the promise, from standard 1 by name.
    k16 = [r for r in raekker if r["indsats"] == "K.1.6" and r["aspekt"] == "levering" and r["antal"]]
    assert {(r["antal"], r["enhed"], r["kilde"], r["kilde_standard"]) for r in k16} >= {
        ("30", "minutter", "standarden_om_indsatsen", "1")}


def test_sagsbehandlingsfrister_csv_has_a_row_per_deadline(bygget, visning, katalog):
    """One row per deadline that applies to an intervention, then the standards' own."""
    raekker = _csv(bygget, urls.CSV_FRISTER)
    forventet = [(r.indsats.id, "", f, aabne_data.KILDER[k.slags]) for r in visning.serviceniveau for f, k in r.frister]
    forventet += [("", str(s.nr), frist_faktum(f), "kvalitetsstandarden") for s in katalog.standarder
                  if isinstance(s.sagsbehandlingsfrister, list) for f in s.sagsbehandlingsfrister]
    assert len(raekker) == len(forventet) > 0
    for n, (r, (indsats, standard, f, kilde)) in enumerate(zip(raekker, forventet), 1):
        assert (r["nr"], r["indsats"], r["standard"], r["kilde"], r["side"]) == (str(n), indsats, standard, kilde, str(f.side))
        if f.antal:
            assert r["frist"].startswith(f"{r['frist_antal']} ") and r["frist_enhed"] == f.enhed
    # U.3.1 gets both of standard 3's deadlines; K.4.1 only its own (its standard's general one is replaced).
    u31 = [(r["emne"], r["frist"], r["kilde"], r["kilde_standard"]) for r in raekker if r["indsats"] == "U.3.1"]
    assert u31 == [("Genoptræning, § 86, stk. 1", "2 uger", "standarden_om_alle", "3"),
                   ("Vedligeholdelsestræning, § 86, stk. 2", "4 uger", "standarden_om_alle", "3")]
    assert [(r["frist"], r["kilde"]) for r in raekker if r["indsats"] == "K.4.1"] == [("5 hverdage", "indsatsen")]


def test_serviceniveau_page_frister_page_and_csv_agree_cell_by_cell(bygget, katalog):
    """Staff read the deadline on two pages and in a spreadsheet: all three say the same, for every intervention."""
    serviceniveau = html.tabeller(bygget / urls.html_fil(urls.SERVICENIVEAU))[0]
    frister = html.tabeller(bygget / urls.html_fil(urls.SAGSBEHANDLINGSFRISTER))[0]
    assert serviceniveau[0][:6] == ["Indsats", "Standard", "Sagsbehandlingsfrist", "Hyppighed og omfang",
                                    "Pris", "Levering"]
    assert frister[0] == ["Indsats", "Sagsbehandlingsfrist"]
    side = {r[0].split()[0]: r for r in serviceniveau[1:]}
    frist_side = {r[0].split()[0]: r[1] for r in frister[1:]}
    csv_: dict[tuple[str, str], list[dict]] = {}
    for r in _csv(bygget, urls.CSV_SERVICENIVEAU):
        csv_.setdefault((r["indsats"], r["aspekt"]), []).append(r)
    assert list(side) == list(frist_side) == [i.id for i in katalog.indsatser]
    for id_, r in side.items():
        assert r[2] == frist_side[id_], id_
        for kol, navn in ((2, "sagsbehandlingsfrist"), (4, "pris")):
            # These cells list every fact: each CSV row's sentence is in the cell, and a gap has no rows.
            fakta = csv_.get((id_, navn), [])
            if r[kol] == IKKE_I_KATALOGET:
                assert not fakta, (id_, navn)
            for f in fakta:
                # The CSV keeps the source's words; the page writes a law's name as its registry does.
                tekst = ens_lovnavne(" ".join(f["tekst"].split()), katalog.love).rstrip(".")
                assert tekst in r[kol], (id_, navn, f["tekst"])
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
    for fil in (urls.PDF, *(f.sti for f in datapakke.oversigt())):
        assert fil in maal, f"Data-siden linker ikke til {fil}"
        assert (bygget / fil).stat().st_size > 0


def test_published_data_names_the_municipality_not_placeholders(bygget):
    for fil in (urls.DATA_JSON, *(t.sti for t in aabne_data.TABELLER), datapakke.DCAT, datapakke.DATAPAKKE):
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
    from generator.site.visning import Visning
    from generator.tjek.indlaes import indlaes_katalog

    from ..support import erstat

    erstat(data_kopi / "indsatser.yaml", "titel: Rengøring", 'titel: "=HYPERLINK(\\"https://x.dk\\")"')
    erstat(data_kopi / "indsatser.yaml", "titel: Tøjvask", 'titel: "@SUM(1+1)"')
    katalog = indlaes_katalog(data_kopi)
    filer = aabne_data.filer(katalog, Visning(katalog))
    raekker = {r["indsats"]: r for r in csv.DictReader(io.StringIO(filer[aabne_data.CSV_INDSATSER]))}
    assert raekker["K.2.1"]["titel"] == "'=HYPERLINK(\"https://x.dk\")"
    assert raekker["K.2.2"]["titel"] == "'@SUM(1+1)"
    assert raekker["K.1.1"]["titel"] == katalog.indsats("K.1.1").titel  # ordinary text is untouched
    data = json.loads(filer[urls.DATA_JSON])
    titler = {i["id"]: i["titel"] for i in data["indsatser"]}
    assert titler["K.2.1"] == "=HYPERLINK(\"https://x.dk\")" and titler["K.2.2"] == "@SUM(1+1)"
