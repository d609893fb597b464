"""How the catalogue's open data may be reused: the licence the municipality publishes it under.

Never guessed: without ``licens`` in katalog.yaml the data package and the DCAT record name no
licence, and the data page says none is given.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

_Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Licens(BaseModel):
    """A licence: its SPDX id or name (``CC-BY-4.0``), its address and, optionally, its title."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    navn: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.+-]+$")]
    url: Annotated[str, StringConstraints(pattern=r"^https://")]
    titel: _Tekst | None = None
