"""Open data: the revision's catalogue as JSON (with its JSON Schema) and the overview tables as CSV.

The JSON export is also what the "Ændringer" page of a later revision compares
against: each published revision carries the exact data it was built from.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from typing import Any

from pydantic import BaseModel

from ..data.eksport import eksport, som_json
from ..data.katalog import Katalog
from ..data.pladsholdere import Udfylder
from . import urls
from .visning import Visning

# A spreadsheet opening the CSV treats a cell that begins with one of these as a formula
# ("=HYPERLINK(...)", "@SUM(...)"), or strips the tab/CR and then does. OWASP's advice:
# prefix such a cell with a single quote, so it is shown as the text it is.
_FORMELTEGN = ("=", "+", "-", "@", "\t", "\r")


def csv_celle(vaerdi: Any) -> Any:
    """One CSV cell, neutralised against formula injection (numbers are left as numbers)."""
    if isinstance(vaerdi, str) and vaerdi.startswith(_FORMELTEGN):
        return "'" + vaerdi
    return vaerdi


def _csv(raekker: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([[csv_celle(v) for v in r] for r in raekker])
    return buf.getvalue()


def _uden_links(tekst: str) -> str:
    """Cells are plain text: a Markdown link keeps its words."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", tekst)


def filer(katalog: Katalog, visning: Visning) -> dict[str, str]:
    # Published data names the municipality: placeholders such as {kommune} are filled in.
    udfyld = Udfylder(katalog.info).i_data
    # The same rows and cells as the pages "Serviceniveau på et blik" and "Sagsbehandlingsfrister".
    serviceniveau: list[list[Any]] = [
        ["id", "titel", "type", "standarder", "sagsbehandlingsfrist", "hyppighed", "pris", "levering", "side"]
    ]
    frister: list[list[Any]] = [["gælder", "emne", "frist_antal", "frist_enhed", "frist", "kilde", "side"]]
    for r in visning.serviceniveau:
        i = r.indsats
        serviceniveau.append(
            [
                i.id,
                i.titel,
                i.type,
                " ".join(map(str, i.standarder)),
                *(_uden_links(r.aspekt(a).celle) for a in ("sagsbehandlingsfrist", "hyppighed", "pris", "levering")),
                i.side,
            ]
        )
        for f, kilde in r.frister:
            frister.append(
                [
                    visning.indsats_navn(i),
                    f.emne or "",
                    f.antal or "",
                    f.enhed or "",
                    f.tekst,
                    kilde.kort or katalog.profil.indsats.ental + "en",
                    f.side or "",
                ]
            )
    for fr in visning.standardernes_frister():
        f = fr.faktum
        frister.append(
            [
                fr.hvem,
                f.emne or "",
                f.antal or "",
                f.enhed or "",
                f.tekst,
                katalog.standard_navn("").strip() + "en",
                f.side or "",
            ]
        )
    return {
        urls.DATA_JSON: som_json(udfyld(eksport(katalog))),
        urls.DATA_SKEMA: skema(katalog),
        urls.CSV_SERVICENIVEAU: _csv(udfyld(serviceniveau)),
        urls.CSV_FRISTER: _csv(udfyld(frister)),
    }


def skema(katalog: Katalog) -> str:
    """The export's JSON Schema, in the shape of the catalogue's profile."""
    return _skema(katalog.profil.model_dump_json(), katalog.modeller.Eksport)


@functools.lru_cache(maxsize=8)
def _skema(_profil: str, model: type[BaseModel]) -> str:
    # Keyed by the profile: it and the code decide the schema, so `mkdocs serve` makes it once.
    s = model.model_json_schema()
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["title"] = "Kvalitetsstandard-kataloget: eksport af én revision"
    return som_json(s)
