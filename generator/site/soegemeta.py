"""What the search shows about a page besides its text: group, summary, service level.

- `sidemeta` gives each built page its search metadata (overrides/main.html writes it as Pagefind
  `data-pagefind-filter`/`data-pagefind-meta`): the group — "katalog" for standards,
  interventions and Generel information, "oversigt" for the overview pages, "om" for pages about
  the site itself, which the search ranks after the catalogue — the one-line summary,
  and for an intervention its frequency and deadline when the catalogue gives them
  (the view model's `et_blik`: the same one-line cells as the overview pages; the finder
  "Hvad kan jeg få hjælp til?" uses it too), and an entry's FSIII codes and names (`fsiiikoder`),
  weighted like its everyday words.
"""

from __future__ import annotations

import re

from ..data import schema
from ..data.pladsholdere import Udfylder
from . import fsiiikoder, urls
from .visning import Visning

# Pages about the site, not about the help a citizen can get: found by their own names,
# ranked after the catalogue otherwise.
OM_WEBSTEDET = frozenset(
    {
        urls.OM_KATALOGET,
        urls.OM_UDGAVEN,
        urls.AENDRINGER,
        urls.DATA,
        urls.REDAKTOERVEJLEDNING,
        urls.TILGAENGELIGHED,
        urls.FULDSTAENDIGHED,
    }
)


# Overviews repeat what the entries say (tables, lists): on equal terms the entry ranks first.
OVERSIGTER = frozenset(
    {
        urls.FORSIDE,
        urls.HJAELP,
        urls.STANDARDER,
        urls.INDSATSER,
        urls.SERVICENIVEAU,
        urls.SAGSBEHANDLINGSFRISTER,
        urls.LOVGRUNDLAG,
        fsiiikoder.SIDE,
    }
)


def gruppe(sti: str) -> str:
    # A group's list page (katalog/<gruppe>/index.md) is an overview too.
    oversigt = sti in OVERSIGTER or (sti.startswith("katalog/") and sti.endswith("/index.md") and sti.count("/") == 2)
    return "om" if sti in OM_WEBSTEDET else "oversigt" if oversigt else "katalog"


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def ren_tekst(tekst: str, udfyld: Udfylder) -> str:
    """Data prose as one plain line: placeholders filled, Markdown links and emphasis removed."""
    t = _LINK.sub(r"\1", udfyld(tekst))
    t = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", t)
    return " ".join(t.split())


def sidemeta(v: Visning, sti: str) -> dict[str, str]:
    """Search metadata of the page at `sti` (a path in content/): plain text, escaped by the theme."""
    ud = {"gruppe": gruppe(sti)}
    udfyld = Udfylder(v.k.info)
    post = v.post_paa_sti.get(sti)
    if sti == urls.GENEREL:
        ud["kort"] = ren_tekst(v.k.introduktion.kort_fortalt, udfyld)
    if post is not None:
        ud["kort"] = ren_tekst(post.kort_fortalt, udfyld)
        if isinstance(post, schema.Indsats):
            for n in v.et_blik(post):
                if n.tekst and n.noegle in ("hyppighed", "sagsbehandlingsfrist"):
                    ud[n.noegle] = ren_tekst(n.tekst, udfyld)
            # The standards it belongs to: a question that cannot tell their entries apart is
            # answered by the standard (soegeforstaaelse.js foraeldreFoerst).
            if dele := [urls.url_i_site(link.til) for link in v.standard_links(post)]:
                ud["del_af"] = " ".join(dele)
        # Staff search by the code on a visitation (UUID or legacy) or its FSIII name.
        if koder := fsiiikoder.postens_koder(post).soegetekst:
            ud["fsiii"] = koder
    return ud
