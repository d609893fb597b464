"""Publishing killed at every step: the next `publish` finishes or rolls back by itself and says so.

Each test copies the session's scratch repository with 2014 published, turns the data into
2015 and runs ``python -m generator publish 2015`` in its own session, killed (SIGKILL) at
one step through publicer's test hook (``KATALOG_PUBLICER_STOP_VED=<trin>[:gruppe]``): the
process alone — mike's child then keeps running and commits — or its whole process group.
Then ``publish 2015`` runs again — at once, so when only publish was killed it meets mike
still running and must wait for it: had it not, it would deploy a second time. Afterwards
2015 is published exactly once, its data is saved, and 2014 (its files on gh-pages and its
saved data) is byte for byte as before.
"""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.udgaver.publicer import BACKUP, JOURNAL, LAAS, STOP_VED, PubliceringsFejl, publicer

from ..support import ROD, erstat
from .gitrepo import blobs, git, goer_til_2015, kopi_af, ny_repo, versioner, vis_fil

def publish(rod: Path, *args: str, stop: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROD), "NO_MKDOCS_2_WARNING": "1"}
    env.pop(STOP_VED, None)
    if stop:
        env[STOP_VED] = stop
    # Its own session: a kill of "the whole group" must not reach pytest.
    return subprocess.run([sys.executable, "-m", "generator", "publish", *args, "--config", str(rod / "mkdocs.yml")],
                          cwd=rod, env=env, capture_output=True, text=True, start_new_session=True, timeout=900)


def journal(rod: Path) -> Path:
    return rod / ".git" / JOURNAL


def gemt(rod: Path, udgave: str) -> Path:
    return rod / "data" / "tidligere" / udgave / "katalog.json"


def paa_grenen(rod: Path) -> list[str]:
    return [v["version"] for v in versioner(rod)]


@pytest.fixture
def repo_2015(udgivet_2014, tmp_path):
    rod = kopi_af(udgivet_2014["rod"], tmp_path / "repo")
    goer_til_2015(rod)
    return rod


def afsluttet_rigtigt(rod: Path, udgivet_2014: dict, ud: str) -> None:
    """2015 is published once and finished; 2014 is untouched; nothing is left of the interruption."""
    assert paa_grenen(rod) == ["2015", "2014"], ud
    assert [v["aliases"] for v in versioner(rod)] == [["latest"], []]
    assert "latest/" in vis_fil(rod, "index.html")
    assert blobs(rod, "2014") == udgivet_2014["efter"]["2014"]
    assert gemt(rod, "2014").read_bytes() == gemt(udgivet_2014["rod"], "2014").read_bytes()
    data = json.loads(gemt(rod, "2015").read_text(encoding="utf-8"))
    assert data["katalog"]["revision"]["id"] == "2015"
    assert sorted(p.name for p in gemt(rod, "2015").parent.iterdir()) == ["katalog.json"]
    assert not journal(rod).exists() and not (rod / ".git" / BACKUP).exists()
    assert not list(rod.glob("mike-mkdocs*.yml"))
    subjects = git(rod, "log", "--format=%s", "gh-pages").splitlines()
    assert subjects.count("Publicér udgave 2015") == 1


# (step, whole group?, does mike's deploy commit land before the next run?)
AFBRYDELSER = [
    ("foer-kopi", True, False),            # the journal is written, the saved data not yet
    ("efter-kopi", True, False),           # before mike: the saved data is written
    ("under-mike-deploy", True, False),    # mike and its build are killed with publish
    ("under-mike-deploy", False, True),    # publish alone is killed; mike builds and commits anyway
    ("efter-deploy", False, True),         # after mike's commit, before the default is set
    ("under-mike-set-default", False, True),
    ("efter-standard", False, True),       # after the default, before the check and the journal's end
    ("foer-afslutning", True, True),
]


@pytest.mark.slow
@pytest.mark.parametrize("trin, gruppe, landet", AFBRYDELSER,
                         ids=[f"{t}-{'gruppe' if g else 'kun-publish'}" for t, g, _ in AFBRYDELSER])
def test_afbrudt_publicering_goeres_faerdig_eller_rulles_tilbage(repo_2015, udgivet_2014, trin, gruppe, landet):
    rod = repo_2015
    foer = git(rod, "rev-parse", "gh-pages").strip()
    r = publish(rod, "2015", stop=f"{trin}:gruppe" if gruppe else trin)
    assert r.returncode == -9, r.stdout + r.stderr
    assert journal(rod).exists()
    assert blobs(rod, "2014") == udgivet_2014["efter"]["2014"]
    if trin != "foer-kopi":
        # The saved data is written before mike runs: a revision on the branch always has it.
        assert json.loads(gemt(rod, "2015").read_text(encoding="utf-8"))["katalog"]["revision"]["id"] == "2015"

    igen = publish(rod, "2015")
    ud = igen.stdout + igen.stderr
    assert igen.returncode == 0, ud
    assert "Publiceringen af udgave 2015" in ud and "blev afbrudt" in ud
    if landet:
        assert "mike havde lagt udgave 2015 på grenen gh-pages" in ud and "gjort færdig" in ud
        assert "$ mike deploy" not in ud  # finished, not built again
    else:
        assert "nåede ikke at komme på grenen gh-pages" in ud and "rullet tilbage" in ud
        assert "$ mike deploy" in ud and git(rod, "rev-parse", "gh-pages").strip() != foer
    assert "Udgave 2015 er publiceret" in ud
    afsluttet_rigtigt(rod, udgivet_2014, ud)
    # A third run is an ordinary refusal: the revision is published and finished.
    tredje = publish(rod, "2015")
    assert tredje.returncode == 1 and "allerede publiceret" in tredje.stderr


@pytest.mark.slow
def test_afbrudt_overskrivning_gendanner_de_gemte_data(udgivet_2014, tmp_path):
    """--overskriv killed before mike: the next run restores the saved data it replaced, byte for byte."""
    rod = kopi_af(udgivet_2014["rod"], tmp_path / "repo")
    original = gemt(rod, "2014").read_bytes()
    erstat(rod / "data" / "standards.yaml", "tid: {antal: 30, enhed: minutter}", "tid: {antal: 45, enhed: minutter}")
    r = publish(rod, "2014", "--overskriv", stop="efter-kopi")
    assert r.returncode == -9
    assert gemt(rod, "2014").read_bytes() != original and (rod / ".git" / BACKUP).exists()
    igen = publish(rod, "2014")  # without --overskriv: the interrupted one is rolled back, then refused
    assert "rullet tilbage til den tidligere kopi" in igen.stdout, igen.stdout + igen.stderr
    assert igen.returncode == 1 and "allerede publiceret" in igen.stderr
    assert gemt(rod, "2014").read_bytes() == original
    assert blobs(rod, "2014") == udgivet_2014["efter"]["2014"]
    assert not journal(rod).exists() and not (rod / ".git" / BACKUP).exists()


def test_to_publiceringer_paa_en_gang_afvises(tmp_path):
    rod = ny_repo(tmp_path / "repo")
    with open(rod / ".git" / LAAS, "w") as laas:
        fcntl.flock(laas, fcntl.LOCK_EX)
        with pytest.raises(PubliceringsFejl, match="en anden publicering kører allerede"):
            publicer("2014", rod / "mkdocs.yml", ud=lambda _: None)
    assert not journal(rod).exists() and not (rod / "data" / "tidligere").exists()
