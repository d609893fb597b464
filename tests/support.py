"""Helpers shared by the tests: paths, broken copies of the data, building a site, reading its HTML.

Nothing here loads data at import time: a broken data file fails the tests that read it,
not the collection of every test.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
DATA = ROD / "data"


def fakta_modul(katalog_mappe: Path = ROD):
    """A catalogue's fact tests (beside its data: <katalog>/data/tests/test_fakta.py or
    <katalog>/tests/test_fakta.py) as a module, so site tests check the same facts on the pages."""
    import importlib.util

    for sti in (katalog_mappe / "data" / "tests" / "test_fakta.py", katalog_mappe / "tests" / "test_fakta.py"):
        if sti.is_file():
            spec = importlib.util.spec_from_file_location(f"fakta_{katalog_mappe.name}", sti)
            assert spec is not None and spec.loader is not None
            modul = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = modul  # dataclasses look their module up while the class is made
            spec.loader.exec_module(modul)
            return modul
    raise FileNotFoundError(f"ingen faktatest ved {katalog_mappe}")
PDF_STEDFORTRAEDER = b"%PDF-1.7\n% stand-in: this test does not look at the PDF\n"


def erstat(fil: Path, gammel: str, ny: str, antal: int = 1) -> None:
    """Replace `gammel` by `ny` in a data file; fails loudly if the text is not there."""
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst, f"{gammel!r} findes ikke i {fil.name}: testen skal opdateres"
    fil.write_text(tekst.replace(gammel, ny, antal), encoding="utf-8")


# ------------------------------------------------------------------ building the site

HAANDSKREVNE = ("om-kataloget.md", "redaktoervejledning.md", "tilgaengelighedserklaering.md")


def kopier_projekt(maal: Path, data_dir: Path | None = None, serve: bool = False) -> Path:
    """A buildable copy of the site project in `maal`, using `data_dir` (default: the real data).

    Only hand-written content is copied; the hook regenerates the rest, as on a fresh clone.
    `serve=True` keeps mkdocs.yml's `watch:` (the data folder and this checkout's templates).
    """
    maal.mkdir(parents=True, exist_ok=True)
    (maal / "content").mkdir(exist_ok=True)
    for navn in HAANDSKREVNE:
        kilde = ROD / "content" / navn
        if kilde.is_dir():
            shutil.copytree(kilde, maal / "content" / navn)
        else:
            shutil.copy(kilde, maal / "content" / navn)
    shutil.copytree(ROD / "overrides", maal / "overrides")
    cfg = (ROD / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg.replace("  - generator/site/mkdocs_hook.py", f"  - {ROD / 'generator' / 'site' / 'mkdocs_hook.py'}")
    if serve:
        cfg = re.sub(r"(?m)^watch:\n(  - .*\n)+", f"watch:\n  - {data_dir or DATA}\n"
                     f"  - {ROD / 'generator' / 'site' / 'templates'}\n", cfg)
    else:
        cfg = re.sub(r"(?m)^watch:\n(  - .*\n)+", "", cfg)
    cfg = cfg.replace("katalog_data: data", f"katalog_data: {data_dir or DATA}")
    (maal / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return maal


def pdf_som_aktuel(content: Path, data_dir: Path) -> None:
    """Give `content` a stand-in PDF whose fingerprint is current for `data_dir`, so a build of that
    data does not render it. For tests that build changed data but do not look at the PDF: the real
    PDF is rendered once per session (fixture `bygget`) and read back in tests/site/test_pdf.py."""
    from generator.site import pdf, urls
    from generator.site.byg import generer
    from generator.tjek.indlaes import indlaes_katalog

    katalog = indlaes_katalog(data_dir)
    visning, filer = generer(katalog)
    maal = content / urls.PDF
    maal.parent.mkdir(parents=True, exist_ok=True)
    maal.write_bytes(PDF_STEDFORTRAEDER)
    pdf.kvittering(maal).write_text(pdf.fingeraftryk(katalog, visning, filer) + "\n", encoding="utf-8")


def _mkdocs_build(projekt: Path, ud: Path) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROD)}
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(projekt / "mkdocs.yml"), "-d", str(ud)], env


def byg_site(projekt: Path, ud: Path):
    kommando, env = _mkdocs_build(projekt, ud)
    return subprocess.run(kommando, capture_output=True, text=True, env=env)


def start_byg_site(projekt: Path, ud: Path) -> subprocess.Popen:
    """`byg_site` in the background: `.communicate()` gives (stdout, stderr)."""
    kommando, env = _mkdocs_build(projekt, ud)
    return subprocess.Popen(kommando, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)



# ------------------------------------------------------------------ reading built HTML (stdlib only)


@dataclass
class Side:
    sti: Path
    links: list[str] = field(default_factory=list)          # <a href>
    ressourcer: list[tuple[str, str]] = field(default_factory=list)  # (tag, src/href) that load something
    ids: set[str] = field(default_factory=set)
    tekst: str = ""
    h1: str = ""


class _Laeser(HTMLParser):
    def __init__(self, side: Side):
        super().__init__(convert_charrefs=True)
        self.side, self._dele, self._i_h1, self._skjult = side, [], False, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.side.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.side.links.append(a["href"])
        for attr in ("src", "data-src", "poster"):
            if attr in a:
                self.side.ressourcer.append((tag, a[attr]))
        # <link rel="canonical"/"alternate"> name a URL; only these rels make the browser fetch it.
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {
                "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "preconnect", "dns-prefetch"}:
            self.side.ressourcer.append((tag, a["href"]))
        if tag in ("script", "style"):
            self._skjult += 1
        if tag == "h1":
            self._i_h1 = True

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skjult -= 1
        if tag == "h1":
            self._i_h1 = False

    def handle_data(self, data):
        if self._skjult:
            return
        self._dele.append(data)
        if self._i_h1:
            self.side.h1 += data


def laes(sti: Path) -> Side:
    side = Side(sti)
    laeser = _Laeser(side)
    laeser.feed(sti.read_text(encoding="utf-8"))
    side.tekst = " ".join(" ".join(laeser._dele).split())
    side.h1 = " ".join(side.h1.replace("¶", "").split())
    return side


class _TabelLaeser(HTMLParser):
    """Every <table> of a page as rows of cell texts (whitespace collapsed)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tabeller: list[list[list[str]]] = []
        self._celle: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tabeller.append([])
        elif tag == "tr" and self.tabeller:
            self.tabeller[-1].append([])
        elif tag in ("td", "th") and self.tabeller:
            self._celle = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._celle is not None:
            self.tabeller[-1][-1].append(" ".join("".join(self._celle).split()))
            self._celle = None

    def handle_data(self, data):
        if self._celle is not None:
            self._celle.append(data)


def tabeller(sti: Path) -> list[list[list[str]]]:
    laeser = _TabelLaeser()
    laeser.feed(sti.read_text(encoding="utf-8"))
    return laeser.tabeller


class _TekstUdenKode(HTMLParser):
    _SKJULT = {"script", "style", "code", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.dele: list[str] = []
        self._dybde = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKJULT:
            self._dybde += 1

    def handle_endtag(self, tag):
        if tag in self._SKJULT and self._dybde:
            self._dybde -= 1

    def handle_data(self, data):
        if not self._dybde:
            self.dele.append(data)


def laes_uden_kode(sti: Path) -> str:
    """A page's rendered text without code, scripts and styles (where Markdown syntax may stand)."""
    laeser = _TekstUdenKode()
    laeser.feed(sti.read_text(encoding="utf-8"))
    return " ".join(" ".join(laeser.dele).split())
