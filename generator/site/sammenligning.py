"""Catalogues side by side, service by service: frequency, deadline, price and what is excluded.

Services are matched by the FSIII codes the entries carry (`data.fsiii`), or by an editor's
mapping (`sammenlign_med.kortlægning`) where an entry has none; such a row says so. Every cell is
read from its own catalogue's service level (`site.serviceniveau`) and written with that
catalogue's own placeholders; every row names its catalogue, edition, approval and the page it
came from. A frequency given as a value (`data.hyppighed`) is computed as times a year and mean
days between; one given only in words stays words. What a catalogue does not say is said in the
cell, and where an entry is an excerpt (`uddrag`), what it does not hold is unknown, not silence.

Used by `python -m generator sammenlign` (a site of its own) and by a catalogue that names the
catalogues it compares itself with (a page beside its own, and the PDF's appendix).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import formater
from ..data import fsiii, schema
from ..data.hyppighed import KONVENTION, Hyppighed, beregnet
from ..data.katalog import Katalog
from ..data.sammenligning import REPO, find_katalog
from ..problemer import DataFejl, Problem, fejl
from ..tjek.indlaes import indlaes_katalog
from . import urls
from .serviceniveau import Faktum, Serviceniveau, faktum
from .sider import Side
from .skabeloner import Udfylder
from .visning import Visning

STI = "katalog/sammenligning.md"
"""The comparison's page in a catalogue that names the catalogues it compares itself with."""
TITEL = "Sammenligning med andre kataloger"

ASPEKTER = ("hyppighed", "sagsbehandlingsfrist", "pris", "ikke_omfattet")
IKKE_ANGIVET = "Ikke angivet i katalogets offentliggjorte tekst"
IKKE_GEMT = "Ikke i den gemte tekst"
"""An excerpt's unknown part: the page goes on, but the held text stops before it says this."""
KOLONNER = ("Katalog", "Hyppighed", "Sagsbehandlingsfrist", "Pris", "Ikke omfattet")
_SIDELINK = re.compile(r"\[([^\]]*)\]\((?![a-z]+:)[^)]*\)")


@dataclass
class Deltager:
    """One catalogue in the comparison."""

    katalog: Katalog
    mappe: Path
    navn: str
    """How the comparison names it (its folder, as `sammenlign_med` and the command line do)."""
    adresse: str | None = None
    """Its published site, where known: rows link to the entry's page there."""
    egen: bool = False
    """The catalogue whose site the comparison is a page of: rows link to its own pages."""

    @functools.cached_property
    def serviceniveau(self) -> dict[str, Serviceniveau]:
        return {sn.indsats.id: sn for sn in Visning(self.katalog).serviceniveau}


@dataclass
class Celle:
    tekst: str
    """Markdown for a table cell, escaped, one line."""
    angivet: bool
    tal: list[str] = field(default_factory=list)
    """The numbers the cell computes (not the catalogue's own words), for the tests."""


@dataclass
class Raekke:
    deltager: Deltager
    indsats: schema.Indsats
    link: str | None
    kortlaegning: str | None
    """The editor's reason, where the row is matched by `kortlægning`, not by the entry's own code."""
    celler: dict[str, Celle]

    @property
    def godkendelse(self) -> str:
        g = self.indsats.godkendelse or self.deltager.katalog.info.revision.politisk_godkendt
        return formater.politisk_godkendelse(g.udvalg, g.dato)


@dataclass
class Ydelse:
    kode: str
    navn: str
    raekker: list[Raekke] = field(default_factory=list)

    @property
    def kataloger(self) -> list[str]:
        return list(dict.fromkeys(r.deltager.navn for r in self.raekker))


# ------------------------------------------------------------------ loading and checking


