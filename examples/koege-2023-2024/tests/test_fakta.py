"""Faktatabel for Køge-eksemplet: hvad kildens sider siger, som data/ skal blive ved med at sige.

Kilde: /work/shared/kilder/koege-2023-2024-kvalitetsstandarder-uddrag.txt — uddrag af Køge Kommunes
websider om kvalitetsstandarderne, hver side godkendt af Ældre- og Sundhedsudvalget den 8. marts 2023
eller den 12. marts 2024 og kun gemt fra sin begyndelse. Tallene i kommentarerne ([2], [3] …) er
sidernes numre i filen.

Tabellerne er skrevet fra kildens side: sidernes adresser og overskrifter, som de står i filens
sidehoveder, og sætninger fra siderne. De læses mod dataene, som generatoren læser dem
(`laes_yaml`), med kommunens navn sat ind for {kommune}/{kommunes}.

En faktarække er (side, afsnit, forventet):

* side      postens titel i data/indsatser.yaml;
* afsnit    afsnittets nøgle (profilen spoergsmaal);
* forventet - tekst: skal stå i afsnittet (store/små bogstaver og mellemrum er ligegyldige);
            - V(antal, enhed, kontekst): et punkt i afsnittet har `tid` antal + enhed (og nævner kontekst);
            - UdenTid(tekst): punktet, der nævner tekst, har ingen `tid` (ordlisten har ingen enhed);
            - Lov(lov, paragraf, stk): en henvisning i lovgrundlaget;
            - Ikke(tekst): står i intet af postens afsnit (fx begyndelsen af en sætning, den gemte
              tekst stopper midt i: kun hele sætninger gengives).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.data.yamlfil import laes_yaml
from generator.site.byg import generer
from generator.tjek.indlaes import indlaes_katalog

EKSEMPEL = Path(__file__).resolve().parents[1]
DATA = EKSEMPEL / "data"
PROFIL = EKSEMPEL.parents[1] / "profiler" / "spoergsmaal" / "profil.yaml"
URL = "https://www.koege.dk/borger/hjaelp-og-stoette/kvalitetsstandarder-og-tilsyn/"


def _laes(sti: Path) -> Any:
    fil = laes_yaml(sti)
    assert not fil.problemer, "\n".join(map(str, fil.problemer))
    return fil.data


@pytest.fixture(scope="module")
def katalog() -> dict:
    return _laes(DATA / "katalog.yaml")


@pytest.fixture(scope="module")
def poster(katalog) -> dict[str, dict]:
    """The entries by title, with the municipality's name put in for its placeholders."""
    kommune = katalog["kommune"]

    def udfyld(v: Any) -> Any:
        if isinstance(v, str):
            return v.replace("{kommunes}", kommune["genitiv"]).replace("{kommune}", kommune["navn"])
        if isinstance(v, list):
            return [udfyld(x) for x in v]
        if isinstance(v, dict):
            return {k: udfyld(x) for k, x in v.items()}
        return v

    ud = {p["titel"]: udfyld(p) for p in _laes(DATA / "indsatser.yaml")["indsatser"]}
    assert len(ud) == len(_laes(DATA / "indsatser.yaml")["indsatser"]), "to poster med samme titel"
    return ud


@pytest.fixture(scope="module")
def profilens_overskrifter() -> dict[str, str]:
    return {a["nøgle"]: a["overskrift"] for a in _laes(PROFIL)["afsnit"]["indsats"] if "nøgle" in a}


# ---------------------------------------------------------------- hjælpere


@dataclass(frozen=True)
class V:
    antal: int
    enhed: str
    kontekst: str | None = None


@dataclass(frozen=True)
class Lov:
    lov: str
    paragraf: str
    stk: int | None = None


@dataclass(frozen=True)
class Ikke:
    tekst: str


@dataclass(frozen=True)
class UdenTid:
    tekst: str


def _norm(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst).lower()


def _flad(v: Any) -> str:
    if isinstance(v, dict):
        return " ".join(_flad(x) for x in v.values())
    if isinstance(v, list):
        return " ".join(_flad(x) for x in v)
    return "" if v is None else str(v)


