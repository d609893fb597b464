"""The comparison of catalogues (issue 22): Varde, Nyborg and Køge side by side, checked against each
catalogue's own data — the site builds under --strict, every cell is its catalogue's, no cell shows a
number its catalogue's data does not hold, and broken copies give located Danish errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from generator import formater
from generator.data import hyppighed, schema
from generator.site import sammenligning, urls
from generator.site.byg import generer
from generator.tjek.citater import ens_lovnavne
from generator.tjek.indlaes import indlaes_katalog

from .. import support
from ..support import ROD

KATALOGER = [ROD, ROD / "examples" / "nyborg-2019", ROD / "examples" / "koege-2023-2024"]
RENGOERING = "43608562-e356-4990-8b96-e35128bbdc4f"
PERSONLIG_HYGIEJNE = "17312894-b23f-43d9-9723-b725ac25d872"
TOEJVASK = "8bf6aa06-6e1f-47b6-96ab-4b7d153305f0"
MADSERVICE = "9aad7654-b9f9-40a3-84d9-2ae1dec4228a"
_TAL = re.compile(r"\d+(?:,\d+)?")


def _kor(*args: str, cwd: Path = ROD) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def websted(tmp_path_factory):
    """`sammenlign` for the three catalogues, built with `mkdocs build --strict` (the index page's
    HTML, the services at least two catalogues have, the built site)."""
    ud = tmp_path_factory.mktemp("sammenligning")
    r = _kor("sammenlign", *(str(k) for k in KATALOGER), "--ud", str(ud / "projekt"))
    assert r.returncode == 0, r.stderr
    bygget = support.byg_site(ud / "projekt", ud / "site")
    assert bygget.returncode == 0 and "WARNING" not in bygget.stderr, bygget.stderr[-3000:]
    deltagere = sammenligning.laes_mapper(KATALOGER)
    faelles, _ = sammenligning.ydelser(deltagere, {}, "index.md")
    return ud / "site" / "index.html", faelles


def _side(websted, y) -> Path:
    """The built page of service `y`."""
    html, faelles = websted
    return html.parent / urls.html_fil(sammenligning.ydelsessider(faelles)[y.kode])


def _rækker(websted):
    """(service, row model, the row's HTML cells), for every row of every service's page: one table a page."""
    _, faelles = websted
    for y in faelles:
        tabeller = support.tabeller(_side(websted, y))
        assert len(tabeller) == 1, (y.navn, len(tabeller))
        assert tabeller[0][0] == list(sammenligning.KOLONNER)
        assert len(tabeller[0]) == len(y.raekker) + 1, (y.navn, len(tabeller[0]), len(y.raekker))
        for r, celler in zip(y.raekker, tabeller[0][1:], strict=True):
            yield y, r, celler


def _artikel_links(html: Path) -> list[str]:
    """The links of a built page's content (not its navigation)."""
    tekst = html.read_text(encoding="utf-8")
    artikel = tekst[tekst.index("<article"): tekst.index("</article>")]
    return re.findall(r'<a href="([^"]+)"', artikel)


def _norm(tekst: str) -> str:
    """Data prose as the page shows it: Markdown escapes and emphasis gone, whitespace collapsed."""
    return " ".join(re.sub(r"\\(.)|\*\*|(?<!\w)\*(?!\w)", lambda m: m.group(1) or "", tekst).split())


def _hyppigheder(i: schema.Indsats) -> list[schema.Loefte]:
    return [x for _, v in i if isinstance(v, list) for x in v if isinstance(x, schema.Loefte) and x.hyppighed]


def _pr_aar(h: hyppighed.Hyppighed) -> Fraction:
    """Times a year, computed here from the value (not by the module under test): 365-day year."""
    dage = {"døgn": 1, "dage": 1, "uge": 7, "uger": 7, "måned": Fraction(365, 12), "måneder": Fraction(365, 12),
            "år": 365}
    if h.gange is not None:
        return h.gange * Fraction(365) / dage[h.pr]
    return Fraction(365) / (h.hver * dage[h.enhed])


def _vist(x: Fraction) -> set[str]:
    return {str(x.numerator)} if x.denominator == 1 else {f"{float(x):.1f}".replace(".", ",").rstrip("0").rstrip(",")}


def test_the_comparison_of_the_three_catalogues_builds_strict_and_says_the_years_differ(websted):
    html, _ = websted
    tekst = support.laes(html).tekst
    assert "Kataloger fra forskellige år" in tekst
    for k in KATALOGER:
        info = indlaes_katalog(k / "data").info
        assert f"{info.kommune.navn} {info.revision.id}" in tekst


def test_the_index_links_every_service_page_and_says_how_many_catalogues_have_it(websted):
    """One page per service at least two catalogues have, each linked from the index with its count;
    one page for the services only one has; no other page, and the navigation holds them all."""
    html, faelles = websted
    site = html.parent
    deltagere = sammenligning.laes_mapper(KATALOGER)
    _, alene = sammenligning.ydelser(deltagere, {}, "index.md")
    stier = sammenligning.ydelsessider(faelles)
    assert len(set(stier.values())) == len(faelles) > 10
    links = _artikel_links(html)
    tekst = support.laes(html).tekst
    for y in faelles:
        assert urls.url_i_site(stier[y.kode]) in links, y.navn
        assert re.search(rf"{re.escape(y.navn)} ?: {len(y.kataloger)} af {len(KATALOGER)} kataloger", tekst), y.navn
        side = support.laes(_side(websted, y))
        assert side.h1 == y.navn and f"FSIII-kode {y.kode}" in side.tekst
        assert "Kataloger fra forskellige år" in side.tekst  # the warning stands beside every table
    assert urls.url_i_site(sammenligning.KUN_I_ET) in links and alene
    kun_i_et = support.laes(site / urls.html_fil(sammenligning.KUN_I_ET)).tekst
    for r in (r for y in alene for r in y.raekker):
        assert re.search(rf"{r.deltager.katalog.info.kommune.navn}: (\S+ )?{re.escape(_norm(r.indsats.titel))}", kun_i_et), \
            r.indsats.id
    bygget = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    assert bygget == {"index.html", urls.html_fil(sammenligning.KUN_I_ET), *map(urls.html_fil, stier.values())}
    # Every page in the navigation (mkdocs.yml's validation warns of an omitted one; the build is strict).
    config = (site.parent / "projekt" / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:"): config.index("\nextra_css:") + 1]
    for sti in ["index.md", *stier.values(), sammenligning.KUN_I_ET]:
        assert f"- {sti}\n" in nav, sti


def test_the_site_searches_with_pagefind_not_lunr(websted):
    """Material's lunr index is off (fetched whole, ~50× Pagefind's growth a catalogue); the hook built Pagefind's,
    over the pages' content only, and the index page carries its search field."""
    html, faelles = websted
    site = html.parent
    assert not (site / "search").exists()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert list((site / "pagefind" / "fragment").iterdir())
    assert 'id="soegning"' in html.read_text(encoding="utf-8")
    assert 'id="soegning"' not in _side(websted, faelles[0]).read_text(encoding="utf-8")


@pytest.mark.browser
def test_searching_the_comparison_for_cleaning_finds_its_page_first(websted):
    from scripts.sitebrowser import chromium, chromium_findes, server

    from .test_browser import _mangler

    if not chromium_findes():
        _mangler("Debians chromium mangler: apt-get install chromium")
    html, faelles = websted
    rengoering = next(y for y in faelles if y.kode == RENGOERING)
    with server(html.parent) as url, chromium() as browser:
        side = browser.new_page()
        fejl: list[str] = []
        side.on("requestfailed", lambda r: fejl.append(r.url))
        side.goto(url.rstrip("/") + "/")
        side.fill("#soegning input", "rengøring")
        side.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        forste = side.query_selector(".pagefind-ui__result-link").get_attribute("href")
        assert forste == "/" + urls.url_i_site(sammenligning.ydelsessider(faelles)[rengoering.kode]), forste
        assert not fejl, fejl


def test_cleaning_personal_care_laundry_and_meals_each_have_a_row_per_catalogue(websted):
    _, faelles = websted
    efter_kode = {y.kode: y for y in faelles}
    navne = {indlaes_katalog(k / "data").info.kommune.navn for k in KATALOGER}
    for kode in (RENGOERING, PERSONLIG_HYGIEJNE, TOEJVASK, MADSERVICE):
        assert {r.deltager.katalog.info.kommune.navn for r in efter_kode[kode].raekker} == navne, kode


def test_cleaning_every_fourteen_days_and_every_other_week_are_the_same_interval(websted):
    """Varde "Hver 14. dag", Nyborg "hver anden uge", Køge "25 gange om året": computed from the values."""
    rengoering = {
        (r.deltager.katalog.info.kommune.navn, r.indsats.id): r
        for y in websted[1] if y.kode == RENGOERING for r in y.raekker
    }
    varde = rengoering[("Varde Kommune", "K.2.1")].celler["hyppighed"]
    nyborg = rengoering[("Nyborg Kommune", "praktisk-hjaelp-rengoering")].celler["hyppighed"]
    koege = rengoering[("Køge Kommune", "praktisk-hjaelp-rengoering")].celler["hyppighed"]
    assert varde.tal == nyborg.tal == ["26,1", "14"]
    assert "»Hver 14. dag ud fra en individuel vurdering.«" in varde.tekst
    assert "»Som hovedregel kan du få gjort rent hver anden uge.«" in nyborg.tekst
    assert koege.tal == ["25", "14,6"] and "»Hjælpen til rengøring leveres 25 gange om året.«" in koege.tekst


def test_every_cell_is_its_catalogues_value_and_date(websted):
    for y, r, celler in _rækker(websted):
        k, i = r.deltager.katalog, r.indsats
        hvem, hyp, frist, pris, ikke = celler
        g = i.godkendelse or k.info.revision.politisk_godkendt
        assert k.info.kommune.navn in hvem and f"udgave {k.info.revision.id}" in hvem, hvem
        assert formater.politisk_godkendelse(g.udvalg, g.dato) in hvem, hvem
        assert _norm(i.titel) in hvem
        # The frequency: every value computed beside the catalogue's own words.
        for loefte in _hyppigheder(i):
            assert _vist(_pr_aar(loefte.hyppighed)) & set(_TAL.findall(hyp)), (i.id, hyp)
            assert _norm(loefte.tekst) in hyp, (i.id, loefte.tekst, hyp)
        # Silence, or an excerpt's unknown, exactly where the catalogue's service level says nothing.
        sn = r.deltager.serviceniveau[i.id]
        for noegle, celle in zip(sammenligning.ASPEKTER, (hyp, frist, pris, ikke), strict=True):
            fakta = [f for g_ in sn.aspekt(noegle).grupper for f in g_.fakta]
            if noegle == "hyppighed":
                fakta += _hyppigheder(i)
            if not fakta:
                assert celle == (sammenligning.IKKE_GEMT if i.uddrag else sammenligning.IKKE_ANGIVET), (i.id, noegle)
            else:
                assert celle not in (sammenligning.IKKE_GEMT, sammenligning.IKKE_ANGIVET)
                for f in fakta:
                    for tekst in (f.tekst, f.emne or ""):
                        udfyldt = tekst.replace("{kommune}", k.info.kommune.navn).replace("{kommunes}", k.info.kommune.genitiv)
                        forventet = _norm(ens_lovnavne(udfyldt, k.love)).rstrip(".")
                        assert forventet[:40] in celle, (i.id, noegle, forventet, celle)


def _tal_i_data(k, i: schema.Indsats) -> set[str]:
    """Every number the catalogue's data holds for this entry: its own fields, its standards', the
    catalogue's edition and approvals, and the intervals computed from its structured frequencies."""
    dump = [i.model_dump(mode="json"), k.info.model_dump(mode="json")]
    dump += [s.model_dump(mode="json") for s in k.standarder if s.nr in i.standarder]
    dump += [k.introduktion.model_dump(mode="json")]
    ud = {str(int(t)) if "," not in t else t for t in _TAL.findall(json.dumps(dump, ensure_ascii=False))}
    for loefte in _hyppigheder(i):
        pr_aar = _pr_aar(loefte.hyppighed)
        ud |= _vist(pr_aar) | _vist(Fraction(365) / pr_aar)
    return ud


def test_no_cell_shows_a_number_its_catalogues_data_does_not_hold(websted):
    for y, r, celler in _rækker(websted):
        tilladt = _tal_i_data(r.deltager.katalog, r.indsats)
        for celle in celler:
            fremmede = {t for t in _TAL.findall(celle) if (t if "," in t else str(int(t))) not in tilladt}
            assert not fremmede, (r.deltager.navn, r.indsats.id, fremmede, celle)


def test_the_number_check_can_fail(websted):
    """A number that is not the catalogue's — another catalogue's 25 in Varde's row — is caught."""
    varde = indlaes_katalog(ROD / "data")
    assert "25" not in _tal_i_data(varde, varde.indsats("K.2.1"))
    assert "26,1" in _tal_i_data(varde, varde.indsats("K.2.1"))


def test_a_catalogue_that_names_its_comparison_gets_it_beside_its_own_pages_and_in_the_pdf():
    """Varde's own view: the page is generated, left out of the citizens' navigation, the PDF's last page;
    its own rows link to its own pages, the others' to the page they came from."""
    katalog = indlaes_katalog(ROD / "data")
    assert katalog.info.sammenlign_med is not None and not katalog.info.sammenlign_med.vis_for_borgere
    visning, filer = generer(katalog)
    assert sammenligning.STI in filer
    assert sammenligning.STI not in json.dumps(visning.register.nav())
    assert visning.register.pdf()[-1].sti == sammenligning.STI
    assert f"[sammenligningen med andre kataloger]({urls.link(urls.DATA, sammenligning.STI)}) som bilag" in filer[urls.DATA]
    side = filer[sammenligning.STI]
    assert f"[K.2.1 Rengøring]({urls.link(sammenligning.STI, visning.indsats_sti['K.2.1'])})" in side
    assert "(https://www.nyborg.dk/da/Borger/Senior/Visitation/Kvalitetsstandarder/Praktisk-Hjalp-Rengoring)" in side


def _kopi(tmp_path: Path, blok: str) -> Path:
    shutil.copytree(ROD / "data", tmp_path / "data", ignore=shutil.ignore_patterns("tests", "tidligere"))
    fil = tmp_path / "data" / "katalog.yaml"
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst[: tekst.index("sammenlign_med:")] + blok, encoding="utf-8")
    return tmp_path / "data"


BRUDT = """sammenlign_med:
  kataloger:
    - sti: examples/nyborg-2019
    - sti: examples/findes-ikke
  kortlægning:
    - katalog: examples/helt-ukendt
      post: noget
      fsiii: 43608562-e356-4990-8b96-e35128bbdc4f
      begrundelse: prøve
    - katalog: examples/nyborg-2019
      post: findes-ikke
      fsiii: 43608562-e356-4990-8b96-e35128bbdc4f
      begrundelse: prøve
"""


def test_a_broken_comparison_gives_every_located_danish_error_and_exit_1(tmp_path):
    data = _kopi(tmp_path, BRUDT)
    linjer = (data / "katalog.yaml").read_text(encoding="utf-8").splitlines()
    linje = {n: nr for nr, tekst in enumerate(linjer, 1) for n in ("sti: examples/findes-ikke",) if n in tekst}
    for kommando in (["check", "--kort"], ["build", "--content", str(tmp_path / "content")], ["sammenlign"]):
        r = _kor("--data", str(data), *kommando, "--ud", str(tmp_path / "ud")) if kommando == ["sammenlign"] else \
            _kor("--data", str(data), *kommando)
        assert r.returncode == 1, (kommando, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr
        if kommando == ["sammenlign"]:
            continue  # the catalogues are checked before the mappings: one error here, all in `check`
        assert f"katalog.yaml:{linje['sti: examples/findes-ikke']}: sammenlign_med: kataloger[1].sti: kataloget " \
               "'examples/findes-ikke' findes ikke" in r.stderr, r.stderr
    # The mappings are checked once the catalogues load: a copy with only a wrong mapping says so.
    data = _kopi(tmp_path / "b", BRUDT.replace("    - sti: examples/findes-ikke\n", ""))
    r = _kor("--data", str(data), "check", "--kort")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert re.search(r"katalog\.yaml:\d+: sammenlign_med: kortlægning\[0\]\.katalog: ukendt katalog "
                     r"'examples/helt-ukendt'.*\(hint: brug et af: '\.', 'examples/nyborg-2019'\)", r.stderr), r.stderr
    assert re.search(r"katalog\.yaml:\d+: sammenlign_med: kortlægning\[1\]\.post: kataloget 'examples/nyborg-2019' "
                     r"har ingen post 'findes-ikke'", r.stderr), r.stderr


def test_an_unknown_code_and_a_mapping_of_an_entry_with_codes_are_refused(tmp_path):
    data = _kopi(tmp_path, """sammenlign_med:
  kataloger:
    - sti: examples/koege-2023-2024
  kortlægning:
    - katalog: examples/koege-2023-2024
      post: aeldre-og-handicapvenlige-boliger
      fsiii: 43608562-e356-4990-8b96-e35128bbdc4x
      begrundelse: prøve
    - katalog: "."
      post: K.2.1
      fsiii: 43608562-e356-4990-8b96-e35128bbdc4f
      begrundelse: prøve
""")
    r = _kor("--data", str(data), "check", "--kort")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "kortlægning[0].fsiii: FSIII-koden '43608562-e356-4990-8b96-e35128bbdc4x' er ukendt i kodesystemet " \
           "(hint: brug en gældende indsatskode, fx 'Rengøring'" in r.stderr, r.stderr
    assert "kortlægning[1].post: posten 'K.2.1' har allerede sine egne FSIII-koder" in r.stderr, r.stderr


def test_an_editors_mapping_is_shown_as_such(tmp_path):
    data = _kopi(tmp_path, """sammenlign_med:
  kataloger:
    - sti: examples/koege-2023-2024
  kortlægning:
    - katalog: examples/koege-2023-2024
      post: aeldre-og-handicapvenlige-boliger
      fsiii: 43608562-e356-4990-8b96-e35128bbdc4f
      begrundelse: Kun for at prøve, at en kortlægning vises som sådan.
""")
    katalog = indlaes_katalog(data)
    d = sammenligning.deltagere(katalog)
    side = sammenligning.markdown(d, sammenligning.kortlaegninger(katalog, d))
    raekke = next(linje for linje in side.splitlines() if "Ældre- og handicapvenlige boliger" in linje and "|" in linje)
    assert "*Redaktørens kortlægning:* Kun for at prøve, at en kortlægning vises som sådan." in raekke
