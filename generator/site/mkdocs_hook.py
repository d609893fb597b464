"""MkDocs hook: run the generator before every build, so `mkdocs build` alone builds the site.

Configured in mkdocs.yml under `hooks:`. The data folder is `extra.katalog_data`
(relative to mkdocs.yml). Navigation comes from the data, not from the file tree.
Bad data stops the build with the generator's located messages. After the build,
Pagefind indexes the site for the search box (on_post_build).
"""
from __future__ import annotations

import logging
import subprocess
import sys
from html import escape
from pathlib import Path

from mkdocs.exceptions import Abort

from generator.problemer import DataFejl  # absolute: MkDocs loads hooks as standalone modules
from generator.site.byg import byg
from generator.site.visning import kontakt_tekst

log = logging.getLogger("mkdocs.hooks.kvalitetsstandard")


def kontaktlinje(katalog) -> str:
    """Footer contact, from the data so it is written once (escaped: it ends up in HTML)."""
    info = katalog.info
    return (f"{escape(info.kommune.navn)}, {escape(kontakt_tekst(info))} · "
            f'<a href="{escape(info.kommune.hjemmeside)}">{escape(info.kommune.hjemmeside.removeprefix("https://"))}</a>')


def on_config(config, **kwargs):
    rod = Path(config.config_file_path).parent
    data_dir = rod / config.extra.get("katalog_data", "data")
    try:
        resultat = byg(data_dir, Path(config.docs_dir))
    except DataFejl as e:
        raise Abort("Data har fejl — ret dem og byg igen:\n" + "\n".join(str(p) for p in e.problemer))
    for p in resultat.katalog.advarsler:
        log.warning(str(p))  # under --strict a data warning stops publishing until an editor decides
    log.info("kataloget: %d sider skrevet, %d uændrede", resultat.skrevet, resultat.uaendret)
    config.nav = resultat.visning.register.nav()
    config.copyright = kontaktlinje(resultat.katalog)
    return config


# ------------------------------------------------------------------ search (Pagefind)

def on_post_build(config, **kwargs):
    """Search: index the built site with Pagefind (stems Danish: <html lang="da">) into <site>/pagefind/."""
    # Only <article data-pagefind-body> is indexed (overrides/main.html); the "¶" permalinks are not.
    r = subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--quiet",
                        "--exclude-selectors", ".headerlink"], capture_output=True, text=True)
    if r.returncode != 0:
        raise Abort("Pagefind kunne ikke bygge søgeindekset:\n" + r.stdout + r.stderr)
    log.info("søgning: Pagefind-indeks skrevet i %s", Path(config.site_dir) / "pagefind")