def deltagere(katalog: Katalog, egen: bool = True) -> list[Deltager]:
    """The catalogue and the catalogues its `sammenlign_med` names (loaded and checked each)."""
    mappe = katalog.data_dir.parent
    ud = [Deltager(katalog, mappe.resolve(), ".", None, egen)]
    valg = katalog.info.sammenlign_med
    if valg is None:
        return ud
    fil = katalog.filer["katalog"]
    problemer: list[Problem] = []
    for j, k in enumerate(valg.kataloger):
        sti = find_katalog(mappe, k.sti)
        sted = ("sammenlign_med", "kataloger", j, "sti")
        if sti is None:
            problemer.append(
                _sted(
                    fejl(
                        f"kataloget '{k.sti}' findes ikke: der er ingen {k.sti}/data/katalog.yaml",
                        "skriv stien til katalogets mappe (den med data/), set fra dette katalogs mappe",
                    ),
                    fil,
                    sted,
                )
            )
            continue
        try:
            ud.append(Deltager(indlaes_katalog(sti / "data"), sti, k.sti, k.adresse))
        except DataFejl as e:
            problemer.append(
                _sted(
                    fejl(
                        f"kataloget '{k.sti}' har {e.antal_fejl} fejl og kan ikke sammenlignes",
                        f"kør 'python -m generator --data {k.sti}/data check'",
                    ),
                    fil,
                    sted,
                )
            )
    if problemer:
        raise DataFejl(problemer)
    return ud


def _sted(p: Problem, fil: Any, sti: tuple) -> Problem:
    felt = "".join(f"[{d}]" if isinstance(d, int) else f".{d}" for d in sti[1:]).lstrip(".")
    return p.sted(fil.visningsnavn, fil.linje(sti), "sammenlign_med", felt)


def kortlaegninger(
    katalog: Katalog, deltagere_: list[Deltager], alle: bool = True
) -> dict[tuple[Path, str], tuple[str, str]]:
    """The editor's mappings in `katalog`'s `sammenlign_med`, checked: (catalogue folder, entry) → (FSIII
    code, reason). A mapping names its catalogue as `kataloger` does (``.`` for `katalog` itself).
    With `alle=False` (the command line's own choice of catalogues), a mapping of a catalogue that is
    not compared this time is left out; one that names no catalogue at all is still an error."""
    valg = katalog.info.sammenlign_med
    if valg is None:
        return {}
    fil = katalog.filer["katalog"]
    mappe = katalog.data_dir.parent.resolve()
    efter_mappe = {d.mappe: d for d in deltagere_}
    kodesystem = fsiii.indlaes()
    problemer: list[Problem] = []
    ud: dict[tuple[Path, str], tuple[str, str]] = {}
    for j, m in enumerate(valg.kortlægning):
        sted = ("sammenlign_med", "kortlægning", j)
        fundet = mappe if m.katalog == "." else find_katalog(mappe, m.katalog)
        d = efter_mappe.get(fundet) if fundet else None
        if d is None and fundet is not None and not alle:
            continue
        if d is None:
            kendte = ", ".join(["'.'", *(repr(k.sti) for k in valg.kataloger)])
            problemer.append(
                _sted(
                    fejl(
                        f"ukendt katalog '{m.katalog}': det er ikke et af de kataloger, der sammenlignes",
                        f"brug et af: {kendte}",
                    ),
                    fil,
                    (*sted, "katalog"),
                )
            )
            continue
        i = d.katalog.indsats(m.post)
        if i is None:
            forslag = [x.id for x in d.katalog.indsatser if m.post.lower() in (x.id + " " + x.titel).lower()][:3]
            problemer.append(
                _sted(
                    fejl(
                        f"kataloget '{m.katalog}' har ingen post '{m.post}'",
                        "skriv postens id" + (f", fx {', '.join(forslag)}" if forslag else " (se katalogets check)"),
                    ),
                    fil,
                    (*sted, "post"),
                )
            )
            continue
        begreb = kodesystem.slaa_op(m.fsiii)
        if begreb is None or begreb.udgaaet or not begreb.er_indsats:
            naermeste = kodesystem.naermeste_koder(m.fsiii) or kodesystem.naermeste(i.titel)
            hvad = "er ukendt" if begreb is None else ("er udgået" if begreb.udgaaet else "er ikke en indsats")
            problemer.append(
                _sted(
                    fejl(
                        f"FSIII-koden '{m.fsiii}' {hvad} i kodesystemet",
                        "brug en gældende indsatskode"
                        + (f", fx {', '.join(fsiii.beskriv(b) for b in naermeste)}" if naermeste else ""),
                    ),
                    fil,
                    (*sted, "fsiii"),
                )
            )
            continue
        if any(k.kode for k in i.fsiii):
            problemer.append(
                _sted(
                    fejl(
                        f"posten '{m.post}' har allerede sine egne FSIII-koder",
                        "en kortlægning er kun for en post uden kode; slet den her",
                    ),
                    fil,
                    (*sted, "post"),
                )
            )
            continue
        ud[(d.mappe, i.id)] = (begreb.kode, m.begrundelse)
    if problemer:
        raise DataFejl(problemer)
    return ud