def _holder(post: dict, afsnit: str, forventet: Any) -> bool:
    if isinstance(forventet, Ikke):  # in none of the page's sections
        return _norm(forventet.tekst) not in _norm(_flad({k: v for k, v in post.items() if k not in IKKE_AFSNIT}))
    vaerdi = post.get(afsnit)
    if isinstance(forventet, str):
        return _norm(forventet) in _norm(_flad(vaerdi))
    if isinstance(forventet, V):
        return any(
            isinstance(p, dict)
            and p.get("tid") == {"antal": forventet.antal, "enhed": forventet.enhed}
            and (forventet.kontekst is None or _norm(forventet.kontekst) in _norm(_flad(p)))
            for p in vaerdi or []
        )
    if isinstance(forventet, UdenTid):
        punkter = [p for p in vaerdi or [] if _norm(forventet.tekst) in _norm(_flad(p))]
        return len(punkter) == 1 and "tid" not in punkter[0]
    if isinstance(forventet, Lov):
        return any(
            h.get("lov") == forventet.lov
            and h.get("paragraf") == forventet.paragraf
            and (forventet.stk is None or h.get("stk") == forventet.stk)
            for h in vaerdi or []
        )
    raise TypeError(forventet)


def F(side: str, afsnit: str, forventet: Any, id: str):
    return pytest.param(side, afsnit, forventet, id=id)


# ---------------------------------------------------------------- siderne, som kilden har dem

RENG = "Praktisk hjælp – rengøring"
PLEJE = "Personlig hjælp og pleje"
TOEJ = "Praktisk hjælp – tøjvask"
ERN = "Hjælp til ernæring og tilberedning/anretning af mad"
MIDL = "Midlertidige ophold m.v."
DOEGN = "Døgnrehabiliteringsophold"
PLEJEBOLIG = "Plejeboliger"
HJM = "Hjælpemidler og forbrugsgoder"
INDK = "Praktisk hjælp - indkøb"
MAD = "Praktisk hjælp - madservice"
HVERDAG = "Hverdagsrehabilitering"
BOLIG = "Ældre- og handicapvenlige boliger"

LOV = "Lovgrundlag"
FORMAAL = "Hvad er formålet med indsatsen?"
OMFATTER = "Hvad omfatter indsatsen?"
HVEM = "Hvem kan modtage indsatsen?"
LAENGE = "Hvor længe kan du få indsatsen?"
IVAERKS = "Iværksættelse og afmelding af indsatsen"
TRE = {"lovgrundlag": LOV, "formaal": FORMAAL, "omfatter": OMFATTER}
SEKS = {**TRE, "maalgruppe": HVEM, "varighed": LAENGE, "ivaerksaettelse": IVAERKS}
MAR_2023, MAR_2024 = "2023-03-08", "2024-03-12"

