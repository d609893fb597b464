"""`python -m generator ny MAPPE --profil NAVN`: a new catalogue in its profile's shape.

Every section is written as not yet written (``{mangler: "Ikke skrevet endnu"}``), every detail
the municipality must give as ``null`` or "Ikke skrevet endnu", so the folder passes `check` and
`mkdocs build --strict` at once and the editor's guide takes it from there. Nothing is filled in
that the municipality did not say: no address, no phone number, no date of approval.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

from .profil import Profil

IKKE_SKREVET = "Ikke skrevet endnu"
LOVE_FIL = "love.yaml"


def _q(v: Any) -> str:
    """A YAML scalar: JSON's quoted strings are valid YAML."""
    return json.dumps(v, ensure_ascii=False)


def _afsnit(profil: Profil, slags: str, indryk: str) -> list[str]:
    """Every section of `slags` as not yet written (notes printed under another section left out)."""
    return [
        f"{indryk}{a.nøgle}: {{mangler: {_q(IKKE_SKREVET)}}}"
        for a in profil.afsnit_for(slags)
        if not a.under and a.form != "indsatsliste"
    ]


def _side(profil: Profil, indryk: str) -> list[str]:
    return [f"{indryk}side: 1"] if profil.kilde.sidetal else []


def katalog_yaml(profil_navn: str, profil: Profil, idag: dt.date) -> str:
    linjer = [
        "# katalog.yaml — kataloget som helhed. Ret alt, der står som 'Ikke skrevet endnu' eller null",
        "# (se redaktørvejledningen). Skriv kun det, kommunen har besluttet.",
        "",
        "# Katalogets form (profiler/README.md).",
        f"profil: {_q(profil_navn)}",
        "",
        "kommune:",
        f"  navn: {_q(IKKE_SKREVET)}",
        f"  genitiv: {_q(IKKE_SKREVET)}",
        f"  forvaltning: {_q(IKKE_SKREVET)}",
        "  hjemmeside: null",
        "",
        "kontakt:",
        "  enhed: null",
        "  telefon: null",
        "  telefontid: null",
        "",
        "katalog:",
        f"  titel: {_q((profil.standard or profil.indsats).flertal.capitalize())}",
        f"  område: {_q(IKKE_SKREVET)}",
        f"  år: {idag.year}",
        f"  kilde: {_q(IKKE_SKREVET)}",
        "",
        "revision:",
        f'  id: "{idag.year}"',
        "  # Lovhenvisningerne kontrolleres mod lovene på denne dato.",
        f'  dato: "{idag:%Y-%m}"',
        "  gældende_fra: null",
        f"  udarbejdet_af: {_q(IKKE_SKREVET)}",
        "  politisk_godkendt:",
        "    udvalg: null",
        "    dato: null",
        "  beslutninger: []",
    ]
    if profil.målgruppe is not None:
        linjer += [
            "",
            "# Hvem kataloget er for, og efter hvilke love deres hjælp gives (profilens forslag).",
            "målgruppe:",
            f"  tekst: {_q(profil.målgruppe.tekst)}",
            f"  love: [{', '.join(profil.målgruppe.love)}]",
        ]
    return "\n".join(linjer) + "\n"


def standards_yaml(profil: Profil, hovedlov: str) -> str:
    intro = profil.introduktion
    linjer = [
        "# standards.yaml — introduktionen og standarderne. Erstat hvert 'mangler' med kildens tekst,",
        "# eller skriv i 'mangler', hvorfor kilden ikke har afsnittet.",
        "",
        "introduktion:",
        f"  titel: {_q(intro.titel)}",
        f"  kort_fortalt: {_q(IKKE_SKREVET + '.')}",
        f"  hovedlov: {hovedlov}",
        *_side(profil, "  "),
        "  afsnit:",
        f"    - titel: {_q(IKKE_SKREVET)}",
        f"      tekst: {_q(IKKE_SKREVET + '.')}",
        *([f"      nr: {_q(intro.nummer.eksempel)}"] if intro.nummer else []),
        *_side(profil, "      "),
    ]
    if profil.standard is None:
        linjer += ["", "standarder: []"]
    else:
        liste = profil.indsatsliste_felt
        linjer += [
            "",
            "standarder:",
            "  - nr: 1",
            f"    titel: {_q(IKKE_SKREVET)}",
            f"    kort_fortalt: {_q(IKKE_SKREVET + '.')}",
            f"    hovedlov: {hovedlov}",
            *_side(profil, "    "),
            *_afsnit(profil, "standard", "    "),
            *([f"    {liste}:", f"      - indsats: {_q(_indsats_id(profil))}"] if liste else []),
        ]
    return "\n".join(linjer) + "\n"


def _indsats_id(profil: Profil) -> str:
    return profil.indsats.id.eksempel if profil.indsats.id else "ikke-skrevet-endnu"


