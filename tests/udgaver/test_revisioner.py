"""Annual revisions: the structural comparison (revisionsdiff), the "Ændringer" page, and the
Aarhus example with its two real revisions (26 uger → 12 uger, decision of 26-06-2020).

The comparison tests use the Aarhus data (examples/aarhus-sel-86-2/) as snapshots: its two
revisions are real, and the tests' own edits are made on copies of the exported dicts. Every
test asserts the complete list of changes, so a change reported twice or a spurious one fails.
"""
from __future__ import annotations

import copy
import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import urls
from generator.udgaver import aendringer, revisionsdiff
from generator.data.eksport import eksport
from generator.tjek.indlaes import indlaes_katalog
from generator.problemer import DataFejl
from generator.udgaver.revisionsdiff import Aendring, PostDiff, ordforraad
from generator.udgaver.revisionsdiff import sammenlign as _sammenlign

from ..support import ROD, erstat

AARHUS = ROD / "examples" / "aarhus-sel-86-2"
AARHUS_DATA = AARHUS / "data"
AARHUS_FORRIGE = AARHUS_DATA / "tidligere" / "2020-0" / "katalog.json"

TIDSRAMME = ("Vejledende omfang og tider", "Tidsramme for træningen")
UGER_26 = {"antal": 26, "enhed": "uger"}
UGER_12 = {"antal": 12, "enhed": "uger"}


@functools.cache
def _AARHUS_ORD():
    return ordforraad(indlaes_katalog(AARHUS_DATA))


def sammenlign(gammel, ny):
    """The comparison in the Aarhus catalogue's own words (its profile's headings)."""
    return _sammenlign(gammel, ny, _AARHUS_ORD())


@pytest.fixture(scope="module")
def aarhus():
    return indlaes_katalog(AARHUS_DATA)


@pytest.fixture(scope="module")
def aarhus_forrige(aarhus):
    """The earlier Aarhus revision: its saved export, read by the load-and-check step."""
    assert aarhus.forrige is not None
    return aarhus.forrige.eksport


@pytest.fixture
def snapshot(aarhus):
    """The current Aarhus revision as exported JSON; each test gets its own copy to change."""
    return copy.deepcopy(eksport(aarhus))


def _aendringer(gammel: dict, ny: dict) -> list[tuple]:
    """Every change as (entry, kind, Danish path, before, after), for exact comparison."""
    return [(a.post, a.slags, a.felt, a.foer, a.efter) for p in sammenlign(gammel, ny) for a in p.aendringer]


def _standard(data: dict, nr: int = 1) -> dict:
    return next(s for s in data["standarder"] if s["nr"] == nr)


# ------------------------------------------------------------------ revisionsdiff

def test_samme_data_giver_ingen_aendringer(snapshot):
    assert sammenlign(snapshot, copy.deepcopy(snapshot)) == []


def test_revision_og_katalogoplysninger_sammenlignes_ikke(snapshot):
    ny = copy.deepcopy(snapshot)
    ny["katalog"]["revision"]["id"] = "2021"
    ny["katalog"]["katalog"]["år"] = 2021
    assert sammenlign(snapshot, ny) == []


def test_sidetal_sammenlignes_ikke(snapshot):
    ny = copy.deepcopy(snapshot)
    _standard(ny)["side"] = 7
    _standard(ny)["vejledende_omfang"][0]["side"] = 9
    ny["introduktion"]["afsnit"][0]["side"] = 3
    assert sammenlign(snapshot, ny) == []


