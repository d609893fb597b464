"""The fast YAML reader (libyaml) gives what ruamel.yaml's round-trip loader gave: same values, same lines.

ruamel.yaml's reading is the reference (it is what the data was written against, YAML 1.2):
every data file in the repository and a list of scalars whose meaning differs between YAML
1.1 and 1.2 are read both ways and compared, and so is the line of every key and item.
"""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from generator.data import yamlfil
from generator.data.yamlfil import YamlFil, laes_yaml

from ..support import ROD

DATAFILER = sorted(p for p in [*ROD.glob("data/**/*.yaml"), *ROD.glob("examples/*/data/**/*.yaml")])


def _ruamel(sti: Path) -> YamlFil:
    return yamlfil._med_ruamel(YamlFil(sti, sti.name), sti.read_text(encoding="utf-8"))


def _stier(node, sti=()):
    yield sti
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _stier(v, sti + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _stier(v, sti + (i,))


def _skriv(tmp_path: Path, tekst: str) -> Path:
    sti = tmp_path / "fil.yaml"
    sti.write_text(tekst, encoding="utf-8")
    return sti


@pytest.mark.parametrize("sti", DATAFILER, ids=lambda p: str(p.relative_to(ROD)))
def test_every_data_file_reads_the_same_with_the_same_lines(sti):
    hurtig, reference = laes_yaml(sti), _ruamel(sti)
    assert not hurtig.problemer and not reference.problemer
    assert hurtig.data == reference.data
    stier = list(_stier(reference.rod))
    forskellige = [s for s in stier if hurtig.linje(s) != reference.linje(s)]
    assert not forskellige, forskellige[:5]
    assert hurtig.linje(("findes", "ikke")) == reference.linje(("findes", "ikke")) == 1


SKALARER = {
    # YAML 1.2, as the data's authors meant it: words stay words, clock times stay text
    "yes": "yes", "no": "no", "on": "on", "off": "off", "y": "y", "8:00": "8:00",
    "012": 12, "0o12": 10, "0x1F": 31, "0b101": 5, "1_000": 1000, "-3": -3, "+12": 12, "0": 0,
    "1.5": 1.5, "1.": 1.0, ".5": 0.5, "1e3": 1000.0, "-.inf": -math.inf,
    "true": True, "False": False, "TRUE": True, "~": None, "null": None, "NULL": None, "": None,
    "2014-05-01": dt.date(2014, 5, 1), "2014-5-1": "2014-5-1", "2014-05-01 10:00": "2014-05-01 10:00",
    "K.2.1": "K.2.1", "§ 83, stk. 2": "§ 83, stk. 2", "'012'": "012", '"yes"': "yes",
    "1.2.3": "1.2.3", "14 dage": "14 dage", ".": ".", "0.5 time": "0.5 time", "|\n  tekst": "tekst\n",
}


@pytest.mark.parametrize("kilde,forventet", list(SKALARER.items()), ids=list(SKALARER))
def test_scalars_mean_what_ruamel_yaml_made_of_them(tmp_path, kilde, forventet):
    sti = _skriv(tmp_path, f"v: {kilde}\n")
    hurtig, reference = laes_yaml(sti).data["v"], _ruamel(sti).data["v"]
    assert hurtig == forventet and type(hurtig) is type(forventet) or hurtig is forventet
    assert reference == forventet and isinstance(reference, type(forventet))


def test_nan_is_nan(tmp_path):
    assert math.isnan(laes_yaml(_skriv(tmp_path, "v: .nan\n")).data["v"])


@pytest.mark.parametrize("tekst", [
    "a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n",           # merge key
    "a: !!int '3'\n",                                   # explicit tags
    "a: !!str 012\nb: !!str 'x'\n",
    "a: 2014-05-01T10:00:00\n",                         # time stamp
    "a: 2014-02-30\n",                                  # no such date: the text, for the schema to refuse
    "? [a, b]\n: c\n",                                  # complex key
    "a: &x [1, 2]\nb: *x\n",                            # alias
    "",                                                 # empty file
    "# only a comment\n",
    "- 1\n- x\n",                                       # a list at the top
])
def test_unusual_yaml_reads_as_ruamel_yaml_reads_it(tmp_path, tekst):
    sti = _skriv(tmp_path, tekst)
    reference, hurtig = _ruamel(sti), laes_yaml(sti)
    assert repr(hurtig.data) == repr(reference.data)  # (ruamel.yaml's tagged scalars have no ==)
    assert [(p.besked, p.linje) for p in hurtig.problemer] == [(p.besked, p.linje) for p in reference.problemer]


@pytest.mark.parametrize("tekst,besked", [
    ("a: 1\nb: 2\na: 3\n", "feltet 'a' står to gange i samme blok"),
    ("a:\n  - b\n c: [d\n", "YAML-syntaksfejl"),
    ("a: [1, 2\nb: 3\n", "YAML-syntaksfejl"),
    ("a: b: c\n", "YAML-syntaksfejl"),
    ("a: 1\n---\nb: 2\n", "YAML-syntaksfejl"),
])
def test_broken_yaml_gets_ruamel_yamls_located_message(tmp_path, tekst, besked):
    sti = _skriv(tmp_path, tekst)
    hurtig, reference = laes_yaml(sti, "fil.yaml"), _ruamel(sti)
    assert hurtig.data is None and len(hurtig.problemer) == 1
    assert besked in hurtig.problemer[0].besked and hurtig.problemer[0].linje
    assert [(p.besked, p.linje) for p in hurtig.problemer] == [(p.besked, p.linje) for p in reference.problemer]


def test_not_utf8_and_missing_file(tmp_path):
    sti = tmp_path / "latin1.yaml"
    sti.write_bytes("titel: Tøjvask\n".encode("latin-1"))
    assert [(p.besked, p.linje) for p in laes_yaml(sti).problemer] == [
        ("linjen er ikke gemt som UTF-8 (byte 0xf8 kan ikke læses)", 1)]
    assert [p.besked for p in laes_yaml(tmp_path / "mangler.yaml").problemer] == ["filen findes ikke"]
