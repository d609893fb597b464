"""MkDocs hook: run the generator before every build, so `mkdocs build` alone builds the site.

Configured in mkdocs.yml under `hooks:`. The data folder is `extra.katalog_data`
(relative to mkdocs.yml). Navigation comes from the data, not from the file tree.
Bad data stops the build with the generator's located messages.
"""
from __future__ import annotations

import json
import logging
from html import escape
from pathlib import Path

from mkdocs.exceptions import Abort

from generator.byg import byg  # absolute: MkDocs loads hooks as standalone modules
from generator.problemer import DataFejl
from generator.visning import kontakt_tekst

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
    config.nav = resultat.visning.nav()
    config.copyright = kontaktlinje(resultat.katalog)
    return config



# ------------------------------------------------------------------ search (Pagefind)
# The standard and intervention templates end with a "Søgeord: …" line from the data's
# `søgeord`. The introduction's keywords belong to the hand-made "Generel information"
# template (generel.md.j2); until that template carries the same block, they are added here,
# read from the open-data export the generator just wrote (katalog.json = the validated data).
SOEGEORD_VAEGT = 5  # Pagefind weight of the keyword line; headings weigh 7 (h1) to 5 (h3), text 1


def soegeord_linje(ord: list[str]) -> str:
    return (f'\n\n<p class="soegeord" data-pagefind-weight="{SOEGEORD_VAEGT}"><small>Søgeord: '
            f'{escape(", ".join(ord), quote=False)}</small></p>\n')


def on_page_markdown(markdown, page, config, **kwargs):
    from generator import urls

    if page.file.src_uri != urls.GENEREL or 'class="soegeord"' in markdown:
        return markdown
    eksport = Path(config.docs_dir) / urls.DATA_JSON
    try:
        ord = json.loads(eksport.read_text(encoding="utf-8"))["introduktion"]["søgeord"]
    except (OSError, KeyError, ValueError):
        return markdown
    return markdown.rstrip("\n") + soegeord_linje(ord) if ord else markdown


def on_post_build(config, **kwargs):
    """Search: index the built site with Pagefind (stems Danish: <html lang="da">) into <site>/pagefind/."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--quiet"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise Abort("Pagefind kunne ikke bygge søgeindekset:\n" + r.stdout + r.stderr)
    log.info("søgning: Pagefind-indeks skrevet i %s", Path(config.site_dir) / "pagefind")
