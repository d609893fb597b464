"""Open data: the revision's catalogue as JSON (with its JSON Schema) and the overview tables as CSV.

The JSON export is also what the "Ændringer" page of a later revision compares
against: each published revision carries the exact data it was built from.
"""
from __future__ import annotations

import csv
import io
from typing import Any

from ..data import schema
from ..data.eksport import Eksport, eksport, som_json
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


def _fakta(liste: Any) -> str:
    if schema.mangler(liste):
        return ""
    return " | ".join(f.tekst if isinstance(f, schema.Loefte) else
                      (str(f.frist) if f.frist else "") + (f" ({f.note})" if f.note else "")
                      for f in liste)


def filer(katalog: Katalog, visning: Visning) -> dict[str, str]:
    # Published data names the municipality: placeholders such as {kommune} are filled in.
    udfyld = Udfylder(katalog.info).i_data
    serviceniveau = [["id", "titel", "type", "standarder", "hyppighed", "sagsbehandlingsfrist", "levering", "side"]]
    for i in katalog.indsatser:
        serviceniveau.append([i.id, i.titel, i.type, " ".join(map(str, i.standarder)), _fakta(i.hyppighed),
                              _fakta(i.sagsbehandlingsfrist), _fakta(i.levering), i.side])
    frister = [["gælder", "emne", "frist_antal", "frist_enhed", "note", "side"]]
    for r in visning.alle_frister():
        frister.append([r.hvem, r.emne or "", *(r.vaerdi.split(" ", 1) if r.vaerdi[:1].isdigit() else ["", ""]),
                        r.note or (r.vaerdi if not r.vaerdi[:1].isdigit() else ""), r.side])
    skema = Eksport.model_json_schema()
    skema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    skema["title"] = "Kvalitetsstandard-kataloget: eksport af én revision"
    return {
        urls.DATA_JSON: som_json(udfyld(eksport(katalog))),
        urls.DATA_SKEMA: som_json(skema),
        urls.CSV_SERVICENIVEAU: _csv(udfyld(serviceniveau)),
        urls.CSV_FRISTER: _csv(udfyld(frister)),
    }