def test_tilfoejet_post(snapshot):
    ny = copy.deepcopy(snapshot)
    ny_standard = copy.deepcopy(_standard(ny))
    ny_standard.update(nr=2, titel="Genoptræning efter servicelovens § 86, stk. 1")
    ny["standarder"].append(ny_standard)
    indsats = {"id": "U.1.1", "titel": "Holdtræning"}  # the comparison needs only the key and title
    ny["indsatser"].append(indsats)
    assert sammenlign(snapshot, ny) == [
        PostDiff("2", "standard", "Kvalitetsstandard 2. Genoptræning efter servicelovens § 86, stk. 1", "tilføjet",
                 [Aendring("2", "tilføjet", (), None,
                           "Kvalitetsstandard 2. Genoptræning efter servicelovens § 86, stk. 1")]),
        PostDiff("U.1.1", "indsats", "U.1.1 Holdtræning", "tilføjet",
                 [Aendring("U.1.1", "tilføjet", (), None, "U.1.1 Holdtræning")]),
    ]


def test_fjernet_post(snapshot):
    gammel = copy.deepcopy(snapshot)
    gammel["indsatser"].append({"id": "K.1.1", "titel": "Personlig pleje"})
    titel = "Kvalitetsstandard 1. Vedligeholdende træning efter servicelovens § 86, stk. 2"
    ny = copy.deepcopy(snapshot)
    ny["standarder"] = []
    assert sammenlign(gammel, ny) == [
        PostDiff("1", "standard", titel, "fjernet", [Aendring("1", "fjernet", (), titel, None)]),
        PostDiff("K.1.1", "indsats", "K.1.1 Personlig pleje", "fjernet",
                 [Aendring("K.1.1", "fjernet", (), "K.1.1 Personlig pleje", None)]),
    ]


def test_indlejret_felt_aendret(snapshot):
    """A fact's number inside a list item, and a field of a nested dict."""
    gammel = copy.deepcopy(snapshot)
    _standard(gammel)["vejledende_omfang"][0]["tid"] = UGER_26
    ny = copy.deepcopy(snapshot)
    _standard(ny)["dokument"]["senest_revideret"] = "Revideret 2021"
    assert _aendringer(gammel, ny) == [
        ("1", "ændret", TIDSRAMME, UGER_26, UGER_12),
        ("1", "ændret", ("Dokument", "Senest revideret"),
         "Revideret 2020; godkendt på Chefteammøde 26-06-2020", "Revideret 2021"),
    ]
    tekster = [a.tekst() for p in sammenlign(gammel, ny) for a in p.aendringer]
    assert tekster[0] == "Vejledende omfang og tider › Tidsramme for træningen: 26 uger → 12 uger"
    assert tekster[1] == ("Dokument › Senest revideret: Revideret 2020; godkendt på Chefteammøde 26-06-2020 "
                          "→ Revideret 2021")


def test_listepunkt_tilfoejet_og_fjernet(snapshot):
    """Items with an identity key (emne, nr) and plain texts without one."""
    ny = copy.deepcopy(snapshot)
    evaluering = _standard(ny)["vejledende_omfang"].pop(1)
    _standard(ny)["søgeord"].append("genoptræning")
    afsnit = ny["introduktion"]["afsnit"].pop(1)
    kontakt = {"emne": "Kontakt", "tekst": "Kontakt Klynge for Træning.", "tid": None, "side": 1}
    _standard(ny)["vejledende_omfang"].append(kontakt)
    assert _aendringer(snapshot, ny) == [
        ("introduktion", "fjernet", ("Afsnit", "1.2 Baggrund for den reviderede ramme"), afsnit, None),
        ("1", "tilføjet", ("Søgeord", "genoptræning"), None, "genoptræning"),
        ("1", "tilføjet", ("Vejledende omfang og tider", "Kontakt"), None, kontakt),
        ("1", "fjernet", ("Vejledende omfang og tider", "Evaluering"), evaluering, None),
    ]


