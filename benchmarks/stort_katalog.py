"""Benchmark: a catalogue far beyond the real one ends within a bound (issue 18).

Synthetic catalogues (benchmarks/skalering.py's `syntetisk`: the real data with every intervention
copied under new ids) of 1×, 4× and 435× the 23 real interventions (the last: 10,005). Each is
measured as whole processes, wall time, CPU time and peak memory (the PDF's process included):

  check   `python -m generator check --kort`
  build   `mkdocs build --strict`, the committee PDF rendered (not a stand-in)

A catalogue whose PDF check estimates beyond `omfang.MAKS_PDF_SIDER` is refused by both at once
with a located message: 10,000 interventions once took 30 minutes and 12 GB in the PDF. Writes
benchmarks/stort-katalog-rapport.md and prints it.

    python benchmarks/stort_katalog.py [--gange 1 4 435]
"""
from __future__ import annotations

import argparse
import datetime as dt
import platform
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from maaling import ROD, belastning, koer, kopier_projekt, miljoe, python  # noqa: E402
from skalering import syntetisk  # noqa: E402

from generator.site import pdf  # noqa: E402
from generator.tjek import omfang  # noqa: E402

RAPPORT = ROD / "benchmarks" / "stort-katalog-rapport.md"


def _besked(udskrift: str) -> str:
    linjer = [linje for linje in udskrift.splitlines() if "kataloget er for stort" in linje or "PDF'en" in linje]
    return (linjer[0].split(": ", 1)[-1][:140] + " …") if linjer else ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gange", type=int, nargs="+", default=[1, 4, 435])
    args = ap.parse_args()
    env = miljoe(ROD)
    raekker = []
    tmp = Path(tempfile.mkdtemp())
    try:
        for gange in args.gange:
            data = tmp / f"data-{gange}"
            antal = syntetisk(ROD / "data", data, gange)
            projekt = kopier_projekt(tmp / f"projekt-{gange}", data_kilde=data)
            check = koer(python("-m", "generator", "check", "--kort"), projekt, env, tjek=False)
            build = koer(python("-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / f"site-{gange}")),
                         projekt, env, tjek=False)
            sider = ""
            pdf_fil = projekt / "content" / "katalog" / "data" / "kvalitetsstandarder.pdf"
            if build.rc == 0 and pdf_fil.exists():
                import subprocess

                info = subprocess.run(["pdfinfo", str(pdf_fil)], capture_output=True, text=True).stdout
                sider = next((linje.split()[-1] for linje in info.splitlines() if linje.startswith("Pages:")), "")
            raekker.append((antal, check, build, sider, _besked(check.udskrift + build.udskrift)))
            for mappe in (data, projekt, tmp / f"site-{gange}"):
                shutil.rmtree(mappe, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    linjer = [
        f"# Et meget stort katalog — {dt.date.today().isoformat()}",
        "",
        f"CPython {platform.python_version()}, {platform.machine()}, 2 kerner; belastning {belastning()}. "
        f"Grænser: PDF'en højst {omfang.MAKS_PDF_SIDER} sider (anslået af check), "
        f"{pdf.MAKS_SEKUNDER // 60} min og {pdf.MAKS_HUKOMMELSE >> 30} GB (håndhævet i PDF-processen).",
        "",
        "| indsatser | check: exit | s | CPU s | MB | build: exit | s | CPU s | MB | PDF-sider | besked |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for antal, c, b, sider, besked in raekker:
        linjer.append(f"| {antal} | {c.rc} | {c.wall:.1f} | {c.cpu:.1f} | {c.maxrss_mb:.0f} | {b.rc} | {b.wall:.1f} | "
                      f"{b.cpu:.1f} | {b.maxrss_mb:.0f} | {sider} | {besked} |")
    tekst = "\n".join(linjer) + "\n"
    RAPPORT.write_text(tekst, encoding="utf-8")
    print(tekst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
