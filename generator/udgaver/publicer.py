"""Publish the current data as one revision of the site, with mike, on the local gh-pages branch.

``python -m generator publish 2015`` does, in order:

1. reads the MkDocs config and loads + validates its data folder (``extra.katalog_data``);
   the data's ``revision.id`` must be the revision asked for;
2. refuses to publish a revision that is already on the branch (or whose saved data in
   ``<data>/tidligere/<id>/`` differs) unless ``overskriv=True`` (``--overskriv``);
3. builds the site and deploys it as ``<id>/`` with ``mike deploy --alias-type=copy``;
4. points the alias ``latest`` — and the site's default, ``mike set-default latest`` — at the
   newest published revision;
5. checks that no other revision's files on the branch changed;
6. saves the published data's JSON export in ``<data>/tidligere/<id>/katalog.json``, so the next
   revision's "Ændringer" page can compare against it without re-validating a frozen revision.

Everything happens offline in the local repository. Pushing is a separate step
(``git push origin gh-pages``); ``push=True`` makes mike push as well.

Which revision is "latest"
    The newest by revision id, in the order mike itself sorts versions (verspec's
    LooseVersion: ``2014 < 2015 < 2015-1 < 2016``), not the most recently published.
    Publishing 2013 after 2015 adds 2013 without touching ``latest``, which stays on 2015.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.config import load_config
from verspec.loose import LooseVersion

from ..data.eksport import eksport, som_json
from ..tjek.indlaes import EKSPORT_FIL, indlaes_katalog, tidligere_mappe

ALIAS = "latest"
VERSIONS_JSON = "versions.json"
# Files on the branch that every deploy rewrites (besides the revision's folder and the alias).
FAELLES_FILER = {VERSIONS_JSON, "index.html", ".nojekyll"}


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


# ------------------------------------------------------------------ git and mike

def _git(rod: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    p = subprocess.run(["git", *args], cwd=rod, capture_output=True, text=True)
    if check and p.returncode != 0:
        raise PubliceringsFejl(f"git {' '.join(args)} fejlede: {p.stderr.strip() or p.stdout.strip()}")
    return p


def _versioner(rod: Path, branch: str) -> list[dict]:
    """mike's versions.json on `branch`, or [] if the branch or the file does not exist yet."""
    p = _git(rod, "show", f"{branch}:{VERSIONS_JSON}", check=False)
    if p.returncode != 0:
        return []
    return json.loads(p.stdout)


def _traeet(rod: Path, branch: str) -> dict[str, str]:
    """path → blob hash of every file on `branch` ({} if the branch does not exist)."""
    p = _git(rod, "ls-tree", "-r", branch, check=False)
    if p.returncode != 0:
        return {}
    ud = {}
    for linje in p.stdout.splitlines():
        meta, sti = linje.split("\t", 1)
        ud[sti] = meta.split()[2]
    return ud


