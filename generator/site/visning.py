"""The view model: what each page shows, derived from the validated `Katalog`.

Nothing here reads files or writes Markdown. It decides which pages exist,
their paths (via `urls`), the cross-links between standards and interventions,
the facts an intervention inherits from its standard(s), the overview tables
and the navigation.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from ..data import schema
from ..data.katalog import Katalog
from ..data.lovregister import paragraf_noegle
from ..tjek import citater
from ..tjek.fuldstaendighed import daekning
from ..udgaver import aendringer
from ..udgaver.revisionsdiff import Aendring, PostDiff
from . import urls
from .sider import Side, Sideregister


@dataclass
class IndsatsLinje:
    """A line of a standard's intervention list, resolved to a page."""

    titel: str
    til: str  # page path
    id: str | None
    prioritet: int | None
    gruppe: str | None
    kort_fortalt: str | None


@dataclass
class FaktaRaekke:
    """One row of an overview table."""

    hvem: str  # "K.2.1 Rengøring" / "Kvalitetsstandard 1"
    til: str
    emne: str | None
    vaerdi: str
    note: str | None
    side: int


@dataclass
class Citering:
    lov_id: str
    paragraf: str
    stk: int | None
    hvem: str
    til: str
    hvor: str  # "lovgrundlag" or "i teksten"


def kontakt_tekst(info: schema.KatalogFil) -> str:
    """'Social og Handicap, Team Visitation, tlf. 79 94 68 34 (hverdage kl. 8-12)', from what the data gives."""
    k = info.kontakt
    dele = [info.kommune.forvaltning] + ([k.enhed] if k.enhed else [])
    if k.telefon:
        dele.append(f"tlf. {k.telefon}" + (f" ({k.telefontid})" if k.telefontid else ""))
    return ", ".join(dele)


def frist_tekst(f: schema.Frist) -> str:
    return str(f.frist) if f.frist else (f.note or "")


