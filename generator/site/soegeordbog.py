"""The search's dictionary: the words of the indexed pages and the Danish stop words, as one JSON file.

Written after every build next to Pagefind's index (``<site>/soegning/ordbog.json``) and read by
the search box (overrides/assets/javascripts/soegeforstaaelse.js), which uses it to drop stop
words, correct one typo, and split compounds into words the catalogue uses. Only the text Pagefind
indexes counts (``data-pagefind-body`` without ``data-pagefind-ignore`` and the permalinks, plus
text captured as metadata such as the keyword line), so the dictionary never suggests a word the
search cannot find. A page's words depend on its HTML alone: the hook keeps them by the page's
hash between builds (mellemlager.sidernes_ord), so only changed pages are parsed.

``raekker``: per page (its URL from the site's root) the table rows with an anchor, so a search hit
in a row opens at that row (overrides/assets/javascripts/soegning.js).
``dansk``: the right Danish words (hunspell da_DK) one typo from a catalogue word, which the search
must never "correct" (generator/site/dansk_ordbog.py); null when built without the dictionary.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from stop_words import get_stop_words

from generator.site import dansk_ordbog

STI = "soegning/ordbog.json"
ORD = re.compile(r"[a-zæøåéüöä]{2,}")


class _Tekst(HTMLParser):
    """The text inside the element marked data-pagefind-body, as Pagefind sees it."""

    UDELADT = {"script", "style", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dele: list[str] = []
        self._stak: list[tuple[str, bool, bool, bool]] = []  # (tag, opens the body, ignored, metadata)
        self._krop = 0
        self._ignoreret = 0
        self._meta = 0
        self.fundet = False

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            return
        a = dict(attrs)
        krop = "data-pagefind-body" in a
        ignoreret = "data-pagefind-ignore" in a or tag in self.UDELADT or "headerlink" in (a.get("class") or "").split()
        # An element's text captured as searchable metadata (data-pagefind-meta="soegeord"),
        # searched even where the text itself is not indexed.
        meta = bool(a.get("data-pagefind-meta")) and not re.search(r"[\[:]", a["data-pagefind-meta"])
        # Metadata given in the attribute itself (data-pagefind-meta="soegeord:bad, brusebad"): the
        # search keywords, on no reader's screen, are searched all the same.
        if (m := re.fullmatch(r"([\w-]+):(.*)", a.get("data-pagefind-meta") or "", re.S)) and "[" not in m.group(1):
            self.dele.append(" " + m.group(2) + " ")
        self._stak.append((tag, krop, ignoreret, meta))
        self._krop += krop
        self._ignoreret += ignoreret
        self._meta += meta
        self.fundet |= krop

    def handle_endtag(self, tag):
        while self._stak:
            t, krop, ignoreret, meta = self._stak.pop()
            self._krop -= krop
            self._ignoreret -= ignoreret
            self._meta -= meta
            if t == tag:
                break

    def handle_data(self, data):
        if self._meta or (self._krop and not self._ignoreret):
            self.dele.append(data)


class _Raekker(HTMLParser):
    """The table rows with an anchor (``<span class="raekke" id=…>`` in a cell, the Serviceniveau
    template): per row its id, its text and the id of the heading above it (its section)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.raekker: list[list[str]] = []
        self._afsnit = ""
        self._raekke: list[str] | None = None
        self._id = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag) and a.get("id"):
            self._afsnit = a["id"] or ""
        elif tag == "tr":
            self._raekke, self._id = [], ""
        elif tag == "span" and "raekke" in (a.get("class") or "").split() and self._raekke is not None:
            self._id = a.get("id") or ""

    def handle_endtag(self, tag):
        if tag == "tr" and self._raekke is not None:
            if self._id:
                self.raekker.append([self._id, re.sub(r"\s+", " ", " ".join(self._raekke)).strip(), self._afsnit])
            self._raekke = None

    def handle_data(self, data):
        if self._raekke is not None:
            self._raekke.append(data)


def raekker(html: str) -> list[list[str]]:
    """[row id, row text, section id] of the anchored table rows of a built page."""
    if 'class="raekke"' not in html:
        return []
    p = _Raekker()
    p.feed(html)
    return p.raekker


def sidens_ord(html: str) -> list[str] | None:
    """The indexed words of one built page (lower case); None if the page is not indexed."""
    p = _Tekst()
    p.feed(html)
    if not p.fundet:
        return None
    return ORD.findall(" ".join(p.dele).lower())


def ordbog(
    site_dir: Path,
    gemte: dict[str, dict[str, int] | None] | None = None,
    sete: dict[str, dict[str, int] | None] | None = None,
    dansk: bool = True,
) -> dict:
    """The dictionary of the site's pages. `gemte`: page hash → its word counts (None: not indexed)
    from an earlier build; a page found there is not parsed again. `sete` receives this build's.
    `dansk=False`: without the Danish dictionary (it is missing: dansk_ordbog.Mangler)."""
    gemte = gemte or {}
    sete = {} if sete is None else sete
    ord_: Counter[str] = Counter()
    sider = 0
    raekkerne: dict[str, list[list[str]]] = {}
    for fil in sorted(site_dir.rglob("*.html")):
        html = fil.read_text(encoding="utf-8")
        if r := raekker(html):
            # The page's URL from the site's root, as Pagefind gives it (without the prefix).
            raekkerne[fil.relative_to(site_dir).as_posix().removesuffix("index.html")] = r
        aftryk = hashlib.sha256(html.encode("utf-8")).hexdigest()
        if aftryk not in sete:
            if aftryk in gemte:
                sete[aftryk] = gemte[aftryk]
            else:
                fundne = sidens_ord(html)
                sete[aftryk] = None if fundne is None else dict(Counter(fundne))
        if sete[aftryk] is None:
            continue
        sider += 1
        ord_.update(sete[aftryk])
    return {
        "sider": sider,
        "ord": dict(sorted(ord_.items())),
        "stopord": sorted(get_stop_words("danish")),
        "dansk": dansk_ordbog.beskyttede(ord_) if dansk else None,
        "raekker": raekkerne,
    }


def skriv(
    site_dir: Path, gemte: dict[str, dict[str, int] | None] | None = None, dansk: bool = True
) -> dict[str, dict[str, int] | None]:
    """Write the dictionary into the site; returns this build's words per page (to keep for the next).
    Raises dansk_ordbog.Mangler when the Danish dictionary is missing (the caller says so and may
    write it again with `dansk=False`)."""
    ud = site_dir / STI
    ud.parent.mkdir(parents=True, exist_ok=True)
    sete: dict[str, dict[str, int] | None] = {}
    ud.write_text(
        json.dumps(ordbog(site_dir, gemte, sete, dansk), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return sete
