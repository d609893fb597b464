"""The search's query understanding (overrides/assets/javascripts/soegeforstaaelse.js), unit-tested
with node's built-in test runner (tests/js/); this runs them inside `make test`."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from generator.data.schema import ASPEKT_ORD

from ..support import ROD


def test_query_understanding_unit_tests_pass_in_node():
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        if os.environ.get("CI"):
            pytest.fail("node mangler: apt-get install nodejs")
        pytest.skip("node mangler: apt-get install nodejs")
    r = subprocess.run([node, "--test", "tests/js/"], cwd=ROD, capture_output=True, text=True, timeout=120)
    linjer = [l for l in r.stdout.splitlines() if l.startswith(("# pass", "# fail", "not ok"))]
    print("\n" + "\n".join(linjer))
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]
    assert "# pass 0" not in r.stdout, "node fandt ingen tests"


def test_search_results_label_facts_as_the_pages_do():
    """soegning.js writes the labels of the facts it shows; they are the summary box's and the finder's."""
    js = (ROD / "overrides" / "assets" / "javascripts" / "soegning.js").read_text(encoding="utf-8")
    for noegle in ("hyppighed", "sagsbehandlingsfrist"):
        assert f'["{ASPEKT_ORD[noegle][1]}", m.{noegle}]' in js, noegle
