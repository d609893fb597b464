"""MkDocs hook: run the generator before every build, so `mkdocs build` alone builds the site.

Configured in mkdocs.yml under `hooks:`. The data folder is `extra.katalog_data`
(relative to mkdocs.yml). Navigation comes from the data, not from the file tree.
Bad data stops the build with the generator's located messages — except under
`mkdocs serve`, which shows them as a page in the browser and keeps watching
(`site.fejlside`); the site returns with the rebuild after the data is fixed.

Defence in depth (generator/site/rens.py): the content of every page built from data is
cleaned by an allowlist sanitizer (on_page_content), and every page, theme included, is
verified to hold no event handler, no javascript:/data:/vbscript: URL and no inline script
(on_post_page, on_post_template); one found stops the build. A page that comes out byte for
byte as one the last build verified is not read again (mellemlager.verificerede).

`mkdocs build` (also under mike) always ends with a current PDF and Pagefind index.
`mkdocs serve` is the editor's loop — save, look — so there a data edit is one rebuild:
the generated files are not watched (the hook writes them), and the PDF and the index
are made in the background after the pages are served (generator/site/baggrund.py);
until then the PDF link serves the last rendered PDF.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import pagefind_bin
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files, InclusionLevel

from generator.formater import dansk_dato
from generator.problemer import DataFejl, Problem  # absolute: MkDocs loads hooks as standalone modules
from generator.site import (
    baggrund,
    dansk_ordbog,
    fejlside,
    genindlaes,
    kontaktlinks,
    mellemlager,
    omsatte,
    pdf,
    soegemeta,
    soegeordbog,
    urls,
)
from generator.site.ankre import overskrift_id
from generator.site.byg import byg
from generator.site.mellemlager import Bygning
from generator.site.rens import farlige_steder, rens
from generator.site.visning import kontakt_tekst
from generator.tjek import omfang

log = logging.getLogger("mkdocs.hooks.kvalitetsstandard")

PDF_JOB, PAGEFIND_JOB = "PDF", "Pagefind"


@dataclass
class Tilstand:
    """One site's build state. Kept per configuration file, so two catalogues built in one process
    (several sites, a test session) never see each other's pages or errors."""

    bygning: Bygning | None = None
    """This build's generator result."""
    genererede: set[str] = field(default_factory=set)
    """docs_dir paths of the pages built from data (set by on_config)."""
    verificerede: set[str] = field(default_factory=set)
    """Hashes of pages the last build verified clean; `sete`: this build's pages (all clean, or it stops)."""
    sete: set[str] = field(default_factory=set)
    datafejl: list[Problem] | None = None
    """serve: the data's problems while the error page stands in for the site (None: the data is fine)."""


_TILSTANDE: dict[str, Tilstand] = {}


def tilstand(config) -> Tilstand:
    """The state of the site `config` configures (its mkdocs.yml's path is the key)."""
    return _TILSTANDE.setdefault(str(config.config_file_path), Tilstand())


DIRTY = (
    "--dirty virker ikke med kataloget: en ændring i data/ ændrer også navigationen, oversigterne og "
    "søgningen på sider, hvis egen fil ikke er ændret, og dem ville MkDocs ikke bygge igen. "
    "Kør uden --dirty (make serve): en genopbygning omsætter alligevel kun de sider, hvis indhold er ændret."
)


def on_startup(command, dirty=False, **kwargs):
    if dirty:
        # MkDocs' dirty build keeps every page whose own file is older than its HTML: with pages made
        # from data it serves stale navigation, and its warning stops a strict build with no reason given.
        raise Abort(DIRTY)
    baggrund.serve = command == "serve"
    baggrund.lyt_efter_ctrl_c()


def on_shutdown(**kwargs):
    baggrund.stop_alle()


# ------------------------------------------------------------------ before the build: generate


