"""Deadlines typed in the minutes: weekdays, day/month, words and offsets, or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from kortrijk_cockpit.services.due_dates import parse_due

FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(("typed", "meant"), [
    ("vr", date(2026, 12, 4)),  # typed on a Friday: next week's
    ("ma", date(2026, 11, 30)),
    ("Dinsdag", date(2026, 12, 1)),
    ("15/3", date(2027, 3, 15)),  # already past this year: next year
    ("27/11", FRIDAY),
    ("1/12", date(2026, 12, 1)),
    ("15.3.2027", date(2027, 3, 15)),
    ("15/3/27", date(2027, 3, 15)),
    ("2027-01-05", date(2027, 1, 5)),
    ("morgen", date(2026, 11, 28)),
    ("+2w", date(2026, 12, 11)),
    ("3 dagen", date(2026, 11, 30)),
    ("1m", date(2026, 12, 27)),
    ("volgende week", date(2026, 11, 30)),
])
def test_what_the_assistant_types_is_the_date_meant(typed: str, meant: date) -> None:
    assert parse_due(typed, FRIDAY) == meant


@pytest.mark.parametrize("typed", ["", "31/2", "bla", "13/13", "vrijdagmiddag"])
def test_anything_else_is_no_date(typed: str) -> None:
    assert parse_due(typed, FRIDAY) is None