def tjek(katalog: Katalog) -> list[Problem]:
    """What `check` says about `sammenlign_med`: every problem, located in katalog.yaml."""
    if katalog.info.sammenlign_med is None:
        return []
    try:
        kortlaegninger(katalog, deltagere(katalog))
    except DataFejl as e:
        return e.problemer
    return []


# ------------------------------------------------------------------ the rows


def ydelser(
    deltagere_: list[Deltager], kort: dict[tuple[Path, str], tuple[str, str]], side: str = STI
) -> tuple[list[Ydelse], list[Ydelse]]:
    """The services at least two catalogues have, and those only one has (each in first-seen order)."""
    kodesystem = fsiii.indlaes()
    efter_kode: dict[str, Ydelse] = {}
    for d in deltagere_:
        for i in d.katalog.indsatser:
            koder: list[tuple[str, str | None]] = [(k.kode, None) for k in i.fsiii if k.kode]
            if not koder and (d.mappe, i.id) in kort:
                koder = [kort[(d.mappe, i.id)]]
            for kode, grund in koder:
                begreb = kodesystem.slaa_op(kode)
                noegle = begreb.kode if begreb else kode
                y = efter_kode.setdefault(noegle, Ydelse(noegle, begreb.navn if begreb else kode))
                y.raekker.append(_raekke(d, i, grund, side))
    alle = list(efter_kode.values())
    return [y for y in alle if len(y.kataloger) > 1], [y for y in alle if len(y.kataloger) == 1]


def _raekke(d: Deltager, i: schema.Indsats, grund: str | None, side: str) -> Raekke:
    sn = d.serviceniveau[i.id]
    if d.egen:
        link: str | None = urls.link(side, sn.til)
    elif d.adresse:
        link = d.adresse.rstrip("/") + "/" + urls.url_i_site(sn.til)
    else:
        link = i.kildeside.adresse if i.kildeside else None
    celler = {
        "hyppighed": _hyppighed(d, sn),
        "sagsbehandlingsfrist": _fakta_celle(d, sn, "sagsbehandlingsfrist"),
        "pris": _fakta_celle(d, sn, "pris"),
        "ikke_omfattet": _fakta_celle(d, sn, "ikke_omfattet"),
    }
    return Raekke(d, i, link, grund, celler)


def _tavs(d: Deltager, i: schema.Indsats, noegle: str) -> Celle:
    """A cell the catalogue says nothing in: silence, or — in an excerpt — unknown."""
    felt = d.katalog.profil.aspekt_felt("indsats", noegle)
    if i.uddrag and not (felt and schema.mangler(i.afsnit(felt))):
        return Celle(IKKE_GEMT, False)
    return Celle(IKKE_ANGIVET, False)


def _md(d: Deltager, tekst: str) -> str:
    """Prose of `d`'s data as a cell: its own placeholders, escaped; its page links become words
    (they name pages of its own site, which the comparison may not be part of)."""
    return _SIDELINK.sub(r"\1", str(Udfylder(d.katalog).celle(tekst)))


def _fakta(sn: Serviceniveau, noegle: str) -> list[tuple[Faktum, str]]:
    ud = []
    for g in sn.aspekt(noegle).grupper:
        for f in g.fakta:
            ud.append((f, g.kilde.kort))
    return ud


def _fakta_celle(d: Deltager, sn: Serviceniveau, noegle: str) -> Celle:
    fakta = _fakta(sn, noegle)
    if not fakta:
        return _tavs(d, sn.indsats, noegle)
    dele = [_md(d, f.linje()) + (f" ({kort})" if kort else "") for f, kort in fakta]
    return Celle("; ".join(dele), True)


