"""Every mistake in one run: the cross-checks run on the valid parts of data with errors (issue 19).

Before, one validation error anywhere stopped every cross-check, so an unknown paragraph
was reported only after a misspelt field and an impossible date elsewhere were fixed.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from generator.problemer import DataFejl
from generator.tjek.indlaes import indlaes_katalog

from ..support import ROD, erstat


def beskeder(data_dir) -> list[str]:
    with pytest.raises(DataFejl) as e:
        indlaes_katalog(data_dir)
    return [str(p) for p in e.value.problemer]


def linje_med(fil, tekst: str, efter: str = "") -> int:
    indhold = fil.read_text(encoding="utf-8")
    return indhold[: indhold.index(tekst, indhold.index(efter) if efter else 0)].count("\n") + 1


def tre_fejl(data_kopi) -> None:
    """The issue's three mistakes in one save, in three files."""
    erstat(data_kopi / "indsatser.yaml", "    hyppighed:\n", "    hyppighd:\n")  # K.1.1's, the first
    erstat(data_kopi / "katalog.yaml", 'dato: "2014-05"', 'dato: "2014-06-31"')
    erstat(data_kopi / "standards.yaml", '{lov: serviceloven, paragraf: "86"}', '{lov: serviceloven, paragraf: "866"}')


