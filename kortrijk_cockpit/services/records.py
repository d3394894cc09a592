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
    LinkKind,
    Mail,
    Meeting,
    Person,
)
from kortrijk_cockpit.services.handing_on import mails_linked_to
from kortrijk_cockpit.services.mail_links import day, read_links


@dataclass(frozen=True)
class RelatedRecord:
    """A record this one is linked to through a handed-on mail, to follow from the card."""

    kind: str  # a record kind: "mail", "action_point", "agenda_item", "brief", "person"
    ref_id: int
    title: str
    detail: str = ""


@dataclass(frozen=True)
class RecordDetail:
    kind: str
    ref_id: int
    title: str
    subtitle: str
    when: datetime | None
    body: str
    # A mail: what it became; an action point, agenda item, brief or person: its mails.
    related: tuple[RelatedRecord, ...] = ()


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
            related = _related(s, kind, ref_id)
        return RecordDetail(kind, ref_id, title, subtitle, when, body, related)


_LINKED_KINDS = {"action_point": LinkKind.ACTION_POINT, "agenda_item": LinkKind.AGENDA_ITEM,
                 "brief": LinkKind.BRIEF, "person": LinkKind.PERSON}


def _related(s: Session, kind: str, ref_id: int) -> tuple[RelatedRecord, ...]:
    """Handed-on mail, followed from both sides: what a mail became, where a record
    came from."""
    if kind == "mail":
        return tuple(RelatedRecord(str(link.kind), link.target_id, link.title, link.detail)
                     for link in read_links(s, ref_id))
    if kind not in _LINKED_KINDS:
        return ()
    return tuple(
        RelatedRecord("mail", m.id, m.subject or "(zonder onderwerp)",
                      ", ".join(x for x in (m.sender, day(m.received_at)) if x))
        for m in mails_linked_to(s, _LINKED_KINDS[kind], ref_id))
