"""The policy for text in data: which Markdown an editor may write in which kind of field.

The catalogue is published on the municipality's website, so text from the YAML is a
security boundary: it must end as text, or be refused with a clear message. The policy
(written for editors in content/redaktoervejledning.md):

- **Titles and names** (`titel`, `navn`, `emne`, `søgeord`, …) are plain text: no Markdown at
  all and no line break.
- **Prose** (every other text) may use paragraphs, emphasis (``*kursiv*``, ``**fed**``), lists, quotes (``>``)
  and links whose target is ``https:``, ``mailto:``, ``tel:`` or a page of the catalogue, written
  as an intervention's id or a standard's number: ``[rengøring](K.2.1)``, ``[standard 2](2)``.
- Never: raw HTML, attribute lists (``{: …}``), images, headings, code, tables, boxes.
- `kommune.hjemmeside` is a well-formed https address.

Text is parsed with Python-Markdown and the site's own extensions, so what is checked is what
the site would render: a reference-style link is a link here too. Every violation is a
`Problem` without a location; the rule in krydstjek locates it.

This is the first of two layers: generator/site/rens.py cleans and verifies the rendered pages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from ..data.pladsholdere import klammer
from ..problemer import Problem, fejl

# The site's Markdown extensions (mkdocs.yml, less toc): a test keeps the two lists equal.
UDVIDELSER = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences"]

TITEL_FELTER = {
    "titel",
    "titel_i_standard",
    "undertitel",
    "navn",
    "genitiv",
    "forvaltning",
    "område",
    "kilde",
    "emne",
    "gruppe",
    "forum",
    "udvalg",
    "udarbejdet_af",
    "senest_revideret",
    "politisk_godkendt",
    "enhed",
    "telefon",
    "telefontid",
    "søgeord",
    "eksterne_standarder",
    "borgeren_kan_forvente",
    "kommunens_mål",  # only under `overskrifter`; see `felter`
}
"""Fields shown as titles, names, headings or table labels: plain text only."""

IKKE_TEKST = {
    "id",
    "nr",
    "indsats",
    "lov",
    "paragraf",
    "type",
    "hovedlov",
    "dato",
    "gældende_fra",
    "forrige",
    "berører",
    "hjemmeside",
    "side",
    "standard",
    "prioritet",
    "antal",
    "stk",
    "gælder",
    "undtagen",
    "svar",
    "bolig",
}
"""Identifiers, numbers and dates: their form is checked by the schema, not here."""

PROSA_ELEMENTER = {"p", "em", "strong", "ul", "ol", "li", "a", "br", "blockquote"}
"""Prose may quote (">"), as the catalogue quotes the law it rests on (standard 5)."""

_NAVNE = {
    "img": (
        "et billede",
        "billeder kan ikke stå i data; skriv teksten, eller link til billedet med [tekst](https://…)",
    ),
    "code": ("kode (`…`)", "skriv teksten uden backticks (`)"),
    "pre": ("en kodeblok", "ryk ikke linjer 4 mellemrum ind, og brug ikke ``` eller ~~~"),
    "blockquote": ("et citat (linje, der begynder med >)", "fjern > foran linjen"),
    "table": ("en tabel", "skriv oplysningerne som punkter med '- ' eller som flere oplysninger"),
    "hr": ("en vandret streg (---)", "fjern linjen med ---, *** eller ___"),
    "div": ("en boks (!!! eller ???)", "skriv teksten som et almindeligt afsnit"),
    "details": ("en fold-ud-boks (???)", "skriv teksten som et almindeligt afsnit"),
    "abbr": ("en forkortelse (*[…]: …)", "skriv forkortelsen ud i teksten"),
    "em": ("fremhævning (*…* eller _…_)", "titler og navne er ren tekst: fjern * og _"),
    "strong": ("fremhævning (**…**)", "titler og navne er ren tekst: fjern **"),
    "a": ("et link", "titler og navne er ren tekst: fjern [...](...) og skriv kun teksten"),
    "ul": ("en liste", "titler og navne er ren tekst"),
    "ol": ("en liste", "titler og navne er ren tekst"),
}
_OVERSKRIFT = re.compile(r"^h[1-6]$")
_HTML_TEGNKODE = re.compile(r"^&#?\w+;$")

# A host name: labels of letters, digits and hyphens, at least one dot (no spaces, quotes, brackets).
_VAERT = re.compile(r"^(?=.{1,253}$)([a-z0-9æøå]([a-z0-9æøå-]{0,61}[a-z0-9æøå])?\.)+[a-zæøå]{2,63}$", re.I)
_URL_TEGN = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%æøåÆØÅ]+$")
_MAIL = re.compile(r"^mailto:[^@\s<>()\[\]\"'`\\]+@[^@\s<>()\[\]\"'`\\]+\.[a-zæøå]{2,}(\?[^\s<>\"'`\\]*)?$", re.I)
_TELEFON = re.compile(r"^tel:\+?[0-9][0-9 .\-]{1,20}$")
_SIDEMAAL = re.compile(r"^[\w.-]+$")
"""A link target with no scheme: a page of the catalogue, named by an entry's id or number."""


