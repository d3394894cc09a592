""""Voorbereiding" blocks: time the director keeps free to prepare an appointment
that has a fiche or an agenda.

The proposal is the latest block of `preparation_minutes` that ends at or before
the appointment's start, on the same working day, inside working hours and clear
of his other appointments (cancelled and all-day ones do not take time, as in the
Agenda's conflicts). Booking makes an appointment named
`preparation_subject(subject)` (so `AppointmentContextService` recognises it),
without attendees, through `CalendarService.create` (outbox -> Exchange).
Qt-free; reasons are Dutch: they go straight to the details panel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.domain import CalendarEvent
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.records import EventDraft
from kortrijk_cockpit.services.agenda import WorkingHours
from kortrijk_cockpit.services.appointment_context import (
    AppointmentContextService,
    PreparationState,
    preparation_subject,
)
from kortrijk_cockpit.services.calendar import CalendarService, EventWrite

_WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


@dataclass(frozen=True)
class PreparationBlock:
    """A proposed (or booked) block, in Europe/Brussels."""

    event_id: int  # the appointment it prepares
    subject: str
    start: datetime
    end: datetime

    def when(self) -> str:
        """"di 13:30–14:00", as the panel shows it."""
        return f"{_WEEKDAYS[self.start.weekday()]} {self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True)
class NoRoom:
    event_id: int
    reason: str  # Dutch


Proposal = PreparationBlock | NoRoom


def latest_block(start: datetime, busy: Sequence[tuple[datetime, datetime]], *,
                 minutes: int, hours: tuple[time, time],
                 working_day: Callable[[date], bool] = is_working_day) -> tuple[datetime, datetime] | str:
    """The latest free [begin, end) of `minutes` ending at or before `start`, on its
    Brussels day within `hours`; otherwise a Dutch reason. Pure."""
    local = start.astimezone(BRUSSELS)
    day = local.date()
    if not working_day(day):
        return "Geen werkdag: geen voorbereiding voorgesteld."
    length = timedelta(minutes=minutes)
    day_start = datetime.combine(day, hours[0], BRUSSELS)
    day_end = datetime.combine(day, hours[1], BRUSSELS)
    latest_end = min(local, day_end)
    if latest_end - length < day_start:
        return (f"Geen {minutes} minuten binnen de werkuren "
                f"({hours[0]:%H:%M}–{hours[1]:%H:%M}) vóór deze afspraak.")
    # The latest block ends at `latest_end` or where another appointment begins.
    ends = sorted({latest_end, *(b for b, _e in busy if day_start < b < latest_end)},
                  reverse=True)
    for end in ends:
        begin = end - length
        if begin < day_start:
            break
        if not any(b < end and e > begin for b, e in busy):
            return begin.astimezone(BRUSSELS), end.astimezone(BRUSSELS)
    return f"Geen vrije {minutes} minuten vóór deze afspraak op dezelfde dag."


class PreparationService:
    def __init__(self, sessions: sessionmaker[Session], calendar: CalendarService,
                 appointments: AppointmentContextService, *,
                 minutes: Callable[[], int], working_hours: Callable[[], tuple[str, str]]) -> None:
        # Settings are read at each call: a change in the settings counts at once.
        self._sessions = sessions
        self._calendar = calendar
        self._appointments = appointments
        self._minutes = minutes
        self._working_hours = working_hours

    def propose(self, event_id: int) -> Proposal:
        return self.proposals([event_id])[event_id]

    def proposals(self, event_ids: Sequence[int]) -> dict[int, Proposal]:
        """For each appointment that needs one and has none booked, a block or a reason."""
        hours = WorkingHours.parse(*self._working_hours())
        minutes = max(5, int(self._minutes()))
        contexts = self._appointments.contexts(event_ids)
        wanted = [i for i, c in contexts.items() if c.preparation is PreparationState.MISSING]
        found: dict[int, Proposal] = {}
        with self._sessions() as s:
            events = {e.id: e for e in s.scalars(
                select(CalendarEvent).where(CalendarEvent.id.in_(wanted)))}
            for event_id in wanted:
                event = events[event_id]
                slot = latest_block(event.start_at, self._busy(s, event),
                                    minutes=minutes, hours=(hours.start, hours.end))
                found[event_id] = NoRoom(event_id, slot) if isinstance(slot, str) else \
                    PreparationBlock(event_id, preparation_subject(event.subject), *slot)
        for event_id in event_ids:
            if event_id not in found:
                context = contexts.get(event_id)
                found[event_id] = NoRoom(event_id, "Voorbereiding is al geboekt."
                                         if context and context.preparation
                                         is PreparationState.BOOKED
                                         else "Niets om voor te bereiden: geen fiche of agenda.")
        return found

    def book(self, event_id: int) -> EventWrite:
        """Book the proposed block now (proposed again: the calendar may have moved on)."""
        proposal = self.propose(event_id)
        if isinstance(proposal, NoRoom):
            raise UserFacingError(proposal.reason)
        return self._calendar.create(EventDraft(
            subject=proposal.subject, start_at=proposal.start, end_at=proposal.end))

    @staticmethod
    def _busy(s: Session, event: CalendarEvent) -> list[tuple[datetime, datetime]]:
        day = event.start_at.astimezone(BRUSSELS).date()
        begin = datetime.combine(day, time(0), BRUSSELS)
        rows = s.execute(select(CalendarEvent.start_at, CalendarEvent.end_at).where(
            CalendarEvent.id != event.id, CalendarEvent.is_cancelled.is_(False),
            CalendarEvent.is_all_day.is_(False),
            CalendarEvent.start_at < event.start_at, CalendarEvent.end_at > begin))
        return [(start, end) for start, end in rows]
