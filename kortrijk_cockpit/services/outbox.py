"""What waits for Exchange, and the user's say over it ("Uitgaand")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import (
    AuditEntry,
    CalendarEvent,
    Mail,
    OutboxEntry,
    OutboxStatus,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import (
    OPEN_STATUSES,
    Payload,
    describe,
    row_of,
    spec_of,
)


@dataclass(frozen=True)
class OutboxItem:
    entry_id: int
    kind: str
    status: OutboxStatus
    created_at: datetime
    subject: str
    attempts: int
    last_error: str
    next_attempt_at: datetime | None
    description: str = ""  # Dutch: what the change does ("Categorieën: MAT")


class OutboxService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def open_entries(self) -> list[OutboxItem]:
        return self._items()

    def entries(self, entry_ids: Iterable[int]) -> list[OutboxItem]:
        """Those of these entries that still wait (for a list that updates in place)."""
        ids = list(entry_ids)
        return self._items(OutboxEntry.id.in_(ids)) if ids else []

    def _items(self, *where: ColumnElement[bool]) -> list[OutboxItem]:
        with self._sessions() as s:
            rows = s.execute(
                select(OutboxEntry, Mail.subject, CalendarEvent.subject)
                .outerjoin(Mail, Mail.id == OutboxEntry.mail_id)
                .outerjoin(CalendarEvent, CalendarEvent.id == OutboxEntry.event_id)
                .where(OutboxEntry.status.in_(OPEN_STATUSES), *where)
                .order_by(OutboxEntry.id)
            ).all()
        return [
            OutboxItem(e.id, e.kind, e.status, e.created_at,
                       mail_subject or event_subject or str(e.payload.get("subject", "")),
                       e.attempts, e.last_error, e.next_attempt_at,
                       describe(e.kind, e.payload))
            for e, mail_subject, event_subject in rows
        ]

    def retry(self, entry_id: int) -> Changes:
        """Try again now; for a conflict this means: keep my change, overwrite Outlook's."""
        with self._sessions.begin() as s:
            entry = self._entry(s, entry_id)
            if entry.status == OutboxStatus.CONFLICT:
                entry.payload = Payload.load(entry.payload).replace(force=True).dump()
            entry.status = OutboxStatus.PENDING
            entry.next_attempt_at = None
            entry.last_error = ""
            s.add(AuditEntry(action=f"outbox_retry:{entry.kind}", entity="outbox",
                             entity_id=entry.id))
            return Changes.of(Kind.OUTBOX, updated=[entry.id])

    def discard(self, entry_id: int) -> Changes:
        """Drop the change; the item shows what Exchange has (Outlook's version wins)."""
        with self._sessions.begin() as s:
            entry = self._entry(s, entry_id)
            spec = spec_of(entry.kind)
            changes = Changes.of(Kind.OUTBOX, removed=[entry.id])
            row = row_of(s, spec, entry)
            if isinstance(row, Mail):
                changes |= Changes.of(Kind.MAIL, updated=[row.id])
            elif isinstance(row, CalendarEvent):
                changes |= Changes.of(Kind.EVENT, updated=[row.id])
            payload = Payload.load(entry.payload)
            if row is not None:
                spec.revert(row, payload)
            cleanup = spec.discarded(s, entry, payload)
            if cleanup is not None:
                s.flush()
                changes |= Changes.of(Kind.OUTBOX, created=[cleanup.id])
            s.add(AuditEntry(action=f"outbox_discard:{entry.kind}", entity="outbox",
                             entity_id=entry.id,
                             detail={"mail_id": entry.mail_id, "event_id": entry.event_id}))
            s.delete(entry)
            return changes

    @staticmethod
    def _entry(s: Session, entry_id: int) -> OutboxEntry:
        entry = s.get(OutboxEntry, entry_id)
        if entry is None or entry.status not in OPEN_STATUSES:
            raise UserFacingError("Deze wijziging staat niet meer in de wachtrij.")
        return entry
