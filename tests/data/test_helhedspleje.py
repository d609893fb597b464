"""The helhedspleje profile (profiler/helhedspleje/) and the law-transition facts it rests on.

A catalogue written by `ny --profil helhedspleje` is for citizens covered by ældreloven: citing
servicelovens § 83 there is warned about, naming ældrelovens § 10 to cite instead; the same
catalogue said to be for citizens under serviceloven is not. Every registry's `i_stedet` names
only paragraphs the registry has for the law that replaces (the mechanism does not check that).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main as cli
from generator.data.lovregister import laes_lovregister
from generator.data.yamlfil import laes_yaml
from generator.tjek.indlaes import indlaes_katalog
from tests.support import ROD, erstat

REGISTRE = {
    "varde": ROD / "data" / "love.yaml",
    "aarhus": ROD / "examples" / "aarhus-sel-86-2" / "data" / "love.yaml",
    "helhedspleje": ROD / "profiler" / "helhedspleje" / "love.yaml",
}


@pytest.fixture
def nyt(tmp_path: Path) -> Path:
    """The data folder of a fresh catalogue in the helhedspleje shape."""
    mappe = tmp_path / "helhedspleje"
    assert cli(["ny", str(mappe), "--profil", "helhedspleje"]) == 0
    return mappe / "data"


def _henvis_til_servicelovens_83(data: Path) -> None:
    erstat(data / "standards.yaml", '    lovgrundlag: {mangler: "Ikke skrevet endnu"}\n',
           '    lovgrundlag:\n      - {lov: serviceloven, paragraf: "83"}\n')
    # The intervention then takes its standard's legal basis (it may not say 'not described').
    erstat(data / "indsatser.yaml", '    lovgrundlag: {mangler: "Ikke skrevet endnu"}\n', "")


def test_nyt_katalog_er_rent(nyt: Path) -> None:
    katalog = indlaes_katalog(nyt)
    assert katalog.profil.navn == "helhedspleje"
    assert katalog.advarsler == []


def test_servicelovens_83_naevner_aeldrelovens_10(nyt: Path) -> None:
    _henvis_til_servicelovens_83(nyt)
    (advarsel,) = indlaes_katalog(nyt).advarsler
    assert advarsel.besked.startswith("servicelovens § 83 gælder fra 1. juli 2025 ikke for personer omfattet af")
    assert advarsel.besked.endswith("henvis til ældrelovens § 10")


def test_samme_katalog_for_borgere_efter_serviceloven_advares_ikke(nyt: Path) -> None:
    _henvis_til_servicelovens_83(nyt)
    erstat(nyt / "katalog.yaml", "  love: [ældreloven]", "  love: [serviceloven]")
    assert indlaes_katalog(nyt).advarsler == []


@pytest.mark.parametrize("sti", REGISTRE.values(), ids=REGISTRE.keys())
def test_i_stedet_findes_i_den_nye_lov(sti: Path) -> None:
    register, problemer = laes_lovregister(laes_yaml(sti, sti.name))
    assert problemer == [], "\n".join(map(str, problemer))
    assert register is not None
    skift = [(lov, p) for lov in register.love for p in lov.paragraffer if p.erstattet_for_ældre]
    assert skift, f"{sti} har intet lovskifte at tjekke"
    for lov, p in skift:
        e = p.erstattet_for_ældre
        assert e is not None and e.i_stedet, f"{lov.id} § {p.nr}: erstattet_for_ældre uden i_stedet"
        ny = register.lov(e.af)
        assert ny is not None
        ukendte = [nr for nr in e.i_stedet if ny.paragraf(nr) is None]
        assert ukendte == [], f"{lov.id} § {p.nr}: i_stedet nævner {ukendte}, som {e.af} ikke har i {sti.name}"
