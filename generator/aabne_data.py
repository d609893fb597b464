"""Open data: the revision's catalogue as JSON (with its JSON Schema) and the overview tables as CSV.

The JSON export is also what the "Ændringer" page of a later revision compares
against: each published revision carries the exact data it was built from.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import schema, urls
from .indlaes import Katalog
from .visning import Visning


class Eksport(schema.Model):
    """The shape of katalog.json: the four data files in one document."""

    katalog: schema.KatalogFil
    introduktion: schema.Introduktion
    standarder: list[schema.Standard]
    indsatser: list[schema.Indsats]


def eksport(katalog: Katalog) -> dict[str, Any]:
    return Eksport(katalog=katalog.info, introduktion=katalog.introduktion,
                   standarder=katalog.standarder, indsatser=katalog.indsatser).model_dump(mode="json")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _csv(raekker: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(raekker)
    return buf.getvalue()


def _fakta(liste: Any) -> str:
    if schema.mangler(liste):
        return ""
    return " | ".join(f.tekst if isinstance(f, schema.Loefte) else
                      (str(f.frist) if f.frist else "") + (f" ({f.note})" if f.note else "")
                      for f in liste)


def _udfyld(data: Any, udfyld) -> Any:
    """Published data names the municipality: placeholders such as {kommune} are filled in."""
    if isinstance(data, dict):
        return {k: _udfyld(v, udfyld) for k, v in data.items()}
    if isinstance(data, list):
        return [_udfyld(v, udfyld) for v in data]
    return udfyld(data) if isinstance(data, str) else data


def filer(katalog: Katalog, visning: Visning) -> dict[str, str]:
    from .skabeloner import Udfylder

    udfyld = Udfylder(katalog).pladsholdere
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
        urls.DATA_JSON: _json(_udfyld(eksport(katalog), udfyld)),
        urls.DATA_SKEMA: _json(skema),
        urls.CSV_SERVICENIVEAU: _csv(_udfyld(serviceniveau, udfyld)),
        urls.CSV_FRISTER: _csv(_udfyld(frister, udfyld)),
    }

