"""FSIII codes on the built site: each entry's page, the overview page, and the search (in Chromium)."""
from __future__ import annotations

import html
import re
import shutil

import pytest

from generator.data import fsiii
from generator.site import fsiiikoder, mellemlager, soegemeta, urls

from ..support import DATA, ROD

RENGOERING = "43608562-e356-4990-8b96-e35128bbdc4f"


def _side(bygget, sti: str) -> str:
    return (bygget / urls.html_fil(sti)).read_text(encoding="utf-8")


def test_entry_page_shows_code_name_group_and_who_mapped_it(bygget, visning):
    sti = next(s.sti for s in visning.register if s.sti.endswith("k-2-1-rengoering.md"))
    tekst = html.unescape(re.sub(r"<[^>]+>", "", _side(bygget, sti)))
    assert f"Rengøring: {RENGOERING} (gammel kode H1.8), i gruppen § 83 stk. 1, nr. 2 Praktisk hjælp i hjemmet." in tekst
    assert "Redaktørens kortlægning ud fra FSIII's definitioner, ikke kildens." in tekst


def test_entry_without_code_says_why(bygget, visning):
    sti = next(s.sti for s in visning.register if s.sti.endswith("k-1-6-doegnpleje-noedkald-og-mobilkald.md"))
    tekst = html.unescape(re.sub(r"<[^>]+>", "", _side(bygget, sti)))
    assert "Ingen FSIII-kode: FSIII har ingen indsats for nødkald" in tekst


def test_overview_lists_every_code_used_and_where(bygget, katalog, visning):
    side = _side(bygget, fsiiikoder.SIDE)
    brugte = {x.kode for i in katalog.indsatser for x in i.fsiii if x.kode}
    assert brugte and all(k in side for k in brugte)
    # Afløsning i hjemmet is used by two interventions: both linked from its row.
    raekke = next(r for r in side.split("<tr>") if "06ebbe96-1f58-4f77-b06e-217ac754c597" in r)
    assert "k-4-1-afloesning" in raekke and "k-4-2-fast-vagt" in raekke
    uden = [i.id for i in katalog.indsatser if any(x.ingen for x in i.fsiii)]
    assert uden and all(f"{i} " in html.unescape(side) for i in uden)
    assert fsiiikoder.SIDE in [s.sti for s in visning.register]


def test_search_metadata_carries_codes_and_names(bygget, visning):
    sti = next(s.sti for s in visning.register if s.sti.endswith("k-2-1-rengoering.md"))
    assert soegemeta.sidemeta(visning, sti)["fsiii"] == f"{RENGOERING} H1.8 Rengøring"
    assert re.search(r'<meta name="soegning-fsiii" content="[^"]*H1\.8[^"]*" data-pagefind-meta="fsiii\[content\]">',
                     _side(bygget, sti))


@pytest.mark.browser
@pytest.mark.slow
def test_search_finds_an_entry_by_uuid_legacy_code_and_fsiii_name(bygget):
    from scripts.sitebrowser import VIEWPORT, chromium, chromium_findes, server, soeg

    if not chromium_findes():
        pytest.skip("Debians chromium mangler")
    soegninger: dict[str, str | tuple[str, ...]] = {
        RENGOERING: "k-2-1-rengoering",
        "H1.8": "k-2-1-rengoering",
        "h1.11": "k-2-4-madservice-madudbringning",
        "Personlig hygiejne": "k-1-1-kroppens-pleje",
        "Udskillelser": "k-1-2-toiletbesoeg",
        # Vedligehold af færdigheder: the three training packages, in any order, before anything else.
        "c7d79b23-a53d-4ad5-a536-24d7c7fe8e18": ("u-3-1-", "u-3-2-", "u-3-3-"),
        "H3.2": ("k-4-1-afloesning", "k-4-2-fast-vagt"),  # one code, two interventions: both first
    }
    with server(bygget) as base, chromium() as b:
        page = b.new_page(viewport=VIEWPORT, bypass_csp=True)
        page.goto(base)
        fundet = {q: soeg(page, q, 3) for q in soegninger}
    def rigtig(q: str, top: list[str]) -> bool:
        sider = soegninger[q] if isinstance(soegninger[q], tuple) else (soegninger[q],)
        return all(any(s in t for t in top[: len(sider)]) for s in sider)

    forkerte = {q: top for q, top in fundet.items() if not rigtig(q, top)}
    assert not forkerte, forkerte


def test_a_new_code_system_release_is_not_served_from_the_build_cache(tmp_path, monkeypatch):
    """The hook reuses the last build when nothing changed: the code system is part of what it compares."""
    foer = mellemlager.noegle(DATA, ROD / "content")
    ny = tmp_path / fsiii.FILNAVN
    shutil.copy(fsiii.fil(), ny)
    ny.write_text(ny.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setenv(fsiii.MILJOEVARIABEL, str(ny))
    assert mellemlager.noegle(DATA, ROD / "content") != foer