class _Fang(Treeprocessor):
    """Keeps the finished element tree (runs last, after inline patterns and attr_list)."""

    def run(self, root: etree.Element) -> None:
        self.md.tekstpolitik_rod = root


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=UDVIDELSER)
    md.treeprocessors.register(_Fang(md), "tekstpolitik", 0)
    return md


_MD: markdown.Markdown | None = None


def _parse(tekst: str) -> tuple[etree.Element, list[str]]:
    """The element tree Python-Markdown makes of `tekst`, and the raw HTML it set aside."""
    rod, stash, _ = _parse_med_definitioner(tekst)
    return rod, stash


def _parse_med_definitioner(tekst: str) -> tuple[etree.Element, list[str], list[Problem]]:
    """`_parse`, and the page-wide definitions the text makes (link references, abbreviations)."""
    global _MD
    if _MD is None:
        _MD = _markdown()
    _MD.reset()
    _MD.convert(tekst)
    forkortelser = getattr(_MD.parser.blockprocessors["abbr"], "abbrs", {})
    return (
        _MD.tekstpolitik_rod,
        [str(h) for h in _MD.htmlStash.rawHtmlBlocks],
        _definitioner(_MD.references, forkortelser),
    )


def _definitioner(referencer: dict, forkortelser: dict) -> list[Problem]:
    # A page is rendered as one Markdown document, so a definition in one field would act on every
    # field of the page — a "[hjælp]" in a title would become a link to the definition's address, a
    # "*[Borgere]: …" would put its tooltip on every "Borgere". A field's text cannot be resolved on
    # its own there, so definitions are refused, whether or not this field uses them.
    ud = [
        fejl(
            f"en linkdefinition ('[{navn}]: …') er ikke tilladt",
            "den gælder for hele siden, også andre felter; skriv linket direkte i teksten: [tekst](https://…)",
        )
        for navn in referencer
    ]
    ud += [
        fejl(
            f"en forkortelse ('*[{navn}]: …') er ikke tilladt",
            "den sætter en forklaring på ordet overalt på siden; skriv forklaringen ud i teksten",
        )
        for navn in forkortelser
    ]
    return ud


# Plain text, the policy's commonest case, needs no parse: without these characters inline Markdown,
# HTML, entities and attribute lists cannot occur, and without a line that begins with a block marker
# (or is indented) every block is a paragraph. A test compares this with the full parse on the real
# data and on texts written to fool it. Parsing each of the catalogue's ~900 texts was most of `check`.
_INLINE_TEGN = re.compile(r"[*_\[\]<>&`\\{}|]")
_BLOK_START = re.compile(r"^(?:[ \t]|[#>+\-=?!*_~`|:]|\d+[.)])", re.M)


def uden_markup(tekst: str, titel: bool = False) -> bool:
    """True if `tekst` is certainly plain paragraphs for Python-Markdown (so the policy has nothing to find)."""
    if _INLINE_TEGN.search(tekst) or "\r" in tekst:
        return False
    return titel or not _BLOK_START.search(tekst)


def _kort(tekst: str, n: int = 60) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _raa_html(stash: list[str]) -> Iterator[Problem]:
    for h in stash:
        if _HTML_TEGNKODE.match(h.strip()):
            yield fejl(f"HTML-tegnkoden '{h.strip()}' er ikke tilladt", "skriv tegnet selv (fx & i stedet for &amp;)")
        else:
            yield fejl(
                f"HTML er ikke tilladt i data: '{_kort(h)}'",
                "skriv teksten uden < >; brug Markdown: **fed**, *kursiv*, punkter med '- ', [tekst](https://…)",
            )


def _klammer(tekst: str) -> tuple[list[Problem], bool]:
    ud = [
        fejl(
            f"attributlister er ikke tilladt: '{_kort(k.tekst)}'",
            "fjern {: …}; tekst i data kan ikke sætte HTML-attributter (klasser, id'er, handlinger)",
        )
        for k in klammer(tekst)
        if k.art == "attributliste"
    ]
    return ud, bool(ud)


def _attributter(el: etree.Element, har_klammer: bool) -> Iterator[Problem]:
    tilladte = {"href", "title"} if el.tag == "a" else set()
    ekstra = sorted(set(el.attrib) - tilladte)
    if ekstra and not har_klammer:
        yield fejl(
            f"teksten giver HTML-attributter ({', '.join(ekstra)})",
            "fjern {…} efter teksten; tekst i data kan ikke sætte HTML-attributter",
        )


