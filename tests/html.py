"""Small HTML reading helpers for the tests (stdlib only)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


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
