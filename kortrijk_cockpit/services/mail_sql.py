"""SQL pieces the mail list, its counts and the suggestions share.

Categories are a JSON list column. Matching its text (`'["Actie AD", ...]'`)
with LIKE scans 100,000 rows in a few milliseconds on both backends and needs
no JSON functions; the pattern is the category as SQLAlchemy's JSON type
writes it (`json.dumps`, so non-ASCII is `\\u` escaped), quotes included, so
"Actie AD" never matches "Actie ADVIES". On PostgreSQL a trigram index on
`CAST(categories AS TEXT)` (migration 0006) serves this LIKE: keep that expression.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    Text,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    not_,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from kortrijk_cockpit.domain import FolderKind, Mail, MailFolder
from kortrijk_cockpit.services.outcomes import WAITING_OUTCOME
from kortrijk_cockpit.services.waiting import overdue_receipts


def like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def has_category(name: str, mail: Any = Mail) -> ColumnElement[bool]:
    needle = like_escape(json.dumps(name))
    return cast(mail.categories, Text).like(f"%{needle}%", escape="\\")


def has_any_category(names: Sequence[str], mail: Any = Mail) -> ColumnElement[bool]:
    return or_(*(has_category(n, mail) for n in names)) if names else false()


def folder_ids(s: Session, *kinds: FolderKind) -> list[int]:
    return list(s.scalars(select(MailFolder.id).where(MailFolder.kind.in_(kinds))))


def replied(sent_folder_ids: Sequence[int]) -> ColumnElement[bool]:
    """A later mail in the same conversation that the director did not send himself."""
    reply = aliased(Mail)
    return exists().where(
        reply.conversation_id == Mail.conversation_id,
        reply.received_at > Mail.received_at,
        reply.folder_id.not_in(sent_folder_ids) if sent_folder_ids else literal(True),
    )


class TriageSql:
    """The view and state conditions for one moment and one list of outcomes."""

    def __init__(self, s: Session, outcomes: Sequence[str], now: datetime) -> None:
        self.outcomes = list(outcomes)
        self.now = now
        self.sent = folder_ids(s, FolderKind.SENT)
        self.deleted = folder_ids(s, FolderKind.DELETED)
        self.triage_folders = folder_ids(s, FolderKind.INBOX, FolderKind.IMPORTED)
        self._overdue_receipt = overdue_receipts(now).condition()

    @property
    def any_outcome(self) -> ColumnElement[bool]:
        return has_any_category(self.outcomes)

    @property
    def waiting(self) -> ColumnElement[bool]:
        return and_(has_category(WAITING_OUTCOME), not_(replied(self.sent)))

    @property
    def past_due(self) -> ColumnElement[bool]:
        """Its waiting date passed: the one set in triage, or for a mail that got the
        category in Outlook (no date) 5 working days after receipt (`waiting.py`)."""
        return or_(Mail.waiting_due_at <= self.now,
                   and_(Mail.waiting_due_at.is_(None), self._overdue_receipt))

    @property
    def no_reply(self) -> ColumnElement[bool]:
        return and_(self.waiting, self.past_due)

    @property
    def not_deleted(self) -> ColumnElement[bool]:
        return Mail.folder_id.not_in(self.deleted) if self.deleted else literal(True)

    @property
    def later(self) -> ColumnElement[bool]:
        """Untriaged mail put off till a later day: it comes back to Te behandelen then."""
        return and_(Mail.folder_id.in_(self.triage_folders), not_(self.any_outcome),
                    Mail.snoozed_until > self.now)

    @property
    def todo(self) -> ColumnElement[bool]:
        # Untriaged mail of the inbox (or imported), not put off till later; plus any
        # waiting mail whose date passed without a reply: it comes back, marked.
        untriaged = and_(
            Mail.folder_id.in_(self.triage_folders),
            not_(self.any_outcome),
            or_(Mail.snoozed_until.is_(None), Mail.snoozed_until <= self.now),
        )
        return or_(untriaged, and_(self.no_reply, self.not_deleted))

    def state_order(self) -> ColumnElement[int]:
        """New first, then Later, overdue waiting, waiting, replied, handled."""
        has_waiting = has_category(WAITING_OUTCOME)
        is_replied = replied(self.sent)
        return case(
            (and_(has_waiting, is_replied), 4),
            (and_(has_waiting, self.past_due), 2),
            (has_waiting, 3),
            (self.any_outcome, 5),
            (Mail.snoozed_until > self.now, 1),
            else_=0,
        )


def conversation_key() -> ColumnElement[str]:
    """A mail without a conversation is a conversation of its own."""
    return func.coalesce(Mail.conversation_id, literal("#") + cast(Mail.id, String))


def conversation_size() -> ColumnElement[int]:
    other = aliased(Mail)
    counted = (select(func.count(other.id)).where(other.conversation_id == Mail.conversation_id)
               .scalar_subquery())
    return case((Mail.conversation_id.is_(None), 1), else_=counted)


def is_empty_json_list(column: Any) -> ColumnElement[bool]:
    return or_(column.is_(None), cast(column, Text).in_(["[]", "null"]))

