"""Every FSIII code in the data is a real, current FSIII intervention that fits its entry.

Checked against the pinned code system (`data.fsiii`), for each ``fsiii:`` line of a
standard or an intervention:

- the code exists (UUID or legacy code) and is not retired;
- ``navn`` is the code's FSIII name (a code copied from the wrong line is caught here);
- the code is an intervention ("… indsatser"), not a condition, a finding or a scale, and a
  code under a paragraph group ("§ 86 stk. 2 Vedligeholdelsestræning", "SUL § 138") belongs to
  an entry whose legal basis cites that paragraph (of that law, where the group names one the
  law registry knows by one of its names);
- no code twice, and ``ingen`` (why no code fits) never beside codes.

Every hint names the closest real codes by name. The code system is read only when the
data names a code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ..data import fsiii, schema
from ..data.fsiii import Begreb, Kodesystem
from ..data.katalog import Katalog

Melder = Callable[..., None]


def _poster(k: Katalog) -> Iterator[tuple[str, tuple, str, Any, list[schema.Henvisning]]]:
    """(file key, path, entry name, entry, its legal basis: own and its standards') for entries with codes."""

    def grundlag_af(post: Any) -> list[schema.Henvisning]:
        return [h for _, _, h in k.henvisninger(post)]

    for si, s in enumerate(k.standarder):
        if s.fsiii:
            yield "standarder", ("standarder", si), k.standard_navn(s.nr), s, grundlag_af(s)
    for ii, i in enumerate(k.indsatser):
        if i.fsiii:
            grundlag = grundlag_af(i)
            for nr in i.standarder:
                std = k.standard(nr)
                if std is not None:
                    grundlag += grundlag_af(std)
            yield "indsatser", ("indsatser", ii), i.id, i, grundlag


def _forslag(ks: Kodesystem, *navne: str, udover: Begreb | None = None) -> str:
    """The closest real codes by the first of `navne` (the line's name, then the entry's title) that has any."""
    for navn in navne:
        naermeste = [b for b in ks.naermeste(navn) if b is not udover]
        if naermeste:
            return "nærmeste koder efter navn: " + "; ".join(fsiii.beskriv(b) for b in naermeste)
    return f"ingen FSIII-indsats har et navn, der ligner '{navne[0]}'; skriv 'ingen: <hvorfor>', hvis ingen kode passer"


def _gruppens_lov(k: Katalog, b: Begreb) -> str | None:
    """The law the code's group names by one of the registry's names ("SUL § 138", "§ 112 i Serviceloven")."""
    for navn in (b.navn, *reversed(b.grupper)):
        if "§" not in navn:
            continue
        for lov in k.love.love:
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", navn, re.I) for n in lov.navne):
                return lov.id
        return None
    return None


def _passer_til_lovgrundlag(k: Katalog, b: Begreb, grundlag: list[schema.Henvisning]) -> bool:
    if b.paragraf is None or not grundlag:
        return True
    paragraf, stk = b.paragraf
    lov = _gruppens_lov(k, b)
    return any(
        fsiii.paragraf_noegle(h.paragraf) == paragraf
        and (stk is None or h.stk is None or h.stk == stk)
        and (lov is None or h.lov == lov)
        for h in grundlag
    )


def fsiii_koder(k: Katalog, p: Melder) -> None:
    poster = list(_poster(k))
    if not poster:
        return
    try:
        ks = fsiii.indlaes()
    except fsiii.KodesystemFejl as e:
        filnoegle, sti, post, model, _ = poster[0]
        p(
            filnoegle,
            sti + ("fsiii",),
            post,
            f"FSIII-koderne kan ikke tjekkes: {e}",
            f"læg KL's {fsiii.FILNAVN} i ../shared/fsiii/ ved siden af repoet, "
            f"eller sæt miljøvariablen {fsiii.MILJOEVARIABEL} til filens sti",
        )
        return
    for filnoegle, prefix, post, model, grundlag in poster:
        koder: dict[str, int] = {}
        for j, linje in enumerate(model.fsiii):
            sti = prefix + ("fsiii", j)
            if linje.ingen is not None:
                if len(model.fsiii) > 1:
                    p(
                        filnoegle,
                        sti + ("ingen",),
                        post,
                        "'ingen' står sammen med andre linjer under 'fsiii'",
                        "skriv enten koderne eller én linje 'ingen: <hvorfor>'",
                        felt_fra=len(prefix),
                    )
                continue
            assert linje.kode is not None and linje.navn is not None  # the model requires both
            b = ks.slaa_op(linje.kode)
            if b is None:
                taet = ks.naermeste_koder(linje.kode)
                hint = ("mente du " + " eller ".join(fsiii.beskriv(x) for x in taet) + "? " if taet else "") + _forslag(
                    ks, linje.navn
                )
                p(
                    filnoegle,
                    sti + ("kode",),
                    post,
                    f"FSIII-koden '{linje.kode}' findes ikke i {ks.titel} version {ks.version}",
                    hint,
                    felt_fra=len(prefix),
                )
                continue
            if b.udgaaet:
                p(
                    filnoegle,
                    sti + ("kode",),
                    post,
                    f"FSIII-koden '{linje.kode}' ('{b.navn}') er udgået i {ks.titel} version {ks.version}",
                    _forslag(ks, b.navn, udover=b),
                    felt_fra=len(prefix),
                )
            if fsiii.normaliseret(linje.navn) != fsiii.normaliseret(b.navn):
                p(
                    filnoegle,
                    sti + ("navn",),
                    post,
                    f"navnet '{linje.navn}' passer ikke til koden {linje.kode}, som hedder '{b.navn}' i FSIII",
                    f"skriv navn: {b.navn} — eller ret koden; {_forslag(ks, linje.navn, model.titel, udover=b)}",
                    felt_fra=len(prefix),
                )
            if not b.er_indsats:
                p(
                    filnoegle,
                    sti + ("kode",),
                    post,
                    f"FSIII-koden {linje.kode} ('{b.navn}') hører til '{b.hovedgruppe}', som ikke er indsatser",
                    "vælg en kode fra en af FSIII's indsatsgrupper; " + _forslag(ks, linje.navn, model.titel),
                    felt_fra=len(prefix),
                )
            elif not _passer_til_lovgrundlag(k, b, grundlag):
                assert b.paragraf is not None
                paragraf, stk = b.paragraf
                lov = k.love.lov(_gruppens_lov(k, b) or "")
                lovnavn = f"{lov.genitiv} " if lov else ""
                p(
                    filnoegle,
                    sti + ("kode",),
                    post,
                    f"FSIII-koden {linje.kode} ('{b.navn}') hører til gruppen '{b.grupper[-1] if b.grupper else b.navn}' "
                    f"({lovnavn}§ {paragraf}{f', stk. {stk}' if stk else ''}), men lovgrundlaget nævner ikke den paragraf",
                    "vælg en kode fra gruppen for indsatsens paragraf, eller ret lovgrundlaget; "
                    + _forslag(ks, linje.navn, model.titel, udover=b),
                    felt_fra=len(prefix),
                )
            if b.kode in koder:
                p(
                    filnoegle,
                    sti + ("kode",),
                    post,
                    f"FSIII-koden '{b.navn}' står to gange (også linje {koder[b.kode] + 1} under 'fsiii')",
                    "slet den ene linje",
                    felt_fra=len(prefix),
                )
            koder.setdefault(b.kode, j)


REGLER = (fsiii_koder,)
