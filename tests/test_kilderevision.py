"""A source audit per kind of defect, over every catalogue in the repository.

Not a list of sentences: each test states one kind of defect and looks for it everywhere.

- **Contradiction**: one intervention's deadline, frequency, price or delivery reads the same in its
  summary box, on "Serviceniveau på et blik", in its standard's table, in serviceniveau.csv, and the
  CSV's numbers are the data's (katalog.json).
- **Missing**: every fact an intervention inherits from its standard (by the scope rule written here,
  independently of `site.serviceniveau`) is on the intervention's page.
- **"Not stated" where it is stated**: a cell saying "Ikke oplyst her" while the intervention's or its
  standard's own words speak of that aspect.
- **Out of scope**: a rule shown on an intervention its scope excludes, or a sentence about a group of
  citizens ("For daghjemsbrugere …") under the label for all interventions.

Each check is a function returning its findings; the tests at the end run them on broken copies too,
so each can be seen to fail.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.data import schema
from generator.data.pladsholdere import Udfylder
from generator.site.byg import generer
from generator.site.serviceniveau import IKKE_I_KATALOGET
from generator.tjek.citater import ens_lovnavne
from generator.tjek.indlaes import indlaes_katalog

from . import support
from .test_kataloger import KATALOGER, _navn

ASPEKTER = ("sagsbehandlingsfrist", "hyppighed", "pris", "levering")

# Words with which a source speaks of an aspect in prose (the "not stated" audit).
ORD = {
    "sagsbehandlingsfrist": re.compile(r"sagsbehandlingsfrist", re.I),
    "hyppighed": re.compile(r"\bhyppighed|\bhver \d+\.|\bgange? (om|pr\.?) (ugen|måneden|dagen|året)", re.I),
    "pris": re.compile(r"\bgratis\b|brugerbetaling|egenbetaling|\btakst|betaling for", re.I),
    "levering": re.compile(r"iværksættes (inden|indenfor|straks)|leveres (inden|indenfor)", re.I),
}

# A sentence about a group of citizens, not about all of a standard's interventions.
GRUPPE = re.compile(r"\b(For|Ved) (\w+brugere|beboere i \w+|borgere i \w+)", re.I)


def ren(t: str) -> str:
    """Text as a reader reads it: links as their words, no tags, emphasis or escapes, one space."""
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"<[^>]+>", "", t)
    t = html.unescape(t).replace("\\", "").replace("*", "")
    return " ".join(t.split()).rstrip(".")


class Bygget:
    """One catalogue's generated site in memory: pages, CSV and katalog.json."""

    def __init__(self, data: Path):
        self.k = indlaes_katalog(data)
        self.v, self.filer = generer(self.k)
        self.udfyld = Udfylder(self.k.info)

    def som_siden(self, tekst: str) -> str:
        """Data text as a page reads it: placeholders filled, a law's name as its registry writes it."""
        return ren(ens_lovnavne(self.udfyld(tekst), self.k.love))

    def celle(self, r, noegle: str) -> str:
        return self.som_siden(r.aspekt(noegle).celle)


@pytest.fixture(scope="module", params=KATALOGER, ids=_navn)
def bygget(request) -> Bygget:
    return Bygget(request.param / "data")


# ------------------------------------------------------------------ parsing what was generated


# A row whose first cell is a link, maybe after the row's anchor (`<span class="raekke" id=…>`).
_FOERSTE_CELLE_LINK = re.compile(r"^\| (<span [^>]*></span>)?\[")


def tabelraekke(side: str, til: str) -> dict[str, str] | None:
    """The row of a Markdown table whose first cell links to page `til`, by its header's names."""
    linjer = side.splitlines()
    navn = Path(til).name
    for n, linje in enumerate(linjer):
        if _FOERSTE_CELLE_LINK.match(linje) and f"{navn})" in linje.split(" | ")[0]:
            m = n
            while m > 0 and not linjer[m - 1].startswith("|---"):
                m -= 1
            hoved = [ren(c) for c in linjer[m - 2].strip("| ").split(" | ")]
            celler = [ren(c) for c in linje.strip().strip("|").split(" | ")]
            return dict(zip(hoved, celler, strict=False))
    return None


