"""Nothing in generator/ or its templates knows one catalogue: no id scheme, no intervention type,
no municipality, no catalogue year (issue: any municipality's catalogue, in its own shape).

Comments and docstrings may name an example; code and template text may not. A catalogue's shape
is its profile's (profiler/), its words its data's."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from .support import ROD

GENERATOR = ROD / "generator"

FORBUDT = {
    "et id-mønster": re.compile(r"\[KU\]|\bK\.\d|\bU\.\d|\bK\.n\.n|\bK\.x\.x"),
    "en indsatstype": re.compile(r"(?i)\bkompenserende\b|\budviklende\b"),
    "en kommune": re.compile(r"(?i)varde|aarhus|nyborg|køge|koege"),
    "et katalogår": re.compile(r"(?<![\w.-])(?:19[89]\d|20[0-4]\d)(?![\w.-])"),
    "en lov": re.compile(r"(?i)\bserviceloven?s?\b|\bældreloven?s?\b"),
}


def _kode_uden_kommentarer(sti: Path) -> str:
    """A Python file's code and string literals, without comments and docstrings. A year inside a
    string is a format example ("2014-05"), not logic keyed on a year: years are looked for in the
    code's numbers and names only."""
    dele: list[str] = []
    forrige = tokenize.INDENT
    for tok in tokenize.generate_tokens(io.StringIO(sti.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.COMMENT:
            continue
        if tok.type == tokenize.STRING and forrige in (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL, tokenize.DEDENT):
            forrige = tok.type  # a docstring (a string standing alone as a statement)
            continue
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            forrige = tok.type
        dele.append(re.sub(r"\d{4}", "ÅÅÅÅ", tok.string) if tok.type == tokenize.STRING else tok.string)
    return " ".join(dele)


def _skabelon_uden_kommentarer(sti: Path) -> str:
    return re.sub(r"\{#.*?#\}", "", sti.read_text(encoding="utf-8"), flags=re.S)


FILER = sorted([*GENERATOR.rglob("*.py"), *GENERATOR.rglob("*.j2")])


@pytest.mark.parametrize("sti", FILER, ids=lambda p: str(p.relative_to(ROD)))
def test_generator_names_no_catalogue(sti):
    tekst = _kode_uden_kommentarer(sti) if sti.suffix == ".py" else _skabelon_uden_kommentarer(sti)
    fund = [f"{hvad}: {m.group(0)!r}" for hvad, r in FORBUDT.items() for m in r.finditer(tekst)]
    assert not fund, f"{sti.relative_to(ROD)} nævner {fund[:5]}"


def test_the_check_can_fail():
    """The scan itself finds what it looks for (a test that cannot fail is a defect)."""
    for eksempel in ('id = re.compile(r"[KU]\\.\\d+")', 'type == "kompenserende"', '"Varde Kommune"', "år = 2014",
                     '"servicelovens § 83"'):
        assert any(r.search(eksempel) for r in FORBUDT.values()), eksempel
