"""The page registry: one place that knows every page; navigation and the PDF derive from it."""
from __future__ import annotations

import pytest

from generator.site import urls
from generator.site.sider import DobbeltSide, Side, Sideregister


def test_a_second_page_at_one_path_is_an_error():
    r = Sideregister()
    r.tilfoej(Side("katalog/a.md", "A", "a.md.j2"))
    with pytest.raises(DobbeltSide, match="katalog/a.md"):
        r.tilfoej(Side("katalog/a.md", "B", "b.md.j2"))


def test_navigation_groups_and_pdf_follow_registration_order():
    r = Sideregister()
    r.tilfoej(Side("index.md", "Kataloget", "f.md.j2", nav_titel="Forside"))
    r.tilfoej(Side("g/index.md", "Gruppe", "g.md.j2", gruppe="Gruppe", gruppeforside=True))
    r.tilfoej(Side("g/a.md", "A <b>", "a.md.j2", gruppe="Gruppe", i_pdf=True))
    r.tilfoej(Side("om.md", "Om", None, gruppe="Om"))
    assert r.nav() == [{"Forside": "index.md"}, {"Gruppe": ["g/index.md", {"A &lt;b&gt;": "g/a.md"}]},
                       {"Om": [{"Om": "om.md"}]}]
    assert [s.sti for s in r.pdf()] == ["g/a.md"]
    assert [s.sti for s in r.genererede()] == ["index.md", "g/index.md", "g/a.md"]


def test_the_real_registry_holds_every_page_once(visning, katalog):
    stier = [s.sti for s in visning.register]
    assert len(stier) == len(set(stier))
    assert set(visning.indsats_sti.values()) | set(visning.standard_sti.values()) <= set(stier)
    assert {urls.SERVICENIVEAU, urls.SAGSBEHANDLINGSFRISTER, urls.LOVGRUNDLAG, urls.AENDRINGER} <= set(stier)
    pdf = [s.sti for s in visning.register.pdf()]
    assert pdf[0] == urls.GENEREL and len(pdf) == 1 + len(katalog.standarder) + len(katalog.indsatser) + 4
