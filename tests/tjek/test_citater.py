"""Citations in prose (generator.citater) and the law registry (generator.lovregister).

Runs against the real data/love.yaml, so a registry change that breaks a
citation the catalogue uses shows up here.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from generator.tjek.citater import Led, find_citater, link_citater, tjek_citater
from generator.data.yamlfil import laes_yaml
from generator.data.lovregister import Lovregister, laes_lovregister, normaliser_paragraf

from ..support import DATA
ELI_SEL = "https://www.retsinformation.dk/eli/lta/2014/254"
KATALOG = dt.date(2014, 5, 1)
EFTER_AELDRELOV = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def reg() -> Lovregister:
    register, problemer = laes_lovregister(laes_yaml(DATA / "love.yaml", "data/love.yaml"))
    assert problemer == [], "\n".join(map(str, problemer))
    assert register is not None
    return register


class Fejl(str):
    """Expected: exactly one citation, carrying an error containing this text."""


# (tekst, hovedlov, forventet): forventet is a list of (normaliseret, lov_id) for every
# citation found, or Fejl("...") for one citation with that error.
TILFAELDE = [
    # named law before §
    ("jf. Lov om Social Service § 94 a", None, [("Lov om Social Service § 94 a", "serviceloven")]),
    ("Lov om Social Service § 94a", None, [("Lov om Social Service § 94 a", "serviceloven")]),
    ("Lov om Social Service § 94A", None, [("Lov om Social Service § 94 a", "serviceloven")]),
    ("servicelovens § 86, stk. 2", None, [("servicelovens § 86, stk. 2", "serviceloven")]),
    ("Sundhedslovens § 138", "serviceloven", [("Sundhedslovens § 138", "sundhedsloven")]),
    ("Lov om Social Service § 91 stk. 4", None, [("Lov om Social Service § 91, stk. 4", "serviceloven")]),
    ("Lov om Social Service §91,stk.4", None, [("Lov om Social Service § 91, stk. 4", "serviceloven")]),
    ("Lov om retssikkerhed og administration på det sociale område, §§ 15 og 16", None,
     [("Lov om retssikkerhed og administration på det sociale område §§ 15 og 16", "retssikkerhedsloven")]),
    ("Lov om retssikkerhed og\nadministration på det sociale område §§ 15 og 16", None,
     [("Lov om retssikkerhed og administration på det sociale område §§ 15 og 16", "retssikkerhedsloven")]),
    ("servicelovens §§ 83 og 84", None, [("servicelovens §§ 83 og 84", "serviceloven")]),
    ("efter lov om social service § 83", None, [("lov om social service § 83", "serviceloven")]),
    ("Lov om Socialservice § 112", None, [("Lov om Socialservice § 112", "serviceloven")]),
    ("SEL § 83", None, [("SEL § 83", "serviceloven")]),
    ("forvaltningslovens § 9", "serviceloven", [("forvaltningslovens § 9", "forvaltningsloven")]),
    ("ældrelovens § 10", "serviceloven", [("ældrelovens § 10", "ældreloven")]),
    # law after §
    ("§ 138 i sundhedsloven", "serviceloven", [("§ 138 i sundhedsloven", "sundhedsloven")]),
    ("jf. § 83 i lov om social service.", "sundhedsloven", [("§ 83 i lov om social service", "serviceloven")]),
    # bare § takes the main law
    ("§ 83", "serviceloven", [("§ 83", "serviceloven")]),
    ("§ 138", "sundhedsloven", [("§ 138", "sundhedsloven")]),
    ("§83a", "serviceloven", [("§ 83 a", "serviceloven")]),
    ("§§ 91 og 94", "serviceloven", [("§§ 91 og 94", "serviceloven")]),
    ("§§ 83-86", "serviceloven", [("§§ 83-86", "serviceloven")]),
    ("§§ 83 – 86", "serviceloven", [("§§ 83-86", "serviceloven")]),
    ("§ 83-86", "serviceloven", [("§§ 83-86", "serviceloven")]),
    ("§ 91, stk. 4", "serviceloven", [("§ 91, stk. 4", "serviceloven")]),
    ("§§ 1, 83, 86, 88 og 89", "serviceloven", [("§§ 1, 83, 86, 88 og 89", "serviceloven")]),
    ("§§ 1,83,86, 88 og 89", "serviceloven", [("§§ 1, 83, 86, 88 og 89", "serviceloven")]),
    ("§ 83, stk. 1, nr. 2", "serviceloven", [("§ 83, stk. 1, nr. 2", "serviceloven")]),
    ("§§ 83, stk. 1, og 84", "serviceloven", [("§§ 83, stk. 1, og 84", "serviceloven")]),
    # where a citation stops
    ("hjælp efter § 83 og 2 timer", "serviceloven", [("§ 83", "serviceloven")]),
    ("§§ 83 og 84, 2 timer om ugen", "serviceloven", [("§§ 83 og 84", "serviceloven")]),
    ("§ 83 i forbindelse med", "serviceloven", [("§ 83", "serviceloven")]),
    ("§ 83 a og § 84", "serviceloven", [("§ 83 a", "serviceloven"), ("§ 84", "serviceloven")]),
    ("Sundhedslovens § 138 og servicelovens § 83", None,
     [("Sundhedslovens § 138", "sundhedsloven"), ("servicelovens § 83", "serviceloven")]),
    ("efter Lov om Social Service § 91: borgeren kan vælge", None, [("Lov om Social Service § 91", "serviceloven")]),
    # no § → no citation; a known name not right before § does not bind
    ("Lov om Social Service 151 og 83", "serviceloven", []),
    ("paragraftegnet § alene", "serviceloven", []),
    ("efter lov om social service og § 83", "sundhedsloven", [("§ 83", "sundhedsloven")]),
    # errors
    ("Lov om Hundeskat § 3", "serviceloven", Fejl("ukendt lov 'Lov om Hundeskat'")),
    ("hundeskatteloven § 3", "serviceloven", Fejl("ukendt lov 'hundeskatteloven'")),
    ("§ 3 i hundeskatteloven", "serviceloven", Fejl("ukendt lov 'hundeskatteloven'")),
    ("§ 83", None, Fejl("paragraf uden lov og ingen hovedlov")),
    ("§§ 91 og 94", None, Fejl("paragraf uden lov og ingen hovedlov")),
    ("§§ 86-83", "serviceloven", Fejl("går ikke fremad")),
]


@pytest.mark.parametrize("tekst,hovedlov,forventet", TILFAELDE, ids=[t[0] for t in TILFAELDE])
def test_find_citater(reg, tekst, hovedlov, forventet):
    fundne = find_citater(tekst, hovedlov, reg)
    if isinstance(forventet, Fejl):
        assert len(fundne) == 1, fundne
        c = fundne[0]
        assert any(forventet in f.besked and f.hint for f in c.fejl), c.fejl
        if "lov" in forventet:
            assert c.lov_id is None  # never a silent guess at the law
        return
    assert [(c.normaliseret, c.lov_id) for c in fundne] == forventet
    for c in fundne:
        assert c.fejl == []
        assert tekst[c.start:c.slut] == c.original


def test_mindst_35_tilfaelde():
    assert len(TILFAELDE) >= 35


def test_led_og_spaend(reg):
    (c,) = find_citater("jf. servicelovens § 83, stk. 1, nr. 2 om hjælp", None, reg)
    assert c.original == "servicelovens § 83, stk. 1, nr. 2"
    assert c.led == [Led("83", 1, 2)]
    assert c.lovnavn == "servicelovens"
    (c,) = find_citater("§§ 83-86", "serviceloven", reg)
    assert c.led == [Led("83", til="86")]
    (c,) = find_citater("§§ 1, 83 og 94 a", "serviceloven", reg)
    assert [l.paragraf for l in c.led] == ["1", "83", "94 a"]


# (tekst, hovedlov, dato, forventet): forventet is [] for no problems, or (niveau, tekst i beskeden).
TJEK = [
    ("servicelovens § 83", None, KATALOG, []),
    ("Lov om Social Service § 94a", None, KATALOG, []),
    ("§§ 83-86", "serviceloven", KATALOG, []),
    ("§ 138", "sundhedsloven", KATALOG, []),
    ("servicelovens § 999", None, KATALOG, ("fejl", "§ 999 findes ikke i Lov om social service")),
    ("§§ 83-999", "serviceloven", KATALOG, ("fejl", "§ 999 findes ikke")),
    ("servicelovens § 83, stk. 9", None, KATALOG, ("fejl", "har kun stk. 1-4")),
    ("servicelovens § 83, stk. 7", None, dt.date(2016, 1, 1), []),
    ("servicelovens § 83, stk. 7", None, KATALOG, ("fejl", "stk. 7 findes ikke")),
    ("servicelovens § 83 a", None, KATALOG, ("fejl", "gælder først fra 1. januar 2015")),
    ("servicelovens § 83 a", None, dt.date(2015, 1, 1), []),
    ("servicelovens § 83", None, EFTER_AELDRELOV, ("advarsel", "1. juli 2025")),
    ("§ 86, stk. 2", "serviceloven", EFTER_AELDRELOV, ("advarsel", "ældreloven")),
    ("ældrelovens § 10", None, KATALOG, ("fejl", "trådte først i kraft 1. juli 2025")),
    ("ældrelovens § 10", None, EFTER_AELDRELOV, []),
    ("§ 83, nr. 2", "serviceloven", KATALOG, ("fejl", "'nr.' uden 'stk.'")),
    ("Lov om Hundeskat § 3", "serviceloven", KATALOG, ("fejl", "ukendt lov")),
    ("§ 83", None, KATALOG, ("fejl", "paragraf uden lov og ingen hovedlov")),
    ("§ 83", "hundeskatteloven", KATALOG, ("fejl", "ukendt lov 'hundeskatteloven'")),
    ("Lov om Social Service 151 og …", "serviceloven", KATALOG, ("advarsel", "uden §")),
]


@pytest.mark.parametrize("tekst,hovedlov,dato,forventet", TJEK, ids=[f"{t[0]}@{t[2]}" for t in TJEK])
def test_tjek_citater(reg, tekst, hovedlov, dato, forventet):
    fundne = tjek_citater(tekst, hovedlov, reg, dato)
    if forventet == []:
        assert fundne == []
        return
    niveau, del_ = forventet
    assert any(p.niveau == niveau and del_ in p.besked for p in fundne), fundne
    for p in fundne:
        assert p.niveau in ("fejl", "advarsel") and p.besked and p.hint


def test_aeldrelov_advarslen_ordret(reg):
    # The registry's i_stedet names the paragraph to cite: § 83 → ældrelovens § 10, § 84 → § 16.
    fundne = reg.tjek("serviceloven", "83", dato=EFTER_AELDRELOV)
    assert (fundne[0].niveau, fundne[0].besked) == ("advarsel", "servicelovens § 83 gælder fra 1. juli 2025 ikke for personer "
                                         "omfattet af ældreloven; henvis til ældrelovens § 10")
    (p84,) = reg.tjek("serviceloven", "84", dato=EFTER_AELDRELOV)
    assert p84.besked.endswith("henvis til ældrelovens § 16")
    assert reg.tjek("serviceloven", "83", dato=KATALOG) == []
    assert reg.tjek("serviceloven", "83") == []  # no date: nothing to compare with


def test_tjek_naere_paragraffer(reg):
    (p,) = reg.tjek("serviceloven", "85", dato=KATALOG)
    assert p.niveau == "fejl" and "servicelovens § 85" in p.besked
    assert "§ 84" in p.hint and "§ 86" in p.hint


def test_tjek_ukendt_lov_foreslaar(reg):
    (p,) = reg.tjek("servicelov", "83")
    assert p.niveau == "fejl" and "ukendt lov" in p.besked and "serviceloven" in p.hint


def test_find_lov(reg):
    for navn in ("serviceloven", "SERVICELOVENS", "Lov om Social Service", "lov  om social\nservice",
                 "Lov om Socialservice", "SEL", "Lov om social services"):
        assert reg.find_lov(navn).id == "serviceloven", navn
    assert reg.find_lov("SUL").id == "sundhedsloven"
    assert reg.find_lov("Lov om retssikkerhed og administration på det sociale område").id == "retssikkerhedsloven"
    assert reg.find_lov("Lov om almene boliger m.v.").id == "almenboligloven"
    assert reg.find_lov("Lov om Hundeskat") is None


def test_url_og_navn(reg):
    assert reg.url("serviceloven") == ELI_SEL
    assert reg.url("serviceloven", "83") == ELI_SEL  # no confirmed paragraph anchors
    assert reg.url("hundeskatteloven") is None
    assert reg.navn_i_tekst("serviceloven", genitiv=True) == "servicelovens"
    assert reg.navn_i_tekst("sundhedsloven", genitiv=False) == "sundhedsloven"


def test_normaliser_paragraf():
    assert normaliser_paragraf("94a") == "94 a"
    assert normaliser_paragraf(" 94  A ") == "94 a"
    assert normaliser_paragraf("83") == "83"


def test_alle_katalogets_paragraffer_findes(reg):
    for nr in ("1", "83", "83 a", "84", "86", "87", "88", "89", "90", "91", "94", "94 a", "95", "96", "112", "151"):
        assert reg.paragraf("serviceloven", nr) is not None, nr
    assert reg.paragraf("sundhedsloven", "138") is not None
    assert reg.paragraf("retssikkerhedsloven", "15") and reg.paragraf("retssikkerhedsloven", "16")


# ---------------------------------------------------------------- linking

def test_link_citater(reg):
    ud = link_citater("Hjælp jf. Lov om Social Service § 94a og §§ 83-86.", "serviceloven", reg)
    # The law's name as its title writes it (one name per page); no paragraph anchor is known, so the
    # link goes to the whole law and its title says so.
    assert ud == (f'Hjælp jf. [Lov om social service § 94 a]({ELI_SEL} "hele loven") og [§§ 83-86]({ELI_SEL} "hele loven").')


def test_link_citater_er_idempotent(reg):
    en = link_citater("servicelovens §86 stk. 2 og sundhedslovens § 138", None, reg)
    assert en.count("](") == 2
    assert link_citater(en, None, reg) == en


def test_link_citater_roerer_ikke_kode_og_links(reg):
    tekst = "Se `§ 83` og [§ 84](https://example.org) og [servicelovens § 86][ref] og <https://x.dk/§ 83>."
    assert link_citater(tekst, "serviceloven", reg) == tekst


def test_link_citater_lader_fejl_staa(reg):
    tekst = "Lov om Hundeskat § 3 og § 83"
    assert link_citater(tekst, None, reg) == tekst


# ---------------------------------------------------------------- a broken love.yaml

GYLDIG_LOV = """\
  - id: {id}
    titel: {titel}
    genitiv: {id}s
    navne: [{navne}]
    akt:
      betegnelse: LBK nr 1 af 01/01/2014
      eli: https://www.retsinformation.dk/eli/lta/2014/1
      bekræftet: false
      kilde: test
    paragraffer:
      - nr: "1"
