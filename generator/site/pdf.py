"""The whole revision as one PDF, for the committee and for readers who want paper.

Built offline with WeasyPrint from the same generated Markdown the site uses:
a cover (municipality, revision, approval), a table of contents with page
numbers, "Side X af Y" in the footer, each standard and intervention on a new
page, and legal citations printed as text with their address.

Rendering takes seconds, so the PDF is only rebuilt when its input changed: a
fingerprint of what it is made from (its pages' Markdown and titles, the cover's data,
this module with its CSS, rens.py's allowlist) is kept beside it, and comparing it costs
no rendering.
`mkdocs serve` renders it in the background (generator/site/baggrund.py).

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
from pathlib import Path
from typing import TYPE_CHECKING

from ..problemer import DataFejl, Problem
from . import urls
from .rens import farlige_steder, rens

if TYPE_CHECKING:  # the hook checks the PDF's state without importing the models (mellemlager.py)
    from ..data.katalog import Katalog
    from .visning import Visning

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
nav.indhold ol { list-style: none; padding-left: 0; }
nav.indhold li { margin: 0.15em 0; padding-left: 0; text-indent: 0; }
nav.indhold a { color: #111; text-decoration: none; }
nav.indhold a::after { content: leader(".") " " target-counter(attr(href), page); }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 0.6em 0; }
th, td { border: 0.5pt solid #999; padding: 3pt 4pt; vertical-align: top; text-align: left; }
.admonition { border-left: 3pt solid #3f51b5; padding: 4pt 8pt; margin: 0.8em 0; background: #f3f4fb; }
.admonition-title { font-weight: bold; margin: 0; }
a { color: #111; }
a.ekstern::after { content: " (" attr(href) ")"; font-size: 8pt; color: #444; word-break: break-all; }
a.headerlink { display: none; }
small.kilde { color: #444; }
.soegeord { display: none; }  /* the web page's search keywords: not for paper */
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


def html_dokument(katalog: Katalog, visning: Visning, filer: dict[str, str]) -> str:
    import markdown  # imported late: only a render needs it, and `generator build` should not pay

    from .visning import kontakt_tekst

    info = katalog.info
    godkendt = info.revision.politisk_godkendt
    godkendelse = (f"Politisk godkendt: {html.escape(godkendt.udvalg or 'ikke angivet')}"
                   + (f", {html.escape(godkendt.dato)}" if godkendt.dato else " (dato ikke angivet i kilden)"))
    dele = [
        '<section class="forside">',
        f"<h1>{html.escape(info.katalog.titel)}, {html.escape(info.katalog.område)}</h1>",
        f"<p><strong>{html.escape(info.kommune.navn)}</strong>, {html.escape(info.kommune.forvaltning)}</p>",
        f"<p>Udgave {html.escape(info.revision.id)} · udarbejdet af {html.escape(info.revision.udarbejdet_af)}"
        f" ({html.escape(info.revision.dato)})</p>",
        f"<p>{godkendelse}</p>",
        f"<p>Kontakt: {html.escape(kontakt_tekst(info))}</p>",
        "</section>",
        '<nav class="indhold"><h2>Indhold</h2><ol>',
    ]
    sider = [s.sti for s in visning.register.pdf()]
    titler = {s.sti: s.titel for s in visning.register}
    dele += [f'<li><a href="#{_sideanker(s)}">{html.escape(titler[s])}</a></li>' for s in sider]
    dele.append("</ol></nav>")
    for sti in sider:
        md_tekst = _FRONT_MATTER.sub("", filer[sti])
        # The same allowlist as the site's pages from data (rens.py): no javascript: link in the PDF.
        krop = rens(markdown.markdown(md_tekst, extensions=_MD_EXT))
        dele.append(f'<section class="side" id="{_sideanker(sti)}">{_omskriv_links(krop, sti)}</section>')
    return ("<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(info.katalog.titel)} {html.escape(info.revision.id)}</title>"
            f"<style>{CSS}</style></head><body>" + "\n".join(dele) + "</body></html>")


def kvittering(maal: Path) -> Path:
    """Where the fingerprint of the PDF's input is kept: a dotfile beside it, which MkDocs does not publish."""
    return maal.with_name(f".{maal.name}.sha256")


# This module (its CSS, the HTML it builds) and the allowlist that cleans that HTML are input too.
_KILDE = Path(__file__).read_bytes() + Path(rens.__code__.co_filename).read_bytes()


def fingeraftryk(katalog: Katalog, visning: Visning, filer: dict[str, str]) -> str:
    """A hash of everything the PDF is made from, computed without rendering or converting anything."""
    h = hashlib.sha256(_KILDE)
    h.update(katalog.info.model_dump_json().encode("utf-8"))
    sider = [(s.sti, s.titel, filer[s.sti]) for s in visning.register.pdf()]
    h.update(json.dumps(sider, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


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
            midlertidig, pdf_identifier=fingeraftryk_[:32].encode(), uncompressed_pdf=False)
        os.replace(midlertidig, maal)
    finally:
        midlertidig.unlink(missing_ok=True)
    kvittering(maal).write_text(fingeraftryk_ + "\n")


def skriv_pdf(katalog: Katalog, visning: Visning, filer: dict[str, str], maal: Path) -> bool:
    """Write the PDF to `maal` if its input changed. Returns whether it was (re)built."""
    fp = fingeraftryk(katalog, visning, filer)
    if tilstand(maal, fp) == AKTUEL:
        return False
    dokument = html_dokument(katalog, visning, filer)
    fundne = farlige_steder(dokument)
    if fundne:  # cannot happen after `rens`; if it ever does, no PDF rather than a dangerous one
        raise DataFejl([Problem(f"PDF'en ville indeholde {f}", "ret teksten i data; se redaktørvejledningen om tekst")
                        for f in fundne])
    render(dokument, maal, fp)
    return True