def kort_fortalt(side: str) -> dict[str, str]:
    """The summary box's lines: label → text."""
    ud = {}
    for m in re.finditer(r"^    - \*\*([^*]+):\*\* (.*)$", side, re.M):
        ud[m.group(1)] = ren(m.group(2))
    return ud


def csv_raekker(b: Bygget) -> list[dict[str, str]]:
    tekst = b.filer.get("katalog/data/serviceniveau.csv")
    return list(csv.DictReader(io.StringIO(tekst))) if tekst else []


def side_for(b: Bygget, til: str) -> str:
    return b.filer[til if til.startswith("katalog/") else f"katalog/{til}"]


# ------------------------------------------------------------------ the checks


def modsigelser(b: Bygget) -> list[str]:
    """Places that say something else than the intervention's effective service level."""
    ud = []
    profil = b.k.profil
    oversigt = b.filer.get("katalog/overblik/serviceniveau.md", "")
    csv_ = csv_raekker(b)
    for r in b.v.serviceniveau:
        side = side_for(b, r.til)
        boks = kort_fortalt(side)
        for etiket, a in r.kort_fortalt:
            if b.som_siden(a.celle) != boks.get(etiket):
                ud.append(f"{r.indsats.id} {etiket}: Kort fortalt siger {boks.get(etiket)!r}, ikke {b.celle(r, a.aspekt.noegle)!r}")
        raekke = tabelraekke(oversigt, r.til)
        if raekke is not None:
            for noegle, kolonne in zip(ASPEKTER, ("Sagsbehandlingsfrist", "Hyppighed og omfang", "Pris", "Levering"), strict=True):
                if raekke.get(kolonne) != b.celle(r, noegle):
                    ud.append(f"{r.indsats.id} {kolonne}: Serviceniveau siger {raekke.get(kolonne)!r}, ikke {b.celle(r, noegle)!r}")
        for s in r.standarder:
            raekke = tabelraekke(side_for(b, b.v.standard_sti[s.nr]), r.til)
            for noegle in ("sagsbehandlingsfrist", "hyppighed", "pris"):
                a = r.aspekt(noegle)
                kolonne = schema.etiket(profil, noegle) if noegle == "pris" else a.aspekt.titel
                if raekke is not None and raekke.get(kolonne) != b.celle(r, noegle):
                    ud.append(f"{r.indsats.id} {kolonne}: standard {s.nr}'s tabel siger {raekke.get(kolonne)!r}")
        for noegle in ASPEKTER:
            fakta = [ren(b.udfyld(f.tekst)) for g in r.aspekt(noegle).grupper for f in g.fakta]
            i_csv = [ren(x["tekst"]) for x in csv_ if x["indsats"] == r.indsats.id and x["aspekt"] == noegle]
            if csv_ and sorted(fakta) != sorted(i_csv):
                ud.append(f"{r.indsats.id} {noegle}: CSV'en har {i_csv!r}, siden {fakta!r}")
    # The CSV's numbers and pages are the data's.
    data = json.loads(b.filer["katalog/data/katalog.json"])
    kendte: set[tuple] = set()

    def saml(v):
        if isinstance(v, dict):
            tekst = v.get("tekst") or v.get("note")
            tid = v.get("tid") or v.get("frist") or {}
            if isinstance(tekst, str):
                kendte.add((ren(b.udfyld(tekst)), tid.get("antal"), v.get("side")))
            for x in v.values():
                saml(x)
        elif isinstance(v, list):
            for x in v:
                saml(x)
        elif isinstance(v, str):  # a prose section: one fact without number or page
            kendte.add((ren(b.udfyld(v)), None, None))

    saml(data)
    for x in csv_:
        if x["aspekt"] in ASPEKTER and x["aspekt"] != "sagsbehandlingsfrist" and x["kilde"] != "":
            noegle = (ren(x["tekst"]), int(x["antal"]) if x["antal"] else None, int(x["side"]) if x["side"] else None)
            if noegle not in kendte:
                ud.append(f"{x['indsats']} {x['aspekt']}: CSV'ens {noegle} står ikke sådan i katalog.json")
    return ud


def gaelder(v, indsats_id: str) -> bool:
    """The scope rule as the editor's guide words it (written here again, not imported)."""
    if getattr(v, "kun_standarden", False):
        return False
    if getattr(v, "gælder", None):
        return indsats_id in v.gælder
    return indsats_id not in (getattr(v, "undtagen", None) or [])


