"""The one load-and-check step: read, validate and cross-check a data folder into a `Katalog`.

`check`, `build`, `serve` (the MkDocs hook) and `publish` all call `indlaes_katalog`, so
what one accepts the others build. All four files are read and checked before anything
fails, so the editor gets every problem at once; `DataFejl` carries them.

The previous revision (`revision.forrige`) is part of the step: its saved JSON export in
``<data>/tidligere/<id>/katalog.json`` is read as plain data — a frozen revision is never
re-validated against today's schema.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from ..data import schema
from ..data.katalog import ForrigeUdgave, Katalog
from ..data.lovregister import LoveFil, Lovregister, laes_lovregister
from ..data.profilfil import laes_profil
from ..data.yamlfil import (
    MAKS_BYTES,
    STANDARD,
    UlaeseligFil,
    YamlFil,
    laes_datafil,
    laes_yaml,
    uegnet_tekst,
    visningsnavn,
)
from ..problemer import DataFejl, Niveau, Problem
from . import krydstjek
from .delvis import delvis_valider, hint_med, skjult

FILER: dict[str, str] = {
    "katalog": "katalog.yaml",
    "standarder": "standards.yaml",
    "indsatser": "indsatser.yaml",
}

TIDLIGERE = "tidligere"
"""Folder under the data folder that holds each published revision's export."""
EKSPORT_FIL = "katalog.json"
MAKS_GEMT_BYTES = 5 * MAKS_BYTES
"""The largest saved export read (it holds all four data files, as JSON)."""


def tidligere_mappe(data_dir: Path | str, revision_id: str) -> Path:
    """Where the export of published revision `revision_id` is kept: data/tidligere/<id>/."""
    return Path(data_dir) / TIDLIGERE / revision_id


def indlaes_katalog(data_dir: Path | str) -> Katalog:
    """Read, validate and cross-check `data_dir`, and read its previous revision. Raises `DataFejl`."""
    data_dir = Path(data_dir)
    problemer: list[Problem] = []
    filer: dict[str, YamlFil] = {
        noegle: laes_yaml(data_dir / navn, visningsnavn(data_dir / navn), data_dir) for noegle, navn in FILER.items()
    }
    objekter: dict[str, Any] = {}
    udeladte: list[str] = []
    d = delvis_valider(filer["katalog"], schema.KatalogFil)
    filer["katalog"], objekter["katalog"] = d.fil, d.objekt
    problemer += d.problemer
    udeladte += d.udeladt.navne()
    # The catalogue's shape (its profile) decides the models of the other two files.
    profil, fundne, profil_fil = laes_profil(filer["katalog"], data_dir)
    problemer += fundne
    if profil_fil is not None:
        filer["profil"] = profil_fil
    modeller = schema.modeller(profil) if profil is not None else None
    if profil is not None and profil.standard is not None:
        # standards.yaml was read before its profile was known: its entries take the profile's word.
        fil = filer["standarder"]
        fil.problemer[:] = [_i_profilens_ord(p, profil.standard.ental) for p in fil.problemer]
    for noegle in ("standarder", "indsatser"):
        objekter[noegle] = None
        if modeller is not None:
            model = modeller.StandarderFil if noegle == "standarder" else modeller.IndsatserFil
            d = delvis_valider(filer[noegle], model, profil)
            filer[noegle], objekter[noegle] = d.fil, d.objekt
            problemer += d.problemer
            udeladte += d.udeladt.navne()
    love_sti = data_dir / "love.yaml"
    love_fil = laes_yaml(love_sti, visningsnavn(love_sti), data_dir)
    filer["love"] = love_fil
    register, fundne = laes_lovregister(love_fil)
    problemer += fundne
    if problemer or modeller is None:
        raise DataFejl(_og_det_de_skjuler(data_dir, problemer, filer, objekter, register, udeladte, modeller))
    assert register is not None
    katalog = Katalog(
        data_dir, objekter["katalog"], objekter["standarder"], objekter["indsatser"], register, filer, modeller
    )
    fundne = krydstjek.tjek(katalog)
    forrige, fundne_forrige = laes_forrige(katalog)
    fundne += fundne_forrige
    fejl = [p for p in fundne if p.niveau is Niveau.FEJL]
    katalog.advarsler = [p for p in fundne if p.niveau is Niveau.ADVARSEL]
    if fejl:
        raise DataFejl(fundne)
    katalog.forrige = forrige
    return katalog


def _og_det_de_skjuler(
    data_dir: Path,
    problemer: list[Problem],
    filer: dict[str, YamlFil],
    objekter: dict[str, Any],
    register: Lovregister | None,
    udeladte: list[str],
    modeller: schema.Modeller | None = None,
) -> list[Problem]:
    """The validation errors plus every cross-check that can run on the valid parts (`delvis`).

    A file that could not be read at all hides the cross-checks: its errors say so. A
    cross-check problem about an entry that was left out is not reported (it is the error's
    consequence, and the error's hint says the entry is not checked further).
    """
    if register is None and filer["love"].data is not None and not filer["love"].problemer:
        register = _delvist_register(filer["love"])
    mangler = [k for k, obj in objekter.items() if obj is None] + ([] if register is not None else ["love"])
    if modeller is None and "katalog" not in mangler:
        mangler.append("katalog")  # without the profile the entries cannot be read
    if mangler:
        navne = ", ".join(filer[k].visningsnavn for k in mangler)
        tillaeg = f"krydstjekket af de andre filer venter, til {navne} kan læses"
        return [hint_med(p, tillaeg) if p.fil in navne.split(", ") else p for p in problemer]
    assert register is not None and modeller is not None
    katalog = Katalog(
        data_dir, objekter["katalog"], objekter["standarder"], objekter["indsatser"], register, filer, modeller
    )
    try:
        fundne = krydstjek.tjek(katalog) + laes_forrige(katalog)[1]
    except Exception:  # noqa: BLE001 — a rule meeting a hole the errors left; they come first
        return [hint_med(p, "krydstjekket kører, når fejlene er rettet") for p in problemer]
    # A field the validation pruned is the validation's to report: a rule that then misses it
    # (a page number required by the profile) would say the same mistake a second time.
    steder = {(p.fil, p.linje, p.felt) for p in problemer}
    return problemer + [p for p in fundne if not skjult(p, udeladte) and (p.fil, p.linje, p.felt) not in steder]