def _strukturerede(d: Deltager, sn: Serviceniveau) -> list[Faktum]:
    """Facts of the entry's other sections that give a frequency as a value (a delivery "2 gange
    om ugen" under Levering): the frequency column shows them beside the frequency's own."""
    return [
        faktum(x, d.katalog)
        for _, v in sn.indsats
        if isinstance(v, list)
        for x in v
        if isinstance(x, schema.Loefte) and x.hyppighed is not None
    ]


def _hyppighed(d: Deltager, sn: Serviceniveau) -> Celle:
    """Each frequency the entry states: computed from its value where it has one, always beside the
    catalogue's own words; one given only in words stays words."""
    fakta = _fakta(sn, "hyppighed")
    egne = {id(f.vaerdi) for f, _ in fakta}
    fakta += [(f, "") for f in _strukturerede(d, sn) if id(f.vaerdi) not in egne]
    if not fakta:
        return _tavs(d, sn.indsats, "hyppighed")
    dele, tal = [], []
    for f, kort in fakta:
        tekst_ = _md(d, " ".join(f.tekst.split()))
        ord_ = (f"{_md(d, f.emne)}: " if f.emne else "") + f"»{tekst_}«" + (f" ({kort})" if kort else "")
        h: Hyppighed | None = getattr(f.vaerdi, "hyppighed", None)
        if h is None:
            dele.append(f"{ord_} (kun i ord: ikke beregnet)")
            continue
        tekst = beregnet(h)
        tal += re.findall(r"\d+(?:,\d+)?", tekst)
        dele.append(f"**{tekst}**: {ord_}")
    return Celle("; ".join(dele), True, tal)


# ------------------------------------------------------------------ the page


def aar(d: Deltager) -> str:
    return str(d.katalog.info.katalog.år)


def markdown(deltagere_: list[Deltager], kort: dict[tuple[Path, str], tuple[str, str]], side: str = STI) -> str:
    """The comparison as one Markdown page (a catalogue's own page and the PDF's appendix)."""
    faelles, alene = ydelser(deltagere_, kort, side)
    linjer = [f"# {TITEL}", "", *indledning(deltagere_)]
    for y in faelles:
        linjer += [f"## {_md(deltagere_[0], y.navn)}", "", *tabel(deltagere_, y)]
    if alene:
        linjer += ["## Kun i ét af katalogerne", "", *kun_i_et(deltagere_, alene)]
    return "\n".join(linjer)


def indledning(deltagere_: list[Deltager]) -> list[str]:
    """What the comparison is, the years warning, the catalogues and how to read the cells."""
    linjer = [
        "Serviceniveauet for de samme ydelser i flere kommuners kataloger, ydelse for ydelse. Ydelserne er "
        "parret efter deres FSIII-kode (KL's Fælles Sprog III); en række mærket *redaktørens kortlægning* er "
        "parret af redaktøren, fordi posten ingen kode har. Hver række nævner sit katalog, sin udgave, sin "
        "politiske godkendelse og siden, den kommer fra.",
        "",
        *aarsadvarsel(deltagere_),
    ]
    linjer += ["## Katalogerne", ""]
    for d in deltagere_:
        info = d.katalog.info
        linjer.append(
            f"- **{_md(d, info.kommune.navn)}**: {_md(d, info.katalog.titel)}, udgave {_md(d, info.revision.id)} "
            f"({_md(d, d.katalog.godkendelse())})"
            + (": uddrag, hver side kun gemt fra sin begyndelse" if any(i.uddrag for i in d.katalog.indsatser) else "")
        )
    linjer += [
        "",
        "Under Hyppighed står katalogets egne ord i »anførselstegn«, og med fed foran dem den samme hyppighed "
        'regnet om til gange om året og dage imellem, hvor kataloget giver den som en værdi, så "hver 14. dag" '
        f'og "25 gange om året" kan sammenlignes. {KONVENTION} En hyppighed, kataloget kun giver i ord, '
        f'beregnes ikke. "{IKKE_ANGIVET}": katalogets tekst siger intet om det. '
        f'"{IKKE_GEMT}": kataloget er kun gemt fra sidens begyndelse, så det er ukendt, hvad siden siger.',
        "",
    ]
    return linjer


