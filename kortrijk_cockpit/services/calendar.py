"""Appointments in the director's calendar, made from the app.

Like triage, each change is local first and queued for Exchange in the same
transaction; the outbox sends the invitations, updates and cancellations.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import CalendarEvent, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.records import EventDraft


def draft_to_payload(draft: EventDraft) -> dict[str, Any]:
    payload = asdict(draft)
    payload["start_at"] = draft.start_at.isoformat()
    payload["end_at"] = draft.end_at.isoformat()
    payload["sensitivity"] = draft.sensitivity.value
    payload["required"], payload["optional"] = list(draft.required), list(draft.optional)
    return payload


def payload_to_draft(payload: dict[str, Any]) -> EventDraft:
    from kortrijk_cockpit.domain import Sensitivity

    return EventDraft(
        subject=payload["subject"],
        start_at=datetime.fromisoformat(payload["start_at"]),
        end_at=datetime.fromisoformat(payload["end_at"]),
        location=payload.get("location", ""),
        body_html=payload.get("body_html", ""),
        required=tuple(payload.get("required", ())),
        optional=tuple(payload.get("optional", ())),
        is_all_day=bool(payload.get("is_all_day", False)),
        sensitivity=Sensitivity(payload.get("sensitivity", "normal")),
    )


class CalendarService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create(self, draft: EventDraft) -> int:
        if draft.end_at <= draft.start_at:
            raise UserFacingError("Het einde van de afspraak moet na het begin liggen.")
        with self._sessions.begin() as s:
            event = CalendarEvent(subject=draft.subject, start_at=draft.start_at,
                                  end_at=draft.end_at, location=draft.location,
                                  is_all_day=draft.is_all_day,
                                  attendees=[*draft.required, *draft.optional],
                                  sensitivity=draft.sensitivity)
            s.add(event)
            s.flush()
            s.add(OutboxEntry(kind="create_event", event_id=event.id,
                              payload=draft_to_payload(draft)))
            return event.id

    def update(self, event_id: int, draft: EventDraft) -> None:
        with self._sessions.begin() as s:
            event = self._event(s, event_id)
            event.subject, event.location = draft.subject, draft.location
            event.start_at, event.end_at = draft.start_at, draft.end_at
            event.attendees = [*draft.required, *draft.optional]
            s.add(OutboxEntry(kind="update_event", event_id=event.id,
                              payload=draft_to_payload(draft)))

    def cancel(self, event_id: int) -> None:
        with self._sessions.begin() as s:
            event = self._event(s, event_id)
            event.is_cancelled = True
            s.add(OutboxEntry(kind="cancel_event", event_id=event.id, payload={}))

    @staticmethod
    def _event(s: Session, event_id: int) -> CalendarEvent:
        event = s.get(CalendarEvent, event_id)
        if event is None:
            raise UserFacingError("Deze afspraak bestaat niet meer.")
        if event.is_private_block:
            raise UserFacingError("Een privé-afspraak kan alleen in Outlook worden gewijzigd.")
        return event
