"""The built site (HTML, not Markdown): pages, links, anchors, facts, escaping, no third-party requests.

The site is built once per session from the real data with `mkdocs build --strict`
(fixture `bygget`); one test builds a broken copy to prove escaping.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.formater import varighed
from generator.site import urls
from generator.site.serviceniveau import IKKE_I_KATALOGET
from generator.site.visning import Visning
from generator.problemer import DataFejl
from generator.tjek.indlaes import indlaes_katalog

from .. import support as html
from ..support import DATA, byg_site, erstat, kopier_projekt, pdf_som_aktuel

_fakta = support_fakta = html.fakta_modul()
FAKTA, Enten, Lov, V, _indeholder = _fakta.FAKTA, _fakta.Enten, _fakta.Lov, _fakta.V, _fakta._indeholder

pytestmark = pytest.mark.slow



def side(site: Path, docs_sti: str) -> html.Side:
    fil = site / urls.html_fil(docs_sti)
    assert fil.exists(), f"ingen side for {docs_sti} ({fil})"
    return html.laes(fil)


@pytest.fixture(scope="module")
def alle_sider(bygget) -> dict[str, html.Side]:
    """Every HTML page of the site, keyed by its path relative to the site root."""
    return {p.relative_to(bygget).as_posix(): html.laes(p) for p in sorted(bygget.rglob("*.html"))}


# ------------------------------------------------------------------ build

def test_strict_build_has_no_warnings(bygget):
    log = (bygget.parent / "build.log").read_text(encoding="utf-8")
    assert "WARNING" not in log, log
    assert "Documentation built" in log


def test_a_page_for_every_standard_and_intervention(bygget, katalog, visning):
    for s in katalog.standarder:
        assert side(bygget, visning.standard_sti[s.nr]).h1 == f"Kvalitetsstandard {s.nr}. {s.titel}"
    for i in katalog.indsatser:
        assert side(bygget, visning.indsats_sti[i.id]).h1 == f"{i.id} {i.titel}"
    for sti in (urls.FORSIDE, urls.GENEREL, urls.SERVICENIVEAU, urls.SAGSBEHANDLINGSFRISTER, urls.LOVGRUNDLAG,
                urls.OM_UDGAVEN, urls.AENDRINGER, urls.DATA, urls.REDAKTOERVEJLEDNING, urls.TILGAENGELIGHED):
        side(bygget, sti)
    for fil in (urls.PDF, urls.DATA_JSON, urls.DATA_SKEMA, urls.CSV_SERVICENIVEAU, urls.CSV_FRISTER):
        assert (bygget / fil).stat().st_size > 0, fil


def test_every_page_is_in_the_navigation(bygget, alle_sider, katalog):
    """No page is unreachable: the sidebar of the forside links every catalogue page."""
    forside = side(bygget, urls.FORSIDE)
    i_nav = {posixpath.normpath(unquote(urlsplit(h).path)).strip("/") for h in forside.links}
    sider = {p.removesuffix("index.html").strip("/") for p in alle_sider
             if p not in ("404.html",) and not p.startswith("search/")}
    # The comparison is the editors' page beside the catalogue: out of the navigation unless the
    # catalogue shows it to citizens (`sammenligning.vis_for_borgere`); "Data og PDF" links it.
    sml = katalog.info.sammenlign_med
    uden_for = {"katalog/sammenligning"} if sml is not None and not sml.vis_for_borgere else set()
    assert sider - i_nav - {""} - uden_for == set()


# ------------------------------------------------------------------ links

def _maal(site: Path, fra: str, href: str) -> tuple[Path | None, str]:
    dele = urlsplit(href)
    if dele.scheme or dele.netloc or href.startswith(("mailto:", "tel:")):
        return None, ""
    if dele.path.startswith("/"):  # 404.html links from the site root (site_url's path is "/")
        sti = posixpath.normpath(unquote(dele.path).lstrip("/") or ".")
    else:
        sti = posixpath.normpath(posixpath.join(posixpath.dirname(fra), unquote(dele.path))) if dele.path else fra
    if sti.startswith(".."):
        return None, ""  # the version root of a mike deployment (outdated banner), not part of one build
    fil = site / sti
    if fil.is_dir():
        fil = fil / "index.html"
    return fil, unquote(dele.fragment)


def test_every_internal_link_and_anchor_resolves(bygget, alle_sider):
    brudte = []
    for navn, s in alle_sider.items():
        for href in s.links:
            fil, anker = _maal(bygget, navn, href)
            if fil is None:
                continue
            if not fil.exists():
                brudte.append(f"{navn}: {href} (filen findes ikke)")
                continue
            if anker and fil.suffix == ".html":
                maal = alle_sider.get(fil.relative_to(bygget).as_posix())
                if maal is not None and anker not in maal.ids:
                    brudte.append(f"{navn}: {href} (ankeret #{anker} findes ikke)")
    assert not brudte, "\n".join(brudte)


def test_danish_heading_anchors_keep_aeoeaa(bygget, visning):
    s = side(bygget, visning.standard_sti[1])
    assert "målgruppe" in s.ids and "særlige-forhold" in s.ids


def _linker_til(site: Path, fra: str, til: str) -> bool:
    s = html.laes(site / urls.html_fil(fra))
    return any((f := _maal(site, urls.html_fil(fra), h)[0]) is not None and f == site / urls.html_fil(til)
               for h in s.links)


def test_intervention_and_standard_link_both_ways(bygget, katalog, visning):
    for indsats in katalog.indsatser:
        for nr in indsats.standarder:
            assert _linker_til(bygget, visning.indsats_sti[indsats.id], visning.standard_sti[nr]), indsats.id
            assert _linker_til(bygget, visning.standard_sti[nr], visning.indsats_sti[indsats.id]), indsats.id


def test_standard_pages_link_citations_to_retsinformation(bygget, katalog, visning):
    for s in katalog.standarder[:5]:
        links = side(bygget, visning.standard_sti[s.nr]).links
        assert any(l.startswith("https://www.retsinformation.dk/eli/lta/") for l in links), s.nr
    lovgrundlag = side(bygget, urls.LOVGRUNDLAG)
    assert sum(l.startswith("https://www.retsinformation.dk/eli/lta/") for l in lovgrundlag.links) >= 15


# ------------------------------------------------------------------ facts on the right page

def _side_for(visning, art: str, post) -> str:
    if art == "indsats":
        return visning.indsats_sti[post]
    if art == "standard":
        return visning.standard_sti[post]
    return urls.GENEREL


def _paa_siden(tekst: str, forventet) -> bool:
    if isinstance(forventet, Enten):
        return any(_paa_siden(tekst, alt) for alt in forventet)
    if isinstance(forventet, str):
        return _indeholder(tekst, forventet)
    if isinstance(forventet, V):
        return _indeholder(tekst, varighed(forventet.antal, forventet.enhed)) and (
            forventet.kontekst is None or _indeholder(tekst, forventet.kontekst))
    if isinstance(forventet, Lov):
        return _indeholder(tekst, f"§ {forventet.paragraf}" + (f", stk. {forventet.stk}" if forventet.stk else ""))
    raise TypeError(forventet)


@pytest.mark.parametrize("art, post, felt, forventet", [p.values[:4] for p in FAKTA],
                         ids=[p.id for p in FAKTA])
def test_fact_is_on_its_page(bygget, art, post, felt, forventet, visning):
    tekst = side(bygget, _side_for(visning, art, post)).tekst
    assert _paa_siden(tekst, forventet), f"{forventet} står ikke på siden for {art} {post}"


def test_missing_sections_are_said_once_in_the_readers_words(bygget, visning):
    """Standard 6 is not in the source: one note lists what the catalogue does not describe."""
    tekst = side(bygget, visning.standard_sti[6]).tekst
    assert tekst.count("Det oplyser siden ikke") == 1
    assert "Siden oplyser ikke for denne kvalitetsstandard: lovgrundlag, visitation" in tekst
    # The summary box says its deadline gap; the note does not say it again.
    assert tekst.count(IKKE_I_KATALOGET) == 1 and "sagsbehandlingsfrist" not in tekst.lower().split("det oplyser siden ikke")[1]


def test_each_gap_is_said_once_on_every_intervention_page(bygget, visning):
    """A gap in the summary box ("Hvor ofte og hvornår: Ikke oplyst her") is not in the page's note too,
    and every gap of the page is said somewhere."""
    for r in visning.serviceniveau:
        tekst = side(bygget, r.til).tekst
        note = tekst.split("Det oplyser siden ikke")[1] if "Det oplyser siden ikke" in tekst else ""
        for etiket, a in r.kort_fortalt:
            if not a.beskrevet:
                assert f"{etiket}: {IKKE_I_KATALOGET}" in tekst, (r.indsats.id, etiket)
                assert a.aspekt.mangler_tekst not in note, (r.indsats.id, etiket)
        for mangler in r.ikke_beskrevet:
            assert note.count(mangler) == 1, (r.indsats.id, mangler)
        assert tekst.count("Det oplyser siden ikke") <= 1 and "Ikke beskrevet" not in tekst, r.indsats.id


def test_placeholders_are_filled(bygget, alle_sider, visning):
    for navn, s in alle_sider.items():
        if navn.startswith("redaktoervejledning/"):
            continue  # the editor's guide explains the placeholders by name
        assert not re.search(r"\{(kommunes?|kontakt_[a-zæøå]+|hjemmeside|katalog_år)\}", s.tekst), navn
    assert "Varde Kommunes politisk udmeldte serviceniveau" in side(bygget, visning.standard_sti[1]).tekst


# ------------------------------------------------------------------ nothing from third parties

def test_no_resource_from_any_other_host(bygget, alle_sider):
    fremmede = []
    for navn, s in alle_sider.items():
        for tag, src in s.ressourcer:
            if urlsplit(src).netloc or src.startswith("//"):
                fremmede.append(f"{navn}: <{tag}> {src}")
    for css in bygget.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:)?//[^)]+\)", css.read_text(encoding="utf-8", errors="ignore")):
            fremmede.append(f"{css.name}: {url}")
    assert not fremmede, "\n".join(fremmede[:20])
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8", errors="ignore") for p in bygget.rglob("*.html"))


# ------------------------------------------------------------------ escaping

def test_nothing_is_escaped_twice(alle_sider, bygget):
    """Markup the templates write (<span>, <br>) stays markup; '&' in the data is not shown as '&amp;'."""
    for navn in alle_sider:
        raa = (bygget / navn).read_text(encoding="utf-8")
        for spor in ("&amp;amp;", "&amp;lt;", "&amp;gt;", "&lt;span", "&lt;br", "&amp;#"):
            assert spor not in raa, f"{navn}: {spor}"


def test_text_from_yaml_is_escaped(tmp_path, data_kopi):
    """Check refuses HTML in data (text policy); behind it, the templates escape it."""
    from ..angreb import byg_uden_tekstpolitik, uden_tekstpolitik

    erstat(data_kopi / "indsatser.yaml", "titel: Rengøring",
           'titel: "Rengøring </title><script>alert(1)</script>"')
    erstat(data_kopi / "indsatser.yaml",
           "      Hjælp til rengøring af dit hjem,",
           "      Hjælp <img src=x onerror=alert(2)> & rengøring af dit hjem,")
    with pytest.raises(DataFejl, match=r"K\.2\.1: kort_fortalt: HTML er ikke tilladt"):
        indlaes_katalog(data_kopi)
    erstat(data_kopi / "katalog.yaml", "udvalg: Udvalget for Social og Sundhed",
           'udvalg: "Udvalget <script>alert(3)</script>"')  # printed on every page (overrides/main.html)
    projekt = kopier_projekt(tmp_path / "projekt", data_kopi)
    with uden_tekstpolitik():
        pdf_som_aktuel(projekt / "content", data_kopi)  # the pages are under test, not the PDF
    byg_uden_tekstpolitik(projekt, tmp_path / "site")
    with uden_tekstpolitik():
        katalog = indlaes_katalog(data_kopi)
    sti = Visning(katalog).indsats_sti["K.2.1"]
    raa = (tmp_path / "site" / urls.html_fil(sti)).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in raa and "</title><script>" not in raa
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raa
    assert "<img src=x" not in raa and "&lt;img src=x onerror=alert(2)&gt;" in raa
    assert html.laes(tmp_path / "site" / urls.html_fil(sti)).h1 == "K.2.1 Rengøring </title><script>alert(1)</script>"
    assert "<script>alert(3)" not in raa
    assert "Politisk godkendt i Udvalget &lt;script&gt;alert(3)&lt;/script&gt;, dato ikke angivet" in raa