def test_check_reports_a_misspelt_field_an_impossible_date_and_an_unknown_paragraph_in_one_run(data_kopi):
    tre_fejl(data_kopi)
    r = subprocess.run([sys.executable, "-m", "generator", "--data", str(data_kopi), "check"],
                       capture_output=True, text=True, cwd=ROD, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    ud = r.stderr
    hyppighd = linje_med(data_kopi / "indsatser.yaml", "hyppighd:")
    dato = linje_med(data_kopi / "katalog.yaml", '"2014-06-31"')
    paragraf = linje_med(data_kopi / "standards.yaml", 'paragraf: "866"')
    assert re.search(rf"indsatser\.yaml:{hyppighd}: \S+: hyppighd: ukendt felt 'hyppighd' \(hint: mente du 'hyppighed'\?\)",
                     ud), ud
    assert re.search(rf"katalog\.yaml:{dato}: revision: dato: 2014-06-31 er ikke en dato: juni 2014 har 30 dage "
                     r"\(hint: dagen skal være 01-30; indtil det er rettet, tjekkes det, der bruger feltet, ikke\)", ud), ud
    assert re.search(rf"standards\.yaml:{paragraf}: kvalitetsstandard 1: lovgrundlag\[\d\]: servicelovens § 866 findes "
                     r"ikke .*\(hint: .*ret paragraffen", ud), ud
    assert "3 fejl fundet" in ud, ud


def test_the_same_three_come_from_serve_and_build(data_kopi):
    """The hook (serve's error page, mkdocs build) reads the same DataFejl: all three, not two."""
    tre_fejl(data_kopi)
    fundne = beskeder(data_kopi)
    assert len([b for b in fundne if re.search(r"hyppighd|2014-06-31|§ 866", b)]) == 3, fundne


def test_an_entry_left_out_hides_its_references_and_says_so(data_kopi):
    """K.2.1 without a title cannot be built: it is left out, and its standard listing it is
    not reported as listing an unknown intervention; the error says what it hides."""
    erstat(data_kopi / "indsatser.yaml", "  - id: K.2.1\n    titel: Rengøring\n", '  - id: K.2.1\n    titel: ""\n')
    fundne = beskeder(data_kopi)
    assert any(re.search(r"K\.2\.1: titel: må ikke være tom .*indtil det er rettet, tjekkes resten af K\.2\.1 og "
                         r"henvisninger til den ikke", b) for b in fundne), fundne
    assert not [b for b in fundne if "K.2.1" in b and "titel" not in b], fundne


def test_problems_after_a_left_out_entry_keep_their_lines(data_kopi):
    """Leaving an entry out shifts the list; a cross-check problem further down still names its own line."""
    fil = data_kopi / "indsatser.yaml"
    erstat(fil, "    standarder: [1]\n    side: 37\n", "    standarder: [1]\n    side: 0\n")  # K.1.1, left out
    erstat(fil, "  - id: K.2.1\n    titel: Rengøring\n", "  - id: K.2.1\n    titel: Rengøring, se K.9.9\n")
    fundne = beskeder(data_kopi)
    linje = linje_med(fil, "Rengøring, se K.9.9")
    assert any(re.search(rf"indsatser\.yaml:{linje}: K\.2\.1: titel: teksten nævner indsats K\.9\.9, som ikke findes",
                         b) for b in fundne), fundne
    # side is optional in the models (a profile decides that it is required): the invalid value is
    # pruned, K.1.1 itself stays checked, and the missing page is not reported a second time.
    assert any(re.search(r"K\.1\.1: side: tallet 0 er uden for det tilladte", b) for b in fundne), fundne
    assert not any(re.search(r"K\.1\.1: side: feltet mangler", b) for b in fundne), fundne


def test_an_error_the_first_pass_cannot_see_comes_too(data_kopi):
    """pydantic runs an entry's own rule (id K… means type kompenserende) only when its fields
    are valid: with a misspelt field beside it, the rule's error still comes in the same run."""
    erstat(data_kopi / "indsatser.yaml", "  - id: K.2.1\n    titel: Rengøring\n    type: kompenserende\n",
           "  - id: K.2.1\n    titel: Rengøring\n    type: udviklende\n    hyppighd: []\n")
    fundne = beskeder(data_kopi)
    assert any("ukendt felt 'hyppighd'" in b for b in fundne), fundne
    assert any(re.search(r"K\.2\.1: type: id K\.2\.1 betyder type 'kompenserende', men type er 'udviklende'", b)
               for b in fundne), fundne


def test_a_file_that_cannot_be_read_says_it_hides_the_cross_checks(data_kopi):
    erstat(data_kopi / "katalog.yaml", "kommune:\n", "kommune: [\n")
    erstat(data_kopi / "standards.yaml", '{lov: serviceloven, paragraf: "86"}', '{lov: serviceloven, paragraf: "866"}')
    fundne = beskeder(data_kopi)
    assert any("katalog.yaml" in b and "krydstjekket af de andre filer venter" in b for b in fundne), fundne


def test_a_standard_left_out_is_not_reported_missing_by_its_interventions(data_kopi):
    erstat(data_kopi / "standards.yaml", "  - nr: 2\n    titel: Praktiske opgaver\n", '  - nr: 2\n    titel: ""\n')
    fundne = beskeder(data_kopi)
    assert any(re.search(r"kvalitetsstandard 2: titel: må ikke være tom .*resten af kvalitetsstandard 2", b)
               for b in fundne), fundne
    assert not [b for b in fundne if re.search(r"(kvalitets)?standard 2\b", b) and "titel" not in b], fundne


def test_a_misspelt_required_field_is_checked_as_the_field_it_resembles(data_kopi):
    """'visitaton' for the required 'visitation': the standard is not lost, its other mistakes come too."""
    erstat(data_kopi / "standards.yaml", '{lov: serviceloven, paragraf: "86"}', '{lov: serviceloven, paragraf: "866"}')
    tekst = (data_kopi / "standards.yaml").read_text(encoding="utf-8")
    start = tekst.index("  - nr: 1\n")
    slut = start + tekst[start:].index("visitation:")
    (data_kopi / "standards.yaml").write_text(tekst[:slut] + "visitaton:" + tekst[slut + 11:], encoding="utf-8")
    fundne = beskeder(data_kopi)
    assert any("kvalitetsstandard 1: visitaton: ukendt felt 'visitaton' (hint: mente du 'visitation'?)" in b
               for b in fundne), fundne
    assert any("§ 866 findes ikke" in b for b in fundne), fundne
    assert not any("resten af kvalitetsstandard 1" in b for b in fundne), fundne


def test_citations_are_checked_against_the_valid_part_of_a_registry_with_an_error(data_kopi):
    erstat(data_kopi / "love.yaml", 'gyldig_til: "2025-06-30"', 'gyldig_til: "2025-06-31"')
    erstat(data_kopi / "standards.yaml", '{lov: serviceloven, paragraf: "86"}', '{lov: serviceloven, paragraf: "866"}')
    fundne = beskeder(data_kopi)
    assert any("love.yaml" in b and "2025-06-31 er ikke en dato" in b for b in fundne), fundne
    assert any("§ 866 findes ikke" in b for b in fundne), fundne
