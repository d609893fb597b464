"""The second layer of the text policy: rendered HTML is cleaned and verified, not trusted.

generator/tjek/tekstpolitik.py refuses text that would become markup the policy does not
allow. This module holds even if that first layer has a gap:

- `rens` runs the HTML of a page built from data (and of the PDF) through an allowlist
  sanitizer (nh3, i.e. the Rust library ammonia): only the elements and attributes the
  templates produce survive, and a link or source is kept only if it is relative or
  https:/mailto:/tel:. No event handler, no javascript:/data:/vbscript: URL, no <script>.
- `farlige_steder` verifies a whole page, theme included: it lists every on* attribute,
  every javascript:/data:/vbscript: URL and every inline script. The MkDocs hook fails the
  build on any, so the site can run under its Content-Security-Policy (overrides/main.html).
"""

from __future__ import annotations

import json
import re
import secrets
from html.parser import HTMLParser
from typing import Any

import nh3

ELEMENTER = {
    "a",
    "abbr",
    "article",
    "blockquote",
    "br",
    "caption",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
}
"""What Markdown and the page templates produce; no form, media, script, style or embedding element."""

ATTRIBUTTER = {
    "*": {
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "role",
        "aria-label",
        "aria-hidden",
        "aria-describedby",
        "aria-labelledby",
    },
    "a": {"href"},
    "abbr": {"title"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "time": {"datetime"},
}
ATTRIBUT_PRAEFIKSER = {"data-pagefind-"}
"""Pagefind's own markers (weights, filters) on the search keywords line."""

URL_SKEMAER = {"https", "mailto", "tel"}
"""Besides relative links within the site. Not http: the catalogue links only to https."""

# Python-Markdown writes a table column's alignment as style="text-align: …".
STIL_EGENSKABER = {"text-align"}


# The one script element a page built from data may carry: JSON-LD (schema.org), written exactly so
# by the templates. It is data, not script: browsers do not run it and the CSP does not apply.
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_i_html(data: Any) -> str:
    """JSON for a ``<script type="application/ld+json">`` element: no text in it can end the element
    (``</script>``) or open markup, because ``<``, ``>`` and ``&`` are written as JSON escapes."""
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def rens(html: str) -> str:
    """`html` with everything outside the allowlist removed (text is kept, escaped).

    A JSON-LD element is kept when its content is JSON, re-serialised by `json_i_html`; any other
    script, or one with other attributes or content that is not JSON, is removed like before.
    """
    blokke: dict[str, str] = {}
    noegle = secrets.token_hex(16)

    def gem(m: re.Match) -> str:
        try:
            data = json.loads(m.group(1))
        except ValueError:
            return ""
        token = f"jsonld{noegle}n{len(blokke)}"
        blokke[token] = '<script type="application/ld+json">' + json_i_html(data) + "</script>"
        return token

    ud = _rens(_JSONLD.sub(gem, html))
    for token, blok in blokke.items():
        i = ud.find(token)
        if i < 0:
            continue
        # Put back only where it stood between elements, never inside a tag (an attribute's value).
        i_tag = ud.rfind("<", 0, i) > ud.rfind(">", 0, i)
        ud = ud[:i] + ("" if i_tag else blok) + ud[i + len(token) :]
    return ud


def _rens(html: str) -> str:
    return nh3.clean(
        html,
        tags=ELEMENTER,
        attributes=ATTRIBUTTER,
        generic_attribute_prefixes=ATTRIBUT_PRAEFIKSER,
        url_schemes=URL_SKEMAER,
        link_rel=None,
        strip_comments=True,
        filter_style_properties=STIL_EGENSKABER,
        clean_content_tags={"script", "style"},
    )


# ------------------------------------------------------------------ verifying a whole page

_URL_ATTRIBUTTER = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "srcset",
    "background",
    "cite",
    "longdesc",
    "usemap",
    "manifest",
    "ping",
    "codebase",
    "archive",
    "lowsrc",
    "dynsrc",
}
_FARLIGT_SKEMA = re.compile(r"^(javascript|vbscript|data):", re.I)
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme ("java\tscript:").
_USYNLIGT = re.compile(r"[\x00-\x20\x7f]+")
_IKKE_SCRIPT_TYPER = {"application/json", "application/ld+json", "importmap"}


def _farlig_url(vaerdi: str) -> bool:
    return bool(_FARLIGT_SKEMA.match(_USYNLIGT.sub("", vaerdi)))


class _Verifikator(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fundne: list[str] = []
        self._i_script: dict | None = None
        self._script_tekst = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for navn, vaerdi in attrs:
            if navn.startswith("on"):
                self.fundne.append(f"<{tag} {navn}=…>: en hændelsesattribut ({navn})")
            elif vaerdi and navn in _URL_ATTRIBUTTER and _farlig_url(vaerdi):
                self.fundne.append(f'<{tag} {navn}="{vaerdi[:60]}">: en farlig URL')
            elif (
                vaerdi
                and tag == "meta"
                and navn == "content"
                and _FARLIGT_SKEMA.search(_USYNLIGT.sub("", vaerdi).split("url=", 1)[-1])
            ):
                self.fundne.append(f'<meta content="{vaerdi[:60]}">: en farlig URL')
        if tag == "script":
            self._i_script, self._script_tekst = dict(attrs), ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._i_script is not None:
            self._script_tekst += data

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._i_script is None:
            return
        a = self._i_script
        if "src" not in a and (a.get("type") or "").lower() not in _IKKE_SCRIPT_TYPER and self._script_tekst.strip():
            self.fundne.append(
                f"<script> med indhold ({self._script_tekst.strip()[:60]}…): et inline-script, "
                "som sidens Content-Security-Policy blokerer; læg det i en fil under overrides/assets/"
            )
        if "src" in a and _farlig_url(a["src"] or ""):
            self.fundne.append(f'<script src="{(a["src"] or "")[:60]}">: en farlig URL')
        self._i_script = None


def farlige_steder(html: str) -> list[str]:
    """Every event handler, dangerous URL and inline script in a whole HTML page."""
    v = _Verifikator()
    v.feed(html)
    v.close()
    return v.fundne
