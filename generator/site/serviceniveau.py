"""Each intervention's effective service level, computed once.

For every aspect its profile's sections state (`schema.aspekter`: deadline, frequency, delivery, price, flexibility,
free choice, exclusions, special conditions, legal basis) an intervention gets the facts
that apply to it, each group with its provenance:

1. its own facts (``indsatser.yaml``);
2. what its standard(s) state for it by name (``gælder: [K.1.6]``);
3. what its standard(s) state for all their interventions (not ``kun_standarden``).

An intervention's own deadline replaces its standard's general one (a deadline with no
``emne``); the page says so. "Not described" is left for aspects where neither says
anything. The intervention page, the standard page's table, the overview pages, the CSV
files and the PDF all read these rows; nothing else computes a service level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .. import formater
from ..data import raekkevidde, schema, svar
from ..data.katalog import Katalog
from ..data.lovregister import paragraf_noegle

# Aspects whose overview cell lists every fact; the others list the intervention's own and
# named facts and otherwise point at the standard (its lists run to a dozen promises).
HELE_CELLEN = frozenset({"sagsbehandlingsfrist", "pris"})
KORT_CELLE = 3

KORT_FORTALT_EGNE = ("levering",)
"""Aspects the summary box adds where the intervention has facts of its own (or named) for them."""

IKKE_I_KATALOGET = "Ikke oplyst her"
"""What a line or cell says when neither the intervention nor its standard gives the aspect:
the same words in the summary box, the finder, the overview tables and the CSV. "Here", not "in
the catalogue": the printed catalogue may well say it on a page the data does not hold yet."""


@dataclass(frozen=True)
class Ord:
    """The profile's words for the entries a provenance names: "kvalitetsstandard", "indsatser"."""

    standard: str = "standard"
    indsatser: str = "indsatser"
    denne_indsats: str = "denne indsats"
    standarden: str = "standarden"

    @classmethod
    def fra(cls, profil: Any) -> Ord:
        s, i = profil.standard, profil.indsats
        return cls(
            s.ental if s else "standard",
            i.flertal,
            f"{i.denne} {i.ental}",
            s.bestemt_form if s else "standarden",
        )


@dataclass(frozen=True)
class Faktum:
    """One fact as the reader sees it. `tekst` is the data's prose (Markdown, placeholders unfilled)."""

    tekst: str
    emne: str | None = None
    tid: str | None = None
    """A duration in words ("14 dage", "1 time"), when the data gives one."""
    url: str | None = None
    """For a legal citation: its address."""
    senere_udgave: bool = False
    """For a legal citation: the link goes to a later act than the one in force on the revision's date."""
    hele_loven: bool = False
    """For a legal citation: the link goes to the whole law, not to the paragraph (no known anchor)."""
    side: int | None = None
    antal: int | None = None
    enhed: str | None = None
    svar: str | None = None
    """An answer that is not a number, in the reader's words ("Fastsættes ved en individuel
    vurdering"; `data.svar`): a table cell and the CSV say it instead of the whole sentence."""
    vaerdi: Any = field(default=None, compare=False, repr=False)
    """The data's own value (a `Loefte` or `Frist`), for what reads its structure (site.sammenligning)."""

    def linje(self) -> str:
        """The fact on one line, for table cells and CSV."""
        tekst = self.svar or " ".join(self.tekst.split())
        return f"{self.emne}: {tekst}" if self.emne else tekst


@dataclass(frozen=True)
class Kilde:
    """Where a group of facts comes from."""

    slags: Literal["indsats", "navngivet", "standard"]
    standard: schema.Standard | None = None
    til: str | None = None
    """The standard's page."""
    ord: Ord = Ord()
    borgere: str | None = None
    """The group of citizens the standard's facts concern ("daghjemsbrugere"), if they name one."""
    undtagen: tuple[str, ...] = ()
    """The interventions a rule for all the standard's interventions excepts."""

    @property
    def tekst(self) -> str:
        """Whose rule it is, above its facts on an intervention page."""
        if self.slags == "indsats":
            return f"For {self.ord.denne_indsats}"
        assert self.standard is not None
        return raekkevidde.etiket(
            self.slags, self.kort, self.ord.denne_indsats, self.ord.indsatser, self.borgere, list(self.undtagen)
        )

    @property
    def i_cellen(self) -> str:
        """The same, lower-case, where a cell lists the rule beside the intervention's own facts."""
        t = self.tekst
        return t[:1].lower() + t[1:]

    @property
    def kort(self) -> str:
        """Provenance in a table cell: empty for the intervention's own facts."""
        return "" if self.standard is None else f"{self.ord.standard} {self.standard.nr}"


