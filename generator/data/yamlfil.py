"""Read a YAML data file so that every value can be traced back to its line.

ruamel.yaml's round-trip loader keeps line/column for every mapping key and
sequence item; `YamlFil.linje(sti)` walks a path such as
``("standarder", 0, "lovgrundlag", 1, "paragraf")`` to the deepest node that
exists and returns its 1-based line. Validation then works on a plain copy
(dicts, lists, str) so no ruamel type leaks into the models.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from ..problemer import Problem


@dataclass
class YamlFil:
    sti: Path
    visningsnavn: str
    rod: Any = None  # the ruamel tree, for line numbers
    data: Any = None  # a plain copy, for validation
    problemer: list[Problem] = field(default_factory=list)

    def linje(self, sti: tuple) -> int | None:
        """Line (1-based) of the deepest node of `sti` present in the file."""
        node, linje = self.rod, 1 if self.rod is not None else None
        for del_ in sti:
            lc = getattr(node, "lc", None)
            try:
                if isinstance(node, dict) and del_ in node:
                    if lc is not None:
                        linje = lc.key(del_)[0] + 1
                    node = node[del_]
                elif isinstance(node, list) and isinstance(del_, int) and 0 <= del_ < len(node):
                    if lc is not None:
                        linje = lc.item(del_)[0] + 1
                    node = node[del_]
                else:
                    break
            except (KeyError, IndexError, TypeError):
                break
        return linje


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None or isinstance(node, (int, float, dt.date)):
        return node
    return node


def laes_yaml(sti: Path, visningsnavn: str | None = None) -> YamlFil:
    """Load `sti`; a syntax error or duplicate key becomes a located Problem, not an exception."""
    navn = visningsnavn or str(sti)
    fil = YamlFil(sti=sti, visningsnavn=navn)
    if not sti.exists():
        fil.problemer.append(Problem("filen findes ikke", f"opret {sti.name} eller ret stien", fil=navn, linje=None, post=None, felt=None))
        return fil
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        fil.rod = yaml.load(sti.read_text(encoding="utf-8"))
    except DuplicateKeyError as e:
        linje = e.problem_mark.line + 1 if e.problem_mark else None
        fil.problemer.append(Problem(f"nøglen står to gange i samme afsnit: {e.problem.strip()}", "slet eller omdøb den ene forekomst", fil=navn, linje=linje, post=None, felt=None))
        return fil
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        linje = mark.line + 1 if mark else None
        hvad = (e.problem or e.context or "ugyldig YAML").strip()
        fil.problemer.append(Problem(f"YAML-syntaksfejl: {hvad}", "tjek indrykning, kolon efter feltnavne og at tekst med ': ' står i anførselstegn eller som blok (|)", fil=navn, linje=linje, post=None, felt=None))
        return fil
    except UnicodeDecodeError:
        fil.problemer.append(Problem("filen er ikke UTF-8", "gem filen som UTF-8", fil=navn, linje=None, post=None, felt=None))
        return fil
    fil.data = _plain(fil.rod)
    return fil
