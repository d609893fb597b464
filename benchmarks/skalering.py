"""Scaling: does the build stay linear when the catalogue grows? Synthetic catalogues of 1×, 10× and
100× the interventions, each measured against a bare Material build of the same Markdown.

    python benchmarks/skalering.py                  # 1, 10, 100; writes benchmarks/skalering-<date>.md
    python benchmarks/skalering.py --gange 1 10     # fewer sizes
    python benchmarks/skalering.py --kataloger 1 10 49 98   # the comparison of 1, 10, 49, 98 catalogues:
                                                    # writes benchmarks/skalering-kataloger-<date>.md
    python benchmarks/skalering.py --kataloger 1 10 49 98 --en-gang 980   # and 980 (98 × 10), run once

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
catalogue, match the services, write a page per service) and `mkdocs build --strict` of the comparison
site (its hook builds its Pagefind index; Material's lunr search is off), the same build with Material's
lunr search on beside it, and the size of its pages and search index, reported per catalogue added.
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from maaling import ROD, Serie, bar_material, belastning, koer, kopier_projekt, maskine, miljoe, python  # noqa: E402

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
    lunr_site = tmp / f"sammenligning-lunr-{antal}"
    serier = {"sammenlign": Serie("sammenlign"), "build": Serie("build"), "lunr": Serie("lunr")}
    for _ in range(gentag):
        serier["sammenlign"].maalinger.append(
            koer(python("-m", "generator", "sammenlign", *map(str, mapper), "--ud", str(projekt)), ROD, env))
    # The same site with Material's search plugin (lunr), which the generated mkdocs.yml leaves out:
    # measured beside it, so the report shows what the plugin would cost.
    config = (projekt / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins: []" in config, "sammenlign skriver ikke længere plugins: [] — ret målingen"
    (projekt / "mkdocs-lunr.yml").write_text(config.replace("plugins: []", "plugins:\n  - search"), encoding="utf-8")
    # A build is a second or two, and 39 catalogues more add a quarter of a second of it: many runs, or
    # the machine's other work is what is measured (a size run once still gets three).
    for _ in range(3 * gentag if gentag > 1 else 3):
        serier["build"].maalinger.append(
            koer(python("-m", "mkdocs", "build", "--strict", "-q", "-f", str(projekt / "mkdocs.yml"), "-d", str(site)),
                 ROD, env))
        serier["lunr"].maalinger.append(
            koer(python("-m", "mkdocs", "build", "--strict", "-q", "-f", str(projekt / "mkdocs-lunr.yml"),
                        "-d", str(lunr_site)), ROD, env))
    lunr_mb = _mb(lunr_site / "search")
    sider = [p.read_text(encoding="utf-8") for p in (projekt / "docs").glob("*.md")]
    ud = {"antal": antal, "serier": serier, "raekker": sum(side.count("\n| **") for side in sider),
          "sider": len(sider), "side_mb": max(len(side.encode()) for side in sider) / 1e6,
          "docs_mb": sum(len(side.encode()) for side in sider) / 1e6,
          "indeks_mb": _mb(site / "pagefind"), "lunr_mb": lunr_mb, "site_mb": _mb(site)}
    for mappe in (projekt, site, lunr_site, tmp / f"kataloger-{antal}"):
        shutil.rmtree(mappe, ignore_errors=True)
    return ud


def _vaerdi(r: dict, maal_: str) -> float:
    navn, _, slags = maal_.partition(" ")
    if navn == "indeks":
        return r["indeks_mb"]
    return getattr(r["serier"][navn], slags or "wall")


def tilfoejet(r1: dict, r2: dict, maal_: str) -> float:
    """The cost of one catalogue added between two sizes."""
    return (_vaerdi(r2, maal_) - _vaerdi(r1, maal_)) / (r2["antal"] - r1["antal"])


MAAL = (("sammenlign", "sammenlign", "ms", 1000, True), ("sammenlign cpu", "sammenlign, CPU", "ms", 1000, True),
        ("build", "build", "ms", 1000, False), ("build cpu", "build, CPU", "ms", 1000, True),
        ("lunr cpu", "build med Materials lunr-søgning, CPU (ikke i webstedet)", "ms", 1000, False),
        ("indeks", "Pagefind-indeks", "KB", 1000, True))
"""(measure, name, unit, factor, judged): wall time is shown, not judged — on a shared machine it is the
load; the lunr build is not what the site is, so it is shown, not judged."""


def rapport_kataloger(resultater: list[dict], belastning_foer: str) -> str:
    linjer = [
        f"# Skalering af sammenligningen {dt.date.today().isoformat()}", "",
        maskine(belastning_foer) + " Syntetiske kataloger lavet på skift af "
        "Varde-, Nyborg- og Køge-katalogets data (se benchmarks/skalering.py --kataloger); hele processer, "
        "median. *sammenlign* = `python -m generator sammenlign` (indlæs og tjek hvert katalog, par ydelserne, "
        "skriv en side pr. ydelse og forsiden); *build* = `mkdocs build --strict` af sammenligningens websted, "
        "dets Pagefind-indeks medregnet (webstedets hook bygger det; Materials lunr-søgning er slået fra: "
        "`plugins: []`); *lunr* = samme build med Materials søge-plugin slået til, målt ved siden af, men ikke "
        "webstedet; søgeindekset er webstedets Pagefind-indeks, som forsidens søgefelt spørger. "
        "Sammenligningen læser hvert "
        "katalogs aktuelle udgave, ikke dets tidligere udgaver (`data/tidligere/`): 98 kommuner med ti udgaver "
        "hver er 98 kataloger at sammenligne; et punkt med 98 × 10 kataloger måler, hvad det ville koste, hvis "
        "hver udgave blev sammenlignet.", "",
        "| kataloger | rækker | sider | sammenlign s | ms/katalog | build s | ms/katalog | lunr-build s "
        "| største side | alle sider | Pagefind-indeks | KB indeks/katalog | lunr-indeks | hukommelse |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultater:
        s, n = r["serier"], r["antal"]
        linjer.append(
            f"| {n} | {r['raekker']} | {r['sider']} | {s['sammenlign'].wall:.2f} | {1000 * s['sammenlign'].wall / n:.0f} | "
            f"{s['build'].wall:.2f} | {1000 * s['build'].wall / n:.0f} | {s['lunr'].wall:.2f} | "
            f"{1000 * r['side_mb']:.0f} KB | {1000 * r['docs_mb']:.0f} KB | "
            f"{1000 * r['indeks_mb']:.0f} KB | {1000 * r['indeks_mb'] / n:.1f} | {1000 * r['lunr_mb']:.0f} KB | "
            f"{max(s['sammenlign'].maxrss_mb, s['build'].maxrss_mb):.0f} MB |")
    # Linear means each catalogue added costs the same: the cost per catalogue added in each step
    # against that of the first step from 10 on (from 1 to 10 the start-up of the processes outweighs
    # ten catalogues, so that step measures noise).
    trin = [(a, b) for a, b in zip(resultater, resultater[1:], strict=False) if a["antal"] >= 10]
    if len(trin) > 1:
        grund = trin[0]
        linjer += ["", f"Pr. katalog tilføjet, hvert trin mod trinnet {grund[0]['antal']}→{grund[1]['antal']} "
                   "kataloger:", ""]
        lineaer = True
        for maal_, navn, enhed, faktor, bedoemt in MAAL:
            x = tilfoejet(*grund, maal_)
            dele = [f"{faktor * x:.1f}"]
            for a, b in trin[1:]:
                y = tilfoejet(a, b, maal_)
                forhold = y / x if x > 0 else float("inf")
                if bedoemt:
                    lineaer &= forhold <= 1.5
                dele.append(f"{faktor * y:.1f} ({a['antal']}→{b['antal']}: {forhold:.2f}×)")
            linjer.append(f"- {navn}: {' → '.join(dele)} {enhed} pr. katalog tilføjet")
        linjer += ["", ("Væksten er lineær eller bedre" if lineaer else "Væksten er IKKE lineær")
                   + " (mål: et katalog mere koster i hvert senere trin højst 1,5× så meget CPU-tid og søgeindeks "
                   "som i det første; vægurstiden vises, men på en delt maskine måler den belastningen; "
                   "lunr-bygningen vises, men er ikke webstedet).", ""]
    for r in resultater:
        s = r["serier"]
        linjer.append(f"- {r['antal']} kataloger: sammenlign {s['sammenlign'].wall:.2f} s (CPU {s['sammenlign'].cpu:.2f}), "
                      f"build {s['build'].wall:.2f} s (CPU {s['build'].cpu:.2f}), med lunr {s['lunr'].wall:.2f} s "
                      f"(CPU {s['lunr'].cpu:.2f}; lunr-tillæg {s['lunr'].cpu - s['build'].cpu:+.2f} s), "
                      f"websted {r['site_mb']:.1f} MB; "
                      f"sammenlign {len(s['sammenlign'].maalinger)}, build {len(s['build'].maalinger)} kørsler.")
    return "\n".join(linjer) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gange", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--gentag", type=int, default=3, help="runs per size (the largest size: 1)")
    ap.add_argument("--fuld-navigation", action="store_true",
                    help="also build bare Material with every page in the navigation (slow at 100×)")
    ap.add_argument("--kataloger", type=int, nargs="+", default=None,
                    help="measure the comparison of this many synthetic catalogues instead (fx 1 10 98)")
    ap.add_argument("--en-gang", type=int, nargs="*", default=[],
                    help="with --kataloger: sizes measured with one run each (fx 980)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="skalering-"))
    belastning_foer = belastning()
    if args.kataloger:
        try:
            resultater = [maal_kataloger(n, 1 if n in args.en_gang else args.gentag, tmp)
                          for n in sorted(set(args.kataloger) | set(args.en_gang))]
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
        maskine(belastning_foer) + " Syntetiske kataloger (se "
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
