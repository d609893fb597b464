"""Phone numbers and e-mail addresses as something a reader can act on: ``tel:`` and ``mailto:`` links.

Done where text becomes a page, not by hand in the data: every text the data gives (prose, the
catalogue's contact line, placeholders such as ``{kontakt_telefon}`` once filled) goes through
`markdown` (escaped Markdown, from `skabeloner.Udfylder`) or `html` (the footer). The link's text is
the number as written ("79 94 68 34"); its address is E.164 ("tel:+4579946834"). Text that is
already a link, a code span or an address is left alone, so a data link ``[ring](tel:…)`` is never
linked twice. The sanitizer keeps exactly these schemes (`rens.URL_SKEMAER`).
"""

from __future__ import annotations

import re
from html import escape

LANDEKODE = "+45"
"""A number written without a country code is a Danish one: the catalogues are Danish public sites."""

_MELLEM = r"[ \u00a0]"
# A number as Danish texts write it: "79 94 68 34", "7994 6834", "+45 79 94 68 34", or eight digits
# in a row right after "tlf." / "telefon" (alone, eight digits may be a code or an amount).
TELEFON = re.compile(
    rf"(?P<nummer>(?<![\w+/.,-])(?<!\d{_MELLEM})(?:(?:\+45|0045){_MELLEM}?)?"
    rf"(?:\d{{2}}{_MELLEM}\d{{2}}{_MELLEM}\d{{2}}{_MELLEM}\d{{2}}|\d{{4}}{_MELLEM}\d{{4}})"
    r"|(?:(?<=(?i:tlf\.))|(?<=(?i:tlf\.)\s)|(?<=(?i:telefon)\s))\d{8})"
    r"(?![\w/-]|[.,]\d)"
)
EMAIL = re.compile(
    r"(?<![\w.+-])(?P<adresse>[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![\w@-])"
)

# What is left as it is in Markdown: a link or image (text and address), a reference, an autolink or
# HTML tag, a code span, a bare address. A "\[" is an escaped bracket (text), not a link.
_MD_URORT = re.compile(
    r"!?(?<!\\)\[(?:\\.|[^\]\\])*\](?:\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])"
    r"|<[^<>\s][^<>]*>"
    r"|`[^`]*`"
    r"|\b(?:https?|mailto|tel):[^\s)\]]+"
)
# In HTML: a whole <a>…</a>, any other tag, an address.
_HTML_URORT = re.compile(r"<a\b[^>]*>.*?</a>|<[^>]*>|\bhttps?://[^\s<\"]+", re.S | re.I)


def e164(nummer: str) -> str:
    """ "79 94 68 34" → "+4579946834"; "+45 79 94 68 34" and "0045 …" likewise."""
    cifre = re.sub(r"\D", "", nummer)
    if nummer.lstrip().startswith("+"):
        return "+" + cifre
    if cifre.startswith("00"):
        return "+" + cifre[2:]
    return LANDEKODE + cifre


def _uden_for(urort: re.Pattern[str], tekst: str, erstat) -> str:
    """`erstat` applied to the stretches of `tekst` that none of `urort`'s matches covers."""
    ud, fra = [], 0
    for m in urort.finditer(tekst):
        ud.append(erstat(tekst[fra : m.start()]))
        ud.append(m.group(0))
        fra = m.end()
    ud.append(erstat(tekst[fra:]))
    return "".join(ud)


def markdown(tekst: str) -> str:
    """Escaped Markdown with every phone number and e-mail address outside a link made a link."""

    def erstat(stykke: str) -> str:
        stykke = TELEFON.sub(lambda m: f"[{m.group('nummer')}](tel:{e164(m.group('nummer'))})", stykke)
        return EMAIL.sub(lambda m: f"[{m.group('adresse')}](mailto:{m.group('adresse')})", stykke)

    return _uden_for(_MD_URORT, tekst, erstat)


def html(tekst: str) -> str:
    """Escaped HTML with every phone number and e-mail address outside a link made a link (the footer).
    A number's link does not break across lines (class ``telefon``, tilgaengelighed.css)."""

    def erstat(stykke: str) -> str:
        stykke = TELEFON.sub(
            lambda m: f'<a class="telefon" href="tel:{e164(m.group("nummer"))}">{m.group("nummer")}</a>', stykke
        )
        return EMAIL.sub(lambda m: f'<a href="mailto:{m.group("adresse")}">{m.group("adresse")}</a>', stykke)

    return _uden_for(_HTML_URORT, tekst, erstat)


def html_tekst(tekst: str) -> str:
    """Plain text as escaped HTML with its numbers and addresses linked."""
    return html(escape(tekst, quote=False))