def on_config(config, **kwargs):
    t = tilstand(config)
    # Heading ids from data never equal an id the theme's scripts look up (generator/site/ankre.py).
    config.mdx_configs.setdefault("toc", {})["slugify"] = overskrift_id
    baggrund.stop(PAGEFIND_JOB)  # it indexes the site this build is about to replace
    if baggrund.serve:
        # serve shows the working copy, one edition: without mike there is no versions.json, and
        # Material's version selector would ask for it (a 404 logged twice per page view).
        config.extra.pop("version", None)
        uden_lunr_indeks(config)
    try:
        bygning = t.bygning = _generer(config)
    except DataFejl as e:
        if baggrund.serve:
            return vis_datafejl(config, e.problemer)
        raise Abort("Data har fejl — ret dem og byg igen:\n" + "\n".join(str(p) for p in e.problemer)) from None
    t.datafejl = None
    t.genererede = set(bygning.sider)
    t.verificerede = set(mellemlager.verificerede(Path(config.docs_dir)))
    t.sete = set()
    config.nav = begraens_navigation(bygning.nav, config)
    config.copyright = bygning.copyright
    config.extra["udskrift"] = bygning.udskrift
    config.extra["soegefelt"] = bygning.soegefelt
    if not baggrund.serve:
        _start_pdf(config, bygning)  # on the other core while MkDocs builds the pages
    return config


def uden_lunr_indeks(config) -> None:
    """serve: Material's search plugin does not index each page. It is there only for the header's
    search box, which Pagefind answers (overrides/partials/search.html keeps Material's lunr search
    off), and reading every page's HTML for an index no one loads was a tenth of a rebuild."""
    soeg = config.plugins.get("material/search")
    if soeg is not None:
        config.plugins.events["page_context"] = [
            m for m in config.plugins.events["page_context"] if getattr(m, "__self__", None) is not soeg
        ]


def data_dir(config) -> Path:
    return Path(config.config_file_path).parent / config.extra.get("katalog_data", "data")


def _generer(config) -> Bygning:
    """The generator's result: kept from the last build if nothing it reads changed, else made now."""
    mellemlager.ny_bygning()
    data, docs = data_dir(config), Path(config.docs_dir)
    noegle, bygning = mellemlager.hent(data, docs)
    if bygning is None or not (docs / urls.PDF).exists():
        bygning = _generer_forfra(data, docs)
        mellemlager.gem(docs, noegle, bygning)
    for advarsel in bygning.advarsler:
        log.warning(advarsel)  # under --strict a data warning stops publishing until an editor decides
    if bygning.uden_pdf:
        log.info(bygning.uden_pdf)  # not a warning: the site is built, and --strict must not stop it
    log.info(
        "kataloget: %d sider skrevet, %d uændrede%s",
        bygning.skrevet,
        bygning.uaendret,
        " (data og generator uændrede siden sidste bygning)" if bygning.fra_mellemlager else "",
    )
    return bygning


def _generer_forfra(data: Path, docs: Path) -> Bygning:
    """Load, check and write the Markdown. Pages link to the PDF, so one that was never rendered is
    rendered now in serve, and in build stands in as an empty file until the render started in
    on_config replaces it (a failed render stops the build; without a fingerprint it is redone)."""
    resultat = byg(data, docs, med_pdf=False)  # DataFejl: on_config says it (build) or shows it (serve)
    if resultat.pdf == pdf.MANGLER and baggrund.serve:
        pdf.skriv_pdf(resultat.katalog, resultat.visning, resultat.filer, docs / urls.PDF)
        resultat.skrevet += 1
    elif resultat.pdf == pdf.MANGLER:
        (docs / urls.PDF).parent.mkdir(parents=True, exist_ok=True)
        (docs / urls.PDF).write_bytes(b"")
    kilde = pdf.kilde(resultat.katalog, resultat.visning, resultat.filer)
    return Bygning(
        nav=resultat.visning.register.nav(),
        copyright=kontaktlinje(resultat.katalog),
        udskrift=udskriftshoved(resultat.katalog),
        soegefelt=soegefelt(resultat.katalog),
        soegning={s.sti: soegemeta.sidemeta(resultat.visning, s.sti) for s in resultat.visning.register},
        sider=[s.sti for s in resultat.visning.register.genererede()],
        advarsler=[str(p) for p in resultat.katalog.advarsler],
        pdf_fingeraftryk=kilde.fingeraftryk,
        uden_pdf=omfang.uden_pdf(resultat.katalog),
        skrevet=resultat.skrevet,
        uaendret=resultat.uaendret,
        filer=mellemlager.stat(docs, sorted([*resultat.filer, urls.PDF_KILDE])),
    )


