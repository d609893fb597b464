"""Search metadata per page (generator/site/soegemeta.py): what a result shows beside its title."""
from __future__ import annotations

from generator.site import soegemeta, urls


def test_an_intervention_page_carries_its_summary_and_its_service_level_at_a_glance(visning):
    meta = soegemeta.sidemeta(visning, visning.indsats_sti["K.2.1"])
    assert meta["kort"].startswith("Hjælp til rengøring")
    assert meta["hyppighed"].startswith("Vejledende standardtid: Hver 14. dag")
    assert meta["sagsbehandlingsfrist"] == "4 uger"  # standard 2, p. 12: rengøring


def test_a_standard_carries_its_summary_and_other_pages_only_their_group(visning):
    standard = soegemeta.sidemeta(visning, visning.standard_sti[2])
    assert standard["kort"] and "hyppighed" not in standard
    assert "kort" in soegemeta.sidemeta(visning, urls.GENEREL)
    assert set(soegemeta.sidemeta(visning, urls.LOVGRUNDLAG)) == {"gruppe"}
