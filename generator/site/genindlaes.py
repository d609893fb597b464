"""serve: MkDocs' live reload under the site's Content-Security-Policy.

MkDocs' dev server injects its reload poller into every served page as an *inline* script,
and the CSP in overrides/main.html (``script-src 'self'``) blocks it: the open page never
reloaded. Rather than relax the policy under serve (the editor would then test a site that
behaves differently from the published one), the same poller is served as a file of the
site (`FIL`) and the page gets ``<script src=…>`` with the two numbers MkDocs wrote inline as
data attributes. The policy is the same in serve and build; the file exists only under serve
(`skriv` is called from the hook's on_post_build in serve, never in build).

This replaces a private method of MkDocs' LiveReloadServer (mkdocs==1.6.1 is pinned; the
browser test in tests/site/test_genindlaes.py fails if it changes).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import watchdog.observers.polling
from mkdocs import livereload

FIL = "assets/javascripts/genindlaes.js"
"""Where the poller is written in the served site (under serve only)."""

INTERVAL = 0.1
"""Seconds between looks at the watched files (MkDocs: 0.5 s, a quarter of the editor's 2 s).
The watched folders are small (data/, the templates, four hand-written pages): a look costs
well under a millisecond."""

_KALD = re.compile(r"\nlivereload\(\$\{epoch\}, \$\{request_id\}\);\s*$")


def script() -> str:
    """MkDocs' own poller, started from the script tag's data attributes instead of inline."""
    kilde = livereload._SCRIPT_TEMPLATE_STR
    if not _KALD.search(kilde):
        raise RuntimeError("MkDocs' livereload-script har ændret form; se generator/site/genindlaes.py")
    return (
        _KALD.sub("\n", kilde)
        + ";(function (s) { livereload(Number(s.dataset.epoch), Number(s.dataset.request)); })"
        + "(document.currentScript);\n"
    )


def skriv(site_dir: str | Path) -> None:
    sti = Path(site_dir) / FIL
    sti.parent.mkdir(parents=True, exist_ok=True)
    sti.write_text(script(), encoding="utf-8")


def installer(server: Any) -> None:
    """Make `server` (MkDocs' LiveReloadServer) inject ``<script src>`` instead of an inline script,
    and look for saved files every `INTERVAL` s (called from on_serve, before the server starts)."""
    stier = dict(server._watched_paths)
    for sti, antal in stier.items():
        for _ in range(antal):
            server.unwatch(sti)
    server.observer = watchdog.observers.polling.PollingObserver(timeout=INTERVAL)
    for sti, antal in stier.items():
        for _ in range(antal):
            server.watch(sti)
    src = (server.mount_path.rstrip("/") + "/" + FIL).encode()

    def injicer(content: bytes, epoch: int) -> bytes:
        try:
            slut = content.rindex(b"</body>")
        except ValueError:
            slut = len(content)
        tag = b'<script src="%b" data-epoch="%d" data-request="%d"></script>' % (src, epoch, livereload._timestamp())
        return content[:slut] + tag + content[slut:]

    server._inject_js_into_html = injicer
