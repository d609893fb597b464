"""Faktatabel for Nyborg-eksemplet: hvad kildens sider siger, som data/ skal blive ved med at sige.

Kilde: /work/shared/kilder/nyborg-2019-kvalitetsstandarder-uddrag.txt — uddrag af Nyborg Kommunes
websider om kvalitetsstandarderne (godkendt på Ældreudvalgets møde 3. december 2019), hver side kun
fra sin begyndelse. Tallene i kommentarerne ([2], [3] …) er sidernes numre i filen.

Tabellerne er skrevet fra kildens side: sidernes adresser og overskrifter, som de står i filens
sidehoveder, og sætninger fra siderne. De læses mod dataene, som generatoren læser dem
(`laes_yaml`), med kommunens navn sat ind for {kommune}/{kommunes}.

En faktarække er (side, afsnit, forventet):

* side      postens titel i data/indsatser.yaml;
* afsnit    afsnittets nøgle (profilen spoergsmaal);
* forventet - tekst: skal stå i afsnittet (store/små bogstaver og mellemrum er ligegyldige);
            - V(antal, enhed, kontekst): et punkt i afsnittet har `tid` antal + enhed (og nævner kontekst);
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
URL = "https://www.nyborg.dk/da/Borger/Senior/Visitation/Kvalitetsstandarder"


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

RENG, EKSTRA, PLEJE, TOEJ, ERN, MAD = (
    "Praktisk hjælp - rengøring",
    "Praktisk hjælp - Ekstra rengøring",
    "Personlig pleje",
    "Tøjvask",
    "Ernæring",
    "Madservice",
)

LOV = "Lovgrundlag"
FORMAAL = "Hvad er formålet med støtte og hjælp til rengøring?"
HJAELP = "Hvad kan jeg få hjælp til?"
IKKE = "Hvad kan jeg ikke få hjælp til?"
VISIT = "Hvem visiterer til indsatsen?"
VALG = "Kan jeg selv bestemme, hvem der skal hjælpe mig?"
GOERE = "Er der noget, jeg skal gøre?"

SIDER: dict[str, tuple[str, dict[str, str], str | None]] = {
    # titel: (adresse, {afsnit: overskriften på siden} for hvert afsnit med hel tekst i uddraget,
    #         afsnittet, den gemte tekst stopper midt i)
    RENG: (  # [2]
        URL + "/Praktisk-Hjalp-Rengoring",
        {
            "lovgrundlag": LOV,
            "omfatter": "Hvad omfatter praktisk hjælp til rengøring?",
            "maalgruppe": "Hvem kan få hjælp til rengøring?",
            "formaal": FORMAAL,
            "hjaelp_til": HJAELP,
        },
        "hjaelp_til",
    ),
    EKSTRA: (  # [3]
        URL + "/Praktisk-hjaelp-Ekstra-rengoering",
        {
            "lovgrundlag": LOV,
            "omfatter": "Hvad omfatter praktisk hjælp til ekstra rengøring?",
            "maalgruppe": "Hvem kan få hjælp til rengøring?",
            "formaal": FORMAAL,
            "hjaelp_til": HJAELP,
            "ikke_omfattet": IKKE,
            "visitation": VISIT,
            "frit_valg": VALG,
            "pris": "Hvad koster det at få hjælp til rengøring?",
            "egen_indsats": GOERE,
        },
        "egen_indsats",
    ),
    # [4]: »Kan jeg selv bestemme …?« begynder, men har ingen hel sætning ("Personlig pleje er
    # omfattet af frit val…"), så afsnittet står ikke i dataene.
    PLEJE: (
        URL + "/Personlig-Pleje",
        {
            "lovgrundlag": LOV,
            "omfatter": "Hvad er personlig pleje?",
            "maalgruppe": "Hvem kan få hjælp til personlig pleje?",
            "formaal": "Hvad er formålet med støtte og hjælp til personlig pleje?",
            "hjaelp_til": HJAELP,
            "ikke_omfattet": IKKE,
            "visitation": VISIT,
        },
        "frit_valg",
    ),
    # [5]: »Er der noget, jeg skal gøre?« stopper i sit første punkt ("… i vasketøjspo…").
    TOEJ: (
        URL + "/Toejvask",
        {
            "lovgrundlag": LOV,
            "omfatter": "Hvad omfatter hjælp til tøjvask?",
            "maalgruppe": "Hvem kan få hjælp til tøjvask?",
            "formaal": "Hvad er formålet med hjælp til tøjvask?",
            "hjaelp_til": HJAELP,
            "ikke_omfattet": IKKE,
            "visitation": VISIT,
            "frit_valg": VALG,
            "pris": "Hvad koster det at få hjælp til tøjvask?",
        },
        "egen_indsats",
    ),
    # [6]: stopper ved en afsnitsgrænse, så intet afsnit er afbrudt.
    ERN: (
        URL + "/Ernaering",
        {
            "lovgrundlag": LOV,
            "omfatter": "Hvad omfatter hjælp til ernæring?",
            "maalgruppe": "Hvem kan få hjælp til ernæring?",
            "formaal": "Hvad er formålet med støtte og hjælp til ernæring?",
            "hjaelp_til": HJAELP,
            "ikke_omfattet": IKKE,
            "visitation": VISIT,
            "frit_valg": VALG,
        },
        None,
    ),
    MAD: (  # [7]
        URL + "/Madservice",
        {
            "lovgrundlag": LOV,
            "omfatter": "Hvad omfatter madservice?",
            "maalgruppe": "Hvem kan få hjælp til madservice?",
            "formaal": "Hvad er formålet med madservice?",
            "hjaelp_til": HJAELP,
            "ikke_omfattet": IKKE,
            "visitation": VISIT,
            "frit_valg": "Kan jeg selv bestemme, hvem der skal levere færdigretterne?",
            "pris": "Hvad koster det at få hjælp til madservice?",
            "egen_indsats": GOERE,
        },
        "egen_indsats",
    ),
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

# ---------------------------------------------------------------- faktatabellen

FAKTA = [
    # lovgrundlag: "Servicelovens § 83." på hver side
    *[F(s, "lovgrundlag", Lov("serviceloven", "83"), f"{s}-par83") for s in SIDER],
    # [2] rengøring
    F(
        RENG,
        "omfatter",
        "Støtte og hjælp til rengøringsopgaver, der er nødvendige for, at du kan være i din bolig.",
        "reng-omfatter",
    ),
    F(RENG, "maalgruppe", "Alder udløser ikke i sig selv hjælp og støtte.", "reng-alder"),
    F(RENG, "maalgruppe", "fordeler opgaverne over en periode på fx 14 dage", "reng-fordel-14-dage"),
    F(
        RENG,
        "maalgruppe",
        "Hjemmeboende børn og unge må forvente at skulle deltage i det praktiske arbejde",
        "reng-hjemmeboende-boern",
    ),
    F(RENG, "formaal", "at medvirke til, at din bolig har en sundhedsmæssig forsvarlig hygiejne", "reng-formaal"),
    F(RENG, "hjaelp_til", "Som hovedregel kan du få gjort rent hver anden uge.", "reng-hver-anden-uge"),
    F(RENG, "hjaelp_til", V(2, "uger", "hver anden uge"), "reng-hver-anden-uge-tid"),
    F(RENG, "hjaelp_til", "Som udgangspunkt udføres hjælpen på hverdage i dagtimerne.", "reng-hverdage-dagtimer"),
    F(RENG, "*", Ikke("Forud for bevilling af praktisk hjælp"), "reng-afbrudt-saetning-udeladt"),
    # [3] ekstra rengøring
    F(EKSTRA, "maalgruppe", "Hvis du er bevilget til rengøring, kan du få ekstra rengøring.", "ekstra-maalgruppe"),
    F(EKSTRA, "hjaelp_til", "Ekstra rengøring er i alt 4 timer om året.", "ekstra-4-timer-om-aaret"),
    F(EKSTRA, "hjaelp_til", V(4, "timer", "om året"), "ekstra-4-timer-tid"),
    F(EKSTRA, "hjaelp_til", "fordele dem på 2 gange 2 timer", "ekstra-2-gange-2-timer"),
    F(EKSTRA, "hjaelp_til", "der er forenelig med arbejdsmiljøkrav", "ekstra-arbejdsmiljoekrav"),
    F(EKSTRA, "ikke_omfattet", "Rengøringsopgaver uden for din bolig.", "ekstra-ikke-uden-for-boligen"),
    F(EKSTRA, "visitation", "Visitatorer.", "ekstra-visitatorer"),
    F(EKSTRA, "frit_valg", "Nyborg Kommunes Serviceteam", "ekstra-serviceteam"),
    F(EKSTRA, "frit_valg", "Fritvalgsbevis til valg af CVR-registeret virksomhed.", "ekstra-fritvalgsbevis"),
    F(
        EKSTRA,
        "frit_valg",
        "Leverandøren skal have besked om rengøringsopgaven 4 uger før, den ønskes udført.",
        "ekstra-besked-4-uger-foer",
    ),
    F(EKSTRA, "pris", "Den visiteret hjælp er gratis.", "ekstra-gratis"),
    F(EKSTRA, "pris", "Udgiften ud over fritvalgsbevisets værdi, afholdes af dig selv.", "ekstra-udgift-selv"),
    F(EKSTRA, "egen_indsats", "En velfungerende støvsuger med teleskoprør", "ekstra-stoevsuger"),
    F(EKSTRA, "egen_indsats", "Indkøbt astma/allergi og miljøvenlige rengøringsmidler.", "ekstra-rengoeringsmidler"),
    F(EKSTRA, "*", Ikke("Du skal være hjemme, når leverandøren kommer"), "ekstra-afbrudt-saetning-udeladt"),
    # [4] personlig pleje
    F(
        PLEJE,
        "omfatter",
        "Personlig pleje er opgaver i forbindelse med soignering og pleje af kroppen.",
        "pleje-omfatter",
    ),
    F(PLEJE, "maalgruppe", "Hvis du har akut behov for hjælp, er der mulighed for det.", "pleje-akut"),
    F(PLEJE, "hjaelp_til", "Indsatsen ydes som udgangspunkt kun i hverdagene", "pleje-bad-kun-hverdage"),
    F(PLEJE, "hjaelp_til", "Tand- og mundpleje", "pleje-tandpleje"),
    F(PLEJE, "hjaelp_til", "Fodpleje ved normale fødder og ikke ved kronisk lidelse", "pleje-fodpleje-normale"),
    F(PLEJE, "hjaelp_til", "Hjælp til forflytning, vending og lejring.", "pleje-forflytning"),
    *[
        F(PLEJE, "ikke_omfattet", t, f"pleje-ikke-{t.split()[0].lower()}")
        for t in (
            "Fodpleje",
            "Neglepleje hos diabetikere og personer med særlige neglelidelser",
            "Karbad",
            "Tømning af tørkloset",
            "Håroprulning",
        )
    ],
    F(PLEJE, "visitation", "Visitatorer.", "pleje-visitatorer"),
    F(PLEJE, "*", Ikke("Personlig pleje er omfattet af frit val"), "pleje-afbrudt-saetning-udeladt"),
    # [5] tøjvask
    F(TOEJ, "omfatter", "Hjælp til at få vasket dit tøj og linned.", "toej-omfatter"),
    F(
        TOEJ,
        "maalgruppe",
        "Hvis du har et akut behov for hjælp til tøjvask, kan det iværksættes med det samme.",
        "toej-akut",
    ),
    F(TOEJ, "formaal", "at du får tilgodeset dit behov for rent tøj og linned", "toej-formaal"),
    F(TOEJ, "hjaelp_til", "Afhenter vasketøj hver 14. dag", "toej-hver-14-dag"),
    F(TOEJ, "hjaelp_til", V(14, "dage", "Afhenter vasketøj"), "toej-hver-14-dag-tid"),
    F(TOEJ, "hjaelp_til", "Leverer tøjet hos dig ugen efter.", "toej-leveres-ugen-efter"),
    F(TOEJ, "hjaelp_til", "Afhentning og levering sker på en fast ugedag.", "toej-fast-ugedag"),
    F(TOEJ, "ikke_omfattet", "strygning", "toej-ikke-strygning"),
    F(TOEJ, "ikke_omfattet", "vask af tøj i hånden", "toej-ikke-haandvask"),
    F(TOEJ, "ikke_omfattet", "at få vasket i din egen vaskemaskine eller på fælles vaskeri", "toej-ikke-egen-maskine"),
    F(
        TOEJ,
        "frit_valg",
        "Du kan vælge mellem Nyborg Kommunes Serviceteam eller et ”fritvalgsbevis”.",
        "toej-frit-valg",
    ),
    F(TOEJ, "pris", "Der er en egenbetaling pr. vask.", "toej-egenbetaling"),
    F(TOEJ, "pris", "Egenbetalingen dækker driftsudgifter (sæbe, el, vand, varme og lignende).", "toej-driftsudgifter"),
    F(TOEJ, "pris", "Taksterne reguleres en gang årligt", "toej-takster-aarligt"),
    F(TOEJ, "pris", "rensning af tøj", "toej-tilkoeb-rensning"),
    F(TOEJ, "*", Ikke("Du skal samle dit vasketøj"), "toej-afbrudt-punkt-udeladt"),
    # [6] ernæring
    F(ERN, "omfatter", "de aktiviteter, der knytter sig til indtagelse af mad og drikke", "ern-omfatter"),
    F(
        ERN,
        "maalgruppe",
        "Hvis du har akut behov for hjælp til ernæring, kan det iværksættes med det samme.",
        "ern-akut",
    ),
    F(ERN, "hjaelp_til", "Tilberedning og/eller anretning af morgenmad", "ern-morgenmad"),
    F(ERN, "hjaelp_til", "Max. en gang daglig hjælp til opvask", "ern-opvask-en-gang-daglig"),
    F(
        ERN,
        "hjaelp_til",
        "Hvis du er underernæret og har et særligt behov for støtte til ernæring",
        "ern-underernaeret",
    ),
    F(ERN, "ikke_omfattet", "Tilberedning af middagsretter", "ern-ikke-middagsretter"),
    F(ERN, "ikke_omfattet", "Opvask og oprydning efter gæster.", "ern-ikke-gaester"),
    F(ERN, "frit_valg", "Der er mulighed for frit valg af leverandør.", "ern-frit-valg"),
    # [7] madservice
    F(MAD, "omfatter", "Levering af færdigretter i dit hjem.", "mad-omfatter"),
    F(MAD, "omfatter", "Færdigretterne leveres som kølemad, hvis holdbarhed er max. 5 dage.", "mad-koelemad-5-dage"),
    F(
        MAD,
        "maalgruppe",
        "Madservice skal iværksættes senest 3 hverdage efter, en bevilling er givet.",
        "mad-ivaerksaettes-3-hverdage",
    ),
    F(MAD, "maalgruppe", "I særlige tilfælde kan ordningen iværksættes akut.", "mad-akut"),
    F(MAD, "formaal", "et tilbud om en ernæringsrigtig, daglig kost", "mad-formaal"),
    F(MAD, "hjaelp_til", "Måltider i Nyborg Kommunes caféer.", "mad-caféer"),
    F(MAD, "ikke_omfattet", "Tilberedning af måltider i dit hjem.", "mad-ikke-tilberedning"),
    F(MAD, "frit_valg", "Madhuset i Nyborg Kommune", "mad-madhuset"),
    F(MAD, "frit_valg", "Godkendt privat leverandør", "mad-privat-leverandoer"),
    F(MAD, "pris", "Du skal betale for de leverede færdigretter.", "mad-betale"),
    F(
        MAD,
        "egen_indsats",
        "skal du melde afbud til leverandøren senest 3 hverdage før levering.",
        "mad-afbud-3-hverdage",
    ),
    F(MAD, "*", Ikke("Hvis der sker ændringer i dit behov for hjælp"), "mad-afbrudt-saetning-udeladt"),
]


@pytest.mark.parametrize(("side", "afsnit", "forventet"), FAKTA)
def test_faktum(side, afsnit, forventet, poster):
    assert side in poster, f"ingen post med titlen {side!r}"
    assert _holder(poster[side], afsnit, forventet), f"{side}: {afsnit} indeholder ikke {forventet}"


# ---------------------------------------------------------------- siderne som helhed


def test_en_post_pr_side(poster):
    assert sorted(poster) == sorted(SIDER)


@pytest.mark.parametrize("side", sorted(SIDER))
def test_adresse_og_uddrag(side, poster):
    adresse, _, afbrudt_i = SIDER[side]
    post = poster[side]
    assert post["kildeside"] == {"adresse": adresse}
    assert post["uddrag"]["slutter"]
    assert post["uddrag"].get("afbrudt_i") == afbrudt_i


@pytest.mark.parametrize("side", sorted(SIDER))
def test_afsnittene_er_dem_uddraget_har_med_sidens_overskrifter(side, poster, profilens_overskrifter):
    """Every section the excerpt holds whole text for is there, under the page's own heading;
    nothing after the cut is filled in (not even as `mangler`)."""
    _, overskrifter, _ = SIDER[side]
    post = poster[side]
    afsnit = {k for k in post if k not in IKKE_AFSNIT}
    assert afsnit == set(overskrifter)
    vist = {k: post.get("overskrifter", {}).get(k, profilens_overskrifter[k]) for k in afsnit}
    assert vist == overskrifter


def test_udgaven_er_godkendt_af_aeldreudvalget_3_december_2019(katalog, poster):
    assert katalog["profil"] == "spoergsmaal"
    assert katalog["revision"]["politisk_godkendt"] == {"udvalg": "Ældreudvalget", "dato": "2019-12-03"}
    # Siderne har ingen egen dato: godkendelsen gælder sættet.
    assert [s for s, p in poster.items() if "godkendelse" in p] == []


def test_fsiii_er_redaktoerens_og_hver_post_har_koder_eller_siger_hvorfor_ikke(poster):
    """The pages name no FSIII code: every code is the editor's mapping, every entry has codes or `ingen`."""
    for titel, post in poster.items():
        assert post.get("fsiii"), f"{titel}: ingen fsiii-liste"
        for linje in post["fsiii"]:
            assert "ingen" in linje or linje["kortlagt_af"] == "redaktør", (titel, linje)