def aarsadvarsel(deltagere_: list[Deltager]) -> list[str]:
    """The warning that the catalogues are of different years (nothing where they are of one)."""
    if len({aar(d) for d in deltagere_}) < 2:
        return []
    return [
        '!!! warning "Kataloger fra forskellige år"',
        "",
        "    Katalogerne er fra "
        + formater.dansk_liste(
            [f"{_md(d, d.katalog.info.kommune.navn)} {_md(d, d.katalog.info.revision.id)}" for d in deltagere_]
        )
        + ". Serviceniveau, priser og regler kan være ændret siden; sammenlign med det for øje.",
        "",
    ]


def tabel(deltagere_: list[Deltager], y: Ydelse) -> list[str]:
    """A service's code and its table: a row per catalogue's entry."""
    linjer = [f"FSIII-kode `{y.kode}`.", ""]
    linjer += ["| " + " | ".join(KOLONNER) + " |", "|" + "---|" * len(KOLONNER)]
    for r in y.raekker:
        linjer.append("| " + " | ".join([_hvem(r), *(r.celler[k].tekst for k in _CELLER)]) + " |")
    linjer.append("")
    return linjer


def kun_i_et(deltagere_: list[Deltager], alene: list[Ydelse]) -> list[str]:
    """The services only one catalogue has: a line each, naming the catalogue's entry."""
    linjer = []
    for y in alene:
        hvem = "; ".join(_hvem(r, kort_=True) for r in y.raekker)
        linjer.append(f"- **{_md(deltagere_[0], y.navn)}**: {hvem}")
    linjer.append("")
    return linjer


_CELLER = ("hyppighed", "sagsbehandlingsfrist", "pris", "ikke_omfattet")


def _hvem(r: Raekke, kort_: bool = False) -> str:
    d, i = r.deltager, r.indsats
    navn = _md(d, i.titel if d.katalog.profil.id_moenster is None else f"{i.id} {i.titel}")
    post = f"[{navn}]({r.link})" if r.link else navn + (f" (kildens s. {i.side})" if i.side else "")
    if kort_:
        return f"{_md(d, d.katalog.info.kommune.navn)}: {post}"
    ud = f"**{_md(d, d.katalog.info.kommune.navn)}**, udgave {_md(d, d.katalog.info.revision.id)}: {post}. {_md(d, r.godkendelse)}"
    if r.kortlaegning:
        ud += f". *Redaktørens kortlægning:* {_md(d, r.kortlaegning)}"
    return ud


def side(katalog: Katalog) -> Side | None:
    """The comparison as a page of `katalog`'s own site, where it names catalogues to compare with."""
    valg = katalog.info.sammenlign_med
    if valg is None:
        return None
    d = deltagere(katalog)
    indhold = markdown(d, kortlaegninger(katalog, d))
    return Side(
        STI,
        TITEL,
        "sammenligning.md.j2",
        {"indhold": indhold, "i_soegning": valg.vis_for_borgere},
        gruppe="Overblik",
        i_pdf=True,
        i_nav=valg.vis_for_borgere,
    )


# ------------------------------------------------------------------ a site of its own

ASSETS = REPO / "overrides" / "assets"
_EGNE_FILER = (
    "stylesheets/tilgaengelighed.css",
    "stylesheets/tabeller.css",
    "javascripts/tabeller.js",
    "javascripts/sammenligning-soegning.js",
)


def laes_mapper(mapper: list[Path]) -> list[Deltager]:
    """The catalogues in `mapper` (folders holding data/), each loaded and checked; all problems at once."""
    ud, problemer = [], []
    for mappe in mapper:
        if not (mappe / "data" / "katalog.yaml").is_file():
            problemer.append(
                fejl(
                    f"{mappe}/ er ikke et katalog: der er ingen {mappe}/data/katalog.yaml",
                    "angiv katalogets mappe: den, der har data/katalog.yaml",
                )
            )
            continue
        try:
            ud.append(Deltager(indlaes_katalog(mappe / "data"), mappe.resolve(), str(mappe)))
        except DataFejl as e:
            problemer += e.problemer
    if problemer:
        raise DataFejl(problemer)
    return ud


