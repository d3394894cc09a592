"""Working days of the office: no weekends, no Belgian public holidays.

Qt-free, so the quick choices of the Later and flag dialogs can be tested on
plain dates.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from kortrijk_cockpit.clock import BRUSSELS


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("BE", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def working_day_from(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def next_working_day(day: date) -> date:
    """The first working day after `day`."""
    return working_day_from(day + timedelta(days=1))


def last_working_day_of_week(day: date) -> date | None:
    """The last working day in `day`'s week (Monday to Sunday) not before `day`."""
    candidate = day + timedelta(days=6 - day.weekday())
    while candidate >= day:
        if is_working_day(candidate):
            return candidate
        candidate -= timedelta(days=1)
    return None


def at(day: date, moment: time) -> datetime:
    """`moment` on `day`, Brussels time."""
    return datetime.combine(day, moment, BRUSSELS)