SIDER: dict[str, tuple[str, str, dict[str, str], str | None]] = {
    # titel: (adresse, godkendelse som sidens linje "Godkendt af Ældre- og Sundhedsudvalget den …",
    #         {afsnit: overskriften på siden} for hvert afsnit med hel tekst i uddraget,
    #         afsnittet, den gemte tekst stopper midt i)
    RENG: (
        "https://koege.dk/borger/hjaelp-og-stoette/kvalitetsstandarder-og-tilsyn/"
        "kvalitetsstandard-for-praktisk-hjaelp-rengoering",
        MAR_2024,
        TRE,
        "omfatter",
    ),  # [2]
    PLEJE: (URL + "kvalitetsstandard-for-personlig-hjaelp-og-pleje", MAR_2023, TRE, "omfatter"),  # [3]
    TOEJ: (URL + "kvalitetsstandard-for-praktisk-hjaelp-toejvask", MAR_2023, TRE, "omfatter"),  # [4]
    ERN: (
        URL + "kvalitetsstandard-for-hjaelp-til-ernaering-og-tilberedninganretning-af-mad",
        MAR_2023,
        SEKS,
        "ivaerksaettelse",
    ),  # [5]
    MIDL: (URL + "kvalitetsstandard-for-midlertidige-ophold-mv", MAR_2023, TRE, "omfatter"),  # [6]
    DOEGN: (URL + "kvalitetsstandard-for-doegnrehabiliteringsophold", MAR_2023, TRE, "omfatter"),  # [7]
    # [8]: afsnittets sidste linje indleder en liste, der ikke er gemt.
    PLEJEBOLIG: (
        URL + "kvalitetsstandard-for-plejeboliger",
        MAR_2023,
        {
            "lovgrundlag": LOV,
            "formaal": FORMAAL,
            "omfatter": "Hvad omfatter boligen?",
            "hjaelp_til": "Hvad omfatter hjælpen i plejeboligen?",
        },
        "hjaelp_til",
    ),
    # [9]: "Godkendt af Ældre- og Sundhedsudvalget i Køge Kommune den 12. marts 2024"
    HJM: (URL + "kvalitetsstandard-for-hjaelpemidler-og-forbrugsgoder", MAR_2024, TRE, "omfatter"),
    INDK: (
        "https://koege.dk/borger/hjaelp-og-stoette/kvalitetsstandarder-og-tilsyn/"
        "kvalitetsstandard-for-praktisk-hjaelp-indkoeb",
        MAR_2024,
        {**TRE, "maalgruppe": HVEM},
        "maalgruppe",
    ),  # [11]
    MAD: (URL + "kvalitetsstandard-for-praktisk-hjaelp-madservice", MAR_2024, SEKS, "ivaerksaettelse"),  # [12]
    HVERDAG: (
        URL + "kvalitetsstandard-for-hverdagsrehabilitering/",
        MAR_2024,
        {**TRE, "maalgruppe": HVEM},
        "maalgruppe",
    ),  # [13]
    BOLIG: (
        URL + "kvalitetsstandard-for-aeldre-og-handicapvenlige-boliger",
        MAR_2023,
        {**TRE, "maalgruppe": HVEM, "varighed": LAENGE, "ansoegning": "Sådan søger du"},
        "ansoegning",
    ),  # [14]
}

IKKE_AFSNIT = {
    "titel",
    "kildeside",
    "uddrag",
    "godkendelse",
    "kort_fortalt",
    "søgeord",
    "emner",
    "hovedlov",
    "overskrifter",
    "id",
    "titel_i_standard",
    "fsiii",  # the editor's FSIII mapping, not a section of the page
}
"""An entry's fields that are not sections of its page."""

SL, ABL = "serviceloven", "almenboligloven"

# ---------------------------------------------------------------- faktatabellen

