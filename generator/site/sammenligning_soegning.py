"""MkDocs hook of the comparison's own site (`python -m generator sammenlign`): its search index.

Copied into the generated project (hooks/soegning.py) by `sammenligning.websted`, so the project
builds without this repository's code: it needs only MkDocs, Material and pagefind[bin]. After
every build Pagefind indexes the built pages' content (the <article>, not the navigation, which
names every service on every page; not the "¶" permalinks, nor what every service page repeats)
into <site>/pagefind/; the index page's search field (assets/javascripts/sammenligning-soegning.js)
asks it. Material's own lunr search is
off (plugins: []): its index is ~10 KB a catalogue, fetched whole by the browser, Pagefind's ~0.2 KB,
fetched in fragments (benchmarks/skalering-kataloger-*.md); and Pagefind stems Danish.
"""

from __future__ import annotations

import subprocess

import pagefind_bin
from mkdocs.exceptions import Abort

# The same pointer to the index page and the same years warning on every service page are not what
# a page is found by.
KOMMANDO = [
    "--root-selector",
    "article",
    "--exclude-selectors",
    ".headerlink, .sammenligning-henvisning, .admonition",
    "--quiet",
]


def on_post_build(config, **kwargs):
    kommando = [str(pagefind_bin.get_executable()), "--site", config.site_dir, *KOMMANDO]
    r = subprocess.run(kommando, capture_output=True, text=True)
    if r.returncode != 0:
        raise Abort("Pagefind kunne ikke bygge sammenligningens søgeindeks:\n" + (r.stderr or r.stdout))
