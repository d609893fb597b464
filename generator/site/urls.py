"""Every page path and every link between pages is built here — templates and tests use it.

Paths are relative to the MkDocs ``docs_dir`` (content/). Links between pages
are relative ``.md`` paths, so MkDocs validates them and they survive being
served under a version prefix (/2014/, /latest/).
"""

from __future__ import annotations

import posixpath

from ..formater import slug

FORSIDE = "index.md"
GENEREL = "katalog/generel-information.md"
HJAELP = "katalog/hvad-kan-jeg-faa-hjaelp-til.md"
STANDARDER = "katalog/standarder/index.md"
INDSATSER = "katalog/indsatser/index.md"
SERVICENIVEAU = "katalog/overblik/serviceniveau.md"
SAGSBEHANDLINGSFRISTER = "katalog/overblik/sagsbehandlingsfrister.md"
LOVGRUNDLAG = "katalog/overblik/lovgrundlag.md"
FULDSTAENDIGHED = "katalog/overblik/fuldstaendighed.md"
AENDRINGER = "katalog/udgave/aendringer.md"
OM_UDGAVEN = "katalog/udgave/om-denne-udgave.md"
DATA = "katalog/data.md"
# What the generator owns in docs_dir: these folders and top-level files (the rest is hand-written).
GENEREREDE_MAPPER = ("katalog",)
GENEREREDE_FILER = (FORSIDE,)

# Hand-written pages (tracked in git, never generated).
OM_KATALOGET = "om-kataloget.md"
REDAKTOERVEJLEDNING = "redaktoervejledning.md"
TILGAENGELIGHED = "tilgaengelighedserklaering.md"

# Files published beside the pages (open data).
DATA_JSON = "katalog/data/katalog.json"
DATA_SKEMA = "katalog/data/katalog.schema.json"
CSV_SERVICENIVEAU = "katalog/data/serviceniveau.csv"
CSV_FRISTER = "katalog/data/sagsbehandlingsfrister.csv"
PDF = "katalog/data/kvalitetsstandarder.pdf"
PDF_KILDE = "katalog/data/.kvalitetsstandarder.pdf.json"  # what it is made from (pdf.Kilde, pdf.kilde_fil)


MAKS_NAVN = 80
"""Longest slug in a file name: file and folder names stay far below the file system's 255 bytes."""


def filnavn(tekst: str) -> str:
    """`slug` for a page's file name: at most `MAKS_NAVN` characters, cut between words."""
    s = slug(tekst)
    if len(s) > MAKS_NAVN:
        kort = s[: MAKS_NAVN + 1]
        s = (kort.rsplit("-", 1)[0] if "-" in kort else kort[:MAKS_NAVN]).strip("-")
    return s


def standard(nr: int, titel: str) -> str:
    return f"katalog/standarder/{nr}-{filnavn(titel)}.md"


def indsats(id_: str, titel: str) -> str:
    """An intervention's page: its id and title ("k-2-1-rengoering"), or its id alone where the id
    is already a slug (a profile without an id scheme takes the title's)."""
    if id_ == slug(id_):
        return f"katalog/indsatser/{filnavn(id_)}.md"
    return f"katalog/indsatser/{slug(id_)}-{filnavn(titel)}.md"


def gruppe(noegle: str) -> str:
    """The list page of a group of interventions (the profile's `indsats.grupper`)."""
    return f"katalog/{slug(noegle)}/index.md"


def link(fra: str, til: str, anker: str | None = None) -> str:
    """Relative link from page `fra` to page `til` (both docs_dir paths)."""
    rel = posixpath.relpath(til, posixpath.dirname(fra) or ".")
    return rel + (f"#{anker}" if anker else "")


def url_i_site(side: str) -> str:
    """The built site's URL path of a page (MkDocs' use_directory_urls)."""
    if side.endswith("index.md"):
        return side[: -len("index.md")]
    return side[: -len(".md")] + "/"


def html_fil(side: str) -> str:
    """Path of the page's HTML file inside the built site."""
    return url_i_site(side) + "index.html"
