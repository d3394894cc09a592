"""Deadlines as the assistant types them while people talk: "vr", "15/3", "morgen", "+2w".

Qt-free and clock-free: the caller gives today. A weekday is the next one after today
(typed on a Friday, "vr" is next week's); a day without a year is the next time that day
comes (typed in November, "15/3" is March next year).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = {
    "ma": 0, "maa": 0, "maandag": 0, "di": 1, "din": 1, "dinsdag": 1,
    "wo": 2, "woe": 2, "woensdag": 2, "do": 3, "don": 3, "donderdag": 3,
    "vr": 4, "vri": 4, "vrijdag": 4, "za": 5, "zat": 5, "zaterdag": 5,
    "zo": 6, "zon": 6, "zondag": 6,
}
_WORDS = {"vandaag": 0, "morgen": 1, "overmorgen": 2}
_OFFSET = re.compile(r"^\+?\s*(\d{1,3})\s*(d|dag|dagen|w|wk|week|weken|m|maand|maanden)$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_due(text: str, today: date) -> date | None:
    """The date meant by `text`, or None when it is not a date (the caller says so)."""
    typed = " ".join(text.casefold().split()).rstrip(".")
    if not typed:
        return None
    if typed in _WORDS:
        return today + timedelta(days=_WORDS[typed])
    if typed in ("volgende week", "vlgd week", "volg week"):
        return today + timedelta(days=7 - today.weekday())  # next Monday
    if typed.startswith("volgende ") and typed[9:] in _WEEKDAYS:
        ahead = (_WEEKDAYS[typed[9:]] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead + 7 if ahead < 7 else ahead)
    if typed in _WEEKDAYS:
        return today + timedelta(days=(_WEEKDAYS[typed] - today.weekday()) % 7 or 7)
    if m := _OFFSET.match(typed):
        n, unit = int(m.group(1)), m.group(2)
        if unit.startswith("d"):
            return today + timedelta(days=n)
        if unit.startswith("w"):
            return today + timedelta(weeks=n)
        return _add_months(today, n)
    if m := _ISO.match(typed):
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _DAY_MONTH.match(typed):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if year is not None:
            full = int(year) + (2000 if len(year) == 2 else 0)
            return _date(full, month, day)
        found = _date(today.year, month, day)
        if found is not None and found < today:
            found = _date(today.year + 1, month, day)
        return found
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (day.day, 30, 29, 28):
        if (found := _date(year, month, min(day.day, last))) is not None:
            return found
    raise AssertionError("unreachable")
