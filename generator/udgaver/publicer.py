"""Publish the current data as one revision of the site, with mike, on the local gh-pages branch.

``python -m generator publish 2015`` does, in order:

1. reads the MkDocs config and loads + validates its data folder (``extra.katalog_data``);
   the data's ``revision.id`` must be the revision asked for;
2. refuses to publish a revision that is already on the branch (or whose saved data in
   ``<data>/tidligere/<id>/`` differs) unless ``overskriv=True`` (``--overskriv``);
3. writes a journal and then the published data's JSON export to
   ``<data>/tidligere/<id>/katalog.json`` (atomically), so the next revision's "Ændringer"
   page can compare against it — before anything reaches the branch;
4. builds the site and deploys it as ``<id>/`` with ``mike deploy --alias-type=copy``;
5. points the alias ``latest`` — and the site's default, ``mike set-default latest`` — at the
   newest published revision;
6. checks that no other revision's files on the branch changed, and removes the journal.

Everything happens offline in the local repository. Pushing is a separate step
(``git push origin gh-pages``); ``push=True`` makes mike push as well.

Crash safety
    Publishing can be killed at any moment (the whole process group, or only this process
    while mike's child keeps running and commits). The journal in the git directory
    (``.git/kvalitetsstandard-publicering.json``) records what was begun; the next
    ``publish`` (of any revision) finds it and, after waiting for an orphaned mike to end,
    either finishes the revision (mike's commit is on the branch: set the default, verify,
    keep the saved data) or rolls it back (it never reached the branch: the saved data is
    removed, or the earlier copy restored when overwriting) — and says which. A lock
    (flock, released by the kernel when the process dies) keeps two publishers apart.
    The saved data is written before mike runs, so a revision on the branch always has it.

Which revision is "latest"
    The newest by revision id, in the order mike itself sorts versions (verspec's
    LooseVersion: ``2014 < 2015 < 2015-1 < 2016``), not the most recently published.
    Publishing 2013 after 2015 adds 2013 without touching ``latest``, which stays on 2015.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from verspec.loose import LooseVersion

from ..data.eksport import eksport, som_json
from ..tjek.indlaes import EKSPORT_FIL, indlaes_katalog, tidligere_mappe
from . import aendringsliste

ALIAS = "latest"
VERSIONS_JSON = "versions.json"
# Files on the branch that every deploy rewrites (besides the revision's folder and the alias).
FAELLES_FILER = {VERSIONS_JSON, "index.html", ".nojekyll"}

JOURNAL = "kvalitetsstandard-publicering.json"
"""In the git directory: what an unfinished publication began (never committed, never in data/)."""
LAAS = "kvalitetsstandard-publicering.lock"
BACKUP = "kvalitetsstandard-publicering-forrige-katalog.json"
"""The saved data an `--overskriv` replaced, kept until the new publication is finished."""
MIKE_LOG = "kvalitetsstandard-publicering-mike.log"
MAKS_VENTETID = 900
"""Seconds to wait for an orphaned mike from an interrupted publication."""

STOP_VED = "KATALOG_PUBLICER_STOP_VED"
"""Tests only: ``<trin>`` kills this process at that step, ``<trin>:gruppe`` its whole process group."""


class PubliceringsFejl(Exception):
    """Publishing was refused or failed; the message says why and what to do."""


@dataclass
class Publicering:
    revision: str
    branch: str
    latest: str
    versioner: list[str]  # every revision on the branch after publishing, newest first
    data_kopi: Path
    overskrevet: bool = False
    kommandoer: list[list[str]] = field(default_factory=list)


def revisionsnoegle(revision_id: str) -> LooseVersion:
    """Sort key for revision ids, the same order mike uses for its version list."""
    return LooseVersion(revision_id)


def plan(publicerede: list[str], revision: str) -> tuple[str, list[str]]:
    """Which revision `latest` points at after publishing `revision`, and the aliases to deploy it with.

    `latest` is the newest revision id (not the most recently published), so publishing an
    older revision deploys it without aliases and leaves `latest` where it is.
    """
    latest = max(set(publicerede) | {revision}, key=revisionsnoegle)
    return latest, ([ALIAS] if latest == revision else [])


def _testpunkt(trin: str) -> None:
    """Die here if a test asked for it (`STOP_VED`): how the crash tests reach every step."""
    navn, _, hvem = os.environ.get(STOP_VED, "").partition(":")
    if navn == trin:
        if hvem == "gruppe":
            os.killpg(os.getpgrp(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)


# ------------------------------------------------------------------ git and mike


def _git(rod: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    p = subprocess.run(["git", *args], cwd=rod, capture_output=True, text=True)
    if check and p.returncode != 0:
        raise PubliceringsFejl(f"git {' '.join(args)} fejlede: {p.stderr.strip() or p.stdout.strip()}")
    return p


def _ref(rod: Path, branch: str) -> str | None:
    """The commit `branch` points at, or None if it does not exist."""
    p = _git(rod, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}", check=False)
    return p.stdout.strip() or None


def _i(mappe: str, sti: str) -> str:
    """`sti` inside the catalogue's publishing folder on the branch ("" : the branch's root)."""
    return f"{mappe}/{sti}" if mappe else sti


def _trae(branch: str, mappe: str) -> str:
    """The tree the catalogue's editions sit in: the branch, or its folder (``gh-pages:helhedspleje``)."""
    return f"{branch}:{mappe}" if mappe else branch


