"""Reading a mail's links: what it was handed on to, titled for the reading pane."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    Brief,
    DocumentRequest,
    LinkKind,
    MailLink,
    Person,
)
from kortrijk_cockpit.services.mail_list import LinkInfo


def day(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = moment.astimezone(BRUSSELS).date()
    return moment.strftime("%d/%m/%Y")


def link_info(s: Session, kind: LinkKind, target_id: int) -> LinkInfo | None:
    """The target as a link, or None when it no longer exists."""
    if kind == LinkKind.ACTION_POINT:
        point = s.get(ActionPoint, target_id)
        if point is None:
            return None
        detail = " · ".join(x for x in (point.owner_name, day(point.due_date)) if x)
        return LinkInfo(kind, target_id, point.title, detail)
    if kind == LinkKind.AGENDA_ITEM:
        item = s.get(AgendaItem, target_id)
        if item is None:
            return None
        return LinkInfo(kind, target_id, item.title,
                        f"{item.meeting.title} {day(item.meeting.starts_at)}")
    if kind == LinkKind.BRIEF:
        brief = s.get(Brief, target_id)
        if brief is None:
            return None
        return LinkInfo(kind, target_id, brief.title, day(brief.starts_at))
    if kind == LinkKind.DOCUMENT_REQUEST:  # "Stuk: …" for the meeting it was asked for
        request = s.get(DocumentRequest, target_id)
        if request is None:
            return None
        meeting = request.agenda_item.meeting
        return LinkInfo(kind, target_id, request.title, f"{meeting.title} {day(meeting.starts_at)}")
    person = s.get(Person, target_id)
    if person is None:
        return None
    return LinkInfo(kind, target_id, person.full_name, person.function)


def read_links(s: Session, mail_id: int) -> list[LinkInfo]:
    """What this mail became, oldest link first."""
    rows = s.execute(select(MailLink.target_kind, MailLink.target_id)
                     .where(MailLink.mail_id == mail_id)
                     .order_by(MailLink.created_at, MailLink.id)).all()
    found = (link_info(s, kind, target) for kind, target in rows)
    return [info for info in found if info is not None]
