"""Benchmark: the editor's loop and the build, against a bare Material build of the same pages.

Speed is measured here and reported, never asserted in tests (a loaded CI machine must not
turn a correct build red). Every figure is a whole process, the median of repeated runs,
with its CPU time beside it (the machine is shared: wall far above CPU means it was busy).

    make benchmark                       # or: python benchmarks/bench.py [--gentag 5]
    python benchmarks/bench.py --rod ../anden-checkout   # the same measurements of another checkout

Measured on copies in a temporary folder (the real data, a real edit), in this order:

  serve       `mkdocs serve --strict` on 127.0.0.1 with the page open in Chromium; an edit saved to
              data/indsatser.yaml; the open page watched until it shows the edit by itself (live
              reload; HTTP polling of the served page without Chromium) and MkDocs' "Reloading browsers";
              builds counted in serve's log until it has been quiet for 3 s
  build       `mkdocs build --strict` with the PDF current, alternating with a bare Material
              build of the same generated Markdown and navigation (no hook, no theme overrides,
              no Pagefind) — the ratio is project / bare, both from the same run; unchanged
              data (the hook's kept result, generator/site/mellemlager.py) and after a comment
              was added to data/katalog.yaml (the generator runs)
  build+PDF   the same with the PDF's fingerprint removed, so it is rendered again
  PDF         `python -m generator pdf` with the fingerprint removed
  check       `python -m generator check`
  generate    `python -m generator build` (all Markdown and open data; PDF current)
  tests       `pytest -m "not browser"` once (skip with --uden-tests)

Writes benchmarks/rapport-<date>.md and prints it.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from maaling import (ROD, Serie, bar_material, belastning, frø_pdf, koer, kopier_projekt, miljoe,  # noqa: E402
                     python)
from scripts.serveproces import Serve  # noqa: E402
from scripts.sitebrowser import chromium, chromium_findes  # noqa: E402

PDF_KVITTERING = Path("content/katalog/data/.kvalitetsstandarder.pdf.sha256")
SIDE = "katalog/indsatser/k-2-1-rengoering/"
FOER = "Hjælp til rengøring af dit hjem"


def mkdocs_build(projekt: Path, ud: Path) -> list[str]:
    return python("-m", "mkdocs", "build", "--strict", "-q", "-f", str(projekt / "mkdocs.yml"), "-d", str(ud))


def maal_serve(tmp: Path, rod: Path, redigeringer: int) -> tuple[list, float, list[str], str]:
    """The editor's loop as the editor sees it: the page open in Chromium, each save shown by the
    page itself (live reload). Without Chromium the served page is fetched over HTTP instead, which
    cannot see whether the open page reloads (the report says which)."""
    projekt = kopier_projekt(tmp / "serve", rod=rod)
    frø_pdf(projekt, rod)
    serve = Serve(projekt, env=miljoe(rod))
    with contextlib.ExitStack() as stak:
        stak.callback(serve.stop)
        start = time.perf_counter()
        serve.vent_paa_log("Serving on", timeout=900)
        opstart = time.perf_counter() - start
        page, csp = None, []
        if chromium_findes():
            page = stak.enter_context(chromium()).new_page()
            page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(serve.url + SIDE)
        time.sleep(5)  # the first build's background work (index, PDF) settles, as before an editor's first save
        fil = projekt / "data" / "indsatser.yaml"
        ud, forrige = [], FOER
        for n in range(redigeringer):
            ny = f"{FOER} (måling {n})"
            ud.append(serve.rediger_i_browser(page, fil, forrige, ny) if page else serve.rediger(fil, forrige, ny, SIDE))
            forrige = ny
        return ud, opstart, csp, "den åbne side i Chromium" if page else "siden hentet over HTTP (ingen Chromium)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gentag", type=int, default=5, help="runs per process measurement (median)")
    ap.add_argument("--gentag-pdf", type=int, default=3, help="runs of the PDF measurements")
    ap.add_argument("--redigeringer", type=int, default=5, help="edits in the serve measurement")
    ap.add_argument("--uden-tests", action="store_true", help="skip timing the test suite")
    ap.add_argument("--rod", type=Path, default=ROD, help="the checkout to measure (default: this one)")
    ap.add_argument("--navn", default="", help="suffix of the report's name: rapport-<date>-<navn>.md")
    args = ap.parse_args()
    rod = args.rod.resolve()
    env = miljoe(rod)
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    belastning_foer = belastning()
    try:
        redigeringer, opstart, csp, hvordan = maal_serve(tmp, rod, args.redigeringer)

        projekt = kopier_projekt(tmp / "projekt", rod=rod)
        frø_pdf(projekt, rod)
        koer(mkdocs_build(projekt, tmp / "site"), projekt, env)  # generates content/, renders a missing PDF
        bar = bar_material(projekt, tmp / "bar", rod=rod)
        build, bare, build_data = Serie("build"), Serie("bare"), Serie("build efter dataændring")
        katalog_yaml = projekt / "data" / "katalog.yaml"
        for n in range(args.gentag):  # alternating, so all three meet the same load
            build.maalinger.append(koer(mkdocs_build(projekt, tmp / "site"), projekt, env))
            bare.maalinger.append(koer(mkdocs_build(bar, tmp / "bar-site"), bar, env))
            # A comment added to the data: the hook loads, checks and generates again (no page changes).
            katalog_yaml.write_text(katalog_yaml.read_text(encoding="utf-8") + f"# {n}\n", encoding="utf-8")
            build_data.maalinger.append(koer(mkdocs_build(projekt, tmp / "site"), projekt, env))

        build_pdf, pdf_alene, bare_pdf = Serie("build+pdf"), Serie("pdf"), Serie("bare")
        # A checkout from before `generator pdf` renders a stale PDF in `generator build`.
        pdf_kommando = "pdf" if '"pdf"' in (rod / "generator" / "cli.py").read_text(encoding="utf-8") else "build"
        for _ in range(args.gentag_pdf):
            (projekt / PDF_KVITTERING).unlink()
            build_pdf.maalinger.append(koer(mkdocs_build(projekt, tmp / "site"), projekt, env))
            bare_pdf.maalinger.append(koer(mkdocs_build(bar, tmp / "bar-site"), bar, env))
            (projekt / PDF_KVITTERING).unlink()
            pdf_alene.maalinger.append(koer(python("-m", "generator", pdf_kommando), projekt, env))

        check, generer = Serie("check"), Serie("build")
        for _ in range(args.gentag):
            check.maalinger.append(koer(python("-m", "generator", "check"), projekt, env))
            generer.maalinger.append(koer(python("-m", "generator", "build"), projekt, env))

        tests = None
        if not args.uden_tests:
            tests = koer(python("-m", "pytest", "-m", "not browser", "-q", "-p", "no:cacheprovider"),
                         rod, env, tjek=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    synlig = statistics.median(r.synlig for r in redigeringer)
    genindlaest = statistics.median(r.genindlaest for r in redigeringer)
    bygninger = [r.genopbygninger for r in redigeringer]
    ratio = build.wall / bare.wall

    def r(navn: str, nu: str, bar_: str, forhold: str, maal: str) -> str:
        return f"| {navn} | {nu} | {bar_} | {forhold} | {maal} |"

    linjer = [
        f"# Benchmark {dt.date.today().isoformat()}", "",
        f"Checkout: `{rod.name}` ({_git_hash(rod)}). Maskine: {platform.machine()}, {os.cpu_count()} kerner, "
        f"Python {platform.python_version()}; belastning (load average 1/5/15 min) før {belastning_foer}, "
        f"efter {belastning()}. Medianer af hele processer; CPU = bruger + system, børneprocesser med.", "",
        "| Hvad | projektet | bar Material (samme kørsel) | forhold | mål |", "|---|---:|---:|---:|---|",
        r(f"gem i `data/` → ændringen på {hvordan} i `mkdocs serve`",
          f"{synlig:.2f} s ({len(redigeringer)} ændringer; CSP-beskeder i konsollen: {len(csp)})", "", "", "≤ 2 s"),
        r("… og MkDocs beder browseren genindlæse", f"{genindlaest:.2f} s", "", "", ""),
        r("genopbygninger pr. gemning", " ".join(map(str, bygninger)), "", "", "1"),
        r("`mkdocs build --strict`, PDF aktuel", _s(build), _s(bare), f"{ratio:.2f}×", "≤ 1,3×"),
        r("det samme efter en ændring i `data/` (generatoren kører)", _s(build_data), _s(bare),
          f"{build_data.wall / bare.wall:.2f}×", ""),
        r("det samme, PDF'en lavet igen", _s(build_pdf), _s(bare_pdf), f"{build_pdf.wall / bare_pdf.wall:.2f}×", ""),
        r("PDF alene (`python -m generator pdf`)", _s(pdf_alene), "", "", "≤ 4 s"),
        r("`python -m generator check`", _s(check), "", "", "≤ 0,25 s"),
        r("`python -m generator build` (al Markdown)", _s(generer), "", "", "≤ 0,3 s"),
    ]
    if tests:
        linjer.append(r("tests uden browser (`pytest -m \"not browser\"`, én kørsel)",
                        f"{tests.wall:.0f} s (CPU {tests.cpu:.0f} s){'' if tests.rc == 0 else ', FEJL'}", "", "",
                        "≤ 45 s"))
    if tests and tests.rc != 0:
        linjer += ["", "Fejlede tests i den kørsel:", ""] + [
            f"- `{l.strip()}`" for l in tests.udskrift.splitlines() if l.startswith(("FAILED", "ERROR"))]
    linjer += ["", f"Opstart af `mkdocs serve` (første bygning): {opstart:.1f} s. "
               f"Største hukommelse: build {build.maxrss_mb:.0f} MB, bar {bare.maxrss_mb:.0f} MB, "
               f"PDF {pdf_alene.maxrss_mb:.0f} MB.", ""]
    rapport = "\n".join(linjer) + "\n"
    ud = ROD / "benchmarks" / f"rapport-{dt.date.today().isoformat()}{'-' + args.navn if args.navn else ''}.md"
    ud.write_text(rapport, encoding="utf-8")
    print(rapport)
    print(f"skrevet: {ud.relative_to(ROD)}")
    return 0


def _s(serie: Serie) -> str:
    return f"{serie.wall:.2f} s (CPU {serie.cpu:.2f})"


def _git_hash(rod: Path) -> str:
    r = subprocess.run(["git", "-C", str(rod), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return r.stdout.strip() or "ingen git"


if __name__ == "__main__":
    raise SystemExit(main())
