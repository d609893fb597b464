"""Benchmark: legal-citation checking and linking against the size of the text.

The editor's prose is checked for citations on every `check`, `build` and `serve`; a
check that grows with the square of the text turns a long decision paper into minutes.
This measures `tjek_citater` and `link_citater` (generator/tjek/citater.py) on texts of
37.5-300 KB made of citations in the catalogue's own forms, beside text of the same size
without any, and the whole load-and-check step with 300 KB of citations in one field.

Speed is reported here, never asserted in a test (tests/tjek/test_citater.py checks
linearity structurally, by counting the lines the checker executes).

    python benchmarks/citater.py            # writes benchmarks/rapport-citater-<date>.md (git-ignored)
"""
from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from generator.problemer import DataFejl  # noqa: E402
from generator.tjek import citater  # noqa: E402
from generator.tjek.indlaes import indlaes_katalog  # noqa: E402

# One paragraph in the forms the catalogue uses, plus the two that used to cost the most:
# a law's name with a number but no § (a warning) and an existing Markdown link.
CITATER = ("Hjælpen gives efter servicelovens § 83, stk. 2, og §§ 91 og 94 samt § 138 i sundhedsloven. "
           "Se Lov om Social Service 151 og [kommunens side](https://www.varde.dk) om § 86. ")
UDEN = "Hjælpen gives efter en individuel vurdering af behovet, og kommunen følger op på den. " * 2
STOERRELSER = (37_500, 75_000, 150_000, 300_000)


def tekst(enhed: str, n: int) -> str:
    return (enhed * (n // len(enhed) + 1))[:n]


def tid(f, gentag: int = 3) -> float:
    tider = []
    for _ in range(gentag):
        t = time.perf_counter()
        f()
        tider.append(time.perf_counter() - t)
    return statistics.median(tider)


def check_med(felt_tekst: str) -> float:
    """The whole load-and-check step with `felt_tekst` as one intervention's summary."""
    tmp = Path(tempfile.mkdtemp())
    try:
        data = tmp / "data"
        shutil.copytree(ROD / "data", data)
        fil = data / "indsatser.yaml"
        gammel = "kort_fortalt: Hjælp til rengøring af dit hjem, når du ikke selv kan klare det."
        fil.write_text(fil.read_text(encoding="utf-8").replace(gammel, f'kort_fortalt: "{felt_tekst}"'),
                       encoding="utf-8")

        def koer():
            try:
                indlaes_katalog(data)
            except DataFejl:
                pass
        return tid(koer, 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    love = indlaes_katalog(ROD / "data").love
    linjer = [f"# Lovhenvisninger: tid mod tekstens størrelse ({dt.date.today().isoformat()})", "",
              f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}. "
              "Median af 3 kørsler.", "",
              "| Tekst | tjek_citater (s) | link_citater (s) | uden henvisninger: tjek (s) |", "|---:|---:|---:|---:|"]
    for n in STOERRELSER:
        med, uden = tekst(CITATER, n), tekst(UDEN, n)
        linjer.append(f"| {n // 1000:g} KB | {tid(lambda: citater.tjek_citater(med, 'serviceloven', love)):.3f} "
                      f"| {tid(lambda: citater.link_citater(med, 'serviceloven', love)):.3f} "
                      f"| {tid(lambda: citater.tjek_citater(uden, 'serviceloven', love)):.3f} |")
    linjer += ["", "Hele `check` (indlæs + validér + krydstjek) med 300 KB i ét felt:", "",
               "| Feltets tekst | check (s) |", "|---|---:|",
               f"| 300 KB henvisninger | {check_med(tekst(CITATER, 300_000)):.2f} |",
               f"| 300 KB uden henvisninger | {check_med(tekst(UDEN, 300_000)):.2f} |"]
    rapport = "\n".join(linjer) + "\n"
    ud = ROD / "benchmarks" / f"rapport-citater-{dt.date.today().isoformat()}.md"
    ud.write_text(rapport, encoding="utf-8")
    print(rapport)
    print(f"skrevet: {ud.relative_to(ROD)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