FAKTA = [
    # ================================================= lovgrundlag, som siderne skriver det
    *[F(s, "lovgrundlag", Lov(SL, "83"), f"{s}-par83") for s in (RENG, PLEJE, TOEJ, ERN, INDK, MAD)],
    F(MIDL, "lovgrundlag", Lov(SL, "84"), "midl-par84"),
    F(DOEGN, "lovgrundlag", Lov(SL, "84"), "doegn-par84"),
    F(HVERDAG, "lovgrundlag", Lov(SL, "83 a"), "hverdag-par83a"),
    F(HJM, "lovgrundlag", Lov(SL, "112"), "hjm-par112"),
    F(HJM, "lovgrundlag", Lov(SL, "113"), "hjm-par113"),
    # "§ 54 stk. 1, jf. §§ 5 stk. 2 og 105 stk. 1 i Lov om almene boliger og § 192 i Lov om social
    # service" og "Serviceloven § 83"
    F(PLEJEBOLIG, "lovgrundlag", Lov(ABL, "54", 1), "plejebolig-abl-54-stk1"),
    F(PLEJEBOLIG, "lovgrundlag", Lov(ABL, "5", 2), "plejebolig-abl-5-stk2"),
    F(PLEJEBOLIG, "lovgrundlag", Lov(ABL, "105", 1), "plejebolig-abl-105-stk1"),
    F(PLEJEBOLIG, "lovgrundlag", Lov(SL, "192"), "plejebolig-par192"),
    F(PLEJEBOLIG, "lovgrundlag", Lov(SL, "83"), "plejebolig-par83"),
    F(BOLIG, "lovgrundlag", Lov(ABL, "54"), "bolig-abl-54"),
    F(BOLIG, "lovgrundlag", Lov(ABL, "5"), "bolig-abl-5"),
    # ================================================= [2] rengøring
    F(RENG, "formaal", "selv at varetage din rengøring og andre praktiske opgaver i hjemmet", "reng-formaal"),
    F(RENG, "omfatter", "Støvsugning og gulvvask", "reng-stoevsugning"),
    F(RENG, "omfatter", "Afkalkning af kaffemaskine", "reng-afkalkning"),
    F(RENG, "omfatter", "Hjælpen til rengøring leveres 25 gange om året.", "reng-25-gange-om-aaret"),
    F(RENG, "omfatter", UdenTid("25 gange om året"), "reng-25-gange-uden-tid"),
    F(
        RENG,
        "omfatter",
        "Når der støvsuges eller vaskes gulv rykkes der ikke rundt på tunge møbler.",
        "reng-tunge-moebler",
    ),
    F(RENG, "omfatter", "Udgifter til et eventuelt køb af disse produkter vil være en egenudgift", "reng-egenudgift"),
    F(RENG, "omfatter", "husstandens samlede behov og ressourcer", "reng-husstand"),
    F(RENG, "omfatter", "øget rengøringsbehov på grund af førerhund", "reng-dispensation-foererhund"),
    # ================================================= [3] personlig hjælp og pleje
    F(PLEJE, "formaal", "at varetage din personlige pleje selv", "pleje-formaal"),
    F(PLEJE, "omfatter", "Bad og hårvask (1 gang ugentligt)", "pleje-bad-1-gang-ugentligt"),
    F(PLEJE, "omfatter", V(1, "uger", "Bad og hårvask"), "pleje-bad-tid"),
    F(PLEJE, "omfatter", V(1, "dage", "Barbering"), "pleje-barbering-tid"),
    F(PLEJE, "omfatter", "Toilette – øvre og nedre (1-2 gange dagligt)", "pleje-toilette"),
    F(PLEJE, "omfatter", UdenTid("Toilette – øvre og nedre"), "pleje-toilette-uden-tid"),
    F(PLEJE, "omfatter", "Tømning af kateterpose (dagligt efter behov)", "pleje-kateterpose"),
    F(PLEJE, "omfatter", "Vending (dagligt efter behov)", "pleje-vending"),
    F(PLEJE, "omfatter", "Sengeredning", "pleje-sengeredning"),
    F(PLEJE, "omfatter", "Du har svær inkontinens", "pleje-ekstra-bad-inkontinens"),
    F(PLEJE, "omfatter", "psykofarmaka eller kemobehandling", "pleje-ekstra-bad-svedsekretion"),
    F(PLEJE, "*", Ikke("Du har nedsat mental funktionsevne"), "pleje-afbrudt-punkt-udeladt"),
    # ================================================= [4] tøjvask
    F(TOEJ, "formaal", "at få vasket dit eget tøj", "toej-formaal"),
    F(TOEJ, "omfatter", "Standardvask på vaskeri", "toej-standardvask"),
    F(TOEJ, "omfatter", "Allergivask på vaskeri", "toej-allergivask"),
    F(TOEJ, "omfatter", "Vasket dit tøj ved 80 grader", "toej-specialvask-80-grader"),
    F(TOEJ, "omfatter", "leverandøren Berendtsen", "toej-berendtsen"),
    F(TOEJ, "omfatter", "leverandøren Trasbo", "toej-trasbo"),
    F(TOEJ, "omfatter", "Du kan få vasket op til 8 kg tøj pr. gang.", "toej-8-kg"),
    F(TOEJ, "omfatter", "Ægtepar og samboende kan få vasket op til 12 kg tøj pr. gang.", "toej-12-kg"),
    F(TOEJ, "omfatter", "Du kan få hjælp til tøjvask i egen vaskemaskine", "toej-egen-vaskemaskine"),
    F(TOEJ, "*", Ikke("Dette kunne eksempelvis være"), "toej-afbrudt-saetning-udeladt"),
    # ================================================= [5] ernæring
    F(ERN, "omfatter", "Tilberedning af morgenmad og smøre snitter.", "ern-morgenmad"),
    F(ERN, "omfatter", "Opvask efter husstandens service. Foretages ved morgenbesøget.", "ern-opvask"),
    F(ERN, "omfatter", "Indsatsen kan bevilliges op til seks gange i døgnet", "ern-seks-gange-i-doegnet"),
    F(ERN, "omfatter", UdenTid("op til seks gange i døgnet"), "ern-seks-gange-uden-tid"),
    F(ERN, "maalgruppe", "Begrænsningen i din funktionsevne kan være midlertidig eller varig.", "ern-maalgruppe"),
    F(ERN, "varighed", "nødvendiggør hjælpen", "ern-varighed"),
    F(
        ERN,
        "ivaerksaettelse",
        "iværksættes dagen efter, at leverandøren er orienteret om bevillingen",
        "ern-daglig-dagen-efter",
    ),
    F(ERN, "ivaerksaettelse", V(1, "uger", "iværksættes inden for en uge"), "ern-ugentlig-inden-for-en-uge"),
    F(ERN, "ivaerksaettelse", V(1, "timer", "+/- 1 time"), "ern-flyttes-1-time"),
    F(ERN, "*", Ikke("Indsatser der leveres ugentli"), "ern-afbrudt-saetning-udeladt"),
    # ================================================= [6] midlertidige ophold
    F(MIDL, "formaal", "hvis dine pårørende har behov for aflastning", "midl-formaal-aflastning"),
    F(MIDL, "formaal", "Afløsning i hjemmet kan bevilliges ekstraordinært", "midl-afloesning-ekstraordinaert"),
    F(MIDL, "omfatter", "1 til 5 hverdage om ugen opholder dig i et fælleslokale", "midl-1-til-5-hverdage"),
    F(MIDL, "omfatter", "Køge Kommunes tre aflastningscentre", "midl-tre-aflastningscentre"),
    F(MIDL, "omfatter", V(6, "uger", "hver 6. uge"), "midl-hver-6-uge"),
    F(MIDL, "omfatter", "Aflastningsboligerne er møbleret inkl. plejeseng og sengebord.", "midl-moebleret"),
    F(MIDL, "omfatter", "Derudover kan du få hjælp til sygeleje efter behov m.v.", "midl-sygeleje"),
    F(MIDL, "*", Ikke("Forplejning"), "midl-afbrudt-saetning-udeladt"),
    # ================================================= [7] døgnrehabiliteringsophold
    F(DOEGN, "formaal", "et midlertidigt ophold med tværfaglig rehabilitering", "doegn-formaal"),
    F(DOEGN, "omfatter", "Sygepleje ved behov.", "doegn-sygepleje"),
    F(DOEGN, "omfatter", "Der er ikke mulighed for at medbringe privat indbo.", "doegn-intet-privat-indbo"),
    F(DOEGN, "omfatter", "Dyne, sengetøj og håndklæder lejes på stedet og skal ikke medbringes.", "doegn-dyne-lejes"),
    F(DOEGN, "*", Ikke("under dit aflastningsophold"), "doegn-afbrudt-saetning-udeladt"),
    # ================================================= [8] plejeboliger
    F(PLEJEBOLIG, "formaal", "adgang til hjælp fra kommunes plejepersonale døgnet rundt", "plejebolig-formaal"),
    F(PLEJEBOLIG, "omfatter", "hovedsageligt 1-rumsboliger med bad og toilet", "plejebolig-1-rum"),
    F(PLEJEBOLIG, "omfatter", "Det er ikke muligt at holde husdyr i din plejebolig.", "plejebolig-ingen-husdyr"),
    F(PLEJEBOLIG, "omfatter", "skærmede plejeboliger", "plejebolig-skaermede"),
    F(PLEJEBOLIG, "hjaelp_til", "bevilliges du en plejepakke", "plejebolig-plejepakke"),
    F(PLEJEBOLIG, "hjaelp_til", "individuel døgnrytmeplan", "plejebolig-doegnrytmeplan"),
    F(
        PLEJEBOLIG,
        "*",
        Ikke("Som beboer i en plejebolig kan du få hjælp og støtte til"),
        "plejebolig-afbrudt-linje-udeladt",
    ),
    # ================================================= [9] hjælpemidler og forbrugsgoder
    F(HJM, "formaal", "afhjælpe varige følger af nedsat fysisk eller psykisk funktionsevne", "hjm-formaal"),
    F(HJM, "formaal", "Særligt for børn gælder det", "hjm-formaal-boern"),
    F(HJM, "omfatter", "Mobilitetshjælpemidler, fx rollator eller kørestol.", "hjm-mobilitet"),
    F(HJM, "omfatter", "Reparation og udskiftning indgår som en del af indsatsen.", "hjm-reparation"),
    F(HJM, "omfatter", "hvor udgiften overstiger 500 kr.", "hjm-forbrugsgoder-500-kr"),
    F(HJM, "*", Ikke("Forbrugsgoder kan kun bevilge"), "hjm-afbrudt-saetning-udeladt"),
    # ================================================= [11] indkøb
    F(INDK, "formaal", "Indsatsen skal hjælpe og støtte dig til indkøb af dagligvarer.", "indk-formaal"),
    F(INDK, "omfatter", V(3, "timer", "fast tidsinterval på max. 3 timer"), "indk-levering-3-timer"),
    F(INDK, "omfatter", "(30 min. hvis leveringen er afhængig af en medarbejders tilstedeværelse)", "indk-30-min"),
    F(INDK, "omfatter", V(1, "uger", "en gang ugentligt"), "indk-en-gang-ugentligt"),
    F(INDK, "omfatter", "hvor der bevilliges indkøb hver anden uge", "indk-hver-anden-uge"),
    F(INDK, "omfatter", "Indsatsen betragtes som en husstandsydelse.", "indk-husstandsydelse"),
    F(INDK, "maalgruppe", "overskue hvilke varer du mangler", "indk-vurdering"),
    F(INDK, "*", Ikke("benytte dig at tekno"), "indk-afbrudt-saetning-udeladt"),
    # ================================================= [12] madservice
    F(MAD, "omfatter", "Du har mindst fire valgmuligheder, hvoraf den ene menu er uden svinekød", "mad-fire-valg"),
    F(MAD, "omfatter", "Surt og råkost", "mad-tilkoeb-surt"),
    F(MAD, "omfatter", "modificeret og ernæringsberiget kost", "mad-modificeret-kost"),
    F(MAD, "maalgruppe", "hvis du er pensionsberettiget", "mad-pensionsberettiget"),
    F(MAD, "varighed", "Du kan få leveret kølemad, så længe du ønsker det.", "mad-varighed"),
    F(MAD, "ivaerksaettelse", V(3, "hverdage", "indenfor 3 hverdage efter bevilling"), "mad-3-hverdage"),
    F(
        MAD,
        "ivaerksaettelse",
        "Maden leveres 2 gange om ugen på hverdage på et aftalt tidspunkt fra klokken 8-17.",
        "mad-2-gange-om-ugen",
    ),
    F(MAD, "ivaerksaettelse", "senest dagen før kl. 12", "mad-aflysning-kl-12"),
    F(
        MAD,
        "ivaerksaettelse",
        "Ved akut indlæggelse og lignende kan aflysning dog ske samme dag.",
        "mad-aflysning-samme-dag",
    ),
    F(MAD, "*", Ikke("selv skal oplyse leverandøren"), "mad-afbrudt-saetning-udeladt"),
    # ================================================= [13] hverdagsrehabilitering
    F(HVERDAG, "formaal", "genvinde din tidligere funktionsevne", "hverdag-formaal"),
    F(HVERDAG, "omfatter", V(8, "uger", "op til 8 uger"), "hverdag-8-uger"),
    F(HVERDAG, "omfatter", "Rehabiliteringen foregår i eget hjem eller nærområde.", "hverdag-eget-hjem"),
    F(HVERDAG, "maalgruppe", "Du er over 18 år, bosiddende i Køge Kommune", "hverdag-over-18"),
    F(HVERDAG, "maalgruppe", "Du deltager aktivt i rehabiliteringen.", "hverdag-deltager-aktivt"),
    F(HVERDAG, "*", Ikke("Du kan ikke få indsatsen, hvis"), "hverdag-afbrudt-liste-udeladt"),
    # ================================================= [14] ældre- og handicapvenlige boliger
    F(BOLIG, "omfatter", "som ligger i en anden kommune", "bolig-anden-kommune"),
    F(BOLIG, "maalgruppe", "Du færdes altid med ganghjælpemidler (rollator eller kørestol)", "bolig-ganghjaelpemidler"),
    F(BOLIG, "maalgruppe", "Ønske om at bosætte dig tættere på familien.", "bolig-ikke-familie"),
    F(BOLIG, "varighed", "Indsatsen er varig.", "bolig-varig"),
    F(
        BOLIG,
        "ansoegning",
        "Du finder et ansøgningsskema til ældre- og handicapvenlige boliger på koege.dk",
        "bolig-ansoegningsskema",
    ),
    F(BOLIG, "*", Ikke("rekvireres ved kontakt"), "bolig-afbrudt-saetning-udeladt"),
]


