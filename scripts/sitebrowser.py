"""Drive the built site in Debian's Chromium: a local server, the search box, the result list.

Shared by tests/test_browser.py, benchmarks/soegning.py and scripts/skaermbilleder.py.
Never downloads a browser: Playwright is pointed at /usr/bin/chromium.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

CHROMIUM = os.environ.get("KATALOG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 900}


def chromium_findes() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


class _Stille(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def server(rod: Path) -> Iterator[str]:
    """Serve `rod` on 127.0.0.1 (a free port, one thread per request); yields the base URL."""
    handler = functools.partial(_Stille, directory=str(rod))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    traad = threading.Thread(target=httpd.serve_forever, daemon=True)
    traad.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        traad.join(timeout=5)


@contextlib.contextmanager
def chromium() -> Iterator["playwright.sync_api.Browser"]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# ------------------------------------------------------------------ search

_VENT_PAA_RESULTAT = """(q) => {
  const res = document.querySelector('.md-search-result');
  if (!res) return false;
  // The Pagefind search (content/javascripts/soegning.js) marks the query it has rendered.
  if (res.hasAttribute('data-soegning')) return res.getAttribute('data-soegning') === q;
  // Material's own search: wait until its result meta no longer says it is starting.
  const meta = res.querySelector('.md-search-result__meta');
  return !!meta && !/start|indtast|initiali|type to/i.test(meta.textContent);
}"""


def aabn_soegning(page) -> None:
    """Put the keyboard focus in the search box as a user would: the '/' shortcut."""
    page.locator("body").press("Escape")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.matches('input.md-search__input')",
                           timeout=5000)


def soeg(page, q: str, antal: int = 5) -> list[str]:
    """Type `q` into the site's search box; the URL paths of the first `antal` result pages."""
    felt = page.locator("input.md-search__input")
    if not felt.evaluate("e => e === document.activeElement"):
        aabn_soegning(page)
    felt.fill("")
    felt.type(q, delay=5)
    page.wait_for_function(_VENT_PAA_RESULTAT, arg=q, timeout=10000)
    # Material's search answers asynchronously as the query grows: let the list settle.
    forrige = None
    for _ in range(40):
        hrefs = page.eval_on_selector_all(
            ".md-search-result__list > li",
            "lis => lis.map(li => { const a = li.querySelector('a'); return a ? a.href : ''; })")
        if hrefs == forrige:
            break
        forrige = hrefs
        page.wait_for_timeout(60)
    sider: list[str] = []
    for href in forrige or []:
        sti = unquote(urlsplit(href).path)
        if sti and sti not in sider:
            sider.append(sti)
    return sider[:antal]
