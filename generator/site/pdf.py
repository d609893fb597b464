"""The whole revision as one PDF, for the committee and for readers who want paper.

Built offline with WeasyPrint from the same generated Markdown the site uses:
a cover (municipality, revision, approval), a table of contents with page
numbers, "Side X af Y" in the footer, each standard and intervention on a new
page, and legal citations printed as text with their address.

Rendering takes seconds, so the PDF is only rebuilt when its input changed: a
fingerprint of what it is made from (its pages' Markdown and titles, the cover's data,
this module with its CSS, rens.py's allowlist) is kept beside it, and comparing it costs
no rendering.
The build writes that input beside the PDF (`Kilde`), so the MkDocs hook renders it from
there in a process of its own (`python -m generator.site.pdf`): in `mkdocs build` while the
pages are built, in `mkdocs serve` after they are served (generator/site/baggrund.py).

Where WeasyPrint spent its time (cProfile, benchmarks/pdf-profil.md): laying out lines
of text, and list bullets — an outside marker is an absolutely positioned box, laid out on
its own (a fifth of the layout); here the bullet sits inside a hanging indent instead.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import re
import resource
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import markdown

from ..data.katalog import Katalog
from ..formater import dansk_dato
from ..problemer import DataFejl, Problem
from ..tjek import omfang
from . import pdf_tabeller, urls
from .rens import farlige_steder, rens
from .visning import Visning, kontakt_tekst

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MD_EXT = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]

CSS = """
@page {
  size: A4; margin: 22mm 20mm 24mm 20mm;
  @bottom-center { content: "Side " counter(page) " af " counter(pages); font-size: 9pt; color: #333; }
  @top-right { content: string(kapitel); font-size: 8.5pt; color: #555; }
}
@page :first { @bottom-center { content: none; } @top-right { content: none; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
h1 { font-size: 18pt; string-set: kapitel content(); margin-top: 0; }
h2 { font-size: 13pt; margin-top: 1.2em; break-after: avoid; }
h3 { font-size: 11pt; break-after: avoid; }
section.side { break-before: page; }
.forside { text-align: left; padding-top: 60mm; }
.forside h1 { font-size: 26pt; string-set: none; }
.forside p { font-size: 12pt; }
nav.indhold { break-before: page; }
/* Bullets inside a hanging indent: an outside marker is an absolutely positioned box to WeasyPrint. */
ul, ol { padding-left: 1.75em; }  /* with the indent below: text where an outside bullet put it */
li { list-style-position: inside; padding-left: 1.1em; text-indent: -1.1em; }
li > * { text-indent: 0; }
/* A loose list's item is a paragraph (<li><p>): a block after the inside bullet would put the
   bullet on a line of its own and the text below it. Its first paragraph runs on the bullet's line. */
li > p:first-child { display: inline; }
li > p:first-child + * { margin-top: 0.35em; }
li:has(> p) { margin: 0.3em 0; }
nav.indhold ol { list-style: none; padding-left: 0; }
nav.indhold li { margin: 0.15em 0; padding-left: 0; text-indent: 0; }
nav.indhold a { color: #111; text-decoration: none; }
nav.indhold a::after { content: leader(".") " " target-counter(attr(href), page); }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 0.6em 0; }
th, td { border: 0.5pt solid #999; padding: 3pt 4pt; vertical-align: top; text-align: left; }
tr { break-inside: avoid; }  /* a row is read across: not split between two pages */
/* A table too wide for the column, as rows (pdf_tabeller.py): the first cell names the row. */
.tabel-raekke { border: 0.5pt solid #999; padding: 3pt 6pt; margin: 0 0 5pt; font-size: 9pt; break-inside: avoid; }
.tabel-raekke p { margin: 1.5pt 0; }
.tabel-raekke-navn { font-weight: bold; }
.admonition { border-left: 3pt solid #3f51b5; padding: 4pt 8pt; margin: 0.8em 0; background: #f3f4fb; }
.admonition-title { font-weight: bold; margin: 0; }
a { color: #111; }
a.ekstern::after { content: " (" attr(href) ")"; font-size: 8pt; color: #444; word-break: break-all; }
/* A law citation is its own reference on paper; its address would repeat after every paragraph. */
a.ekstern[href^="https://www.retsinformation.dk/"]::after { content: none; }
a.headerlink { display: none; }
/* On paper "Gå til siden" names the page: "Se side 9" (the link's own words are not printed). */
a.sidetal { font-size: 0; }
a.sidetal::after { font-size: 10.5pt; content: "Se side " target-counter(attr(href), page); }
small.kilde { color: #444; }
.soegeord { display: none; }  /* the web page's search keywords: not for paper */
.ikke-i-pdf { display: none; }  /* a section the profile keeps off the committee's paper (pdf: false) */
"""


def _sideanker(sti: str) -> str:
    return "side-" + urls.slug(sti.removesuffix(".md"))


def _omskriv_links(html_tekst: str, fra: str) -> str:
    """Links between pages become links inside the PDF; external links print their address."""

    def erstat(m: re.Match) -> str:
        href = html.unescape(m.group(1))
        if href.startswith(("http://", "https://", "mailto:")):
            return f'<a class="ekstern" href="{html.escape(href)}"'
        sti, _, anker = href.partition("#")
        if not sti:
            return m.group(0)
        maal = posixpath.normpath(posixpath.join(posixpath.dirname(fra), sti))
        if maal.endswith(".md"):
            return f'<a href="#{_sideanker(maal)}"'
        return f'<a class="ekstern" href="{html.escape(href)}"'

    return re.sub(r'<a href="([^"]*)"', erstat, html_tekst)


@dataclass
class Kilde:
    """Everything the PDF is made from, as plain data: the document's title, the cover's lines
    (escaped), the pages in reading order with their titles, and their generated Markdown.
    The build writes it beside the PDF (`kilde_fil`), so the render can run in a process of its
    own (`python -m generator.site.pdf`) without reading the data or importing the models."""

    titel: str
    forside: list[str]
    sider: list[list[str]]
    """[path, title] of each page in the PDF, in reading order."""
    markdown: dict[str, str]
    udeladt: str = ""
    """Why the catalogue's pages are left out (tjek.omfang.uden_pdf: too many pages); "" for a whole PDF."""

    @property
    def fingeraftryk(self) -> str:
        """A hash of everything the PDF is made from: this input, this module, the allowlist."""
        h = hashlib.sha256(_KODE)
        h.update(json.dumps(asdict(self), ensure_ascii=False, sort_keys=True).encode("utf-8"))
        return h.hexdigest()


# This module (its CSS, the HTML it builds), the allowlist that cleans that HTML and the tables' paper
# form (pdf_tabeller) are input too.
_KODE = (
    Path(__file__).read_bytes()
    + Path(rens.__code__.co_filename).read_bytes()
    + Path(pdf_tabeller.__file__).read_bytes()
)


def kilde(katalog: Katalog, visning: Visning, filer: dict[str, str]) -> Kilde:
    info = katalog.info
    godkendelse = html.escape(katalog.godkendelse())
    forside = [
        f"<h1>{html.escape(info.katalog.titel)}, {html.escape(info.katalog.område)}</h1>",
        f"<p><strong>{html.escape(info.kommune.navn)}</strong>, {html.escape(info.kommune.forvaltning)}</p>",
        # The date belongs to the edition, not to who prepared it (an approval date is no preparation date).
        f"<p>Udgave {html.escape(info.revision.id)} ({html.escape(dansk_dato(info.revision.dato))})"
        + (f" · udarbejdet af {html.escape(info.revision.udarbejdet_af)}" if info.revision.udarbejdet_af else "")
        + "</p>",
        f"<p>{godkendelse}</p>",
        f"<p>Kontakt: {html.escape(kontakt_tekst(info))}</p>",
    ]
    udeladt = omfang.uden_pdf(katalog)
    if udeladt:  # a PDF of one page that says why, in place of one WeasyPrint would take hours over
        return Kilde(f"{info.katalog.titel} {info.revision.id}", forside, [], {}, html.escape(udeladt))
    sider = visning.register.pdf()
    if visning.forskel is not None:  # a new edition opens with what changed and the decisions behind it
        sider = [visning.register[urls.AENDRINGER], *sider]
    return Kilde(
        f"{info.katalog.titel} {info.revision.id}",
        forside,
        [[s.sti, s.titel] for s in sider],
        {s.sti: filer[s.sti] for s in sider},
    )


def _aendringer_paa_papir(krop: str, ankre: set[str]) -> str:
    """The Ændringer page in the PDF: a link to a page in the PDF names its page number (a.sidetal);
    a link to a page the PDF does not hold is plain text; its own anchors ("indsatser", "post-1")
    get a prefix, so they do not clash with the same headings on the pages that follow."""
    krop = re.sub(r'\bid="([^"]+)"', r'id="aendringer-\1"', krop)
    krop = re.sub(r'<a href="#(?!side-)([^"]+)"', r'<a href="#aendringer-\1"', krop)

    def side(m: re.Match) -> str:
        if m.group(1) in ankre:
            return f'<a class="sidetal" href="#{m.group(1)}">{m.group(2)}</a>'
        return m.group(2)

    return re.sub(r'<a href="#(side-[^"]+)">(.*?)</a>', side, krop, flags=re.S)


def html_dokument(katalog: Katalog, visning: Visning, filer: dict[str, str]) -> str:
    return html_fra_kilde(kilde(katalog, visning, filer))


def html_fra_kilde(k: Kilde) -> str:
    if k.udeladt:
        dele = [
            '<section class="forside">',
            *k.forside,
            "</section>",
            f'<section class="side"><p>{k.udeladt}</p></section>',
        ]
        return _dokument(k, dele)
    dele = ['<section class="forside">', *k.forside, "</section>", '<nav class="indhold"><h2>Indhold</h2><ol>']
    dele += [f'<li><a href="#{_sideanker(sti)}">{html.escape(titel)}</a></li>' for sti, titel in k.sider]
    dele.append("</ol></nav>")
    ankre = {_sideanker(sti) for sti, _ in k.sider}
    for sti, _ in k.sider:
        md_tekst = _FRONT_MATTER.sub("", k.markdown[sti])
        klasse = "side"
        if sti == urls.AENDRINGER:
            # On paper the before/after texts the page folds away (??? note) stand open (!!! note),
            # and each changed entry's link says on which page of the PDF the entry is.
            md_tekst = re.sub(r"(?m)^(\s*)\?\?\? ", r"\1!!! ", md_tekst)
            klasse = "side aendringer"
        # The same allowlist as the site's pages from data (rens.py): no javascript: link in the PDF.
        krop = pdf_tabeller.paa_papir(_omskriv_links(rens(markdown.markdown(md_tekst, extensions=_MD_EXT)), sti))
        if sti == urls.AENDRINGER:
            krop = _aendringer_paa_papir(krop, ankre)
        dele.append(f'<section class="{klasse}" id="{_sideanker(sti)}">{krop}</section>')
    return _dokument(k, dele)


def _dokument(k: Kilde, dele: list[str]) -> str:
    return (
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        f"<title>{html.escape(k.titel)}</title>"
        f"<style>{CSS}</style></head><body>" + "\n".join(dele) + "</body></html>"
    )


def fingeraftryk(katalog: Katalog, visning: Visning, filer: dict[str, str]) -> str:
    return kilde(katalog, visning, filer).fingeraftryk


def kvittering(maal: Path) -> Path:
    """Where the fingerprint of the PDF's input is kept: a dotfile beside it, which MkDocs does not publish."""
    return maal.with_name(f".{maal.name}.sha256")


def kilde_fil(maal: Path) -> Path:
    """Where the build keeps the PDF's `Kilde`: a dotfile beside it (urls.PDF_KILDE), not published."""
    return maal.with_name(f".{maal.name}.json")


def gem_kilde(k: Kilde, maal: Path) -> bool:
    """Write the PDF's source beside it if it changed. Returns whether it was written."""
    sti, tekst = kilde_fil(maal), json.dumps(asdict(k), ensure_ascii=False)
    if sti.exists() and sti.read_text(encoding="utf-8") == tekst:
        return False
    sti.parent.mkdir(parents=True, exist_ok=True)
    sti.write_text(tekst, encoding="utf-8")
    return True


def laes_kilde(maal: Path) -> Kilde:
    return Kilde(**json.loads(kilde_fil(maal).read_text(encoding="utf-8")))


AKTUEL, MANGLER, FORAELDET = "aktuel", "mangler", "forældet"


def tilstand(maal: Path, fingeraftryk_: str) -> str:
    """Whether the PDF at `maal` is current for this input, missing, or from older input."""
    if not maal.exists():
        return MANGLER
    k = kvittering(maal)
    return AKTUEL if k.exists() and k.read_text().strip() == fingeraftryk_ else FORAELDET


def render(dokument: str, maal: Path, fingeraftryk_: str) -> None:
    """Render the HTML document to `maal`; readers of `maal` never see a half-written file."""
    from weasyprint import HTML  # imported late: heavy, and only needed when the PDF changed

    maal.parent.mkdir(parents=True, exist_ok=True)
    midlertidig = maal.with_name(f".{maal.name}.{os.getpid()}.tmp")
    try:
        HTML(string=dokument, base_url=str(maal.parent)).write_pdf(
            midlertidig, pdf_identifier=fingeraftryk_[:32].encode(), uncompressed_pdf=False
        )
        os.replace(midlertidig, maal)
    finally:
        midlertidig.unlink(missing_ok=True)
    kvittering(maal).write_text(fingeraftryk_ + "\n")


def skriv_pdf(katalog: Katalog, visning: Visning, filer: dict[str, str], maal: Path) -> bool:
    """Write the PDF to `maal` if its input changed. Returns whether it was (re)built."""
    return skriv_fra_kilde(kilde(katalog, visning, filer), maal)


def skriv_fra_kilde(k: Kilde, maal: Path) -> bool:
    fp = k.fingeraftryk
    if tilstand(maal, fp) == AKTUEL:
        return False
    dokument = html_fra_kilde(k)
    fundne = farlige_steder(dokument)
    if fundne:  # cannot happen after `rens`; if it ever does, no PDF rather than a dangerous one
        raise DataFejl(
            [
                Problem(f"PDF'en ville indeholde {f}", "ret teksten i data; se redaktørvejledningen om tekst")
                for f in fundne
            ]
        )
    render(dokument, maal, fp)
    return True


MAKS_SEKUNDER = 900
"""The longest a PDF may take (the real catalogue: 12 s for 144 pages; 4x the interventions: 58 s
for 428 pages; check bounds the number of interventions, generator/tjek/omfang.py)."""
MAKS_HUKOMMELSE = 6 << 30
"""The most memory (address space) the PDF process may use (428 pages: 0.55 GB resident)."""


class _ForLangTid(Exception):
    pass


def _for_lang_tid(signum: int, frame: object) -> None:
    raise _ForLangTid


def _graenser() -> None:
    """Bound this process: WeasyPrint holds the whole document's layout in memory and takes ~0.1 s a
    page, so a catalogue far beyond what check allows must stop with a message, not run for an hour
    and take the machine's memory."""
    _, haard = resource.getrlimit(resource.RLIMIT_AS)
    if haard == resource.RLIM_INFINITY or haard > MAKS_HUKOMMELSE:
        resource.setrlimit(resource.RLIMIT_AS, (MAKS_HUKOMMELSE, haard))
    signal.signal(signal.SIGALRM, _for_lang_tid)
    signal.alarm(MAKS_SEKUNDER)


def afgraenset(arbejde: Callable[[], bool]) -> bool:
    """`arbejde()` (a render) within `MAKS_SEKUNDER` and `MAKS_HUKOMMELSE`; beyond them a `DataFejl`
    that says which bound stopped it. For a process of its own: the memory bound stays."""
    hint = (
        "kataloget er for stort til én PDF på denne maskine; del det op i flere kataloger, "
        "eller fjern det, der ikke hører til"
    )
    _graenser()
    try:
        return arbejde()
    except _ForLangTid:
        raise DataFejl(
            [Problem(f"PDF'en blev ikke færdig inden for {MAKS_SEKUNDER // 60} minutter og er stoppet", hint)]
        ) from None
    except MemoryError:
        raise DataFejl(
            [Problem(f"PDF'en brugte mere end {MAKS_HUKOMMELSE >> 30} GB hukommelse og er stoppet", hint)]
        ) from None
    finally:
        signal.alarm(0)


def main(argv: list[str] | None = None) -> int:
    """``python -m generator.site.pdf content/katalog/data/kvalitetsstandarder.pdf``: render the PDF
    from the source the build wrote beside it (the hook runs this in a process of its own)."""
    start = time.perf_counter()
    maal = Path((argv or sys.argv[1:])[0])
    try:
        skrevet = afgraenset(lambda: skriv_fra_kilde(laes_kilde(maal), maal))
    except DataFejl as e:
        print("\n".join(str(p) for p in e.problemer), file=sys.stderr)
        return 1
    print(f"PDF skrevet: {maal} ({time.perf_counter() - start:.1f} s)" if skrevet else f"PDF er aktuel: {maal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
