"""A small, explicit mailbox for the mail list, triage and suggestion tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kortrijk_cockpit.domain import FolderKind, Mail, MailFolder
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BXL)  # a Monday morning
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Folders:
    inbox: int
    sent: int
    imported: int
    archive: int
    deleted: int


def folders(store: Store) -> Folders:
    with store.session_factory.begin() as s:
        made = [MailFolder(display_name=name, kind=kind, exchange_id=ex)
                for name, kind, ex in (("Postvak IN", FolderKind.INBOX, "f-inbox"),
                                       ("Verzonden items", FolderKind.SENT, "f-sent"),
                                       ("Geïmporteerd", FolderKind.IMPORTED, None),
                                       ("Archief", FolderKind.CUSTOM, "f-archive"),
                                       ("Verwijderde items", FolderKind.DELETED, "f-deleted"))]
        s.add_all(made)
        s.flush()
        return Folders(*(f.id for f in made))


def mail(store: Store, folder_id: int, subject: str, *, hours_ago: float = 1,
         synced: bool = True, **fields: Any) -> int:
    """One mail received `hours_ago` before NOW; returns its id."""
    n = next(_numbers)
    fields.setdefault("sender_name", "Els Vandamme")
    fields.setdefault("sender_email", "els.vandamme@kortrijk.be")
    with store.session_factory.begin() as s:
        row = Mail(folder_id=folder_id, subject=subject,
                   received_at=NOW - timedelta(hours=hours_ago),
                   exchange_id=f"m{n}" if synced else None,
                   change_key=f"ck{n}" if synced else None, **fields)
        s.add(row)
        s.flush()
        return row.id
