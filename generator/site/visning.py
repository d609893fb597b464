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

from .. import formater
from ..data import raekkevidde, schema
from ..data.katalog import Katalog
from ..data.lovregister import paragraf_noegle
from ..tjek import citater
from ..tjek.fuldstaendighed import daekning
from ..udgaver import aendringer
from ..udgaver.revisionsdiff import Aendring, PostDiff
from . import ansoegning, fsiiikoder, offentlig_service, serviceniveau, urls
from .serviceniveau import Faktum, Serviceniveau
from .sider import Side, Sideregister


@dataclass(frozen=True)
class Link:
    tekst: str
    til: str


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
class IndsatsRaekke:
    """An intervention in a list: its page, its standards and its summary."""

    i: schema.Indsats
    til: str
    standarder: list[Link]


@dataclass
class StandardRaekke:
    """A standard in a list, and what its own page's summary box shows."""

    s: schema.Standard
    til: str
    navn: str  # "1. Personlige opgaver"
    frist: list[tuple[Link | None, str]]
    """Deadlines: the standard's own, else its interventions' own (each with a link)."""
    pris: list[tuple[Link | None, str]]
    ikke_beskrevet: list[str]
    """Headings of the sections the catalogue does not describe for this standard."""
    lovgrundlag: list[Faktum]


@dataclass
class FristRaekke:
    """A deadline a standard states (Sagsbehandlingsfrister page and CSV)."""

    hvem: str  # "Kvalitetsstandard 5. Boliger til midlertidige ophold"
    til: str
    faktum: Faktum


@dataclass(frozen=True)
class Niveau:
    """One service-level fact at a glance; `tekst` None where the catalogue does not give it."""

    noegle: str
    """The aspect ("hyppighed", …): the search metadata's key."""
    tekst: str | None
    emne: str
    """The aspect's label (the profile's words)."""


@dataclass
class Citering:
    lov_id: str
    paragraf: str
    stk: int | None
    hvem: str
    til: str
    hvor: str  # "lovgrundlag" or "i teksten"


def kontakt_tekst(info: schema.KatalogFil) -> str:
    """'Forvaltning, Enhed, tlf. 12 34 56 78 (hverdage kl. 8-12)', from what the data gives."""
    k = info.kontakt
    if not (k.enhed or k.telefon):
        # The source names no one to contact: the municipality, not a guessed department.
        return info.kommune.navn
    dele = [info.kommune.forvaltning] + ([k.enhed] if k.enhed else [])
    if k.telefon:
        dele.append(f"tlf. {k.telefon}" + (f" ({k.telefontid})" if k.telefontid else ""))
    return ", ".join(dele)


def stort(tekst: str) -> str:
    """First letter upper-case: "kvalitetsstandarder" → "Kvalitetsstandarder"."""
    return tekst[:1].upper() + tekst[1:]


def _som_liste(v: Any) -> list[Any]:
    """A section's value as a list of facts ([] when it says nothing or `mangler`)."""
    if v is None or schema.mangler(v):
        return []
    return v if isinstance(v, list) else [v]


