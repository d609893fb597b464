"""The policy for text in data (generator/tjek/tekstpolitik.py) and the gaps of issue 11, item 4.

Every payload and every gap is put into a copy of the real data; check must refuse it
with a located error (file:line: entry: field: what, hint). What the policy allows must pass.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.problemer import DataFejl
from generator.tjek import tekstpolitik
from generator.tjek.indlaes import indlaes_katalog

from ..angreb import ANGREB, VISITATION_1, indfoer
from ..support import ROD, erstat


def fejl(data_dir: Path) -> list[str]:
    with pytest.raises(DataFejl) as e:
        indlaes_katalog(data_dir)
    return [str(p) for p in e.value.problemer if p.niveau == "fejl"]


def _har(fundne: list[str], moenster: str) -> bool:
    return any(re.search(moenster, p) for p in fundne)


# ------------------------------------------------------------------ the payloads of issue 11

@pytest.mark.parametrize("angreb", ANGREB, ids=[a.navn for a in ANGREB])
def test_check_refuses_each_payload_with_a_located_error(data_kopi, angreb):
    indfoer(data_kopi, [angreb])
    fundne = fejl(data_kopi)
    assert _har(fundne, angreb.fejl), "\n".join(fundne)
    assert all("(hint: " in p for p in fundne), fundne


def test_check_reports_all_payloads_at_once(data_kopi):
    indfoer(data_kopi)
    fundne = fejl(data_kopi)
    for a in ANGREB:
        assert _har(fundne, a.fejl), (a.navn, fundne)


def test_title_with_newline_and_link_reports_both(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "titel: Rengøring", 'titel: "Rengøring\\n[klik](https://x.dk)"')
    fundne = fejl(data_kopi)
    assert _har(fundne, r"K\.2\.1: titel: linjeskift") and _har(fundne, r"K\.2\.1: titel: et link er ikke tilladt")


@pytest.mark.parametrize("tekst, forventet", [
    ("<b>fed</b>", r"HTML er ikke tilladt i data: '<b>'"),
    ('<img src=x onerror="alert(1)">', r"HTML er ikke tilladt"),
    ("<script>alert(1)</script>", r"HTML er ikke tilladt"),
    ("a &amp; b", r"HTML-tegnkoden '&amp;'"),
    ("# Overskrift", r"overskrift i teksten: 'Overskrift'"),
    ("Overskrift\n=====", r"overskrift i teksten"),
    ("![kort](https://x.dk/k.png)", r"et billede er ikke tilladt"),
    ("[klik](vbscript:msgbox(1))", r"linkmålet 'vbscript:msgbox\(1\)' er ikke tilladt"),
    ("[klik](data:text/html;base64,PHNjcmlwdD4=)", r"linkmålet 'data:"),
    ("[klik](http://x.dk)", r"linkmålet 'http://x.dk' er ikke tilladt"),
    ("[klik](../sider/x.md)", r"linkmålet '../sider/x.md' er ikke tilladt"),
    ("[klik](https://x.dk/a b)", r"linkmålet|ikke en gyldig"),
    ("[klik](K.9.9)", r"linket går til 'K\.9\.9', som ikke er et id eller nummer i kataloget"),
    ("<https://x.dk\"onmouseover=\"alert(1)>", r"HTML|gyldig https"),
    ("`kode`", r"kode"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", r"en tabel"),
    ("!!! note\n    boks", r"en boks"),
    ("Tekst\n{: .klasse }", r"attributlister"),
    # A definition acts on the whole page, every field of it (issue 18): refused even when harmless here.
    ("Se [rengøring][r].\n\n[r]: K.2.1", r"en linkdefinition \('\[r\]: …'\) er ikke tilladt"),
    ("Tekst.\n\n[hjælp]: https://evil.example/phish", r"en linkdefinition \('\[hjælp\]: …'\)"),
    ("- punkt\n\n    [a]: https://x.dk", r"en linkdefinition"),
    ("> [a]: https://x.dk", r"en linkdefinition"),
    ("*[Borgere]: Ring 90 90 90 90 og betal med kort", r"en forkortelse \('\*\[Borgere\]: …'\) er ikke tilladt"),
    ("Borgere kan få hjælp.\n\n*[Borgere]: Ring 90 90 90 90", r"en forkortelse"),
])
def test_prose_violations(tekst, forventet):
    fundne = [str(p) for p in tekstpolitik.tjek_prosa(tekst, lambda m: m in {"K.2.1", "2"})]
    assert _har(fundne, forventet), fundne


@pytest.mark.parametrize("tekst", [
    "Et afsnit med *kursiv*, **fed** og _kursiv_.\n\nEt andet afsnit.",
    "- et punkt\n- et andet punkt\n\n1. først\n2. så",
    "Se [Varde Kommune](https://www.vardekommune.dk/aeldre?side=2#hjaelp).",
    "Skriv til [visitationen](mailto:visitation@varde.dk) eller ring på [75 94 75 94](tel:+4575947594).",
    "Se [rengøring](K.2.1) og [kvalitetsstandard 2](2).",
    "> Stk. 1: Kommunalbestyrelsen skal tilbyde afløsning.",
    "Linjen slutter med to mellemrum  \nog fortsætter.",
    "{kommunes} serviceniveau; ring på {kontakt_telefon}.",
    "Sundhed & Omsorg, 3 < 4 og § 83 - se også K.2.1.",
])
def test_prose_the_policy_allows(tekst):
    assert tekstpolitik.tjek_prosa(tekst, lambda m: m in {"K.2.1", "2"}) == []


@pytest.mark.parametrize("tekst, forventet", [
    ("Rengøring *nu*", r"fremhævning"),
    ("Rengøring **nu**", r"fremhævning"),
    ("[Rengøring](https://x.dk)", r"et link"),
    ("Rengøring <em>nu</em>", r"HTML"),
    ("Rengøring `x`", r"kode"),
    ("Rengøring ![x](https://x.dk/x.png)", r"et billede"),
    ("Rengøring\nog mere", r"linjeskift"),
    ("Rengøring {: #x }", r"attributlister"),
])
def test_title_violations(tekst, forventet):
    assert _har([str(p) for p in tekstpolitik.tjek_titel(tekst)], forventet)


@pytest.mark.parametrize("tekst", ["Rengøring", "1. Praktiske opgaver", "Mad - og drikke", "Bad (personlig pleje)",
                                   "Varde Kommune", "K.2.1 Rengøring", "Sundhed & Omsorg", "50 % af prisen",
                                   "# 1", "- punkt"])
def test_titles_the_policy_allows(tekst):
    assert tekstpolitik.tjek_titel(tekst) == []


@pytest.mark.parametrize("url, ok", [
    ("https://www.vardekommune.dk", True), ("https://www.vardekommune.dk/", True),
    ("https://www.varde.dk/aeldre/hjaelp?x=1#a", True), ("https://x.dk:443/a", True),
    ("https://x.dk) [klik](javascript:alert(1))", False), ("https://", False), ("https://x", False),
    ("https://x.dk/a b", False), ('https://x.dk/"onmouseover="alert(1)', False), ("https://x.dk/<a>", False),
    ("https://bruger@x.dk", False), ("http://x.dk", False), ("javascript:alert(1)", False),
    ("https://x.dk:99999", False),
])
def test_hjemmeside_is_a_well_formed_https_url(url, ok):
    assert (tekstpolitik.tjek_hjemmeside(url) == []) is ok


def test_the_policy_parses_with_the_sites_markdown_extensions():
    cfg = YAML(typ="rt").load((ROD / "mkdocs.yml").read_text(encoding="utf-8"))
    navne = [e if isinstance(e, str) else next(iter(e)) for e in cfg["markdown_extensions"]]
    assert sorted(tekstpolitik.UDVIDELSER) == sorted(n for n in navne if n != "toc")


def test_the_editors_guide_states_the_policy():
    vejledning = (ROD / "content" / "redaktoervejledning.md").read_text(encoding="utf-8")
    assert "## Tekst: hvad du må skrive" in vejledning
    for ord_ in ("ren tekst", "https:", "mailto:", "tel:", "[rengøring](K.2.1)", "HTML", "{: ", "Billeder",
                 "overskrift"):
        assert ord_ in vejledning, ord_


def test_a_link_to_a_page_of_the_catalogue_is_rendered_relative(data_kopi):
    from generator.site.byg import generer

    erstat(data_kopi / "standards.yaml", VISITATION_1,
           VISITATION_1 + "\n      Se [rengøring](K.2.1) og [kvalitetsstandard 2](2).\n")
    katalog = indlaes_katalog(data_kopi)
    visning, filer = generer(katalog)
    side = filer[visning.standard_sti[1]]
    assert "[rengøring](../indsatser/k-2-1-rengoering.md)" in side
    assert "[kvalitetsstandard 2](2-praktiske-opgaver.md)" in side


# ------------------------------------------------------------------ item 4: gaps

def test_antal_must_be_at_least_one(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "tid: {antal: 14, enhed: dage}", "tid: {antal: 0, enhed: dage}")
    fundne = fejl(data_kopi)
    assert _har(fundne, r"indsatser\.yaml:\d+: K\.2\.1: hyppighed\[0\]\.tid\.antal: tallet 0"), fundne


def test_an_intervention_names_each_standard_once(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "standarder: [2]", "standarder: [2, 2]")
    fundne = fejl(data_kopi)
    assert _har(fundne, r"indsatser\.yaml:\d+: K\.2\.1: standarder\[1\]: kvalitetsstandard 2 står to gange"), fundne


@pytest.mark.parametrize("skrevet, besked", [
    ("{Kommune}", r"ukendt pladsholder \{Kommune\} \(hint: mente du \{kommune\}\?"),
    ("{kommune", r"'\{kommune' er ikke en hel pladsholder \(hint: mente du \{kommune\}\?"),
    ("{kommune }", r"ukendt pladsholder \{kommune \} \(hint: mente du \{kommune\}\?"),
    ("{ kommunes}", r"ukendt pladsholder \{ kommunes\} \(hint: mente du \{kommunes\}\?"),
    ("{kontakttelefon}", r"ukendt pladsholder \{kontakttelefon\} \(hint: mente du \{kontakt_telefon\}\?"),
    ("kommune}", r"'\}' uden '\{' foran"),
])
def test_placeholder_typos(data_kopi, skrevet, besked):
    erstat(data_kopi / "indsatser.yaml",
           "      Hjælp til rengøring af dit hjem, når du og din husstand ikke selv kan klare det.",
           f"      Hjælp fra {skrevet} til rengøring.")
    fundne = fejl(data_kopi)
    assert _har(fundne, r"indsatser\.yaml:\d+: K\.2\.1: kort_fortalt: " + besked), fundne


def test_placeholder_typo_in_a_title(data_kopi):
    erstat(data_kopi / "indsatser.yaml", "titel: Rengøring", 'titel: "Rengøring i {Kommune}"')
    assert _har(fejl(data_kopi), r"K\.2\.1: titel: ukendt pladsholder \{Kommune\}")


@pytest.mark.parametrize("skrevet, besked", [
    ("servicelovens §§ 83-", r"intervallet mangler sin sidste paragraf"),
    ("servicelovens §§ 83-86, stk. 9", r"et interval kan ikke have stk\..*hint: skriv paragrafferne hver for sig"),
])
def test_open_range_and_stk_after_range(data_kopi, skrevet, besked):
    erstat(data_kopi / "standards.yaml", VISITATION_1, VISITATION_1 + f"\n      Se {skrevet} om hjælpen.\n")
    fundne = fejl(data_kopi)
    assert _har(fundne, r"standards\.yaml:\d+: kvalitetsstandard 1: visitation: henvisningen '"
                + re.escape(skrevet) + "'.*" + besked), fundne


@pytest.mark.parametrize("felt, gammel, ny, besked", [
    ("kontakt: telefontid", 'telefontid: "hverdage kl. 8-12"', 'telefontid: "hverdage kl. 8-12 (se K.9.9)"',
     r"nævner indsats K\.9\.9, som ikke findes"),
    ("kommune: forvaltning", "forvaltning:", None, r"kvalitetsstandard 42, som ikke findes"),
    ("kontakt: enhed", "enhed: Team Visitation", 'enhed: "Team Visitation i {Kommune}"',
     r"ukendt pladsholder \{Kommune\}"),
])
def test_katalog_yaml_prose_is_checked_like_other_prose(data_kopi, felt, gammel, ny, besked):
    if ny is None:
        tekst = (data_kopi / "katalog.yaml").read_text(encoding="utf-8")
        linje = re.search(r"(?m)^  forvaltning: (.*)$", tekst)
        gammel, ny = linje.group(0), f'  forvaltning: "{linje.group(1).strip(chr(34))}, se kvalitetsstandard 42"'
    erstat(data_kopi / "katalog.yaml", gammel, ny)
    fundne = fejl(data_kopi)
    assert _har(fundne, r"katalog\.yaml:\d+: " + felt + ": .*" + besked), fundne


def test_decision_in_katalog_yaml_citing_a_paragraph_that_does_not_exist(data_kopi):
    erstat(data_kopi / "katalog.yaml", "  beslutninger: []", """  beslutninger:
    - id: b-1
      forum: Udvalget for Social og Sundhed
      dato: "2014-04"
      titel: Ny frist
      beslutning: Fristen følger servicelovens § 999, stk. 42, og {kommune} skriver til borgeren.
      berører: ["1"]""")
    fundne = fejl(data_kopi)
    assert _har(fundne, r"katalog\.yaml:\d+: beslutning b-1: beslutning: henvisningen 'servicelovens § 999, stk\. 42'"), \
        fundne


def test_heading_in_prose(data_kopi):
    erstat(data_kopi / "standards.yaml", VISITATION_1, VISITATION_1 + "\n      # Ny overskrift\n")
    assert _har(fejl(data_kopi), r"kvalitetsstandard 1: visitation: overskrift i teksten: 'Ny overskrift'")


# ------------------------------------------------------------------ the plain-text shortcut

# Texts written to fool a shortcut that skips the Markdown parse: each has markup only at a line's
# start, behind an indentation, in an entity, or in a character the shortcut might overlook.
_LISTIGE = [
    "# Overskrift", "Tekst\n===", "Tekst\n---", "- punkt", "+ punkt", "* punkt", "1. punkt", "12) punkt",
    "> citat", "    kode", "\tkode", "```\nkode\n```", "~~~\nkode\n~~~", "!!! note\n    boks", "??? note\n    boks",
    "*[ABC]: forkortelse", "a | b\n--|--\n1 | 2", "| a | b |", ": definition", "***", "___", "tekst &amp; mere",
    "tekst &#60; mere", "<b>fed</b>", "<https://x.dk>", "`kode`", "*kursiv*", "_kursiv_", "[link](javascript:x)",
    "tekst {: onclick=x }", "tekst\\\nmere", "linje  \nmed linjeskift", "første\n\nandet afsnit", "1.5 timer pr. uge",
    "Tekst\r\nmed CR", "Rengøring – hver 14. dag!", "Hjemmeside: https://www.varde.dk",
]


def _tekster_i_data(katalog) -> list[tuple[str, str]]:
    ud = []
    for model in [*katalog.standarder, *katalog.indsatser, katalog.introduktion, katalog.info]:
        ud += [(tekst, art) for _, tekst, art in tekstpolitik.felter(model.model_dump())]
    return ud


def test_the_plain_text_shortcut_agrees_with_the_full_parse(katalog, monkeypatch):
    """Whatever the shortcut lets through, the full parse finds nothing in either: titles or prose."""
    tekster = _tekster_i_data(katalog) + [(t, art) for t in _LISTIGE for art in ("titel", "prosa")]
    tekster += [(a.ny.strip(), art) for a in ANGREB for art in ("titel", "prosa")]
    tjek = lambda tekst, art: tekstpolitik.tjek_titel(tekst) if art == "titel" else tekstpolitik.tjek_prosa(tekst)  # noqa: E731
    genvej = {(t, art): tekstpolitik.uden_markup(t, titel=art == "titel") for t, art in tekster}
    med_genvej = {noegle: tjek(*noegle) for noegle in genvej}
    monkeypatch.setattr(tekstpolitik, "uden_markup", lambda tekst, titel=False: False)
    for noegle, fundne in med_genvej.items():
        assert fundne == tjek(*noegle), noegle
    # The crafted texts are not all let through (else the list tests nothing), the real data's mostly are.
    assert sum(genvej[(t, "prosa")] for t in _LISTIGE) < len(_LISTIGE) / 3
    i_data = [genvej[t] for t in _tekster_i_data(katalog)]
    assert sum(i_data) > 0.7 * len(i_data), f"{sum(i_data)} af {len(i_data)}"
