"""The page is one document (issue 18): what check passes cannot reach across fields when built.

Each field passes the text policy alone, and together they would forge the page: a bracket opened
in the department's name and closed in the phone hours makes a link, a `\\|` in a frequency text
splits the table "Serviceniveau på et blik", a law titled `__config` gives a heading with the id of
Material's configuration script. The real `mkdocs build --strict` of such data must hold no trace.
The cases check refuses (definitions, a placeholder that completes a link) are in
tests/data/brudte.yaml.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.site import pdf
from generator.site.ankre import overskrift_id
from generator.site.byg import generer
from generator.tjek import tekstpolitik
from generator.tjek.indlaes import indlaes_katalog

from ..support import byg_site, erstat, kopier_projekt, pdf_som_aktuel

ONDT = "evil.example"


def _angrib(data: Path) -> None:
    erstat(data / "katalog.yaml", "forvaltning: Social og Handicap", 'forvaltning: "Social og Handicap [hjælp"')
    erstat(data / "katalog.yaml", 'telefontid: "hverdage kl. 8-12"', 'telefontid: "kl. 8-12](https://evil.example/x)"')
    erstat(data / "indsatser.yaml", "titel: Rengøring", "titel: Rengøring [hjælp]")
    erstat(data / "indsatser.yaml", "tekst: Hver 14. dag ud fra en individuel vurdering.",
           'tekst: "Hver 14. dag \\\\| 0 kr. \\\\| straks \\\\| ja | nej"')
    erstat(data / "love.yaml", "titel: Lov om social service", 'titel: "__config"')
    erstat(data / "standards.yaml", "    titel: Personlige opgaver", '    titel: "Personlige opgaver ["')


class _Celler(HTMLParser):
    """Rows of every table: the number of cells of each."""

    def __init__(self):
        super().__init__()
        self.tabeller: list[list[int]] = []
        self.ider: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ider.append(a["id"])
        if tag == "table":
            self.tabeller.append([])
        elif tag == "tr" and self.tabeller:
            self.tabeller[-1].append(0)
        elif tag in ("td", "th") and self.tabeller and self.tabeller[-1]:
            self.tabeller[-1][-1] += 1


@pytest.fixture(scope="module")
def angrebet(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The attacked data (check passes it), built with the real mkdocs build --strict."""
    import shutil

    from ..support import DATA

    rod = tmp_path_factory.mktemp("helhed")
    data = rod / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("tidligere"))
    _angrib(data)
    indlaes_katalog(data)  # check passes every field alone
    projekt = kopier_projekt(rod / "projekt", data)
    pdf_som_aktuel(projekt / "content", data)
    r = byg_site(projekt, rod / "site")
    assert r.returncode == 0, r.stderr[-3000:]
    sider = {str(p.relative_to(rod / "site")): p.read_text(encoding="utf-8") for p in (rod / "site").rglob("*.html")}
    return data, sider


pytestmark = pytest.mark.slow  # one real mkdocs build


def test_no_link_is_made_across_fields(angrebet):
    _, sider = angrebet
    links = [(s, h) for s, html in sider.items() for h in re.findall(r'href="([^"]*)"', html) if ONDT in h]
    assert links == []
    # The editor's text is still there, as text.
    assert any("Social og Handicap [hjælp" in html for html in sider.values())
    assert any("K.2.1 Rengøring [hjælp]" in html for html in sider.values())


def test_a_pipe_in_a_cell_does_not_forge_columns(angrebet):
    _, sider = angrebet
    for sti, html in sider.items():
        p = _Celler()
        p.feed(html)
        for tabel in p.tabeller:
            assert len(set(tabel)) <= 1, (sti, tabel)  # every row as wide as the header
    blik = next(html for sti, html in sider.items() if "serviceniveau" in sti and "overblik" in sti)
    assert "Hver 14. dag \\| 0 kr. \\| straks \\| ja | nej" in blik


def test_no_heading_takes_an_id_the_theme_uses(angrebet):
    _, sider = angrebet
    lov = next(html for sti, html in sider.items() if "lovgrundlag" in sti)
    p = _Celler()
    p.feed(lov)
    assert p.ider.count("__config") == 1  # Material's script, and no heading
    assert "afsnit-config" in p.ider
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', lov, re.S)
    assert json.loads(config.group(1))["search"]  # the search reads its JSON, as on every page
    for sti, html in sider.items():
        p = _Celler()
        p.feed(html)
        dobbelte = {i for i in p.ider if p.ider.count(i) > 1 and i.startswith("__")}
        assert not dobbelte, (sti, dobbelte)


def test_the_generated_markdown_alone_holds_no_cross_field_link(angrebet):
    """The same in the Markdown the generator writes and in the PDF's document made from it."""
    data, _ = angrebet
    katalog = indlaes_katalog(data)
    visning, filer = generer(katalog)
    dokument = pdf.html_dokument(katalog, visning, filer)  # what WeasyPrint lays out
    assert ONDT not in " ".join(re.findall(r'href="([^"]*)"', dokument))
    tabeller = _Celler()
    tabeller.feed(dokument)
    assert all(len(set(t)) <= 1 for t in tabeller.tabeller)
    for sti, tekst in filer.items():
        if sti.endswith(".md"):
            html = markdown.markdown(tekst, extensions=tekstpolitik.UDVIDELSER + ["toc"],
                                     extension_configs={"toc": {"slugify": overskrift_id}})
            assert ONDT not in " ".join(re.findall(r'href="([^"]*)"', html)), sti
            assert 'id="__config"' not in html, sti


@pytest.mark.parametrize("tekst, id_", [
    ("__config", "afsnit-config"), ("__search", "afsnit-search"), ("_x", "afsnit-x"),
    ("soegeresultater", "afsnit-soegeresultater"), ("Hjaelp spoergsmaal", "afsnit-hjaelp-spoergsmaal"),
    ("1.9 Frit valg", "19-frit-valg"), ("Rengøring", "rengøring"),
])
def test_heading_ids(tekst, id_):
    assert overskrift_id(tekst, "-") == id_
