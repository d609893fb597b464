"""The Danish dictionary for the search's typo rule (generator/site/dansk_ordbog.py)."""
from __future__ import annotations

import pytest

from generator.site import dansk_ordbog, soegeordbog

pytestmark = pytest.mark.skipif(not dansk_ordbog.STI.with_suffix(".dic").exists(),
                                reason="hunspell-da mangler: apt-get install hunspell-da")


def test_a_right_word_one_typo_from_a_catalogue_word_is_listed_and_a_typo_is_not():
    # "bragt" is one letter from the catalogue's "brugt": the search would have 'corrected' it.
    b = dansk_ordbog.beskyttede(["brugt", "rengøring", "gratis", "hjemmehjælp"])
    assert "bragt" in b
    assert "rengørigen" not in b and "gratiss" not in b
    assert "brugt" not in b  # a catalogue word is known already


def test_inflected_forms_come_from_the_affix_rules():
    former = dansk_ordbog._former(str(dansk_ordbog.STI))
    for w in ("hjemmehjælperen", "rengøringen", "plejehjemmet", "bragt", "tøjvasken"):
        assert w in former, w
    assert "rengørigen" not in former


def test_a_missing_dictionary_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("KATALOG_HUNSPELL", str(tmp_path / "da_DK"))
    with pytest.raises(dansk_ordbog.Mangler, match="apt-get install hunspell-da"):
        dansk_ordbog.beskyttede(["brugt"])


def test_without_the_dictionary_on_purpose_the_file_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("KATALOG_HUNSPELL", dansk_ordbog.INGEN)
    assert dansk_ordbog.beskyttede(["brugt"]) is None
    (tmp_path / "a.html").write_text('<html><body><article data-pagefind-body>brugt mad</article></body></html>',
                                     encoding="utf-8")
    assert soegeordbog.ordbog(tmp_path)["dansk"] is None


def test_the_anchored_rows_of_a_page_are_listed_with_their_section():
    html = ('<h2 id="levering">Levering</h2><table><tr><th>Emne</th></tr>'
            '<tr><td><span class="raekke" id="raekke-1-1"></span>Akuthjælp på nødkald</td><td>30 min</td></tr>'
            '<tr><td>uden anker</td></tr></table>')
    assert soegeordbog.raekker(html) == [["raekke-1-1", "Akuthjælp på nødkald 30 min", "levering"]]
