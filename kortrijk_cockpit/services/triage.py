"""Mail triage: categorise, flag, mark read, file.

Each change is made locally and, in the same transaction, recorded as an
outbox entry for Exchange (`exchange/outbox_kinds.py` says how), so the user
sees it at once and nothing is lost while Exchange is unreachable. A second
change of the same kind to the same mail before it was pushed updates the
waiting entry instead of queueing two.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import NOTHING, Changes, Kind
from kortrijk_cockpit.domain import FlagStatus, Mail, MailFolder
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, change_field, queue


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
    changes: Changes = field(default=NOTHING, compare=False)


class TriageService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def categorize(self, mail_id: int, categories: list[str]) -> MailState:
        clean = sorted({c.strip() for c in categories if c.strip()})
        return self._change(mail_id, OutboxKind.SET_CATEGORIES, {"categories": clean})

    def set_flag(self, mail_id: int, status: FlagStatus, due_at: datetime | None = None) -> MailState:
        due = due_at.isoformat() if due_at and status == FlagStatus.FLAGGED else None
        return self._change(mail_id, OutboxKind.SET_FLAG, {"status": status.value, "due_at": due})

    def mark_read(self, mail_id: int, is_read: bool = True) -> MailState:
        return self._change(mail_id, OutboxKind.SET_READ, {"is_read": is_read})

    def move(self, mail_id: int, folder_id: int) -> MailState:
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            target = s.get(MailFolder, folder_id)
            if target is None or not target.exchange_id:
                raise UserFacingError("Die map bestaat niet (meer) in Exchange.")
            entry = queue(s, OutboxKind.MOVE,
                          {"folder_exchange_id": target.exchange_id, "folder_id": folder_id,
                           "folder_name": target.display_name},
                          mail=mail, before={"folder_id": mail.folder_id})
            mail.folder_id = folder_id
            is_new = entry in s.new
            s.flush()
            return _state(mail, entry.id, is_new)

    def _change(self, mail_id: int, kind: OutboxKind, values: Mapping[str, Any]) -> MailState:
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            entry = change_field(s, kind, mail, values)
            is_new = entry in s.new
            s.flush()
            return _state(mail, entry.id, is_new)

    @staticmethod
    def _mail(s: Session, mail_id: int) -> Mail:
        mail = s.get(Mail, mail_id)
        if mail is None:
            raise MailNotFound("Deze mail bestaat niet meer; ze werd intussen verwijderd.")
        return mail


def _state(mail: Mail, entry_id: int, new_entry: bool) -> MailState:
    entry = Changes.of(Kind.OUTBOX, created=[entry_id]) if new_entry \
        else Changes.of(Kind.OUTBOX, updated=[entry_id])
    changes = Changes.of(Kind.MAIL, updated=[mail.id]) | entry
    return MailState(mail.id, tuple(mail.categories), mail.flag_status, mail.flag_due_at,
                     mail.is_read, mail.folder_id, changes)