def test_listepunkt_uden_noegle_aendret_paa_sin_plads(snapshot):
    """Facts without emne: an edited item is one change in place, not removed + added."""
    for punkt in _standard(snapshot)["vejledende_omfang"]:
        punkt["emne"] = None
    ny = copy.deepcopy(snapshot)
    _standard(ny)["vejledende_omfang"][0]["tid"] = {"antal": 10, "enhed": "uger"}
    etiket = revisionsdiff.etiket(_standard(ny)["vejledende_omfang"][0], 0)
    assert etiket.startswith("Tidsrammen for træningsydelsen er 12 uger")
    assert _aendringer(snapshot, ny) == [
        ("1", "ændret", ("Vejledende omfang og tider", etiket), UGER_12, {"antal": 10, "enhed": "uger"}),
    ]


def test_raekkefoelge_aendret(snapshot):
    ny = copy.deepcopy(snapshot)
    _standard(ny)["vejledende_omfang"].reverse()
    _standard(ny)["søgeord"].reverse()
    ord_ = _standard(snapshot)["søgeord"]
    assert _aendringer(snapshot, ny) == [
        ("1", "rækkefølge", ("Søgeord",), ord_, list(reversed(ord_))),
        ("1", "rækkefølge", ("Vejledende omfang og tider",), ["Tidsramme for træningen", "Evaluering"],
         ["Evaluering", "Tidsramme for træningen"]),
    ]
    tekst = sammenlign(snapshot, ny)[0].aendringer[1].tekst()
    assert tekst == ("Vejledende omfang og tider: rækkefølge ændret: Tidsramme for træningen, Evaluering "
                     "→ Evaluering, Tidsramme for træningen")


def test_tilfoejelse_alene_er_ikke_en_ny_raekkefoelge(snapshot):
    ny = copy.deepcopy(snapshot)
    _standard(ny)["søgeord"].insert(0, "motion")
    assert _aendringer(snapshot, ny) == [("1", "tilføjet", ("Søgeord", "motion"), None, "motion")]


def test_afsnit_der_skifter_til_mangler_er_een_aendring(snapshot):
    ny = copy.deepcopy(snapshot)
    gammel_tekst = _standard(ny)["visitation"]
    _standard(ny)["visitation"] = {"mangler": "Ikke besluttet endnu."}
    [a] = [a for p in sammenlign(snapshot, ny) for a in p.aendringer]
    assert (a.slags, a.felt, a.foer, a.efter) == ("ændret", ("Visitation",), gammel_tekst,
                                                  {"mangler": "Ikke besluttet endnu."})
    assert a.efter_mangler and not a.foer_mangler
    assert a.efter_tekst == "ikke beskrevet i kilden (Ikke besluttet endnu.)"


def test_kontaktoplysninger_sammenlignes(snapshot):
    ny = copy.deepcopy(snapshot)
    ny["katalog"]["kontakt"]["telefon"] = "89 40 20 00"
    assert _aendringer(snapshot, ny) == [
        ("kommune", "ændret", ("Kontakt", "Telefon"), None, "89 40 20 00"),
    ]


def test_vaerdier_paa_dansk():
    with revisionsdiff.i_ord(_AARHUS_ORD()):
        _vaerdier_paa_dansk()


def _vaerdier_paa_dansk():
    vis = revisionsdiff.vis
    assert vis({"antal": 26, "enhed": "uger"}) == "26 uger"
    assert vis({"mangler": "Ikke i kilden."}) == "ikke beskrevet i kilden (Ikke i kilden.)"
    assert vis({"lov": "serviceloven", "paragraf": "86", "stk": 2, "nr": None}) == "serviceloven § 86, stk. 2"
    assert vis({"emne": None, "tekst": "Hver 14. dag.", "tid": {"antal": 14, "enhed": "dage"}, "side": 3}) \
        == "Hver 14. dag. (14 dage)"
    assert vis(None) == "ikke angivet"
    assert vis([]) == "ingen"
    assert revisionsdiff.overskrift("vejledende_omfang") == "Vejledende omfang og tider"
    assert revisionsdiff.overskrift("ikke_omfattet") == "Det kan borgeren ikke få hjælp til"


# ------------------------------------------------------------------ the two real Aarhus revisions

