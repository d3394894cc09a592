"""Everything the Agenda's details panel shows for one appointment, read at once
off the GUI thread: the appointment, who comes, its conflicts, what the office
has for it and its preparation (booked, proposed, or why not). Qt-free."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import CalendarEvent
from kortrijk_cockpit.services.agenda import (
    AgendaEvent,
    AgendaService,
    Conflict,
    WorkingHours,
    conflicts,
)
from kortrijk_cockpit.services.appointment_context import (
    AppointmentContext,
    AppointmentContextService,
    PreparationState,
)
from kortrijk_cockpit.services.preparation import NoRoom, PreparationBlock, PreparationService
from kortrijk_cockpit.services.visits import Checklist, VisitService


@dataclass(frozen=True)
class AppointmentDetails:
    event: AgendaEvent
    attendees: tuple[str, ...]  # names (the address when there is no name)
    conflicts: tuple[Conflict, ...]
    context: AppointmentContext
    booked: PreparationBlock | None = None  # its "Voorbereiding" block
    proposal: PreparationBlock | NoRoom | None = None  # when one is missing
    checklist: Checklist | None = None  # a bezoek or rondleiding: its checklist
    today: date = date.min  # for "te laat"

    def late_items(self) -> int:
        """Checklist items not done and past their date."""
        found = self.checklist
        return sum(1 for i in found.items if not i.done and i.due_date < self.today) \
            if found is not None else 0


def attendee_name(attendee: str) -> str:
    """"Jan Vercruysse <jan@kortrijk.be>" -> "Jan Vercruysse"; a bare address stays."""
    name, _sep, address = attendee.partition("<")
    return name.strip().strip('"') or address.rstrip(">").strip() or attendee.strip()


class AppointmentDetailsService:
    def __init__(self, sessions: sessionmaker[Session], agenda: AgendaService,
                 appointments: AppointmentContextService, preparation: PreparationService,
                 working_hours: Callable[[], tuple[str, str]],
                 visits: VisitService | None = None) -> None:
        self._sessions = sessions
        self._visits = visits
        self._agenda = agenda
        self._appointments = appointments
        self.preparation = preparation
        self._working_hours = working_hours

    def details(self, event_id: int) -> AppointmentDetails | None:
        """None when the appointment no longer exists."""
        with self._sessions() as s:
            row = s.get(CalendarEvent, event_id)
            if row is None:
                return None
            start, private = row.start_at.astimezone(BRUSSELS), row.is_private_block
            attendees = () if private else tuple(attendee_name(a) for a in row.attendees or ())
        # The day either side too: a back-to-back across midnight still counts.
        day = start.date()
        events = self._agenda.events(datetime.combine(day - timedelta(days=1), time(0), BRUSSELS),
                                     datetime.combine(day + timedelta(days=2), time(0), BRUSSELS))
        event = next((e for e in events if e.id == event_id), None)
        if event is None:
            return None
        clashes = conflicts(events, WorkingHours.parse(*self._working_hours()))
        context = self._appointments.context(event_id)
        booked = proposal = None
        if context.preparation is PreparationState.BOOKED:
            block = next((e for e in events if e.id == context.preparation_event_id), None)
            if block is not None:
                booked = PreparationBlock(event_id, block.subject, block.start, block.end)
        elif context.preparation is PreparationState.MISSING:
            proposal = self.preparation.propose(event_id)
        checklist = self._visits.checklist(event_id) \
            if self._visits is not None and not event.is_private_block else None
        return AppointmentDetails(event, attendees, tuple(clashes.get(event_id, ())), context,
                                  booked, proposal, checklist, self._agenda.today())
