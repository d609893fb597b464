"""FSIII codes for staff: on each entry's page, in the search, and on one page listing every code used.

The data's ``fsiii:`` lines (checked by `tjek.fsiii`) become ready rows: the code's UUID and
legacy code, its FSIII name and group from the pinned code system, who made the mapping,
and for an entry without a code, why. Staff go from the code on a citizen's visitation to
the service level by searching the code, or by the overview page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data import fsiii
from .sider import Side

SIDE = "katalog/overblik/fsiii-koder.md"

KORTLAGT_AF = {
    "redaktør": "Redaktørens kortlægning ud fra FSIII's definitioner, ikke kildens",
    "kilde": "Koden står i kataloget",
}


@dataclass(frozen=True)
class VistKode:
    kode: str
    """The UUID (the code as the data writes it, when the code system cannot be read)."""
    gammel_kode: str | None
    navn: str
    """The name in FSIII."""
    gruppe: str | None
    kortlagt_af: str
    begrundelse: str | None

    @property
    def kortlagt_tekst(self) -> str:
        return KORTLAGT_AF[self.kortlagt_af]


@dataclass(frozen=True)
class PostensKoder:
    koder: list[VistKode]
    ingen: str | None
    """Why the entry has no code (the data's ``ingen``)."""
    oversigt: str = SIDE

    def __bool__(self) -> bool:
        return bool(self.koder or self.ingen)

    @property
    def soegetekst(self) -> str:
        """The codes (UUID and legacy) and FSIII names, for the search's metadata."""
        dele: list[str] = []
        for k in self.koder:
            dele += [k.kode, *([k.gammel_kode] if k.gammel_kode else []), k.navn]
        return " ".join(dict.fromkeys(dele))


def _kodesystem() -> fsiii.Kodesystem | None:
    try:
        return fsiii.indlaes()
    except fsiii.KodesystemFejl:
        return None  # `check` has reported it when the data names a code


def postens_koder(post: Any) -> PostensKoder:
    ks = _kodesystem() if any(x.kode for x in post.fsiii) else None
    koder: list[VistKode] = []
    ingen = None
    for linje in post.fsiii:
        if linje.ingen is not None:
            ingen = linje.ingen
            continue
        b = ks.slaa_op(linje.kode) if ks else None
        koder.append(
            VistKode(
                kode=b.kode if b else linje.kode,
                gammel_kode=b.gammel_kode if b else None,
                navn=b.navn if b else linje.navn,
                gruppe=b.grupper[-1] if b and b.grupper else None,
                kortlagt_af=linje.kortlagt_af,
                begrundelse=linje.begrundelse,
            )
        )
    return PostensKoder(koder, ingen)


@dataclass(frozen=True)
class Henvisning:
    titel: str
    til: str


@dataclass(frozen=True)
class KodeRaekke:
    kode: VistKode
    poster: list[Henvisning]


def side(poster: list[tuple[str, str, Any]]) -> Side | None:
    """The page listing every FSIII code the catalogue uses and where; None if no entry names FSIII.

    `poster` is (title, page path, entry) for every standard and intervention, in catalogue order.
    """
    raekker: dict[str, KodeRaekke] = {}
    uden: list[tuple[Henvisning, str]] = []
    for titel, til, post in poster:
        pk = postens_koder(post)
        for k in pk.koder:
            raekker.setdefault(k.kode, KodeRaekke(k, [])).poster.append(Henvisning(titel, til))
        if pk.ingen:
            uden.append((Henvisning(titel, til), pk.ingen))
    if not raekker and not uden:
        return None
    ks = _kodesystem()
    return Side(
        SIDE,
        "FSIII-koder",
        "fsiii.md.j2",
        {
            "raekker": sorted(raekker.values(), key=lambda r: ((r.kode.gruppe or ""), r.kode.navn)),
            "uden": uden,
            "kodesystem": ks,
            "alle_redaktoerens": all(r.kode.kortlagt_af == "redaktør" for r in raekker.values()),
        },
        gruppe="Overblik",
    )
