"""The page `mkdocs serve` shows while the data has errors: the located messages, escaped.

Under `mkdocs serve` the hook does not stop on bad data (the browser would wait for a
site that never comes); it builds this one page instead — as the site's front page and as
its 404 page, so every address shows it — and keeps watching. When the data is fixed, the
next rebuild brings the site back. `mkdocs build` still stops with the same messages.

The page is self-contained (no theme, no scripts, no requests) so it works whatever else
is broken. mkdocs' livereload reloads the front page after each rebuild; the 404 page,
which livereload does not touch, reloads itself every few seconds.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..problemer import Niveau, Problem

GENINDLAES_SEKUNDER = 3


def html(problemer: list[Problem], genindlaes: bool = False) -> str:
    """The error page. Every message is escaped: data never becomes markup here either."""
    fejl = [p for p in problemer if p.niveau is Niveau.FEJL]
    punkter = "\n".join(f"<li><code>{escape(str(p))}</code></li>" for p in problemer)
    meta = f'<meta http-equiv="refresh" content="{GENINDLAES_SEKUNDER}">\n' if genindlaes else ""
    return f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{meta}<title>Data har fejl – kataloget kan ikke vises</title>
<style>
  body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
         color: #1a1a1a; line-height: 1.5; }}
  h1 {{ color: #a00000; font-size: 1.6rem; }}
  li {{ margin: 0 0 .75rem; }}
  code {{ font-family: ui-monospace, monospace; font-size: .95rem; white-space: pre-wrap;
          overflow-wrap: anywhere; }}
</style>
</head>
<body>
<main>
<h1>Data har fejl – kataloget kan ikke vises</h1>
<p>{len(fejl)} fejl skal rettes i datafilerne, før kataloget kan bygges. Hver linje siger
<strong>fil:linje: post: felt: hvad er galt (hint: sådan retter du)</strong>.</p>
<ol>
{punkter}
</ol>
<p>Ret fejlene og gem filen. Siden opdateres af sig selv, når data er i orden igen.</p>
</main>
</body>
</html>
"""


def skriv(site_dir: Path | str, problemer: list[Problem]) -> None:
    """Write the error page as the site's front page and its 404 page (any address shows it)."""
    site_dir = Path(site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "index.html").write_text(html(problemer), encoding="utf-8")
    (site_dir / "404.html").write_text(html(problemer, genindlaes=True), encoding="utf-8")
