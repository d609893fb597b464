"""Find, read and check the profile a catalogue names, with the catalogue's own `form:` laid over it.

Problems are located like every other: in the profile's own file, or in katalog.yaml where the
catalogue names or adjusts it.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..problemer import Problem
from .profil import Profil, flet, kendte_profiler, profil_sti
from .valider import valider
from .yamlfil import YamlFil, laes_yaml, visningsnavn


def laes_profil(katalog: YamlFil, data_dir: Path) -> tuple[Profil | None, list[Problem], YamlFil | None]:
    """The catalogue's profile, checked, or the problems that stop it (located)."""
    data = katalog.data if isinstance(katalog.data, dict) else {}
    navn = data.get("profil")

    def her(besked: str, hint: str, sti: tuple = ("profil",)) -> Problem:
        return Problem(besked, hint, fil=katalog.visningsnavn, linje=katalog.linje(sti), post="profil", felt=None)

    kendte = ", ".join(kendte_profiler(data_dir)) or "ingen fundet"
    if not isinstance(navn, str) or not navn.strip():
        if katalog.problemer:
            return None, [], None
        return (
            None,
            [
                her(
                    "kataloget angiver ikke sin profil (sin form)",
                    f"tilføj 'profil: NAVN' øverst i filen; profiler: {kendte} (se profiler/README.md)",
                )
            ],
            None,
        )
    sti = profil_sti(navn.strip(), data_dir)
    if sti is None:
        return (
            None,
            [
                her(
                    f"profilen '{navn}' findes ikke",
                    f"brug en af: {kendte}, eller en sti til en profil.yaml"
                    + (
                        f" (en sti regnes fra katalogets mappe: {visningsnavn(data_dir.parent / navn)})"
                        if "/" in navn or navn.endswith(".yaml")
                        else ""
                    ),
                )
            ],
            None,
        )
    fil = laes_yaml(sti, visningsnavn(sti))
    profil, problemer = valider(fil, Profil)
    if profil is None:
        return None, problemer, fil
    form = data.get("form")
    if form is None:
        return profil, [], fil
    if not isinstance(form, dict):
        return (
            None,
            [her("'form' skal være en blok af felter som i en profil", "se profiler/README.md", ("form",))],
            fil,
        )
    try:
        return Profil.model_validate(flet(profil.model_dump(), form)), [], fil
    except ValidationError as e:
        ud = []
        for f in e.errors():
            loc = tuple(f["loc"])
            ud.append(
                Problem(
                    f"form: {'.'.join(str(d) for d in loc)}: {f['msg']}",
                    "'form' lægges oven på profilen og skal give en gyldig profil (profiler/README.md)",
                    fil=katalog.visningsnavn,
                    linje=katalog.linje(("form", *loc)),
                    post="profil",
                    felt="form",
                )
            )
        return None, ud, fil
