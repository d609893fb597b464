"""Command line: ``python -m generator check|build|pdf|publish|ny``.

Each command imports the steps it runs when it runs (the one place in generator/ that imports late):
`check`, run after every edit, does not pay for the writer, the PDF and mike.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .problemer import DataFejl
from .tjek.fuldstaendighed import rapport
from .tjek.indlaes import indlaes_katalog


def _check(args: argparse.Namespace) -> int:
    try:
        katalog = indlaes_katalog(args.data)
    except DataFejl as e:
        for p in e.problemer:
            print(p, file=sys.stderr)
        print(f"\n{e.antal_fejl} fejl fundet i {args.data}/ — intet er bygget.", file=sys.stderr)
        return 1
    for p in katalog.advarsler:
        print(p, file=sys.stderr)
    profil = katalog.profil
    standarder = f"{len(katalog.standarder)} {profil.standard.flertal}, " if profil.standard else ""
    print(
        f"OK: {standarder}{len(katalog.indsatser)} {profil.indsats.flertal}, "
        f"{len(katalog.introduktion.afsnit)} introduktionsafsnit, revision {katalog.info.revision.id}"
        + (f", {len(katalog.advarsler)} advarsler" if katalog.advarsler else "")
        + "."
    )
    if not args.kort:
        print()
        print(rapport(katalog))
    return 0


def _build(args: argparse.Namespace) -> int:
    from .site.byg import byg

    try:
        resultat = byg(Path(args.data), Path(args.content))
    except DataFejl as e:
        for p in e.problemer:
            print(p, file=sys.stderr)
        return 1
    print(
        f"{resultat.skrevet} sider skrevet, {resultat.uaendret} uændrede, {resultat.slettet} slettet i {args.content}/"
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
        for p in e.problemer:
            print(p, file=sys.stderr)
        return 1
    visning, filer = generer(katalog)  # in memory: the Markdown in content/ is `build`'s to write
    maal = Path(args.content) / urls.PDF
    if pdf.skriv_pdf(katalog, visning, filer, maal):
        print(f"PDF skrevet: {maal} ({time.perf_counter() - start:.1f} s)")
    else:
        print(f"PDF er aktuel: {maal}")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from .udgaver.publicer import PubliceringsFejl, publicer

    try:
        publicer(args.revision, Path(args.config), branch=args.branch, push=False, overskriv=args.overskriv)
    except DataFejl as e:
        for p in e.problemer:
            print(p, file=sys.stderr)
        return 1
    except PubliceringsFejl as e:
        print(f"publish: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            f"\npublish blev afbrudt. Kør 'python -m generator publish {args.revision}' igen: den gør "
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
    if mappe.exists() and any(mappe.iterdir()):
        print(f"ny: {mappe}/ findes og er ikke tom (hint: vælg en ny mappe)", file=sys.stderr)
        return 1
    sti = profil_sti(args.profil, mappe.parent if mappe.parent.exists() else Path.cwd())
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
    try:
        filer = nyt_katalog.skriv(mappe, args.profil, profil, sti, rod, dt.date.today())
    except (OSError, ValueError) as e:
        print(f"ny: {e}", file=sys.stderr)
        return 1
    print(f"Nyt katalog i {mappe}/ med profilen {args.profil}: {len(filer)} filer.")
    print(f"Tjek det: python -m generator --data {mappe / 'data'} check")
    print(f"Se det:   cd {mappe} && mkdocs serve")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Kvalitetsstandard-kataloget: tjek, byg og publicér."
    )
    parser.add_argument(
        "--data", default="data", help="mappe med katalog.yaml, standards.yaml, indsatser.yaml, love.yaml"
    )
    sub = parser.add_subparsers(dest="kommando", required=True)
    p = sub.add_parser("check", help="validér alle data og vis fuldstændighedsrapporten")
    p.add_argument("--kort", action="store_true", help="kun opsummeringen, ikke rapporten")
    p.set_defaults(func=_check)
    p = sub.add_parser("build", help="generér Markdown-siderne i content/")
    p.add_argument("--content", default="content")
    p.set_defaults(func=_build)
    p = sub.add_parser("pdf", help="skriv PDF'en til udvalget i content/, hvis dens indhold er ændret")
    p.add_argument("--content", default="content")
    p.set_defaults(func=_pdf)
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
        "ny", help="skriv et nyt katalog i en profils form (alle afsnit markeret som ikke skrevet endnu)"
    )
    p.add_argument("mappe", help="den nye katalogmappe (må ikke findes, eller skal være tom)")
    p.add_argument("--profil", required=True, help="profilens navn (en mappe under profiler/) eller en sti")
    p.set_defaults(func=_ny)
    args = parser.parse_args(argv)
    return args.func(args)