def udgivelsesmappe(config_path: Path) -> str:
    """The folder on the branch this catalogue's editions go to (mkdocs.yml ``extra.udgivelsesmappe``;
    "" : the branch's root). Several catalogues of one municipality share a site this way, each with
    its own editions, ``latest`` and versions.json, and none touches another's files."""
    mappe = str(load_config(str(config_path))["extra"].get("udgivelsesmappe") or "").strip("/")
    if mappe and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", mappe):
        raise PubliceringsFejl(
            f"extra.udgivelsesmappe i {config_path.name} er {mappe!r}: skriv et mappenavn med små bogstaver, "
            "tal og bindestreg, fx helhedspleje"
        )
    return mappe


def _versioner(rod: Path, branch: str, mappe: str = "") -> list[dict]:
    """mike's versions.json on `branch`, or [] if the branch or the file does not exist yet.

    Only well-formed entries (a version, a title, a list of aliases); `_sikre_versioner` repairs the rest."""
    return _laes_versioner(rod, branch, mappe)[0]


def _laes_versioner(rod: Path, branch: str, mappe: str = "") -> tuple[list[dict], bool]:
    """(the well-formed entries of versions.json on `branch`, was the file whole and well-formed?)"""
    p = _git(rod, "show", f"{branch}:{_i(mappe, VERSIONS_JSON)}", check=False)
    if p.returncode != 0:
        return [], _ref(rod, branch) is None  # no branch yet: nothing to repair
    try:
        liste = json.loads(p.stdout)
    except ValueError:
        return [], False
    if not isinstance(liste, list):
        return [], False
    gode = [
        v
        for v in liste
        if isinstance(v, dict)
        and isinstance(v.get("version"), str)
        and v["version"]
        and isinstance(v.get("title", ""), str)
        and isinstance(v.get("aliases", []), list)
        and all(isinstance(a, str) for a in v.get("aliases", []))
    ]
    return gode, len(gode) == len(liste)


def _udgaver_paa_grenen(rod: Path, branch: str, aliaser: set[str], mappe: str = "") -> list[str]:
    """The editions whose files are on `branch` (in `mappe`): every folder there with an index.html,
    except aliases."""
    trae = _trae(branch, mappe)
    mapper = _git(rod, "ls-tree", "--full-tree", "-d", "--name-only", trae, check=False).stdout.splitlines()
    kandidater = [m for m in mapper if m not in aliaser and m != ALIAS]
    if not kandidater:
        return []
    p = _git(
        rod, "ls-tree", "--full-tree", "--name-only", trae, "--", *(f"{m}/index.html" for m in kandidater), check=False
    )
    udgaver = {linje.split("/", 1)[0] for linje in p.stdout.splitlines()}
    return sorted(udgaver, key=revisionsnoegle, reverse=True)


