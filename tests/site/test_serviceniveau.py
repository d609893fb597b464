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
        if r.indsats.id != "K.2.4":
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


def test_a_rule_for_all_with_an_exception_reaches_each_page_with_its_exception(visning):
    """1.9 (p. 5): §§ 83, 84 and 86 are free, but madservice has a politically set takst. Standard 2's
    "Gratis" says `undtagen: [K.2.4]`: K.2.4's price is its takst alone, its page says the general rule
    does not apply to it, and the other interventions' cells name the rule with its exception."""
    k24 = sn(visning, "K.2.4").aspekt("pris")
    assert k24.celle.startswith("Takst: Madservice har en politisk fastlagt takst")
    assert "gratis" not in k24.celle.lower()
    assert k24.note is not None and "Gratis" in k24.note and "gælder ikke for denne indsats" in k24.note
    k21 = sn(visning, "K.2.1").aspekt("pris")
    assert k21.celle.startswith("For alle indsatser under kvalitetsstandard 2, undtagen K.2.4: Gratis.")
    assert [g.kilde.tekst for g in k21.grupper] == ["Gælder for alle indsatser under kvalitetsstandard 2, undtagen K.2.4"]
    # Where a standard's rule has no exception, its provenance follows it as before.
    assert sn(visning, "K.1.1").aspekt("pris").celle.endswith("(kvalitetsstandard 1)")


def test_an_own_price_beside_the_standards_rule_names_the_rule_as_general(visning):
    """K.4.3: the payments for daghjem users and standard 4's "Gratis" for all, told apart."""
    celle = sn(visning, "K.4.3").aspekt("pris").celle
    assert "; for alle indsatser under kvalitetsstandard 4: Gratis." in celle


def test_a_rule_for_daghjem_users_reaches_only_daghjem_with_its_label(visning):
    """"For daghjemsbrugere er der betaling for forplejning og materialer" (p. 22) concerns K.4.3's users."""
    k43 = sn(visning, "K.4.3").aspekt("pris")
    assert any(g.kilde.tekst == "Kvalitetsstandard 4 om daghjemsbrugere" for g in k43.grupper)
    assert k43.celle.startswith("For daghjemsbrugere (kvalitetsstandard 4): Transport:")
    for id_ in ("K.4.1", "K.4.2"):
        r = sn(visning, id_)
        tekster = [f.tekst for a in r.aspekter for g in a.grupper for f in g.fakta]
        assert not any("daghjemsbrugere" in t or "forplejning" in t for t in tekster), id_


def test_how_often_set_by_individual_assessment_is_an_answer(visning):
    """Standards 1 and 4 (pp. 9, 21): content, scope and frequency are set individually (and, in
    standard 1, stated in the bevillingsbrev): the answer, not "Ikke oplyst her"."""
    for id_ in ("K.1.1", "K.1.2", "K.1.3", "K.1.4", "K.1.5", "K.1.6", "U.1.1", "U.1.2", "U.1.3", "U.1.4"):
        assert sn(visning, id_).aspekt("hyppighed").celle == (
            "Fastsættes ved en individuel vurdering – se dit bevillingsbrev (kvalitetsstandard 1)"
        ), id_
    for id_ in ("K.4.1", "K.4.2", "K.4.3"):
        assert sn(visning, id_).aspekt("hyppighed").celle == "Fastsættes ved en individuel vurdering (kvalitetsstandard 4)"


def test_the_summary_box_has_the_response_times_of_the_intervention(visning):
    """K.1.6 nødkald: 30 minutes, 20 in ældreboliger (p. 10), in "Kort fortalt" (issue 20)."""
    linjer = {etiket: a.celle for etiket, a in sn(visning, "K.1.6").kort_fortalt}
    assert "30 min" in linjer["Levering"] and "20 minutter" in linjer["Levering"]
    # Where only the standard's long list applies, the box does not add a pointer line.
    assert "Levering" not in dict(sn(visning, "K.1.1").kort_fortalt)


def test_plejebolig_residents_rule_is_labelled_as_theirs(visning):
    """Pp. 10, 14: free choice of provider does not apply to plejebolig residents: on K.1.1 and K.2.1
    under its own label, beside the standard's rule for all."""
    for id_, nr in (("K.1.1", 1), ("K.2.1", 2)):
        grupper = sn(visning, id_).aspekt("frit_valg").grupper
        assert [g.kilde.tekst for g in grupper] == [
            f"Gælder for alle indsatser under kvalitetsstandard {nr}",
            f"Kvalitetsstandard {nr} om beboere i plejeboliger",
        ], id_


def test_the_intervention_carries_its_standards_conditions_start_end_and_place(visning):
    """Standard 3 (p. 17): where training happens, how it starts and ends, and how to apply,
    on every training intervention, labelled as the standard's rule for all."""
    for id_ in ("U.3.1", "U.3.2", "U.3.5"):
        indhold = sn(visning, id_).aspekt("indhold")
        tekst = " ".join(f.tekst for g in indhold.grupper for f in g.fakta)
        assert "**Sted:**" in tekst and "opstartes" in tekst and "afsluttes" in tekst, id_
        assert [g.kilde.tekst for g in indhold.grupper] == ["Gælder for alle indsatser under kvalitetsstandard 3"]
        assert "Team Visitation" in sn(visning, id_).aspekt("visitation").grupper[0].fakta[0].tekst
    # Standard 4's stays in a midlertidig bolig (their price) do not reach its interventions' content.
    for id_ in ("K.4.1", "K.4.2", "K.4.3"):
        assert not any("døgnophold" in f.tekst.lower() for g in sn(visning, id_).aspekt("indhold").grupper for f in g.fakta)


def test_the_finder_knows_standards_1_and_2_cover_plejebolig_residents(visning):
    """"Bor man i en plejebolig" (the finder): the source covers plejebolig residents inside standards
    1 and 2 (pp. 10-11, 14-15), not only in standard 6: the view model says which, with their pages."""
    daekning = visning.for_beboere["plejebolig"]
    assert [(d["navn"].split(".")[0], d["sider"]) for d in daekning] == [
        ("kvalitetsstandard 1", [10, 11]),
        ("kvalitetsstandard 2", [14, 15]),
    ]
    assert all(d["til"] for d in daekning)
    assert visning.for_beboere["eget-hjem"] == []
