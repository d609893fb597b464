"""Benchmark: a catalogue far beyond the real one ends within a bound (issue 18).

Synthetic catalogues: 1× and 4× the 23 real interventions (benchmarks/skalering.py's `syntetisk`:
every intervention copied under new ids), 435× of them (10,005; its indsatser.yaml is over the
2 MB a data file may hold), and 10,000 minimal interventions (an id, a title, one sentence, under
standard 2: the file fits) — the case the PDF's bound is for. Each is measured as whole processes,
wall time, CPU time and peak memory (the PDF's process included):

  check   `python -m generator check --kort`
  build   `mkdocs build --strict`, the committee PDF rendered (not a stand-in)

A catalogue whose PDF is estimated beyond `omfang.MAKS_PDF_SIDER` is built like any other (the
site, the CSV files, katalog.json), and its PDF is one page that says why the pages are not in it
and how to get a PDF (10,000 interventions once took 30 minutes and 12 GB in the PDF, and were then
refused by check). The report says how many HTML pages the site got. Writes
benchmarks/stort-katalog-rapport.md and prints it.

    python benchmarks/stort_katalog.py [--gange 1 4 435] [--minimale 10000]
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
    linjer = [linje for linje in udskrift.splitlines() if "fejl fundet" not in linje and ": " in linje
              and ("kataloget er for stort" in linje or "fylder" in linje or "PDF'en" in linje)]
    return (linjer[0].split(": ", 1)[-1][:150] + " …") if linjer else ""


def _maal(kommando: list[str], cwd: Path, env: dict[str, str]):
    """`koer`, with the peak memory from GNU time: a forked child's own peak would count this
    process's memory at the fork (the synthetic data it made)."""
    ud = cwd / ".tid"
    m = koer(["/usr/bin/time", "-o", str(ud), "-f", "%M", *kommando], cwd, env, tjek=False)
    m.maxrss_mb = int(ud.read_text().split()[-1]) / 1024
    return m


def minimale(data: Path, ud: Path, antal: int) -> int:
    """The real data and `antal` minimal interventions more, all under standard 2. Returns the number."""
    ud.mkdir(parents=True)
    for navn in ("love.yaml", "katalog.yaml"):
        shutil.copy2(data / navn, ud / navn)
    standarder = (data / "standards.yaml").read_text(encoding="utf-8")
    linjer, poster = [], []
    for n in range(antal):
        id_ = f"K.{10 + n // 100}.{n % 100 + 1}"
        linjer.append(f"      - {{indsats: {id_}, gruppe: Syntetiske indsatser}}\n")
        poster.append(f"  - id: {id_}\n    titel: Syntetisk indsats {n + 1}\n    type: kompenserende\n"
                      f"    standarder: [2]\n    side: 55\n    kort_fortalt: En syntetisk indsats til en måling.\n"
                      "    søgeord: []\n")
    anker = '      - {indsats: K.2.1, gruppe: "Kompenserende indsatser, praktiske opgaver"}\n'
    assert anker in standarder, "standards.yaml changed: update minimale()"
    (ud / "standards.yaml").write_text(standarder.replace(anker, anker + "".join(linjer), 1), encoding="utf-8")
    indsatser = (data / "indsatser.yaml").read_text(encoding="utf-8")
    (ud / "indsatser.yaml").write_text(indsatser.rstrip("\n") + "\n" + "".join(poster), encoding="utf-8")
    return 23 + antal


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gange", type=int, nargs="+", default=[1, 4, 435])
    ap.add_argument("--minimale", type=int, nargs="*", default=[10000])
    args = ap.parse_args()
    env = miljoe(ROD)
    raekker = []
    tmp = Path(tempfile.mkdtemp())
    try:
        for gange in [*args.gange, *(-n for n in args.minimale)]:
            data = tmp / f"data-{gange}"
            antal = syntetisk(ROD / "data", data, gange) if gange > 0 else minimale(ROD / "data", data, -gange)
            projekt = kopier_projekt(tmp / f"projekt-{gange}", data_kilde=data)
            check = _maal(python("-m", "generator", "check", "--kort"), projekt, env)
            build = _maal(python("-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / f"site-{gange}")),
                          projekt, env)
            sider, html_sider = "", sum(1 for _ in (tmp / f"site-{gange}").rglob("*.html"))
            pdf_fil = projekt / "content" / "katalog" / "data" / "kvalitetsstandarder.pdf"
            if build.rc == 0 and pdf_fil.exists():
                import subprocess

                info = subprocess.run(["pdfinfo", str(pdf_fil)], capture_output=True, text=True).stdout
                sider = next((linje.split()[-1] for linje in info.splitlines() if linje.startswith("Pages:")), "")
            navn = f"{antal} (minimale)" if gange < 0 else str(antal)
            raekker.append((navn, check, build, html_sider, sider, _besked(check.udskrift + build.udskrift)))
            for mappe in (data, projekt, tmp / f"site-{gange}"):
                shutil.rmtree(mappe, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    linjer = [
        f"# Et meget stort katalog — {dt.date.today().isoformat()}",
        "",
        f"CPython {platform.python_version()}, {platform.machine()}, 2 kerner; belastning {belastning()}. "
        f"Grænser: PDF'en højst {omfang.MAKS_PDF_SIDER} sider (anslået af check; ellers en PDF på én side, "
        "der siger hvorfor), "
        f"{pdf.MAKS_SEKUNDER // 60} min og {pdf.MAKS_HUKOMMELSE >> 30} GB (håndhævet i PDF-processen).",
        "",
        "| indsatser | check: exit | s | CPU s | MB | build: exit | s | CPU s | MB | HTML-sider | PDF-sider | besked |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for antal, c, b, html_sider, sider, besked in raekker:
        linjer.append(f"| {antal} | {c.rc} | {c.wall:.1f} | {c.cpu:.1f} | {c.maxrss_mb:.0f} | {b.rc} | {b.wall:.1f} | "
                      f"{b.cpu:.1f} | {b.maxrss_mb:.0f} | {html_sider} | {sider} | {besked} |")
    tekst = "\n".join(linjer) + "\n"
    RAPPORT.write_text(tekst, encoding="utf-8")
    print(tekst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
