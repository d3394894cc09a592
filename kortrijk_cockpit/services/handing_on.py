"""Hand a mail on to the office's work: an action point, an agenda item, a brief,
a person. Each link is a `MailLink` row (and `source_mail_id` where the record
has one), so it can be followed from both sides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import (
    ActionEventKind,
    ActionPoint,
    AgendaItem,
    AgendaItemKind,
    Brief,
    LinkKind,
    Mail,
    MailLink,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    Person,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.action_events import record
from kortrijk_cockpit.services.mail_links import link_info, read_links
from kortrijk_cockpit.services.mail_list import LinkInfo
from kortrijk_cockpit.services.mail_sql import like_escape
from kortrijk_cockpit.services.triage import MailNotFound

# What a link to each kind touches besides the mail.
_TARGET_KIND = {LinkKind.ACTION_POINT: Kind.ACTION_POINT, LinkKind.AGENDA_ITEM: Kind.MEETING,
                LinkKind.BRIEF: Kind.BRIEF, LinkKind.PERSON: Kind.PERSON}


@dataclass(frozen=True)
class HandOn:
    link: LinkInfo
    changes: Changes


@dataclass(frozen=True)
class MailRef:
    id: int
    subject: str
    sender: str
    received_at: datetime | None


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    title: str
    starts_at: datetime
    series_code: str | None


@dataclass(frozen=True)
class SeriesChoice:
    code: str
    name: str


@dataclass(frozen=True)
class BriefChoice:
    id: int
    title: str
    starts_at: datetime | None


@dataclass(frozen=True)
class PersonChoice:
    id: int
    full_name: str
    function: str
    organisation: str
    email: str


class HandOnService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    # -- writing ---------------------------------------------------------------------

    def make_action_point(self, mail_id: int, *, title: str, owner_name: str,
                          due_date: date | None, owner_person_id: int | None = None) -> HandOn:
        with self._sessions.begin() as s:
            mail = _mail(s, mail_id)
            point = ActionPoint(title=_title(title, mail), owner_name=owner_name.strip(),
                                owner_person_id=owner_person_id, due_date=due_date,
                                description=_origin(mail), source_mail_id=mail.id,
                                created_at=self._clock.now())
            s.add(point)
            s.flush()
            record(s, point, ActionEventKind.CREATED, at=self._clock.now(),
                   new=f"uit mail: {mail.subject}"[:200])
            return _link(s, mail, LinkKind.ACTION_POINT, point.id,
                         Changes.of(Kind.ACTION_POINT, created=[point.id]))

    def put_on_agenda(self, mail_id: int, *, title: str, meeting_id: int | None = None,
                      series_code: str | None = None,
                      kind: AgendaItemKind = AgendaItemKind.DISCUSSION, owner_name: str = "",
                      duration_minutes: int = 15) -> HandOn:
        """On a chosen meeting, or on the next planned meeting of a series."""
        with self._sessions.begin() as s:
            mail = _mail(s, mail_id)
            meeting = self._meeting(s, meeting_id, series_code)
            position = s.scalar(select(func.coalesce(func.max(AgendaItem.position), -1))
                                .where(AgendaItem.meeting_id == meeting.id))
            item = AgendaItem(meeting_id=meeting.id, position=int(position or 0) + 1,
                              title=_title(title, mail), description=_origin(mail), kind=kind,
                              owner_name=owner_name.strip(), duration_minutes=duration_minutes,
                              source_mail_id=mail.id)
            s.add(item)
            s.flush()
            return _link(s, mail, LinkKind.AGENDA_ITEM, item.id,
                         Changes.of(Kind.MEETING, updated=[meeting.id]))

    def attach_to_brief(self, mail_id: int, brief_id: int) -> HandOn:
        with self._sessions.begin() as s:
            mail = _mail(s, mail_id)
            if s.get(Brief, brief_id) is None:
                raise UserFacingError("Die fiche bestaat niet meer.")
            return _link(s, mail, LinkKind.BRIEF, brief_id,
                         Changes.of(Kind.BRIEF, updated=[brief_id]))

    def link_person(self, mail_id: int, person_id: int) -> HandOn:
        with self._sessions.begin() as s:
            mail = _mail(s, mail_id)
            if s.get(Person, person_id) is None:
                raise UserFacingError("Die persoon bestaat niet meer.")
            return _link(s, mail, LinkKind.PERSON, person_id,
                         Changes.of(Kind.PERSON, updated=[person_id]))

    def unlink(self, mail_id: int, kind: LinkKind, target_id: int) -> Changes:
        """Forget the link; the action point or agenda item itself stays."""
        with self._sessions.begin() as s:
            s.execute(delete(MailLink).where(MailLink.mail_id == mail_id,
                                             MailLink.target_kind == kind,
                                             MailLink.target_id == target_id))
            record = {LinkKind.ACTION_POINT: ActionPoint,
                      LinkKind.AGENDA_ITEM: AgendaItem}.get(kind)
            touched = Changes.of(_TARGET_KIND[kind], updated=[target_id])
            if record is not None:
                row = s.get(record, target_id)
                if row is not None and row.source_mail_id == mail_id:
                    row.source_mail_id = None
                if isinstance(row, AgendaItem):
                    touched = Changes.of(Kind.MEETING, updated=[row.meeting_id])
            return Changes.of(Kind.MAIL, updated=[mail_id]) | touched

    def _meeting(self, s: Session, meeting_id: int | None, series_code: str | None) -> Meeting:
        if meeting_id is not None:
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                raise UserFacingError("Dat overleg bestaat niet meer.")
            return meeting
        if not series_code:
            raise UserFacingError("Kies een overleg of een reeks.")
        meeting = s.scalar(
            select(Meeting).join(MeetingSeries, Meeting.series_id == MeetingSeries.id)
            .where(MeetingSeries.code == series_code, Meeting.status == MeetingStatus.PLANNED,
                   Meeting.starts_at >= self._clock.now())
            .order_by(Meeting.starts_at).limit(1))
        if meeting is None:
            raise UserFacingError(f"Er is geen gepland {series_code}-overleg meer; "
                                  "plan er eerst een in.")
        return meeting

    # -- reading ---------------------------------------------------------------------

    def links(self, mail_id: int) -> list[LinkInfo]:
        with self._sessions() as s:
            return read_links(s, mail_id)

    def mails_linked_to(self, kind: LinkKind, target_id: int) -> list[MailRef]:
        with self._sessions() as s:
            return mails_linked_to(s, kind, target_id)

    def meetings_ahead(self, limit: int = 30) -> list[MeetingChoice]:
        with self._sessions() as s:
            rows = s.execute(
                select(Meeting.id, Meeting.title, Meeting.starts_at, MeetingSeries.code)
                .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
                .where(Meeting.starts_at >= self._clock.now() - timedelta(hours=2),
                       Meeting.status.in_([MeetingStatus.PLANNED, MeetingStatus.AGENDA_SENT]))
                .order_by(Meeting.starts_at).limit(limit)).all()
            return [MeetingChoice(*row) for row in rows]

    def series(self) -> list[SeriesChoice]:
        with self._sessions() as s:
            rows = s.execute(select(MeetingSeries.code, MeetingSeries.name)
                             .order_by(MeetingSeries.code)).all()
            return [SeriesChoice(*row) for row in rows]

    def briefs(self) -> list[BriefChoice]:
        """Briefs of events to come first (soonest first), then undated ones."""
        with self._sessions() as s:
            rows = s.execute(
                select(Brief.id, Brief.title, Brief.starts_at)
                .where(or_(Brief.starts_at.is_(None),
                           Brief.starts_at >= self._clock.now() - timedelta(days=1)))
                .order_by(Brief.starts_at.is_(None), Brief.starts_at, Brief.id)).all()
            return [BriefChoice(*row) for row in rows]

    def people(self, text: str, limit: int = 20) -> list[PersonChoice]:
        pattern = f"%{like_escape(text.strip().lower())}%"
        with self._sessions() as s:
            rows = s.execute(
                select(Person.id, Person.full_name, Person.function, Organisation.name,
                       Person.email)
                .outerjoin(Organisation, Person.organisation_id == Organisation.id)
                .where(or_(func.lower(Person.full_name).like(pattern, escape="\\"),
                           func.lower(Person.email).like(pattern, escape="\\")))
                .order_by(Person.full_name).limit(limit)).all()
            return [PersonChoice(pid, name, function, org or "", email)
                    for pid, name, function, org, email in rows]

    def person_for_sender(self, email: str) -> PersonChoice | None:
        address = email.strip().lower()
        if not address:
            return None
        with self._sessions() as s:
            row = s.execute(
                select(Person.id, Person.full_name, Person.function, Organisation.name,
                       Person.email)
                .outerjoin(Organisation, Person.organisation_id == Organisation.id)
                .where(func.lower(Person.email) == address).order_by(Person.id).limit(1)).first()
            if row is None:
                return None
            pid, name, function, org, mail = row
            return PersonChoice(pid, name, function, org or "", mail)


def mails_linked_to(s: Session, kind: LinkKind, target_id: int) -> list[MailRef]:
    """The mails a record came from, oldest first."""
    rows = s.execute(
        select(Mail.id, Mail.subject, Mail.sender_name, Mail.sender_email, Mail.received_at)
        .join(MailLink, MailLink.mail_id == Mail.id)
        .where(MailLink.target_kind == kind, MailLink.target_id == target_id)
        .order_by(Mail.received_at, Mail.id)).all()
    return [MailRef(mid, subject, name or email, received)
            for mid, subject, name, email, received in rows]


def _mail(s: Session, mail_id: int) -> Mail:
    mail = s.get(Mail, mail_id)
    if mail is None:
        raise MailNotFound("Deze mail bestaat niet meer; ze werd intussen verwijderd.")
    return mail


def _title(title: str, mail: Mail) -> str:
    return title.strip() or mail.subject or "(zonder onderwerp)"


def _origin(mail: Mail) -> str:
    return f"Uit mail van {mail.sender_name or mail.sender_email}: {mail.subject}"


def _link(s: Session, mail: Mail, kind: LinkKind, target_id: int, touched: Changes) -> HandOn:
    exists = s.scalar(select(MailLink.id).where(MailLink.mail_id == mail.id,
                                                MailLink.target_kind == kind,
                                                MailLink.target_id == target_id))
    if exists is None:
        s.add(MailLink(mail_id=mail.id, target_kind=kind, target_id=target_id))
        s.flush()
    info = link_info(s, kind, target_id)
    assert info is not None  # the caller just made or checked it
    return HandOn(info, Changes.of(Kind.MAIL, updated=[mail.id]) | touched)