KUN_I_ET = "kun-i-et-katalog.md"
"""The standalone site's page of the services only one catalogue has."""


SOEGEFELT = [
    '<link rel="stylesheet" href="pagefind/pagefind-ui.css">',
    '<script src="pagefind/pagefind-ui.js"></script>',
    '<div id="soegning" class="sammenligning-soegning" role="search" aria-label="Søg i sammenligningen"></div>',
    "",
]
"""The index page's search field: Pagefind's own interface (its files are written by the site's hook)."""
HOOK = Path(__file__).with_name("sammenligning_soegning.py")


def ydelsessider(faelles: list[Ydelse]) -> dict[str, str]:
    """The standalone site's page of each service (FSIII code → file at the docs root, so a cell's
    links are the same as on the index): ``ydelse-<name>.md``, the code added where two names meet."""
    ud: dict[str, str] = {}
    brugt: set[str] = set()
    for y in faelles:
        navn = f"ydelse-{urls.filnavn(y.navn)}"
        if navn in brugt:
            navn += "-" + urls.filnavn(y.kode)
        brugt.add(navn)
        ud[y.kode] = navn + ".md"
    return ud


_DANSK = str.maketrans("æøå", "{|}")


def _dansk_orden(tekst: str) -> str:
    """Sort key in Danish alphabetical order: æ, ø, å after z (Unicode puts å before æ)."""
    return tekst.casefold().translate(_DANSK)


def _grupperet(faelles: list[Ydelse]) -> list[tuple[str, list[Ydelse]]]:
    """The services by their FSIII group (in the code system's order), by name within a group."""
    kodesystem = fsiii.indlaes()
    orden = {b.kode: n for n, b in enumerate(kodesystem.begreber)}
    grupper: dict[str, list[Ydelse]] = {}
    foerst: dict[str, int] = {}
    for y in faelles:
        b = kodesystem.slaa_op(y.kode)
        navn = b.grupper[-1] if b and b.grupper else "Uden for kodesystemets grupper"
        grupper.setdefault(navn, []).append(y)
        foerst[navn] = min(foerst.get(navn, len(orden)), orden.get(y.kode, len(orden)))
    return [
        (navn, sorted(ys, key=lambda y: _dansk_orden(y.navn)))
        for navn, ys in sorted(grupper.items(), key=lambda g: foerst[g[0]])
    ]


def websted_sider(
    deltagere_: list[Deltager], kort: dict[tuple[Path, str], tuple[str, str]]
) -> tuple[dict[str, str], list[tuple[str | None, list[str]]]]:
    """The standalone site's pages (docs path → Markdown) and its navigation (sections of docs paths,
    a section's title the FSIII group, in order):
    the index (introduction, catalogues, how to read the cells, the services), a page per service
    matched across catalogues, and one of the services only one catalogue has."""
    faelles, alene = ydelser(deltagere_, kort, "index.md")
    forste = deltagere_[0]
    stier = ydelsessider(faelles)
    tilbage = "Katalogerne og hvordan cellerne læses: se [forsiden](index.md).\n{ .sammenligning-henvisning }"
    sider: dict[str, str] = {}
    oversigt = [f"# {TITEL}", "", *SOEGEFELT, *indledning(deltagere_), "## Ydelserne", ""]
    if faelles:
        oversigt += [
            f"{len(faelles)} ydelser findes i mindst to af de {len(deltagere_)} kataloger; hver har sin side "
            "med en række pr. katalogets post. Ordnet efter FSIII's grupper og navn.",
            "",
        ]
    else:
        oversigt += ["Ingen ydelse findes i mere end ét af katalogerne.", ""]
    grupper = _grupperet(faelles)
    for gruppe, ys in grupper:
        oversigt += [f"### {_md(forste, gruppe)}", ""]
        for y in ys:
            antal = len(y.kataloger)
            oversigt.append(f"- [{_md(forste, y.navn)}]({stier[y.kode]}): {antal} af {len(deltagere_)} kataloger")
            sider[stier[y.kode]] = "\n".join(
                [f"# {_md(forste, y.navn)}", "", tilbage, "", *aarsadvarsel(deltagere_), *tabel(deltagere_, y)]
            )
        oversigt.append("")
    if alene:
        oversigt += [f"[Kun i ét af katalogerne]({KUN_I_ET}): {len(alene)} ydelser.", ""]
        sider[KUN_I_ET] = "\n".join(["# Kun i ét af katalogerne", "", tilbage, "", *kun_i_et(deltagere_, alene)])
    nav: list[tuple[str | None, list[str]]] = [(None, ["index.md"])]
    nav += [(gruppe, [stier[y.kode] for y in ys]) for gruppe, ys in grupper]
    nav += [(None, [KUN_I_ET])] if alene else []
    return {"index.md": "\n".join(oversigt), **sider}, nav


