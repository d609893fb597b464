"""The revision as one JSON document: the open-data export, and what a later revision compares against."""

from __future__ import annotations

import json
from typing import Any

from .katalog import Katalog


def eksport(katalog: Katalog) -> dict[str, Any]:
    """katalog.json: the data files in one document, in the shape of the catalogue's profile."""
    return katalog.modeller.Eksport(  # type: ignore[call-arg]  # the fields are the profile's
        katalog=katalog.info,
        introduktion=katalog.introduktion,
        standarder=katalog.standarder,
        indsatser=katalog.indsatser,
    ).model_dump(mode="json")


def som_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
