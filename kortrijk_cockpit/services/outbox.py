"""What waits for Exchange, and the user's say over it ("Uitgaand")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import (
    AuditEntry,
    CalendarEvent,
    FlagStatus,
    Mail,
    OutboxEntry,
    OutboxStatus,
)
from kortrijk_cockpit.errors import UserFacingError

OPEN = (OutboxStatus.PENDING, OutboxStatus.FAILED, OutboxStatus.CONFLICT)


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


class OutboxService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def open_entries(self) -> list[OutboxItem]:
        with self._sessions() as s:
            rows = s.execute(
                select(OutboxEntry, Mail.subject, CalendarEvent.subject)
                .outerjoin(Mail, Mail.id == OutboxEntry.mail_id)
                .outerjoin(CalendarEvent, CalendarEvent.id == OutboxEntry.event_id)
                .where(OutboxEntry.status.in_(OPEN))
                .order_by(OutboxEntry.id)
            ).all()
        return [
            OutboxItem(e.id, e.kind, e.status, e.created_at,
                       mail_subject or event_subject or str(e.payload.get("subject", "")),
                       e.attempts, e.last_error, e.next_attempt_at)
            for e, mail_subject, event_subject in rows
        ]

    def retry(self, entry_id: int) -> None:
        """Try again now; for a conflict this means: keep my change, overwrite Outlook's."""
        with self._sessions.begin() as s:
            entry = self._entry(s, entry_id)
            if entry.status == OutboxStatus.CONFLICT:
                entry.payload = {**entry.payload, "force": True}
            entry.status = OutboxStatus.PENDING
            entry.next_attempt_at = None
            entry.last_error = ""
            s.add(AuditEntry(action=f"outbox_retry:{entry.kind}", entity="outbox",
                             entity_id=entry.id))

    def discard(self, entry_id: int) -> None:
        """Drop the change; the mail shows what Exchange has (Outlook's version wins)."""
        with self._sessions.begin() as s:
            entry = self._entry(s, entry_id)
            mail = s.get(Mail, entry.mail_id) if entry.mail_id else None
            if mail is not None:
                _revert(mail, entry)
            s.add(AuditEntry(action=f"outbox_discard:{entry.kind}", entity="outbox",
                             entity_id=entry.id, detail={"mail_id": entry.mail_id}))
            s.delete(entry)

    @staticmethod
    def _entry(s: Session, entry_id: int) -> OutboxEntry:
        entry = s.get(OutboxEntry, entry_id)
        if entry is None or entry.status not in OPEN:
            raise UserFacingError("Deze wijziging staat niet meer in de wachtrij.")
        return entry


def _revert(mail: Mail, entry: OutboxEntry) -> None:
    payload = entry.payload
    before = payload.get("before", {})
    server = payload.get("server")
    if entry.kind == "set_categories":
        mail.categories = list(server if server is not None else before.get("categories", []))
    elif entry.kind == "set_read":
        mail.is_read = bool(server if server is not None else before.get("is_read", mail.is_read))
    elif entry.kind == "set_flag":
        status, due = server if server is not None else (before.get("status"), before.get("due_at"))
        mail.flag_status = FlagStatus(status or FlagStatus.NONE.value)
        mail.flag_due_at = datetime.fromisoformat(due) if due else None
    elif entry.kind == "move" and "folder_id" in before:
        mail.folder_id = int(before["folder_id"])
