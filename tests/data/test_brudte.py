"""`python -m generator check` on every broken input in tests/data/brudte.yaml.

For each case: exit 1, at least one located message for the broken file
(``file:line: …``), the case's own expected message, no traceback, no internal
type names and no English from the libraries underneath. The cases are read when
pytest collects this module (pytest_generate_tests), not at import time.
"""
from __future__ import annotations

import os
import resource
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from ..support import DATA, ROD

# One real `check` process per case (exit code, memory limit, no traceback): skip with -m "not slow".
pytestmark = pytest.mark.slow

KORPUS = Path(__file__).with_name("brudte.yaml")

# Names and phrases that mean a library's internals reached the editor.
INTERNE = ["Traceback", "ScalarFloat", "ScalarInt", "ScalarBoolean", "TaggedScalar", "Commented",
           "ruamel", "pydantic", "-: -:", "Value error", "Input should", "Field required",
           "RecursionError", "MemoryError", "Error:", "Exception"]
ENGELSK = re.compile(r"\b(while|found|expected|could not|cannot|but found|not allowed|unacceptable|"
                     r"character|mapping|sequence|scalar|undefined|stream|document)\b")
STYRETEGN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
GENTAG = re.compile(r"«(.*?)\*(\d+)»", re.S)


def udfold(tekst: str) -> str:
    """«x*N» → x repeated N times."""
    return GENTAG.sub(lambda m: m.group(1) * int(m.group(2)), tekst)


def laes_korpus() -> list[dict]:
    return YAML(typ="safe", pure=True).load(KORPUS.read_text(encoding="utf-8"))


def pytest_generate_tests(metafunc):
    if "brud" in metafunc.fixturenames:
        tilfaelde = laes_korpus()
        metafunc.parametrize("brud", tilfaelde, ids=[t["navn"] for t in tilfaelde])


def skriv(sti: Path, tekst: str, kodning: str | None) -> None:
    if kodning == "surrogateescape":
        sti.write_bytes(tekst.encode("utf-8", "surrogateescape"))
    elif kodning:
        sti.write_bytes(tekst.encode(kodning, "replace"))
    else:
        sti.write_text(tekst, encoding="utf-8")


def anvend(brud: dict, data_dir: Path) -> int:
    """Break the copy of data/ in `data_dir` as the case says; returns the first changed line."""
    fil = data_dir / brud["fil"]
    linje = 1
    if brud.get("slet"):
        fil.unlink()
    elif "symlink" in brud:  # the file becomes a symbolic link to this target ("{data}" = the copy's folder)
        fil.unlink()
        fil.symlink_to(brud["symlink"].replace("{data}", str(data_dir)))
    elif brud.get("fifo"):  # the file becomes a named pipe nobody writes to
        fil.unlink()
        os.mkfifo(fil)
    elif "hele" in brud:
        skriv(fil, udfold(brud["hele"]), brud.get("kodning"))
    else:
        tekst = fil.read_text(encoding="utf-8")
        assert brud["gammel"] in tekst, f"{brud['navn']}: {brud['gammel']!r} findes ikke i {fil.name}"
        linje = tekst[: tekst.index(brud["gammel"])].count("\n") + 1
        skriv(fil, tekst.replace(brud["gammel"], udfold(brud["ny"]), 1), brud.get("kodning"))
    if "ny_fil" in brud:
        ekstra = data_dir / brud["ny_fil"]["sti"]
        ekstra.parent.mkdir(parents=True, exist_ok=True)
        skriv(ekstra, brud["ny_fil"]["tekst"], brud["ny_fil"].get("kodning"))
    if "ekstra_erstat" in brud:
        e = brud["ekstra_erstat"]
        anden = data_dir / e["fil"]
        tekst = anden.read_text(encoding="utf-8")
        assert e["gammel"] in tekst, f"{brud['navn']}: {e['gammel']!r} findes ikke i {anden.name}"
        anden.write_text(tekst.replace(e["gammel"], udfold(e["ny"]), 1), encoding="utf-8")
    if "symlink_ekstra" in brud:
        ekstra = data_dir / brud["symlink_ekstra"]["sti"]
        ekstra.parent.mkdir(parents=True, exist_ok=True)
        ekstra.symlink_to(brud["symlink_ekstra"]["maal"])
    return linje


