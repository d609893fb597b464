"""Work that runs beside MkDocs' build, in processes of its own: the committee PDF and the search index.

`mkdocs serve` should show an edited page within a couple of seconds; rendering the PDF
takes seconds and Pagefind a few tenths. So in serve both start after the pages are built,
at low priority (the editor's next rebuild comes first), and a newer edit cancels work
started for an older one. `mkdocs build` starts a stale PDF before it builds the pages and
waits for it at the end, so on two cores the PDF no longer adds the pages' build time.

MkDocs executes the hook file anew on every rebuild in serve: what must outlive one
rebuild (the running jobs, whether this is serve) lives here.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.kvalitetsstandard")

serve = False
"""True in `mkdocs serve` (set by the hook's on_startup); False in build, gh-deploy and mike."""

GENERATOR_ROD = Path(__file__).resolve().parents[2]  # so a job imports this checkout's generator


@dataclass
class Job:
    navn: str
    noegle: str
    """What the job was started for (the PDF's fingerprint): the same work is not started twice."""
    proces: subprocess.Popen
    efter: Callable[[], None] | None = None
    """Run in the job's thread when it succeeded (in serve: put the new PDF in the served site)."""
    start: float = field(default_factory=time.perf_counter)
    udskrift: str = ""
    stoppet: bool = False
    _traad: threading.Thread | None = None

    @property
    def koerer(self) -> bool:
        return self.proces.poll() is None

    @property
    def lykkedes(self) -> bool:
        return not self.stoppet and self.proces.returncode == 0


_AFBRUDT = (-signal.SIGINT, -signal.SIGTERM)
"""Exit codes of a job ended by Ctrl-C or a stop, not by its own error."""

afbrudt = threading.Event()
"""Set when Ctrl-C reached MkDocs (`lyt_efter_ctrl_c`). Ctrl-C reaches the whole process group: a
job that dies with it is not broken, even when it exits 1 (a Python job interrupted while it
starts prints "Fatal Python error: init_import_site" and a traceback)."""


def lyt_efter_ctrl_c() -> None:
    """Note Ctrl-C before MkDocs handles it (from the hook's on_startup, in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set a signal handler (MkDocs runs hooks there)
    forrige = signal.getsignal(signal.SIGINT)

    def haandter(signum: int, frame: types.FrameType | None) -> None:
        afbrudt.set()
        if callable(forrige):
            forrige(signum, frame)
        else:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, haandter)


_jobs: dict[str, Job] = {}
_laas = threading.Lock()


_NICE = shutil.which("nice")  # coreutils; without it the job simply runs at normal priority


def start(
    navn: str,
    kommando: list[str],
    noegle: str = "",
    efter: Callable[[], None] | None = None,
    lav_prioritet: bool = False,
) -> Job:
    """Start `kommando` as job `navn`; a running job of that name is stopped first, unless it has the same key."""
    with _laas:
        gammel = _jobs.get(navn)
        if gammel and gammel.koerer and noegle and gammel.noegle == noegle:
            return gammel
    stop(navn)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(GENERATOR_ROD), os.environ.get("PYTHONPATH")])),
    }
    if lav_prioritet and _NICE:
        kommando = [_NICE, "-n", "10", *kommando]
    proces = subprocess.Popen(kommando, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    job = Job(navn, noegle, proces, efter)
    job._traad = threading.Thread(target=_foelg, args=(job,), name=f"baggrund-{navn}", daemon=True)
    with _laas:
        _jobs[navn] = job
    job._traad.start()
    return job


def _foelg(job: Job) -> None:
    job.udskrift, _ = job.proces.communicate()
    if job.stoppet:
        return
    # Interrupted with MkDocs, not broken (a job may die a moment before MkDocs sees the Ctrl-C).
    if job.proces.returncode in _AFBRUDT or (job.proces.returncode != 0 and afbrudt.wait(0.5)):
        log.debug("%s afbrudt (kode %s)", job.navn, job.proces.returncode)
        return
    if job.proces.returncode != 0:
        log.error("%s fejlede (kode %s):\n%s", job.navn, job.proces.returncode, job.udskrift.strip())
        return
    if job.efter:
        try:
            job.efter()
        except OSError as e:  # the served site was rebuilt meanwhile: the next build has the file
            log.info("%s: %s", job.navn, e)
    log.info("%s færdig på %.1f s", job.navn, time.perf_counter() - job.start)


def vent(navn: str) -> Job | None:
    """Wait for job `navn` (and its `efter`); None if there is none."""
    job = _jobs.get(navn)
    if job and job._traad:
        job._traad.join()
    return job


def stop(navn: str) -> None:
    """Stop job `navn` if it runs; its output and `efter` are dropped."""
    with _laas:
        job = _jobs.pop(navn, None)
    if job and job.koerer:
        job.stoppet = True
        job.proces.terminate()
        try:
            job.proces.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a process that ignores SIGTERM
            job.proces.kill()
    if job and job._traad:
        job._traad.join()


def stop_alle() -> None:
    for navn in list(_jobs):
        stop(navn)


def python(*args: str) -> list[str]:
    """A command line running this interpreter."""
    return [sys.executable, *args]