def test_aarhus_2020_0_til_2020_1(aarhus, aarhus_forrige):
    """The real revision: exactly what the decision paper says changed, nothing else."""
    assert aarhus.info.revision.forrige == aarhus_forrige["katalog"]["revision"]["id"] == "2020-0"
    gammel, ny = aarhus_forrige, eksport(aarhus)
    poster = sammenlign(gammel, ny)
    assert [(p.noegle, p.status) for p in poster] == [("introduktion", "ændret"), ("1", "ændret")]
    intro, standard = poster
    assert [(a.slags, a.felt) for a in intro.aendringer] == [
        ("tilføjet", ("Afsnit", "1.2 Baggrund for den reviderede ramme"))]
    assert [(a.slags, a.felt) for a in standard.aendringer] == [
        ("ændret", ("Kort fortalt",)),
        ("ændret", ("Visitation",)),
        ("ændret", ("Kvalitetsmål",)),
        ("ændret", TIDSRAMME),
        ("ændret", TIDSRAMME + ("Tekst",)),
        ("tilføjet", ("Vejledende omfang og tider", "Evaluering")),
        ("ændret", ("Særlige forhold",)),
        ("ændret", ("Tilsyn med kvaliteten",)),
        ("ændret", ("Dokument",)),
    ]
    tidsramme = standard.aendringer[3]
    assert (tidsramme.foer, tidsramme.efter) == (UGER_26, UGER_12)
    assert tidsramme.tekst() == "Vejledende omfang og tider › Tidsramme for træningen: 26 uger → 12 uger"
    # Sections only the revised paper describes were `mangler` before: said so, not called a change of content.
    assert all(a.foer_mangler for a in standard.aendringer if a.felt[0] in
               ("Visitation", "Kvalitetsmål", "Særlige forhold", "Tilsyn med kvaliteten", "Dokument"))


def test_aendringer_for_giver_aendringerne_pr_post(aarhus):
    forskel = aendringer.beregn(aarhus)
    assert forskel is not None
    pr_post = forskel.for_post()
    assert set(pr_post) == {"introduktion", "1"}
    assert "Vejledende omfang og tider › Tidsramme for træningen: 26 uger → 12 uger" in [a.tekst() for a in pr_post["1"]]


def test_foerste_udgave_har_ingen_aendringer(katalog):
    assert katalog.info.revision.forrige is None and katalog.forrige is None
    assert aendringer.beregn(katalog) is None


