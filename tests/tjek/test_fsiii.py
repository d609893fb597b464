"""FSIII codes in the data, checked against the pinned code system (../shared/fsiii/), on broken copies.

Each test breaks one FSIII line of the real data the way an editor might and asserts the
located message and its hint (the closest real codes by name).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.data import fsiii
from generator.problemer import DataFejl
from generator.tjek.indlaes import indlaes_katalog

from ..support import DATA, ROD, erstat

RENGOERING = "43608562-e356-4990-8b96-e35128bbdc4f"
AARHUS = ROD / "examples" / "aarhus-sel-86-2" / "data"


def fejl(data_dir: Path) -> list[str]:
    with pytest.raises(DataFejl) as e:
        indlaes_katalog(data_dir)
    return [str(p) for p in e.value.problemer if p.niveau == "fejl"]


# ------------------------------------------------------------------ the code system


def test_the_pinned_code_system_pairs_every_uuid_with_its_legacy_code():
    ks = fsiii.indlaes()
    assert ks.url == "urn:oid:1.2.208.176.2.21" and len(ks.begreber) == 414
    b = ks.slaa_op("H1.8")
    assert b is ks.slaa_op(RENGOERING) and b is ks.slaa_op(RENGOERING.upper())
    assert (b.kode, b.gammel_kode, b.navn) == (RENGOERING, "H1.8", "Rengøring")
    assert b.grupper == ("Kommunale pleje- og omsorgsindsatser", "§ 83 stk. 1, nr. 2 Praktisk hjælp i hjemmet")
    assert b.er_indsats and b.paragraf == ("83", 1)
    assert ks.slaa_op("ae759142-4006-454f-a585-ca02519e5579").paragraf == ("86", 2)
    # Conditions are not interventions.
    tilstand = next(x for x in ks.begreber if x.hovedgruppe == "Kommunale pleje- og omsorgstilstande")
    assert not tilstand.er_indsats
    assert all(x.gammel_kode for x in ks.begreber)


def test_closest_codes_by_name():
    ks = fsiii.indlaes()
    assert [b.navn for b in ks.naermeste("Rengøringg")][:2] == ["Rengøring", "RH Rengøring"]
    assert "Madservice" in [b.navn for b in ks.naermeste("Madservice/madudbringning")]


def test_every_shipped_intervention_has_codes_or_says_why_not():
    """Done when: every shipped catalogue's interventions carry verified codes or say why they have none."""
    for data_dir in (DATA, AARHUS):
        k = indlaes_katalog(data_dir)
        poster = k.indsatser or k.standarder
        for post in poster:
            assert post.fsiii, f"{data_dir}: {post.id} har hverken FSIII-kode eller 'ingen'"
            for linje in post.fsiii:
                # The shipped mappings are the editor's reading of FSIII, never claimed as the source's.
                assert linje.ingen or linje.kortlagt_af == "redaktør"
    varde = indlaes_katalog(DATA)
    assert [x.kode for x in varde.indsats("K.2.1").fsiii] == [RENGOERING]
    assert varde.indsats("K.1.6").fsiii[0].ingen


# ------------------------------------------------------------------ broken copies


def test_unknown_code_names_the_closest_codes(data_kopi):
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}", "kode: H1.88")
    [p] = [p for p in fejl(data_kopi) if "H1.88" in p]
    assert re.search(r"indsatser\.yaml:\d+: K\.2\.1: fsiii\[0\]\.kode: FSIII-koden 'H1\.88' findes ikke", p), p
    assert "nærmeste koder efter navn: 'Rengøring' (43608562-e356-4990-8b96-e35128bbdc4f, H1.8)" in p


def test_mistyped_uuid_is_recognised(data_kopi):
    forkert = RENGOERING[:-1] + "0"
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}", f"kode: {forkert}")
    [p] = [p for p in fejl(data_kopi) if forkert in p]
    assert f"mente du 'Rengøring' ({RENGOERING}, H1.8)" in p, p


def test_legacy_code_is_accepted(data_kopi):
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}", "kode: H1.8")
    assert indlaes_katalog(data_kopi).indsats("K.2.1").fsiii[0].kode == "H1.8"


def test_name_that_is_not_the_codes(data_kopi):
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}\n        navn: Rengøring",
           f"kode: {RENGOERING}\n        navn: Tøjvask")
    [p] = [p for p in fejl(data_kopi) if "Tøjvask" in p]
    assert re.search(r"K\.2\.1: fsiii\[0\]\.navn: navnet 'Tøjvask' passer ikke til koden .*hedder 'Rengøring'", p), p
    assert "skriv navn: Rengøring" in p and "'Tøjvask' (8bf6aa06-6e1f-47b6-96ab-4b7d153305f0, H1.9)" in p


def test_name_with_ae_for_ae_matches_kls_spelling():
    # KL's file writes "Praktisk hjaelp i hjemmet"; the editor may write it with æ.
    assert fsiii.normaliseret("Praktisk hjælp i  hjemmet") == fsiii.normaliseret("Praktisk hjaelp i hjemmet")


