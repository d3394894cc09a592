"""The office's week: MAT, DC, college and council on fixed days; working days and office hours.

The constants are the demo's settings; the app will make them real settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from kortrijk_cockpit.demo_office.cast import DIRECTORS, OWNER, POLITICIANS, STAFF, Member

BRUSSELS = ZoneInfo("Europe/Brussels")
OFFICE_OPENS = time(7, 30)
OFFICE_CLOSES = time(18, 30)
# The city's own days off on top of the Belgian public holidays (month, day):
# 2 January, Flemish community holiday, All Souls, King's Feast, Boxing Day.
EXTRA_DAYS_OFF: tuple[tuple[int, int], ...] = ((1, 2), (7, 11), (11, 2), (11, 15), (12, 26))


@dataclass(frozen=True)
class Slot:
    """A weekly meeting: its code, the subject of its Outlook series, day and times."""

    code: str
    name: str
    subject: str
    weekday: int  # 0 = Monday
    start: time
    end: time
    location: str
    attendees: tuple[Member, ...]
    category: str

    @property
    def duration_minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


SECRETARY = STAFF[0]
MAT = Slot("MAT", "Managementteam", "MAT (managementteam)", 1, time(9), time(11),
           "Stadhuis, zaal Groeninge", (OWNER, *DIRECTORS[:4], SECRETARY), "MAT")
DC = Slot("DC", "Directiecomité", "DC (directiecomité)", 3, time(9), time(11, 30),
          "Stadhuis, zaal Broel", (OWNER, *DIRECTORS, SECRETARY), "DC")
COLLEGE = Slot("CBS", "College van burgemeester en schepenen",
               "College van burgemeester en schepenen", 0, time(16), time(18),
               "Stadhuis, schepenzaal", (OWNER, *POLITICIANS), "College")
COUNCIL_SUBJECT = "Gemeenteraad en raad voor maatschappelijk welzijn"
COUNCIL_LOCATION = "Stadhuis, raadzaal"
COUNCIL_START, COUNCIL_END = time(19), time(23)
# How far the Outlook series reach around today, and which weeks the store plans meetings for.
SERIES_WEEKS = (-12, 26)
MEETING_WEEKS = (-4, 8)


@lru_cache(maxsize=64)
def days_off(year: int) -> frozenset[date]:
    public = holidays.country_holidays("BE", years=year)
    return frozenset([*public.keys(), *(date(year, m, d) for m, d in EXTRA_DAYS_OFF)])


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in days_off(day.year)


def at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, BRUSSELS)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def meeting_days(slot: Slot, first: date, last: date) -> Iterator[date]:
    """The days `slot` meets from `first` to `last` inclusive; none on a day off."""
    day = first + timedelta(days=(slot.weekday - first.weekday()) % 7)
    while day <= last:
        if is_working_day(day):
            yield day
        day += timedelta(weeks=1)


def series_runs(slot: Slot, first: date, last: date) -> list[tuple[date, date]]:
    """`meeting_days` as unbroken weekly runs (first, last): one Outlook series per run,
    because a day off leaves a gap that a weekly recurrence cannot skip."""
    runs: list[tuple[date, date]] = []
    for day in meeting_days(slot, first, last):
        if runs and day - runs[-1][1] == timedelta(weeks=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def council_days(first: date, last: date) -> Iterator[date]:
    """The council meets the 2nd Monday of the month (the next working day after a holiday),
    never in August."""
    month = date(first.year, first.month, 1)
    while month <= last:
        if month.month != 8:
            day = month + timedelta(days=(0 - month.weekday()) % 7 + 7)
            while not is_working_day(day):
                day += timedelta(days=1)
            if first <= day <= last:
                yield day
        month = (month + timedelta(days=32)).replace(day=1)


def next_meeting(slot: Slot, after: date) -> date:
    return next(meeting_days(slot, after + timedelta(days=1), after + timedelta(weeks=8)))


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