@pytest.mark.parametrize(("side", "afsnit", "forventet"), FAKTA)
def test_faktum(side, afsnit, forventet, poster):
    assert side in poster, f"ingen post med titlen {side!r}"
    assert _holder(poster[side], afsnit, forventet), f"{side}: {afsnit} indeholder ikke {forventet}"


# ---------------------------------------------------------------- siderne som helhed


def test_en_post_pr_side(poster):
    assert sorted(poster) == sorted(SIDER)


@pytest.mark.parametrize("side", sorted(SIDER))
def test_hver_side_har_sin_egen_godkendelse(side, poster):
    _, dato, _, _ = SIDER[side]
    assert poster[side]["godkendelse"] == {"udvalg": "Ældre- og Sundhedsudvalget", "dato": dato}


@pytest.mark.parametrize("side", sorted(SIDER))
def test_adresse_og_uddrag(side, poster):
    adresse, _, _, afbrudt_i = SIDER[side]
    post = poster[side]
    assert post["kildeside"] == {"adresse": adresse}
    assert post["uddrag"]["slutter"]
    assert post["uddrag"].get("afbrudt_i") == afbrudt_i


@pytest.mark.parametrize("side", sorted(SIDER))
def test_afsnittene_er_dem_uddraget_har_med_sidens_overskrifter(side, poster, profilens_overskrifter):
    """Every section the excerpt holds whole text for is there, under the page's own heading;
    nothing after the cut is filled in (not even as `mangler`)."""
    _, _, overskrifter, _ = SIDER[side]
    post = poster[side]
    afsnit = {k for k in post if k not in IKKE_AFSNIT}
    assert afsnit == set(overskrifter)
    vist = {k: post.get("overskrifter", {}).get(k, profilens_overskrifter[k]) for k in afsnit}
    assert vist == overskrifter