def test_a_condition_is_not_an_intervention(data_kopi):
    ks = fsiii.indlaes()
    tilstand = next(b for b in ks.begreber if b.hovedgruppe == "Kommunale pleje- og omsorgstilstande" and not b.er_gruppe)
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}\n        navn: Rengøring",
           f"kode: {tilstand.kode}\n        navn: {tilstand.navn}")
    [p] = [p for p in fejl(data_kopi) if tilstand.kode in p]
    assert "hører til 'Kommunale pleje- og omsorgstilstande', som ikke er indsatser" in p, p
    assert "nærmeste koder efter navn" in p


def test_a_code_from_a_paragraph_the_legal_basis_does_not_cite(data_kopi):
    # Vedligehold af færdigheder (§ 86 stk. 2) on K.2.1, whose standard cites §§ 1, 83, 88, 86 without stk.: fine;
    # Midlertidig ophold (§ 84 stk. 2) is not.
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}\n        navn: Rengøring",
           "kode: H4.1\n        navn: Midlertidig ophold")
    [p] = [p for p in fejl(data_kopi) if "H4.1" in p]
    assert "hører til gruppen '§ 84 stk. 2 Midlertidigt ophold' (§ 84, stk. 2), men lovgrundlaget nævner ikke" in p, p


def test_a_code_twice_and_none_beside_codes(data_kopi):
    linje = 'begrundelse: "FSIII\'s definition: hjælp til den daglige rengøring og hovedrengøring."\n'
    erstat(data_kopi / "indsatser.yaml", linje,
           linje + "      - kode: H1.8\n        navn: Rengøring\n        kortlagt_af: redaktør\n"
           "      - ingen: ingen passer\n")
    fundne = fejl(data_kopi)
    assert any("K.2.1: fsiii[1].kode: FSIII-koden 'Rengøring' står to gange" in p for p in fundne), fundne
    assert any("K.2.1: fsiii[2].ingen: 'ingen' står sammen med andre linjer" in p for p in fundne), fundne


def test_code_without_name_is_a_schema_error(data_kopi):
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}\n        navn: Rengøring\n", f"kode: {RENGOERING}\n")
    fundne = fejl(data_kopi)
    assert any(re.search(r"indsatser\.yaml:\d+: K\.2\.1: fsiii\[0\].*'navn'", p) for p in fundne), fundne


def test_retired_code_from_a_newer_release(data_kopi, tmp_path, monkeypatch):
    """A release that retires a code (FHIR concept property status = retired) makes the entry's code an error."""
    data = json.loads(fsiii.fil().read_text(encoding="utf-8"))

    def marker(concepts):
        for c in concepts:
            if c["code"] in (RENGOERING, "H1.8"):
                c["property"] = [{"code": "status", "valueCode": "retired"}]
            marker(c.get("concept", []))

    marker(data["concept"])
    ny = tmp_path / "fsiii"
    ny.mkdir()
    (ny / fsiii.FILNAVN).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(fsiii.MILJOEVARIABEL, str(ny))
    [p] = [p for p in fejl(data_kopi) if "udgået" in p]
    assert re.search(r"K\.2\.1: fsiii\[0\]\.kode: FSIII-koden '43608562-.*' \('Rengøring'\) er udgået", p), p
    assert "'RH Rengøring'" in p and "'Rengøring' (" not in p.split("hint:")[1]


def test_missing_code_system_is_one_located_error(data_kopi, tmp_path, monkeypatch):
    monkeypatch.setenv(fsiii.MILJOEVARIABEL, str(tmp_path / "findes-ikke.json"))
    fundne = fejl(data_kopi)
    [p] = [p for p in fundne if "FSIII" in p]
    assert "FSIII-koderne kan ikke tjekkes: FSIII-kodesystemet findes ikke" in p and fsiii.MILJOEVARIABEL in p


def test_a_group_naming_a_law_is_read_with_the_law_registry(data_kopi):
    """'SUL § 138' is sundhedsloven's § 138, not the catalogue's serviceloven: the message says which law."""
    from generator.tjek.fsiii import _gruppens_lov

    k = indlaes_katalog(DATA)
    ks = fsiii.indlaes()
    sygepleje = next(b for b in ks.begreber if b.grupper[-1:] == ("SUL § 138",) and not b.er_gruppe)
    assert _gruppens_lov(k, sygepleje) == "sundhedsloven"
    assert _gruppens_lov(k, ks.slaa_op("H1.8")) is None  # "§ 83 stk. 1, nr. 2 …" names no law
    hjaelpemiddel = next(b for b in ks.begreber if b.grupper[-1:] == ("§ 112 i Serviceloven",))
    assert _gruppens_lov(k, hjaelpemiddel) == "serviceloven"
    erstat(data_kopi / "indsatser.yaml", f"kode: {RENGOERING}\n        navn: Rengøring",
           f"kode: {sygepleje.kode}\n        navn: {sygepleje.navn}")
    [p] = [p for p in fejl(data_kopi) if sygepleje.kode in p]
    assert "(sundhedslovens § 138), men lovgrundlaget nævner ikke den paragraf" in p, p
