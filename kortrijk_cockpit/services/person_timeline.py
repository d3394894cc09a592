"""A person's timeline: what the office had to do with them, newest first.

Drawn from the store only: mails from or to their address, overleg they attended or
whose series they belong to, appointments with their address among the organiser and
attendees, fiches they appear on, and open action points they own. Each kind is
capped (newest first), so a frequent correspondent stays quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import Text, cast, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Attendance,
    Brief,
    BriefPerson,
    CalendarEvent,
    Mail,
    Meeting,
    Person,
    SeriesMember,
)
from kortrijk_cockpit.domain.meetings import ActionStatus
from kortrijk_cockpit.domain.minutes import AttendanceStatus
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.services.people import GONE

PER_KIND = 50
# Dutch labels: the timeline shows them as they are.
MAIL, MEETING, EVENT, FICHE, ACTION = "mail", "overleg", "afspraak", "fiche", "actiepunt"
CONTACT_KINDS = (MAIL, MEETING, EVENT)  # what counts as contact with Kortrijk


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime | None  # None: an action point without a deadline
    kind: str
    title: str
    ref_id: int
    detail: str = ""


@dataclass(frozen=True)
class PersonTimeline:
    person_id: int
    entries: tuple[TimelineEntry, ...]
    last_contact_at: datetime | None
    last_contact_kind: str

    @property
    def glance(self) -> str:
        if self.last_contact_at is None:
            return "Nog geen contact met Kortrijk bekend"
        day = self.last_contact_at.astimezone(BRUSSELS)
        return f"Laatste contact met Kortrijk: {day:%d/%m/%Y} ({self.last_contact_kind})"


class PersonTimelineService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def timeline(self, person_id: int) -> PersonTimeline:
        now = self._clock.now()
        with self._sessions() as s:
            person = existing(s, Person, person_id, GONE)
            address = person.email.strip().lower()
            entries = [*_mails(s, address), *_events(s, address), *_meetings(s, person.id),
                       *_fiches(s, person.id), *_actions(s, person.id)]
            stored_last = person.last_contact_at
        entries.sort(key=lambda e: (e.at or datetime.max.replace(tzinfo=UTC), e.kind,
                                    e.ref_id), reverse=True)
        contact = next((e for e in entries if e.kind in CONTACT_KINDS and e.at is not None
                        and e.at <= now), None)
        last, kind = (contact.at, contact.kind) if contact else (None, "")
        if stored_last is not None and (last is None or stored_last > last):
            last, kind = stored_last, kind or MAIL
        return PersonTimeline(person_id, tuple(entries), last, kind)


def _mails(s: Session, address: str) -> list[TimelineEntry]:
    if not address:
        return []
    like = f"%{address}%"
    stmt = (select(Mail.id, Mail.subject, Mail.received_at, Mail.sent_at, Mail.sender_email)
            .where(or_(func.lower(Mail.sender_email) == address,
                       func.lower(cast(Mail.to_recipients, Text)).like(like),
                       func.lower(cast(Mail.cc_recipients, Text)).like(like)))
            .order_by(func.coalesce(Mail.received_at, Mail.sent_at).desc()).limit(PER_KIND))
    return [TimelineEntry(received or sent, MAIL, subject or "(geen onderwerp)", mid,
                          "van" if (sender or "").lower() == address else "aan")
            for mid, subject, received, sent, sender in s.execute(stmt)]


def _events(s: Session, address: str) -> list[TimelineEntry]:
    if not address:
        return []
    like = f"%{address}%"
    stmt = (select(CalendarEvent.id, CalendarEvent.subject, CalendarEvent.start_at)
            .where(CalendarEvent.is_private_block.is_(False),
                   CalendarEvent.is_cancelled.is_(False),
                   or_(func.lower(CalendarEvent.organizer).like(like),
                       func.lower(cast(CalendarEvent.attendees, Text)).like(like)))
            .order_by(CalendarEvent.start_at.desc()).limit(PER_KIND))
    return [TimelineEntry(start, EVENT, subject, eid) for eid, subject, start in s.execute(stmt)]


def _meetings(s: Session, person_id: int) -> list[TimelineEntry]:
    attended = (select(Meeting.id, Meeting.title, Meeting.starts_at, Attendance.status)
                .join(Attendance, Attendance.meeting_id == Meeting.id)
                .where(Attendance.person_id == person_id)
                .order_by(Meeting.starts_at.desc()).limit(PER_KIND))
    found = {mid: TimelineEntry(at, MEETING, title, mid,
                                "" if status is AttendanceStatus.PRESENT else _status(status))
             for mid, title, at, status in s.execute(attended)}
    member = (select(Meeting.id, Meeting.title, Meeting.starts_at)
              .join(SeriesMember, SeriesMember.series_id == Meeting.series_id)
              .where(SeriesMember.person_id == person_id)
              .order_by(Meeting.starts_at.desc()).limit(PER_KIND))
    for mid, title, at in s.execute(member):
        found.setdefault(mid, TimelineEntry(at, MEETING, title, mid, "lid van de reeks"))
    return list(found.values())


def _status(status: AttendanceStatus) -> str:
    return {AttendanceStatus.EXCUSED: "verontschuldigd",
            AttendanceStatus.ABSENT: "afwezig"}.get(status, "")


def _fiches(s: Session, person_id: int) -> list[TimelineEntry]:
    stmt = (select(Brief.id, Brief.title, Brief.starts_at)
            .join(BriefPerson, BriefPerson.brief_id == Brief.id)
            .where(BriefPerson.person_id == person_id)
            .order_by(Brief.starts_at.desc()).limit(PER_KIND))
    return [TimelineEntry(at, FICHE, title, bid) for bid, title, at in s.execute(stmt)]


def _actions(s: Session, person_id: int) -> list[TimelineEntry]:
    stmt = (select(ActionPoint.id, ActionPoint.title, ActionPoint.due_date)
            .where(ActionPoint.owner_person_id == person_id,
                   ActionPoint.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]))
            .order_by(ActionPoint.id.desc()).limit(PER_KIND))
    return [TimelineEntry(_noon(due), ACTION, title, aid,
                          f"tegen {due:%d/%m/%Y}" if due else "open")
            for aid, title, due in s.execute(stmt)]


def _noon(day: date | None) -> datetime | None:
    return datetime.combine(day, time(12), BRUSSELS) if day else None
