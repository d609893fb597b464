"""Command line: ``python -m generator check|build|pdf|aendringer|publish|ny|sammenlign``.

Each command imports the steps it runs when it runs (the one place in generator/ that imports late):
`check`, run after every edit, does not pay for the writer, the PDF and mike.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from .problemer import DataFejl, synlig
from .tjek import omfang
from .tjek.fuldstaendighed import rapport
from .tjek.indlaes import indlaes_katalog


def _meld(e: DataFejl) -> int:
    """The data's problems, one a line on stderr; the exit code that says the data has errors."""
    for p in e.problemer:
        print(p, file=sys.stderr)
    return 1


def _check(args: argparse.Namespace) -> int:
    try:
        katalog = indlaes_katalog(args.data)
    except DataFejl as e:
        _meld(e)
        print(f"\n{e.antal_fejl} fejl fundet i {args.data}/ — intet er bygget.", file=sys.stderr)
        return 1
    if katalog.info.sammenlign_med is not None:
        from .site.sammenligning import tjek

        problemer = tjek(katalog)
        if problemer:
            _meld(DataFejl(problemer))
            print(f"\n{len(problemer)} fejl fundet i {args.data}/ — intet er bygget.", file=sys.stderr)
            return 1
    for p in katalog.advarsler:
        print(p, file=sys.stderr)
    profil = katalog.profil

    def antal(n: int, ord_: Any) -> str:
        return f"{n} {ord_.ental if n == 1 else ord_.flertal}"

    standarder = f"{antal(len(katalog.standarder), profil.standard)}, " if profil.standard else ""
    print(
        synlig(
            f"OK: {standarder}{antal(len(katalog.indsatser), profil.indsats)}, "
            f"{len(katalog.introduktion.afsnit)} introduktionsafsnit, revision {katalog.info.revision.id}"
            + (f", {len(katalog.advarsler)} advarsler" if katalog.advarsler else "")
            + "."
        )
    )
    uden_pdf = omfang.uden_pdf(katalog)
    if uden_pdf:
        print(uden_pdf)  # not an error: the site is built all the same
    if not args.kort:
        print()
        print(rapport(katalog))
    return 0


def _build(args: argparse.Namespace) -> int:
    from .site.byg import byg

    try:
        resultat = byg(Path(args.data), _content(args))
    except DataFejl as e:
        return _meld(e)
    print(
        f"{resultat.skrevet} sider skrevet, {resultat.uaendret} uændrede, {resultat.slettet} slettet i {_content(args)}/"
    )
    return 0


def _pdf(args: argparse.Namespace) -> int:
    """The committee PDF, rendered now if its input changed (`make pdf`; `mkdocs serve` runs it in the background)."""
    from .site import pdf, urls
    from .site.byg import generer

    start = time.perf_counter()
    try:
        katalog = indlaes_katalog(args.data)
    except DataFejl as e:
        return _meld(e)
    visning, filer = generer(katalog)  # in memory: the Markdown in content/ is `build`'s to write
    maal = _content(args) / urls.PDF
    try:
        skrevet = pdf.afgraenset(lambda: pdf.skriv_pdf(katalog, visning, filer, maal))
    except DataFejl as e:
        return _meld(e)
    if omfang.uden_pdf(katalog):
        print(omfang.uden_pdf(katalog))
    if skrevet:
        print(f"PDF skrevet: {maal} ({time.perf_counter() - start:.1f} s)")
    else:
        print(f"PDF er aktuel: {maal}")
    return 0


def _aendringer(args: argparse.Namespace) -> int:
    """What the working data changes against the last published edition (as the Ændringer page)."""
    from .udgaver.aendringsliste import tekst

    try:
        katalog = indlaes_katalog(args.data)
    except DataFejl as e:
        return _meld(e)
    print(tekst(katalog, fuld=args.fuld))
    return 0


def _publish(args: argparse.Namespace) -> int:
    from .udgaver.publicer import PubliceringsFejl, publicer

    try:
        publicer(
            args.revision,
            Path(args.config),
            branch=args.branch,
            push=False,
            overskriv=args.overskriv,
            ud=lambda tekst: print(synlig(tekst, linjeskift=True)),
        )
    except DataFejl as e:
        return _meld(e)
    except PubliceringsFejl as e:
        print(synlig(f"publish: {e}", linjeskift=True), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            f"\npublish blev afbrudt. Kør 'python -m generator publish {synlig(args.revision)}' igen: den gør "
            "publiceringen færdig eller ruller den tilbage og fortæller, hvad den gjorde.",
            file=sys.stderr,
        )
        return 130
    return 0


def _ny(args: argparse.Namespace) -> int:
    """A new catalogue in a profile's shape, that passes check and the strict build at once."""
    import datetime as dt

    from pydantic import ValidationError

    from .data import nyt_katalog
    from .data.profil import Profil, kendte_profiler, profil_sti
    from .data.yamlfil import laes_yaml

    mappe = Path(args.mappe)
    optaget = [n for n in ("mkdocs.yml", "data", "content") if (mappe / n).exists()]
    if optaget:
        print(
            f"ny: {mappe}/ har allerede {', '.join(optaget)} (hint: vælg en ny mappe; en mappe med kun "
            "katalogets egen profil er i orden)",
            file=sys.stderr,
        )
        return 1
    sti = profil_sti(args.profil, mappe / "data")
    if sti is None:
        kendte = ", ".join(kendte_profiler(Path.cwd())) or "ingen fundet"
        print(f"ny: profilen '{args.profil}' findes ikke (hint: brug en af: {kendte})", file=sys.stderr)
        return 1
    fil = laes_yaml(sti)
    try:
        profil = Profil.model_validate(fil.data)
    except ValidationError:
        print(f"ny: profilen i {sti} er ikke gyldig (hint: kør 'check' på et katalog med den)", file=sys.stderr)
        return 1
    rod = Path(__file__).resolve().parent.parent
    # The catalogue names its profile as the editor did, a path relative to the catalogue's folder.
    navn = args.profil if "/" not in args.profil and not args.profil.endswith(".yaml") else _relativ(sti, mappe)
    try:
        filer = nyt_katalog.skriv(mappe, navn, profil, sti, rod, dt.date.today())
    except (OSError, ValueError) as e:
        print(f"ny: {e}", file=sys.stderr)
        return 1
    print(f"Nyt katalog i {mappe}/ med profilen {args.profil}: {len(filer)} filer.")
    print(f"Tjek det: python -m generator --data {mappe / 'data'} check")
    print(f"Se det:   cd {mappe} && mkdocs serve")
    return 0


