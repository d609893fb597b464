"""A large catalogue's navigation stays small on every page (mkdocs_hook.begraens_navigation): a
group of more than NAV_GRUPPE pages is nested in runs, and runs of runs, so with navigation.prune a
page carries its own run, its run's siblings and the top — not one link per run. At 10,000
interventions the flat runs made 300 KB of each page's 330 KB, and the site grew with its square."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from generator.site.mkdocs_hook import NAV_GRUPPE, begraens_navigation


def _nav(antal: int) -> list:
    return [{"Indsatser": ["katalog/indsatser/index.md",
                           *({f"K.{n // 100}.{n % 100 + 1} Indsats {n}": f"katalog/indsatser/i{n}.md"} for n in range(antal))]}]


def _sider(punkt) -> list[str]:
    if isinstance(punkt, str):
        return [punkt]
    if isinstance(punkt, list):
        return [s for p in punkt for s in _sider(p)]
    return [s for v in punkt.values() for s in _sider(v)]


def _synlige(nav: list, side: str) -> int:
    """Links a pruned navigation shows on `side`: every item of each level on the way to it."""
    antal = len(nav)
    for punkt in nav:
        if isinstance(punkt, dict):
            indhold = next(iter(punkt.values()))
            if isinstance(indhold, list) and side in _sider(indhold):
                return antal + _synlige(indhold, side)
    return antal


@pytest.mark.parametrize("antal", [14, 120, 2_300, 10_000])
def test_every_page_stays_in_order_and_a_page_shows_about_three_runs_of_links(antal):
    config = SimpleNamespace(theme={"features": []})
    nav = begraens_navigation(_nav(antal), config)
    sider = _sider(nav)
    assert sider == _sider(_nav(antal))  # nothing lost, nothing moved
    if antal <= NAV_GRUPPE:
        assert nav == _nav(antal) and config.theme["features"] == []  # a real catalogue's group: as it was
        return
    assert "navigation.prune" in config.theme["features"]
    for side in (sider[1], sider[len(sider) // 2], sider[-1]):
        assert _synlige(nav, side) <= 3 * NAV_GRUPPE + 2, (antal, side)