def websted(deltagere_: list[Deltager], kort: dict[tuple[Path, str], tuple[str, str]], ud: Path) -> list[Path]:
    """The comparison as a MkDocs site of its own in `ud` (mkdocs.yml + docs/, a page per service);
    `mkdocs build --strict` builds it, and its hook (`sammenligning_soegning`) the Pagefind index the
    index page's search field asks. No lunr search plugin: its index is ~50 times Pagefind's growth a
    catalogue and fetched whole (benchmarks/skalering-kataloger-*.md)."""
    docs = ud / "docs"
    sider, nav = websted_sider(deltagere_, kort)
    filer = {docs / sti: tekst + "\n" for sti, tekst in sider.items()}
    navne = formater.dansk_liste([d.katalog.info.kommune.navn for d in deltagere_])
    filer[ud / "mkdocs.yml"] = "\n".join(
        [
            "# Written by `python -m generator sammenlign`: the comparison of catalogues as a site of its own.",
            f"site_name: {_yaml_tekst(TITEL)}",
            f"site_description: {_yaml_tekst('Serviceniveauet side om side: ' + navne)}",
            "docs_dir: docs",
            "strict: true",
            "theme:",
            "  name: material",
            "  language: da",
            "  font: false",
            "# Search: Pagefind, indexed by the hook after every build, asked from the index page;",
            "# not Material's lunr search (its index is fetched whole and grows ~50 times as fast).",
            "plugins: []",
            "hooks:",
            "  - hooks/soegning.py",
            "nav:",
            *_nav_yaml(nav),
            "extra_css:",
            *(f"  - assets/{f}" for f in _EGNE_FILER if f.endswith(".css")),
            "extra_javascript:",
            *(f"  - assets/{f}" for f in _EGNE_FILER if f.endswith(".js")),
            "markdown_extensions:",
            "  - admonition",
            "  - attr_list",
            "  - tables",
            "  - toc:",
            "      permalink: true",
            "validation:",
            "  nav:",
            "    omitted_files: warn",
            "    not_found: warn",
            "  links:",
            "    not_found: warn",
            "    anchors: warn",
            "    absolute_links: warn",
            "    unrecognized_links: warn",
            "",
        ]
    )
    for f in _EGNE_FILER:
        filer[docs / "assets" / f] = (ASSETS / f).read_text(encoding="utf-8")
    filer[ud / "hooks" / "soegning.py"] = HOOK.read_text(encoding="utf-8")
    for sti, tekst in filer.items():
        sti.parent.mkdir(parents=True, exist_ok=True)
        sti.write_text(tekst, encoding="utf-8")
    return list(filer)


def _nav_yaml(nav: list[tuple[str | None, list[str]]]) -> list[str]:
    """mkdocs.yml's nav: a page's title is its heading; a section's, the FSIII group."""
    ud = []
    for titel, stier in nav:
        if titel is None:
            ud += [f"  - {sti}" for sti in stier]
        else:
            ud += [f"  - {_yaml_tekst(titel)}:", *(f"      - {sti}" for sti in stier)]
    return ud


def _yaml_tekst(tekst: str) -> str:
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"') + '"'
