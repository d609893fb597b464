"""Cross-reference and legal-citation rules, each proven on a mutated copy of the real data.

A wrong paragraph in a published standard is a real error: these tests show the
check stops it, in a structured field and in prose, with a message naming the entry.
"""
from __future__ import annotations

import re

import pytest

from generator.tjek.indlaes import indlaes_katalog
from generator.problemer import DataFejl

from ..support import erstat


def fejl(data_dir) -> list[str]:
    with pytest.raises(DataFejl) as e:
        indlaes_katalog(data_dir)
    return [str(p) for p in e.value.problemer if p.niveau == "fejl"]


def test_structured_citation_of_a_paragraph_that_does_not_exist(data_kopi):
    erstat(data_kopi / "standards.yaml", '{lov: serviceloven, paragraf: "86", stk: 1}',
           '{lov: serviceloven, paragraf: "866", stk: 1}')
    fundne = fejl(data_kopi)
    assert any(re.search(r"standards\.yaml:\d+: kvalitetsstandard 3: lovgrundlag\[\d+\]: .*§ 866", p)
               for p in fundne), fundne
    # The hint names the registry file actually read, not the default data/love.yaml.
    [problem] = [p for p in fundne if "§ 866" in p]
    assert f"{data_kopi}/love.yaml" in problem and "data/love.yaml" not in problem.replace(str(data_kopi), "")


def test_structured_citation_of_an_unknown_law(data_kopi):
    erstat(data_kopi / "standards.yaml", '{lov: serviceloven, paragraf: "86", stk: 1}',
           '{lov: hundeloven, paragraf: "86", stk: 1}')
    fundne = fejl(data_kopi)
    assert any(re.search(r"kvalitetsstandard 3: lovgrundlag\[\d+\]: .*hundeloven", p) for p in fundne), fundne


def test_prose_citation_of_a_paragraph_that_does_not_exist(data_kopi):
    erstat(data_kopi / "standards.yaml", "jf. Lov om Social Service § 94 a.", "jf. Lov om Social Service § 94 x.")
    fundne = fejl(data_kopi)
    assert any(re.search(r"standards\.yaml:\d+: kvalitetsstandard 1: fleksibilitet: .*94 x", p) for p in fundne), fundne


def test_prose_reference_to_a_missing_intervention(data_kopi):
    fil = data_kopi / "standards.yaml"
    tekst = fil.read_text(encoding="utf-8")
    # Add a sentence naming an intervention that does not exist to standard 2's flexibility text.
    tekst = tekst.replace("jævnfør Lov om Social Service § 94 a.", "jævnfør Lov om Social Service § 94 a. Se også K.2.9.", 1)
    fil.write_text(tekst, encoding="utf-8")
    fundne = fejl(data_kopi)
    assert any(re.search(r"standards\.yaml:\d+: kvalitetsstandard 2: .*nævner indsats K\.2\.9, som ikke findes", p)
               for p in fundne), fundne


def test_structured_reference_to_a_missing_intervention(data_kopi):
    erstat(data_kopi / "standards.yaml", "{indsats: K.4.3, prioritet: 1}", "{indsats: K.4.7, prioritet: 1}")
    fundne = fejl(data_kopi)
    assert any("kvalitetsstandard 4: indsatser[0].indsats: kan ikke finde indsats 'K.4.7'" in p for p in fundne), fundne


def test_reference_to_a_missing_standard_in_prose(data_kopi):
    erstat(data_kopi / "standards.yaml", "jævnfør Lov om Social Service § 94 a.",
           "jævnfør Lov om Social Service § 94 a. Se kvalitetsstandard 9.")
    fundne = fejl(data_kopi)
    assert any("henviser til kvalitetsstandard 9, som ikke findes" in p for p in fundne), fundne


def test_serviceloven_83_in_a_2026_revision_is_warned_about(data_kopi):
    erstat(data_kopi / "katalog.yaml", 'dato: "2014-05"', 'dato: "2026-01"')
    erstat(data_kopi / "katalog.yaml", 'id: "2014"', 'id: "2026"')
    katalog = indlaes_katalog(data_kopi)  # warnings do not stop the check ...
    advarsler = [str(p) for p in katalog.advarsler]
    # ... but every elder-care citation of §§ 83/84/86 is named, with the entry and the date it stopped applying.
    assert any(re.search(r"standards\.yaml:\d+: advarsel: kvalitetsstandard 1: lovgrundlag\[\d+\]: "
                         r".*§ 83.*1\. juli 2025.*ældreloven", a) for a in advarsler), advarsler[:5]
    assert any(re.search(r"kvalitetsstandard 4: lovgrundlag\[\d+\]: .*§ 84", a) for a in advarsler)
    assert any(re.search(r"kvalitetsstandard 3: lovgrundlag\[\d+\]: .*§ 86", a) for a in advarsler)
    assert not [a for a in advarsler if "2014" in a.split(":")[0]]


_UNDER_67 = """
målgruppe:
  tekst: Borgere under folkepensionsalderen
  love: [serviceloven]
"""
_PENSIONSALDER = """
målgruppe:
  tekst: Borgere i folkepensionsalderen
  love: [ældreloven]
"""


def _i_2026(data_kopi, maalgruppe: str):
    erstat(data_kopi / "katalog.yaml", 'dato: "2014-05"', 'dato: "2026-01"')
    erstat(data_kopi / "katalog.yaml", 'id: "2014"', 'id: "2026"')
    with (data_kopi / "katalog.yaml").open("a", encoding="utf-8") as f:
        f.write(maalgruppe)
    return indlaes_katalog(data_kopi)


def test_a_2026_catalogue_for_citizens_under_pension_age_is_not_warned_about_aeldreloven(data_kopi):
    """Serviceloven still applies to citizens under 67: the transition rule does not concern them."""
    katalog = _i_2026(data_kopi, _UNDER_67)
    assert [str(p) for p in katalog.advarsler if "ældreloven" in str(p)] == []


def test_the_same_catalogue_for_citizens_of_pension_age_is_warned_with_the_paragraph_to_cite(data_kopi):
    katalog = _i_2026(data_kopi, _PENSIONSALDER)
    advarsler = [str(p) for p in katalog.advarsler]
    assert any(re.search(r"kvalitetsstandard 1: lovgrundlag\[\d+\]: .*§ 83.*1\. juli 2025.*ældreloven", a)
               for a in advarsler), advarsler[:5]
    # The hint says whom the rule concerns and how to say the catalogue is for someone else.
    assert all("målgruppe" in a for a in advarsler if "ældreloven" in a)


def test_the_2014_revision_cites_valid_law(katalog):
    assert katalog.advarsler == []


def test_every_standard_cites_only_existing_paragraphs_and_links_them(katalog):
    for s in katalog.standarder[:5]:
        for h in s.lovgrundlag:
            assert katalog.love.paragraf(h.lov, h.paragraf) is not None, (s.nr, h)
            assert katalog.love.url(h.lov).startswith("https://www.retsinformation.dk/eli/lta/")
