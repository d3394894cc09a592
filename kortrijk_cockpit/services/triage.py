"""Mail triage: categorise, flag, mark read, file.

Each change is made locally and, in the same transaction, recorded as an
outbox entry for Exchange, so the user sees it at once and nothing is lost
while Exchange is unreachable. A second change of the same kind to the same
mail before it was pushed updates the waiting entry instead of queueing two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import FlagStatus, Mail, MailFolder, OutboxEntry, OutboxStatus
from kortrijk_cockpit.errors import UserFacingError


class MailNotFound(UserFacingError):
    pass


@dataclass(frozen=True)
class MailState:
    mail_id: int
    categories: tuple[str, ...]
    flag_status: FlagStatus
    flag_due_at: datetime | None
    is_read: bool
    folder_id: int


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


class TriageService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def categorize(self, mail_id: int, categories: list[str]) -> MailState:
        clean = sorted({c.strip() for c in categories if c.strip()})
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            self._queue(s, mail, "set_categories", {"categories": clean},
                        before={"categories": list(mail.categories)})
            mail.categories = clean
            return _state(mail)

    def set_flag(self, mail_id: int, status: FlagStatus, due_at: datetime | None = None) -> MailState:
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            self._queue(s, mail, "set_flag", {"status": status.value, "due_at": _iso(due_at)},
                        before={"status": mail.flag_status.value, "due_at": _iso(mail.flag_due_at)})
            mail.flag_status = status
            mail.flag_due_at = due_at if status == FlagStatus.FLAGGED else None
            return _state(mail)

    def mark_read(self, mail_id: int, is_read: bool = True) -> MailState:
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            self._queue(s, mail, "set_read", {"is_read": is_read}, before={"is_read": mail.is_read})
            mail.is_read = is_read
            return _state(mail)

    def move(self, mail_id: int, folder_id: int) -> MailState:
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            target = s.get(MailFolder, folder_id)
            if target is None or not target.exchange_id:
                raise UserFacingError("Die map bestaat niet (meer) in Exchange.")
            self._queue(s, mail, "move", {"folder_exchange_id": target.exchange_id},
                        before={"folder_id": mail.folder_id})
            mail.folder_id = folder_id
            return _state(mail)

    @staticmethod
    def _mail(s: Session, mail_id: int) -> Mail:
        mail = s.get(Mail, mail_id)
        if mail is None:
            raise MailNotFound("Deze mail bestaat niet meer; ze werd intussen verwijderd.")
        return mail

    @staticmethod
    def _queue(s: Session, mail: Mail, kind: str, payload: dict[str, object],
               *, before: dict[str, object]) -> None:
        waiting = s.scalar(
            select(OutboxEntry).where(
                OutboxEntry.mail_id == mail.id,
                OutboxEntry.kind == kind,
                OutboxEntry.status == OutboxStatus.PENDING,
            )
        )
        if waiting is not None:
            # Keep the first 'before': it is what Exchange still has.
            waiting.payload = {**payload, "before": waiting.payload.get("before", before)}
            return
        s.add(OutboxEntry(kind=kind, mail_id=mail.id, payload={**payload, "before": before}))


def _state(mail: Mail) -> MailState:
    return MailState(mail.id, tuple(mail.categories), mail.flag_status, mail.flag_due_at,
                     mail.is_read, mail.folder_id)
