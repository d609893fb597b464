"""The PDF is bounded in time and memory (issue 18): beyond a bound it stops with a message.

Each case runs in a process of its own, as the PDF does (the memory bound stays on the process).
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ..support import ROD


def _koer(kode: str) -> subprocess.CompletedProcess:
    program = (
        "import sys, time\n"
        "from generator.problemer import DataFejl\n"
        "from generator.site import pdf\n"
        f"{kode}\n"
        "try:\n"
        "    pdf.afgraenset(arbejde)\n"
        "except DataFejl as e:\n"
        "    print(*e.problemer, sep='\\n', file=sys.stderr); sys.exit(1)\n"
    )
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROD)})


@pytest.mark.parametrize("kode, besked", [
    ("pdf.MAKS_SEKUNDER = 1\narbejde = lambda: time.sleep(30)",
     "PDF'en blev ikke færdig inden for 0 minutter og er stoppet"),
    ("pdf.MAKS_HUKOMMELSE = 300 << 20\narbejde = lambda: bytearray(2 << 30)",
     "PDF'en brugte mere end 0 GB hukommelse og er stoppet"),
])
def test_a_render_beyond_a_bound_stops_with_a_message(kode, besked):
    r = _koer(kode)
    assert r.returncode == 1, r.stderr
    assert besked in r.stderr and "del det op i flere kataloger" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_render_within_the_bounds_returns_its_result():
    r = _koer("arbejde = lambda: print('gjort') or True")
    assert r.returncode == 0 and r.stdout.strip() == "gjort", r.stderr
