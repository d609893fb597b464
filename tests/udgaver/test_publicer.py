"""Publishing revisions with mike (generator/publicer.py), in a temporary git repository.

The repository holds copies of mkdocs.yml (its hook pointing at this checkout's generator),
the hand-written pages, overrides/ and data/. 2014 is published, then the data is turned into
2015 (revision.forrige 2014, one fact changed) and published. Checked: versions.json and the
default, 2014's files untouched byte for byte, the outdated banner in 2014's pages, the 2015
"Ændringer" page, and the refusals (wrong revision id, re-publishing, overwriting saved data).
In a browser, on the branch served by a plain static server: the outdated banner, and switching
editions keeps the reader on the same page (the selector and the banner).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.site import urls
from generator.udgaver.publicer import ALIAS, PubliceringsFejl, plan, publicer

from .gitrepo import blobs, git, goer_til_2015, kopi_af, ny_repo, versioner, vis_fil

@pytest.fixture(scope="module")
def publiceret(udgivet_2014, tmp_path_factory):
    """2014 published (shared per session), then 2015 (forrige 2014, one fact changed) in a copy."""
    rod = kopi_af(udgivet_2014["rod"], tmp_path_factory.mktemp("publicer") / "repo")
    beskeder: list[str] = list(udgivet_2014["beskeder"])
    goer_til_2015(rod)
    r2015 = publicer("2015", rod / "mkdocs.yml", ud=beskeder.append)
    return {"rod": rod, "2014": udgivet_2014["resultat"], "2015": r2015, "efter_2014": udgivet_2014["efter"],
            "beskeder": beskeder}


# ------------------------------------------------------------------ which revision is latest

def test_latest_er_nyeste_udgave_efter_id():
    assert plan([], "2014") == ("2014", [ALIAS])
    assert plan(["2014"], "2015") == ("2015", [ALIAS])
    # Publishing an older revision later leaves `latest` on the newest.
    assert plan(["2014", "2015"], "2013") == ("2015", [])
    assert plan(["2015"], "2015") == ("2015", [ALIAS])  # re-publishing (--overskriv) the newest
    assert plan(["2020-0"], "2020-1") == ("2020-1", [ALIAS])
    assert plan(["2015", "2016"], "2015-1") == ("2016", [])


# ------------------------------------------------------------------ publishing 2014, then 2015

@pytest.mark.slow
def test_begge_udgaver_i_versions_json(publiceret):
    rod = publiceret["rod"]
    assert publiceret["efter_2014"]["versioner"] == [{"version": "2014", "title": "2014", "aliases": [ALIAS]}]
    assert versioner(rod) == [
        {"version": "2015", "title": "2015", "aliases": [ALIAS]},
        {"version": "2014", "title": "2014", "aliases": []},
    ]
    # The site's root redirects to latest (mike set-default latest).
    assert "latest/" in vis_fil(rod, "index.html")
    assert publiceret["2015"].latest == "2015" and publiceret["2015"].versioner == ["2015", "2014"]


@pytest.mark.slow
def test_2014_er_uroert_af_2015(publiceret):
    rod = publiceret["rod"]
    foer = publiceret["efter_2014"]["2014"]
    assert len(foer) > 40
    assert blobs(rod, "2014") == foer
    # latest/ is a copy (not a symlink) of 2015.
    latest = {sti.removeprefix("latest/"): h for sti, h in blobs(rod, ALIAS).items()}
    assert latest == {sti.removeprefix("2015/"): h for sti, h in blobs(rod, "2015").items()}


@pytest.mark.slow
def test_2014_har_banneret_for_tidligere_udgaver(publiceret, katalog):
    """Material shows the banner client-side (from versions.json) when the page's version is not `latest`."""
    rod = publiceret["rod"]
    s = katalog.standarder[0]
    for side in (urls.FORSIDE, urls.standard(s.nr, s.titel)):
        html = vis_fil(rod, "2014/" + urls.html_fil(side))
        m = re.search(r'<div[^>]*data-md-component="outdated"[^>]*\bhidden\b[^>]*>(.*?)</aside>', html, re.S)
        assert m, f"ingen outdated-blok i 2014/{urls.html_fil(side)}"
        assert "Dette er en tidligere udgave af kataloget" in m.group(1)
        assert "Se den gældende udgave" in m.group(1)
    # 2014 no longer carries the alias that would hide the banner.
    assert [v["aliases"] for v in versioner(rod) if v["version"] == "2014"] == [[]]


