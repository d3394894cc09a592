"""Weekly series, expanded into occurrences the way CalendarView does.

Occurrences keep the master's local wall-clock time in its own time zone, so
the Tuesday 9:00 MAT stays at 9:00 across the DST change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from kortrijk_cockpit.sandbox.model import Item

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Occurrence:
    original_date: date
    start: datetime  # UTC
    end: datetime  # UTC


@lru_cache(maxsize=32)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def occurrences(item: Item, *, from_date: date | None = None) -> Iterator[Occurrence]:
    """The occurrences of `item`'s weekly series in order, starting near `from_date`."""
    rec = item.recurrence
    if rec is None or item.start is None or item.end is None:
        return
    zone = _zone(item.timezone)
    local = item.start.astimezone(zone)
    wall_clock = local.time().replace(tzinfo=None)
    duration = item.end - item.start
    first_monday = rec.start - timedelta(days=rec.start.weekday())
    week = 0
    if from_date is not None and from_date > first_monday:
        week = max(0, (from_date - first_monday).days // 7 - 1)
        week -= week % rec.interval
    while True:
        monday = first_monday + timedelta(weeks=week)
        if rec.until is not None and monday > rec.until:
            return
        for weekday in sorted(rec.weekdays):
            day = monday + timedelta(days=weekday)
            if day < rec.start or (rec.until is not None and day > rec.until):
                continue
            start = datetime.combine(day, wall_clock, zone).astimezone(UTC)
            yield Occurrence(day, start, start + duration)
        week += rec.interval


def in_window(item: Item, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences that overlap [start, end)."""
    found = []
    for occ in occurrences(item, from_date=start.astimezone(_zone(item.timezone)).date()):
        if occ.start >= end:
            break
        if occ.end > start:
            found.append(occ)
    return found


def occurrence_on(item: Item, day: date) -> Occurrence | None:
    for occ in occurrences(item, from_date=day):
        if occ.original_date == day:
            return occ
        if occ.original_date > day:
            return None
    return None


def first_and_last(item: Item) -> tuple[Occurrence | None, Occurrence | None]:
    series = occurrences(item)
    first = next(series, None)
    if first is None or item.recurrence is None or item.recurrence.until is None:
        return first, None
    last = first
    for occ in occurrences(item, from_date=item.recurrence.until - timedelta(days=7 * item.recurrence.interval)):
        last = occ
    return first, last