class Visning:
    def __init__(self, katalog: Katalog):
        self.k = katalog
        self.standard_sti = {s.nr: urls.standard(s.nr, s.titel) for s in katalog.standarder}
        self.indsats_sti = {i.id: urls.indsats(i.id, i.titel) for i in katalog.indsatser}
        # A page's entry from its path (search metadata per page: a look-up, not a scan of all entries).
        self.post_paa_sti: dict[str, schema.Indsats | schema.Standard] = {
            **{self.standard_sti[s.nr]: s for s in katalog.standarder},
            **{self.indsats_sti[i.id]: i for i in katalog.indsatser},
        }
        self.forskel = aendringer.beregn(katalog)
        self.profil = katalog.profil
        self.overskrifter = schema.overskrifter(katalog.modeller)
        self.ental = self.profil.standard.ental if self.profil.standard else "standard"
        # Each intervention's effective service level, computed once for every page, CSV and the PDF.
        self.serviceniveau = serviceniveau.beregn(katalog, self.indsats_sti, self.standard_sti)
        self._serviceniveau_for = {r.indsats.id: r for r in self.serviceniveau}

    def post_aendringer(self) -> dict[str, list[Aendring]]:
        """Changes since the previous revision per entry key ("1", "K.2.1", "introduktion"); {} if none."""
        return self.forskel.for_post() if self.forskel else {}

    # ------------------------------------------------------------ names and rows
    def standard_navn(self, s: schema.Standard) -> str:
        return f"{s.nr}. {s.titel}"

    def indsats_navn(self, i: schema.Indsats) -> str:
        """An intervention's name: its id and title, or only its title where ids are slugs."""
        return f"{i.id} {i.titel}" if self.profil.indsats.id else i.titel

    def hovedlov(self, model: Any) -> str | None:
        """The law a bare § in the entry's prose refers to (an intervention: its first standard's)."""
        if isinstance(model, schema.Indsats):
            return model.hovedlov or next((s.hovedlov for s in self.k.standarder if s.nr in model.standarder), None)
        return getattr(model, "hovedlov", None)

    def standardens_indsatser(self, s: schema.Standard) -> list[IndsatsLinje]:
        liste = s.afsnit(self.profil.indsatsliste_felt)
        if not isinstance(liste, list):
            return []
        indsatser = {i.id: i for i in self.k.indsatser}
        standarder = {x.nr: x for x in self.k.standarder}
        ud = []
        for linje in liste:
            if linje.indsats:
                ind = indsatser[linje.indsats]
                ud.append(
                    IndsatsLinje(
                        ind.titel_i_standard or ind.titel,
                        self.indsats_sti[ind.id],
                        ind.id,
                        linje.prioritet,
                        linje.gruppe,
                        ind.kort_fortalt,
                    )
                )
            elif linje.standard is not None:
                maal = standarder[linje.standard]
                ud.append(
                    IndsatsLinje(
                        f"{linje.titel} ({self.ental} {maal.nr}. {maal.titel})",
                        self.standard_sti[maal.nr],
                        None,
                        linje.prioritet,
                        linje.gruppe,
                        None,
                    )
                )
        return ud

    def standard_links(self, i: schema.Indsats) -> list[Link]:
        return [
            Link(f"{self.ental} {s.nr}. {s.titel}", self.standard_sti[s.nr])
            for s in self._serviceniveau_for[i.id].standarder
        ]

    def indsats_raekker(self, type_: str | None = None) -> list[IndsatsRaekke]:
        return [
            IndsatsRaekke(i, self.indsats_sti[i.id], self.standard_links(i))
            for i in self.k.indsatser
            if type_ is None or i.type == type_
        ]

    def indsatsside(self, i: schema.Indsats) -> list[dict[str, Any]]:
        """The intervention page's sections in the profile's order: its own sections as written,
        and each aspect of its service level (its own facts with what its standards say) where the
        profile places it; aspects only its standards state come after the last placed one."""
        sn = self._serviceniveau_for[i.id]
        ud: list[dict[str, Any]] = []
        placeret: set[str] = set()
        sidste_aspekt = -1
        for a in self.profil.afsnit.indsats:
            if a.aspekt:
                placeret.add(a.aspekt)
                ud.append({"felt": None, "aspekt": sn.aspekt(a.aspekt), "overskrift": self._aspekt_overskrift(i, a)})
                sidste_aspekt = len(ud) - 1
            elif a.nøgle:
                v = i.afsnit(a.nøgle)
                if v not in (None, []) and not schema.mangler(v):
                    ud.append({"felt": a, "aspekt": None, "vaerdi": v, "overskrift": self.overskrift(i, a.nøgle)})
        resten = [
            {"felt": None, "aspekt": av, "overskrift": self._arvet_overskrift(av.aspekt)}
            for av in sn.aspekter
            if av.aspekt.noegle not in placeret and av.paa_siden
        ]
        return ud[: sidste_aspekt + 1] + resten + ud[sidste_aspekt + 1 :]

    def _arvet_overskrift(self, aspekt: schema.Aspekt) -> str:
        """An aspect only the standards state: headed like a section of the standard's."""
        afsnittets = self.profil.overskrift("standard", aspekt.standardens) if aspekt.standardens else None
        return self._aspektets_overskrift(aspekt.noegle, afsnittets)

    def _aspekt_overskrift(self, i: schema.Indsats, a: Any) -> str:
        """An aspect's place on an intervention page: the entry's own wording of its section first."""
        if a.nøgle and a.nøgle in i.overskrifter:
            return str(i.overskrifter[a.nøgle])
        return self._aspektets_overskrift(a.aspekt, a.overskrift)

    def _aspektets_overskrift(self, noegle: str, afsnittets: str | None) -> str:
        """The profile's title for the aspect (`aspekter`), else its section's heading, else the
        vocabulary's word."""
        eget_ord = self.profil.aspekter.get(noegle)  # type: ignore[call-overload]
        if eget_ord and eget_ord.titel:
            return str(eget_ord.titel)
        return afsnittets or self.aspekt_titel(noegle)

    def serviceniveau_for(self, s: schema.Standard) -> list[Serviceniveau]:
        return [r for r in self.serviceniveau if s.nr in r.indsats.standarder]

    @functools.cached_property
    def standard_raekker(self) -> list[StandardRaekke]:
        ud = []
        frist_felt = self.profil.aspekt_felt("standard", "sagsbehandlingsfrist")
        pris_felt = self.profil.aspekt_felt("standard", "pris")
        lov_felt = self.profil.aspekt_felt("standard", "lovgrundlag")
        # The summary box always has a deadline and a price line (saying the gap if there is one):
        # the page's note does not say them again; nor the document's own data (who wrote it,
        # when), which tells a citizen nothing about the help.
        i_boksen = {frist_felt, pris_felt} | set(self.profil.former("standard", "dokument"))
        for s in self.k.standarder:
            egne = self.serviceniveau_for(s)
            frist: list[tuple[Link | None, str]] = []
            frister = s.afsnit(frist_felt)
            if frister is not None and not schema.mangler(frister):
                frist = [(None, serviceniveau.faktum(f, self.k).linje().rstrip(".")) for f in _som_liste(frister)]
                if not frist:  # the source gives the deadlines per intervention
                    frist = [
                        (Link(r.indsats.titel, r.til), f.linje().rstrip("."))
                        for r in egne
                        for f, kilde in r.frister
                        if kilde.slags == "indsats"
                    ]
            pris: list[tuple[Link | None, str]] = [
                (None, raekkevidde.med_omfang(f, serviceniveau.faktum(f, self.k).linje().rstrip(".")))
                for f in _som_liste(s.afsnit(pris_felt))
            ]
            pris += [
                (Link(r.indsats.id, r.til), f.linje().rstrip("."))
                for r in egne
                for g in r.aspekt("pris").grupper
                if g.kilde.slags == "indsats"
                for f in g.fakta
            ]
            ikke = [
                self.overskrift(s, a.nøgle or "")
                for a in self.profil.afsnit_for("standard")
                if not a.under and schema.mangler(s.afsnit(a.nøgle)) and a.nøgle not in i_boksen
            ]
            lovgrundlag = [serviceniveau.faktum(h, self.k) for h in _som_liste(s.afsnit(lov_felt))]
            ud.append(StandardRaekke(s, self.standard_sti[s.nr], self.standard_navn(s), frist, pris, ikke, lovgrundlag))
        return ud

    def et_blik(self, post: schema.Indsats | schema.Standard) -> list[Niveau]:
        """The service level at a glance (search results, the finder): the one place that picks it.

        An intervention: frequency, deadline and delivery, the one-line cells of its effective
        service level (as on "Serviceniveau på et blik"); a standard: the deadline and price of its
        summary box. Texts are the data's (Markdown, placeholders unfilled).
        """
        if isinstance(post, schema.Indsats):
            sn = self._serviceniveau_for[post.id]
            aspekter = [sn.aspekt(noegle) for noegle in ("hyppighed", "sagsbehandlingsfrist", "levering")]
            return [
                Niveau(
                    a.aspekt.noegle,
                    a.celle if a.beskrevet else None,
                    schema.etiket(self.profil, a.aspekt.noegle),
                )
                for a in aspekter
            ]
        sr = next(r for r in self.standard_raekker if r.s.nr == post.nr)

        def linje(liste: list[tuple[Link | None, str]]) -> str | None:
            return "; ".join((f"{lnk.tekst}: " if lnk else "") + tekst for lnk, tekst in liste) or None

        return [
            Niveau("sagsbehandlingsfrist", linje(sr.frist), schema.etiket(self.profil, "sagsbehandlingsfrist")),
            Niveau("pris", linje(sr.pris), schema.etiket(self.profil, "pris")),
        ]

    def aspekt_titel(self, noegle: str) -> str:
        """An aspect's heading in the profile's words (a table's column)."""
        return next((a.titel for a in self.k.aspekter if a.noegle == noegle), schema.ASPEKT_ORD[noegle][0])

    def ansoegning(self, post: schema.Indsats | schema.Standard) -> ansoegning.Ansoegning:
        """ "Sådan søger du" for an entry's page (site/ansoegning.py)."""
        if isinstance(post, schema.Indsats):
            standarder = [(s, self.standard_sti[s.nr]) for s in self._serviceniveau_for[post.id].standarder]
            sti = self.indsats_sti[post.id]
        else:
            standarder, sti = [], self.standard_sti[post.nr]
        faelles = self.k.info.kontakt.ansøgning
        return ansoegning.for_post(self.profil, post, sti, self.overskrift, standarder, faelles)

    def overskrift(self, post: Any, noegle: str) -> str:
        """A section's heading on an entry's page: the entry's own wording of it, else the profile's."""
        return post.overskrifter.get(noegle) or self.overskrifter.get(noegle, noegle)

    def hjaelp(self) -> list[dict[str, Any]]:
        """The finder's topics (the profile's `emner`) that have entries, each with its standards and interventions."""
        ud = []
        for emne in self.profil.emner:
            poster: list[tuple[str, str, schema.Standard | schema.Indsats]] = [
                (f"{stort(self.ental)} {self.standard_navn(s)}", self.standard_sti[s.nr], s)
                for s in self.k.standarder
                if emne in s.emner
            ]
            poster += [(self.indsats_navn(i), self.indsats_sti[i.id], i) for i in self.k.indsatser if emne in i.emner]
            if poster:
                ud.append(
                    {
                        "emne": emne,
                        "anker": urls.slug(emne),
                        "poster": [{"navn": n, "til": til, "post": p, "blik": self.et_blik(p)} for n, til, p in poster],
                    }
                )
        return ud

    @functools.cached_property
    def for_beboere(self) -> dict[str, list[dict[str, Any]]]:
        """Per housing group of the finder (`profil.boliger`): the standards that also cover its
        residents (`Loefte.borgere.bolig`), each with its link, the facts it states for them and their
        pages: "Bor man i en plejebolig" then leads to standards 1 and 2 too, not only to plejebolig's."""
        felter = self.profil.former("standard", "fakta")
        return {
            b.nøgle: [
                {
                    "navn": f"{self.ental} {self.standard_navn(s)}",
                    "til": self.standard_sti[s.nr],
                    "fakta": [serviceniveau.faktum(f, self.k) for f in fakta],
                    "sider": sorted({f.side for f in fakta if f.side}),
                }
                for s, fakta in raekkevidde.for_bolig(self.k.standarder, felter, b.nøgle)
            ]
            for b in self.profil.boliger
        }

    # ------------------------------------------------------------ overview tables
    def standardernes_frister(self) -> list[FristRaekke]:
        """Deadlines as each standard states them (interventions' effective deadlines are in `serviceniveau`)."""
        return [
            FristRaekke(
                f"{stort(self.ental)} {self.standard_navn(s)}",
                self.standard_sti[s.nr],
                serviceniveau.faktum(f, self.k),
            )
            for s in self.k.standarder
            for f in _som_liste(s.afsnit(self.profil.aspekt_felt("standard", "sagsbehandlingsfrist")))
        ]

    def citeringer(self) -> list[Citering]:
        """Every paragraph cited anywhere, structured or in prose."""
        ud: list[Citering] = []
        poster: list[tuple[str, str, Any]] = [(self.profil.introduktion.titel, urls.GENEREL, self.k.introduktion)]
        poster += [
            (f"{stort(self.ental)} {self.standard_navn(s)}", self.standard_sti[s.nr], s) for s in self.k.standarder
        ]
        poster += [(self.indsats_navn(i), self.indsats_sti[i.id], i) for i in self.k.indsatser]
        for hvem, til, model in poster:
            for _, _, h in self.k.henvisninger(model):
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
        mellem = [p.nr for p in lov.paragraffer if fra <= paragraf_noegle(p.nr) <= til] if lov else []
        return sorted(set(mellem) | {led.paragraf, led.til}, key=paragraf_noegle)

    def lovgrundlag_indeks(self) -> list[dict[str, Any]]:
        """Cited paragraphs grouped by law, each with every page citing it."""
        grupper: dict[str, dict[str, list[Citering]]] = {}
        for c in self.citeringer():
            grupper.setdefault(c.lov_id, {}).setdefault(c.paragraf, []).append(c)
        ud = []
        love = {lov_id: self.k.love.lov(lov_id) for lov_id in grupper}
        for lov_id in sorted(grupper, key=lambda x: love[x].titel if love[x] else x):  # type: ignore[union-attr]
            lov = love[lov_id]
            paragraffer = []
            for p in sorted(grupper[lov_id], key=paragraf_noegle):
                # Each page once per paragraph: "(i teksten)" only when it is not in its Lovgrundlag.
                sete: dict[str, Citering] = {}
                for c in sorted(grupper[lov_id][p], key=lambda c: c.hvor != "lovgrundlag"):
                    sete.setdefault(c.til, c)
                paragraffer.append(
                    {
                        "paragraf": p,
                        "url": self.k.love.url(lov_id, p),
                        "steder": sorted(sete.values(), key=lambda c: c.til),
                    }
                )
            ud.append(
                {
                    "lov": lov,
                    "url": self.k.love.url(lov_id),
                    "paragraffer": paragraffer,
                    "senere_udgave": self.k.love.senere_udgave(lov_id, self.k.info.revision.dato),
                }
            )
        return ud

    def daekning(self) -> list[dict[str, Any]]:
        stier = {self.k.standard_navn(n): sti for n, sti in self.standard_sti.items()} | self.indsats_sti
        return [
            {
                "post": d.post,
                "titel": d.titel,
                # An entry whose id is its title's slug is named by its title alone.
                "navn": d.titel if d.post in self.indsats_sti and not self.profil.indsats.id else f"{d.post} {d.titel}",
                "til": stier[d.post],
                "til_stede": d.til_stede,
                "mangler": d.mangler,
                "ukendt": d.ukendt,
            }
            for d in daekning(self.k)
        ]

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
        for titel, slags in (
            ("Introduktion og kontaktoplysninger", ("introduktion", "kommune")),
            (stort(self.profil.standard.flertal if self.profil.standard else "standarder"), ("standard",)),
            (stort(self.profil.indsats.flertal), ("indsats",)),
        ):
            poster = [
                PostVisning(p, post_anker(p.noegle), til(p), aendringer.beslutninger_for(self.k, p.noegle))
                for p in forskel.poster
                if p.slags in slags
            ]
            if poster:
                grupper.append(Gruppe(titel, poster))
        return grupper

    # ------------------------------------------------------------ the page registry
    @functools.cached_property
    def register(self) -> Sideregister:
        """Every page of the site, once (see `sider`)."""
        k = self.k
        r = Sideregister()
        emner = self.hjaelp()  # a catalogue without topic tags (`emner`) has no finder
        r.tilfoej(
            Side(
                urls.FORSIDE,
                k.info.katalog.titel,
                "forside.md.j2",
                {
                    "standarder": self.standard_raekker,
                    "indsatser": self.indsats_raekker(),
                    "finder": bool(emner),
                    "maalgruppe": k.info.målgruppe,
                },
                nav_titel="Forside",
            )
        )
        if emner:
            r.tilfoej(
                Side(
                    urls.HJAELP,
                    "Hvad kan jeg få hjælp til?",
                    "hjaelp.md.j2",
                    {
                        "emner": emner,
                        "boliger": self.profil.boliger,
                        "bolig_emner": {b.emne for b in self.profil.boliger if b.emne},
                        "for_beboere": self.for_beboere,
                        "anker_af": urls.slug,
                    },
                )
            )
        r.tilfoej(
            Side(urls.GENEREL, self.profil.introduktion.titel, "generel.md.j2", {"intro": k.introduktion}, i_pdf=True)
        )
        standarder_titel = stort(self.profil.standard.flertal) if self.profil.standard else ""
        if self.profil.standard is not None and k.standarder:
            r.tilfoej(
                Side(
                    urls.STANDARDER,
                    standarder_titel,
                    "standarder.md.j2",
                    {"standarder": self.standard_raekker},
                    gruppe=standarder_titel,
                    gruppeforside=True,
                )
            )
        for sr in self.standard_raekker:
            s = sr.s
            r.tilfoej(
                Side(
                    sr.til,
                    self.standard_navn(s),
                    "standard.md.j2",
                    {
                        "s": s,
                        "sr": sr,
                        "indsatser": self.standardens_indsatser(s),
                        "raekker": self.serviceniveau_for(s),
                        "ansoegning": self.ansoegning(s),
                        "afsnit": self.profil.afsnit_for("standard"),
                        "fsiii": fsiiikoder.postens_koder(s),
                        "jsonld": offentlig_service.jsonld_standard(k, s, sr.til),
                    },
                    gruppe=standarder_titel,
                    i_pdf=True,
                )
            )
        # One list page per group of interventions (the profile's `grupper`), or one for them all.
        listesider: list[tuple[str | None, str, str, str | None]] = [
            (g.nøgle, urls.gruppe(g.nøgle), g.titel, g.beskrivelse) for g in self.profil.indsats.grupper
        ] or [(None, urls.INDSATSER, stort(self.profil.indsats.flertal), None)]
        gruppe_titel: dict[str | None, str] = {}
        for type_, sti, titel, beskrivelse in listesider:
            gruppe_titel[type_] = titel
            if k.indsatser:
                r.tilfoej(
                    Side(
                        sti,
                        titel,
                        "indsatsliste.md.j2",
                        {"indsatser": self.indsats_raekker(type_), "beskrivelse": beskrivelse},
                        gruppe=titel,
                        gruppeforside=True,
                    )
                )
        for sn in self.serviceniveau:
            i = sn.indsats
            gruppe = gruppe_titel.get(i.type, gruppe_titel.get(None, ""))
            r.tilfoej(
                Side(
                    sn.til,
                    self.indsats_navn(i),
                    "indsats.md.j2",
                    {
                        "i": i,
                        "sn": sn,
                        "standarder": self.standard_links(i),
                        "hl": self.hovedlov(i),
                        "ansoegning": self.ansoegning(i),
                        "afsnit": self.indsatsside(i),
                        "fsiii": fsiiikoder.postens_koder(i),
                        "jsonld": offentlig_service.jsonld_indsats(k, sn),
                    },
                    gruppe=gruppe,
                    i_pdf=True,
                )
            )
        overblik = "Overblik"
        r.tilfoej(
            Side(
                urls.SERVICENIVEAU,
                "Serviceniveau på et blik",
                "serviceniveau.md.j2",
                {
                    "raekker": self.serviceniveau,
                    "standarder": self.standard_raekker,
                    "levering_felt": self.profil.aspekt_felt("standard", "levering"),
                },
                gruppe=overblik,
                i_pdf=True,
            )
        )
        r.tilfoej(
            Side(
                urls.SAGSBEHANDLINGSFRISTER,
                "Sagsbehandlingsfrister",
                "frister.md.j2",
                {"raekker": self.serviceniveau, "standarder": self.standardernes_frister()},
                gruppe=overblik,
                i_pdf=True,
            )
        )
        r.tilfoej(
            Side(
                urls.LOVGRUNDLAG,
                "Lovgrundlag",
                "lovgrundlag.md.j2",
                {"love": self.lovgrundlag_indeks()},
                gruppe=overblik,
                i_pdf=True,
            )
        )
        fsiii_side = fsiiikoder.side(
            [(self.standard_navn(sr.s), sr.til, sr.s) for sr in self.standard_raekker]
            + [(self.indsats_navn(sn.indsats), sn.til, sn.indsats) for sn in self.serviceniveau]
        )
        if fsiii_side:
            r.tilfoej(fsiii_side)
        r.tilfoej(
            Side(
                urls.FULDSTAENDIGHED,
                "Kildens dækning",
                "fuldstaendighed.md.j2",
                {"daekning": self.daekning()},
                gruppe=overblik,
                i_pdf=True,
            )
        )
        om = "Om kataloget"
        r.tilfoej(Side(urls.OM_KATALOGET, "Om kataloget", None, gruppe=om))
        r.tilfoej(Side(urls.OM_UDGAVEN, "Om denne udgave", "om_udgaven.md.j2", gruppe=om))
        grupper = self.aendringsgrupper()
        r.tilfoej(
            Side(
                urls.AENDRINGER,
                "Ændringer i denne udgave",
                "aendringer.md.j2",
                {
                    "forrige": self.forskel.forrige if self.forskel else None,
                    "grupper": grupper,
                    "beslutninger": [
                        (b, [p for g in grupper for p in g.poster if p.diff.noegle in b.berører])
                        for b in k.info.revision.beslutninger
                    ],
                    "beslutning_anker": beslutning_anker,
                },
                gruppe=om,
                nav_titel="Ændringer",
            )
        )
        r.tilfoej(Side(urls.DATA, "Data og PDF", "data.md.j2", gruppe=om))
        r.tilfoej(Side(urls.REDAKTOERVEJLEDNING, "Redaktørvejledning", None, gruppe=om))
        r.tilfoej(Side(urls.TILGAENGELIGHED, "Tilgængelighedserklæring", None, gruppe=om))
        return r


def post_anker(noegle: str) -> str:
    """Anchor of an entry's section on the Ændringer page: "1" → "post-1", "K.2.1" → "post-k-2-1"."""
    return formater.anker("post", noegle)


def beslutning_anker(b: schema.Beslutning) -> str:
    return formater.anker("beslutning", b.id)


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
