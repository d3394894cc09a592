"""Appointments in the director's calendar, made from the app.

Like triage, each change is local first and queued for Exchange in the same
transaction; the outbox sends the invitations, updates and cancellations.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import CalendarEvent, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import (
    OutboxKind,
    event_values,
    fill_event,
    local_event_values,
    queue,
)
from kortrijk_cockpit.exchange.records import EventDraft


@dataclass(frozen=True)
class EventWrite:
    event_id: int
    changes: Changes


def _written(event: CalendarEvent, entry: OutboxEntry, *, created: bool = False) -> EventWrite:
    touched = Changes.of(Kind.EVENT, created=[event.id]) if created \
        else Changes.of(Kind.EVENT, updated=[event.id])
    return EventWrite(event.id, touched | Changes.of(Kind.OUTBOX, created=[entry.id]))


class CalendarService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create(self, draft: EventDraft) -> EventWrite:
        _check(draft)
        with self._sessions.begin() as s:
            event = CalendarEvent(subject=draft.subject, start_at=draft.start_at,
                                  end_at=draft.end_at)
            fill_event(event, draft)
            s.add(event)
            s.flush()
            entry = queue(s, OutboxKind.CREATE_EVENT, event_values(draft), event=event)
            s.flush()
            return _written(event, entry, created=True)

    def update(self, event_id: int, draft: EventDraft) -> EventWrite:
        _check(draft)
        with self._sessions.begin() as s:
            event = self._event(s, event_id)
            entry = queue(s, OutboxKind.UPDATE_EVENT, event_values(draft), event=event,
                          before=local_event_values(event))
            fill_event(event, draft)
            s.flush()
            return _written(event, entry)

    def cancel(self, event_id: int) -> EventWrite:
        with self._sessions.begin() as s:
            event = self._event(s, event_id)
            event.is_cancelled = True
            entry = queue(s, OutboxKind.CANCEL_EVENT, {"subject": event.subject}, event=event)
            s.flush()
            return _written(event, entry)

    @staticmethod
    def _event(s: Session, event_id: int) -> CalendarEvent:
        event = s.get(CalendarEvent, event_id)
        if event is None:
            raise UserFacingError("Deze afspraak bestaat niet meer.")
        if event.is_private_block:
            raise UserFacingError("Een privé-afspraak kan alleen in Outlook worden gewijzigd.")
        return event


def _check(draft: EventDraft) -> None:
    if draft.end_at <= draft.start_at:
        raise UserFacingError("Het einde van de afspraak moet na het begin liggen.")