def link_maal_fejl(href: str, findes: Any = None) -> Problem | None:
    """Is `href` an allowed link target? `findes(maal)` says whether a catalogue page exists."""
    h = href.strip()
    if h.lower().startswith("https://"):
        return (
            None
            if https_url_i_orden(h)
            else fejl(
                f"linket '{_kort(h)}' er ikke en gyldig https-adresse",
                "skriv hele adressen uden mellemrum, anførselstegn og parenteser, fx https://www.kommune.dk/aeldre",
            )
        )
    if h.lower().startswith("mailto:"):
        return (
            None
            if _MAIL.match(h)
            else fejl(f"linket '{_kort(h)}' er ikke en gyldig e-mailadresse", "skriv fx mailto:visitation@kommune.dk")
        )
    if h.lower().startswith("tel:"):
        return (
            None
            if _TELEFON.match(h)
            else fejl(f"linket '{_kort(h)}' er ikke et gyldigt telefonnummer", "skriv fx tel:+4579946800")
        )
    if _SIDEMAAL.match(h) and ":" not in h:
        if findes is not None and not findes(h):
            return fejl(
                f"linket går til '{_kort(h)}', som ikke er et id eller nummer i kataloget",
                "skriv indsatsens id eller standardens nummer, som det står i data",
            )
        return None
    skema = urlsplit(h).scheme
    return fejl(
        f"linkmålet '{_kort(h)}' er ikke tilladt" + (f" ({skema}:)" if skema else ""),
        "et link skal gå til https://…, mailto:…, tel:… eller en side i kataloget, skrevet som "
        "indsatsens id eller standardens nummer, fx [standard 2](2)",
    )


def https_url_i_orden(url: str) -> bool:
    """A well-formed https address: scheme, a real host name, nothing that could end the link."""
    if not url.startswith("https://") or not _URL_TEGN.match(url):
        return False
    try:
        dele = urlsplit(url)
        port = dele.port
    except ValueError:
        return False
    vaert = dele.hostname or ""
    return (
        dele.scheme == "https"
        and bool(_VAERT.match(vaert))
        and dele.username is None
        and (port is None or 0 < port < 65536)
        and "(" not in url
        and ")" not in url
    )


def tjek_prosa(tekst: str, findes: Any = None) -> list[Problem]:
    """Violations of the policy for prose (paragraphs, emphasis, lists, allowed links)."""
    if uden_markup(tekst):
        return []
    ud, har_klammer = _klammer(tekst)
    rod, stash, definitioner = _parse_med_definitioner(tekst)
    ud += definitioner + list(_raa_html(stash))
    for el in rod.iter():
        if el is rod:
            continue
        if _OVERSKRIFT.match(el.tag):
            ud.append(
                fejl(
                    f"overskrift i teksten: '{_kort(''.join(el.itertext()))}'",
                    "en linje, der begynder med #, eller som er understreget med === eller ---, bliver "
                    "en overskrift på siden; skriv almindelig tekst (evt. **fed**)",
                )
            )
            continue
        if el.tag not in PROSA_ELEMENTER:
            navn, hint = _NAVNE.get(el.tag, (f"<{el.tag}>", "brug kun afsnit, *kursiv*, **fed**, punkter og links"))
            ud.append(fejl(f"{navn} er ikke tilladt i tekst", hint))
        ud += _attributter(el, har_klammer)
        if el.tag == "a":
            problem = link_maal_fejl(el.get("href", ""), findes)
            if problem:
                ud.append(problem)
    return list(dict.fromkeys(ud))


def tjek_titel(tekst: str) -> list[Problem]:
    """Violations of the policy for titles and names: plain text, one line."""
    ud, har_klammer = _klammer(tekst)
    if "\n" in tekst.strip() or "\r" in tekst:
        ud.append(
            fejl(
                "linjeskift i en titel eller et navn",
                "skriv titlen på én linje (brug ikke | eller > i YAML til titler)",
            )
        )
    if uden_markup(tekst, titel=True):
        return ud
    # Parsed after a word, as the title is used: inside a heading, a link or a table cell,
    # so "1. Praktisk hjælp" is a title, not a numbered list.
    rod, stash = _parse("A " + " ".join(tekst.split()))
    ud += _raa_html(stash)
    for el in rod.iter():
        if el is rod or el.tag == "p":
            continue
        navn, hint = _NAVNE.get(el.tag, (f"<{el.tag}>", "titler og navne er ren tekst"))
        ud.append(fejl(f"{navn} er ikke tilladt i en titel eller et navn", hint))
        ud += _attributter(el, har_klammer)
    for el in rod.iter("p"):
        ud += _attributter(el, har_klammer)
    return list(dict.fromkeys(ud))


def tjek_hjemmeside(url: str) -> list[Problem]:
    if https_url_i_orden(url):
        return []
    return [
        fejl(
            f"'{_kort(url)}' er ikke en gyldig https-adresse",
            "skriv kommunens adresse som https://www.kommune.dk, uden mellemrum, parenteser og Markdown",
        )
    ]


def felter(
    data: Any, sti: tuple = (), felt: str | None = None, under_overskrifter: bool = False
) -> Iterator[tuple[tuple, str, str]]:
    """(path, text, kind) for every text in a dumped entry; kind is "titel" or "prosa"."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in IKKE_TEKST:
                yield from felter(v, sti + (k,), k, under_overskrifter or k == "overskrifter")
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from felter(v, sti + (i,), felt, under_overskrifter)
    elif isinstance(data, str):
        titel = felt in TITEL_FELTER and (felt not in ("borgeren_kan_forvente", "kommunens_mål") or under_overskrifter)
        yield sti, data, "titel" if titel else "prosa"