# A navigation group with more pages than this is nested in runs of this many, and Material prunes
# the runs a page is not in: every page then carries ~100 links, not one per page of the site, and
# the build stays linear (benchmarks/skalering.py: full navigation made 100× the catalogue cost
# quadratically). The real catalogue's largest group has 14 pages: its site is unchanged.
NAV_GRUPPE = 50


def begraens_navigation(nav: list, config) -> list:
    store = False
    for punkt in nav:
        if isinstance(punkt, dict):
            for gruppe, indhold in punkt.items():
                if isinstance(indhold, list) and len(indhold) > NAV_GRUPPE:
                    punkt[gruppe], store = _i_portioner(indhold), True
    if store and "navigation.prune" not in config.theme["features"]:
        config.theme["features"].append("navigation.prune")
    return nav


def _i_portioner(indhold: list) -> list:
    """[index page, {title: page}, …] → [index page, {"K.1.1 – K.11.6": [50 pages]}, …], and runs of
    more than 50 runs nested the same way: at 10,000 pages a page's navigation held 200 runs (300 KB
    of its 330 KB, and the site grew with the square of its pages); nested, it holds ~100 links."""
    forside = [p for p in indhold if isinstance(p, str)]
    sider = [p for p in indhold if not isinstance(p, str)]
    while len(sider) > NAV_GRUPPE:
        sider = [
            {f"{_foerste(del_[0])} – {_sidste(del_[-1])}": del_}
            for del_ in (sider[i : i + NAV_GRUPPE] for i in range(0, len(sider), NAV_GRUPPE))
        ]
    return forside + sider


def _foerste(punkt: dict) -> str:
    """The first id a navigation item covers: "K.1.1" of "K.1.1 Rengøring" or of "K.1.1 – K.2.6"."""
    return next(iter(punkt)).split(" ", 1)[0]


def _sidste(punkt: dict) -> str:
    """The last id it covers: "K.1.1" of "K.1.1 Rengøring", "K.2.6" of "K.1.1 – K.2.6"."""
    titel = next(iter(punkt))
    return titel.rsplit(" – ", 1)[-1] if isinstance(punkt[titel], list) else titel.split(" ", 1)[0]


def kontaktlinje(katalog) -> str:
    """Footer contact, from the data so it is written once (escaped: it ends up in HTML)."""
    info = katalog.info
    kontakt = kontakt_tekst(info)
    # Where the source names no one to contact, the contact is the municipality itself: said once.
    linje = escape(info.kommune.navn) + (
        "" if kontakt == info.kommune.navn else f", {kontaktlinks.html_tekst(kontakt)}"
    )
    if not info.kommune.hjemmeside:
        return linje
    side = info.kommune.hjemmeside
    return linje + f' · <a href="{escape(side)}">{escape(side.removeprefix("https://"))}</a>'


def on_env(env, **kwargs):
    """Material's templates compiled once, not on every build (Jinja checks each against its source)."""
    env.bytecode_cache = mellemlager.OVERSAT
    return env


def soegefelt(katalog) -> dict[str, str]:
    """The search box's example words, from the profile's texts (escaped: the theme prints them)."""
    p = katalog.profil
    return {
        "eksempel": escape(p.tekst("søgefelt_eksempel", "")),
        "eksempler": escape(p.tekst("søgefelt_eksempler", "")),
    }


def udskriftshoved(katalog) -> dict[str, str]:
    """What a printed page says about where it is from (overrides/main.html): the municipality, the
    catalogue, the edition and its approval. Escaped here: the theme prints the values as they are."""
    info = katalog.info
    r = info.revision
    godkendt = katalog.godkendelse()
    return {
        "kommune": escape(info.kommune.navn),
        "katalog": escape(f"{info.katalog.titel}, {info.katalog.område}"),
        "udgave": escape(f"Udgave {r.id} ({dansk_dato(r.dato)})"),
        "godkendelse": escape(godkendt),
    }


