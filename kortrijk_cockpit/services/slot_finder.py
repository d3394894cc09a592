"""Zoek een moment: the first slots that suit the director and everyone invited.

Pure: free/busy comes in (read through Exchange elsewhere), slots go out. All
instants are aware datetimes and compared as such, so busy time given in any
time zone counts; working hours and protected blocks are wall-clock times in
the office's zone (Europe/Brussels), so they hold across the DST changes.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.exchange.records import BusyBlock, BusyStatus

# What keeps a person from a meeting; "working elsewhere" and "no data" do not.
BLOCKING = frozenset({BusyStatus.BUSY, BusyStatus.OOF, BusyStatus.TENTATIVE})


@dataclass(frozen=True)
class WorkingHours:
    """The director's working day; `is_working_day` skips weekends and Belgian holidays."""

    start: time = time(8, 30)
    end: time = time(17, 30)
    zone: ZoneInfo = BRUSSELS
    is_working_day: Callable[[date], bool] = is_working_day


@dataclass(frozen=True)
class Buffers:
    """Kept free around each of the director's appointments: preparation before, travel after."""

    preparation: timedelta = timedelta(0)
    travel: timedelta = timedelta(0)


@dataclass(frozen=True)
class ProtectedBlock:
    """A weekly block the director keeps for himself, e.g. Friday 14:00-16:00 (office zone)."""

    weekday: int  # 0 = Monday
    start: time
    end: time


@dataclass(frozen=True)
class Slot:
    """A proposal, in the office's zone."""

    start: datetime
    end: datetime


@dataclass
class _Busy:
    """Merged, sorted busy intervals, searchable by bisection."""

    starts: list[datetime] = field(default_factory=list)
    ends: list[datetime] = field(default_factory=list)

    @classmethod
    def merged(cls, intervals: Iterable[tuple[datetime, datetime]]) -> _Busy:
        busy = cls()
        for start, end in sorted(intervals):
            if end <= start:
                continue
            if busy.ends and start <= busy.ends[-1]:
                busy.ends[-1] = max(busy.ends[-1], end)
            else:
                busy.starts.append(start)
                busy.ends.append(end)
        return busy

    def free_until(self, start: datetime, end: datetime) -> datetime | None:
        """None when [start, end) is free, else the end of the busy interval in the way."""
        index = bisect.bisect_right(self.ends, start)  # the first interval ending after start
        if index < len(self.starts) and self.starts[index] < end:
            return self.ends[index]
        return None


def _utc(value: datetime, name: str) -> datetime:
    """`value` in UTC, where arithmetic is absolute (not wall-clock, as within one zone)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware: {value!r}")
    return value.astimezone(UTC)


def _at(day: date, moment: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, moment, zone).astimezone(UTC)


def _busy_intervals(busy_by_person: Mapping[str, Sequence[BusyBlock]], director: str | None,
                    buffers: Buffers) -> Iterable[tuple[datetime, datetime]]:
    for person, blocks in busy_by_person.items():
        before, after = ((buffers.preparation, buffers.travel) if person == director
                         else (timedelta(0), timedelta(0)))
        for block in blocks:
            if block.status in BLOCKING:
                yield (_utc(block.start_at, "start_at") - before,
                       _utc(block.end_at, "end_at") + after)


def _protected_intervals(protected: Sequence[ProtectedBlock], day: date,
                         zone: ZoneInfo) -> Iterable[tuple[datetime, datetime]]:
    for block in protected:
        if block.weekday == day.weekday():
            yield _at(day, block.start, zone), _at(day, block.end, zone)


def find_slots(busy_by_person: Mapping[str, Sequence[BusyBlock]], *, duration: timedelta,
               window_start: datetime, window_end: datetime,
               working_hours: WorkingHours = WorkingHours(), buffers: Buffers = Buffers(),
               director: str | None = None, protected_blocks: Sequence[ProtectedBlock] = (),
               step: timedelta = timedelta(minutes=30), limit: int = 5) -> list[Slot]:
    """The first `limit` slots of `duration` in [window_start, window_end] that suit everyone.

    A slot lies inside working hours on a working day, starts on a `step` from the
    start of the working day, overlaps nobody's busy, tentative or out-of-office time,
    keeps `buffers` around the appointments of `director` (a key of `busy_by_person`)
    and stays out of his `protected_blocks`. Proposals do not overlap: the next one
    starts on the first step after the previous one ends.
    """
    if duration <= timedelta(0) or step <= timedelta(0):
        raise ValueError("duration and step must be positive")
    window_start = _utc(window_start, "window_start")
    window_end = _utc(window_end, "window_end")
    zone = working_hours.zone
    busy = _Busy.merged(_busy_intervals(busy_by_person, director, buffers))
    slots: list[Slot] = []
    day = window_start.astimezone(zone).date()
    while len(slots) < limit and _at(day, time(0), zone) < window_end:
        if working_hours.is_working_day(day):
            _fill_day(slots, day, busy, duration, window_start, window_end, working_hours,
                      protected_blocks, step, limit)
        day += timedelta(days=1)
    return slots


def _fill_day(slots: list[Slot], day: date, busy: _Busy, duration: timedelta,
              window_start: datetime, window_end: datetime, working_hours: WorkingHours,
              protected_blocks: Sequence[ProtectedBlock], step: timedelta, limit: int) -> None:
    zone = working_hours.zone
    day_start = _at(day, working_hours.start, zone)
    day_end = min(_at(day, working_hours.end, zone), window_end)
    blocked = _Busy.merged(_protected_intervals(protected_blocks, day, zone))
    start = _next_step(day_start, max(day_start, window_start), step)
    while len(slots) < limit and start + duration <= day_end:
        end = start + duration
        in_the_way = busy.free_until(start, end) or blocked.free_until(start, end)
        if in_the_way is None:
            slots.append(Slot(start.astimezone(zone), end.astimezone(zone)))
            in_the_way = end  # proposals do not overlap: the next one starts after this
        start = _next_step(day_start, in_the_way, step)


def _next_step(day_start: datetime, moment: datetime, step: timedelta) -> datetime:
    """The first `step` from `day_start` at or after `moment`."""
    return day_start - ((day_start - moment) // step) * step
