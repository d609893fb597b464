"""Danish phrases with one home (generator/formater.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.formater import dansk_dato, politisk_godkendelse


@pytest.mark.parametrize("d, forventet", [
    ("2025-07-01", "1. juli 2025"), (dt.date(2014, 5, 9), "9. maj 2014"), ("2014-05", "maj 2014"), ("2014", "2014"),
])
def test_dansk_dato_keeps_the_precision_it_was_given(d, forventet):
    assert dansk_dato(d) == forventet


@pytest.mark.parametrize("udvalg, dato, forventet", [
    ("Udvalget for Social og Sundhed", "2014-06-03", "Politisk godkendt i Udvalget for Social og Sundhed den 3. juni 2014"),
    ("Udvalget for Social og Sundhed", "2014-06", "Politisk godkendt i Udvalget for Social og Sundhed i juni 2014"),
    # The source's own gap (afsnit 1.1: "godkendt i Udvalget for Social og Sundhed den" and no date).
    ("Udvalget for Social og Sundhed", None, "Politisk godkendt i Udvalget for Social og Sundhed, dato ikke angivet"),
    (None, "2014-06-03", "Politisk godkendt den 3. juni 2014 (udvalget er ikke angivet)"),
    (None, None, "Politisk godkendelse ikke angivet"),
])
def test_the_approval_says_what_the_source_gives_and_names_what_it_leaves_blank(udvalg, dato, forventet):
    assert politisk_godkendelse(udvalg, dato) == forventet