@dataclass
class Gruppe:
    kilde: Kilde
    fakta: list[Faktum]
    hovedlov: str | None
    andet_afsnit: bool = False
    """Facts of another section that say they state this aspect (`Loefte.aspekt`): their own
    section shows them on the page, the summary box and the tables show them as this aspect."""


@dataclass
class AspektVisning:
    aspekt: schema.Aspekt
    grupper: list[Gruppe] = field(default_factory=list)
    note: str | None = None
    """Which fact applies when, where the intervention's own differs from its standard's."""

    @property
    def beskrevet(self) -> bool:
        return any(g.fakta for g in self.grupper)

    @property
    def paa_siden(self) -> list[Gruppe]:
        """The groups the aspect's own section shows (facts of another section are shown there)."""
        return [g for g in self.grupper if g.fakta and not g.andet_afsnit]

    @property
    def celle(self) -> str:
        """The aspect in one line: the same text on the page, in the overview tables and in the CSV.

        Deadlines and prices list every fact that applies. Other aspects list the intervention's
        own and named facts; without those, the standard's if they are few, else a pointer to it.
        """
        grupper = self.grupper
        if self.aspekt.noegle not in HELE_CELLEN:
            egne = [g for g in grupper if g.kilde.slags != "standard"]
            if egne:
                grupper = egne
            elif sum(len(g.fakta) for g in grupper) > KORT_CELLE:
                # A link in the data's own page-link form ("[…](2)"): the page's Markdown resolves it,
                # the CSV and the search metadata keep the words.
                return "Se " + " og ".join(
                    f"[{g.kilde.kort}]({g.kilde.standard.nr})" for g in grupper if g.kilde.standard is not None
                )
        # Beside the intervention's own facts, the standard's rule for all its interventions says so
        # first ("Takst: …; for alle indsatser under kvalitetsstandard 2: Gratis …"): a trailing
        # "(kvalitetsstandard 2)" read as if the two contradicted each other.
        blandet = len({g.kilde.slags == "standard" for g in grupper}) > 1
        dele = []
        for g in grupper:
            tekst = "; ".join(f.linje().rstrip(".") for f in g.fakta)
            if g.kilde.borgere:
                dele.append(f"for {g.kilde.borgere} ({g.kilde.kort}): {tekst}")
            elif (blandet and g.kilde.slags == "standard") or g.kilde.undtagen:
                dele.append(f"{g.kilde.i_cellen.replace('gælder for ', 'for ', 1)}: {tekst}")
            else:
                dele.append(f"{tekst} ({g.kilde.kort})" if g.kilde.kort else tekst)
        ud = "; ".join(dele)
        return ud[:1].upper() + ud[1:] if ud else IKKE_I_KATALOGET


@dataclass
class Serviceniveau:
    indsats: schema.Indsats
    til: str
    standarder: list[schema.Standard]
    aspekter: list[AspektVisning]
    profil: Any = None

    def aspekt(self, noegle: str) -> AspektVisning:
        """The aspect's view; an aspect the catalogue's profile does not have is simply not described."""
        return next((a for a in self.aspekter if a.aspekt.noegle == noegle), None) or AspektVisning(
            schema.Aspekt(noegle, *schema.ASPEKT_ORD[noegle][::2], None, None)
        )

    @property
    def kort_fortalt(self) -> list[tuple[str, AspektVisning]]:
        """The summary box's lines: (label, aspect), the profile's `kort_fortalt`, and the times a
        citizen asks about first where this intervention has its own: how soon help comes (an
        emergency call answered within 30 minutes) is delivery, stated for it or for it by name."""
        noegler = list(self.profil.kort_fortalt)
        for noegle in KORT_FORTALT_EGNE:
            a = self.aspekt(noegle)
            if noegle not in noegler and any(g.kilde.slags != "standard" and g.fakta for g in a.grupper):
                noegler.append(noegle)
        return [(schema.etiket(self.profil, noegle), self.aspekt(noegle)) for noegle in noegler]

    @property
    def ikke_beskrevet(self) -> list[str]:
        """What the catalogue does not say about this intervention, in the reader's words, for the
        page's one note: the summary box's own lines say their gaps, so they are not repeated."""
        ud = [
            a.mangler
            for a in self.profil.afsnit_for("indsats")
            if a.mangler
            and not a.aspekt
            and (self.indsats.afsnit(a.nøgle) in (None, []) or schema.mangler(self.indsats.afsnit(a.nøgle)))
        ]
        i_boksen = set(self.profil.kort_fortalt)
        return ud + [
            a.aspekt.mangler_tekst for a in self.aspekter if not a.beskrevet and a.aspekt.noegle not in i_boksen
        ]

    @property
    def frister(self) -> list[tuple[Faktum, Kilde]]:
        return [(f, g.kilde) for g in self.aspekt("sagsbehandlingsfrist").grupper for f in g.fakta]