def _sammenlign(args: argparse.Namespace) -> int:
    """The catalogues side by side, service by service, as a MkDocs site of its own."""
    from .site import sammenligning

    try:
        if args.kataloger:
            deltagere = sammenligning.laes_mapper([Path(m) for m in args.kataloger])
            hoved = deltagere[0].katalog
            kort = sammenligning.kortlaegninger(hoved, deltagere, alle=False)
        else:
            hoved = indlaes_katalog(args.data)
            deltagere = sammenligning.deltagere(hoved, egen=False)
            kort = sammenligning.kortlaegninger(hoved, deltagere)
    except DataFejl as e:
        return _meld(e)
    if len(deltagere) < 2 and not args.kataloger:
        print(
            f"sammenlign: der er kun ét katalog at sammenligne (hint: angiv flere katalogmapper, fx "
            f"'sammenlign MAPPE MAPPE', eller skriv sammenlign_med i {args.data}/katalog.yaml)",
            file=sys.stderr,
        )
        return 1
    ud = Path(args.ud)
    sammenligning.websted(deltagere, kort, ud)
    navne = ", ".join(synlig(d.katalog.info.kommune.navn) for d in deltagere)
    print(f"Sammenligning af {navne} skrevet i {ud}/.")
    print(f"Byg den: mkdocs build --strict -f {ud / 'mkdocs.yml'}")
    return 0


def _content(args: argparse.Namespace) -> Path:
    """Where the pages are written: --content, else the content/ beside the data folder."""
    return Path(args.content) if args.content else Path(args.data).parent / "content"


def _relativ(sti: Path, mappe: Path) -> str:
    return Path(os.path.relpath(sti.resolve(), mappe.resolve())).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Kvalitetsstandard-kataloget: tjek, byg og publicér."
    )
    parser.add_argument(
        "--data", default="data", help="mappe med katalog.yaml, standards.yaml, indsatser.yaml, love.yaml"
    )
    sub = parser.add_subparsers(dest="kommando", required=True)
    # `--data` may also follow the command ("check --data MAPPE/data"), as an editor writes it.
    efter = argparse.ArgumentParser(add_help=False)
    efter.add_argument("--data", default=argparse.SUPPRESS, help="som --data foran kommandoen")
    p = sub.add_parser("check", parents=[efter], help="validér alle data og vis fuldstændighedsrapporten")
    p.add_argument("--kort", action="store_true", help="kun opsummeringen, ikke rapporten")
    p.set_defaults(func=_check)
    p = sub.add_parser("build", parents=[efter], help="generér Markdown-siderne i content/")
    p.add_argument("--content", default=None, help="mappe til siderne (standard: content/ ved siden af data-mappen)")
    p.set_defaults(func=_build)
    p = sub.add_parser("pdf", parents=[efter], help="skriv PDF'en til udvalget i content/, hvis dens indhold er ændret")
    p.add_argument("--content", default=None, help="mappe til siderne (standard: content/ ved siden af data-mappen)")
    p.set_defaults(func=_pdf)
    p = sub.add_parser("aendringer", help="vis, hvad data ændrer i forhold til den sidst publicerede udgave")
    p.add_argument("--fuld", action="store_true", help="skriv lange tekster helt ud (før og nu)")
    p.set_defaults(func=_aendringer)
    p = sub.add_parser("publish", help="byg og udgiv data som revision REVISION på gh-pages (lokalt, offline)")
    p.add_argument("revision")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--branch", default="gh-pages")
    p.add_argument(
        "--overskriv",
        action="store_true",
        help="erstat en allerede publiceret udgave (normalt afvist: en godkendt udgave ændres ikke)",
    )
    p.set_defaults(func=_publish)
    p = sub.add_parser(
        "sammenlign",
        parents=[efter],
        help="sammenlign kataloger ydelse for ydelse (hyppighed, frist, pris, hvad der ikke er omfattet) på et websted",
    )
    p.add_argument(
        "kataloger",
        nargs="*",
        metavar="KATALOG",
        help="katalogmapper (med data/); uden: kataloget i --data og dem, dets sammenlign_med nævner",
    )
    p.add_argument("--ud", default="sammenligning", help="mappen, webstedet skrives i (standard: sammenligning/)")
    p.set_defaults(func=_sammenlign)
    p = sub.add_parser(
        "ny", help="skriv et nyt katalog i en profils form (alle afsnit markeret som ikke skrevet endnu)"
    )
    p.add_argument("mappe", help="den nye katalogmappe (må ikke findes, eller skal være tom)")
    p.add_argument("--profil", required=True, help="profilens navn (en mappe under profiler/) eller en sti")
    p.set_defaults(func=_ny)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `check | head`: the reader stopped listening; nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