def _sikre_versioner(rod: Path, branch: str, ud: Callable[[str], None], mappe: str = "") -> list[dict]:
    """versions.json on `branch`, repaired first if it lacks an edition whose files are there.

    mike builds its version list from versions.json alone: an edition dropped from it (the file
    emptied or edited by hand, or broken) would stay on the branch unreachable from the selector,
    and the next deploy would write the list without it for good. So the list is rebuilt from what
    is on the branch — every entry that is still well-formed kept as it is, every missing edition
    added — committed on the branch, and the editor told.
    """
    if _ref(rod, branch) is None:
        return []
    gode, hel = _laes_versioner(rod, branch, mappe)
    aliaser = {a for v in gode for a in v.get("aliases", [])}
    kendte = {v["version"] for v in gode}
    mangler = [u for u in _udgaver_paa_grenen(rod, branch, aliaser, mappe) if u not in kendte]
    if hel and not mangler:
        return gode
    nye = [{"version": u, "title": u, "aliases": []} for u in mangler]
    alle = sorted(gode + nye, key=lambda v: revisionsnoegle(v["version"]), reverse=True)
    latest_mappe = _git(
        rod, "ls-tree", "--full-tree", "--name-only", _trae(branch, mappe), "--", f"{ALIAS}/index.html", check=False
    ).stdout
    if ALIAS not in aliaser and latest_mappe.strip() and alle:
        alle[0] = {**alle[0], "aliases": [*alle[0].get("aliases", []), ALIAS]}
    _skriv_paa_grenen(rod, branch, _i(mappe, VERSIONS_JSON), json.dumps(alle, indent=2), f"Reparér {VERSIONS_JSON}")
    ud(
        f"Bemærk: {VERSIONS_JSON} på grenen {branch} "
        + ("kunne ikke læses helt" if not hel else "manglede " + ", ".join(mangler))
        + f"; versionsvælgeren viser kun de udgaver, der står dér. Listen er genskabt ud fra mapperne på grenen "
        f"({', '.join(v['version'] for v in alle) or 'ingen udgaver'}) og committet som 'Reparér {VERSIONS_JSON}'. "
        f"Ret ikke {VERSIONS_JSON} i hånden; den skrives af publish."
    )
    return alle


def _skriv_paa_grenen(rod: Path, branch: str, sti: str, tekst: str, besked: str) -> None:
    """Commit `tekst` as `sti` on top of `branch` without touching the working tree or the index."""
    foer = _ref(rod, branch)
    blob = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"], cwd=rod, input=tekst, capture_output=True, text=True, check=True
    ).stdout.strip()
    indeks = Path(_git(rod, "rev-parse", "--absolute-git-dir").stdout.strip()) / "kvalitetsstandard-versioner.index"
    env = {**os.environ, "GIT_INDEX_FILE": str(indeks)}
    try:
        for args in (["read-tree", branch], ["update-index", "--add", "--cacheinfo", f"100644,{blob},{sti}"]):
            subprocess.run(["git", *args], cwd=rod, env=env, capture_output=True, check=True)
        trae = subprocess.run(
            ["git", "write-tree"], cwd=rod, env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
    finally:
        with contextlib.suppress(FileNotFoundError):
            indeks.unlink()
    commit = _git(rod, "commit-tree", trae, "-p", branch, "-m", besked).stdout.strip()
    _git(rod, "update-ref", f"refs/heads/{branch}", commit, foer or "")


def _traeet(rod: Path, commit: str | None) -> dict[str, str]:
    """path → blob hash of every file in `commit` (a branch or a hash; {} if None or missing)."""
    if commit is None:
        return {}
    p = _git(rod, "ls-tree", "--full-tree", "-r", commit, check=False)
    if p.returncode != 0:
        return {}
    ud = {}
    for linje in p.stdout.splitlines():
        meta, sti = linje.split("\t", 1)
        ud[sti] = meta.split()[2]
    return ud


def _mike(rod: Path, args: list[str], ud: Callable[[str], None], journal: Journal) -> list[str]:
    """Run mike's command line in `rod` with this interpreter (mike has no ``python -m mike``).

    Its output goes to a log file, not a pipe: if this process is killed, mike (and the MkDocs
    build it runs) can still write, finish, and be waited for by the next `publish`.
    """
    kommando = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())", *args]
    env = os.environ.copy()
    # mike runs `mkdocs build` by name: use the MkDocs of this interpreter's environment.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.pop(STOP_VED, None)
    ud("$ mike " + " ".join(args))
    log = journal.mappe / MIKE_LOG
    with open(log, "w", encoding="utf-8") as logfil:
        p = subprocess.Popen(kommando, cwd=rod, env=env, stdout=logfil, stderr=subprocess.STDOUT, text=True)
        journal.opdater(mike_pid=p.pid)
        _testpunkt(f"under-mike-{args[0]}")
        kode = p.wait()
    journal.opdater(mike_pid=None)
    if kode != 0:
        tekst = log.read_text(encoding="utf-8", errors="replace").strip()
        raise PubliceringsFejl(f"mike {args[0]} fejlede (kode {kode}):\n{tekst[-4000:]}")
    return ["mike", *args]


