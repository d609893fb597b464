"""serve: a page whose Markdown is unchanged is not converted again (generator/site/omsatte.py),
and the site a rebuild makes is byte for byte the one a fresh build of the same data makes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..support import DATA, ROD, kopier_projekt, pdf_som_aktuel

# Builds as `mkdocs serve` does (on_startup "serve", a site_url, a new config per build), in one
# process, so the conversions kept in memory are there for the second build.
_BYG = r"""
import json, sys
from mkdocs.config import load_config
from mkdocs.commands.build import build
from generator.site import baggrund, omsatte
cfg, site, gem, ny = sys.argv[1:5]
tal = []
for n in range(2 if ny else 1):
    if n:
        sti, gammel, nyt = json.loads(ny)
        tekst = open(sti, encoding="utf-8").read()
        open(sti, "w", encoding="utf-8").write(tekst.replace(gammel, nyt, 1))
    c = load_config(config_file=cfg, site_dir=site)
    c.plugins.on_startup(command="serve", dirty=False)
    c.site_url = "http://127.0.0.1:8000/"
    build(c, serve_url=c.site_url, dirty=False)
    tal.append(dict(omsatte.tal))
baggrund.stop_alle()
print(json.dumps(tal))
"""


def _byg(projekt: Path, site: Path, rediger: tuple[str, str, str] | None = None) -> list[dict[str, int]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROD)}
    r = subprocess.run([sys.executable, "-c", _BYG, str(projekt / "mkdocs.yml"), str(site), "",
                        json.dumps(rediger) if rediger else ""], capture_output=True, text=True, env=env, cwd=projekt)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def _filer(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and "pagefind" not in p.parts}


@pytest.mark.slow
def test_a_rebuild_reuses_unchanged_pages_and_makes_the_site_a_fresh_build_makes(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    projekt = kopier_projekt(tmp_path / "projekt", data, serve=True)
    pdf_som_aktuel(projekt / "content", data)
    gammel, ny = "Hjælp til rengøring af dit hjem", "Hjælp til rengøring (ændret) af dit hjem"
    foer, efter = _byg(projekt, tmp_path / "a", (str(data / "indsatser.yaml"), gammel, ny))
    assert foer["genbrugt"] == 0 and foer["omsat"] > 20, foer
    # The edit changes a few pages (the intervention, its standard, the overviews); the rest are reused.
    assert 0 < efter["omsat"] < 10 and efter["genbrugt"] >= foer["omsat"] - 10, efter
    side = (tmp_path / "a" / "katalog/indsatser/k-2-1-rengoering/index.html").read_text(encoding="utf-8")
    assert ny in side
    # A fresh process converts every page of the edited data: the same site, byte for byte.
    frisk = _byg(projekt, tmp_path / "b")
    assert frisk[0]["genbrugt"] == 0
    a, b = _filer(tmp_path / "a"), _filer(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [s for s in a if a[s] != b[s]] == []


@pytest.mark.parametrize("kommando", ["serve", "build"])
def test_dirty_is_refused_with_a_reason_before_anything_is_built(tmp_path, kommando):
    # MkDocs' --dirty keeps pages whose own file did not change: with pages made from data, stale
    # navigation and overviews; under strict its own warning stopped the build with no reason given.
    projekt = kopier_projekt(tmp_path / "projekt", DATA, serve=True)
    r = subprocess.run([sys.executable, "-m", "mkdocs", kommando, "--dirty", "-f", str(projekt / "mkdocs.yml")],
                       capture_output=True, text=True, timeout=120, cwd=projekt,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROD)})
    assert r.returncode == 1
    ud = r.stdout + r.stderr
    assert "--dirty virker ikke med kataloget" in ud and "Kør uden --dirty (make serve)" in ud, ud
    assert "Traceback" not in ud
    assert not (projekt / "content" / "katalog").exists()  # refused before the generator wrote anything