"""


def _skriv(tmp_path: Path, tekst: str) -> Path:
    sti = tmp_path / "love.yaml"
    sti.write_text(textwrap.dedent(tekst), encoding="utf-8")
    return sti


def _laes(sti: Path):
    return laes_lovregister(laes_yaml(sti, "data/love.yaml"))


def test_dobbelt_id_findes_med_fil_og_linje(tmp_path):
    sti = _skriv(tmp_path, "love:\n" + GYLDIG_LOV.format(id="aloven", titel="A", navne="aloven")
                 + GYLDIG_LOV.format(id="aloven", titel="B", navne="bloven"))
    register, problemer = _laes(sti)
    assert register is None
    (p,) = problemer
    assert p.fil == "data/love.yaml" and p.linje == 13 and p.post == "aloven" and p.felt == "id"
    assert "står to gange" in p.besked
    assert str(p).startswith("data/love.yaml:13: aloven: id: ")


def test_ukendt_felt_findes_med_fil_og_linje(tmp_path):
    tekst = "love:\n" + GYLDIG_LOV.format(id="aloven", titel="A", navne="aloven").replace(
        "    titel: A\n", "    titel: A\n    titl: A\n")
    register, problemer = _laes(_skriv(tmp_path, tekst))
    assert register is None
    (p,) = problemer
    assert (p.fil, p.linje, p.post) == ("data/love.yaml", 4, "aloven")
    assert "ukendt felt 'titl'" in p.besked


def test_samme_navn_i_to_love(tmp_path):
    sti = _skriv(tmp_path, "love:\n" + GYLDIG_LOV.format(id="aloven", titel="A", navne="aloven, fælles")
                 + GYLDIG_LOV.format(id="bloven", titel="B", navne="bloven, Fælles"))
    register, problemer = _laes(sti)
    assert register is None
    (p,) = problemer
    assert p.post == "bloven" and p.linje == 16 and "'Fælles'" in p.besked and "aloven" in p.besked


def test_dobbelt_paragraf(tmp_path):
    tekst = "love:\n" + GYLDIG_LOV.format(id="aloven", titel="A", navne="aloven") + '      - nr: "1"\n'
    register, problemer = _laes(_skriv(tmp_path, tekst))
    assert register is None
    (p,) = problemer
    assert p.linje == 13 and p.felt == "paragraffer[1].nr" and "§ 1 står to gange" in p.besked


def test_forkert_paragrafform_og_eli(tmp_path):
    tekst = "love:\n" + GYLDIG_LOV.format(id="aloven", titel="A", navne="aloven").replace(
        'nr: "1"', 'nr: "94a"').replace("eli/lta/2014/1", "eli/2014/1")
    register, problemer = _laes(_skriv(tmp_path, tekst))
    assert register is None
    linjer = sorted(p.linje for p in problemer)
    assert linjer == [8, 12]
    assert any("94 a" in (p.hint or "") for p in problemer)
    assert any("ELI-adressen" in p.besked for p in problemer)


def test_erstattet_af_ukendt_lov(tmp_path):
    tekst = "love:\n" + GYLDIG_LOV.format(id="aloven", titel="A", navne="aloven") + textwrap.indent(
        'erstattet_for_ældre: {fra: "2025-07-01", af: bloven, kilde: test}\n', " " * 8)
    register, problemer = _laes(_skriv(tmp_path, tekst))
    assert register is None
    (p,) = problemer
    assert p.linje == 13 and "ukendt lov 'bloven'" in p.besked


def test_dato_uden_anfoerselstegn(tmp_path):
    """An unquoted date is read as the text it is and checked as a date like a quoted one."""
    tekst = "love:\n" + GYLDIG_LOV.format(id="aloven", titel="A", navne="aloven") + "        gyldig_fra: 2015-01-01\n"
    register, problemer = _laes(_skriv(tmp_path, tekst))
    assert not problemer
    assert register.paragraf("aloven", "1").gyldig_fra == "2015-01-01"
    register, problemer = _laes(_skriv(tmp_path, tekst.replace("2015-01-01", "2015-02-30")))
    assert register is None
    (p,) = problemer
    assert p.linje == 13 and "2015-02-30 er ikke en dato: februar 2015 har 28 dage" in p.besked


# ------------------------------------------------------------------ linear in the size of the text

def _linjer_koert(f) -> int:
    """How many lines of generator/tjek/citater.py `f` executes (deterministic, unlike a timing)."""
    import sys

    from generator.tjek import citater as modul

    fil, antal = modul.__file__, 0

    def spor(frame, hvad, arg):
        nonlocal antal
        if frame.f_code.co_filename != fil:
            return None
        if hvad == "line":
            antal += 1
        return spor

    gammel = sys.gettrace()
    sys.settrace(spor)
    try:
        f()
    finally:
        sys.settrace(gammel)
    return antal


# Citations in the catalogue's forms, a law's name without § (a warning) and a Markdown link:
# the kinds of text each of the checker's and the linker's loops walk.
_BLANDING = ("Hjælpen gives efter servicelovens § 83, stk. 2, og §§ 91 og 94 samt § 138 i sundhedsloven. "
             "Se Lov om Social Service 151 og [kommunens side](https://www.varde.dk) om § 86. ")


@pytest.mark.parametrize("funktion", [tjek_citater, link_citater], ids=["tjek", "link"])
def test_work_grows_linearly_with_the_text(reg, funktion):
    """Four times the text may cost four times the work, not sixteen (benchmarks/citater.py times it)."""
    lille, stor = _BLANDING * 25, _BLANDING * 100
    a = _linjer_koert(lambda: funktion(lille, "serviceloven", reg))
    b = _linjer_koert(lambda: funktion(stor, "serviceloven", reg))
    assert b <= 4.4 * a, f"{len(lille)} tegn: {a} linjer, {len(stor)} tegn: {b} linjer ({b / a:.1f}x)"