def test_saettet_har_ingen_faelles_godkendelsesdato(katalog):
    assert katalog["profil"] == "spoergsmaal"
    assert katalog["revision"]["politisk_godkendt"] == {"udvalg": "Ældre- og Sundhedsudvalget", "dato": None}


# Entries without FSIII codes (none: every entry of Køge's has codes or says why it has none).
UDEN_FSIII: set[str] = set()


def test_fsiii_er_redaktoerens_og_hver_post_har_koder_eller_siger_hvorfor_ikke(poster):
    """The pages name no FSIII code: every code is the editor's mapping, every entry has codes or `ingen`."""
    assert UDEN_FSIII <= set(poster)
    for titel, post in poster.items():
        if titel in UDEN_FSIII:
            assert "fsiii" not in post, f"{titel} har fået FSIII-koder: fjern den fra UDEN_FSIII"
            continue
        assert post.get("fsiii"), f"{titel}: ingen fsiii-liste"
        for linje in post["fsiii"]:
            assert "ingen" in linje or linje["kortlagt_af"] == "redaktør", (titel, linje)


def test_kontakt_gaettes_ikke(katalog):
    assert katalog["kontakt"] == {"enhed": None, "telefon": None, "telefontid": None}


def test_introduktionen_er_generel_information():
    intro = _laes(DATA / "standards.yaml")["introduktion"]
    assert intro["kildeside"] == {
        "adresse": URL + "generel-information-om-hjaelp-og-stoette-paa-aeldre-og-sundhedsomraadet"
    }
    assert intro["godkendelse"] == {"udvalg": "Ældre- og Sundhedsudvalget", "dato": MAR_2024}
    assert "Formålet med hjælpen" in intro["uddrag"]["slutter"]
    assert [a["titel"] for a in intro["afsnit"]] == ["Indledning", "Formålet med hjælpen"]
    tekst = _flad(intro["afsnit"])
    assert "det er bedst at kunne selv" in tekst
    assert "I praksis betyder det" not in tekst  # the cut sentence is left out