# ------------------------------------------------------------------ facts from the data


def svar_ord(f: Any, profil: Any) -> str | None:
    """A fact's answer that is not a number, in the reader's words (a `Faktum` holds them already)."""
    if isinstance(f, Faktum):
        return f.svar
    art = getattr(f, "svar", None)
    return svar.ord_for(profil, art) if art else None


def frist_faktum(f: schema.Frist) -> Faktum:
    if f.frist is None:
        return Faktum(f.note or "", f.emne, side=f.side, vaerdi=f)
    tekst = str(f.frist) + (f", {f.note[0].lower()}{f.note[1:].rstrip('.')}" if f.note else "")
    return Faktum(tekst, f.emne, side=f.side, antal=f.frist.antal, enhed=f.frist.enhed, vaerdi=f)


def faktum(v: Any, katalog: Katalog) -> Faktum:
    if isinstance(v, schema.Loefte):
        antal, enhed = (v.tid.antal, v.tid.enhed) if v.tid else (None, None)
        return Faktum(
            v.tekst,
            v.emne,
            str(v.tid) if v.tid else None,
            side=v.side,
            antal=antal,
            enhed=enhed,
            svar=svar.ord_for(katalog.profil, v.svar) if v.svar else None,
            vaerdi=v,
        )
    if isinstance(v, schema.Frist):
        return frist_faktum(v)
    if isinstance(v, schema.Henvisning):
        lov = katalog.love.lov(v.lov)
        return Faktum(
            formater.henvisning(lov.titel if lov else v.lov, v.paragraf, v.stk, v.nr),
            url=katalog.love.url(v.lov, v.paragraf),
            senere_udgave=katalog.love.senere_udgave(v.lov, katalog.info.revision.dato),
            hele_loven=katalog.love.url(v.lov) is not None and not katalog.love.til_paragraffen(v.lov, v.paragraf),
        )
    return Faktum(str(v))


def i_lovorden(vaerdier: list[Any]) -> list[Any]:
    """Citations as Danish legal writing orders them: each law where it first appears, its
    paragraphs ascending (§ 83, § 86, § 88 — the source's "§ 88, § 86" is not an order). Other facts
    keep the data's order."""
    if not vaerdier or not all(isinstance(v, schema.Henvisning) for v in vaerdier):
        return vaerdier
    lovene = list(dict.fromkeys(v.lov for v in vaerdier))
    return sorted(vaerdier, key=lambda v: (lovene.index(v.lov), paragraf_noegle(v.paragraf), v.stk or 0, v.nr or 0))


def fakta(vaerdier: list[Any], katalog: Katalog) -> list[Faktum]:
    return [faktum(v, katalog) for v in i_lovorden(list(vaerdier))]


def standardens_fakta(s: schema.Standard, aspekt: schema.Aspekt, fakta_felter: list[str] | None = None) -> list[Any]:
    """The values the standard states for `aspekt` ([] when it says nothing or `mangler`), and the
    facts of its other fact sections `fakta_felter` that say they state it (`Loefte.aspekt`)."""
    v = s.afsnit(aspekt.standardens) if aspekt.standardens else None
    ud = [] if v is None or schema.mangler(v) else (v if isinstance(v, list) else [v])
    return ud + _maerkede(s, fakta_felter or [], aspekt)


def _maerkede(post: Any, felter: list[str], aspekt: schema.Aspekt) -> list[Any]:
    """Facts in `post`'s other fact sections that say they state `aspekt`."""
    ud = []
    for felt in felter:
        fakta = post.afsnit(felt)
        if felt not in (aspekt.egen, aspekt.standardens) and isinstance(fakta, list):
            ud += [f for f in fakta if getattr(f, "aspekt", None) == aspekt.noegle]
    return ud


