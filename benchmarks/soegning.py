"""Compare search mechanisms on the same everyday queries (tests/soegninger.yaml), in Chromium.

    python benchmarks/soegning.py            # writes benchmarks/soegning-rapport.md

Each variant is the real site, built from the real data into a temporary folder, and
searched through its real search box (scripts/sitebrowser.py), top 5 result pages:

  material            Material's built-in lunr search (lang: da), pages without the keyword line
  material+søgeord    the same, with the "Søgeord: …" line (data `søgeord`) on every standard/intervention
  pagefind            Pagefind (Danish stemming) in Material's search box, without the keyword line
  pagefind+søgeord    Pagefind with the keyword line at high weight — what the site ships
"""
from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from ruamel.yaml import YAML  # noqa: E402

from generator.site import urls  # noqa: E402
from scripts.sitebrowser import VIEWPORT, chromium, server, soeg  # noqa: E402
from tests.support import byg_site, kopier_projekt  # noqa: E402

SOEGNINGER = ROD / "tests" / "soegninger.yaml"
RAPPORT = ROD / "benchmarks" / "soegning-rapport.md"

UDEN_SOEGEORD = '''
import re
def on_page_markdown(markdown, **kwargs):
    return re.sub(r'(?m)^<p class="soegeord".*</p>\\n', "", markdown)
'''

VARIANTER = {
    "material": dict(pagefind=False, soegeord=False),
    "material+søgeord": dict(pagefind=False, soegeord=True),
    "pagefind": dict(pagefind=True, soegeord=False),
    "pagefind+søgeord": dict(pagefind=True, soegeord=True),
}


def soegninger() -> list[dict]:
    return YAML(typ="safe").load(SOEGNINGER.read_text(encoding="utf-8"))


