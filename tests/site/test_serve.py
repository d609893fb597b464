"""`mkdocs serve` as the editor uses it: save a data file, and the served page shows the edit
after exactly one rebuild (the hook's own writes to content/ must not trigger a second).

A real `mkdocs serve` on 127.0.0.1 (scripts/serveproces.py) on a copy of the project and data.
How fast is measured in benchmarks/bench.py, not here.
"""
from __future__ import annotations

import os
import shutil

import pytest

from generator.site import urls
from scripts.serveproces import Serve

from ..support import DATA, ROD, kopier_projekt

pytestmark = pytest.mark.slow

SIDE = "katalog/indsatser/k-2-1-rengoering/"


@pytest.fixture(scope="module")
def serve(tmp_path_factory, bygget_pdf):
    """One `mkdocs serve` for the module, on copies of the project and the data."""
    tmp_path = tmp_path_factory.mktemp("serve")
    data_kopi = tmp_path / "data"
    shutil.copytree(DATA, data_kopi)
    projekt = kopier_projekt(tmp_path / "projekt", data_kopi, serve=True)
    pdf = projekt / "content" / urls.PDF
    pdf.parent.mkdir(parents=True)
    for fil in bygget_pdf:  # the session's PDF: current for this data, so the first build does not render
        shutil.copy2(fil, pdf.with_name(fil.name))
    s = Serve(projekt, env={**os.environ, "PYTHONPATH": str(ROD)})
    s.vent_paa_log("Serving on", timeout=300)
    yield s, projekt, data_kopi
    s.stop()  # Ctrl-C; MkDocs stops the hook's background work (on_shutdown)


def test_a_data_edit_is_one_rebuild_and_shows_on_the_page(serve):
    s, projekt, data = serve
    assert "Hjælp til rengøring af dit hjem" in s.hent(SIDE)
    r = s.rediger(data / "indsatser.yaml", "Hjælp til rengøring af dit hjem",
                  "Hjælp til rengøring af hele dit hjem", SIDE, rolig=1.5)
    assert r.genopbygninger == 1, s.log()
    assert "Hjælp til rengøring af hele dit hjem" in s.hent(SIDE)
    # The hook wrote the page's Markdown, which serve does not watch: nothing else followed.
    assert "kataloget: " in s.log() and s.antal("Detected file changes", efter=0) == 1


def test_a_hand_written_page_is_still_watched(serve):
    s, projekt, _ = serve
    side = urls.url_i_site(urls.OM_KATALOGET)
    tekst = (projekt / "content" / urls.OM_KATALOGET).read_text(encoding="utf-8")
    linje = next(l for l in tekst.splitlines() if l.startswith("# "))
    r = s.rediger(projekt / "content" / urls.OM_KATALOGET, linje, linje + " (rettet)", side, rolig=1.5,
                  vises=linje.removeprefix("# ") + " (rettet)")
    assert r.genopbygninger == 1, s.log()
