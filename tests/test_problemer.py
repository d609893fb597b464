"""A message is text on the editor's terminal: nothing from the data can act on the screen."""

from __future__ import annotations

from generator.problemer import Problem, synlig


def test_a_message_shows_control_characters_as_escapes():
    p = Problem(
        "ukendt felt '\x1b[2J\x1b[32mOK'", "slet \u202e", fil="k.yaml", linje=3, post="K.2.1\x07", felt="ti\ud800tel\nx"
    )
    tekst = str(p)
    assert tekst == ("k.yaml:3: K.2.1\\x07: ti\\ud800tel\\x0ax: ukendt felt '\\x1b[2J\\x1b[32mOK' (hint: slet \\u202e)")
    tekst.encode("utf-8")  # a lone surrogate would not even print


def test_a_report_keeps_its_lines_but_not_its_escapes():
    assert synlig("a\n\tb\x1b[8m\r\x9b", linjeskift=True) == "a\n\tb\\x1b[8m\\x0d\\x9b"
    assert synlig("Rengøring – æøå § 83") == "Rengøring – æøå § 83"
