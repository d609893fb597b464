"""Where WeasyPrint spends its time on the committee PDF: a cProfile of one render, by phase.

    python benchmarks/pdf_profil.py          # writes benchmarks/pdf-profil.md

The document is the real one (generator/site/pdf.py, from the real data). Reported, in CPU
seconds (the machine is shared; wall time would measure the neighbours):

  phases      HTML parsing, the CSS cascade, building boxes, laying out pages (of which list
              markers and page margins), drawing the PDF — cumulative time under cProfile,
              which inflates pure-Python code more than C (Pango, HarfBuzz)
  variants    the same document rendered whole, with list markers outside (as before), and
              as one document per section (the sum) — without the profiler
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import platform
import pstats
import re
import sys
import time
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from weasyprint import HTML  # noqa: E402

from generator.site import pdf  # noqa: E402
from generator.site.byg import generer  # noqa: E402
from generator.tjek.indlaes import indlaes_katalog  # noqa: E402

RAPPORT = ROD / "benchmarks" / "pdf-profil.md"

# (label, cProfile function key: file suffix and function name)
FASER = [
    ("HTML-fortolkning (tinyhtml5)", "tinyhtml5/parser.py", "parse"),
    ("CSS-kaskade (alle elementers stil)", "weasyprint/css/__init__.py", "get_all_computed_styles"),
    ("bokse bygges", "formatting_structure/build.py", "build_formatting_structure"),
    ("sider lægges op (layout)", "weasyprint/layout/__init__.py", "layout_document"),
    ("  heraf tekstlinjer (Pango)", "weasyprint/layout/inline.py", "iter_line_boxes"),
    ("  heraf tabeller", "weasyprint/layout/table.py", "table_layout"),
    ("  heraf sidehoved og -fod (margin boxes)", "weasyprint/layout/page.py", "make_margin_boxes"),
    ("  heraf punkttegn uden for teksten (absolut placerede bokse)", "weasyprint/layout/absolute.py",
     "absolute_layout"),
    ("PDF tegnes og skrives", "weasyprint/document.py", "write_pdf"),
    ("  heraf tekst tegnes", "weasyprint/draw/text.py", "draw_text"),
]
UDENFOR = "li { list-style-position: outside; padding-left: 0; text-indent: 0; } ul, ol { padding-left: 40px; }"


def _cpu(f) -> tuple[float, object]:
    start = time.process_time()
    ud = f()
    return time.process_time() - start, ud


def _render(dokument: str):
    doc = HTML(string=dokument).render()
    doc.write_pdf()
    return doc


def _profil(dokument: str) -> tuple[dict, float, int]:
    profil = cProfile.Profile(time.process_time)
    profil.enable()
    doc = _render(dokument)
    profil.disable()
    stats = pstats.Stats(profil).stats  # {(file, line, name): (cc, nc, tt, ct, callers)}
    return stats, sum(v[2] for v in stats.values()), len(doc.pages)


def _kumulativ(stats: dict, fil: str, navn: str) -> float:
    return max((v[3] for (f, _, n), v in stats.items() if f.endswith(fil) and n == navn), default=0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gentag", type=int, default=3, help="rounds of the variants (the minimum is reported)")
    args = ap.parse_args()
    katalog = indlaes_katalog(ROD / "data")
    visning, filer = generer(katalog)
    dokument = pdf.html_dokument(katalog, visning, filer)
    foer = dokument.replace("</style>", UDENFOR + "</style>")
    HTML(string="<p>x</p>").render()  # fonts loaded once, as in any render

    nu, total, sider = _profil(dokument)
    da, total_foer, _ = _profil(foer)

    hoved, krop = dokument.split("<body>", 1)
    dele = re.split(r'(?=<section class="side")', krop.removesuffix("</body></html>"))
    varianter = {"hele dokumentet, som det laves nu": lambda: _render(dokument),
                 "punkttegn uden for teksten (som før)": lambda: _render(foer),
                 f"ét dokument pr. afsnit ({len(dele)} stk.), summen":
                     lambda: [_render(f"{hoved}<body>{d}</body></html>") for d in dele]}
    tider: dict[str, list[float]] = {navn: [] for navn in varianter}
    for _ in range(args.gentag):  # interleaved: each variant meets the same neighbours
        for navn, f in varianter.items():
            tider[navn].append(_cpu(f)[0])

    linjer = [
        f"# Hvor WeasyPrint bruger tiden på PDF'en ({dt.date.today().isoformat()})", "",
        f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}; belastning "
        f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}. Dokumentet: {sider} sider, "
        f"{len(dokument) // 1000} kB HTML, {len(dele)} afsnit. CPU-sekunder (`python benchmarks/pdf_profil.py`).", "",
        "## Faser (cProfile; profileringen gør Python-kode relativt dyrere end C)", "",
        "| fase | nu: CPU s | andel | før (punkttegn udenfor): CPU s | andel |", "|---|---:|---:|---:|---:|",
    ]
    for navn, fil, funktion in FASER:
        a, b = _kumulativ(nu, fil, funktion), _kumulativ(da, fil, funktion)
        linjer.append(f"| {navn} | {a:.2f} | {100 * a / total:.0f} % | {b:.2f} | {100 * b / total_foer:.0f} % |")
    linjer.append(f"| i alt | {total:.2f} | | {total_foer:.2f} | |")
    linjer += ["", f"## Varianter (uden profilering; mindste af {args.gentag} skiftevise kørsler)", "",
               "| variant | CPU s |", "|---|---:|"]
    linjer += [f"| {navn} | {min(t):.2f} |" for navn, t in tider.items()]
    linjer += ["", "Funktioner med mest egen tid (nu):", "", "| funktion | egen CPU s |", "|---|---:|"]
    for (fil, linje, navn), v in sorted(nu.items(), key=lambda kv: -kv[1][2])[:12]:
        kort = fil.split("site-packages/")[-1] if "site-packages/" in fil else fil
        linjer.append(f"| `{kort}:{linje}({navn})` | {v[2]:.2f} |")
    rapport = "\n".join(linjer) + "\n"
    RAPPORT.write_text(rapport, encoding="utf-8")
    print(rapport)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
