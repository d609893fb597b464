"""The layout holds: data flows one way through the rooms, no import cycles, no hidden late imports.

    generator/problemer.py, formater.py   (no room)
    generator/data/     read YAML, schema, the catalogue model
    generator/tjek/     the one load-and-check step
    generator/udgaver/  revisions: diff, changes, publish
    generator/site/     pages, view model, templates, PDF, open data, MkDocs hook
    generator/cli.py    the command line, on top of everything
"""
from __future__ import annotations

import ast
from pathlib import Path

from .support import ROD

PAKKE = ROD / "generator"
# A room may import from rooms before it in this order, never after.
RUM = ("", "data", "tjek", "udgaver", "site", "cli")


def _modulnavn(sti: Path) -> str:
    dele = list(sti.relative_to(ROD).with_suffix("").parts)
    if dele[-1] == "__init__":
        dele.pop()
    return ".".join(dele)


def _importer(sti: Path) -> list[tuple[str, ast.AST]]:
    """Every generator module `sti` imports (relative imports resolved), with the import node."""
    modul = _modulnavn(sti)
    pakke = modul if sti.name == "__init__.py" else modul.rsplit(".", 1)[0]
    ud = []
    for node in ast.walk(ast.parse(sti.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                basis = pakke.split(".")[: len(pakke.split(".")) - node.level + 1]
                navn = ".".join(basis + ([node.module] if node.module else []))
            else:
                navn = node.module or ""
            if navn.startswith("generator"):
                # `from . import x` may import a submodule x.
                for alias in node.names:
                    kandidat = f"{navn}.{alias.name}"
                    ud.append((kandidat if _findes(kandidat) else navn, node))
        elif isinstance(node, ast.Import):
            ud += [(a.name, node) for a in node.names if a.name.startswith("generator")]
    return ud


def _findes(modul: str) -> bool:
    sti = ROD.joinpath(*modul.split("."))
    return sti.with_suffix(".py").is_file() or (sti / "__init__.py").is_file()


def _moduler() -> dict[str, Path]:
    return {_modulnavn(p): p for p in PAKKE.rglob("*.py")}


def _rum(modul: str) -> str:
    dele = modul.split(".")
    if len(dele) == 2:
        return "cli" if dele[1] in ("cli", "__main__") else ""
    return dele[1] if len(dele) > 1 else ""


def test_no_import_cycles():
    graf = {m: {i for i, _ in _importer(p) if i != m} for m, p in _moduler().items()}
    besøgt: dict[str, int] = {}  # 1 = on the stack, 2 = done
    sti: list[str] = []

    def dfs(m: str) -> None:
        besøgt[m] = 1
        sti.append(m)
        for n in sorted(graf.get(m, ())):
            if n not in graf:
                continue
            if besøgt.get(n) == 1:
                raise AssertionError("importcyklus: " + " → ".join(sti[sti.index(n):] + [n]))
            if n not in besøgt:
                dfs(n)
        sti.pop()
        besøgt[m] = 2

    for m in sorted(graf):
        if m not in besøgt:
            dfs(m)


def test_data_flows_one_way_through_the_rooms():
    forkerte = []
    for m, p in _moduler().items():
        mit = RUM.index(_rum(m))
        for i, _ in _importer(p):
            if i in _moduler() and RUM.index(_rum(i)) > mit:
                forkerte.append(f"{m} importerer {i}")
    assert not forkerte, "\n".join(forkerte)


def test_no_imports_inside_functions():
    """A late import hides a cycle or a slow start; generator/ has none, with two documented exceptions:
    weasyprint (heavy, only needed when the PDF is rendered) and the command line, which imports a
    command's steps when that command runs (so `check` does not import the writer, the PDF and mike)."""
    sene = []
    for m, p in _moduler().items():
        if m == "generator.cli":
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for under in ast.walk(node):
                    if isinstance(under, (ast.Import, ast.ImportFrom)):
                        navne = [a.name for a in under.names]
                        if (getattr(under, "module", None) or navne[0]).split(".")[0] == "weasyprint":
                            continue
                        sene.append(f"{m}:{under.lineno} ({', '.join(navne)})")
    assert not sene, "\n".join(sene)


def test_the_cycle_detector_finds_a_cycle(tmp_path, monkeypatch):
    """The test above can fail: two modules importing each other are reported."""
    pakke = tmp_path / "generator"
    pakke.mkdir()
    (pakke / "__init__.py").write_text("")
    (pakke / "a.py").write_text("from . import b\n")
    (pakke / "b.py").write_text("from .a import x\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "ROD", tmp_path)
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "PAKKE", pakke)
    try:
        test_no_import_cycles()
    except AssertionError as e:
        assert "generator.a → generator.b → generator.a" in str(e)
    else:
        raise AssertionError("cyklen blev ikke fundet")