def indsatser_yaml(profil: Profil, hovedlov: str) -> str:
    ind = profil.indsats
    gruppe = next(
        (g for g in ind.grupper if g.id_mønster and ind.id and re.match(g.id_mønster, ind.id.eksempel)),
        ind.grupper[0] if ind.grupper else None,
    )
    linjer = [
        f"# indsatser.yaml — {ind.flertal}. Erstat hvert 'mangler' med kildens tekst, eller skriv i",
        "# 'mangler', hvorfor kilden ikke har afsnittet.",
        "",
        "indsatser:",
        *([f"  - id: {_q(ind.id.eksempel)}", f"    titel: {_q(IKKE_SKREVET)}"] if ind.id else []),
        *([] if ind.id else [f"  - titel: {_q(IKKE_SKREVET)}"]),
        *([f"    type: {gruppe.nøgle}"] if gruppe else []),
        *(["    standarder: [1]"] if profil.standard is not None and ind.standarder == "påkrævet" else []),
        *([f"    hovedlov: {hovedlov}"] if ind.standarder == "ingen" else []),
        f"    kort_fortalt: {_q(IKKE_SKREVET + '.')}",
        *_side(profil, "    "),
        *_afsnit(profil, "indsats", "    "),
    ]
    return "\n".join(linjer) + "\n"


def mkdocs_yml(mappe: Path, rod: Path) -> str:
    """The catalogue's MkDocs configuration, pointing at the generator's hook and theme overrides."""
    til_rod = Path(os.path.relpath(rod, mappe.resolve())).as_posix()
    return f"""# MkDocs-konfiguration for kataloget (lavet af 'python -m generator ny').
site_name: {_q(IKKE_SKREVET)}
docs_dir: content
use_directory_urls: true
strict: true

hooks:
  - {til_rod}/generator/site/mkdocs_hook.py

watch:
  - data
  - {til_rod}/generator/site/templates

theme:
  name: material
  language: da
  custom_dir: {til_rod}/overrides
  font: false
  icon:
    logo: material/home-heart
  features:
    - navigation.sections
    - navigation.indexes
    - navigation.top
    - navigation.footer
    - toc.follow
    - content.tooltips

extra_css:
  - assets/stylesheets/tilgaengelighed.css

extra:
  katalog_data: data
  generator: false
  version:
    provider: mike
    default: latest

plugins:
  - search:
      lang: da

markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
      permalink_title: Link til dette afsnit
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower

validation:
  nav:
    omitted_files: warn
    not_found: warn
    absolute_links: warn
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn
"""


GITIGNORE = """# Made by the build from data/ (python -m generator build, mkdocs build): never committed.
/site/
/content/katalog/
/content/index.md
/content/.kataloget*.json
"""

SIDER = {
    "om-kataloget.md": "# Om kataloget\n\nIkke skrevet endnu: hvem kataloget er for, hvor indholdet kommer fra, og hvem der har godkendt det.\n",
    "redaktoervejledning.md": "# Redaktørvejledning\n\nIkke skrevet endnu. Se redaktørvejledningen i kataloget-softwarens repo (content/redaktoervejledning.md) og profiler/README.md.\n",
    "tilgaengelighedserklaering.md": "# Tilgængelighedserklæring\n\nIkke skrevet endnu: kommunens tilgængelighedserklæring for webstedet (WCAG 2.1 AA).\n",
}


def skriv(mappe: Path, profil_navn: str, profil: Profil, profil_sti: Path, rod: Path, idag: dt.date) -> list[Path]:
    """Write the new catalogue into `mappe` (which must not exist or be empty). Returns the files."""
    love = profil_sti.parent / LOVE_FIL
    if not love.is_file():
        raise FileNotFoundError(
            f"profilen '{profil_navn}' har intet lovregister: {love} findes ikke "
            "(hint: læg et lovregister, love.yaml, ved siden af profil.yaml; ny kopierer det til data/)"
        )
    hovedlov = _foerste_lov(love)
    filer = {
        mappe / "mkdocs.yml": mkdocs_yml(mappe, rod),
        mappe / "data" / "katalog.yaml": katalog_yaml(profil_navn, profil, idag),
        mappe / "data" / "standards.yaml": standards_yaml(profil, hovedlov),
        mappe / "data" / "indsatser.yaml": indsatser_yaml(profil, hovedlov),
        **{mappe / "content" / navn: tekst for navn, tekst in SIDER.items()},
    }
    filer[mappe / ".gitignore"] = GITIGNORE
    for sti, tekst in filer.items():
        sti.parent.mkdir(parents=True, exist_ok=True)
        sti.write_text(tekst, encoding="utf-8")
    shutil.copyfile(love, mappe / "data" / LOVE_FIL)
    return [*filer, mappe / "data" / LOVE_FIL]


def _foerste_lov(love: Path) -> str:
    """The id of the registry's first law: the skeleton's main law until the editor names another."""
    for linje in love.read_text(encoding="utf-8").splitlines():
        s = linje.strip()
        if s.startswith("- id:"):
            return s.split(":", 1)[1].strip()
    raise ValueError(f"{love} har ingen lov")
