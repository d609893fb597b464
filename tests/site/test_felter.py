"""A field's text cannot reach into the next field on the same line of a page (issue 18)."""
from __future__ import annotations

import pytest
from markdown import markdown

from generator.site.skabeloner import _afbalanceret


@pytest.mark.parametrize("tekst, forventet", [
    ("[et ord mangler her] og mere", "[et ord mangler her] og mere"),
    ("[et ord mangler her]", "[et ord mangler her\\]"),
    ("Se [rengøring](https://x.dk/a_(b)).", "Se [rengøring](https://x.dk/a_(b))."),
    ("Ring [nu", "Ring \\[nu"),
    ("kl. 8-12](https://evil.example/x)", "kl. 8-12\\](https://evil.example/x)"),
    ("Se [her](", "Se [here\\](".replace("here", "her")),
    ("[a] ] [", "[a] \\] \\["),
    ("\\[allerede\\]", "\\[allerede\\]"),
])
def test_brackets_without_a_partner_in_the_same_field_are_text(tekst, forventet):
    assert _afbalanceret(tekst) == forventet


@pytest.mark.parametrize("foerste, anden", [
    ("Ring [nu", "](https://evil.example/x) i dag."),
    ("Se [her](", "https://evil.example/x)"),
    ("Se [her]", "(https://evil.example/x)"),
])
@pytest.mark.parametrize("mellem", [" ", ""])
def test_two_fields_on_one_line_make_no_link(foerste, anden, mellem):
    html = markdown(_afbalanceret(foerste) + mellem + _afbalanceret(anden))
    assert "<a" not in html, html