# ------------------------------------------------------------------ serve: bad data shown in the browser


def vis_datafejl(config, problemer: list[Problem]):
    """serve: build the error page instead of the site (on_files, on_post_build) and keep watching."""
    tilstand(config).datafejl = problemer
    # Printed, not logged: a logged warning or error would stop `mkdocs serve --strict`.
    print(
        "Data har fejl — browseren viser dem, indtil de er rettet:\n" + "\n".join(map(str, problemer)),
        file=sys.stderr,
        flush=True,
    )
    config.nav = []
    return config


def on_files(files, config, **kwargs):
    """While the data has errors (serve only), build no pages: the error page replaces them. A
    generated page the register leaves out of the navigation (`Side.i_nav`) is built, not listed."""
    t = tilstand(config)
    if t.datafejl is not None:
        return Files([])
    if t.bygning is not None:
        i_nav = set(_stier(t.bygning.nav))
        for f in files.documentation_pages():
            if f.src_uri in t.genererede and f.src_uri not in i_nav:
                f.inclusion = InclusionLevel.NOT_IN_NAV
    if baggrund.serve:
        omsatte.ny_bygning(config, files)  # an unchanged page is not converted again (generator/site/omsatte.py)
    return files


def _stier(nav: list) -> Iterator[str]:
    for punkt in nav:
        for v in punkt.values() if isinstance(punkt, dict) else [punkt]:
            yield from _stier(v) if isinstance(v, list) else [v]


def on_page_markdown(markdown, page, config, files, **kwargs):
    if baggrund.serve:
        omsatte.brug(page, markdown)
    return markdown


# ------------------------------------------------------------------ defence in depth


def on_page_content(html, page, config, files, **kwargs):
    """A page built from data keeps only the allowlisted markup."""
    if page.file.src_uri in tilstand(config).genererede:
        return rens(html)
    return html


def _verificer(t: Tilstand, html: str, hvad: str) -> None:
    aftryk = mellemlager.aftryk(html)
    t.sete.add(aftryk)
    if aftryk in t.verificerede:
        return  # byte for byte a page the last build verified, with the same code
    fundne = farlige_steder(html)
    if fundne:
        raise Abort(
            f"{hvad} indeholder noget, der kan køre kode i browseren — intet er publiceret:\n"
            + "\n".join(f"  {f}" for f in fundne[:20])
        )


def on_post_page(output, page, config, **kwargs):
    _verificer(tilstand(config), output, f"Siden {page.file.src_uri}")
    return output


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name.endswith(".html"):
        _verificer(tilstand(config), output_content, f"Skabelonen {template_name}")
    return output_content


# ------------------------------------------------------------------ serve: watch what the editor edits


def on_serve(server, config, builder, **kwargs):
    """Watch the hand-written pages, not the generated ones: the hook writes those, and each
    write would trigger a second rebuild. data/ and the templates are watched (mkdocs.yml)."""
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    genererede = set(urls.GENEREREDE_MAPPER) | set(urls.GENEREREDE_FILER)
    for sti in sorted(docs.iterdir()):
        if sti.name not in genererede and not sti.name.startswith("."):  # dotfiles: mellemlager, not pages
            server.watch(str(sti))
    # The catalogue's shape is read like its data: an edited profile rebuilds too.
    profil = mellemlager.profil_fil(data_dir(config))
    if profil is not None:
        server.watch(str(profil))
    genindlaes.installer(server)  # live reload without an inline script: the CSP stays as published
    return server


# ------------------------------------------------------------------ the PDF