@pytest.mark.slow
def test_2015_aendringer_viser_det_aendrede_faktum(publiceret):
    rod = publiceret["rod"]
    html = vis_fil(rod, "2015/" + urls.html_fil(urls.AENDRINGER))
    assert "i forhold til udgave 2014" in html
    assert "30 minutter → 45 minutter" in html
    assert "30 minutter → 45 minutter" not in vis_fil(rod, "2014/" + urls.html_fil(urls.AENDRINGER))
    assert "Dette er den første udgave" in vis_fil(rod, "2014/" + urls.html_fil(urls.AENDRINGER))


@pytest.mark.slow
def test_data_gemmes_til_naeste_udgave(publiceret):
    rod = publiceret["rod"]
    for udgave in ("2014", "2015"):
        mappe = rod / "data" / "tidligere" / udgave
        assert sorted(p.name for p in mappe.iterdir()) == ["katalog.json"]
        gemt = json.loads((mappe / "katalog.json").read_text(encoding="utf-8"))
        assert gemt["katalog"]["revision"]["id"] == udgave
    # The saved export is the published revision's data: 2014 kept the fact as it was then.
    nødkald_2014 = (rod / "data" / "tidligere" / "2014" / "katalog.json").read_text(encoding="utf-8")
    nødkald_2015 = (rod / "data" / "tidligere" / "2015" / "katalog.json").read_text(encoding="utf-8")
    assert '"antal": 30' in nødkald_2014 and '"antal": 45' in nødkald_2015
    beskeder = "\n".join(publiceret["beskeder"])
    assert "git push origin gh-pages" in beskeder
    assert "git add data/tidligere/2015" in beskeder
    assert "Uændrede udgaver: 2014." in beskeder


@pytest.mark.slow
def test_publish_prints_the_changes_before_it_publishes(publiceret):
    """The list `python -m generator aendringer` shows, printed by publish before mike runs."""
    beskeder = publiceret["beskeder"]
    start = next(i for i, b in enumerate(beskeder) if b.startswith("Ændringer i udgave 2015 i forhold til den "
                                                                    "publicerede udgave 2014:"))
    assert "30 minutter → 45 minutter" in beskeder[start], beskeder[start]
    senere = "\n".join(beskeder[start + 1:])
    assert "git push origin gh-pages" in senere  # the report of the publishing comes after
    assert any("Udgave 2014 er den første" in b for b in beskeder[:start])  # 2014 said it had nothing to compare


# ------------------------------------------------------------------ refusals (no build happens)

@pytest.mark.slow
def test_genudgivelse_afvises(publiceret):
    rod = publiceret["rod"]
    foer = git(rod, "rev-parse", "gh-pages")
    with pytest.raises(PubliceringsFejl, match=r"udgave 2015 er allerede publiceret.*--overskriv"):
        publicer("2015", rod / "mkdocs.yml", ud=lambda _: None)
    assert git(rod, "rev-parse", "gh-pages") == foer


@pytest.mark.slow
def test_forkert_revision_afvises(publiceret):
    rod = publiceret["rod"]
    with pytest.raises(PubliceringsFejl, match=r'revision\.id "2015", men du bad om at publicere "2016"'):
        publicer("2016", rod / "mkdocs.yml", ud=lambda _: None)


def test_gemte_data_overskrives_ikke(tmp_path):
    """data/tidligere/<id>/ with other data than is being published is refused before anything is built."""
    rod = ny_repo(tmp_path / "repo")
    gemt = rod / "data" / "tidligere" / "2014"
    gemt.mkdir(parents=True)
    (gemt / "katalog.json").write_text('{"katalog": {"revision": {"id": "2014"}}}\n', encoding="utf-8")
    with pytest.raises(PubliceringsFejl, match=r"findes allerede med andre data"):
        publicer("2014", rod / "mkdocs.yml", ud=lambda _: None)
    assert subprocess.run(["git", "rev-parse", "--verify", "--quiet", "gh-pages"], cwd=rod).returncode != 0