def _delvist_register(fil: YamlFil) -> Lovregister | None:
    """The registry's valid laws and paragraphs, for checking citations while love.yaml has errors."""
    d = delvis_valider(fil, LoveFil)
    return Lovregister(d.objekt, fil.visningsnavn) if d.objekt is not None else None


def _i_profilens_ord(p: Problem, ental: str) -> Problem:
    """ "standard 1" → "kvalitetsstandard 1": a problem named before the profile was read."""
    if p.post and p.post.startswith(STANDARD + " "):
        return dataclasses.replace(p, post=ental + p.post[len(STANDARD) :])
    return p


def laes_forrige(katalog: Katalog) -> tuple[ForrigeUdgave | None, list[Problem]]:
    """The previous revision's saved export, or a located problem on `revision.forrige`."""
    forrige = katalog.info.revision.forrige
    if not forrige:
        return None, []
    fil = katalog.filer["katalog"]
    sti = tidligere_mappe(katalog.data_dir, forrige) / EKSPORT_FIL

    def problem(besked: str, hint: str) -> tuple[None, list[Problem]]:
        return None, [
            Problem(
                besked,
                hint,
                fil=fil.visningsnavn,
                linje=fil.linje(("revision", "forrige")),
                post="revision",
                felt="forrige",
            )
        ]

    try:
        raa = laes_datafil(sti, MAKS_GEMT_BYTES, katalog.data_dir)
    except UlaeseligFil as e:
        if e.besked == "filen findes ikke":
            return problem(
                f"den forrige udgave '{forrige}' er ikke gemt: {visningsnavn(sti)} findes ikke",
                f"'python -m generator publish {forrige}' gemmer en udgaves data dér; "
                "ret 'forrige', eller fjern linjen, hvis dette er den første udgave",
            )
        return problem(f"{visningsnavn(sti)}: {e.besked}", e.hint)
    try:
        data = json.loads(raa.decode("utf-8"))
    except (ValueError, RecursionError):
        data = None
    mangler = gemt_form(data)
    gemt_id = _gemt_id(data)
    if mangler and gemt_id in (None, forrige):
        return problem(
            f"{visningsnavn(sti)} er ikke en gemt udgave ({mangler})",
            "filen skrives af 'python -m generator publish'; gendan den fra git",
        )
    if gemt_id != forrige:
        return problem(
            f"{visningsnavn(sti)} indeholder udgave '{gemt_id}', ikke '{forrige}'",
            "mappen skal hedde det samme som udgavens revision.id",
        )
    return ForrigeUdgave(forrige, data), []


def _gemt_id(data: Any) -> str | None:
    try:
        gemt_id = data["katalog"]["revision"]["id"]
    except (KeyError, TypeError):
        return None
    return gemt_id if isinstance(gemt_id, str) else None


def gemt_form(data: Any) -> str | None:
    """What a saved export lacks of the shape the comparison reads (None: it has it all).

    Only the shape is checked, not today's schema: a frozen revision stays as it was published.
    """
    if not isinstance(data, dict):
        return "ugyldig JSON" if data is None else "ikke et JSON-objekt"
    katalog = data.get("katalog")
    if (
        not isinstance(katalog, dict)
        or not isinstance(katalog.get("revision"), dict)
        or not isinstance(katalog["revision"].get("id"), str)
    ):
        return "uden katalog.revision.id"
    for felt in ("kommune", "kontakt"):
        if not isinstance(katalog.get(felt), dict):
            return f"uden katalog.{felt}"
    if not isinstance(katalog["kommune"].get("navn"), str):
        return "uden katalog.kommune.navn"
    if not isinstance(data.get("introduktion"), dict) or "titel" not in data["introduktion"]:
        return "uden introduktion"
    for liste, noegle in (("standarder", "nr"), ("indsatser", "id")):
        if not isinstance(data.get(liste), list) or not all(
            isinstance(p, dict) and isinstance(p.get(noegle), (str, int)) and "titel" in p for p in data[liste]
        ):
            return f"uden {liste} med {noegle} og titel"
    return _uegnet(data)


def _uegnet(data: Any) -> str | None:
    """A text the catalogue's own check would refuse (a hand-edited export): it would reach the Ændringer page."""
    if isinstance(data, dict):
        return next((u for v in [*data.keys(), *data.values()] if (u := _uegnet(v))), None)
    if isinstance(data, list):
        return next((u for v in data if (u := _uegnet(v))), None)
    if isinstance(data, str):
        u = uegnet_tekst(data)
        return f"{u} i en tekst" if u else None
    return None
