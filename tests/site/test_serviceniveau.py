"""Each intervention's effective service level (generator/site/serviceniveau.py), on the real data.

Written from the reader's side: what a citizen or a visitator must find on an intervention page,
checked against the source (kilder/varde-2014-…, pages in the comments).
"""
from __future__ import annotations

import pytest

from generator.site.serviceniveau import IKKE_I_KATALOGET, Serviceniveau


def sn(visning, id_: str) -> Serviceniveau:
    return next(r for r in visning.serviceniveau if r.indsats.id == id_)


def kilder(r: Serviceniveau, aspekt: str) -> list[str]:
    return [g.kilde.slags + (f" {g.kilde.standard.nr}" if g.kilde.standard else "") for g in r.aspekt(aspekt).grupper]


def test_training_gets_both_deadlines_of_standard_3(visning):
    """p. 16: 2 uger (§ 86, stk. 1) and 4 uger (§ 86, stk. 2) — for every training intervention."""
    for id_ in ("U.3.1", "U.3.2", "U.3.3", "U.3.4", "U.3.5"):
        r = sn(visning, id_)
        assert [(f.emne, f.antal, f.enhed) for f, _ in r.frister] == [
            ("Genoptræning, § 86, stk. 1", 2, "uger"), ("Vedligeholdelsestræning, § 86, stk. 2", 4, "uger")], id_
        assert kilder(r, "sagsbehandlingsfrist") == ["standard 3"]
        assert r.aspekt("sagsbehandlingsfrist").celle.endswith("(kvalitetsstandard 3)")


def test_own_deadline_replaces_the_standards_general_one_and_says_so(visning):
    """K.4.1 (p. 21): 5 hverdage for afløsning i hjemmet; standard 4's 2 uger is for the others."""
    r = sn(visning, "K.4.1")
    assert [(f.antal, f.enhed) for f, _ in r.frister] == [(5, "hverdage")]
    assert "gælder ikke for denne indsats" in r.aspekt("sagsbehandlingsfrist").note
    assert "2 uger" in r.aspekt("sagsbehandlingsfrist").note
    assert [(f.antal, f.enhed) for f, _ in sn(visning, "K.4.2").frister] == [(2, "uger")]


def test_price_is_free_and_what_the_citizen_pays_is_said(visning):
    """Introduction 1.9 (p. 5): §§ 83, 84 and 86 are free; madservice has a takst; daghjem: transport,
    food and materials (pp. 21-22)."""
    for r in visning.serviceniveau:
        assert "gratis" in r.aspekt("pris").celle.lower(), r.indsats.id
    assert "takst" in sn(visning, "K.2.4").aspekt("pris").celle
    k43 = sn(visning, "K.4.3").aspekt("pris").celle
    assert "transport" in k43 and "forplejning og materialer" in k43


def test_standard_4_stays_do_not_reach_its_interventions(visning):
    """'Brugerbetaling for kost' and 'handleplan inden for tre døgn' are about stays in a midlertidig bolig."""
    for id_ in ("K.4.1", "K.4.2", "K.4.3"):
        r = sn(visning, id_)
        assert "kost" not in r.aspekt("pris").celle, id_
        assert not any("handleplaner" in f.tekst for g in r.aspekt("levering").grupper for f in g.fakta), id_


def test_flexibility_free_choice_and_special_conditions_reach_the_interventions(visning):
    assert kilder(sn(visning, "K.1.1"), "fleksibilitet") == ["standard 1"]
    assert "§ 94 a" in sn(visning, "K.2.1").aspekt("fleksibilitet").grupper[0].fakta[0].tekst
    assert "§ 91" in sn(visning, "K.2.3").aspekt("frit_valg").grupper[0].fakta[0].tekst
    # p. 19: no transport to training — on every training intervention.
    assert "kørsel" in sn(visning, "U.3.2").aspekt("saerlige_forhold").grupper[0].fakta[0].tekst


def test_named_promise_reaches_only_the_named_intervention(visning):
    """Nødkald 30/20 minutter (p. 10) is promised for K.1.6 by name."""
    k16 = sn(visning, "K.1.6").aspekt("levering")
    assert kilder(sn(visning, "K.1.6"), "levering")[0] == "navngivet 1"
    assert "30 min" in k16.celle and "20 minutter" in k16.celle
    assert "nødkald" not in sn(visning, "K.1.1").aspekt("levering").celle.lower()


def test_not_described_only_where_neither_says_anything(visning, katalog):
    standarder = {s.nr: s for s in katalog.standarder}
    for r in visning.serviceniveau:
        for a in r.aspekter:
            har_noget = any(f for g in a.grupper for f in g.fakta)
            assert a.beskrevet == har_noget
            if not a.beskrevet and a.aspekt.standardens:
                for nr in r.indsats.standarder:
                    v = getattr(standarder[nr], a.aspekt.standardens)
                    assert not (isinstance(v, list) and any(
                        not getattr(f, "kun_standarden", False) and not getattr(f, "gælder", None) for f in v)), (
                        r.indsats.id, a.aspekt.noegle)
            # Said once: in the summary box's line, or else in the page's note.
            i_boksen = a.aspekt.noegle in katalog.profil.kort_fortalt
            assert (a.aspekt.mangler_tekst in r.ikke_beskrevet) == (not a.beskrevet and not i_boksen), (
                r.indsats.id, a.aspekt.noegle)


@pytest.mark.parametrize("id_", ["K.2.2", "K.2.3", "U.2.1"])
def test_deadline_not_invented_where_the_source_gives_none(visning, id_):
    """Standard 2 gives deadlines only for rengøring and madservice (p. 12)."""
    assert sn(visning, id_).frister == []
    assert sn(visning, id_).aspekt("sagsbehandlingsfrist").celle == IKKE_I_KATALOGET


def test_an_own_price_beside_the_standards_rule_names_the_rule_as_general(visning):
    """K.2.4: its own takst (p. 5) and standard 2's "Gratis" for all its interventions, told apart."""
    celle = sn(visning, "K.2.4").aspekt("pris").celle
    assert celle.startswith("Takst: Madservice har en politisk fastlagt takst")
    assert "; for alle indsatser under kvalitetsstandard 2: Gratis." in celle
    assert "(kvalitetsstandard 2)" not in celle
    # Where the standard's rule stands alone, its provenance follows it as before.
    assert sn(visning, "K.2.1").aspekt("pris").celle.endswith("(kvalitetsstandard 2)")
