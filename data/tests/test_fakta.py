"""Faktatabel: fakta fra kilden, som data/ skal blive ved med at indeholde.

Kilde: "Kvalitetstandarder og Indsatser, Ældreområdet 2014" (Varde Kommune),
transskriptionen i /work/shared/kilder/ (side 3–27). Hver række nedenfor er ét
faktum fra kilden – en frist, en hyppighed, en tid, en undtagelse, et
lovgrundlag eller en betalingsregel – og den side, det står på. Fjerner en
senere rettelse faktummet fra data/, fejler rækken og siger hvilket.

En række er (art, post, felt, forventet):

* art      "indsats" (data/indsatser.yaml, post = id som "K.2.1"),
           "standard" (data/standards.yaml, post = nummer 1–7) eller
           "introduktion" (data/standards.yaml, post = afsnit som "1.9").
* felt     feltnavnet fra schema.py; en tuple betyder "i et af disse felter"
           (hvor kilden kan placeres flere steder, fx en betalingsregel i
           "særlige_forhold" eller "indhold_og_omfang"); "*" betyder hele posten.
* forventet
    - tekst:  skal stå i feltet; store/små bogstaver, mellemrum, bindestreger
              og é/e betyder ikke noget ("Hver 14.dag" = "hver 14. dag").
    - V(antal, enhed, kontekst): et struktureret tal (frist/tid) i en af
              feltets punkter, evt. i et punkt der også nævner `kontekst`.
    - Lov(lov, paragraf, stk): en henvisning i `lovgrundlag`.
    - Enten(a, b, …): mindst én af a, b, … skal holde.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from generator.data import schema
from generator.tjek.indlaes import indlaes_katalog

# Varde's catalogue: the data folder beside this one.
DATA = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def katalog():
    return indlaes_katalog(DATA)


@pytest.fixture(scope="module")
def indsatser(katalog):
    return katalog.indsatser_fil


@pytest.fixture(scope="module")
def standarder(katalog):
    return katalog.standarder_fil


# ---------------------------------------------------------------- hjælpere

@dataclass(frozen=True)
class V:
    """Struktureret varighed: et punkt med frist/tid = antal + enhed."""

    antal: int
    enhed: str
    kontekst: str | None = None

    def __str__(self) -> str:
        return f"{self.antal} {self.enhed}" + (f" ({self.kontekst})" if self.kontekst else "")


@dataclass(frozen=True)
class Lov:
    """En henvisning i lovgrundlag. stk=None: paragraffen med eller uden stk."""

    lov: str
    paragraf: str
    stk: int | None = None

    def __str__(self) -> str:
        return f"{self.lov} § {self.paragraf}" + (f", stk. {self.stk}" if self.stk else "")


class Enten(tuple):
    """Mindst ét af alternativerne skal holde."""

    def __new__(cls, *alternativer):
        return super().__new__(cls, alternativer)

    def __str__(self) -> str:
        return " eller ".join(map(str, self))


def _norm(tekst: str) -> str:
    """Sammenlignelig form: små bogstaver, uden mellemrum, én slags bindestreg, é → e."""
    tekst = unicodedata.normalize("NFC", tekst).lower()
    tekst = tekst.replace("é", "e").replace("–", "-").replace("—", "-").replace("\u2011", "-")
    return re.sub(r"\s+", "", tekst)


def _flad(x: Any) -> str:
    """Alt søgbart i en post eller et felt som én tekst (Varighed som "14 dage")."""
    if isinstance(x, schema.Varighed):
        return str(x)
    if isinstance(x, schema.Mangler):
        return ""  # en manglende sektion indeholder ingen fakta
    if isinstance(x, BaseModel):
        return " ".join(_flad(getattr(x, f)) for f in type(x).model_fields)
    if isinstance(x, (list, tuple)):
        return " ".join(_flad(v) for v in x)
    if x is None:
        return ""
    return str(x)


def _indeholder(hoestak: str, naal: str) -> bool:
    h, n = _norm(hoestak), _norm(naal)
    if n[:1].isdigit():  # "2 uger" må ikke findes i "12 uger"
        return re.search(r"(?<!\d)" + re.escape(n), h) is not None
    return n in h


def _post(art: str, noegle: Any, request) -> Any:
    if art == "indsats":
        fil = request.getfixturevalue("indsatser")
        fundne = [i for i in fil.indsatser if i.id == noegle]
    elif art == "standard":
        fil = request.getfixturevalue("standarder")
        fundne = [s for s in fil.standarder if s.nr == noegle]
    elif art == "introduktion":
        fil = request.getfixturevalue("standarder")
        fundne = [a for a in fil.introduktion.afsnit if a.nr == noegle]
    else:
        raise ValueError(art)
    assert len(fundne) == 1, f"{art} {noegle} findes {len(fundne)} gange (forventet 1)"
    return fundne[0]


def _felter(post: Any, felt: str | tuple[str, ...]) -> list[tuple[str, Any]]:
    navne = (felt,) if isinstance(felt, str) else felt
    for navn in navne:
        assert navn == "*" or navn in type(post).model_fields, f"ukendt felt {navn!r} i tabellen"
    return [(navn, post if navn == "*" else getattr(post, navn)) for navn in navne]


def _holder(vaerdi: Any, forventet: Any) -> bool:
    if isinstance(forventet, Enten):
        return any(_holder(vaerdi, alt) for alt in forventet)
    if isinstance(forventet, str):
        return _indeholder(_flad(vaerdi), forventet)
    if isinstance(forventet, V):
        if not isinstance(vaerdi, list):
            return False
        for punkt in vaerdi:
            tal = getattr(punkt, "frist", None) or getattr(punkt, "tid", None)
            if tal is None or (tal.antal, tal.enhed) != (forventet.antal, forventet.enhed):
                continue
            if forventet.kontekst is None or _indeholder(_flad(punkt), forventet.kontekst):
                return True
        return False
    if isinstance(forventet, Lov):
        if not isinstance(vaerdi, list):
            return False
        return any(
            isinstance(h, schema.Henvisning) and h.lov == forventet.lov and h.paragraf == forventet.paragraf
            and (forventet.stk is None or h.stk == forventet.stk)
            for h in vaerdi
        )
    raise TypeError(forventet)


# ---------------------------------------------------------------- faktatabellen

def F(art, post, felt, forventet, id):
    return pytest.param(art, post, felt, forventet, id=id)


FRIST = "sagsbehandlingsfrister"
LEV = "leverancesikkerhed"
IKKE = "ikke_omfattet"
# Hvor en standard kan have sine vejledende tider og sine betalingsregler:
OMFANG = ("vejledende_omfang", "indhold_og_omfang", "leverancesikkerhed")
OEKONOMI = ("betaling", "særlige_forhold", "indhold_og_omfang", "vejledende_omfang", "leverancesikkerhed")
SL = "serviceloven"

FAKTA = [
    # ================================================= frister (sagsbehandling, opstart)
    F("indsats", "K.2.1", "sagsbehandlingsfrist", V(4, "uger"), "K.2.1-frist-4-uger"),          # s. 12
    F("indsats", "K.2.4", "sagsbehandlingsfrist", V(2, "uger"), "K.2.4-frist-2-uger"),          # s. 12
    F("indsats", "K.2.4", "sagsbehandlingsfrist", "straks ved akut behov", "K.2.4-frist-straks-akut"),
    F("indsats", "K.4.1", "sagsbehandlingsfrist", V(5, "hverdage"), "K.4.1-frist-5-hverdage"),  # s. 21
    F("indsats", "K.2.1", "levering", V(10, "hverdage", "valg af leverandør"), "K.2.1-opstart-10-hverdage"),
    F("indsats", "K.2.2", "levering", V(10, "hverdage", "valg af leverandør"), "K.2.2-opstart-10-hverdage"),
    F("indsats", "K.2.4", "levering", "dagen efter bevilling", "K.2.4-opstart-dagen-efter"),       # s. 14
    F("indsats", "K.4.1", "levering", "straks ved akut behov", "K.4.1-straks-ved-akut-behov"),     # s. 21
    F("indsats", "K.4.1", "levering", "efter individuel aftale", "K.4.1-efter-individuel-aftale"),
    F("indsats", "K.4.2", "øvrigt", "teamledere i hjemmeplejen og sygeplejen kan helt akut",
      "K.4.2-teamledere-akut-fastvagt"),                                                           # s. 20
    F("standard", 1, FRIST, V(2, "uger"), "std1-frist-2-uger"),                                    # s. 8
    F("standard", 1, FRIST, "straks ved akut behov", "std1-frist-straks-akut"),
    F("standard", 1, ("visitation", FRIST, LEV), "7 dage", "std1-oeget-hjaelp-7-dage"),
    F("standard", 1, ("særlige_forhold", FRIST), "3 hverdage", "std1-andre-kommuner-3-hverdage"),  # s. 11
    F("standard", 3, FRIST, V(2, "uger", "genoptræning"), "std3-frist-genoptraening-2-uger"),      # s. 16
    F("standard", 3, FRIST, V(4, "uger", "vedligeholdelsestræning"), "std3-frist-vedligehold-4-uger"),
    F("standard", 4, FRIST, V(2, "uger"), "std4-frist-2-uger"),                                    # s. 20
    F("standard", 5, FRIST, V(2, "uger"), "std5-frist-2-uger"),                                    # s. 23
    F("standard", 5, (FRIST, "visitation"), "hurtigst muligt", "std5-akutophold-hurtigst-muligt"),
    F("introduktion", "1.13", "tekst", "4 uger", "intro-1.13-klage-besked-4-uger"),                # s. 6

    # ================================================= hyppigheder og tider
    F("indsats", "K.2.1", "hyppighed", V(14, "dage"), "K.2.1-hyppighed-14-dage"),                 # s. 13
    F("indsats", "K.2.1", "hyppighed", "Hver 14. dag ud fra en individuel vurdering", "K.2.1-hyppighed-tekst"),
    F("indsats", "K.2.2", "hyppighed", V(14, "dage"), "K.2.2-hyppighed-14-dage"),
    F("indsats", "K.2.2", "hyppighed", "Hver 14. dag", "K.2.2-hyppighed-tekst"),
    F("indsats", "K.2.3", "hyppighed", "1 gang om ugen", "K.2.3-hyppighed-1-gang-om-ugen"),
    F("indsats", "K.2.3", "hyppighed", V(1, "uger"), "K.2.3-hyppighed-1-uge"),
    F("indsats", "K.2.4", "hyppighed", "efter behov", "K.2.4-hyppighed-efter-behov"),
    F("indsats", "K.2.4", "levering", "kølemad leveres 2 gange om ugen", "K.2.4-koelemad-2-gange-ugen"),
    F("indsats", "K.2.4", "levering", "dagligt mellem klokken 11.00 og 13.00", "K.2.4-varm-mad-11-13"),
    F("indsats", "K.4.1", "øvrigt", "døgnets 24 timer", "K.4.1-maalgruppe-doegnets-24-timer"),     # s. 20
    F("standard", 1, LEV, "20 minutter", "std1-noedkald-20-min-aeldreboliger"),                   # s. 10
    F("standard", 1, LEV, "30 min", "std1-noedkald-30-min"),
    F("standard", 1, LEV, "24 timer i døgnet", "std1-24-timer-i-doegnet"),
    F("standard", 1, LEV, "5 hverdage", "std1-ugentlig-hjaelp-5-hverdage"),
    F("standard", 1, LEV, "3 døgn", "std1-daglig-hjaelp-3-doegn"),
    F("standard", 1, LEV, Enten("inden for et døgn", "inden for 1 døgn", V(1, "døgn")), "std1-akut-et-doegn"),
    F("standard", 1, LEV, "halv time", "std1-plus-minus-halv-time"),
    F("standard", 2, OMFANG, "8.00-15.00", "std2-praktisk-hjaelp-8-15"),
    # Standard 2's frister og vejledende tider for rengøring, tøjvask, indkøb og madservice og
    # standard 4's frist for afløsning i hjemmet gælder hver sin indsats og står derfor kun i
    # indsatser.yaml (se K.2.x- og K.4.1-rækkerne); standards.yaml gentager dem ikke.
    F("standard", 2, LEV, "1 time", "std2-forsinket-1-time"),
    F("standard", 2, LEV, Enten("1 uge", V(1, "uger")), "std2-erstatningsbesoeg-1-uge"),
    F("standard", 2, LEV, "12 dagen før", "std2-aflysning-kl-12-dagen-foer"),
    F("standard", 3, LEV, "få hverdage", "std3-faa-hverdage"),                                     # s. 18
    F("standard", 4, "visitation", "3 dage", "std4-akut-midlertidigt-ophold-3-dage"),              # s. 20
    F("standard", 4, (LEV, "særlige_forhold"), Enten("tre døgn", "3 døgn"), "std4-handleplan-tre-doegn"),
    F("standard", 5, "visitation", "3 dage", "std5-akutophold-3-dage"),                            # s. 23
    F("standard", 5, OMFANG, "3 hverdage", "std5-akut-ophold-3-hverdage"),                         # s. 25
    F("standard", 5, OMFANG, "3 uger", "std5-traeningsophold-3-uger"),                             # s. 26
    F("standard", 5, OMFANG, "3 måneder", "std5-soegaarden-3-maaneder"),
    F("standard", 5, OMFANG, Enten("hver 4 weekend", "hver 4. weekend"), "std5-rullende-hver-4-weekend"),

    # ================================================= hvad borgeren ikke kan få hjælp til
    F("standard", 1, IKKE, "Fodpleje", "std1-ikke-fodpleje"),                                     # s. 9
    F("standard", 1, IKKE, "Karbad", "std1-ikke-karbad"),
    F("standard", 1, IKKE, "varmt måltid", "std1-ikke-varmt-maaltid"),
    F("standard", 1, IKKE, "mad til gæster", "std1-ikke-mad-til-gaester"),
    F("standard", 1, IKKE, "husdyr", "std1-ikke-husdyr"),
    F("standard", 2, IKKE, "Vinduesvask", "std2-ikke-vinduesvask"),                               # s. 13
    F("standard", 2, IKKE, "Hovedrengøring", "std2-ikke-hovedrengoering"),
    F("standard", 2, IKKE, "gardiner", "std2-ikke-gardiner"),
    F("standard", 2, IKKE, "Storindkøb", "std2-ikke-storindkoeb"),
    F("standard", 2, IKKE, "håndkøbsmedicin", "std2-ikke-medicin"),
    F("standard", 2, IKKE, "flytning", "std2-ikke-rengoering-ved-flytning"),
    F("standard", 2, IKKE, "trappevask", "std2-ikke-trappevask"),
    F("standard", 2, IKKE, "Oprydning", "std2-ikke-oprydning"),
    F("standard", 3, IKKE, "elterapi", "std3-ikke-elterapi"),                                      # s. 18
    F("standard", 3, IKKE, "bløddelsbehandling", "std3-ikke-bloeddelsbehandling"),
    F("standard", 3, ("særlige_forhold", IKKE), "kørsel", "std3-ikke-koersel"),

    # ================================================= lovgrundlag (strukturerede henvisninger)
    *[F("standard", 1, "lovgrundlag", Lov(SL, p), f"std1-lov-par{p}")
      for p in ("1", "83", "86", "87", "88", "89", "94", "95", "96", "112")],                       # s. 8
    F("standard", 1, "lovgrundlag", Lov(SL, "91", 4), "std1-lov-par91-stk4"),
    *[F("standard", 2, "lovgrundlag", Lov(SL, p), f"std2-lov-par{p}")
      for p in ("1", "83", "86", "88", "89", "90", "91", "94", "95")],                              # s. 12
    F("standard", 3, "lovgrundlag", Lov(SL, "1"), "std3-lov-par1"),                                  # s. 16
    F("standard", 3, "lovgrundlag", Lov(SL, "86", 1), "std3-lov-par86-stk1"),
    F("standard", 3, "lovgrundlag", Lov(SL, "86", 2), "std3-lov-par86-stk2"),
    F("standard", 3, "lovgrundlag", Lov(SL, "88", 3), "std3-lov-par88-stk3"),
    F("standard", 3, "lovgrundlag", Lov(SL, "89"), "std3-lov-par89"),
    F("standard", 4, "lovgrundlag", Lov(SL, "84"), "std4-lov-par84"),                                # s. 20
    F("standard", 5, "lovgrundlag", Lov(SL, "84", 2), "std5-lov-par84-stk2"),                        # s. 23
    F("standard", 4, "særlige_forhold", "efter § 83", "K.4.1-uafhaengigt-af-par83"),  # about K.4.1, stored once                     # s. 22
    F("indsats", "K.2.4", "øvrigt", "§ 91", "K.2.4-frit-leverandoervalg-par91"),                     # s. 4
    F("introduktion", "1.7", "tekst", "frit leverandørvalg", "intro-1.7-frit-leverandoervalg"),    # s. 4
    F("introduktion", "1.10", "tekst", "94 a", "intro-1.10-fleksibilitet-par94a"),                   # s. 5
    F("introduktion", "1.14", "tekst", "151", "intro-1.14-tilsyn-par151"),                           # s. 6

    # ================================================= priser og betaling
    F("indsats", "K.2.4", "betaling", "politisk fastlagt takst", "K.2.4-politisk-takst"),          # s. 5
    F("indsats", "K.2.4", "betaling", "én gang årligt", "K.2.4-takst-en-gang-aarligt"),
    # K.4.3's payments stand in standard 4, scoped to daghjem users (`gælder: [K.4.3]`, `borgere`).
    F("standard", 4, "betaling", "brugerbetaling for transport", "K.4.3-betaling-transport"),      # s. 21
    F("standard", 4, "betaling", "forplejning og materialer", "K.4.3-betaling-forplejning-materialer"),  # s. 22
    # Answers that are not numbers: how often is set by an individual assessment (pp. 9, 13, 21).
    F("standard", 1, "vejledende_omfang", "fremgår af det bevillingsbrev", "std1-hyppighed-bevillingsbrev"),
    F("standard", 2, "vejledende_omfang", "fremgår af det bevillingsbrev", "std2-hyppighed-bevillingsbrev"),
    F("standard", 4, "vejledende_omfang", "afgøres ud fra en individuel vurdering", "std4-hyppighed-individuel"),
    # Plejebolig residents inside standards 1 and 2 (pp. 10-11, 14-15).
    F("standard", 1, "beboere_i_plejebolig", "§ 91, stk. 4, og § 94 gælder ikke beboere", "std1-plejebolig-frit-valg"),
    F("standard", 1, "beboere_i_plejebolig", "embedslægetilsyn", "std1-plejebolig-tilsyn"),
    F("standard", 2, "beboere_i_plejebolig", "§ 91 gælder ikke beboere", "std2-plejebolig-frit-valg"),
    F("standard", 2, "beboere_i_plejebolig", "embedslægetilsyn", "std2-plejebolig-tilsyn"),
    F("introduktion", "1.9", "tekst", "83, 84 og 86", "intro-1.9-par83-84-86"),                      # s. 5
    F("introduktion", "1.9", "tekst", "gratis", "intro-1.9-gratis"),
    F("introduktion", "1.9", "tekst", "én gang årligt", "intro-1.9-takster-en-gang-aarligt"),
    F("introduktion", "1.9", "tekst", "Madservice", "intro-1.9-madservice-takst"),
    F("introduktion", "1.9", "tekst", "transport til og fra boligen", "intro-1.9-midl-bolig-transport"),
    F("introduktion", "1.9", "tekst", "vask af linned", "intro-1.9-midl-bolig-linned"),
    F("introduktion", "1.9", "tekst", "vask af privat tøj", "intro-1.9-midl-bolig-toejvask"),
    F("standard", 2, ("særlige_forhold", LEV), "timeprisen", "std2-betaling-indgaar-i-timeprisen"),
    F("standard", 4, OEKONOMI, "brugerbetaling for transport", "std4-dagtilbud-transport"),       # s. 21
    F("standard", 4, OEKONOMI, "kost og evt. transport", "std4-doegnophold-kost-transport"),
    F("standard", 4, OEKONOMI, "forplejning og materialer", "std4-daghjem-forplejning"),          # s. 22
    F("standard", 5, OEKONOMI, "døgnkost", "std5-fast-pris-doegnkost"),                           # s. 27
    F("standard", 5, OEKONOMI, "sondeernæring", "std5-sondeernaering-betaler-ikke"),
    F("standard", 5, OEKONOMI, "vask af privat tøj", "std5-egenbetaling-toejvask"),
    F("standard", 5, OEKONOMI, "leje og vask af linned", "std5-egenbetaling-linned"),
    F("standard", 5, OEKONOMI, "transport til og fra midlertidig bolig", "std5-egenbetaling-transport"),
    F("standard", 5, OEKONOMI, "hjemmebesøg under opholdet", "std5-egenbetaling-hjemmebesoeg"),

    # ================================================= øvrige fakta om navngivne indsatser
    F("standard", 4, "særlige_forhold", "uafhængigt af", "K.4.1-uafhaengigt-af-betingelser"),
    F("indsats", "K.4.3", "øvrigt", "socialt samvær", "K.4.3-maalgruppe"),                         # s. 20
    *[F("indsats", i, "øvrigt", "Holdtræning, Samtræning, Individuel træning", f"{i}-prioriteret-raekkefoelge")
      for i in ("U.3.1", "U.3.2", "U.3.3")],                                                         # s. 17
    *[F("indsats", i, "øvrigt", "tillægsbevilling", f"{i}-tillaegsbevilling")
      for i in ("U.3.1", "U.3.2", "U.3.3")],                                                         # s. 18
    F("indsats", "U.3.4", "øvrigt", "sammen med hjemmeplejens udviklende indsatser", "U.3.4-med-hjemmeplejen"),
    F("indsats", "U.3.4", "øvrigt", "træningshjælpere", "U.3.4-hjemmeplejen-traeningshjaelpere"),
    F("indsats", "U.3.5", "øvrigt", "kortvarig afdæknings- og vejledningsindsats", "U.3.5-kortvarig"),
    F("indsats", "U.3.5", "øvrigt", "egen bolig", "U.3.5-i-egen-bolig"),
    F("standard", 1, ("særlige_forhold", "*"), "20 timer", "std1-kontant-tilskud-over-20-timer"),  # s. 11
    F("standard", 3, "indhold_og_omfang", "Holdtræning", "std3-holdtraening-foerst"),              # s. 17
    F("introduktion", "1.13", "tekst", "Det Sociale Nævn", "intro-1.13-det-sociale-naevn"),
]


@pytest.mark.parametrize(("art", "post", "felt", "forventet"), FAKTA)
def test_faktum(art, post, felt, forventet, request):
    entry = _post(art, post, request)
    felter = _felter(entry, felt)
    manglende = [navn for navn, v in felter if isinstance(v, schema.Mangler)]
    assert any(_holder(v, forventet) for _, v in felter), (
        f"{art} {post}: {felt} indeholder ikke {forventet}"
        + (f" (feltet er 'mangler': {', '.join(manglende)})" if manglende else "")
    )


# ---------------------------------------------------------------- hele kataloget er der

INDSATSER = {
    # id: (titel som i indholdsfortegnelsen, side, standarder)
    "K.1.1": ("Kroppens pleje", 37, [1]),
    "K.1.2": ("Toiletbesøg", 40, [1]),
    "K.1.3": ("Forflytning, vending og lejring", 43, [1]),
    "K.1.4": ("Anretning og indtagelse af mad og drikke", 45, [1]),
    "K.1.5": ("Struktur og sammenhæng", 49, [1]),
    "K.1.6": ("Døgnpleje nødkald og mobilkald", 52, [1]),
    "K.2.1": ("Rengøring", 55, [2]),
    "K.2.2": ("Tøjvask", 59, [2]),
    "K.2.3": ("Indkøb", 61, [2]),
    "K.2.4": ("Madservice/madudbringning", 63, [2]),
    "K.4.1": ("Afløsning af ægtefælle/pårørende i hjemmet", 67, [4]),
    "K.4.2": ("Fast vagt i eget hjem", 69, [4]),
    "K.4.3": ("Visiteret dagtilbud/daghjem", 71, [4]),
    "U.1.1": ("Kroppens pleje", 76, [1]),
    "U.1.2": ("Måltider", 79, [1]),
    "U.1.3": ("Forandring og struktur", 82, [1]),
    "U.1.4": ("Færden", 85, [1]),
    "U.2.1": ("Husførelse", 88, [2]),
    "U.3.1": ("Træningspakker hjemmeboende", 91, [3]),
    "U.3.2": ("Træningspakke døgnophold/træningsophold", 95, [3]),
    "U.3.3": ("Holdtræning ældrepakken", 98, [3]),
    "U.3.4": ("Udviklingspakke terapeut", 101, [3]),
    "U.3.5": ("Funktions- og ADL udredning", 104, [3]),
}

TITEL_I_STANDARD = {
    "K.1.1": "Kroppens pleje, herunder tandpleje",
    "K.1.6": "Døgnpleje- nødkald og mobilnødkald",
    "U.1.2": "Måltider, mad og drikke",
    "U.3.1": "Træningspakke hjemmeboende",
    "U.3.2": "Træningspakke - døgn/træningsophold",
    "U.3.3": "Holdtræning - ældrepakken",
    "U.3.5": "Funktions og ADL udredning",
}


def test_alle_23_indsatser_findes_praecis_en_gang(indsatser):
    antal = Counter(i.id for i in indsatser.indsatser)
    assert {k: v for k, v in antal.items() if v != 1} == {}, "indsatser, der står mere end én gang"
    assert set(antal) == set(INDSATSER), (
        f"mangler: {sorted(set(INDSATSER) - set(antal))}; ukendte: {sorted(set(antal) - set(INDSATSER))}"
    )


def test_standarder_1_til_7_findes_praecis_en_gang(standarder):
    antal = Counter(s.nr for s in standarder.standarder)
    assert sorted(antal.elements()) == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("id_", sorted(INDSATSER))
def test_indsatsens_stamdata(id_, indsatser):
    titel, side, standarder_ = INDSATSER[id_]
    i = _post("indsats", id_, _Fixtures(indsatser=indsatser))
    assert (i.titel, i.side, i.standarder) == (titel, side, standarder_)
    assert i.type == ("kompenserende" if id_.startswith("K") else "udviklende")
    assert i.titel_i_standard == TITEL_I_STANDARD.get(id_)


def test_kort_fortalt_og_soegeord_tilfoejer_ingen_tal(indsatser):
    """Tal (frister, tider, priser) hører til i faktafelterne med sidehenvisning, ikke i fritekst."""
    med_tal = [(i.id, t) for i in indsatser.indsatser for t in [i.kort_fortalt, *i.søgeord]
               if re.search(r"\d", t)]
    assert med_tal == []


def test_standardernes_og_introduktionens_resumeer_tilfoejer_ingen_tal(standarder):
    """Same rule for the standards' and the introduction's summaries and keywords."""
    poster = [(f"standard {s.nr}", s) for s in standarder.standarder] + [("introduktion", standarder.introduktion)]
    med_tal = [(navn, t) for navn, p in poster for t in [p.kort_fortalt, *p.søgeord] if re.search(r"\d", t)]
    assert med_tal == []


def test_indsatsfakta_kommer_fra_den_transskriberede_del(indsatser):
    """Transskriptionen af 2014-kataloget slutter på side 27 (indsatsbeskrivelserne, s. 36–107,
    mangler). Et faktum med en senere side er derfor ikke fra kilden. Ret grænsen, hvis den
    fulde kilde bliver tilgængelig."""
    for_sent = []
    for i in indsatser.indsatser:
        for felt in ("hyppighed", "sagsbehandlingsfrist", "levering", "betaling", "øvrigt"):
            v = getattr(i, felt)
            if isinstance(v, list):
                for_sent += [(i.id, felt, p.side) for p in v if p.side > 27]
    assert for_sent == []


class _Fixtures:
    """Minimal stand-in for pytest's `request` so `_post` can be reused with a loaded fixture."""

    def __init__(self, **fixtures):
        self._f = fixtures

    def getfixturevalue(self, navn):
        return self._f[navn]