def test_kort_fortalt_og_soegeord_har_ingen_tal(poster):
    med_tal = [(s, t) for s, p in poster.items() for t in [p["kort_fortalt"], *p["søgeord"]] if re.search(r"\d", t)]
    assert med_tal == []


def test_intet_afsnit_er_skrevet_som_mangler(poster):
    assert [s for s, p in poster.items() if "'mangler'" in repr(p)] == []


def test_ingen_anden_kommunes_navn():
    tekst = "".join((DATA / n).read_text(encoding="utf-8") for n in ("indsatser.yaml", "standards.yaml"))
    assert [n for n in ("Varde", "Aarhus", "Nyborg") if n in tekst] == []


# ---------------------------------------------------------------- the pages, as a reader sees them


@pytest.fixture(scope="module")
def sider() -> dict[str, str]:
    """The generated Markdown pages by their title (the first heading)."""
    _, filer = generer(indlaes_katalog(DATA))
    ud = {}
    for navn, tekst in filer.items():
        if navn.endswith(".md"):
            m = re.search(r"^# (.+)$", tekst, re.M)
            ud[m.group(1) if m else navn] = tekst
    return ud


@pytest.mark.parametrize("side", sorted(SIDER))
def test_siden_har_sidens_egne_overskrifter(side, sider, poster):
    """The page shows the source page's headings, in the profile's order, and no other section.

    Besides them it has the catalogue's own FSIII section for staff, once, where the entry has codes.
    """
    overskrifter = SIDER[side][-2]
    vist = re.findall(r"^## (.+)$", sider[side], re.M)
    assert vist.count("FSIII-koder") == (1 if "fsiii" in poster[side] else 0)
    vist = [h for h in vist if h != "FSIII-koder"]
    assert sorted(vist) == sorted(overskrifter.values())


def test_ingen_side_viser_none(sider):
    assert [navn for navn, tekst in sider.items() if re.search(r"\bNone\b", tekst)] == []


def test_introduktionen_siger_hvor_den_gemte_tekst_stopper_og_sin_godkendelse(sider):
    side = sider["Generel information"]
    assert "Kun begyndelsen af siden" in side
    assert "»Formålet med hjælpen«" in side
    assert "Politisk godkendt i Ældre- og Sundhedsudvalget den 12. marts 2024" in side


@pytest.mark.parametrize("side", sorted(SIDER))
def test_siden_viser_sin_egen_godkendelse(side, sider):
    dato = {MAR_2023: "8. marts 2023", MAR_2024: "12. marts 2024"}[SIDER[side][1]]
    assert f"Politisk godkendt i Ældre- og Sundhedsudvalget den {dato}" in sider[side]
