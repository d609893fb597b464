"""check and build agree (issue 18): what check passes, the generator builds — pages, open data, PDF.

Each case is data at the edge of what check allows (the largest numbers, the longest titles and ids,
characters that mean something to Markdown, YAML or a terminal but are allowed in text). check
must pass it, and then generating every page, the CSV and JSON, the PDF's HTML and rendering each
page's Markdown must not fail.
"""
from __future__ import annotations

import pytest
from markdown import markdown

from generator.site import pdf
from generator.site.ankre import overskrift_id
from generator.site.byg import generer
from generator.tjek import tekstpolitik
from generator.tjek.indlaes import indlaes_katalog

from ..support import erstat

pytestmark = pytest.mark.slow  # check and a whole generation per case

KANTER = {
    "frist-paa-15-cifre": [("standards.yaml", "frist: {antal: 3, enhed: hverdage}",
                            "frist: {antal: 999999999999999, enhed: hverdage}")],
    "tal-paa-20-cifre-i-prosa": [("indsatser.yaml",
                                  "      Hjælp til rengøring af dit hjem, når du og din husstand ikke selv kan klare det.",
                                  "      Hjælp til rengøring nr. 99999999999999999999 og 0x" + "f" * 20 + ".")],
    "titel-paa-200-tegn-med-markdown-tegn": [("indsatser.yaml", "titel: Rengøring",
                                              'titel: "Rengøring | tøjvask \\\\| [x] & # 1 ]: ' + "æ" * 160 + '"')],
    "revision-id-paa-32-tegn": [("katalog.yaml", 'id: "2014"', 'id: "2014-' + "a" * 27 + '"')],
    "hakeparenteser-i-prosa": [("indsatser.yaml",
                                "      Hjælp til rengøring af dit hjem, når du og din husstand ikke selv kan klare det.",
                                "      Hjælp [til] rengøring ] af [dit hjem [[ og ]] ]: og *[ord]* .")],
}


@pytest.mark.parametrize("navn", list(KANTER))
def test_what_check_passes_builds(navn, data_kopi):
    for fil, gammel, ny in KANTER[navn]:
        erstat(data_kopi / fil, gammel, ny)
    katalog = indlaes_katalog(data_kopi)  # check passes
    visning, filer = generer(katalog)
    assert any(sti.endswith(".csv") for sti in filer) and any(sti.endswith(".json") for sti in filer)
    for sti, tekst in filer.items():
        if sti.endswith(".md"):
            markdown(tekst, extensions=tekstpolitik.UDVIDELSER + ["toc"],
                     extension_configs={"toc": {"slugify": overskrift_id}})
    assert "<html" in pdf.html_dokument(katalog, visning, filer)