def arvede_fakta(b: Bygget, r):
    """(aspect, fact) a standard states that reach intervention `r` by their scope."""
    for s in r.standarder:
        for a in b.k.aspekter:
            felter = [a.standardens] if a.standardens else []
            for felt in b.k.profil.former("standard", "fakta"):
                felter.append(felt)
            for felt in dict.fromkeys(felter):
                v = s.afsnit(felt)
                if v is None or schema.mangler(v):
                    continue
                for f in v if isinstance(v, list) else [v]:
                    if felt != a.standardens and getattr(f, "aspekt", None) != a.noegle:
                        continue
                    if gaelder(f, r.indsats.id):
                        yield a, f


def manglende(b: Bygget) -> list[str]:
    """Facts an intervention inherits that its page does not show."""
    ud = []
    for r in b.v.serviceniveau:
        side = ren(side_for(b, r.til))
        for a, f in arvede_fakta(b, r):
            tekst = getattr(f, "tekst", None) or getattr(f, "note", None)
            if isinstance(f, str):
                tekst = f
            if not isinstance(tekst, str):
                continue  # a citation: its own test
            stykke = b.som_siden(tekst)[:60]
            if stykke and stykke not in side:
                ud.append(f"{r.indsats.id} {a.noegle}: {stykke!r} mangler på siden")
    return ud


def ikke_oplyst_men_angivet(b: Bygget) -> list[str]:
    """"Ikke oplyst her" where the intervention or its standard speaks of the aspect in prose."""
    ud = []
    prosa = b.k.profil.former("standard", "tekst")
    egen_prosa = b.k.profil.former("indsats", "tekst")
    for r in b.v.serviceniveau:
        for noegle in ASPEKTER:
            if r.aspekt(noegle).celle != IKKE_I_KATALOGET:
                continue
            tekster = [r.indsats.afsnit(f) for f in egen_prosa] + [s.afsnit(f) for s in r.standarder for f in prosa]
            for t in tekster:
                if isinstance(t, str) and ORD[noegle].search(t):
                    ud.append(f"{r.indsats.id} {noegle}: 'Ikke oplyst her', men kilden siger: {ORD[noegle].search(t).group(0)!r}")
                    break
    return ud


def uden_for_omfang(b: Bygget) -> list[str]:
    """Rules shown on an intervention their scope excludes, or a group's rule labelled as everyone's."""
    ud = []
    for r in b.v.serviceniveau:
        for a in r.aspekter:
            for g in a.grupper:
                if g.kilde.slags != "standard" or g.kilde.borgere:
                    continue
                for f in g.fakta:
                    m = GRUPPE.search(f.tekst)
                    if m:
                        ud.append(f"{r.indsats.id} {a.aspekt.noegle}: {m.group(0)!r} står under {g.kilde.tekst!r}")
        for a, f in [(a, f) for s in r.standarder for a in b.k.aspekter for f in _alle_fakta(b, s, a)]:
            if not gaelder(f, r.indsats.id):
                vist = [x.tekst for g in r.aspekt(a.noegle).grupper for x in g.fakta]
                if f.tekst in vist:
                    ud.append(f"{r.indsats.id} {a.noegle}: {f.tekst[:50]!r} vises, men gælder ikke for den")
    return ud


def _alle_fakta(b: Bygget, s, a):
    felter = [a.standardens] + b.k.profil.former("standard", "fakta") if a.standardens else []
    for felt in dict.fromkeys(felter):
        v = s.afsnit(felt)
        if isinstance(v, list):
            yield from (f for f in v if isinstance(f, schema.Loefte) and (felt == a.standardens or f.aspekt == a.noegle))


# ------------------------------------------------------------------ over every catalogue


def test_no_two_places_disagree_about_an_intervention(bygget):
    assert modsigelser(bygget) == []


def test_every_inherited_fact_is_on_the_intervention_page(bygget):
    assert manglende(bygget) == []


def test_not_stated_only_where_nothing_is_stated(bygget):
    assert ikke_oplyst_men_angivet(bygget) == []


def test_no_rule_outside_its_scope(bygget):
    assert uden_for_omfang(bygget) == []


# ------------------------------------------------------------------ the checks can fail


@pytest.fixture(scope="module")
def varde() -> Bygget:
    return Bygget(support.DATA)


