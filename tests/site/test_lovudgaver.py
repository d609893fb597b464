"""Law versions told honestly: a link to a later act than the one in force on the revision's date
says so next to the link ("links til en senere udgave af loven"), on every page of the built site.

The decision is `Lovregister.senere_udgave` (generator/data/lovregister.py), from the registry's
own data: the act's date in `betegnelse` (or its ELI year) against the revision's date.
"""
from __future__ import annotations

import datetime as dt
import html as html_
import re

import pytest

from generator.data.lovregister import Akt, Lovregister, periodens_sidste_dag
from generator.tjek import citater

SAETNING = Lovregister.SENERE_UDGAVE


def _akt(betegnelse: str | None, eli: str | None) -> Akt:
    return Akt(betegnelse=betegnelse, eli=eli, bekræftet=False, kilde="test")


def test_act_date_from_betegnelse_else_eli_year():
    assert _akt("LBK nr 261 af 13/03/2024", "https://www.retsinformation.dk/eli/lta/2024/261").udstedt() \
        == dt.date(2024, 3, 13)
    assert _akt(None, "https://www.retsinformation.dk/eli/lta/2016/656").udstedt() == dt.date(2016, 1, 1)
    assert _akt(None, None).udstedt() is None


def test_a_revision_date_names_a_period():
    assert periodens_sidste_dag("2014-05") == dt.date(2014, 5, 31)
    assert periodens_sidste_dag("2014-12") == dt.date(2014, 12, 31)
    assert periodens_sidste_dag("2016-02") == dt.date(2016, 2, 29)
    assert periodens_sidste_dag("2014") == dt.date(2014, 12, 31)
    assert periodens_sidste_dag("2014-05-12") == dt.date(2014, 5, 12)


def test_later_act_on_the_real_registry(katalog):
    love, dato = katalog.love, katalog.info.revision.dato
    assert dato == "2014-05"
    # The registry says it links retssikkerhedsloven's 2024 consolidation (kilde: "IKKE den udgave, der
    # var gældende i maj 2014"); serviceloven's LBK of 20/03/2014 was in force in May 2014.
    assert love.senere_udgave("retssikkerhedsloven", dato)
    for lov_id in ("serviceloven", "sundhedsloven", "forvaltningsloven", "offentlighedsloven"):
        assert not love.senere_udgave(lov_id, dato), lov_id
    # An act issued within the revision's month is not later; one after it is.
    assert not love.senere_udgave("retssikkerhedsloven", "2024-03")
    assert love.senere_udgave("retssikkerhedsloven", "2024-02")
    assert not love.senere_udgave("forvaltningsloven", "2014-04")  # LBK nr 433 af 22/04/2014
    assert love.senere_udgave("forvaltningsloven", "2014-03")
    assert not love.senere_udgave("ukendt", dato) and not love.senere_udgave("serviceloven", None)


def test_prose_link_gets_the_note_only_for_a_later_act(katalog):
    tekst = "jf. Lov om Social Service § 151 og Lov om retssikkerhed og administration på det sociale område § 15"
    ud = citater.link_citater(tekst, None, katalog.love, "2014-05")
    assert re.search(r'\(https://www\.retsinformation\.dk/eli/lta/2024/261(?: "hele loven")?\) \(' + SAETNING + r"\)$", ud), ud
    assert ud.count(SAETNING) == 1
    assert SAETNING not in citater.link_citater(tekst, None, katalog.love, "2025-01")
    assert citater.link_citater(ud, None, katalog.love, "2014-05") == ud  # running it twice adds nothing


_LINK = re.compile(r'<a href="(https://www\.retsinformation\.dk/eli/[^"]+)"[^>]*>.*?</a>(.*?)(?=<a |</p>|</li>|</td>|$)',
                   re.S)


@pytest.mark.slow
def test_every_link_to_a_later_act_says_so_and_no_other(bygget, katalog):
    """On the built site: the note follows each link to a later act (law line, § table, lovgrundlag
    lists, prose), and never a link to the act that was in force."""
    dato = katalog.info.revision.dato
    senere = {lov.akt.eli for lov in katalog.love.love
              if lov.akt and lov.akt.eli and katalog.love.senere_udgave(lov.id, dato)}
    assert "https://www.retsinformation.dk/eli/lta/2024/261" in senere  # retssikkerhedsloven
    mangler, for_meget, fundne = [], [], 0
    for fil in sorted(bygget.rglob("*.html")):
        raa = fil.read_text(encoding="utf-8")
        for m in _LINK.finditer(raa):
            efter = html_.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
            if m.group(1) in senere:
                fundne += 1
                if SAETNING not in efter:
                    mangler.append(f"{fil.relative_to(bygget)}: {m.group(0)[:160]}")
            elif SAETNING in efter:
                for_meget.append(f"{fil.relative_to(bygget)}: {m.group(0)[:160]}")
    # The law's line and its two § rows on Lovgrundlag, and the prose in Generel information.
    assert fundne >= 4, fundne
    assert mangler == [], "\n".join(mangler)
    assert for_meget == [], "\n".join(for_meget)
