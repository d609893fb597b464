"""Jinja → Markdown, with every value from the data escaped unless a filter made it safe.

The environment autoescapes: any plain string that reaches the output is
HTML-escaped, so a title such as ``<script>`` in the YAML renders as text even if
a template forgets a filter. Filters that deliberately produce Markdown
(`md`, `celle`, `tekst`) escape first and return `Markup`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import formater
from ..data import raekkevidde, schema
from ..data.katalog import Katalog
from ..data.pladsholdere import Udfylder as Pladsholdere
from ..tjek import citater
from . import datapakke, kontaktlinks, serviceniveau, urls
from .ankre import overskrift_id
from .mellemlager import OVERSAT
from .sider import Side
from .visning import Visning, kontakt_tekst, stort

SKABELON_DIR = Path(__file__).parent / "templates"


def _escape(tekst: str) -> str:
    return html.escape(tekst, quote=False)


# A link from the data to a page of the catalogue names the page by id or number (the text
# policy, generator/tjek/tekstpolitik.py): [rengøring](K.2.1), [standard 2](2), or [x]: K.2.1.
# The target is looked up among the catalogue's ids and numbers (`Udfylder.sider`): no id form here.
_SIDELINK = re.compile(r"(\]\(\s*|(?m:^[ ]{0,3}\[[^\]\n]+\]:[ \t]*))([\w.-]+)(?=\s*\)|[ \t]*$)", re.M)


def _afsnit_re(moenster: str | None) -> re.Pattern[str] | None:
    """ "afsnit 1.9" in prose (the profile's numbering of the introduction): a section of the
    introduction page, linked where the reader meets it."""
    return re.compile(rf"\bafsnit ({moenster})\b(?!\.\d)") if moenster else None


# The section's anchor as MkDocs' toc makes it from the heading (the hook sets ankre.overskrift_id).
_SLUG = overskrift_id


# A page is one Markdown document, so a field's text must not reach into its neighbours': a
# definition ("[hjælp]: https://…", "*[Borgere]: …") would act on the whole page, a bracket left open
# in one field could close in the next ("[ring" … "](https://…)"), a pipe would split a table cell.
# The text policy refuses definitions (generator/tjek/tekstpolitik.py); here they cannot act even so.
_DEFINITION = "]:"
_DEFINITION_UD = "]&#58;"  # the same text on the page; no longer "]:" for Markdown
_LODRET_STREG = "&#124;"  # "|" as text: never a column separator, whatever backslashes precede it


def _afbalanceret(tekst: str) -> str:
    """`tekst` with every square bracket that has no partner in the same text escaped, and the "]" of
    a "](" whose parenthesis the text does not close, and a "]" that ends the text (the next field might
    begin with "("), so a link can only be made within one field ("[et ord mangler her] og" and
    "[tekst](https://…)" stay as they are)."""
    if "[" not in tekst and "]" not in tekst:
        return tekst  # most texts: nothing to balance (the loop below was a tenth of generating the pages)
    aabne: list[int] = []
    ensom: set[int] = set()
    i = 0
    while i < len(tekst):
        c = tekst[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            aabne.append(i)
        elif c == "]":
            if aabne:
                aabne.pop()
                if tekst.startswith("](", i) and not _lukket(tekst, i + 2):
                    ensom.add(i)
            else:
                ensom.add(i)
        i += 1
    ensom.update(aabne)
    if tekst.endswith("]") and not tekst.endswith("\\]"):
        ensom.add(len(tekst) - 1)  # the next field might begin with "(": a "]" at the end is text
    return "".join("\\" + c if nr in ensom else c for nr, c in enumerate(tekst)) if ensom else tekst


def _lukket(tekst: str, fra: int) -> bool:
    """Does the parenthesis opened just before `fra` close within `tekst` (nested ones counted)?"""
    dybde = 1
    for c in tekst[fra:]:
        dybde += {"(": 1, ")": -1}.get(c, 0)
        if dybde == 0:
            return True
    return False


class Udfylder:
    """Fills placeholders and links citations in the data's prose."""

    def __init__(self, katalog: Katalog, visning: Visning | None = None):
        self.love = katalog.love
        self.dato = katalog.info.revision.dato  # a link to a later act than this date's says so
        self.pladsholdere = Pladsholdere(katalog.info)
        self.sider: dict[str, str] = {}
        if visning is not None:
            self.sider = {**{str(nr): sti for nr, sti in visning.standard_sti.items()}, **visning.indsats_sti}
        self.side = urls.FORSIDE
        """The page being rendered (set by `render`): links to other pages are relative to it."""
        self.afsnit = {
            a.nr: _SLUG(f"{a.nr} {self.pladsholdere(a.titel)}", "-") for a in katalog.introduktion.afsnit if a.nr
        }
        nummer = katalog.profil.introduktion.nummer
        self._afsnit_re = _afsnit_re(nummer.mønster if nummer else None)

    def _sidelinks(self, tekst: str) -> str:
        def erstat(m: re.Match) -> str:
            til = self.sider.get(m.group(2))
            return m.group(1) + urls.link(self.side, til) if til else m.group(0)

        return _SIDELINK.sub(erstat, tekst)

    def _afsnitslinks(self, tekst: str) -> str:
        """``afsnit 1.9`` → a link to that section of Generel information (not inside a link's text)."""

        def erstat(m: re.Match) -> str:
            anker = self.afsnit.get(m.group(1))
            foer = tekst[: m.start()]
            if anker is None or foer.rfind("[") > foer.rfind("]"):
                return m.group(0)
            return f"[{m.group(0)}]({urls.link(self.side, urls.GENEREL, anker)})"

        return self._afsnit_re.sub(erstat, tekst) if self._afsnit_re else tekst

    def md(self, tekst: Any, hovedlov: str | None = None) -> Markup:
        """Prose from the data as Markdown: escaped, placeholders filled, citations linked."""
        if tekst is None:
            return Markup("")
        ud = _escape(self.pladsholdere(str(tekst)).strip()).replace(_DEFINITION, _DEFINITION_UD)
        ud = citater.link_citater(_afbalanceret(ud), hovedlov, self.love, self.dato)
        ud = citater.ens_lovnavne(ud, self.love)
        return Markup(kontaktlinks.markdown(self._afsnitslinks(self._sidelinks(ud))))

    def profiltekst(self, tekst: str, **ekstra: str) -> Markup:
        """A text the profile (or the catalogue's `form`) gives for the site itself: Markdown, the
        catalogue's placeholders and `ekstra` ({udgave}) filled, escaped like the data's prose."""
        for noegle, vaerdi in ekstra.items():
            tekst = tekst.replace("{" + noegle + "}", vaerdi)
        return self.md(tekst)

    def tekst(self, tekst: Any) -> Markup:
        """Plain text (titles, headings): escaped, placeholders filled, no links — its square brackets
        are text, so no bracket of a title pairs with another field's."""
        ud = _escape(self.pladsholdere(str(tekst)))
        return Markup(ud.replace("[", "\\[").replace("]", "\\]"))

    def linktekst(self, tekst: Any) -> Markup:
        """Text inside [...](...): escaped, one line, no citation links (links cannot nest)."""
        ud = " ".join(str(self.tekst(tekst)).split())
        return Markup(ud.replace("|", _LODRET_STREG))

    def celle(self, tekst: Any, hovedlov: str | None = None) -> Markup:
        """Prose for a Markdown table cell: one line, pipes as text (a "\\|" in the data cannot
        become "\\\\|", an escaped backslash and a column separator)."""
        ud = str(self.md(tekst, hovedlov))
        ud = " ".join(ud.split())
        return Markup(ud.replace("|", _LODRET_STREG))


def miljoe(katalog: Katalog, visning: Visning) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(SKABELON_DIR)),
        bytecode_cache=OVERSAT,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Every value from the data is HTML-escaped on output unless a filter made it `Markup`;
        # template text and macro output are not escaped again.
        autoescape=True,
    )
    u = Udfylder(katalog, visning)
    env.udfylder = u  # type: ignore[attr-defined]  # `render` tells it the page being rendered

    def varighed(v: Any) -> str:
        return v if isinstance(v, str) else formater.varighed_af(v)

    # Formatting has one home (`formater`); templates, the diff and the PDF all use it.
    env.filters.update(
        md=u.md,
        tekst=u.tekst,
        celle=u.celle,
        linktekst=u.linktekst,
        dansk_dato=formater.dansk_dato,
        varighed=varighed,
        dansk_liste=formater.dansk_liste,
        overskrift=lambda felt: visning.overskrifter.get(felt, felt),
        stort=stort,
    )
    # Templates get ready rows from the view model (page context); these globals are the
    # catalogue-wide facts every page may print, not look-ups.
    env.globals.update(
        # Several fields on one line: brackets are text; its phone number a tel: link.
        kontakt=Markup(kontaktlinks.markdown(u.tekst(kontakt_tekst(katalog.info)))),
        info=katalog.info,
        urls=urls,
        # The open-data files with their columns, for the data page (site/datapakke.py).
        aabne_filer=datapakke.oversigt(),
        mangler=schema.mangler,
        anker=formater.anker,
        politisk_godkendelse=formater.politisk_godkendelse,
        udgavens_godkendelse=katalog.godkendelse(),
        ikke_i_kataloget=serviceniveau.IKKE_I_KATALOGET,
        # Beside a link to a later act than the revision's (Lovregister.senere_udgave).
        senere_udgave_tekst=katalog.love.SENERE_UDGAVE,
        # What changed since the previous published revision, per entry ("1", "K.2.1").
        post_aendringer=visning.post_aendringer(),
        # The catalogue's shape: its words for its entries, its sections and its own texts.
        profil=katalog.profil,
        indsats_navn=visning.indsats_navn,
        afsnit_overskrift=visning.overskrift,
        aspekt_titel=visning.aspekt_titel,
        aspekt_etiket=lambda noegle: schema.etiket(katalog.profil, noegle),
        henvisninger=lambda v: serviceniveau.fakta(v, katalog),  # in legal order: § 83, § 86, § 88
        hele_loven_tekst=katalog.love.HELE_LOVEN,
        # An answer that is not a number, in the reader's words, for a data fact or a view-model one.
        svar_ord=lambda f: serviceniveau.svar_ord(f, katalog.profil),
        omfang_tekst=raekkevidde.omfang_tekst,
        profiltekst=lambda noegle, **ekstra: u.profiltekst(katalog.profil.tekst(noegle), **ekstra),
    )
    return env


def render(env: Environment, side: Side) -> str:
    assert side.skabelon is not None
    skabelon = env.get_template(side.skabelon)
    udfylder = getattr(env, "udfylder", None)
    if udfylder is not None:
        udfylder.side = side.sti
    link = lambda til, anker=None: urls.link(side.sti, til, anker)  # noqa: E731
    return skabelon.render(side=side, link=link, **side.kontekst)
