"""Read one record of any searchable kind, for showing a search hit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.domain import ActionPoint, AgendaItem, Brief, Mail, Meeting, Person


@dataclass(frozen=True)
class RecordDetail:
    kind: str
    ref_id: int
    title: str
    subtitle: str
    when: datetime | None
    body: str


class RecordService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def detail(self, kind: str, ref_id: int) -> RecordDetail | None:
        with self._sessions() as s:
            match kind:
                case "mail":
                    m = s.get(Mail, ref_id)
                    return m and RecordDetail(kind, ref_id, m.subject,
                                              f"{m.sender_name} <{m.sender_email}>",
                                              m.received_at, m.body_text)
                case "person":
                    p = s.get(Person, ref_id)
                    org = p.organisation.name if p and p.organisation else ""
                    return p and RecordDetail(kind, ref_id, p.full_name,
                                              ", ".join(x for x in (p.function, org) if x),
                                              p.last_contact_at, p.notes)
                case "meeting":
                    mt = s.get(Meeting, ref_id)
                    return mt and RecordDetail(kind, ref_id, mt.title, mt.location,
                                               mt.starts_at, mt.minutes_text)
                case "agenda_item":
                    a = s.get(AgendaItem, ref_id)
                    return a and RecordDetail(kind, ref_id, a.title, a.meeting.title,
                                              a.meeting.starts_at, a.description)
                case "action_point":
                    ap = s.get(ActionPoint, ref_id)
                    return ap and RecordDetail(kind, ref_id, ap.title, ap.owner_name, None,
                                               ap.description)
                case "brief":
                    b = s.get(Brief, ref_id)
                    return b and RecordDetail(kind, ref_id, b.title, b.place, b.starts_at,
                                              b.objective)
        return None
