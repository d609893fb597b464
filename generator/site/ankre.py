"""Heading ids: MkDocs' toc slug, never an id the theme or the site's own templates use.

A heading made from data gets its id from its text. Material's page has elements whose ids its
scripts look up — ``<script id="__config">`` (the search reads its JSON), ``__search``,
``__drawer``, ``__toc``, ``__nav_1_2``, ``__palette_0``, ``__consent`` — all beginning with
``__``, and overrides/ and the templates have ids of their own. A law titled ``__config`` would
give a heading with that id before Material's script, and the search would read the heading.
So the slug of a heading that would begin like one of them gets ``afsnit-`` in front. The MkDocs
hook sets this function as the toc slugify of every site built from the repository.
"""

from __future__ import annotations

from pymdownx.slugs import slugify

_SLUG = slugify(case="lower")  # mkdocs.yml's toc slugify: pymdownx.slugs, lower case

TEMAETS = ("_",)
"""Material's ids begin with "__"; a slug that begins with "_" at all is moved away from them."""
EGNE = ("soegeresultater", "hjaelp-", "emne-", "afsnit-")
"""Ids (and prefixes of ids) in overrides/ and generator/site/templates; "afsnit-" keeps the result unique."""


def overskrift_id(tekst: str, sep: str) -> str:
    """The id of a heading with text `tekst` (Python-Markdown's toc calls it with its separator)."""
    s = _SLUG(tekst, sep)
    if s.startswith(TEMAETS) or s == EGNE[0] or s.startswith(EGNE[1:]):
        return "afsnit-" + s.lstrip("_-")
    return s
