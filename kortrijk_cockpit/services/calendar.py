"""Appointments in the director's calendar, made from the app.

Like triage, each change is local first and queued for Exchange in the same
transaction; the outbox sends the invitations, updates and cancellations.
An occurrence of a recurring series is changed on its own, or the whole
series with it (`whole_series`): then every occurrence the store holds shows
the change at once, and Exchange gets it on the series.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS
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

if TYPE_CHECKING:
    from kortrijk_cockpit.services.appointment_form import AppointmentDetails


@dataclass(frozen=True)
class EventWrite:
    event_id: int
    changes: Changes


@dataclass(frozen=True)
class EventChanges:
    """What an edit changes; None leaves a field as it is."""

    subject: str | None = None
    location: str | None = None
    start_at: datetime | None = None
    end_at: datetime | None = None
    attendees: tuple[str, ...] | None = None  # "Naam <adres>" or "adres"; all required

    def values(self) -> dict[str, Any]:
        """In the outbox payload's names and shape (EventDraft's)."""
        found: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, datetime):
                if value.tzinfo is None:
                    raise ValueError(f"{f.name} must be timezone-aware")
                found[f.name] = value.isoformat()
            elif f.name == "attendees":
                found["required"], found["optional"] = list(value), []
            else:
                found[f.name] = value
        return found


def _written(event: CalendarEvent, entry: OutboxEntry, *, created: bool = False,
             others: list[int] | None = None) -> EventWrite:
    touched = Changes.of(Kind.EVENT, created=[event.id]) if created \
        else Changes.of(Kind.EVENT, updated=[event.id, *(others or ())])
    return EventWrite(event.id, touched | Changes.of(Kind.OUTBOX, created=[entry.id]))


class CalendarService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create(self, draft: EventDraft, *, meeting_id: int | None = None) -> EventWrite:
        """A new appointment (invitations to its attendees go with it); `meeting_id`
        links it to the overleg it is the appointment of."""
        _check(draft.start_at, draft.end_at)
        with self._sessions.begin() as s:
            event = CalendarEvent(subject=draft.subject, start_at=draft.start_at,
                                  end_at=draft.end_at, meeting_id=meeting_id)
            fill_event(event, draft)
            s.add(event)
            s.flush()
            entry = queue(s, OutboxKind.CREATE_EVENT, event_values(draft), event=event)
            s.flush()
            return _written(event, entry, created=True)

    def update(self, event_id: int, draft: EventDraft) -> EventWrite:
        _check(draft.start_at, draft.end_at)
        with self._sessions.begin() as s:
            event = self._event(s, event_id)
            entry = queue(s, OutboxKind.UPDATE_EVENT, event_values(draft), event=event,
                          before=local_event_values(event))
            fill_event(event, draft)
            s.flush()
            return _written(event, entry)

    def move(self, event_id: int, new_start: datetime, *,
             whole_series: bool = False) -> EventWrite:
        """To another start, keeping its length."""
        with self._sessions() as s:
            event = self._event(s, event_id)
            length = event.end_at - event.start_at
        return self.edit(event_id, EventChanges(start_at=new_start, end_at=new_start + length),
                         whole_series=whole_series)

    def resize(self, event_id: int, new_end: datetime, *,
               whole_series: bool = False) -> EventWrite:
        """Another end; for the whole series, every occurrence gets the same new length."""
        return self.edit(event_id, EventChanges(end_at=new_end), whole_series=whole_series)

    def edit(self, event_id: int, changes: EventChanges, whole_series: bool = False) -> EventWrite:
        wanted = changes.values()
        if not wanted:
            raise UserFacingError("Er is niets gewijzigd aan de afspraak.")
        with self._sessions.begin() as s:
            event = self._changeable(s, event_id, whole_series)
            before = local_event_values(event)
            after = {**before, **wanted}
            start = datetime.fromisoformat(after["start_at"])
            end = datetime.fromisoformat(after["end_at"])
            _check(start, end)
            if whole_series and _local_day(start) != _local_day(event.start_at):
                raise UserFacingError(
                    "Een hele reeks kan hier alleen binnen dezelfde dag verschuiven. "
                    "Kies een andere dag voor de reeks in Outlook, of verplaats alleen "
                    "deze keer.")
            others = self._series(s, event) if whole_series else []
            if others:
                before["series_rows"] = {str(o.id): local_event_values(o) for o in others}
            values = {**_draft_values(event), **wanted, "fields": sorted(wanted),
                      "series": whole_series}
            entry = queue(s, OutboxKind.UPDATE_EVENT, values, event=event, before=before)
            for other in others:
                _apply(other, wanted, event)
            _apply(event, wanted, event)
            s.flush()
            return _written(event, entry, others=[o.id for o in others])

    def cancel(self, event_id: int, *, whole_series: bool = False,
               message: str = "") -> EventWrite:
        """Cancel it, telling its attendees (with her `message`, when given)."""
        with self._sessions.begin() as s:
            event = self._changeable(s, event_id, whole_series)
            others = self._series(s, event) if whole_series else []
            before = {"series_rows": {str(o.id): {} for o in others}} if others else None
            for row in (event, *others):
                row.is_cancelled = True
            entry = queue(s, OutboxKind.CANCEL_EVENT,
                          {"subject": event.subject, "series": whole_series,
                           "message": message.strip()},
                          event=event, before=before)
            s.flush()
            return _written(event, entry, others=[o.id for o in others])

    def details(self, event_id: int) -> AppointmentDetails:
        """The appointment as the dialog fills it in; a Dutch refusal when it cannot
        change (the same check as the writes, so the two never disagree)."""
        from kortrijk_cockpit.services.appointment_form import AppointmentDetails

        with self._sessions() as s:
            event = self._changeable(s, event_id, False)
            return AppointmentDetails(
                id=event.id, subject=event.subject, location=event.location,
                start=event.start_at.astimezone(BRUSSELS),
                end=event.end_at.astimezone(BRUSSELS), is_all_day=event.is_all_day,
                attendees=tuple(event.attendees or ()), body=event.body_text,
                is_recurring=bool(event.series_exchange_id))

    def _changeable(self, s: Session, event_id: int, whole_series: bool) -> CalendarEvent:
        event = self._event(s, event_id)
        if event.is_cancelled:
            raise UserFacingError("Deze afspraak is geannuleerd.")
        if whole_series and not event.series_exchange_id:
            raise UserFacingError("Deze afspraak hoort niet bij een reeks.")
        return event

    @staticmethod
    def _series(s: Session, event: CalendarEvent) -> list[CalendarEvent]:
        """The other occurrences of its series the store holds."""
        return list(s.scalars(select(CalendarEvent).where(
            CalendarEvent.series_exchange_id == event.series_exchange_id,
            CalendarEvent.id != event.id)))

    @staticmethod
    def _event(s: Session, event_id: int) -> CalendarEvent:
        event = s.get(CalendarEvent, event_id)
        if event is None:
            raise UserFacingError("Deze afspraak bestaat niet meer.")
        if event.is_private_block:
            raise UserFacingError("Een privé-afspraak kan alleen in Outlook worden gewijzigd.")
        return event


def _draft_values(event: CalendarEvent) -> dict[str, Any]:
    """The appointment as a draft for the payload (only the changed fields are sent)."""
    return {"subject": event.subject, "start_at": event.start_at.isoformat(),
            "end_at": event.end_at.isoformat(), "location": event.location,
            "is_all_day": event.is_all_day, "sensitivity": event.sensitivity.value}


def _apply(row: CalendarEvent, wanted: Mapping[str, Any], changed: CalendarEvent) -> None:
    """The change to `changed` on `row` (itself, or another occurrence of its series:
    moved as far on the wall clock, with the same new length)."""
    if "subject" in wanted:
        row.subject = wanted["subject"]
    if "location" in wanted:
        row.location = wanted["location"]
    if "required" in wanted:
        row.attendees = [*wanted["required"], *wanted.get("optional", ())]
    if "start_at" not in wanted and "end_at" not in wanted:
        return
    start = datetime.fromisoformat(wanted.get("start_at", changed.start_at.isoformat()))
    end = datetime.fromisoformat(wanted.get("end_at", changed.end_at.isoformat()))
    if row is not changed:
        length = end - start
        start = _wall_clock(row.start_at) + (_wall_clock(start) - _wall_clock(changed.start_at))
        end = start + length
    row.start_at, row.end_at = start, end


def _wall_clock(moment: datetime) -> datetime:
    return moment.astimezone(BRUSSELS)


def _local_day(moment: datetime) -> object:
    return moment.astimezone(BRUSSELS).date()


def _check(start: datetime, end: datetime) -> None:
    if end <= start:
        raise UserFacingError("Het einde van de afspraak moet na het begin liggen.")
