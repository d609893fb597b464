"""`python -m generator check` on the real data and on deliberately broken copies of it.

Each broken copy changes one thing; the test asserts the message names the file,
the line or entry, the field, and what is wrong.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.tjek.indlaes import indlaes_katalog
from generator.problemer import DataFejl

from ..support import DATA, ROD, erstat

ALLE_IDS = [f"K.1.{n}" for n in range(1, 7)] + [f"K.2.{n}" for n in range(1, 5)] + \
    [f"K.4.{n}" for n in range(1, 4)] + [f"U.1.{n}" for n in range(1, 5)] + ["U.2.1"] + \
    [f"U.3.{n}" for n in range(1, 6)]


def problemer(data_dir: Path) -> list[str]:
    with pytest.raises(DataFejl) as e:
        indlaes_katalog(data_dir)
    return [str(p) for p in e.value.problemer]


def kør_check(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--data", str(data_dir), "check"],
                          capture_output=True, text=True, cwd=ROD, env={**os.environ, "PYTHONPATH": str(ROD)})


# ------------------------------------------------------------------ the real data

def test_real_data_passes_with_summary_and_completeness_report():
    r = kør_check(DATA)
    assert r.returncode == 0, r.stderr
    assert re.search(r"^OK: 7 kvalitetsstandarder, 23 indsatser, 15 introduktionsafsnit", r.stdout, re.M)
    assert "Fuldstændighed" in r.stdout
    # Standards 6 and 7 are beyond the transcript: the report must say they are missing.
    assert re.search(r"kvalitetsstandard 6 .* \d+/16 +mangler: lovgrundlag, visitation", r.stdout)
    assert re.search(r"kvalitetsstandard 1 .* 16/16\s*$", r.stdout, re.M)


def test_every_id_and_standard_exists_exactly_once(katalog):
    ids = [i.id for i in katalog.indsatser]
    assert sorted(ids) == sorted(ALLE_IDS)
    assert len(ids) == len(set(ids)) == 23
    assert [s.nr for s in katalog.standarder] == [1, 2, 3, 4, 5, 6, 7]
    assert [a.nr for a in katalog.introduktion.afsnit] == [f"1.{n}" for n in range(1, 16)]


# ------------------------------------------------------------------ broken copies

def test_yaml_syntax_error_names_file_and_line(data_kopi):
    fil = data_kopi / "indsatser.yaml"
    linjer = fil.read_text(encoding="utf-8").splitlines()
    nr = next(i for i, l in enumerate(linjer) if l.strip() == "titel: Rengøring")
    linjer[nr] = linjer[nr].replace("titel: Rengøring", "titel: [Rengøring")
    fil.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    fundne = problemer(data_kopi)
    assert any(re.match(r".*indsatser\.yaml:\d+: .*YAML-syntaksfejl", p) for p in fundne), fundne
    linje = int(re.search(r"indsatser\.yaml:(\d+)", fundne[0]).group(1))
    assert abs(linje - (nr + 1)) <= 3  # the parser may notice a line or two later


def test_duplicate_id(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "id: K.2.2", "id: K.2.1")
    fundne = problemer(data_kopi)
    assert any(re.search(r"indsatser\.yaml:\d+: K\.2\.1: id: id K\.2\.1 står to gange", p) for p in fundne), fundne


def test_reference_to_unknown_intervention(data_kopi):
    erstat(data_kopi / "standards.yaml", "indsats: K.4.3", "indsats: K.4.9")
    fundne = problemer(data_kopi)
    assert any(re.search(r"standards\.yaml:\d+: kvalitetsstandard 4: indsatser\[\d+\]\.indsats: "
                         r"kan ikke finde indsats 'K\.4\.9'", p) for p in fundne), fundne


def test_intervention_whose_standard_does_not_list_it(data_kopi):
    # K.2.1 claims standard 1 too, but standard 1 does not list it.
    erstat(data_kopi / "indsatser.yaml", "id: K.2.1\n    titel: Rengøring\n    type: kompenserende\n    standarder: [2]",
           "id: K.2.1\n    titel: Rengøring\n    type: kompenserende\n    standarder: [2, 1]")
    fundne = problemer(data_kopi)
    assert any(re.search(r"indsatser\.yaml:\d+: K\.2\.1: standarder\[1\]: K\.2\.1 nævner kvalitetsstandard 1, "
                         r"men kvalitetsstandard 1 lister ikke K\.2\.1", p) for p in fundne), fundne


def test_standard_lists_intervention_that_does_not_name_it(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "id: K.2.1\n    titel: Rengøring\n    type: kompenserende\n    standarder: [2]",
           "id: K.2.1\n    titel: Rengøring\n    type: kompenserende\n    standarder: [1]")
    fundne = problemer(data_kopi)
    assert any(re.search(r"standards\.yaml:\d+: kvalitetsstandard 2: .*standarden lister K\.2\.1, men K\.2\.1 "
                         r"nævner ikke standard 2", p) for p in fundne), fundne


def test_missing_required_field(data_kopi):
    fil = data_kopi / "indsatser.yaml"
    tekst = fil.read_text(encoding="utf-8")
    tekst = re.sub(r"(id: K\.2\.3\n(?:    .*\n)*?)    side: 61\n", r"\1", tekst, count=1)
    fil.write_text(tekst, encoding="utf-8")
    fundne = problemer(data_kopi)
    assert any(re.search(r"indsatser\.yaml:\d+: K\.2\.3: side: feltet mangler \(hint: tilføj 'side:'", p)
               for p in fundne), fundne


def test_wrong_type(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "side: 55", 'side: "femoghalvtreds"')
    fundne = problemer(data_kopi)
    assert any(re.search(r"indsatser\.yaml:\d+: K\.2\.1: side: forkert type: forventede et helt tal, fik tekst", p)
               for p in fundne), fundne


def test_unknown_field_is_an_error_with_suggestion(data_kopi):
    fil = data_kopi / "standards.yaml"
    tekst = fil.read_text(encoding="utf-8")
    start = tekst.index("  - nr: 2\n")
    slut = start + tekst[start:].index("visitation:")
    fil.write_text(tekst[:slut] + "visitaton:" + tekst[slut + len("visitation:"):], encoding="utf-8")
    fundne = problemer(data_kopi)
    assert any(re.search(r"standards\.yaml:\d+: kvalitetsstandard 2: visitaton: ukendt felt 'visitaton' "
                         r"\(hint: mente du 'visitation'\?\)", p) for p in fundne), fundne
    # ... and the real field is then reported missing, too: every problem at once.
    assert any(re.search(r"kvalitetsstandard 2: visitation: feltet mangler", p) for p in fundne), fundne


def test_empty_title(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "titel: Rengøring", 'titel: ""')
    fundne = problemer(data_kopi)
    assert any(re.search(r"indsatser\.yaml:\d+: K\.2\.1: titel: må ikke være tom", p) for p in fundne), fundne


def test_malformed_id(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "id: K.2.4", "id: K2.4")
    fundne = problemer(data_kopi)
    assert any(re.search(r"indsatser\.yaml:\d+: K2\.4: id: id skal have formen K\.n\.n eller U\.n\.n", p)
               for p in fundne), fundne


def test_unknown_placeholder(data_kopi):
    erstat(data_kopi / "standards.yaml", "{kommunes} politisk udmeldte", "{kommunens} politisk udmeldte")
    fundne = problemer(data_kopi)
    assert any(re.search(r"standards\.yaml:\d+: .*ukendt pladsholder \{kommunens\} \(hint: mente du \{kommunes\}\?\)",
                         p) for p in fundne), fundne


def test_all_problems_at_once_and_exit_code(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "titel: Rengøring", 'titel: ""')
    erstat(data_kopi / "indsatser.yaml", "id: K.2.4", "id: K2.4")
    erstat(data_kopi / "katalog.yaml", "år: 2014", "år: totusindfjorten")
    r = kør_check(data_kopi)
    assert r.returncode == 1
    assert "titel: må ikke være tom" in r.stderr
    assert "id skal have formen K.n.n" in r.stderr
    assert re.search(r"katalog\.yaml:\d+: .*år: forkert type", r.stderr)
    assert "intet er bygget" in r.stderr


def test_every_schema_field_is_documented_in_the_editors_guide():
    """Like Datasette's test that every setting is documented: a new field needs a line in the guide."""
    from pydantic import BaseModel

    from generator.data import lovregister, schema

    vejledning = (ROD / "content" / "redaktoervejledning.md").read_text(encoding="utf-8")
    udokumenterede = sorted({
        f"{modul.__name__}.{obj.__name__}.{felt}"
        for modul in (schema, lovregister) for obj in vars(modul).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == modul.__name__
        for felt in obj.model_fields
        if f"`{felt}`" not in vejledning
    })
    assert not udokumenterede, f"felter uden forklaring i redaktoervejledning.md: {udokumenterede}"


def test_the_editors_guide_example_is_a_valid_entry():
    """The complete example in the guide must pass the same validation as the real data."""
    from generator.data.yamlfil import YamlFil
    from generator.data.valider import valider
    from generator.tjek.indlaes import indlaes_katalog
    from ruamel.yaml import YAML

    modeller = indlaes_katalog(ROD / "data").modeller  # the guide's example is in Varde's shape
    IndsatserFil = modeller.IndsatserFil

    vejledning = (ROD / "content" / "redaktoervejledning.md").read_text(encoding="utf-8")
    blok = re.search(r"## Et komplet eksempel\s+```yaml\n(.*?)```", vejledning, re.S).group(1)
    data = YAML(typ="safe").load("indsatser:\n" + blok)
    obj, fundne = valider(YamlFil(ROD / "redaktoervejledning.md", "redaktoervejledning.md", rod=data, data=data),
                          IndsatserFil, modeller.profil)
    assert not fundne, "\n".join(map(str, fundne))
    assert obj.indsatser[0].id == "K.2.1"
