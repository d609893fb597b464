"""Benchmark: how long each step of the pipeline takes on the shipped data.

Speed is measured here and reported, never asserted in tests (a loaded CI
machine must not turn a correct build red). Writes benchmarks/rapport-<date>.md
(git-ignored) and prints it.

    make benchmark          # or: python benchmarks/bench.py [--gentag 5]
"""
from __future__ import annotations

import argparse
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

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from generator.site import pdf  # noqa: E402
from generator.site.byg import generer, skriv, Resultat  # noqa: E402
from generator.tjek.indlaes import indlaes_katalog  # noqa: E402


def maal(navn: str, gentag: int, f) -> tuple[str, list[float]]:
    tider = []
    for _ in range(gentag):
        start = time.perf_counter()
        f()
        tider.append(time.perf_counter() - start)
    return navn, tider


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gentag", type=int, default=3)
    args = ap.parse_args()
    data = ROD / "data"
    tmp = Path(tempfile.mkdtemp())
    try:
        katalog = indlaes_katalog(data)
        visning, filer = generer(katalog)
        content = tmp / "content"
        skriv(content, filer, Resultat(katalog, visning))
        rækker = [
            maal("indlæs + validér + krydstjek (check)", args.gentag, lambda: indlaes_katalog(data)),
            maal("generér alle sider (Jinja → Markdown)", args.gentag, lambda: generer(katalog)),
            maal("skriv uændrede sider (serve-genbygning)", args.gentag,
                 lambda: skriv(content, filer, Resultat(katalog, visning))),
            maal("PDF (WeasyPrint, uden cache)", 1,
                 lambda: pdf.skriv_pdf(katalog, visning, filer, tmp / f"x{time.time_ns()}.pdf")),
        ]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        rækker.append(maal("mkdocs build --strict (hele webstedet)", args.gentag, lambda: subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / "site")],
            cwd=ROD, env=env, check=True)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    linjer = [f"# Benchmark {dt.date.today().isoformat()}", "",
              f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}. "
              f"Data: {len(katalog.standarder)} standarder, {len(katalog.indsatser)} indsatser, {len(filer)} genererede filer.",
              "", "| Trin | median (s) | min (s) | gentagelser |", "|---|---:|---:|---:|"]
    for navn, tider in rækker:
        linjer.append(f"| {navn} | {statistics.median(tider):.3f} | {min(tider):.3f} | {len(tider)} |")
    rapport = "\n".join(linjer) + "\n"
    ud = ROD / "benchmarks" / f"rapport-{dt.date.today().isoformat()}.md"
    ud.write_text(rapport, encoding="utf-8")
    print(rapport)
    print(f"skrevet: {ud.relative_to(ROD)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
