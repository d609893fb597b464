"""Live reload under the CSP (issue 19): a page open under `mkdocs serve` shows each save by itself.

MkDocs' dev server injected its reload poller as an inline script, which the site's CSP blocks,
so the open page never changed. generator/site/genindlaes.py serves the poller as a file instead;
the policy is the one the published site has, and the published site has no poller.
How fast is measured in benchmarks/bench.py (the editor's loop, in Chromium); here: that it happens.
"""
from __future__ import annotations

import os
import re
import shutil
import statistics

import pytest

from generator.site import genindlaes
from scripts.serveproces import Serve
from scripts.sitebrowser import VIEWPORT, chromium, chromium_findes

from ..support import DATA, ROD, kopier_projekt, pdf_som_aktuel
from .test_browser import _mangler
from .test_csp import _LYT

SIDE = "katalog/indsatser/k-2-1-rengoering/"
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"')


@pytest.fixture(scope="module")
def serve(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("genindlaes")
    data_kopi = tmp_path / "data"
    shutil.copytree(DATA, data_kopi)
    projekt = kopier_projekt(tmp_path / "projekt", data_kopi, serve=True)
    pdf_som_aktuel(projekt / "content", data_kopi)
    s = Serve(projekt, env={**os.environ, "PYTHONPATH": str(ROD)})
    s.vent_paa_log("Serving on", timeout=300)
    yield s, data_kopi
    s.stop()


def test_the_built_site_has_no_poller_and_no_inline_script_allowance(bygget):
    assert not (bygget / genindlaes.FIL).exists()
    html = (bygget / SIDE / "index.html").read_text(encoding="utf-8")
    script_src = next(d for d in CSP.search(html).group(1).split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "nonce-" not in script_src, script_src
    assert "livereload" not in html


@pytest.mark.slow
def test_served_pages_load_the_poller_as_a_file_under_the_same_policy(serve, bygget):
    s, _ = serve
    html = s.hent(SIDE)
    assert CSP.search(html).group(1) == CSP.search((bygget / SIDE / "index.html").read_text("utf-8")).group(1)
    assert re.search(r'<script src="/assets/javascripts/genindlaes\.js" data-epoch="\d+" data-request="\d+">'
                     r"</script>\s*</body>", html), html[-500:]
    # No executable inline script: every <script> without src is data (Material's JSON config).
    for attrs, indhold in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        # JSON and JSON-LD are data, not script: the CSP leaves them alone and they run nothing.
        assert "src=" in attrs or "application/json" in attrs or "application/ld+json" in attrs or not indhold.strip(), (
            attrs, indhold[:200])
    assert "location.reload()" in s.hent(genindlaes.FIL)


@pytest.mark.browser
@pytest.mark.slow
def test_three_saves_show_on_the_open_page_without_a_csp_violation(serve):
    if not chromium_findes():
        _mangler("Debians chromium mangler: apt-get install chromium")
    s, data = serve
    with chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        page.add_init_script(_LYT)
        konsol: list[str] = []
        page.on("console", lambda m: konsol.append(m.text))
        page.goto(s.url + SIDE)
        page.wait_for_function("() => document.body.innerText.includes('Hjælp til rengøring af dit hjem')")
        page.wait_for_timeout(500)  # the poller is waiting for the next build
        tider = []
        gammel = "Hjælp til rengøring af dit hjem"
        for n in range(1, 4):
            ny = f"Hjælp til rengøring ({n}) af dit hjem"
            # The benchmark's measurement (scripts/serveproces.py): never page.reload().
            tider.append(s.rediger_i_browser(page, data / "indsatser.yaml", gammel, ny, rolig=0.3).synlig)
            assert page.evaluate("window.__csp") == [], page.evaluate("window.__csp")
            gammel = ny
        print(f"gem → synlig på den åbne side: {', '.join(f'{t:.2f}' for t in tider)} s "
              f"(median {statistics.median(tider):.2f} s)")
        assert not [m for m in konsol if "Content Security Policy" in m], konsol
        assert "Enabled live reload" in konsol, konsol
    # serve logs only what the editor needs: no 404 for versions.json (no mike here) on every page view.
    assert "code 404" not in s.log(500), s.log(500)