class Visning:
    def __init__(self, katalog: Katalog):
        self.k = katalog
        self.standard_sti = {s.nr: urls.standard(s.nr, s.titel) for s in katalog.standarder}
        self.indsats_sti = {i.id: urls.indsats(i.id, i.titel) for i in katalog.indsatser}
        self.forskel = aendringer.beregn(katalog)

    def post_aendringer(self) -> dict[str, list[Aendring]]:
        """Changes since the previous revision per entry key ("1", "K.2.1", "introduktion"); {} if none."""
        return self.forskel.for_post() if self.forskel else {}

    # ------------------------------------------------------------ lookups
    def standard_navn(self, s: schema.Standard) -> str:
        return f"{s.nr}. {s.titel}"

    def indsats_navn(self, i: schema.Indsats) -> str:
        return f"{i.id} {i.titel}"

    def standardens_indsatser(self, s: schema.Standard) -> list[IndsatsLinje]:
        if schema.mangler(s.indsatser):
            return []
        ud = []
        for linje in s.indsatser:
            if linje.indsats:
                ind = self.k.indsats(linje.indsats)
                ud.append(IndsatsLinje(ind.titel_i_standard or ind.titel, self.indsats_sti[ind.id], ind.id,
                                       linje.prioritet, linje.gruppe, ind.kort_fortalt))
            else:
                maal = self.k.standard(linje.standard)
                ud.append(IndsatsLinje(f"{linje.titel} (kvalitetsstandard {maal.nr}. {maal.titel})",
                                       self.standard_sti[maal.nr], None, linje.prioritet, linje.gruppe, None))
        return ud

    def indsatsens_standarder(self, i: schema.Indsats) -> list[schema.Standard]:
        return [self.k.standard(n) for n in i.standarder]

    def levering(self, i: schema.Indsats) -> Any:
        """The intervention's own delivery facts plus standard-wide promises that name it (`gælder`)."""
        navngivet = [f for s in self.indsatsens_standarder(i) if not schema.mangler(s.leverancesikkerhed)
                     for f in s.leverancesikkerhed if i.id in f.gælder]
        if schema.mangler(i.levering):
            return navngivet or i.levering
        return list(i.levering) + navngivet

    def hovedlov(self, model: Any) -> str | None:
        if isinstance(model, schema.Indsats):
            return self.indsatsens_standarder(model)[0].hovedlov
        return getattr(model, "hovedlov", None)

    # ------------------------------------------------------------ overview tables
    @functools.cached_property
    def _serviceniveau(self) -> list[dict[str, Any]]:
        """One row per intervention: the staff's 'Serviceniveau på et blik'."""
        rækker = []
        for i in self.k.indsatser:
            standarder = self.indsatsens_standarder(i)
            frister = i.sagsbehandlingsfrist if not schema.mangler(i.sagsbehandlingsfrist) else []
            arvet = False
            if not frister:
                # The standard's own deadline applies when the intervention names none.
                for s in standarder:
                    if not schema.mangler(s.sagsbehandlingsfrister):
                        frister = [f for f in s.sagsbehandlingsfrister if f.emne is None]
                        arvet = bool(frister)
            rækker.append({
                "indsats": i, "til": self.indsats_sti[i.id], "standarder": standarder,
                "hyppighed": [] if schema.mangler(i.hyppighed) else list(i.hyppighed),
                "frister": frister, "frist_fra_standard": arvet,
                "levering": [] if schema.mangler(self.levering(i)) else self.levering(i),
            })
        return rækker

    def serviceniveau(self) -> list[dict[str, Any]]:
        return self._serviceniveau  # computed once: every standard and intervention page uses it

    def serviceniveau_for(self, s: schema.Standard) -> list[dict[str, Any]]:
        return [r for r in self.serviceniveau() if s.nr in r["indsats"].standarder]

    def serviceniveau_raekke(self, i: schema.Indsats) -> dict[str, Any]:
        return next(r for r in self.serviceniveau() if r["indsats"].id == i.id)

    def alle_frister(self) -> list[FaktaRaekke]:
        ud: list[FaktaRaekke] = []
        for s in self.k.standarder:
            if not schema.mangler(s.sagsbehandlingsfrister):
                for f in s.sagsbehandlingsfrister:
                    ud.append(FaktaRaekke(f"Kvalitetsstandard {self.standard_navn(s)}", self.standard_sti[s.nr],
                                          f.emne, frist_tekst(f), f.note if f.frist else None, f.side))
        for i in self.k.indsatser:
            if not schema.mangler(i.sagsbehandlingsfrist):
                for f in i.sagsbehandlingsfrist:
                    ud.append(FaktaRaekke(self.indsats_navn(i), self.indsats_sti[i.id], f.emne,
                                          frist_tekst(f), f.note if f.frist else None, f.side))
        return ud

    def citeringer(self) -> list[Citering]:
        """Every paragraph cited anywhere, structured or in prose."""
        ud: list[Citering] = []
        poster: list[tuple[str, str, Any]] = [("Generel information", urls.GENEREL, self.k.introduktion)]
        poster += [(f"Kvalitetsstandard {self.standard_navn(s)}", self.standard_sti[s.nr], s)
                   for s in self.k.standarder]
        poster += [(self.indsats_navn(i), self.indsats_sti[i.id], i) for i in self.k.indsatser]
        for hvem, til, model in poster:
            lg = getattr(model, "lovgrundlag", None)
            if isinstance(lg, list):
                for h in lg:
                    ud.append(Citering(h.lov, h.paragraf, h.stk, hvem, til, "lovgrundlag"))
            for _, tekst in schema.prosa(model.model_dump()):
                for c in citater.find_citater(tekst, self.hovedlov(model), self.k.love):
                    if c.lov_id and not c.fejl:
                        for led in c.led:
                            for paragraf in self._spaend(c.lov_id, led):
                                ud.append(Citering(c.lov_id, paragraf, led.stk, hvem, til, "i teksten"))
        return ud

    def _spaend(self, lov_id: str, led: citater.Led) -> list[str]:
        """A range "§§ 83-86" cites every registered paragraph from 83 to 86, ends included."""
        if not led.til:
            return [led.paragraf]
        fra, til = paragraf_noegle(led.paragraf), paragraf_noegle(led.til)
        lov = self.k.love.lov(lov_id)
        mellem = [p.nr for p in lov.paragraffer if fra <= paragraf_noegle(p.nr) <= til]
        return sorted(set(mellem) | {led.paragraf, led.til}, key=paragraf_noegle)

    def lovgrundlag_indeks(self) -> list[dict[str, Any]]:
        """Cited paragraphs grouped by law, each with every page citing it."""
        grupper: dict[str, dict[str, list[Citering]]] = {}
        for c in self.citeringer():
            grupper.setdefault(c.lov_id, {}).setdefault(c.paragraf, []).append(c)
        ud = []
        for lov_id in sorted(grupper, key=lambda x: self.k.love.lov(x).titel):
            lov = self.k.love.lov(lov_id)
            paragraffer = []
            for p in sorted(grupper[lov_id], key=paragraf_noegle):
                sete: dict[tuple[str, str], Citering] = {}
                for c in grupper[lov_id][p]:
                    sete.setdefault((c.til, c.hvor), c)
                paragraffer.append({"paragraf": p, "url": self.k.love.url(lov_id, p),
                                    "steder": sorted(sete.values(), key=lambda c: (c.til, c.hvor))})
            ud.append({"lov": lov, "url": self.k.love.url(lov_id), "paragraffer": paragraffer})
        return ud

    def daekning(self) -> list[dict[str, Any]]:
        stier = {f"kvalitetsstandard {n}": sti for n, sti in self.standard_sti.items()} | self.indsats_sti
        return [{"post": d.post, "titel": d.titel, "til": stier[d.post], "til_stede": d.til_stede,
                 "mangler": d.mangler} for d in daekning(self.k)]

    # ------------------------------------------------------------ the Ændringer page
    def aendringsgrupper(self) -> list[Gruppe]:
        forskel = self.forskel
        if forskel is None:
            return []

        def til(p: PostDiff) -> str | None:
            if p.status == "fjernet":
                return None
            if p.slags == "standard":
                return self.standard_sti[int(p.noegle)]
            if p.slags == "indsats":
                return self.indsats_sti[p.noegle]
            if p.slags == "introduktion":
                return urls.GENEREL
            return urls.FORSIDE

        grupper: list[Gruppe] = []
        for titel, slags in (("Introduktion og kontaktoplysninger", ("introduktion", "kommune")),
                             ("Kvalitetsstandarder", ("standard",)), ("Indsatser", ("indsats",))):
            poster = [PostVisning(p, post_anker(p.noegle), til(p), aendringer.beslutninger_for(self.k, p.noegle))
                      for p in forskel.poster if p.slags in slags]
            if poster:
                grupper.append(Gruppe(titel, poster))
        return grupper

    # ------------------------------------------------------------ the page registry
    @functools.cached_property
    def register(self) -> Sideregister:
        """Every page of the site, once (see `sider`)."""
        k = self.k
        r = Sideregister()
        r.tilfoej(Side(urls.FORSIDE, k.info.katalog.titel, "forside.md.j2", nav_titel="Forside"))
        r.tilfoej(Side(urls.GENEREL, "Generel information", "generel.md.j2", {"intro": k.introduktion}, i_pdf=True))
        r.tilfoej(Side(urls.STANDARDER, "Kvalitetsstandarder", "standarder.md.j2",
                       gruppe="Kvalitetsstandarder", gruppeforside=True))
        for s in k.standarder:
            r.tilfoej(Side(self.standard_sti[s.nr], self.standard_navn(s), "standard.md.j2",
                           {"s": s, "indsatser": self.standardens_indsatser(s)},
                           gruppe="Kvalitetsstandarder", i_pdf=True))
        for type_, sti, titel in (("kompenserende", urls.KOMPENSERENDE, "Kompenserende indsatser"),
                                  ("udviklende", urls.UDVIKLENDE, "Udviklende indsatser")):
            r.tilfoej(Side(sti, titel, "indsatsliste.md.j2",
                           {"indsatser": [i for i in k.indsatser if i.type == type_], "type": type_},
                           gruppe=titel, gruppeforside=True))
        for i in k.indsatser:
            gruppe = "Kompenserende indsatser" if i.type == "kompenserende" else "Udviklende indsatser"
            r.tilfoej(Side(self.indsats_sti[i.id], self.indsats_navn(i), "indsats.md.j2",
                           {"i": i, "standarder": self.indsatsens_standarder(i)}, gruppe=gruppe, i_pdf=True))
        overblik = "Overblik"
        r.tilfoej(Side(urls.SERVICENIVEAU, "Serviceniveau på et blik", "serviceniveau.md.j2",
                       {"raekker": self.serviceniveau()}, gruppe=overblik, i_pdf=True))
        r.tilfoej(Side(urls.SAGSBEHANDLINGSFRISTER, "Sagsbehandlingsfrister", "frister.md.j2",
                       {"raekker": self.alle_frister()}, gruppe=overblik, i_pdf=True))
        r.tilfoej(Side(urls.LOVGRUNDLAG, "Lovgrundlag", "lovgrundlag.md.j2", {"love": self.lovgrundlag_indeks()},
                       gruppe=overblik, i_pdf=True))
        r.tilfoej(Side(urls.FULDSTAENDIGHED, "Kildens dækning", "fuldstaendighed.md.j2",
                       {"daekning": self.daekning()}, gruppe=overblik, i_pdf=True))
        om = "Om kataloget"
        r.tilfoej(Side(urls.OM_KATALOGET, "Om kataloget", None, gruppe=om))
        r.tilfoej(Side(urls.OM_UDGAVEN, "Om denne udgave", "om_udgaven.md.j2", gruppe=om))
        grupper = self.aendringsgrupper()
        r.tilfoej(Side(urls.AENDRINGER, "Ændringer i denne udgave", "aendringer.md.j2", {
            "forrige": self.forskel.forrige if self.forskel else None,
            "grupper": grupper,
            "beslutninger": [(b, [p for g in grupper for p in g.poster if p.diff.noegle in b.berører])
                             for b in k.info.revision.beslutninger],
            "beslutning_anker": beslutning_anker,
        }, gruppe=om, nav_titel="Ændringer"))
        r.tilfoej(Side(urls.DATA, "Data og PDF", "data.md.j2", gruppe=om))
        r.tilfoej(Side(urls.REDAKTOERVEJLEDNING, "Redaktørvejledning", None, gruppe=om))
        r.tilfoej(Side(urls.TILGAENGELIGHED, "Tilgængelighedserklæring", None, gruppe=om))
        return r


def post_anker(noegle: str) -> str:
    """Anchor of an entry's section on the Ændringer page: "1" → "post-1", "K.2.1" → "post-k-2-1"."""
    return "post-" + urls.slug(noegle)


def beslutning_anker(b: schema.Beslutning) -> str:
    return "beslutning-" + b.id


@dataclass
class PostVisning:
    diff: PostDiff
    anker: str
    til: str | None  # the entry's page in this revision; None when it was removed
    beslutninger: list[schema.Beslutning] = field(default_factory=list)


@dataclass
class Gruppe:
    titel: str
    poster: list[PostVisning]