def test_kraever_git_med_commits(tmp_path):
    rod = tmp_path / "repo"
    ny_repo(rod)
    shutil.rmtree(rod / ".git")
    subprocess.run(["git", "init", "-q"], cwd=rod, check=True)
    with pytest.raises(PubliceringsFejl, match="ingen commits"):
        publicer("2014", rod / "mkdocs.yml", ud=lambda _: None)


@pytest.mark.browser
def test_banner_is_shown_in_a_browser_on_2014_only(publiceret, tmp_path):
    """Material decides client-side, from versions.json over HTTP: check it as a reader sees it."""
    from scripts.sitebrowser import chromium, chromium_findes, server

    if not chromium_findes():
        pytest.skip("Debians chromium mangler: apt-get install chromium")
    rod = publiceret["rod"]
    tree = tmp_path / "gh-pages"
    tree.mkdir()
    arkiv = subprocess.run(["git", "-C", str(rod), "archive", "gh-pages"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=arkiv, check=True)
    side = urls.url_i_site(urls.GENEREL)
    with server(tree) as base, chromium() as browser:
        page = browser.new_page()
        synlig = {}
        for udgave in ("2014", "2015", "latest"):
            page.goto(f"{base}{udgave}/{side}")
            page.wait_for_load_state("networkidle")
            banner = page.locator('[data-md-component="outdated"]')
            synlig[udgave] = banner.is_visible()
            if udgave == "2014":
                assert "Dette er en tidligere udgave af kataloget" in banner.inner_text()
                banner.get_by_role("link", name="Se den gældende udgave").click()
                # Wait for the navigation itself: "networkidle" can be true before the click navigates.
                page.wait_for_url(re.compile(r".*/(latest|2015)/.*"))
        # The version selector lists both revisions.
        page.goto(f"{base}2014/")
        page.wait_for_load_state("networkidle")
        assert {"2014", "2015"} <= set(page.locator(".md-version__list .md-version__link").all_inner_texts())
    assert synlig == {"2014": True, "2015": False, "latest": False}


# Registered before any page script: layout shifts, and whether the banner stood when the page was parsed.
_SKIFT = """window.__skift = [];
new PerformanceObserver(l => { for (const e of l.getEntries()) window.__skift.push(e.value); })
  .observe({type: 'layout-shift', buffered: true});
document.addEventListener('DOMContentLoaded', () => {
  const el = document.querySelector('[data-md-component=outdated]');
  window.__banner_ved_dcl = !!el && !el.hidden; });"""


@pytest.mark.browser
@pytest.mark.slow
def test_an_old_edition_is_marked_before_it_is_drawn_and_on_every_printed_page(publiceret, tmp_path):
    """The first page of a session on 2014: the banner stands when the page is parsed (no layout
    shift), and a PDF printed from Chromium carries "Tidligere udgave 2014" and the address of the
    same page in the current edition on every page; 2015's print carries no mark (issue 19)."""
    from scripts.sitebrowser import VIEWPORT, chromium, chromium_findes, server

    if not chromium_findes():
        pytest.skip("Debians chromium mangler: apt-get install chromium")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext mangler: apt-get install poppler-utils")
    tree = _udpak(publiceret["rod"], tmp_path / "gh-pages")
    side = urls.url_i_site(urls.GENEREL)
    udfald = {}
    with server(tree) as base, chromium() as browser:
        for udgave in ("2014", "2015"):
            kontekst = browser.new_context(viewport=VIEWPORT)  # a new session: nothing remembered
            page = kontekst.new_page()
            page.add_init_script(_SKIFT)
            page.goto(f"{base}{udgave}/{side}")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)  # Material's own (asynchronous) check has answered too
            pdf = tmp_path / f"{udgave}.pdf"
            page.pdf(path=str(pdf), format="A4")
            tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout
            sider = [s for s in tekst.split("\f") if s.strip()]
            udfald[udgave] = {
                "banner": page.locator('[data-md-component="outdated"]').is_visible(),
                "ved_dcl": page.evaluate("window.__banner_ved_dcl"),
                "skift": sum(page.evaluate("window.__skift")),
                "sider": sider,
            }
            kontekst.close()
        adresse = f"{base}latest/{side}"
    gammel, ny = udfald["2014"], udfald["2015"]
    assert gammel["banner"] and gammel["ved_dcl"] and gammel["skift"] == 0, gammel
    assert len(gammel["sider"]) > 1
    for n, s in enumerate(gammel["sider"], 1):
        hoved = re.sub(r"\s+", "", " ".join(s.strip().splitlines()[:3]))
        assert hoved.startswith(re.sub(r"\s", "", "Tidligere udgave 2014 – gælder ikke længere. Den gældende udgave:")), (n, s[:300])
        assert re.sub(r"\s", "", adresse) in hoved, (n, hoved)
    assert not ny["banner"] and ny["skift"] == 0
    assert not any("Tidligere udgave" in s for s in ny["sider"]), ny["sider"][0][:300]


