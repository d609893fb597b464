"""The readers' question sets beside each catalogue's tests (``<catalogue>/tests/spoergsmaal.yaml``).

Issue 20: questions written from the reader's side before the search was tuned, each with the
page(s) that answer it. A page is an entry's id (``K.2.1``, or the slug of a catalogue without
ids), ``standard N``, ``generel`` or a path in content/; it is resolved through
generator/site/urls.py, so a renamed page fails loudly. Shared by tests/site/test_spoergsmaal.py
and ``python -m tests.spoergsmaalssaet`` (the measurement by hand).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.data.katalog import Katalog
from generator.site import urls

from .support import ROD

# catalogue name → its folder (the one holding data/ and tests/)
KATALOGER = {"varde": ROD, "nyborg": ROD / "examples" / "nyborg-2019", "koege": ROD / "examples" / "koege-2023-2024"}


@dataclass(frozen=True)
class Spoergsmaal:
    q: str
    sider: tuple[str, ...]   # content/ paths

    def urler(self) -> tuple[str, ...]:
        return urler(self.sider)


def urler(sider: tuple[str, ...]) -> tuple[str, ...]:
    """content/ paths → the URL paths the search gives for them."""
    return tuple("/" + urls.url_i_site(s) for s in sider)


def sider(post: dict, katalog: Katalog) -> tuple[str, ...]:
    """A list entry's `side` (one page name or a list of them) as content/ paths."""
    navne = post["side"] if isinstance(post["side"], list) else [post["side"]]
    return tuple(side_sti(n, katalog) for n in navne)


def plads(top: list[str], rigtige: tuple[str, ...]) -> int | None:
    """Where the first right page stands in the results `top` (1-based); None if not there."""
    return next((i + 1 for i, u in enumerate(top) if u in rigtige), None)


def side_sti(navn: str, katalog: Katalog) -> str:
    if m := re.fullmatch(r"standard (\d+)", navn):
        s = katalog.standard(int(m.group(1)))
        assert s, f"{navn}: ingen sådan standard"
        return urls.standard(s.nr, s.titel)
    if navn == "generel":
        return urls.GENEREL
    if navn.endswith(".md"):
        return navn
    i = katalog.indsats(navn)
    assert i, f"{navn}: ingen sådan indsats (skriv et id, 'standard N', 'generel' eller en sti i content/)"
    return urls.indsats(i.id, i.titel)


def fil(mappe: Path, kontrol: bool = False) -> Path:
    """The catalogue's question set; `kontrol`: the held-out set, written by someone who had seen
    neither the search's code nor the other lists, and never tuned on (spoergsmaal_kontrol.yaml)."""
    navn = "spoergsmaal_kontrol.yaml" if kontrol else "spoergsmaal.yaml"
    return mappe / ("data/tests" if mappe == ROD else "tests") / navn


def spoergsmaal(mappe: Path, katalog: Katalog, kontrol: bool = False) -> list[Spoergsmaal]:
    data = YAML(typ="safe").load(fil(mappe, kontrol).read_text(encoding="utf-8"))
    return [Spoergsmaal(str(s["q"]), sider(s, katalog)) for s in data["spørgsmål"]]


@dataclass
class Svar:
    spoergsmaal: Spoergsmaal
    top: list[str]        # URL paths of the first results

    @property
    def plads(self) -> int | None:
        return plads(self.top, self.spoergsmaal.urler())


def score(svar: list[Svar]) -> tuple[float, float]:
    """(first, top 3) as fractions."""
    n = len(svar) or 1
    return sum(s.plads == 1 for s in svar) / n, sum(s.plads is not None and s.plads <= 3 for s in svar) / n


def main() -> None:  # python -m tests.spoergsmaalssaet SITE-varde SITE-nyborg SITE-koege
    import sys

    from generator.tjek.indlaes import indlaes_katalog
    from scripts.sitebrowser import chromium, server, soeg

    sites = dict(zip(KATALOGER, sys.argv[1:]))
    with chromium() as browser:
        for navn, site in sites.items():
            mappe = KATALOGER[navn]
            katalog = indlaes_katalog(mappe / "data")
            for kontrol in (False, True):
                liste = spoergsmaal(mappe, katalog, kontrol)
                with server(Path(site)) as base:
                    page = browser.new_page(viewport={"width": 390, "height": 844})
                    page.goto(base)
                    svar = [Svar(s, soeg(page, s.q, 3)) for s in liste]
                    page.close()
                f, t = score(svar)
                print(f"{navn}{' (kontrol)' if kontrol else ''}: {len(svar)} spørgsmål, først {100 * f:.0f} %, top 3 {100 * t:.0f} %")
                for s in svar:
                    if s.plads != 1:
                        print(f"   {s.plads or '-'}  {s.spoergsmaal.q!r} → {[x.removeprefix('/katalog/') for x in s.top]}")


if __name__ == "__main__":
    main()
