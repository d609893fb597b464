"""The revision as one JSON document: the open-data export, and what a later revision compares against."""

from __future__ import annotations

import json
from typing import Any

from . import schema
from .katalog import Katalog


class Eksport(schema.Model):
    """The shape of katalog.json: the data files in one document."""

    katalog: schema.KatalogFil
    introduktion: schema.Introduktion
    standarder: list[schema.Standard]
    indsatser: list[schema.Indsats]


def eksport(katalog: Katalog) -> dict[str, Any]:
    return Eksport(
        katalog=katalog.info,
        introduktion=katalog.introduktion,
        standarder=katalog.standarder,
        indsatser=katalog.indsatser,
    ).model_dump(mode="json")


def som_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
