"""What else is in the director's agenda while a meeting request would take place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kortrijk_cockpit.domain import CalendarEvent

MAX_CLASHES = 10  # a card, not an agenda: the rest is in the Agenda area


@dataclass(frozen=True)
class AgendaClash:
    subject: str  # "Privé" for a private appointment
    start: datetime
    end: datetime
    is_all_day: bool


def agenda_during(s: Session, start: datetime, end: datetime, *,
                  leave_out_subject: str = "") -> tuple[AgendaClash, ...]:
    """Appointments overlapping [start, end), earliest first; cancelled ones do not
    count, nor the request's own tentative appointment (Exchange puts it in the
    calendar with the same subject and time)."""
    rows = s.scalars(
        select(CalendarEvent)
        .where(CalendarEvent.start_at < end, CalendarEvent.end_at > start,
               CalendarEvent.is_cancelled.is_(False))
        .order_by(CalendarEvent.start_at, CalendarEvent.id)
        .limit(MAX_CLASHES + 1))
    own = leave_out_subject.strip().casefold()
    return tuple(
        AgendaClash(e.subject, e.start_at, e.end_at, e.is_all_day) for e in rows
        if not (own and e.subject.strip().casefold() == own
                and e.start_at == start and e.end_at == end))[:MAX_CLASHES]
