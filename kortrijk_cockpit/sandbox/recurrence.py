"""Weekly series, expanded into occurrences the way CalendarView does.

Occurrences keep the master's local wall-clock time in its own time zone, so
the Tuesday 9:00 MAT stays at 9:00 across the DST change. An occurrence changed
on its own (an exception) keeps its original date as its name; a deleted one is
left out.
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
    original_start: datetime | None = None  # an exception: where the series put it
    subject: str | None = None  # an exception's own subject and location
    location: str | None = None

    @property
    def is_exception(self) -> bool:
        return self.original_start is not None

    @property
    def series_start(self) -> datetime:
        return self.original_start or self.start


# An exception moved further than this from its original date is not looked for.
_MOVED_AT_MOST = timedelta(days=7)


def _applied(item: Item, occ: Occurrence) -> Occurrence:
    changed = item.modified_occurrences.get(occ.original_date)
    if not changed:
        return occ
    return Occurrence(occ.original_date, changed.get("start", occ.start),
                      changed.get("end", occ.end), original_start=occ.start,
                      subject=changed.get("subject"), location=changed.get("location"))


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
            if day < rec.start or (rec.until is not None and day > rec.until) \
                    or day in item.deleted_occurrences:
                continue
            start = datetime.combine(day, wall_clock, zone).astimezone(UTC)
            yield _applied(item, Occurrence(day, start, start + duration))
        week += rec.interval


def in_window(item: Item, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences that overlap [start, end), in order."""
    found = []
    from_date = (start - _MOVED_AT_MOST).astimezone(_zone(item.timezone)).date()
    for occ in occurrences(item, from_date=from_date):
        if occ.series_start >= end + _MOVED_AT_MOST:
            break
        if occ.start < end and occ.end > start:
            found.append(occ)
    return sorted(found, key=lambda occ: occ.start)


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
