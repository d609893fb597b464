"""Compare search mechanisms on the measured query list (tests/soegninger.yaml), in Chromium.

    python benchmarks/soegning.py            # writes benchmarks/soegning-rapport.md

Each variant is the real site, built from the real data into a temporary folder, and searched
through its real search box (scripts/sitebrowser.py); per group of queries (words, phrases,
citizens' questions): top 1, top 5 and empty results.

  material             Material's built-in lunr search (lang: da)
  pagefind             Pagefind with the query as typed: every word must match (the site before
                       soegeforstaaelse.js; same result display and ranking weights)
  pagefind+forståelse  what the site ships: stop words, one typo, compounds, question words,
                       ranked fallback (overrides/assets/javascripts/soegeforstaaelse.js)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from generator.tjek.indlaes import indlaes_katalog  # noqa: E402
from scripts.sitebrowser import VIEWPORT, chromium, server, soeg  # noqa: E402
from tests import soegeliste  # noqa: E402
from tests.support import DATA, byg_site, kopier_projekt  # noqa: E402

RAPPORT = ROD / "benchmarks" / "soegning-rapport.md"

# The query as typed, one all-terms Pagefind search: replaces the query understanding only.
SOM_SKREVET = """
(function (F) {
  F.forstaa = function (q) {
    var t = F.normaliser(q);
    return { tekst: t, ider: [], begreber: [{ ord: t, former: [t] }], sektioner: [], tom: !t };
  };
})(window.Soegeforstaaelse);
"""

VARIANTER = ("material", "pagefind", "pagefind+forståelse")


def byg_variant(navn: str, tmp: Path) -> Path:
    projekt = kopier_projekt(tmp / "projekt")
    if navn == "material":
        # Material's own search partial and lunr index come back when ours is gone.
        (projekt / "overrides" / "partials" / "search.html").unlink()
    elif navn == "pagefind":
        js = projekt / "overrides" / "assets" / "javascripts" / "soegeforstaaelse.js"
        js.write_text(js.read_text(encoding="utf-8") + SOM_SKREVET, encoding="utf-8")
    r = byg_site(projekt, tmp / "site")
    if r.returncode != 0:
        raise SystemExit(f"{navn}: bygning fejlede\n{r.stdout}{r.stderr}")
    return tmp / "site"


def maal(browser, site: Path, liste: list[soegeliste.Soegning]) -> tuple[list[soegeliste.Maaling], float]:
    with server(site) as base:
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(base)
        t0 = time.perf_counter()
        ud = [soegeliste.Maaling(s, soeg(page, s.q)) for s in liste]
        tid = time.perf_counter() - t0
        page.close()
    return ud, tid


def kort(sti: str) -> str:
    return sti.removeprefix("/katalog/").strip("/") or "(forside)"


def main() -> None:
    liste = soegeliste.soegninger(indlaes_katalog(DATA))
    resultater: dict[str, tuple[list[soegeliste.Maaling], float]] = {}
    with chromium() as browser:
        for navn in VARIANTER:
            with tempfile.TemporaryDirectory() as d:
                resultater[navn] = maal(browser, byg_variant(navn, Path(d)), liste)
            t = soegeliste.opsummer(resultater[navn][0])["i alt"]
            print(f"{navn:20} top 1 {t['top1']}/{t['antal']}  top 5 {t['top5']}/{t['antal']}  "
                  f"tomme {t['tomme']}  {resultater[navn][1]:.1f} s", flush=True)

    linjer = [
        "# Søgning: finder borgernes ord, fraser og spørgsmål deres side?", "",
        f"Skrevet af `python benchmarks/soegning.py`. {len(liste)} søgninger fra `tests/soegninger.yaml` i tre "
        "grupper, skrevet fra læserens side (en bekymret datter, en på 80, en pårørende på mobilen — med "
        "stavefejl) før søgningen blev tunet. Hver søgning skrives i det rigtige søgefelt i Chromium; den er "
        "fundet i top 1/top 5, når en side, der besvarer den, står først/blandt de første 5.", "",
    ]
    for navn in VARIANTER:
        ud, tid = resultater[navn]
        linjer += [f"## {navn}", "", *soegeliste.tabel(soegeliste.opsummer(ud)), "", f"Tid for alle søgninger: {tid:.1f} s.", ""]
    linjer += [
        "- **material**: Materials indbyggede lunr-søgning (`lang: da`).",
        "- **pagefind**: Pagefind (dansk stemming) med forespørgslen, som den er skrevet: alle ord skal findes "
        "på siden — sådan virkede søgefeltet før. Samme visning og vægte (søgeord som metadata, titler).",
        "- **pagefind+forståelse**: det, webstedet bruger — stopord fjernet (negationer beholdt), én "
        "stavefejl rettet i ord på 5+ bogstaver, æ/ø/å skrevet som ae/oe/aa, sammensatte ord delt i begge "
        "retninger efter katalogets egne ord, spørgeord som bonus for det afsnit, de peger på "
        "(\"hvor tit\" → Hyppighed), og sider rangeret efter hvor mange af spørgsmålets indholdsord, de "
        "rammer, når ikke alle ord findes; sider om webstedet efter kataloget.",
        "",
        "Sammensatte ord deles efter katalogets egen ordliste (begge led skal være ord i kataloget; første "
        "led må ende på bindebogstav -s-/-e-). En dansk orddelingsordbog (pyphen `da_DK`) blev prøvet, men "
        "den deler ikke ved leddene i *tøjvask*, *vinduesvask* og *hjemmepleje*.",
        "",
    ]
    sidste = VARIANTER[-1]
    linjer += [f"## Pr. søgning ({sidste})", "", "| Gruppe | Søgning | Forventet side | Plads |", "|---|---|---|---|"]
    for m in resultater[sidste][0]:
        linjer.append(f"| {m.soegning.gruppe} | {m.soegning.q} | {' / '.join(kort(u) for u in m.soegning.urler())} | "
                      f"{'nr. ' + str(m.plads) if m.plads else '**ikke i top 5**'} |")
    misser = [m for m in resultater[sidste][0] if m.plads is None]
    if misser:
        linjer += ["", f"## Ikke i top 5 med {sidste}", ""]
        for m in misser:
            linjer.append(f"- *{m.soegning.q}* → forventet {' / '.join(kort(u) for u in m.soegning.urler())}; fik "
                          + (", ".join(kort(t) for t in m.top) or "intet"))
    RAPPORT.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    print(f"rapport: {RAPPORT.relative_to(ROD)}")


if __name__ == "__main__":
    main()
