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
    "1.5": 1.5, "1.": 1.0, ".5": 0.5, "1e3": 1000.0,
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


@pytest.mark.parametrize("tekst,besked", [
    ("a: 1\nv: .nan\n", "værdien er uendelig eller ikke et tal"),
    ("a: 1\nv: -.inf\n", "værdien er uendelig eller ikke et tal"),
    ("a: 1\nv: 1e400\n", "værdien er uendelig eller ikke et tal"),
    ("a: 1\nv: 1000000000000000\n", "tallet er for stort"),
    ("a: 1\nv: -0x" + "f" * 5000 + "\n", "tallet er for stort"),
    ("a: 1\nv: " + "9" * 5000 + "\n", "tallet er for stort"),   # past Python's 4,300 digits
    ("a: 1\nv: [0o" + "7" * 100 + "]\n", "tallet er for stort"),
    ('a: 1\nv: "OK\\e[2J"\n', "tegnet U+001B er et usynligt styretegn"),
    ('a: 1\nv: "\\x85 \\x9b"\n', "tegnet U+0085 er et usynligt styretegn"),
    ('a: 1\nv: "\\ud800"\n', "tegnet U+D800 er et usynligt styretegn"),
    ('a: 1\nv: "\\r"\n', "tegnet U+000D er et usynligt styretegn"),
    ('a: 1\n"v\\a": 1\n', "tegnet U+0007 er et usynligt styretegn"),
])
def test_numbers_and_control_characters_are_bounded_at_their_line_by_both_readers(tmp_path, tekst, besked):
    """What YAML refuses typed raw it refuses as an escape too; a number is bounded before it is used."""
    sti = _skriv(tmp_path, tekst)
    hurtig, reference = laes_yaml(sti, "fil.yaml"), _ruamel(sti)
    for fil in (hurtig, reference):
        assert [(p.linje, besked in p.besked) for p in fil.problemer] == [(2, True)], fil.problemer
    assert "\x1b" not in str(hurtig.problemer[0]) and "\ud800" not in str(hurtig.problemer[0])


def test_a_data_file_must_be_a_regular_file_inside_the_catalogue(tmp_path):
    import os

    mappe = tmp_path / "data"
    mappe.mkdir()
    (mappe / "ok.yaml").write_text("a: 1\n", encoding="utf-8")
    os.mkfifo(mappe / "fifo.yaml")  # nobody writes: reading it would wait forever
    (mappe / "nul.yaml").symlink_to("/dev/zero")  # never ends: reading it whole exhausts memory
    (mappe / "ring.yaml").symlink_to(mappe / "ring.yaml")
    (mappe / "ude.yaml").symlink_to(tmp_path / "ude.yaml")
    (tmp_path / "ude.yaml").write_text("a: 1\n", encoding="utf-8")
    (mappe / "inde.yaml").symlink_to(mappe / "ok.yaml")
    (mappe / "mappe.yaml").mkdir()
    forventet = {
        "fifo.yaml": "FIFO",
        "nul.yaml": "uden for katalogets mappe",
        "ring.yaml": "peger i ring",
        "ude.yaml": "uden for katalogets mappe",
        "mappe.yaml": "stien er en mappe",
        "findes.yaml": "filen findes ikke",
    }
    for navn, besked in forventet.items():
        fundne = laes_yaml(mappe / navn, navn, mappe).problemer
        assert len(fundne) == 1 and besked in fundne[0].besked, (navn, fundne)
    assert laes_yaml(mappe / "inde.yaml", "inde.yaml", mappe).data == {"a": 1}  # a link within is fine
    stor = mappe / "stor.yaml"
    stor.write_bytes(b"#" * (yamlfil.MAKS_BYTES + 1))
    assert "MB" in laes_yaml(stor, "stor.yaml", mappe).problemer[0].besked


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
