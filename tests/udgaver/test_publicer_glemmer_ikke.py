"""Publishing never wedges and never forgets (issue 18).

- A journal left by a publish that failed before anything reached the branch (a revision id too
  long for the file system, from before check bounded it) is rolled back by the next publish of
  the fixed data, which then succeeds.
- An edition whose files are on gh-pages is never dropped from versions.json: a list emptied or
  broken by hand is rebuilt from the branch before mike deploys, and the editor is told.
"""
from __future__ import annotations

import json
import time

import pytest

from generator.udgaver import publicer as publicer_modul
from generator.udgaver.publicer import JOURNAL

from .gitrepo import blobs, git, goer_til_2015, kopi_af, versioner
from .test_publicer_afbrudt import afsluttet_rigtigt, publish

pytestmark = pytest.mark.slow  # each publishes 2015 with a real mike deploy


@pytest.fixture
def repo_2015(udgivet_2014, tmp_path):
    rod = kopi_af(udgivet_2014["rod"], tmp_path / "repo")
    goer_til_2015(rod)
    return rod


def test_a_journal_with_an_impossible_revision_id_is_rolled_back_and_publish_succeeds(repo_2015, udgivet_2014):
    rod = repo_2015
    lang = "2015" + "a" * 300  # as `publish` wrote it before the saved data's folder name failed
    (rod / ".git" / JOURNAL).write_text(json.dumps({
        "revision": lang, "branch": "gh-pages", "remote": "origin", "push": False, "overskriv": False,
        "foer": git(rod, "rev-parse", "gh-pages").strip(), "latest": lang, "aliaser": ["latest"],
        "sha256": "0" * 64, "backup": False, "pid": 1, "mike_pid": None,
        "begyndt": time.strftime("%Y-%m-%d %H:%M:%S"),
    }), encoding="utf-8")
    r = publish(rod, "2015")
    ud = r.stdout + r.stderr
    assert r.returncode == 0, ud
    assert "nåede ikke at komme på grenen gh-pages, så intet er publiceret" in ud
    assert "Traceback" not in ud
    afsluttet_rigtigt(rod, udgivet_2014, ud)


def _erstat_versions_json(rod, tekst: str) -> None:
    publicer_modul._skriv_paa_grenen(rod, "gh-pages", "versions.json", tekst, "Hånd-redigeret versions.json")


@pytest.mark.parametrize("tekst, besked", [
    ("[]", "manglede 2014"),
    ("", "kunne ikke læses helt"),
    ('{"ikke": "en liste"', "kunne ikke læses helt"),
    ('[{"version": "2014", "title": "2014", "aliases": ["latest"]}, {"version": 2013}]', "kunne ikke læses helt"),
], ids=["tom-liste", "tom-fil", "ugyldig-json", "et-ugyldigt-punkt"])
def test_an_edition_on_the_branch_is_never_dropped_from_versions_json(repo_2015, udgivet_2014, tekst, besked):
    rod = repo_2015
    _erstat_versions_json(rod, tekst)
    r = publish(rod, "2015")
    ud = r.stdout + r.stderr
    assert r.returncode == 0, ud
    assert f"Bemærk: versions.json på grenen gh-pages {besked}" in ud
    assert "genskabt ud fra mapperne på grenen (2014)" in ud
    assert [v["version"] for v in versioner(rod)] == ["2015", "2014"]
    assert [v["aliases"] for v in versioner(rod)] == [["latest"], []]
    assert blobs(rod, "2014") == udgivet_2014["efter"]["2014"]  # 2014's files untouched
    subjects = [s for s in git(rod, "log", "--format=%s", "gh-pages").splitlines() if not s.startswith("Standard")]
    assert subjects[:2] == ["Publicér udgave 2015", "Reparér versions.json"]


def test_a_whole_list_is_not_rewritten(repo_2015):
    rod = repo_2015
    r = publish(rod, "2015")
    assert r.returncode == 0, r.stderr
    assert "Reparér" not in r.stdout and "Bemærk: versions.json" not in r.stdout
    assert "Reparér versions.json" not in git(rod, "log", "--format=%s", "gh-pages")


@pytest.mark.parametrize("hvordan", ["navnet-er-for-langt", "disken-er-fuld"])
def test_saved_data_that_cannot_be_written_leaves_no_journal(repo_2015, monkeypatch, hvordan):
    """The failure itself: the saved data cannot be written (a folder name too long for the file
    system, found before anything begins; a full disk, found after the journal is written). publish
    says so and what to do, rolls back, and leaves neither a journal nor a change on the branch."""
    import errno

    rod = repo_2015
    foer = git(rod, "rev-parse", "gh-pages")
    if hvordan == "navnet-er-for-langt":
        lang = rod / "data" / "tidligere" / ("2015" + "a" * 300)
        monkeypatch.setattr(publicer_modul, "tidligere_mappe", lambda data_dir, revision: lang)
    else:
        skriv = publicer_modul._skriv_atomisk

        def fuld(sti, tekst):
            if "tidligere" in str(sti):
                raise OSError(errno.ENOSPC, "No space left on device")
            skriv(sti, tekst)

        monkeypatch.setattr(publicer_modul, "_skriv_atomisk", fuld)
    with pytest.raises(publicer_modul.PubliceringsFejl, match=r"kunne ikke gemmes .*Intet er publiceret"):
        publicer_modul.publicer("2015", rod / "mkdocs.yml", ud=lambda _: None)
    assert not (rod / ".git" / JOURNAL).exists()
    assert git(rod, "rev-parse", "gh-pages") == foer
    assert not (rod / "data" / "tidligere" / "2015").exists()