def test_manglende_forrige_udgave_er_en_datafejl(tmp_path):
    """The load-and-check step reads the previous revision: `check` fails as the build does."""
    data = tmp_path / "data"
    shutil.copytree(AARHUS_DATA, data, ignore=shutil.ignore_patterns("tidligere"))
    with pytest.raises(DataFejl) as fejl:
        indlaes_katalog(data)
    [problem] = fejl.value.problemer
    assert problem.felt == "forrige" and "2020-0" in problem.besked and problem.linje
    r = subprocess.run([sys.executable, "-m", "generator", "--data", str(data), "check"],
                       capture_output=True, text=True, cwd=ROD)
    assert r.returncode == 1 and "katalog.yaml:" in r.stderr and "forrige" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_forrige_mappe_med_forkert_udgave_er_en_datafejl(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(AARHUS_DATA, data)
    erstat(data / "tidligere" / "2020-0" / "katalog.json", '"id": "2020-0"', '"id": "2019"')
    with pytest.raises(DataFejl, match="indeholder udgave '2019', ikke '2020-0'"):
        indlaes_katalog(data)


def test_forrige_udgave_valideres_ikke_med_dagens_skema(tmp_path):
    """A frozen revision's export may lack a field today's schema requires: it is still compared."""
    data = tmp_path / "data"
    shutil.copytree(AARHUS_DATA, data)
    erstat(data / "tidligere" / "2020-0" / "katalog.json", '"kort_fortalt"', '"kort_fortalt_gammelt_navn"')
    assert indlaes_katalog(data).forrige is not None


# ------------------------------------------------------------------ the pages

def test_aendringssiden(aarhus):
    from generator.site.byg import generer

    _, filer = generer(aarhus)
    side = filer[urls.AENDRINGER]
    assert "i forhold til udgave 2020-0" in side
    assert "- **Vejledende omfang og tider › Tidsramme for træningen:** 26 uger → 12 uger" in side
    # Linked to the affected page and to the decision, which is on the page with its date.
    assert "[Gå til siden](../standarder/1-vedligeholdende-traening-efter-servicelovens-86-stk-2.md)" in side
    assert "(26. juni 2020)](#beslutning-chefteam-2020-06-26)" in side
    assert "{ #beslutning-chefteam-2020-06-26 }" in side
    assert "*Chefteammøde, Magistratsafdelingen for Sundhed og Omsorg, 26. juni 2020*" in side
    assert "BTP-procenten forøges" in side
    assert "**Visitation:** nu beskrevet (udgave 2020-0: ikke beskrevet i kilden)." in side


def test_boksen_paa_postens_egen_side(aarhus):
    """The snippet for standard.md.j2 / indsats.md.j2, with the global the lead wires in skabeloner.miljoe."""
    from generator.site.skabeloner import miljoe
    from generator.site.visning import Visning

    visning = Visning(aarhus)
    env = miljoe(aarhus, visning)
    snippet = '{% from "_aendringer.md.j2" import aendret_i with context %}{{ aendret_i(noegle) }}'
    sti = visning.standard_sti[1]
    link = lambda til, anker=None: urls.link(sti, til, anker)  # noqa: E731
    env.globals.pop("post_aendringer", None)
    uden = env.from_string(snippet).render(noegle="1", link=link)
    env.globals["post_aendringer"] = visning.post_aendringer()
    med = env.from_string(snippet).render(noegle="1", link=link)
    assert uden.strip() == ""  # without the global the box is simply not shown
    assert '!!! info "Ændret i udgave 2020-1"' in med
    assert "    - **Vejledende omfang og tider › Tidsramme for træningen:** 26 uger → 12 uger" in med
    assert "[Se ændringerne i detaljer](../udgave/aendringer.md#post-1)" in med
    assert ("Beslutning: [Chefteammøde, Magistratsafdelingen for Sundhed og Omsorg, 26. juni 2020]"
            "(../udgave/aendringer.md#beslutning-chefteam-2020-06-26)") in med
    assert env.from_string(snippet).render(noegle="K.1.1", link=link).strip() == ""


def test_aarhus_er_ikke_blandet_ind_i_hovedkataloget(katalog):
    assert katalog.info.kommune.navn != "Aarhus Kommune"
    assert not (ROD / "data" / "tidligere" / "2020-0").exists()


def test_aarhus_uses_the_same_stylesheet_and_theme():
    """Both sites take CSS and templates from overrides/: accessibility fixes cannot drift apart."""
    cfg = (AARHUS / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir: ../../overrides" in cfg
    assert "assets/stylesheets/tilgaengelighed.css" in cfg
    assert not (AARHUS / "content" / "stylesheets").exists()


@pytest.mark.slow
def test_aarhus_bygger_strengt(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                       cwd=AARHUS, env=env, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    side = (tmp_path / "site" / urls.html_fil(urls.AENDRINGER)).read_text(encoding="utf-8")
    assert "26 uger → 12 uger" in side
    assert "26. juni 2020" in side
    assert 'href="#beslutning-chefteam-2020-06-26"' in side and 'id="beslutning-chefteam-2020-06-26"' in side
    standard = (tmp_path / "site" / "katalog/standarder/1-vedligeholdende-traening-efter-servicelovens-86-stk-2"
                / "index.html").read_text(encoding="utf-8")
    assert "12 uger" in standard and "Aarhus Kommune" in standard
