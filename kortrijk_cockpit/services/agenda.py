"""The director's calendar as the Agenda area shows it, and what clashes in it.

Qt-free. Times come back in Europe/Brussels; a private appointment only as
"Privé" busy time. Conflict texts are Dutch: they go straight to a tooltip.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import CalendarEvent

PRIVATE_SUBJECT = "Privé"


@dataclass(frozen=True)
class AgendaEvent:
    id: int
    subject: str
    start: datetime  # Europe/Brussels
    end: datetime
    is_all_day: bool
    location: str
    organizer: str
    categories: tuple[str, ...]
    is_private_block: bool
    is_cancelled: bool
    meeting_id: int | None


class ConflictKind(enum.StrEnum):
    OVERLAP = "overlap"
    BACK_TO_BACK = "back_to_back"  # no time to get from one place to the next
    OUTSIDE_HOURS = "outside_hours"


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    message: str  # Dutch
    other_id: int | None = None


@dataclass(frozen=True)
class WorkingHours:
    start: time
    end: time

    @classmethod
    def parse(cls, start: str, end: str) -> WorkingHours:
        """From the settings' "08:00" and "18:00"; nonsense falls back to those."""
        try:
            begin, finish = time.fromisoformat(start), time.fromisoformat(end)
        except ValueError:
            return cls(time(8), time(18))
        return cls(begin, finish) if begin < finish else cls(time(8), time(18))


class AgendaService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def now(self) -> datetime:
        return self._clock.now()

    def today(self) -> date:
        return self._clock.now().astimezone(BRUSSELS).date()

    def events(self, start: datetime, end: datetime) -> list[AgendaEvent]:
        """Appointments that overlap [start, end), cancelled ones included, in time order."""
        with self._sessions() as s:
            rows = s.scalars(
                select(CalendarEvent)
                .where(CalendarEvent.start_at < end, CalendarEvent.end_at > start)
                .order_by(CalendarEvent.start_at, CalendarEvent.end_at, CalendarEvent.id))
            return [_event(row) for row in rows]


def _event(row: CalendarEvent) -> AgendaEvent:
    private = row.is_private_block
    return AgendaEvent(
        id=row.id,
        subject=PRIVATE_SUBJECT if private else row.subject,
        start=row.start_at.astimezone(BRUSSELS),
        end=row.end_at.astimezone(BRUSSELS),
        is_all_day=row.is_all_day,
        location="" if private else row.location,
        organizer="" if private else row.organizer,
        categories=() if private else tuple(row.categories or ()),
        is_private_block=private,
        is_cancelled=row.is_cancelled,
        meeting_id=row.meeting_id,
    )


def conflicts(events: Sequence[AgendaEvent],
              working_hours: WorkingHours) -> dict[int, list[Conflict]]:
    """Per event id, what is wrong with it: overlaps, back-to-back appointments at
    different places, time outside working hours. All-day and cancelled
    appointments never conflict."""
    timed = sorted((e for e in events if not e.is_all_day and not e.is_cancelled),
                   key=lambda e: (e.start, e.end, e.id))
    found: dict[int, list[Conflict]] = {}

    def add(event: AgendaEvent, conflict: Conflict) -> None:
        found.setdefault(event.id, []).append(conflict)

    active: list[AgendaEvent] = []  # started earlier and not yet ended (sweep)
    for event in timed:
        active = [a for a in active if a.end > event.start]
        for other in active:
            add(event, _overlap(other))
            add(other, _overlap(event))
        active.append(event)
    by_start: dict[datetime, list[AgendaEvent]] = {}
    for event in timed:
        by_start.setdefault(event.start, []).append(event)
    for event in timed:
        for following in by_start.get(event.end, ()):
            if _places_differ(event, following):
                add(event, Conflict(ConflictKind.BACK_TO_BACK,
                                    f"Meteen daarna elders: {following.subject} "
                                    f"({following.location})", following.id))
                add(following, Conflict(ConflictKind.BACK_TO_BACK,
                                        f"Meteen daarvoor elders: {event.subject} "
                                        f"({event.location})", event.id))
    for event in timed:
        outside = _outside(event, working_hours)
        if outside:
            add(event, Conflict(ConflictKind.OUTSIDE_HOURS, outside))
    return found


def _overlap(other: AgendaEvent) -> Conflict:
    return Conflict(ConflictKind.OVERLAP,
                    f"Overlapt met {other.subject} ({_hhmm(other.start)}–{_hhmm(other.end)})",
                    other.id)


def _places_differ(first: AgendaEvent, second: AgendaEvent) -> bool:
    here, there = first.location.strip().casefold(), second.location.strip().casefold()
    return bool(here and there and here != there)


def _outside(event: AgendaEvent, hours: WorkingHours) -> str:
    start, end = event.start.astimezone(BRUSSELS), event.end.astimezone(BRUSSELS)
    span = f"{hours.start:%H:%M}–{hours.end:%H:%M}"
    if start.weekday() >= 5:
        return "In het weekend"
    day_start = datetime.combine(start.date(), hours.start, BRUSSELS)
    day_end = datetime.combine(start.date(), hours.end, BRUSSELS)
    if start < day_start or end > day_end:
        return f"Buiten de werkuren ({span})"
    return ""


def _hhmm(moment: datetime) -> str:
    return f"{moment.astimezone(BRUSSELS):%H:%M}"