def _data_dir(config_path: Path) -> Path:
    """The data folder the MkDocs hook builds from: ``extra.katalog_data`` next to the config."""
    cfg = load_config(str(config_path))
    return config_path.parent / cfg["extra"].get("katalog_data", "data")


def _kopi_afviger(udgave: str, maal: Path) -> bool:
    """Does the saved export in `maal` differ from `udgave` (missing counts as differing)?"""
    fil = maal / EKSPORT_FIL
    return not fil.is_file() or fil.read_text(encoding="utf-8") != udgave


def _skriv_atomisk(sti: Path, tekst: str) -> None:
    """Write `tekst` to `sti` so that a crash leaves either the old file or the new, never half."""
    tmp = sti.with_name(f".{sti.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(tekst)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, sti)
    with contextlib.suppress(OSError):
        fd = os.open(sti.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _vist(rod: Path, sti: Path) -> str:
    """A path for messages: relative to the repository when inside it."""
    try:
        return str(sti.relative_to(rod))
    except ValueError:
        return str(sti)


def _sha(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ the journal


class Journal:
    """What an unfinished publication began, in the git directory; written atomically at each step."""

    def __init__(self, mappe: Path):
        self.mappe = mappe
        self.sti = mappe / JOURNAL
        self.data: dict[str, Any] = {}

    def findes(self) -> bool:
        return self.sti.is_file()

    def laes(self) -> dict[str, Any]:
        try:
            self.data = json.loads(self.sti.read_text(encoding="utf-8"))
            self.data["revision"]  # noqa: B018 - a journal without it is not ours
        except (OSError, ValueError, KeyError, TypeError):
            raise PubliceringsFejl(
                f"{self.sti} kan ikke læses. Den skrives af publish; undersøg grenen og "
                f"data/tidligere/, og slet så filen"
            ) from None
        return self.data

    def begynd(self, **data: Any) -> None:
        self.data = {**data, "pid": os.getpid(), "mike_pid": None, "begyndt": time.strftime("%Y-%m-%d %H:%M:%S")}
        _skriv_atomisk(self.sti, json.dumps(self.data, ensure_ascii=False, indent=2))

    def opdater(self, **data: Any) -> None:
        self.data.update(data)
        _skriv_atomisk(self.sti, json.dumps(self.data, ensure_ascii=False, indent=2))

    def slut(self) -> None:
        for navn in (BACKUP, MIKE_LOG, JOURNAL):  # the journal last: until it is gone, the next run checks
            with contextlib.suppress(FileNotFoundError):
                (self.mappe / navn).unlink()


@contextlib.contextmanager
def _laas(git_mappe: Path) -> Iterator[None]:
    """One publisher per repository; the kernel releases the lock when the process dies, however."""
    with open(git_mappe / LAAS, "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PubliceringsFejl(
                "en anden publicering kører allerede i dette repository; vent til den er færdig, og prøv igen"
            ) from None
        yield


def _lever(pid: int | None) -> bool:
    """Is `pid` a running mike (not a zombie, not a reused pid)?"""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    proc = Path(f"/proc/{pid}")
    with contextlib.suppress(OSError):
        if (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
            return False
        return b"mike" in (proc / "cmdline").read_bytes()
    return True


def _vent_paa_mike(journal: Journal, ud: Callable[[str], None]) -> None:
    pid = journal.data.get("mike_pid")
    if not _lever(pid):
        return
    ud(f"mike (pid {pid}) fra den afbrudte publicering kører stadig; venter på, at den bliver færdig …")
    slut = time.monotonic() + MAKS_VENTETID
    while _lever(pid):
        if time.monotonic() > slut:
            raise PubliceringsFejl(
                f"mike (pid {pid}) fra den afbrudte publicering er ikke færdig efter "
                f"{MAKS_VENTETID} sekunder. Stop den (kill {pid}), og kør publish igen."
            )
        time.sleep(0.5)


def _rul_kopien_tilbage(journal: Journal, kopi: Path) -> None:
    """Undo step 3: restore the saved data the publication replaced, or remove what it wrote.

    A folder that cannot even be named (a revision id too long for the file system, from before
    check bounded it) holds nothing to undo: the roll-back never stops on it, so no journal wedges."""
    try:
        _rul_tilbage(journal, kopi)
    except OSError as e:
        if e.errno != errno.ENAMETOOLONG:
            raise


def _rul_tilbage(journal: Journal, kopi: Path) -> None:
    backup = journal.mappe / BACKUP
    if journal.data.get("backup") and backup.is_file():
        kopi.mkdir(parents=True, exist_ok=True)
        _skriv_atomisk(kopi / EKSPORT_FIL, backup.read_text(encoding="utf-8"))
    elif kopi.is_dir():
        with contextlib.suppress(FileNotFoundError):
            (kopi / EKSPORT_FIL).unlink()
    if kopi.is_dir():
        for rest in kopi.glob(f".{EKSPORT_FIL}.tmp-*"):
            rest.unlink()
        with contextlib.suppress(OSError):
            kopi.rmdir()  # only if empty


def _vores_commits(rod: Path, foer: str | None, nu: str, revision: str) -> tuple[bool, bool]:
    """(are all commits since `foer` this publication's?, is mike's deploy among them?)"""
    omraade = f"{foer}..{nu}" if foer else nu
    emner = _git(rod, "log", "--format=%s", omraade).stdout.splitlines()
    vores = {f"Publicér udgave {revision}", f"Standardudgave: {ALIAS}"}
    return all(e in vores for e in emner), f"Publicér udgave {revision}" in emner


def _kontroller(rod: Path, branch: str, foer: str | None, revision: str, roert: set[str], mappe: str = "") -> list[str]:
    """Step 6: nothing but `roert` (and the shared files) in the catalogue's folder `mappe` changed on
    `branch` since commit `foer` — another catalogue's folder on the same site least of all."""
    foer_trae, efter_trae = _traeet(rod, foer), _traeet(rod, branch)

    def vores(sti: str) -> bool:
        if mappe and not sti.startswith(mappe + "/"):
            return False
        rel = sti[len(mappe) + 1 :] if mappe else sti
        return rel.split("/", 1)[0] in roert or rel in FAELLES_FILER

    aendret = sorted(
        sti for sti in set(foer_trae) | set(efter_trae) if foer_trae.get(sti) != efter_trae.get(sti) and not vores(sti)
    )
    if aendret:
        raise PubliceringsFejl(
            f"publiceringen ændrede filer uden for {', '.join(_i(mappe, r) for r in sorted(roert))}/ på {branch}: "
            + ", ".join(aendret[:10])
            + (" …" if len(aendret) > 10 else "")
            + f". Undersøg grenen, før du skubber den (før publiceringen pegede {branch} på "
            f"{foer or 'ingenting'})."
        )
    efter_versioner = [v["version"] for v in _versioner(rod, branch, mappe)]
    if revision not in efter_versioner:
        raise PubliceringsFejl(f"udgave {revision} står ikke i {VERSIONS_JSON} på {branch} efter mike deploy")
    tabt = [u for u in _udgaver_paa_grenen(rod, branch, {ALIAS}, mappe) if u not in efter_versioner]
    if tabt:
        raise PubliceringsFejl(
            f"{', '.join(tabt)} ligger på {branch}, men står ikke i {VERSIONS_JSON} efter mike deploy. "
            f"Kør publish {revision} igen: den genskaber listen ud fra grenen."
        )
    return efter_versioner


def _faelles(config_path: Path, branch: str, remote: str) -> list[str]:
    mappe = udgivelsesmappe(config_path)
    return ["--config-file", str(config_path), "--branch", branch, "--remote", remote] + (
        ["--deploy-prefix", mappe] if mappe else []
    )


def _saet_standard(
    rod: Path, config_path: Path, branch: str, remote: str, push: bool, ud: Callable[[str], None], journal: Journal
) -> list[str]:
    args = ["set-default", *_faelles(config_path, branch, remote), "--message", f"Standardudgave: {ALIAS}", ALIAS]
    return _mike(rod, args + (["--push"] if push else []), ud, journal)


def _genoptag(
    rod: Path, config_path: Path, data_dir: Path, journal: Journal, ud: Callable[[str], None]
) -> Publicering | None:
    """Finish or roll back the publication the journal describes; say what was done.

    Returns the finished publication, or None if it was rolled back.
    """
    j = journal.laes()
    revision, branch = j["revision"], j["branch"]
    kopi = tidligere_mappe(data_dir, revision)
    ud(f"Publiceringen af udgave {revision} (begyndt {j.get('begyndt', '?')}) blev afbrudt og er ikke færdig.")
    _vent_paa_mike(journal, ud)
    for rest in rod.glob("mike-mkdocs*.yml"):  # mike's temporary config, left when mike was killed
        rest.unlink()
    nu = _ref(rod, branch)
    if nu == j["foer"]:
        _rul_kopien_tilbage(journal, kopi)
        journal.slut()
        ud(
            f"Udgave {revision} nåede ikke at komme på grenen {branch}, så intet er publiceret; de gemte data i "
            f"{_vist(rod, kopi)}/ er rullet tilbage{' til den tidligere kopi' if j.get('backup') else ''}. Grenen er uændret."
        )
        return None
    alle_vores, deploy = _vores_commits(rod, j["foer"], nu, revision) if nu else (False, False)
    if not alle_vores or not deploy:
        raise PubliceringsFejl(
            f"grenen {branch} er ændret af andet end publiceringen af udgave {revision}, siden den blev afbrudt, "
            f"så publish kan ikke afgøre, hvad der skal gøres færdigt. Undersøg grenen (git log {branch}); "
            f"før publiceringen pegede den på {j['foer'] or 'ingenting'}. Slet derefter {journal.sti}."
        )
    gemt = kopi / EKSPORT_FIL
    if not gemt.is_file() or _sha(gemt.read_text(encoding="utf-8")) != j["sha256"]:
        raise PubliceringsFejl(
            f"udgave {revision} ligger på grenen {branch}, men {_vist(rod, gemt)} er ikke længere de data, der "
            f"blev publiceret. Gendan filen, og kør publish {revision} igen."
        )
    kommandoer = []
    if j["aliaser"]:
        kommandoer.append(_saet_standard(rod, config_path, branch, j["remote"], j["push"], ud, journal))
    versioner = _kontroller(rod, branch, j["foer"], revision, {revision, *j["aliaser"]}, udgivelsesmappe(config_path))
    journal.slut()
    ud(
        f"mike havde lagt udgave {revision} på grenen {branch}, før publiceringen blev afbrudt. Den er nu gjort "
        f"færdig: {'standardudgaven er sat, ' if j['aliaser'] else ''}ingen andre udgaver er ændret, og de "
        f"publicerede data er gemt i {_vist(rod, gemt)}."
    )
    return Publicering(revision, branch, j["latest"], versioner, kopi, j["overskriv"], kommandoer)


# ------------------------------------------------------------------ publishing


def publicer(
    revision: str,
    config_path: Path | str = "mkdocs.yml",
    *,
    branch: str = "gh-pages",
    push: bool = False,
    overskriv: bool = False,
    remote: str = "origin",
    ud: Callable[[str], None] = print,
) -> Publicering:
    """Publish the data of `config_path`'s catalogue as `revision` on `branch`. See the module doc."""
    config_path = Path(config_path).resolve()
    if not config_path.is_file():
        raise PubliceringsFejl(f"kan ikke finde MkDocs-konfigurationen {config_path}")
    rod = config_path.parent
    data_dir = _data_dir(config_path)

    # 1. Valid data, and the revision asked for.
    katalog = indlaes_katalog(data_dir)  # DataFejl carries every problem
    data_id = katalog.info.revision.id
    if data_id != revision:
        raise PubliceringsFejl(
            f'{data_dir / "katalog.yaml"} har revision.id "{data_id}", men du bad om at publicere '
            f'"{revision}". Ret revision.id i katalog.yaml til "{revision}" (og sæt revision.forrige '
            f'til den forrige udgave), eller publicér "{data_id}".'
        )
    udgave = som_json(eksport(katalog))
    if revision == ALIAS:
        raise PubliceringsFejl(f'"{ALIAS}" er navnet på aliaset for den nyeste udgave og kan ikke bruges som udgave')
    ud(aendringsliste.tekst(katalog) + "\n")  # what the committee approves, before it is published

    p = _git(rod, "rev-parse", "--show-toplevel", check=False)
    if p.returncode != 0:
        raise PubliceringsFejl(f"{rod} er ikke i et git-repository; mike publicerer til en git-gren")
    if _git(rod, "rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0:
        raise PubliceringsFejl("repositoriet har ingen commits endnu; commit data og kode, før du publicerer")
    git_mappe = Path(_git(rod, "rev-parse", "--absolute-git-dir").stdout.strip())

    with _laas(git_mappe):
        journal = Journal(git_mappe)
        if journal.findes():
            faerdig = _genoptag(rod, config_path, data_dir, journal, ud)
            if (
                faerdig is not None
                and faerdig.revision == revision
                and branch == faerdig.branch
                and not _kopi_afviger(udgave, faerdig.data_kopi)
            ):
                _rapport(
                    faerdig,
                    rod,
                    [v for v in faerdig.versioner if v not in (revision, ALIAS)],
                    push=push,
                    remote=remote,
                    ud=ud,
                )
                return faerdig
        return _udgiv(
            revision,
            config_path,
            rod,
            data_dir,
            katalog.info.revision.forrige,
            udgave,
            journal,
            branch=branch,
            push=push,
            overskriv=overskriv,
            remote=remote,
            ud=ud,
        )


def _udgiv(
    revision: str,
    config_path: Path,
    rod: Path,
    data_dir: Path,
    forrige: str | None,
    udgave: str,
    journal: Journal,
    *,
    branch: str,
    push: bool,
    overskriv: bool,
    remote: str,
    ud: Callable[[str], None],
) -> Publicering:
    # 2. Never replace a published revision by accident.
    mappe = udgivelsesmappe(config_path)
    foer_versioner = _sikre_versioner(rod, branch, ud, mappe)
    publicerede = [v["version"] for v in foer_versioner]
    findes = revision in publicerede
    kopi = tidligere_mappe(data_dir, revision)
    try:
        findes_kopi = kopi.exists()
    except OSError as e:  # a name the file system refuses: said before anything is begun
        raise PubliceringsFejl(_ikke_gemt(rod, kopi, e)) from None
    afviger = _kopi_afviger(udgave, kopi) if findes_kopi else False
    if not overskriv:
        if findes:
            raise PubliceringsFejl(
                f"udgave {revision} er allerede publiceret på grenen {branch} (publicerede udgaver: "
                f"{', '.join(publicerede)}). En publiceret udgave ændres ikke, så afgørelser kan læses op mod "
                f"den udgave, der gjaldt. Giv den nye udgave et nyt revision.id i katalog.yaml — eller brug "
                f"--overskriv, hvis du bevidst vil erstatte udgave {revision}."
            )
        if afviger:
            raise PubliceringsFejl(
                f"{kopi}/ findes allerede med andre data end dem, du vil publicere som "
                f"udgave {revision}. Den mappe er en publiceret udgaves data; brug et nyt revision.id — eller "
                f"--overskriv, hvis du bevidst vil erstatte den."
            )
    if forrige and forrige not in publicerede:
        ud(f"Bemærk: den forrige udgave {forrige} (revision.forrige) er ikke publiceret på {branch}.")
    aendret_data = _git(rod, "status", "--porcelain", "--", str(data_dir), check=False).stdout.strip()
    if aendret_data:
        ud(f"Bemærk: {data_dir} har ændringer, der ikke er committet; udgaven bygges af filerne, som de er nu.")

    # 3. The journal, then the saved data — before anything reaches the branch.
    latest, aliaser = plan(publicerede, revision)
    gammel_kopi = kopi / EKSPORT_FIL
    if gammel_kopi.is_file():  # --overskriv: keep the replaced copy until the new one is published
        _skriv_atomisk(journal.mappe / BACKUP, gammel_kopi.read_text(encoding="utf-8"))
    journal.begynd(
        revision=revision,
        branch=branch,
        remote=remote,
        push=push,
        overskriv=findes,
        foer=_ref(rod, branch),
        latest=latest,
        aliaser=aliaser,
        sha256=_sha(udgave),
        backup=gammel_kopi.is_file(),
    )
    _testpunkt("foer-kopi")
    try:
        kopi.mkdir(parents=True, exist_ok=True)
        _skriv_atomisk(gammel_kopi, udgave)
    except OSError as e:  # nothing has reached the branch: undo, and say why
        _rul_kopien_tilbage(journal, kopi)
        journal.slut()
        raise PubliceringsFejl(_ikke_gemt(rod, kopi, e)) from None
    _testpunkt("efter-kopi")

    # 4 + 5. Build and deploy; `latest` follows the newest revision id.
    deploy = [
        "deploy",
        *_faelles(config_path, branch, remote),
        "--alias-type=copy",
        "--message",
        f"Publicér udgave {revision}",
    ]
    deploy += (["--update-aliases"] if aliaser else []) + [revision, *aliaser]
    try:
        kommandoer = [_mike(rod, deploy + (["--push"] if push else []), ud, journal)]
    except PubliceringsFejl as e:
        if _ref(rod, branch) == journal.data["foer"]:  # nothing reached the branch: undo step 3
            _rul_kopien_tilbage(journal, kopi)
            journal.slut()
            raise PubliceringsFejl(
                f"{e}\n\nIntet er publiceret; de gemte data i {_vist(rod, kopi)}/ er rullet tilbage."
            ) from None
        raise PubliceringsFejl(f"{e}\n\nKør publish {revision} igen for at gøre publiceringen færdig.") from None
    _testpunkt("efter-deploy")
    kommandoer.append(_saet_standard(rod, config_path, branch, remote, push, ud, journal))
    _testpunkt("efter-standard")

    # 6. Nothing else on the branch changed; then the publication is finished.
    efter_versioner = _kontroller(rod, branch, journal.data["foer"], revision, {revision, *aliaser}, mappe)
    _testpunkt("foer-afslutning")
    journal.slut()

    resultat = Publicering(revision, branch, latest, efter_versioner, kopi, findes, kommandoer)
    _rapport(
        resultat,
        rod,
        forrige_urørt=[v for v in efter_versioner if v not in {revision, *aliaser}],
        push=push,
        remote=remote,
        ud=ud,
    )
    return resultat


def _ikke_gemt(rod: Path, kopi: Path, e: OSError) -> str:
    return (
        f"udgavens data kunne ikke gemmes i {_vist(rod, kopi)}/ ({e.strerror or e}). Intet er publiceret. "
        "Ret årsagen (fx et for langt revision.id i katalog.yaml), og kør publish igen."
    )


def _rapport(
    r: Publicering, rod: Path, forrige_urørt: list[str], push: bool, remote: str, ud: Callable[[str], None]
) -> None:
    try:
        kopi = r.data_kopi.relative_to(rod)
    except ValueError:
        kopi = r.data_kopi
    ud("")
    ud(
        f"Udgave {r.revision} er {'publiceret igen (overskrevet)' if r.overskrevet else 'publiceret'} "
        f"på den lokale gren {r.branch}:"
    )
    ud(f"  - {r.revision}/ er bygget og lagt på {r.branch}.")
    if r.latest == r.revision:
        ud(f"  - {ALIAS}/ er en kopi af {r.revision} og er webstedets standardudgave.")
    else:
        ud(
            f"  - {ALIAS} peger stadig på {r.latest}, som er nyere end {r.revision}; "
            f"{r.revision} vises som tidligere udgave."
        )
    if forrige_urørt:
        ud(f"  - Uændrede udgaver: {', '.join(forrige_urørt)}.")
    ud(f"  - Udgavens data er gemt i {kopi}/{EKSPORT_FIL}.")
    ud("")
    ud("Næste skridt:")
    ud(f'  1. git add {kopi} && git commit -m "Data for udgave {r.revision}"')
    if push:
        ud(f"  2. Grenen {r.branch} er skubbet til {remote}.")
    else:
        ud(f"  2. git push {remote} {r.branch}    (lægger udgaven online)")
    ud(
        f'  3. Næste udgave: sæt revision.id til den nye udgave og revision.forrige: "{r.revision}" '
        "i katalog.yaml; siden Ændringer sammenligner så med denne udgave."
    )
