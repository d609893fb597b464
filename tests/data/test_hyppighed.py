"""Frequencies as values (`data.hyppighed`): the two forms, exact intervals, and refused half-values."""

from __future__ import annotations

from fractions import Fraction

import pytest
from pydantic import ValidationError

from generator.data.hyppighed import Hyppighed, beregnet, tal
from generator.tjek.indlaes import indlaes_katalog

from ..support import ROD


def _h(**kw) -> Hyppighed:
    return Hyppighed.model_validate(kw)


def test_every_other_week_is_the_same_interval_as_every_fourteen_days():
    assert _h(hver=2, enhed="uger").dage_mellem == _h(hver=14, enhed="dage").dage_mellem == 14
    assert _h(hver=14, enhed="dage").gange_pr_aar == Fraction(365, 14)


def test_times_a_year_and_days_between_are_exact():
    assert _h(gange=25, pr="år").dage_mellem == Fraction(73, 5)  # 14.6 days
    assert _h(gange=2, pr="uge").gange_pr_aar == Fraction(730, 7)
    assert _h(gange=1, pr="måned").gange_pr_aar == 12
    assert beregnet(_h(gange=25, pr="år")) == "25 gange om året, i gennemsnit ca. 14,6 dage imellem"
    assert beregnet(_h(hver=14, enhed="dage")) == "ca. 26,1 gange om året, i gennemsnit 14 dage imellem"
    assert beregnet(_h(gange=1, pr="døgn")) == "365 gange om året, hver dag"
    assert tal(Fraction(365, 14)) == "26,1" and tal(Fraction(14)) == "14"


def test_a_maximum_gives_only_its_ceiling():
    """"op til seks gange i døgnet" is a ceiling, not a level: no days between are promised."""
    h = _h(gange=6, pr="døgn", højst=True)
    assert beregnet(h) == "højst 2190 gange om året" and str(h) == "op til 6 gange om døgnet"


@pytest.mark.parametrize("kw", [
    {"gange": 25},
    {"hver": 14},
    {"gange": 25, "pr": "år", "hver": 14, "enhed": "dage"},
    {"gange": 25, "enhed": "dage"},
    {"gange": 0, "pr": "år"},
    {"hver": 14, "enhed": "fjordsnit"},
    {"gange": "25", "pr": "år"},
])
def test_half_a_frequency_is_refused(kw):
    with pytest.raises(ValidationError):
        Hyppighed.model_validate(kw)


def test_the_catalogues_frequencies_are_the_sources_numbers():
    """Each structured value says what its sentence says (checked by hand against ../shared/kilder/)."""
    forventet = {
        (ROD, "K.2.1"): [(14, "Hver 14. dag")],
        (ROD, "K.2.2"): [(14, "Hver 14. dag")],
        (ROD, "K.2.3"): [(7, "1 gang om ugen")],
        (ROD / "examples" / "nyborg-2019", "praktisk-hjaelp-rengoering"): [(14, "hver anden uge")],
        (ROD / "examples" / "nyborg-2019", "toejvask"): [(14, "hver 14. dag")],
        (ROD / "examples" / "koege-2023-2024", "praktisk-hjaelp-rengoering"): [(Fraction(73, 5), "25 gange om året")],
    }
    for (mappe, post), par in forventet.items():
        i = indlaes_katalog(mappe / "data").indsats(post)
        fakta = [x for _, v in i if isinstance(v, list) for x in v if getattr(x, "hyppighed", None)]
        assert [(f.hyppighed.dage_mellem, ord_) for f, (_, ord_) in zip(fakta, par, strict=True)] == par, post
        assert all(ord_ in f.tekst for f, (_, ord_) in zip(fakta, par, strict=True))
