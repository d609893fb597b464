"""Drive a real `mkdocs serve` on 127.0.0.1: a free port, its log read line by line with times,
an edit saved to a file, and the served page polled until it shows the edit — or a page open in
Chromium watched until it shows the edit by itself (live reload), as the editor sees it.

Shared by tests/site/test_serve.py (one rebuild per save) and benchmarks/bench.py (save → visible).
Stopped with SIGINT, as Ctrl-C stops it, so MkDocs shuts down its hooks' background work.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


def fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Redigering:
    synlig: float          # save → the served page shows the change (s)
    genindlaest: float     # save → MkDocs tells the browser to reload (s)
    genopbygninger: int    # builds started by this one save


class Serve:
    """A real `mkdocs serve` on 127.0.0.1 for a project copy; its log read line by line with times."""

    def __init__(self, projekt: Path, env: dict[str, str] | None = None):
        self.port = fri_port()
        self.linjer: list[tuple[float, str]] = []
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(projekt / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=projekt, env={**(env or os.environ), "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._laes, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}/"

    def _laes(self) -> None:
        for linje in self.proces.stdout:
            self.linjer.append((time.perf_counter(), linje.rstrip()))

    def vent_paa_log(self, moenster: str, efter: float = 0.0, timeout: float = 300) -> float:
        slut = time.perf_counter() + timeout
        while time.perf_counter() < slut:
            for t, linje in list(self.linjer):
                if t >= efter and moenster in linje:
                    return t
            if self.proces.poll() is not None:
                raise RuntimeError("mkdocs serve stoppede:\n" + self.log())
            time.sleep(0.01)
        raise RuntimeError(f"mkdocs serve: '{moenster}' kom ikke inden {timeout} s:\n" + self.log())

    def hent(self, sti: str) -> str:
        try:
            with urllib.request.urlopen(self.url + sti, timeout=5) as svar:
                return svar.read().decode("utf-8")
        except OSError:
            return ""

    def antal(self, moenster: str, efter: float) -> int:
        return sum(1 for t, linje in list(self.linjer) if t >= efter and moenster in linje)

    def rediger(self, fil: Path, gammel: str, ny: str, side: str, rolig: float = 3.0,
                vises: str | None = None) -> Redigering:
        """Save the edit, poll the page until it shows `vises` (default `ny`), then wait `rolig` s
        for any further rebuild."""
        tekst = fil.read_text(encoding="utf-8")
        assert gammel in tekst, gammel
        # Saved in one step, as editors that write a copy and rename it do: written in place
        # (truncate, then write), serve's poller may see the file twice — once empty — on a
        # loaded machine, and rebuild twice whatever the hook does.
        kopi = fil.parent.parent / f".{fil.name}.gemmes"
        kopi.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")
        gemt = time.perf_counter()
        os.replace(kopi, fil)
        while (vises or ny) not in self.hent(side):
            if time.perf_counter() - gemt > 120:
                raise RuntimeError("ændringen blev ikke synlig inden 120 s:\n" + self.log())
            time.sleep(0.01)
        synlig = time.perf_counter() - gemt
        genindlaest = self.vent_paa_log("Reloading browsers", efter=gemt) - gemt
        time.sleep(rolig)
        return Redigering(synlig, genindlaest, self.antal("Building documentation", efter=gemt))

    def rediger_i_browser(self, page, fil: Path, gammel: str, ny: str, rolig: float = 3.0) -> Redigering:
        """Save the edit with `page` (Playwright) open on a served page, and wait until the open page
        shows `ny` by itself (MkDocs' live reload; never page.reload()). What the editor sees."""
        tekst = fil.read_text(encoding="utf-8")
        assert gammel in tekst, gammel
        kopi = fil.parent.parent / f".{fil.name}.gemmes"
        kopi.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")
        gemt = time.perf_counter()
        os.replace(kopi, fil)
        page.wait_for_function(f"() => document.body && document.body.innerText.includes({ny!r})",
                               timeout=120_000, polling=20)
        synlig = time.perf_counter() - gemt
        genindlaest = self.vent_paa_log("Reloading browsers", efter=gemt) - gemt
        time.sleep(rolig)
        return Redigering(synlig, genindlaest, self.antal("Building documentation", efter=gemt))

    def log(self, antal: int = 30) -> str:
        return "\n".join(linje for _, linje in self.linjer[-antal:])

    def stop(self) -> int:
        """Ctrl-C, as an editor stops it; returns the exit code."""
        self.proces.send_signal(signal.SIGINT)
        try:
            return self.proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            return self.proces.wait()
