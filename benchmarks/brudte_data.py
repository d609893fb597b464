"""Benchmark: time and peak memory of `python -m generator check` on every broken input.

The corpus is tests/data/brudte.yaml (the test asserts the messages; this measures). Issue 11
asks that an alias bomb and deep nesting are refused in under 2 s and 200 MB: each case runs
as its own process, and its wall time and peak resident memory (GNU time) are reported next
to the same measurement on the unbroken data. Writes benchmarks/brudte-rapport.md and prints it.

    python benchmarks/brudte_data.py [--kun bombe,indlejring]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from tests.data.test_brudte import anvend, laes_korpus  # noqa: E402


def maal(data_dir: Path, cwd: Path) -> tuple[int, float, float]:
    """(exit code, seconds, peak MB) of one `check` of `data_dir`, measured by GNU time.

    Not by wait4 from here: a forked child's peak counts this process's memory at the fork."""
    ud = cwd / "time.txt"
    p = subprocess.run(["/usr/bin/time", "-o", str(ud), "-f", "%e %M", sys.executable, "-m", "generator",
                        "--data", str(data_dir), "check", "--kort"], cwd=cwd, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROD)})
    sekunder, kb = ud.read_text().split()[-2:]
    return p.returncode, float(sekunder), int(kb) / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kun", default="", help="kun tilfælde hvis navn indeholder et af disse ord (kommasepareret)")
    args = ap.parse_args()
    ord_ = [o for o in args.kun.split(",") if o]
    tmp = Path(tempfile.mkdtemp())
    raekker = []
    try:
        data = tmp / "data"
        shutil.copytree(ROD / "data", data, ignore=shutil.ignore_patterns("tidligere"))
        raekker.append(("(de rigtige data)", *maal(data, tmp)))
        for brud in laes_korpus():
            if ord_ and not any(o in brud["navn"] for o in ord_):
                continue
            mappe = tmp / brud["navn"]
            shutil.copytree(ROD / "data", mappe / "data", ignore=shutil.ignore_patterns("tidligere"))
            anvend(brud, mappe / "data")
            raekker.append((brud["navn"], *maal(mappe / "data", mappe)))
            shutil.rmtree(mappe)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    linjer = [f"# `check` på ødelagte data — {dt.date.today()}", "",
              f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
              f"{os.cpu_count()} kerner; belastning {os.getloadavg()[0]:.1f}. Hele processen: opstart, indlæsning, "
              "tjek og beskeder.", "",
              "| tilfælde | exit | sekunder | maks. hukommelse (MB) |", "|---|---|---|---|"]
    linjer += [f"| {navn} | {kode} | {s:.2f} | {mb:.0f} |" for navn, kode, s, mb in raekker]
    værst_tid = max(raekker[1:], key=lambda r: r[2], default=None)
    værst_mb = max(raekker[1:], key=lambda r: r[3], default=None)
    if værst_tid and værst_mb:
        linjer += ["", f"Langsomst: {værst_tid[0]} ({værst_tid[2]:.2f} s). Mest hukommelse: {værst_mb[0]} "
                   f"({værst_mb[3]:.0f} MB)."]
    rapport = "\n".join(linjer) + "\n"
    (ROD / "benchmarks" / "brudte-rapport.md").write_text(rapport, encoding="utf-8")
    print(rapport)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