def byg_variant(navn: str, tmp: Path) -> Path:
    v = VARIANTER[navn]
    projekt = kopier_projekt(tmp / "projekt")
    if not v["pagefind"]:
        # Material's own search partial and lunr index come back when ours is gone.
        (projekt / "overrides" / "partials" / "search.html").unlink()
    if not v["soegeord"]:
        krog = tmp / "uden_soegeord.py"
        krog.write_text(UDEN_SOEGEORD, encoding="utf-8")
        cfg = (projekt / "mkdocs.yml").read_text(encoding="utf-8")
        cfg = re.sub(r"(?m)^(hooks:\n(?:  - .*\n)+)", lambda m: m.group(1) + f"  - {krog}\n", cfg)
        (projekt / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    r = byg_site(projekt, tmp / "site")
    if r.returncode != 0:
        raise SystemExit(f"{navn}: bygning fejlede\n{r.stdout}{r.stderr}")
    return tmp / "site"


SOEGEFILER = ("/search/", "/pagefind/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


def maal(browser, site: Path, liste: list[dict]) -> tuple[list[dict], float, int]:
    """Every query through the search box; the results, the time and the bytes the search loaded."""
    ud = []
    hentet = [0]

    def faerdig(req):
        if any(d in req.url for d in SOEGEFILER):
            hentet[0] += max(req.sizes()["responseBodySize"], 0)

    with server(site) as base:
        page = browser.new_page(viewport=VIEWPORT)
        page.on("requestfinished", faerdig)
        page.goto(base)
        t0 = time.perf_counter()
        for s in liste:
            top = soeg(page, s["q"])
            ud.append({"q": s["q"], "side": s["side"], "top": top,
                       "fundet": "/" + urls.url_i_site(s["side"]) in top})
        tid = time.perf_counter() - t0
        page.close()
    return ud, tid, hentet[0]


def kort(sti: str) -> str:
    return sti.removeprefix("/katalog/").strip("/") or "(forside)"


def main() -> None:
    liste = soegninger()
    resultater: dict[str, tuple[list[dict], float, int]] = {}
    with chromium() as browser:
        for navn in VARIANTER:
            with tempfile.TemporaryDirectory() as d:
                site = byg_variant(navn, Path(d))
                res, tid, stoerrelse = maal(browser, site, liste)
            resultater[navn] = (res, tid, stoerrelse)
            fundne = sum(r["fundet"] for r in res)
            print(f"{navn:18} {fundne}/{len(liste)} ({100 * fundne / len(liste):.0f} %)  {tid:.1f} s", flush=True)

    linjer = [
        "# Søgning: hvilke hverdagsord finder deres side?", "",
        f"Skrevet af `python benchmarks/soegning.py`. {len(liste)} søgninger fra `tests/soegninger.yaml`, "
        "skrevet i det rigtige søgefelt i Chromium; en søgning er fundet, når den forventede side er blandt "
        "de første 5 resultater.", "",
        "| Mekanisme | Fundet i top 5 | Andel | Tid for alle søgninger | Hentet af søgningen |",
        "|---|---|---|---|---|",
    ]
    for navn, (res, tid, stoerrelse) in resultater.items():
        fundne = sum(r["fundet"] for r in res)
        linjer.append(f"| {navn} | {fundne}/{len(res)} | {100 * fundne / len(res):.0f} % | {tid:.1f} s | "
                      f"{stoerrelse / 1024:.0f} KB |")
    linjer += ["", "- **material**: Materials indbyggede lunr-søgning (`lang: da`), siderne uden søgeordslinjen.",
               "- **material+søgeord**: det samme med linjen \"Søgeord: …\" (data: `søgeord`) på standarder, "
               "indsatser og Generel information.",
               "- **pagefind**: Pagefind (dansk stemming, `<html lang=\"da\">`) i Materials søgefelt, uden søgeordslinjen.",
               "- **pagefind+søgeord**: Pagefind med søgeordslinjen vægtet højt (`data-pagefind-weight`) og "
               "rangering efter hvor ordet står, ikke hvor tit (`termFrequency: 0`) — det, webstedet bruger.",
               "",
               "\"Hentet af søgningen\" er de bytes, browseren hentede til søgningen under alle søgningerne "
               "(lunr: hele indekset og sprogfilerne; Pagefind: kun de indeksstykker og sideuddrag, søgningerne brugte).",
               "",
               "**Valg: Pagefind med søgeord.** lunr matcher præfikser uden dansk bøjning, så \"rengøringen\", "
               "\"vasketøjet\" og \"tryghedsalarmen\" finder intet, og lange standardsider med mange omtaler "
               "skubber den rette side ud af top 5. Pagefind stemmer dansk, vægter overskrifter og søgeord, "
               "og hentes i små stykker fra webstedet selv (også under /2014/).",
               "", "## Pr. søgning", "",
               "| Søgning | Forventet side | " + " | ".join(VARIANTER) + " |",
               "|---|---|" + "---|" * len(VARIANTER)]
    for i, s in enumerate(liste):
        celler = []
        for navn in VARIANTER:
            r = resultater[navn][0][i]
            if r["fundet"]:
                celler.append(f"nr. {r['top'].index('/' + urls.url_i_site(s['side'])) + 1}")
            else:
                celler.append("**ikke fundet**")
        linjer.append(f"| {s['q']} | {kort('/' + urls.url_i_site(s['side']))} | " + " | ".join(celler) + " |")
    sidste = list(VARIANTER)[-1]
    misser = [r for r in resultater[sidste][0] if not r["fundet"]]
    if misser:
        linjer += ["", f"## Ikke fundet med {sidste}", ""]
        for r in misser:
            linjer.append(f"- *{r['q']}* → forventet {kort('/' + urls.url_i_site(r['side']))}; fik "
                          + (", ".join(kort(t) for t in r["top"]) or "intet"))
    RAPPORT.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    print(f"rapport: {RAPPORT.relative_to(ROD)}")


if __name__ == "__main__":
    main()