def _hoejst_2_gb() -> None:
    # A regression (an alias bomb expanding again) must fail this test, not exhaust the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_korpus_er_stort_nok_og_navnene_unikke():
    navne = [t["navn"] for t in laes_korpus()]
    assert len(navne) >= 60
    assert len(navne) == len(set(navne))


def _check(brud: dict, mappe: Path) -> tuple[subprocess.CompletedProcess, int] | AssertionError:
    """Break a copy of the data as `brud` says and check it: (the run, the first changed line)."""
    data_dir = mappe / "data"
    shutil.copytree(DATA, data_dir, ignore=shutil.ignore_patterns("tidligere"))
    try:
        linje = anvend(brud, data_dir)
    except AssertionError as e:  # the data moved on: this case fails, not every case
        return e
    r = subprocess.run([sys.executable, "-m", "generator", "--data", str(data_dir), "check", "--kort"],
                       capture_output=True, text=True, errors="replace", cwd=mappe, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(ROD)}, preexec_fn=_hoejst_2_gb)
    return r, linje


@pytest.fixture(scope="module")
def resultater(request, tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, int] | AssertionError]:
    """Every selected case checked once, a few at a time (each is its own `python -m generator check`)."""
    valgte = [item.callspec.params["brud"] for item in request.session.items
              if item.module is request.module and "brud" in getattr(getattr(item, "callspec", None), "params", {})]
    rod = tmp_path_factory.mktemp("brudte")
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pulje:
        svar = {b["navn"]: pulje.submit(_check, b, rod / f"{i:03d}") for i, b in enumerate(valgte)}
        return {navn: f.result() for navn, f in svar.items()}


def test_brudt_data_giver_en_placeret_dansk_besked(brud, resultater):
    svar = resultater[brud["navn"]]
    if isinstance(svar, AssertionError):
        raise svar
    r, foerste_linje = svar
    ud = r.stdout + r.stderr
    assert r.returncode == 1, f"exit {r.returncode}:\n{ud[-3000:]}"
    # The terminal gets text: no control character from the data (an escape sequence) reaches it raw.
    raa = re.search(STYRETEGN, ud)
    assert raa is None, f"styretegn {raa.group(0)!r} i udskriften:\n{ud[-3000:]!r}"
    for ord_ in INTERNE:
        assert ord_ not in ud, f"{ord_!r} i beskeden:\n{ud[-3000:]}"
    beskeder = [linje for linje in r.stderr.splitlines() if re.match(r"\S+:\d+: ", linje)]
    fil = re.escape(brud["fil"])
    egne = [b for b in beskeder if re.match(rf"(\S*/)?{fil}:\d+: ", b)]
    if brud.get("slet") or "symlink" in brud or brud.get("fifo"):  # no line to point at in a file not read
        egne = [b for b in r.stderr.splitlines() if re.match(rf"(\S*/)?{fil}: ", b)]
    assert egne, f"ingen placeret besked for {brud['fil']}:\n{r.stderr[-3000:]}"
    for b in egne:
        uden_citat = re.sub(r"'[^']*'|\"[^\"]*\"|«[^»]*»", "", b)
        assert not ENGELSK.search(uden_citat), f"engelsk i beskeden: {b}"
    if "forventet" in brud:
        fundne = [b for b in egne if re.search(brud["forventet"], b)]
        assert fundne, f"forventede /{brud['forventet']}/ i:\n{r.stderr[-3000:]}"
        if "linje" in brud:
            linje = foerste_linje + brud["linje"]
            assert any(re.match(rf"(\S*/)?{fil}:{linje}: ", b) for b in fundne), f"ikke linje {linje}: {fundne}"
