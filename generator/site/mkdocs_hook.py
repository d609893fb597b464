"""MkDocs hook: run the generator before every build, so `mkdocs build` alone builds the site.

Configured in mkdocs.yml under `hooks:`. The data folder is `extra.katalog_data`
(relative to mkdocs.yml). Navigation comes from the data, not from the file tree.
Bad data stops the build with the generator's located messages. After the build,
Pagefind indexes the site for the search box (on_post_build).

Defence in depth (generator/site/rens.py): the content of every page built from data is
cleaned by an allowlist sanitizer (on_page_content), and every page, theme included, is
verified to hold no event handler, no javascript:/data:/vbscript: URL and no inline script
(on_post_page, on_post_template); one found stops the build.
"""
from __future__ import annotations

import logging
import subprocess
import sys
from html import escape
from pathlib import Path

from mkdocs.exceptions import Abort

from generator.problemer import DataFejl  # absolute: MkDocs loads hooks as standalone modules
from generator.site import soegemeta, soegeordbog
from generator.site.byg import byg
from generator.site.rens import farlige_steder, rens
from generator.site.visning import kontakt_tekst

log = logging.getLogger("mkdocs.hooks.kvalitetsstandard")
_visning = None  # this build's view model (set by on_config), for the pages' search metadata


def kontaktlinje(katalog) -> str:
    """Footer contact, from the data so it is written once (escaped: it ends up in HTML)."""
    info = katalog.info
    return (f"{escape(info.kommune.navn)}, {escape(kontakt_tekst(info))} · "
            f'<a href="{escape(info.kommune.hjemmeside)}">{escape(info.kommune.hjemmeside.removeprefix("https://"))}</a>')


_GENEREREDE: set[str] = set()
"""docs_dir paths of the pages built from data (set by on_config)."""


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
    _GENEREREDE.clear()
    _GENEREREDE.update(s.sti for s in resultat.visning.register.genererede())
    config.nav = resultat.visning.register.nav()
    global _visning
    _visning = resultat.visning
    config.copyright = kontaktlinje(resultat.katalog)
    return config


# ------------------------------------------------------------------ defence in depth

def on_page_content(html, page, config, files, **kwargs):
    """A page built from data keeps only the allowlisted markup."""
    if page.file.src_uri in _GENEREREDE:
        return rens(html)
    return html


def _verificer(html: str, hvad: str) -> None:
    fundne = farlige_steder(html)
    if fundne:
        raise Abort(f"{hvad} indeholder noget, der kan køre kode i browseren — intet er publiceret:\n"
                    + "\n".join(f"  {f}" for f in fundne[:20]))


def on_post_page(output, page, config, **kwargs):
    _verificer(output, f"Siden {page.file.src_uri}")
    return output


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name.endswith(".html"):
        _verificer(output_content, f"Skabelonen {template_name}")
    return output_content


# ------------------------------------------------------------------ search (Pagefind)

def on_page_context(context, page, config, nav):
    """Search metadata (group, summary, service level) for overrides/main.html."""
    if _visning is not None and page.file:
        page.meta["soegning"] = soegemeta.sidemeta(_visning, page.file.src_uri)
    return context


def on_post_build(config, **kwargs):
    """Search: index the built site with Pagefind (stems Danish: <html lang="da">) into <site>/pagefind/."""
    # The search box's dictionary (stop words, the indexed words for typos and compounds).
    soegeordbog.skriv(Path(config.site_dir))
    # Only <article data-pagefind-body> is indexed (overrides/main.html); the "¶" permalinks are not.
    r = subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--quiet",
                        "--exclude-selectors", ".headerlink"], capture_output=True, text=True)
    if r.returncode != 0:
        raise Abort("Pagefind kunne ikke bygge søgeindekset:\n" + r.stdout + r.stderr)
    log.info("søgning: Pagefind-indeks skrevet i %s", Path(config.site_dir) / "pagefind")