def _mike(rod: Path, args: list[str], ud: Callable[[str], None]) -> list[str]:
    """Run mike's command line in `rod` with this interpreter (mike has no ``python -m mike``)."""
    kommando = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())", *args]
    env = os.environ.copy()
    # mike runs `mkdocs build` by name: use the MkDocs of this interpreter's environment.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    ud("$ mike " + " ".join(args))
    p = subprocess.run(kommando, cwd=rod, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        raise PubliceringsFejl(f"mike {args[0]} fejlede (kode {p.returncode}):\n{(p.stderr or p.stdout).strip()}")
    return ["mike", *args]


def _data_dir(config_path: Path) -> Path:
    """The data folder the MkDocs hook builds from: ``extra.katalog_data`` next to the config."""
    cfg = load_config(str(config_path))
    return config_path.parent / cfg["extra"].get("katalog_data", "data")


def _kopi_afviger(udgave: str, maal: Path) -> bool:
    """Does the saved export in `maal` differ from `udgave` (missing counts as differing)?"""
    fil = maal / EKSPORT_FIL
    return not fil.is_file() or fil.read_text(encoding="utf-8") != udgave


# ------------------------------------------------------------------ publishing

def publicer(revision: str, config_path: Path | str = "mkdocs.yml", *, branch: str = "gh-pages",
             push: bool = False, overskriv: bool = False, remote: str = "origin",
             ud: Callable[[str], None] = print) -> Publicering:
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
            f"{data_dir / 'katalog.yaml'} har revision.id \"{data_id}\", men du bad om at publicere "
            f"\"{revision}\". Ret revision.id i katalog.yaml til \"{revision}\" (og sæt revision.forrige "
            f"til den forrige udgave), eller publicér \"{data_id}\".")
    udgave = som_json(eksport(katalog))
    if revision == ALIAS:
        raise PubliceringsFejl(f"\"{ALIAS}\" er navnet på aliaset for den nyeste udgave og kan ikke bruges som udgave")

    # 2. Never replace a published revision by accident.
    p = _git(rod, "rev-parse", "--show-toplevel", check=False)
    if p.returncode != 0:
        raise PubliceringsFejl(f"{rod} er ikke i et git-repository; mike publicerer til en git-gren")
    if _git(rod, "rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0:
        raise PubliceringsFejl("repositoriet har ingen commits endnu; commit data og kode, før du publicerer")
    foer_versioner = _versioner(rod, branch)
    publicerede = [v["version"] for v in foer_versioner]
    findes = revision in publicerede
    kopi = tidligere_mappe(data_dir, revision)
    afviger = _kopi_afviger(udgave, kopi) if kopi.exists() else False
    if not overskriv:
        if findes:
            raise PubliceringsFejl(
                f"udgave {revision} er allerede publiceret på grenen {branch} (publicerede udgaver: "
                f"{', '.join(publicerede)}). En publiceret udgave ændres ikke, så afgørelser kan læses op mod "
                f"den udgave, der gjaldt. Giv den nye udgave et nyt revision.id i katalog.yaml — eller brug "
                f"--overskriv, hvis du bevidst vil erstatte udgave {revision}.")
        if afviger:
            raise PubliceringsFejl(
                f"{kopi}/ findes allerede med andre data end dem, du vil publicere som "
                f"udgave {revision}. Den mappe er en publiceret udgaves data; brug et nyt revision.id — eller "
                f"--overskriv, hvis du bevidst vil erstatte den.")
    forrige = katalog.info.revision.forrige
    if forrige and forrige not in publicerede:
        ud(f"Bemærk: den forrige udgave {forrige} (revision.forrige) er ikke publiceret på {branch}.")
    aendret_data = _git(rod, "status", "--porcelain", "--", str(data_dir), check=False).stdout.strip()
    if aendret_data:
        ud(f"Bemærk: {data_dir} har ændringer, der ikke er committet; udgaven bygges af filerne, som de er nu.")

    # 3 + 4. Build and deploy; `latest` follows the newest revision id.
    latest, aliaser = plan(publicerede, revision)
    foer_trae = _traeet(rod, branch)
    faelles = ["--config-file", str(config_path), "--branch", branch, "--remote", remote]
    deploy = ["deploy", *faelles, "--alias-type=copy", "--message", f"Publicér udgave {revision}"]
    deploy += (["--update-aliases"] if aliaser else []) + [revision, *aliaser]
    if push:
        deploy.append("--push")
    kommandoer = [_mike(rod, deploy, ud)]
    set_default = ["set-default", *faelles, "--message", f"Standardudgave: {ALIAS}", ALIAS]
    if push:
        set_default.append("--push")
    kommandoer.append(_mike(rod, set_default, ud))

    # 5. Nothing else on the branch changed.
    efter_trae = _traeet(rod, branch)
    roert = {revision, *aliaser}
    aendret = sorted(sti for sti in set(foer_trae) | set(efter_trae)
                     if foer_trae.get(sti) != efter_trae.get(sti)
                     and sti.split("/", 1)[0] not in roert and sti not in FAELLES_FILER)
    if aendret:
        raise PubliceringsFejl(f"publiceringen ændrede filer uden for {', '.join(sorted(roert))}/ på {branch}: "
                               + ", ".join(aendret[:10]) + (" …" if len(aendret) > 10 else "")
                               + ". Undersøg grenen, før du skubber den.")
    efter_versioner = [v["version"] for v in _versioner(rod, branch)]
    if revision not in efter_versioner:
        raise PubliceringsFejl(f"udgave {revision} står ikke i {VERSIONS_JSON} på {branch} efter mike deploy")

    # 6. Keep the published data (its JSON export) for the next revision's comparison.
    if kopi.exists():
        shutil.rmtree(kopi)
    kopi.mkdir(parents=True)
    (kopi / EKSPORT_FIL).write_text(udgave, encoding="utf-8")

    resultat = Publicering(revision, branch, latest, efter_versioner, kopi, findes, kommandoer)
    _rapport(resultat, rod, forrige_urørt=[v for v in efter_versioner if v not in roert], push=push,
             remote=remote, ud=ud)
    return resultat


def _rapport(r: Publicering, rod: Path, forrige_urørt: list[str], push: bool, remote: str,
             ud: Callable[[str], None]) -> None:
    try:
        kopi = r.data_kopi.relative_to(rod)
    except ValueError:
        kopi = r.data_kopi
    ud("")
    ud(f"Udgave {r.revision} er {'publiceret igen (overskrevet)' if r.overskrevet else 'publiceret'} "
       f"på den lokale gren {r.branch}:")
    ud(f"  - {r.revision}/ er bygget og lagt på {r.branch}.")
    if r.latest == r.revision:
        ud(f"  - {ALIAS}/ er en kopi af {r.revision} og er webstedets standardudgave.")
    else:
        ud(f"  - {ALIAS} peger stadig på {r.latest}, som er nyere end {r.revision}; "
           f"{r.revision} vises som tidligere udgave.")
    if forrige_urørt:
        ud(f"  - Uændrede udgaver: {', '.join(forrige_urørt)}.")
    ud(f"  - Udgavens data er gemt i {kopi}/{EKSPORT_FIL}.")
    ud("")
    ud("Næste skridt:")
    ud(f"  1. git add {kopi} && git commit -m \"Data for udgave {r.revision}\"")
    if push:
        ud(f"  2. Grenen {r.branch} er skubbet til {remote}.")
    else:
        ud(f"  2. git push {remote} {r.branch}    (lægger udgaven online)")
    ud(f"  3. Næste udgave: sæt revision.id til den nye udgave og revision.forrige: \"{r.revision}\" "
       "i katalog.yaml; siden Ændringer sammenligner så med denne udgave.")