def test_kontakt_gaettes_ikke(katalog):
    assert katalog["kontakt"]["telefon"] is None and katalog["kontakt"]["telefontid"] is None


def test_introduktionen_er_oversigtssiden():
    intro = _laes(DATA / "standards.yaml")["introduktion"]
    assert intro["kildeside"] == {"adresse": URL}
    assert "Hvad gør jeg, når jeg får behov for hjælp?" in intro["uddrag"]["slutter"]
    assert "godkendelse" not in intro  # the overview page's approval is the set's (revision)
    tekst = _flad(intro["afsnit"])
    assert "blev godkendt på Ældreudvalgets møde 3. december 2019" in tekst
    assert "Et rehabiliteringsforløb kan vare op til 12 uger" in tekst
    assert [a["titel"] for a in intro["afsnit"]][1:] == [
        "Hvad er rehabilitering?",
        "Hvad gør jeg, når jeg får behov for hjælp?",
    ]
    assert "hvilken hjæ" not in tekst  # the cut sentence is left out


def test_kort_fortalt_og_soegeord_har_ingen_tal(poster):
    med_tal = [(s, t) for s, p in poster.items() for t in [p["kort_fortalt"], *p["søgeord"]] if re.search(r"\d", t)]
    assert med_tal == []


def test_intet_afsnit_er_skrevet_som_mangler(poster):
    assert [s for s, p in poster.items() if "'mangler'" in repr(p)] == []


def test_ingen_anden_kommunes_navn():
    tekst = "".join((DATA / n).read_text(encoding="utf-8") for n in ("indsatser.yaml", "standards.yaml"))
    assert [n for n in ("Varde", "Aarhus", "Køge") if n in tekst] == []


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


def test_introduktionen_siger_hvor_den_gemte_tekst_stopper(sider):
    side = sider["Generel information"]
    assert "Kun begyndelsen af siden" in side
    assert "»Hvad gør jeg, når jeg får behov for hjælp?«" in side
    assert URL in side
