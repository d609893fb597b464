"""The measured query list (tests/soegninger.yaml): three groups, each query with the page(s) that answer it.

Shared by tests/site/test_browser.py and benchmarks/soegning.py. A page is written as an
intervention id ("K.2.1"), a standard ("standard 2"), "generel" or a path in content/; it is
resolved to the page's path through generator/site/urls.py, so a renamed page fails loudly.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.data.katalog import Katalog

# One resolver of a page name, one reading of `side` and one place in the results for both query lists.
from .spoergsmaalssaet import plads, sider, urler

SOEGNINGER = Path(__file__).resolve().parent / "soegninger.yaml"
GRUPPER = {"ord": "Enkelte ord", "fraser": "Fraser", "spørgsmål": "Hele spørgsmål"}


@dataclass(frozen=True)
class Soegning:
    gruppe: str
    q: str
    sider: tuple[str, ...]   # content/ paths; the first is the one named first in the list

    def urler(self) -> tuple[str, ...]:
        return urler(self.sider)


def soegninger(katalog: Katalog) -> list[Soegning]:
    data = YAML(typ="safe").load(SOEGNINGER.read_text(encoding="utf-8"))
    assert list(data) == list(GRUPPER), f"grupperne skal være {list(GRUPPER)}, ikke {list(data)}"
    ud = []
    for gruppe, liste in data.items():
        for s in liste:
            ud.append(Soegning(gruppe, str(s["q"]), sider(s, katalog)))
    return ud


@dataclass
class Maaling:
    soegning: Soegning
    top: list[str]          # URL paths of the first results (up to 5)

    @property
    def plads(self) -> int | None:
        return plads(self.top, self.soegning.urler())


def opsummer(maalinger: list[Maaling]) -> dict[str, dict[str, int]]:
    """Per group (and "i alt"): queries, top 1, top 5, empty results."""
    ud: dict[str, dict[str, int]] = {}
    for navn in list(GRUPPER) + ["i alt"]:
        m = [x for x in maalinger if navn == "i alt" or x.soegning.gruppe == navn]
        ud[navn] = {"antal": len(m), "top1": sum(x.plads == 1 for x in m),
                    "top5": sum(x.plads is not None for x in m), "tomme": sum(not x.top for x in m)}
    return ud


def tabel(opsummering: dict[str, dict[str, int]]) -> list[str]:
    """The summary as a Markdown table (README, report, test output)."""
    linjer = ["| Gruppe | Søgninger | Top 1 | Top 5 | Tomme svar |", "|---|---|---|---|---|"]
    for navn, t in opsummering.items():
        titel = GRUPPER.get(navn, "I alt")
        n = t["antal"] or 1
        linjer.append(f"| {titel} | {t['antal']} | {t['top1']} ({100 * t['top1'] / n:.0f} %) | "
                      f"{t['top5']} ({100 * t['top5'] / n:.0f} %) | {t['tomme']} |")
    return linjer