# ------------------------------------------------------------------ switching editions in a browser

def _udpak(rod: Path, maal: Path) -> Path:
    """The gh-pages branch checked out into `maal`, as a plain static server (no site_url) serves it."""
    maal.mkdir()
    arkiv = subprocess.run(["git", "-C", str(rod), "archive", "gh-pages"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(maal)], input=arkiv, check=True)
    return maal


def _vaelg_udgave(page, udgave: str) -> None:
    """Choose `udgave` in Material's version selector as a reader does: open the list, click it."""
    page.wait_for_selector(".md-version__current")
    page.hover(".md-version")  # the list opens on hover, over the button
    page.locator(".md-version__link", has_text=udgave).click()


def _h1(page) -> str:
    return " ".join(page.locator("article h1").inner_text().replace("¶", "").split())


@pytest.mark.browser
@pytest.mark.slow
def test_edition_switch_keeps_the_page(publiceret, katalog, tmp_path):
    """2015's K.2.1 → 2014 in the selector → 2014's K.2.1 (and back); a page 2014 does not have →
    2014's front page, saying so; 2014's banner → the same page in the current edition."""
    from scripts.sitebrowser import chromium, chromium_findes, server

    if not chromium_findes():
        pytest.skip("Debians chromium mangler: apt-get install chromium")
    tree = _udpak(publiceret["rod"], tmp_path / "gh-pages")
    assert not (tree / "2014" / "sitemap.xml").read_text(encoding="utf-8").count("127.0.0.1")
    k21 = next(i for i in katalog.indsatser if i.id == "K.2.1")
    k43 = next(i for i in katalog.indsatser if i.id == "K.4.3")
    side = urls.url_i_site(urls.indsats(k21.id, k21.titel))
    mangler = urls.url_i_site(urls.indsats(k43.id, k43.titel))
    # Simulate a page that a later edition added: 2014 on the server does not have K.4.3.
    shutil.rmtree(tree / "2014" / mangler)
    with server(tree) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}2015/{side}")
        _vaelg_udgave(page, "2014")
        page.wait_for_url(f"{base}2014/{side}")
        assert _h1(page) == "K.2.1 Rengøring"

        _vaelg_udgave(page, "2015")
        page.wait_for_url(f"{base}2015/{side}")
        assert _h1(page) == "K.2.1 Rengøring"

        page.goto(f"{base}2015/{mangler}")
        _vaelg_udgave(page, "2014")
        page.wait_for_url(f"{base}2014/")
        besked = page.locator(".udgaveskift")
        besked.wait_for()
        assert "findes ikke i udgave 2014" in besked.inner_text()
        assert "K.4.3" in besked.inner_text()
        # Said once: the front page reached in any other way says nothing.
        page.reload()
        page.wait_for_load_state("networkidle")
        assert page.locator(".udgaveskift").count() == 0

        page.goto(f"{base}2014/{side}")
        banner = page.locator('[data-md-component="outdated"]')
        banner.wait_for()
        banner.get_by_role("link", name="Se den gældende udgave").click()
        page.wait_for_url(f"{base}latest/{side}")
        assert _h1(page) == "K.2.1 Rengøring"
        page.close()
