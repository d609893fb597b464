"""Scaling: does the build stay linear when the catalogue grows? Synthetic catalogues of 1×, 10× and
100× the interventions, each measured against a bare Material build of the same Markdown.

    python benchmarks/skalering.py                  # 1, 10, 100; writes benchmarks/skalering-<date>.md
    python benchmarks/skalering.py --gange 1 10     # fewer sizes
    python benchmarks/skalering.py --kataloger 1 10 49 98   # the comparison of 1, 10, 49, 98 catalogues:
                                                    # writes benchmarks/skalering-kataloger-<date>.md

The synthetic data is made from the real data in a temporary folder and deleted afterwards; it is
never written to data/. Every copy of an intervention gets a new id (K.2.1 → K.12.1, K.22.1, …),
"(syntetisk kopi n)" in its title, and a line in its standard's list (and in `gælder` where the
original is named); the catalogue's title says it is synthetic. The standards, the introduction
and the law register are the real ones, so every page type grows as it would.

Per size, whole processes (median of --gentag runs; the largest size once):
  check      `python -m generator check`
  generate   `python -m generator build` (all Markdown and open data)
  build      `mkdocs build --strict` (hook, pages, Pagefind), with a current PDF: the PDF
             (~0.06 s a page, linear) is measured by bench.py, and 100× would be ~10 000 pages
  bare       `mkdocs build --strict` of the same Markdown and navigation with plain Material
reported in ms per site page, with peak memory and the size of the built site.

With --kataloger, the comparison of catalogues (`python -m generator sammenlign`) instead: N synthetic
catalogues, made in turn from the repository's catalogues of each shape (Varde, Nyborg, Køge), each
renamed "Syntetisk Kommune n" and marked synthetic; per N, `sammenlign` (load and check every
catalogue, match the services, write the page) and `mkdocs build --strict` of the comparison site, with
the size of its page and of its search index, reported per catalogue added.
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

import pagefind_bin
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from maaling import ROD, Serie, bar_material, belastning, koer, kopier_projekt, miljoe, python  # noqa: E402

from generator.data.yamlfil import laes_yaml  # noqa: E402

RAPPORT = ROD / "benchmarks" / f"skalering-{dt.date.today().isoformat()}.md"


# ------------------------------------------------------------------ synthetic data


def _ny_id(id_: str, kopi: int) -> str:
    prefiks, a, b = id_.split(".")
    return f"{prefiks}.{int(a) + 10 * kopi}.{b}"


def syntetisk(data: Path, ud: Path, gange: int) -> int:
    """Write `gange` × the real interventions into `ud` (copies 1..gange-1 are synthetic). Returns their number."""
    ud.mkdir(parents=True)
    shutil.copy2(data / "love.yaml", ud / "love.yaml")
    katalog = laes_yaml(data / "katalog.yaml").data
    standarder = laes_yaml(data / "standards.yaml").data
    indsatser = laes_yaml(data / "indsatser.yaml").data
    katalog.pop("sammenlign_med", None)  # measured on its own below (--kataloger): here the one catalogue grows
    if gange > 1:
        katalog["katalog"]["titel"] += f" (SYNTETISK TESTKATALOG, {gange}× indsatserne — ikke rigtige data)"
    originaler = list(indsatser["indsatser"])
    for kopi in range(1, gange):
        for i in originaler:
            ny = copy.deepcopy(i)
            ny["id"] = _ny_id(i["id"], kopi)
            ny["titel"] = f"{i['titel']} (syntetisk kopi {kopi})"
            if ny.get("titel_i_standard"):
                ny["titel_i_standard"] += f" (syntetisk kopi {kopi})"
            indsatser["indsatser"].append(ny)
    for s in standarder["standarder"]:
        linjer = s.get("indsatser")
        if isinstance(linjer, list):
            s["indsatser"] = linjer + [{**linje, "indsats": _ny_id(linje["indsats"], kopi)}
                                       for kopi in range(1, gange) for linje in linjer if linje.get("indsats")]
        for loefte in s.get("leverancesikkerhed") or []:
            if isinstance(loefte, dict) and loefte.get("gælder"):
                loefte["gælder"] = loefte["gælder"] + [_ny_id(x, k) for k in range(1, gange) for x in loefte["gælder"]]
    for navn, indhold in (("katalog.yaml", katalog), ("standards.yaml", standarder), ("indsatser.yaml", indsatser)):
        tekst = f"# SYNTETISK: lavet af benchmarks/skalering.py ({gange}× indsatserne); ikke rigtige data.\n"
        (ud / navn).write_text(tekst + yaml.safe_dump(indhold, allow_unicode=True, sort_keys=False, width=1000),
                               encoding="utf-8")
    return len(indsatser["indsatser"])


def pdf_som_aktuel(projekt: Path) -> None:
    """A stand-in PDF with a current fingerprint: the site is measured here, the PDF in bench.py."""
    kode = ("import sys; from pathlib import Path; from generator.tjek.indlaes import indlaes_katalog; "
            "from generator.site.byg import generer; from generator.site import pdf, urls; "
            "k = indlaes_katalog(sys.argv[1]); v, f = generer(k); m = Path(sys.argv[2]) / urls.PDF; "
            "m.parent.mkdir(parents=True, exist_ok=True); m.write_bytes(b'%PDF-1.7\\n% stand-in\\n'); "
            "pdf.kvittering(m).write_text(pdf.fingeraftryk(k, v, f) + '\\n')")
    koer(python("-c", kode, str(projekt / "data"), str(projekt / "content")), projekt, miljoe(ROD))


# ------------------------------------------------------------------ measuring


def _sider(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def _mb(mappe: Path) -> float:
    return sum(p.stat().st_size for p in mappe.rglob("*") if p.is_file()) / 1e6


def maal(gange: int, gentag: int, tmp: Path, fuld_navigation: bool) -> dict:
    data = tmp / f"data-{gange}"
    antal = syntetisk(ROD / "data", data, gange)
    projekt = kopier_projekt(tmp / f"projekt-{gange}", data_kilde=data)
    env = miljoe(ROD)
    pdf_som_aktuel(projekt)
    site, bar_site = tmp / f"site-{gange}", tmp / f"bar-site-{gange}"
    build = Serie("build")
    build.maalinger.append(koer(python("-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)), projekt, env))
    bar = bar_material(projekt, tmp / f"bar-{gange}")
    serier = {"check": Serie("check"), "generate": Serie("generate"), "build": Serie("build"), "bare": Serie("bare")}
    for _ in range(gentag):
        serier["check"].maalinger.append(koer(python("-m", "generator", "check", "--kort"), projekt, env))
        serier["generate"].maalinger.append(koer(python("-m", "generator", "build"), projekt, env))
        serier["build"].maalinger.append(
            koer(python("-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)), projekt, env))
        serier["bare"].maalinger.append(
            koer(python("-m", "mkdocs", "build", "--strict", "-q", "-d", str(bar_site)), bar, env))
    ud = {"gange": gange, "indsatser": antal, "sider": _sider(site), "bar_sider": _sider(bar_site),
          "mb": _mb(site), "bar_mb": _mb(bar_site), "serier": serier}
    fuld = tmp / f"bar-fuld-{gange}"
    if fuld_navigation:  # what the hook's limit on large navigation groups saves (one run)
        bar_material(projekt, fuld, fuld_navigation=True)
        ud["fuld"] = koer(python("-m", "mkdocs", "build", "--strict", "-q", "-d", str(fuld / "site")), fuld, env)
        ud["fuld_mb"] = _mb(fuld / "site")
    for mappe in (site, bar_site, projekt, bar, data, fuld):
        shutil.rmtree(mappe, ignore_errors=True)
    return ud


# ------------------------------------------------------------------ many catalogues compared

KILDER = [ROD, ROD / "examples" / "nyborg-2019", ROD / "examples" / "koege-2023-2024"]


def syntetiske_kataloger(antal: int, ud: Path) -> list[Path]:
    """`antal` catalogue folders, made in turn from the real catalogues of each shape, renamed and marked."""
    mapper = []
    for n in range(1, antal + 1):
        kilde = KILDER[(n - 1) % len(KILDER)]
        mappe = ud / f"syntetisk-{n:03d}"
        shutil.copytree(kilde / "data", mappe / "data", ignore=shutil.ignore_patterns("tests", "tidligere"))
        fil = mappe / "data" / "katalog.yaml"
        katalog = laes_yaml(fil).data
        katalog.pop("sammenlign_med", None)
        katalog["kommune"]["navn"] = f"Syntetisk Kommune {n}"
        katalog["kommune"]["genitiv"] = f"Syntetisk Kommunes {n}"
        katalog["katalog"]["titel"] += " (SYNTETISK TESTKATALOG — ikke rigtige data)"
        fil.write_text(f"# SYNTETISK: lavet af benchmarks/skalering.py af {kilde.name}/; ikke rigtige data.\n"
                       + yaml.safe_dump(katalog, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        mapper.append(mappe)
    return mapper


def maal_kataloger(antal: int, gentag: int, tmp: Path) -> dict:
    mapper = syntetiske_kataloger(antal, tmp / f"kataloger-{antal}")
    env = miljoe(ROD)
    projekt, site = tmp / f"sammenligning-{antal}", tmp / f"sammenligning-site-{antal}"
    serier = {"sammenlign": Serie("sammenlign"), "build": Serie("build")}
    for _ in range(gentag):
        serier["sammenlign"].maalinger.append(
            koer(python("-m", "generator", "sammenlign", *map(str, mapper), "--ud", str(projekt)), ROD, env))
    for _ in range(gentag + 2):  # a second or two: more runs, or the machine's other work is what is measured
        serier["build"].maalinger.append(
            koer(python("-m", "mkdocs", "build", "--strict", "-q", "-f", str(projekt / "mkdocs.yml"), "-d", str(site)),
                 ROD, env))
    # The project's search index (the catalogue sites' hook runs the same binary after every build).
    serier["pagefind"] = Serie("pagefind")
    serier["pagefind"].maalinger.append(
        koer([str(pagefind_bin.get_executable()), "--site", str(site), "--quiet"], ROD, env))
    side = (projekt / "docs" / "index.md").read_text(encoding="utf-8")
    ud = {"antal": antal, "serier": serier, "raekker": side.count("\n| **"), "side_mb": len(side.encode()) / 1e6,
          "indeks_mb": _mb(site / "pagefind"), "lunr_mb": _mb(site / "search"), "site_mb": _mb(site)}
    for mappe in (projekt, site, tmp / f"kataloger-{antal}"):
        shutil.rmtree(mappe, ignore_errors=True)
    return ud


def rapport_kataloger(resultater: list[dict], belastning_foer: str) -> str:
    linjer = [
        f"# Skalering af sammenligningen {dt.date.today().isoformat()}", "",
        f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}; "
        f"belastning før {belastning_foer}, efter {belastning()}. Syntetiske kataloger lavet på skift af "
        "Varde-, Nyborg- og Køge-katalogets data (se benchmarks/skalering.py --kataloger); hele processer, "
        "median. *sammenlign* = `python -m generator sammenlign` (indlæs og tjek hvert katalog, par ydelserne, "
        "skriv siden); *build* = `mkdocs build --strict` af sammenligningens websted; søgeindekset er "
        "Pagefind-indekset over det byggede websted (som katalogernes websteder får det), Materials eget "
        "lunr-indeks (`search/`) står ved siden af.", "",
        "| kataloger | rækker | sammenlign s | ms/katalog | build s | ms/katalog | side | Pagefind-indeks "
        "| KB indeks/katalog | lunr-indeks | hukommelse |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultater:
        s, n = r["serier"], r["antal"]
        linjer.append(
            f"| {n} | {r['raekker']} | {s['sammenlign'].wall:.2f} | {1000 * s['sammenlign'].wall / n:.0f} | "
            f"{s['build'].wall:.2f} | {1000 * s['build'].wall / n:.0f} | {1000 * r['side_mb']:.0f} KB | "
            f"{1000 * r['indeks_mb']:.0f} KB | {1000 * r['indeks_mb'] / n:.1f} | {1000 * r['lunr_mb']:.0f} KB | "
            f"{max(s['sammenlign'].maxrss_mb, s['build'].maxrss_mb):.0f} MB |")
    if len(resultater) > 2:
        # Linear means each catalogue added costs the same: the cost per catalogue added between the
        # two largest sizes against that between the two before them (from 1 to 10 the start-up of the
        # processes outweighs ten catalogues, so that step measures noise; hence the 49 in between).
        def tilfoejet(r1: dict, r2: dict, maal_: str) -> float:
            navn, _, slags = maal_.partition(" ")
            v = (lambda r: r["indeks_mb"]) if navn == "indeks" else (
                lambda r: getattr(r["serier"][navn], slags or "wall"))
            return (v(r2) - v(r1)) / (r2["antal"] - r1["antal"])
        foerst, sidst = resultater[-3:-1], resultater[-2:]
        linjer += ["", f"Pr. katalog tilføjet ({foerst[0]['antal']}→{foerst[1]['antal']} mod "
                   f"{sidst[0]['antal']}→{sidst[1]['antal']} kataloger):", ""]
        lineaer = True
        for maal_, navn, enhed, faktor in (("sammenlign", "sammenlign", "ms", 1000),
                                          ("sammenlign cpu", "sammenlign, CPU", "ms", 1000),
                                          ("build", "build", "ms", 1000), ("build cpu", "build, CPU", "ms", 1000),
                                          ("indeks", "Pagefind-indeks", "KB", 1000)):
            x, y = tilfoejet(*foerst, maal_), tilfoejet(*sidst, maal_)
            forhold = y / x if x > 0 else float("inf")
            if maal_ in ("sammenlign cpu", "build cpu", "indeks"):  # wall time on a shared machine is its load
                lineaer &= forhold <= 1.5
            linjer.append(f"- {navn}: {faktor * x:.1f} → {faktor * y:.1f} {enhed} pr. katalog tilføjet ({forhold:.2f}×)")
        linjer += ["", ("Væksten er lineær eller bedre" if lineaer else "Væksten er IKKE lineær")
                   + " (mål: et katalog mere koster højst 1,5× så meget CPU-tid og søgeindeks ved de store "
                   "størrelser som ved de små; vægurstiden vises, men på en delt maskine måler den belastningen).", ""]
    for r in resultater:
        s = r["serier"]
        linjer.append(f"- {r['antal']} kataloger: sammenlign {s['sammenlign'].wall:.2f} s (CPU {s['sammenlign'].cpu:.2f}), "
                      f"build {s['build'].wall:.2f} s (CPU {s['build'].cpu:.2f}), websted {r['site_mb']:.1f} MB; "
                      f"{len(s['build'].maalinger)} kørsler.")
    return "\n".join(linjer) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gange", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--gentag", type=int, default=3, help="runs per size (the largest size: 1)")
    ap.add_argument("--fuld-navigation", action="store_true",
                    help="also build bare Material with every page in the navigation (slow at 100×)")
    ap.add_argument("--kataloger", type=int, nargs="+", default=None,
                    help="measure the comparison of this many synthetic catalogues instead (fx 1 10 98)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="skalering-"))
    belastning_foer = belastning()
    if args.kataloger:
        try:
            resultater = [maal_kataloger(n, args.gentag, tmp) for n in args.kataloger]
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        rapport = rapport_kataloger(resultater, belastning_foer)
        maal_fil = ROD / "benchmarks" / f"skalering-kataloger-{dt.date.today().isoformat()}.md"
        maal_fil.write_text(rapport, encoding="utf-8")
        print(rapport)
        print(f"skrevet: {maal_fil.relative_to(ROD)}")
        return 0
    try:
        resultater = [maal(g, args.gentag if g != max(args.gange) or len(args.gange) == 1 else 1, tmp,
                           args.fuld_navigation) for g in args.gange]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    linjer = [
        f"# Skalering {dt.date.today().isoformat()}", "",
        f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}; "
        f"belastning før {belastning_foer}, efter {belastning()}. Syntetiske kataloger (se "
        "benchmarks/skalering.py); hele processer, median; ms pr. side = tid / antal HTML-sider i sitet; "
        "CPU = bruger + system.", "",
        "| gange | indsatser | sider | check ms/side | generér ms/side | build ms/side | bar Material ms/side "
        "| forhold | build CPU ms/side | bar CPU ms/side | hukommelse build / bar | site / bar |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultater:
        s, n = r["serier"], r["sider"]
        linjer.append(
            f"| {r['gange']}× | {r['indsatser']} | {n} | {1000 * s['check'].wall / n:.1f} | "
            f"{1000 * s['generate'].wall / n:.1f} | {1000 * s['build'].wall / n:.1f} | "
            f"{1000 * s['bare'].wall / r['bar_sider']:.1f} | {s['build'].wall / s['bare'].wall:.2f}× | "
            f"{1000 * s['build'].cpu / n:.1f} | {1000 * s['bare'].cpu / r['bar_sider']:.1f} | "
            f"{s['build'].maxrss_mb:.0f} / {s['bare'].maxrss_mb:.0f} MB | {r['mb']:.1f} / {r['bar_mb']:.1f} MB |")
    foerste, sidste = resultater[0], resultater[-1]
    vaekst = ((sidste["serier"]["build"].wall / sidste["sider"]) / (foerste["serier"]["build"].wall / foerste["sider"]))
    linjer += ["", f"Build ms/side ved {sidste['gange']}× i forhold til {foerste['gange']}×: {vaekst:.2f}× "
               "(mål: ≤ 1,5×, dvs. lineær vækst).", ""]
    if any("fuld" in r for r in resultater):
        linjer += ["Bar Material med hele navigationen på hver side (uden hookens grænse på 50 sider pr. "
                   "navigationsgruppe, over hvilken grupperne deles og Materials navigation.prune slås til):", ""]
        for r in resultater:
            if "fuld" in r:
                linjer.append(f"- {r['gange']}×: {1000 * r['fuld'].wall / r['bar_sider']:.1f} ms/side "
                              f"(CPU {1000 * r['fuld'].cpu / r['bar_sider']:.1f}), site {r['fuld_mb']:.1f} MB, "
                              f"hukommelse {r['fuld'].maxrss_mb:.0f} MB.")
        linjer.append("")
    for r in resultater:
        s = r["serier"]
        linjer.append(f"- {r['gange']}×: check {s['check'].wall:.2f} s, generér {s['generate'].wall:.2f} s, "
                      f"build {s['build'].wall:.2f} s (CPU {s['build'].cpu:.2f}), bar {s['bare'].wall:.2f} s "
                      f"(CPU {s['bare'].cpu:.2f}); {len(s['build'].maalinger)} kørsler.")
    rapport = "\n".join(linjer) + "\n"
    RAPPORT.write_text(rapport, encoding="utf-8")
    print(rapport)
    print(f"skrevet: {RAPPORT.relative_to(ROD)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