def _aspekt(
    aspekt: schema.Aspekt,
    i: schema.Indsats,
    standarder: list[tuple[schema.Standard, str]],
    hovedlov: str | None,
    katalog: Katalog,
    ord_: Ord,
) -> AspektVisning:
    ud = AspektVisning(aspekt)
    egne = i.afsnit(aspekt.egen)
    if egne is not None and not schema.mangler(egne) and not isinstance(egne, list):
        egne = [egne]  # a prose section: one fact
    if egne and not schema.mangler(egne):
        ud.grupper.append(Gruppe(Kilde("indsats"), fakta(egne, katalog), hovedlov))
    maerkede = _maerkede(i, katalog.profil.former("indsats", "fakta"), aspekt)
    if maerkede:
        ud.grupper.append(Gruppe(Kilde("indsats"), [faktum(v, katalog) for v in maerkede], hovedlov, True))
    std_fakta_felter = katalog.profil.former("standard", "fakta")
    for s, til in standarder:
        navngivet, alle, undtaget = [], [], []
        for v in standardens_fakta(s, aspekt, std_fakta_felter):
            slags = raekkevidde.gaelder_for(v, i.id)
            if slags == "navngivet":
                navngivet.append(v)
            elif slags == "standard":
                alle.append(v)
            elif raekkevidde.undtaget(v, i.id):
                undtaget.append(v)
        if undtaget:
            # A rule for all the standard's interventions but this one: the page says it does not apply.
            # The rule by its first sentence ("Gratis"): the note is plain text, the rule's links stay on its page.
            ud.note = (
                f"Det, {ord_.standard} {s.nr} siger om alle sine {ord_.indsatser} ("
                + "; ".join(f"»{faktum(f, katalog).linje().split('. ')[0].rstrip('.')}«" for f in undtaget)
                + f"), gælder ikke for {ord_.denne_indsats}."
            )
        if aspekt.noegle == "sagsbehandlingsfrist" and ud.grupper and ud.grupper[0].kilde.slags == "indsats":
            # The intervention's own deadline replaces the standard's general one (no `emne`).
            erstattet = [f for f in alle if f.emne is None]
            alle = [f for f in alle if f.emne is not None]
            if erstattet:
                ud.note = (
                    f"Den almindelige frist i {ord_.standard} {s.nr} ("
                    + "; ".join(frist_faktum(f).tekst for f in erstattet)
                    + f") gælder ikke for {ord_.denne_indsats}, som har sin egen frist."
                )
        grupper: tuple[tuple[Literal["navngivet", "standard"], list[Any]], ...] = (
            ("navngivet", navngivet),
            ("standard", alle),
        )
        for slags, vaerdier in grupper:
            # One group per scope: the label above it says whose rule it is.
            omfang: dict[tuple[str | None, tuple[str, ...]], list[Any]] = {}
            for v in vaerdier:
                borgere = v.borgere.tekst if getattr(v, "borgere", None) else None
                omfang.setdefault((borgere, tuple(getattr(v, "undtagen", ()) or ())), []).append(v)
            for (borgere, undtagen), dele in omfang.items():
                kilde = Kilde(slags, s, til, ord_, borgere, undtagen)
                ud.grupper.append(Gruppe(kilde, fakta(dele, katalog), s.hovedlov))
    if ud.note is None and len(ud.grupper) > 1 and ud.grupper[0].kilde.slags == "indsats":
        ud.note = (
            f"Det, der står for {ord_.denne_indsats}, gælder ud over det, {ord_.standarden} siger om alle sine "
            f"{ord_.indsatser}."
        )
    return ud


def beregn(katalog: Katalog, indsats_sti: dict[str, str], standard_sti: dict[int, str]) -> list[Serviceniveau]:
    """Every intervention's service level, in catalogue order."""
    standarder = {s.nr: s for s in katalog.standarder}
    ord_ = Ord.fra(katalog.profil)
    ud = []
    for i in katalog.indsatser:
        egne = [standarder[n] for n in i.standarder]
        med_sti = [(s, standard_sti[s.nr]) for s in egne]
        hovedlov = i.hovedlov or (egne[0].hovedlov if egne else None)
        aspekter = [_aspekt(a, i, med_sti, hovedlov, katalog, ord_) for a in katalog.aspekter]
        ud.append(Serviceniveau(i, indsats_sti[i.id], egne, aspekter, katalog.profil))
    return ud
