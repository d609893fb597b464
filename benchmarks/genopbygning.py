"""Benchmark: serve's rebuild after a save, in one process as `mkdocs serve` runs it.

A copy of the real data and project; one build, then N saves to data/indsatser.yaml, each
followed by a build as serve makes it (on_startup "serve", a site_url, a new config per build,
the conversions kept from the build before: generator/site/omsatte.py). Prints the median wall
and CPU time per rebuild, with the load: on a shared machine the CPU time is the figure that
compares two checkouts (wall time there is mostly waiting for a core).

    python benchmarks/genopbygning.py [--rod ../anden-checkout] [--gange 5]
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("--rod", type=Path, default=Path(__file__).resolve().parent.parent)
ap.add_argument("--gange", type=int, default=5)
args = ap.parse_args()
rod = args.rod.resolve()
sys.path.insert(0, str(rod))
os.environ["NO_MKDOCS_2_WARNING"] = "1"

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

support = importlib.import_module("tests.support")
logging.disable(logging.WARNING)

tmp = Path(tempfile.mkdtemp(prefix="genopbygning-"))
try:
    shutil.copytree(support.DATA, tmp / "data")
    support.kopier_projekt(tmp / "projekt", tmp / "data", serve=True)
    support.pdf_som_aktuel(tmp / "projekt" / "content", tmp / "data")
    site = tmp / "site"

    def byg() -> tuple[float, float]:
        c = load_config(config_file=str(tmp / "projekt" / "mkdocs.yml"), site_dir=str(site))
        c.plugins.on_startup(command="serve", dirty=False)
        c.site_url = "http://127.0.0.1:8000/"
        vaeg, cpu = time.perf_counter(), time.process_time()
        build(c, serve_url=c.site_url, dirty=False)
        return time.perf_counter() - vaeg, time.process_time() - cpu

    byg()
    fil, maalinger = tmp / "data" / "indsatser.yaml", []
    for _ in range(args.gange):
        fil.write_text(fil.read_text(encoding="utf-8").replace("Hjælp til rengøring", "Hjælp til rengøring!", 1),
                       encoding="utf-8")
        maalinger.append(byg())
    print(f"{rod.name}: genopbygning median {statistics.median(v for v, _ in maalinger):.2f} s, "
          f"CPU median {statistics.median(c for _, c in maalinger):.2f} s ({args.gange} gemninger; "
          f"belastning {' '.join(f'{x:.1f}' for x in os.getloadavg())})")
    importlib.import_module("generator.site.baggrund").stop_alle()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