def test_a_contradicting_overview_cell_is_found(varde):
    b = varde
    r = next(r for r in b.v.serviceniveau if r.indsats.id == "K.2.4")
    sti = "katalog/overblik/serviceniveau.md"
    gammel = b.filer[sti]
    b.filer[sti] = gammel.replace("Takst: Madservice har en politisk fastlagt takst", "Gratis. Madservice har en politisk fastlagt takst", 1)
    try:
        fund = modsigelser(b)
    finally:
        b.filer[sti] = gammel
    assert any(f.startswith("K.2.4 Pris: Serviceniveau") for f in fund), fund
    assert r.aspekt("pris").celle.startswith("Takst")


def test_an_inherited_fact_missing_from_a_page_is_found(varde):
    b = varde
    r = next(r for r in b.v.serviceniveau if r.indsats.id == "K.1.6")
    gammel = b.filer[f"katalog/{r.til}"] if not r.til.startswith("katalog/") else b.filer[r.til]
    noegle = r.til if r.til.startswith("katalog/") else f"katalog/{r.til}"
    b.filer[noegle] = "\n".join(linje for linje in gammel.splitlines() if "ældreboliger skal akuthjælp" not in linje)
    try:
        fund = manglende(b)
    finally:
        b.filer[noegle] = gammel
    assert any(f.startswith("K.1.6 levering") for f in fund), fund


def _kopi(tmp_path: Path, *rettelser: tuple[str, str]) -> Bygget:
    """Varde's data copied with `rettelser` (old, new) made in standards.yaml, generated."""
    data = tmp_path / "data"
    shutil.copytree(support.DATA, data, ignore=shutil.ignore_patterns("tests", "__pycache__"))
    for gammel, ny in rettelser:
        support.erstat(data / "standards.yaml", gammel, ny)
    return Bygget(data)


def test_not_stated_where_the_standard_states_it_is_found(tmp_path):
    """The defect before this audit: standard 1's frequency only in prose, every K.1.x 'Ikke oplyst her'."""
    b = _kopi(
        tmp_path,
        (
            "    vejledende_omfang:\n      - tekst: Indhold, omfang og hyppighed for den enkelte borger afgøres ud fra "
            "en individuel vurdering og fremgår af det bevillingsbrev, der sendes til borgeren som dokumentation for "
            "afgørelsen.\n        svar: bevillingsbrev\n        side: 9\n",
            "    vejledende_omfang: []\n",
        ),
        (
            "      Der henvises endvidere til indsatskatalog for Sygepleje",
            "      Indhold, omfang og hyppighed afgøres ud fra en individuel vurdering.\n\n"
            "      Der henvises endvidere til indsatskatalog for Sygepleje",
        ),
    )
    fund = ikke_oplyst_men_angivet(b)
    assert any(f.startswith("K.1.1 hyppighed") for f in fund), fund


def test_a_group_rule_labelled_as_everyones_is_found(tmp_path):
    """The defect before this audit: "For daghjemsbrugere …" (p. 22) in standard 4's prose reached K.4.1."""
    saetning = "      Afløsning i hjemmet kan gives uafhængigt af, om betingelserne for at få midlertidig eller varig hjælp efter § 83 er opfyldt.\n"
    b = _kopi(tmp_path, (saetning, saetning + "\n      For daghjemsbrugere er der betaling for forplejning og materialer.\n"))
    fund = uden_for_omfang(b)
    assert any(f.startswith("K.4.1 saerlige_forhold") for f in fund), fund


def test_who_prepared_an_edition_carries_no_other_date(bygget):
    """Aarhus: the approval date (26 June 2020) read as the preparation date ("Udarbejdet af: Klynge
    for Træning … (26. juni 2020)"). Om denne udgave says who prepared it as the source does, and the
    edition's date in a row of its own."""
    rev = bygget.k.info.revision
    side = bygget.filer["katalog/udgave/om-denne-udgave.md"]
    raekke = re.search(r"^\| Udarbejdet af \| (.*) \|$", side, re.M)
    assert raekke is not None
    assert ren(raekke.group(1)) == ren(bygget.udfyld(rev.udarbejdet_af or "Ikke angivet i kilden"))
    assert re.search(r"^\| Udgavens dato \| .+ \|$", side, re.M)
