"""Script payloads from issue 11, as an attacker or a clumsy editor would type them into the YAML.

Each payload carries its own number in `alert(N)`, so a test can say which one got through.
`check` must refuse every one with a located error (tests/tjek/test_tekstpolitik.py); the
rendered site and PDF must hold none of them even when check is bypassed (tests/site/test_rens.py,
tests/site/test_csp.py).
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .support import erstat

VISITATION_1 = ("      Alle kan henvende sig direkte til Social og Handicap, Team Visitation, "
                "der har bevillingskompetencen.\n")


@dataclass(frozen=True)
class Angreb:
    navn: str
    fil: str
    gammel: str
    ny: str
    fejl: str
    """Regex a located error from check matches: file:line: entry: field: message."""


ANGREB = [
    Angreb("javascript-link", "indsatser.yaml",
           "      Hjælp til rengøring af dit hjem, når du og din husstand ikke selv kan klare det.",
           "      Hjælp til rengøring. [klik](javascript:alert(1))",
           r"indsatser\.yaml:\d+: K\.2\.1: kort_fortalt: linkmålet 'javascript:alert\(1\)' er ikke tilladt"),
    Angreb("reference-link", "standards.yaml", VISITATION_1,
           VISITATION_1 + "\n      Læs [mere][a].\n\n      [a]: javascript:alert(2)\n",
           r"standards\.yaml:\d+: kvalitetsstandard 1: visitation: linkmålet 'javascript:alert\(2\)'"),
    Angreb("billede-med-onerror", "standards.yaml", VISITATION_1,
           VISITATION_1 + '\n      Et billede: ![x](https://x/x.png){: onerror="alert(3)" }\n',
           r"standards\.yaml:\d+: kvalitetsstandard 1: visitation: (et billede|attributlister)"),
    Angreb("onclick-under-afsnit", "standards.yaml", VISITATION_1,
           VISITATION_1 + '\n      Klik her.\n      {: onclick="alert(4)" }\n',
           r"standards\.yaml:\d+: kvalitetsstandard 1: visitation: attributlister er ikke tilladt"),
    Angreb("titel-med-onmouseover", "indsatser.yaml", "titel: Tøjvask",
           'titel: "Tøjvask {: onmouseover=\\"alert(5)\\" }"',
           r"indsatser\.yaml:\d+: K\.2\.2: titel: attributlister er ikke tilladt"),
    Angreb("titel-med-linjeskift-og-link", "indsatser.yaml", "titel: Rengøring",
           'titel: "Rengøring\\n[klik](javascript:alert(6))"',
           r"indsatser\.yaml:\d+: K\.2\.1: titel: linjeskift i en titel"),
    Angreb("hjemmeside", "katalog.yaml", 'hjemmeside: "https://www.vardekommune.dk"',
           'hjemmeside: "https://x.dk) [klik](javascript:alert(7))"',
           r"katalog\.yaml:\d+: kommune: hjemmeside: .* er ikke en gyldig https-adresse"),
    Angreb("link-i-kommunens-navn", "katalog.yaml", "navn: Varde Kommune",
           'navn: "Varde [Kommune](javascript:alert(8))"',
           r"katalog\.yaml:\d+: kommune: navn: et link er ikke tilladt i en titel eller et navn"),
]


def indfoer(data_dir: Path, angreb: list[Angreb] = ANGREB) -> None:
    """Put the payloads into a copy of the data (several may go into the same field)."""
    for a in angreb:
        # Payloads after the same paragraph stack up, each a paragraph of its own.
        erstat(data_dir / a.fil, a.gammel, a.ny)


@contextlib.contextmanager
def uden_tekstpolitik() -> Iterator[None]:
    """A context in which check runs without its text-policy rule (to test the layers behind it)."""
    from generator.tjek import krydstjek

    regler = krydstjek.REGLER
    krydstjek.REGLER = tuple(r for r in regler if r is not krydstjek._tekstpolitik)
    try:
        yield
    finally:
        krydstjek.REGLER = regler


def byg_uden_tekstpolitik(projekt: Path, ud: Path) -> None:
    """`mkdocs build` in this process, past a check without its text policy (the hook imports the
    same generator modules, so the rule is off for it too)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with uden_tekstpolitik():
        build(load_config(str(projekt / "mkdocs.yml"), site_dir=str(ud), strict=False))
