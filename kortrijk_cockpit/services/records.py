"""Read one record of any searchable kind, for showing a search hit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    Brief,
    DocumentRequest,
    Mail,
    Meeting,
    Person,
)


@dataclass(frozen=True)
class RecordDetail:
    kind: str
    ref_id: int
    title: str
    subtitle: str
    when: datetime | None
    body: str


def _mail(m: Mail) -> Summary:
    return m.subject, f"{m.sender_name} <{m.sender_email}>", m.received_at, m.body_text


def _person(p: Person) -> Summary:
    org = p.organisation.name if p.organisation else ""
    return p.full_name, ", ".join(x for x in (p.function, org) if x), p.last_contact_at, p.notes


def _meeting(m: Meeting) -> Summary:
    return m.title, m.location, m.starts_at, m.minutes_text


def _agenda_item(a: AgendaItem) -> Summary:
    return a.title, a.meeting.title, a.meeting.starts_at, a.description


def _document_request(d: DocumentRequest) -> Summary:
    item = d.agenda_item
    asked = ", ".join(x for x in (d.requested_from, item.meeting.title) if x)
    return d.title, asked, d.due_at, f"Agendapunt: {item.title}"


def _action_point(a: ActionPoint) -> Summary:
    return a.title, a.owner_name, None, a.description


def _brief(b: Brief) -> Summary:
    return b.title, b.place, b.starts_at, b.objective


Summary = tuple[str, str, datetime | None, str]  # title, subtitle, when, body

_READERS: dict[str, tuple[type, Callable[[Any], Summary]]] = {
    "mail": (Mail, _mail),
    "person": (Person, _person),
    "meeting": (Meeting, _meeting),
    "agenda_item": (AgendaItem, _agenda_item),
    "document_request": (DocumentRequest, _document_request),
    "action_point": (ActionPoint, _action_point),
    "brief": (Brief, _brief),
}


class RecordService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def detail(self, kind: str, ref_id: int) -> RecordDetail | None:
        """The record, or None when it no longer exists (or the kind is unknown)."""
        if kind not in _READERS:
            return None
        entity, read = _READERS[kind]
        with self._sessions() as s:
            row = s.get(entity, ref_id)
            if row is None:
                return None
            title, subtitle, when, body = read(row)
        return RecordDetail(kind, ref_id, title, subtitle, when, body)
