"""`mkdocs serve` with broken data shows the located messages in the browser, and the site returns.

A real `mkdocs serve --strict` on 127.0.0.1 (scripts/serveproces.py), started on broken data:
the front page and any other address show the error page with the same messages `check`
prints, escaped. Fixing the data brings the site back; breaking it again shows the page
again. Every wait is bounded. `mkdocs build --strict` on the same broken data still fails.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from generator.site import urls
from scripts.serveproces import Serve

from ..support import DATA, ROD, byg_site, kopier_projekt

pytestmark = pytest.mark.slow

MILJOE = {**os.environ, "PYTHONPATH": str(ROD), "NO_MKDOCS_2_WARNING": "1"}
FEJLSIDE = "Data har fejl – kataloget kan ikke vises"


def hent(url: str) -> tuple[int, str]:
    """Status and text of `url`; the error page is also served with 404 at addresses that do not exist."""
    try:
        with urllib.request.urlopen(url, timeout=30) as svar:
            return svar.status, svar.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def vent_paa(serve: Serve, url: str, betingelse, sekunder: float = 300) -> tuple[int, str]:
    """Fetch `url` until `betingelse(status, html)` holds (bounded; fails at once if serve died)."""
    slut = time.monotonic() + sekunder
    status, tekst = 0, ""
    while time.monotonic() < slut:
        assert serve.proces.poll() is None, "mkdocs serve stoppede:\n" + serve.log()
        status, tekst = hent(url)
        if betingelse(status, tekst):
            return status, tekst
        time.sleep(0.5)
    pytest.fail(f"{url} blev ikke som ventet inden {sekunder} s (sidst {status}): {tekst[:300]}\n{serve.log()}")


def beskeder(tekst: str) -> list[str]:
    """The messages on the error page, unescaped."""
    return [html.unescape(m) for m in re.findall(r"<li><code>(.*?)</code></li>", tekst, re.S)]


def test_serve_viser_datafejl_og_kommer_tilbage(tmp_path, bygget_pdf):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("tidligere"))
    projekt = kopier_projekt(tmp_path / "projekt", data, serve=True)
    pdf = projekt / "content" / urls.PDF
    pdf.parent.mkdir(parents=True)
    for fil in bygget_pdf:  # the session's PDF: current for this data, so the site returns without a render
        shutil.copy2(fil, pdf.with_name(fil.name))
    katalog = data / "katalog.yaml"
    god = katalog.read_text(encoding="utf-8")
    # Two problems: an impossible date, and a field whose name is markup (it must stay text).
    katalog.write_text(god.replace('dato: "2014-05"', 'dato: "2014-02-30"')
                       .replace("kontakt:\n", "<b>fed</b>: 1\nkontakt:\n"), encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "generator", "--data", str(data), "check"], cwd=projekt,
                           capture_output=True, text=True, env=MILJOE)
    assert check.returncode == 1
    forventet = [linje for linje in check.stderr.splitlines() if re.match(r"\S+\.yaml:\d+: ", linje)]
    assert len(forventet) == 2, check.stderr

    build = byg_site(projekt, tmp_path / "site")
    assert build.returncode != 0 and "2014-02-30 er ikke en dato" in build.stdout + build.stderr

    serve = Serve(projekt, env=MILJOE)
    try:
        # 1. Broken data: the front page and a deep address show the messages, escaped.
        status, side = vent_paa(serve, serve.url, lambda s, t: FEJLSIDE in t)
        assert status == 200 and beskeder(side) == forventet
        assert "&lt;b&gt;fed&lt;/b&gt;" in side and "<b>fed</b>" not in side
        dyb = serve.url + urls.url_i_site(urls.GENEREL)
        status, side = vent_paa(serve, dyb, lambda s, t: FEJLSIDE in t)
        assert status == 404 and beskeder(side) == forventet

        # 2. Fixed: the site returns, at the same addresses.
        katalog.write_text(god, encoding="utf-8")
        status, side = vent_paa(serve, dyb, lambda s, t: s == 200 and FEJLSIDE not in t)
        assert "Generel information" in side
        status, side = vent_paa(serve, serve.url, lambda s, t: s == 200 and FEJLSIDE not in t)
        assert "Kvalitetsstandarder" in side

        # 3. Broken again: the error page again, with the new message.
        katalog.write_text(god.replace("år: 2014", "år: totusindfjorten"), encoding="utf-8")
        status, side = vent_paa(serve, serve.url, lambda s, t: FEJLSIDE in t)
        assert any(re.search(r"katalog\.yaml:\d+: katalog: år: forkert type", b) for b in beskeder(side)), side
    finally:
        assert serve.stop() == 0, serve.log()
