"""Background jobs and Ctrl-C (issue 19): an interrupted index build leaves no error dump."""
from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time

import pagefind_bin
import pytest

from generator.site import baggrund


def test_a_job_interrupted_by_ctrl_c_is_not_reported_as_an_error(caplog, tmp_path):
    """Ctrl-C reaches MkDocs' whole process group: Pagefind died with -2 and its output was logged."""
    caplog.set_level(logging.DEBUG, logger="mkdocs.hooks.kvalitetsstandard")
    klar = tmp_path / "klar"
    job = baggrund.start("proeve", [sys.executable, "-c", "import pathlib, sys, time; print('mange linjer'); "
                                    "pathlib.Path(sys.argv[1]).touch(); time.sleep(60)", str(klar)])
    try:
        slut = time.monotonic() + 60
        while not klar.exists() and time.monotonic() < slut:  # running (the case below: while it starts)
            time.sleep(0.01)
        os.kill(job.proces.pid, signal.SIGINT)
        baggrund.vent("proeve")
    finally:
        baggrund.stop("proeve")
    assert job.proces.returncode == -signal.SIGINT
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


def test_a_job_that_dies_of_the_same_ctrl_c_while_it_starts_is_not_an_error(caplog):
    """Interrupted while Python starts, a job exits 1 with "Fatal Python error" and a traceback."""
    caplog.set_level(logging.DEBUG, logger="mkdocs.hooks.kvalitetsstandard")
    baggrund.afbrudt.set()  # what the hook's SIGINT handler notes (baggrund.lyt_efter_ctrl_c)
    try:
        job = baggrund.start("proeve", [sys.executable, "-c", "import sys; print('Fatal Python error'); sys.exit(1)"])
        baggrund.vent("proeve")
        baggrund.stop("proeve")
    finally:
        baggrund.afbrudt.clear()
    assert job.proces.returncode == 1
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


def test_the_hook_notes_ctrl_c_and_mkdocs_still_gets_it():
    forrige = signal.getsignal(signal.SIGINT)
    try:
        baggrund.lyt_efter_ctrl_c()
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
        assert baggrund.afbrudt.is_set()
    finally:
        signal.signal(signal.SIGINT, forrige)
        baggrund.afbrudt.clear()


def test_a_job_that_fails_by_itself_is_still_reported(caplog):
    job = baggrund.start("proeve", [sys.executable, "-c", "import sys; print('gik galt'); sys.exit(3)"])
    baggrund.vent("proeve")
    baggrund.stop("proeve")
    assert job.proces.returncode == 3
    assert any(r.levelno == logging.ERROR and "gik galt" in r.getMessage() for r in caplog.records), caplog.text


def test_pagefind_indexes_the_built_site_without_a_warning(bygget, tmp_path):
    """The 203 lines "data-pagefind-ignore value … is not valid" came with every index build."""
    site = shutil.copytree(bygget, tmp_path / "site", ignore=shutil.ignore_patterns("pagefind", "*.pdf"))
    r = subprocess.run([pagefind_bin.get_executable(), "--site", str(site), "--quiet",
                        "--exclude-selectors", ".headerlink"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "not valid" not in r.stdout + r.stderr, (r.stdout + r.stderr)[:1000]