def _start_pdf(config, bygning: Bygning) -> None:
    """Render a stale PDF in a process of its own (build: while the pages are built; serve: after)."""
    docs = Path(config.docs_dir)
    if pdf.tilstand(docs / urls.PDF, bygning.pdf_fingeraftryk) != pdf.FORAELDET:
        return
    site_pdf = Path(config.site_dir) / urls.PDF

    def i_sitet() -> None:  # serve: the site was built with the previous PDF
        if baggrund.serve and site_pdf.parent.is_dir():
            shutil.copy2(docs / urls.PDF, site_pdf)

    # From the source the generator wrote beside the PDF: the render neither reads nor checks the data.
    baggrund.start(
        PDF_JOB,
        baggrund.python("-m", "generator.site.pdf", str(docs / urls.PDF)),
        noegle=bygning.pdf_fingeraftryk,
        efter=i_sitet,
        lav_prioritet=baggrund.serve,
    )


def _vent_paa_pdf(config) -> None:
    """build: wait for the PDF started before the pages and put it in the site."""
    job = baggrund.vent(PDF_JOB)
    if job is None:
        return
    baggrund.stop(PDF_JOB)
    if not job.lykkedes:
        raise Abort("PDF'en kunne ikke laves:\n" + job.udskrift)
    shutil.copy2(Path(config.docs_dir) / urls.PDF, Path(config.site_dir) / urls.PDF)


# ------------------------------------------------------------------ after the build: PDF and search


def on_page_context(context, page, config, nav):
    """Search metadata (group, summary, service level) for overrides/main.html."""
    bygning = tilstand(config).bygning
    if bygning is not None and page.file and page.file.src_uri in bygning.soegning:
        page.meta["soegning"] = bygning.soegning[page.file.src_uri]
    return context


def on_post_build(config, **kwargs):
    t = tilstand(config)
    if baggrund.serve:
        genindlaes.skriv(config.site_dir)
    if t.datafejl is not None:  # serve with bad data: the error page, nothing else
        fejlside.skriv(config.site_dir, t.datafejl)
        return
    mellemlager.gem_verificerede(Path(config.docs_dir), t.sete)
    _start_pagefind(config)
    if baggrund.serve and t.bygning is not None:
        _start_pdf(config, t.bygning)  # the pages are served; the PDF follows
        return
    _vent_paa_pdf(config)
    _vent_paa_pagefind(config)


def _start_pagefind(config) -> None:
    """Search: index the built site with Pagefind (stems Danish: <html lang="da">) into <site>/pagefind/."""
    # The search box's dictionary (stop words, the indexed words for typos and compounds);
    # a page unchanged since the last build is not parsed again (mellemlager.sidernes_ord).
    docs = Path(config.docs_dir)
    try:
        ord_ = soegeordbog.skriv(Path(config.site_dir), mellemlager.sidernes_ord(docs))
    except dansk_ordbog.Mangler as e:
        log.warning("søgning: %s", e)  # under --strict the build stops: a right word would be "corrected"
        ord_ = soegeordbog.skriv(Path(config.site_dir), mellemlager.sidernes_ord(docs), dansk=False)
    if dansk_ordbog.sti() is None:
        log.info("søgning: uden dansk ordbog (KATALOG_HUNSPELL=ingen): søgefeltet kender kun katalogets egne ord")
    mellemlager.gem_sidernes_ord(docs, ord_)
    # Only <article data-pagefind-body> is indexed (overrides/main.html); the "¶" permalinks are not.
    # In serve the pages search with the new index a few tenths of a second after they are shown.
    # The binary itself (pagefind_bin, from pagefind[bin]): `python -m pagefind` only execs it,
    # after a tenth of a second of Python start-up.
    kommando = [
        str(pagefind_bin.get_executable()),
        "--site",
        config.site_dir,
        "--quiet",
        "--exclude-selectors",
        ".headerlink",
    ]
    baggrund.start(PAGEFIND_JOB, kommando, lav_prioritet=baggrund.serve)


def _vent_paa_pagefind(config) -> None:
    job = baggrund.vent(PAGEFIND_JOB)
    baggrund.stop(PAGEFIND_JOB)
    if job is not None and not job.lykkedes:
        raise Abort("Pagefind kunne ikke bygge søgeindekset:\n" + job.udskrift)
    log.info("søgning: Pagefind-indeks skrevet i %s", Path(config.site_dir) / "pagefind")
