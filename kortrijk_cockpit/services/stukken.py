"""Stukken: documents requested per agenda item from their owners, reminded when late,
and linked when the owner's reply brings them ("Koppel als stuk").

The request and reminder mails are built here in code rather than as TextTemplate
rows: each lists a variable number of stukken (item, stuk, deadline) per owner, which
the office's one-value {placeholder} texts cannot express. They go through the outbox
(SEND_MAIL), one mail per owner per meeting.

A reply is recognised without any extra column: it is in the same conversation as a
sent mail carrying the meeting's request subject, or its sender has an open request
for an upcoming meeting.
"""

from __future__ import annotations

import enum
import html
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.demo_office.rhythm import is_working_day
from kortrijk_cockpit.domain import (
    AgendaItem,
    Attachment,
    DocumentRequest,
    FolderKind,
    LinkKind,
    Mail,
    MailFolder,
    MailLink,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    OutboxEntry,
    Person,
    RequestStatus,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.attachments import safe_filename
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import OutgoingMail
from kortrijk_cockpit.services.lookup import existing

DUE_AT = time(17, 0)  # a stuk is due at the end of its working day
DEFAULT_LEAD_DAYS = 3


class StukState(enum.StrEnum):
    REQUESTED = "gevraagd"
    RECEIVED = "ontvangen"
    LATE = "te laat"
    WAIVED = "niet nodig"


def due_date(meeting_day: date, lead_days: int) -> date:
    """`lead_days` working days before the meeting (weekends and holidays skipped)."""
    day = meeting_day
    left = max(lead_days, 0)
    while left:
        day -= timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def default_due(meeting_start: datetime, lead_days: int) -> datetime:
    meeting_day = meeting_start.astimezone(BRUSSELS).date()
    return datetime.combine(due_date(meeting_day, lead_days), DUE_AT, BRUSSELS)


def request_subject(title: str, starts_at: datetime) -> str:
    return f"Stukken voor {title} van {_day(starts_at)}"


def reminder_subject(title: str, starts_at: datetime) -> str:
    return f"Herinnering: {request_subject(title, starts_at)}"


@dataclass(frozen=True)
class RequestDraft:
    """One stuk to ask for: the dialog's row."""

    agenda_item_id: int
    item_title: str
    title: str
    owner_name: str
    owner_email: str
    due_at: datetime


@dataclass(frozen=True)
class StukRequest:
    id: int
    agenda_item_id: int
    item_title: str
    title: str
    owner_name: str
    owner_email: str
    due_at: datetime
    state: StukState
    requested_at: datetime | None
    reminded_at: datetime | None
    received_mail_id: int | None
    saved_path: str | None


@dataclass(frozen=True)
class MeetingStukken:
    meeting_id: int
    title: str
    starts_at: datetime
    items: int
    requests: tuple[StukRequest, ...]
    series_code: str = ""

    @property
    def expected(self) -> int:
        return sum(1 for r in self.requests if r.state != StukState.WAIVED)

    @property
    def received(self) -> int:
        return sum(1 for r in self.requests if r.state == StukState.RECEIVED)

    @property
    def late(self) -> int:
        return sum(1 for r in self.requests if r.state == StukState.LATE)

    def text(self) -> str:
        """'3/5 binnen, 1 te laat' (Dutch: shown as is)."""
        if not self.expected:
            return "geen stukken gevraagd"
        text = f"{self.received}/{self.expected} binnen"
        return f"{text}, {self.late} te laat" if self.late else text


@dataclass(frozen=True)
class Candidate:
    """An open request a mail may bring the stuk for."""

    request_id: int
    title: str
    item_title: str
    meeting_title: str
    meeting_starts_at: datetime
    by_conversation: bool


@dataclass(frozen=True)
class Linked:
    request_id: int
    mail_id: int
    attachment_id: int
    saved_path: str
    changes: Changes = field(default_factory=Changes)


class StukkenService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, stukken_root: Path,
                 director_name: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._root = stukken_root
        self._director = director_name

    # -- proposing and sending requests ------------------------------------------------
    def proposals(self, meeting_id: int) -> list[RequestDraft]:
        """A draft per agenda item without a request yet: its owner (address from the
        people list) and the series' default deadline."""
        with self._sessions() as s:
            meeting = _meeting(s, meeting_id)
            lead = meeting.series.stukken_lead_days if meeting.series else DEFAULT_LEAD_DAYS
            due = default_due(meeting.starts_at, lead)
            emails = _emails(s, {i.owner_name for i in meeting.agenda_items})
            return [RequestDraft(i.id, i.title, f"Stukken bij \"{i.title}\"", i.owner_name,
                                 emails.get(i.owner_name.casefold(), ""), due)
                    for i in meeting.agenda_items
                    if i.owner_name and not i.document_requests]

    def preview(self, meeting_id: int, drafts: Sequence[RequestDraft]) -> list[OutgoingMail]:
        """The mails `request` would queue: one per owner."""
        with self._sessions() as s:
            meeting = _meeting(s, meeting_id)
            return [self._request_mail(meeting.title, meeting.starts_at, owner, rows)
                    for owner, rows in _by_owner(drafts)]

    def request(self, meeting_id: int, drafts: Sequence[RequestDraft]) -> Changes:
        """Create the requests and queue one mail per owner, in one transaction."""
        for d in drafts:
            if "@" not in d.owner_email:
                raise UserFacingError(
                    f"Geen mailadres voor {d.owner_name or 'de eigenaar'} bij "
                    f"\"{d.item_title}\". Vul het adres in.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            meeting = _meeting(s, meeting_id)
            items = {i.id for i in meeting.agenda_items}
            queued: list[OutboxEntry] = []
            for owner, rows in _by_owner(drafts):
                for d in rows:
                    if d.agenda_item_id not in items:
                        raise UserFacingError("Dit agendapunt hoort niet bij deze vergadering.")
                    s.add(DocumentRequest(agenda_item_id=d.agenda_item_id, title=d.title,
                                          requested_from=d.owner_name,
                                          requested_from_email=d.owner_email,
                                          requested_at=now, due_at=d.due_at))
                mail = self._request_mail(meeting.title, meeting.starts_at, owner, rows)
                queued.append(queue(s, OutboxKind.SEND_MAIL, mail_values(mail)))
            s.flush()  # the outbox rows' ids exist from here on
            entries = [entry.id for entry in queued]
            return (Changes.of(Kind.MEETING, updated=[meeting_id])
                    | Changes.of(Kind.OUTBOX, created=entries))

    def remind_late(self, meeting_id: int) -> Changes:
        """One reminder per owner with a late stuk, at most once a day per request."""
        now = self._clock.now()
        today = now.astimezone(BRUSSELS).date()
        with self._sessions.begin() as s:
            meeting = _meeting(s, meeting_id)
            late = [r for i in meeting.agenda_items for r in i.document_requests
                    if _state(r, now) == StukState.LATE
                    and (r.reminded_at is None
                         or r.reminded_at.astimezone(BRUSSELS).date() != today)]
            drafts = [_draft(r) for r in late]
            queued: list[OutboxEntry] = []
            for owner, rows in _by_owner(drafts):
                mail = self._reminder_mail(meeting.title, meeting.starts_at, owner, rows)
                queued.append(queue(s, OutboxKind.SEND_MAIL, mail_values(mail)))
            for r in late:
                r.reminded_at = now
            s.flush()  # the outbox rows' ids exist from here on
            entries = [entry.id for entry in queued]
            if not entries:
                return Changes()
            return (Changes.of(Kind.MEETING, updated=[meeting_id])
                    | Changes.of(Kind.OUTBOX, created=entries))

    # -- the state of a meeting's stukken ----------------------------------------------
    def state(self, meeting_id: int) -> MeetingStukken:
        with self._sessions() as s:
            return _stukken(_meeting(s, meeting_id), self._clock.now())

    def next_of_series(self, codes: Iterable[str]) -> list[MeetingStukken]:
        with self._sessions() as s:
            return next_of_series(s, codes, self._clock.now())

    # -- "Koppel als stuk" -------------------------------------------------------------
    def candidates(self, mail_id: int) -> list[Candidate]:
        """Open requests this mail may answer: same conversation as the request mail
        first, then requests to its sender, for meetings still to come. None without
        an attachment."""
        now = self._clock.now()
        with self._sessions() as s:
            mail = s.get(Mail, mail_id)
            if mail is None or not any(not a.is_inline for a in mail.attachments):
                return []
            rows = s.execute(
                select(DocumentRequest, AgendaItem.title, Meeting)
                .join(AgendaItem, AgendaItem.id == DocumentRequest.agenda_item_id)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(DocumentRequest.status == RequestStatus.REQUESTED,
                       Meeting.starts_at >= now, Meeting.status != MeetingStatus.CANCELLED)
                .order_by(Meeting.starts_at, AgendaItem.position, DocumentRequest.id)).all()
            ours_sent = _sent_in_conversation(s, mail)
            sender = mail.sender_email.casefold()
            found: list[Candidate] = []
            for request, item_title, meeting in rows:
                ours = request_subject(meeting.title, meeting.starts_at)
                to = request.requested_from_email.casefold()
                by_conversation = any(sub.endswith(ours) and to in recipients  # or reminder
                                      for sub, recipients in ours_sent)
                if by_conversation or request.requested_from_email.casefold() == sender:
                    found.append(Candidate(request.id, request.title, item_title,
                                           meeting.title, meeting.starts_at, by_conversation))
            found.sort(key=lambda c: not c.by_conversation)  # stable: meeting order kept
            return found

    def link(self, request_id: int, mail_id: int, attachment_id: int) -> Linked:
        """Keep the attachment (already on disk) as the request's stuk; it turns ontvangen."""
        with self._sessions.begin() as s:
            request = s.get(DocumentRequest, request_id)
            attachment = s.get(Attachment, attachment_id)
            if request is None or attachment is None or attachment.mail_id != mail_id:
                raise UserFacingError("Dit stuk of deze bijlage bestaat niet meer.")
            if request.status == RequestStatus.RECEIVED:
                raise UserFacingError(f"\"{request.title}\" is al ontvangen.")
            if not attachment.saved_path or not Path(attachment.saved_path).is_file():
                raise UserFacingError(
                    f"De bijlage \"{attachment.name}\" is nog niet opgehaald. "
                    "Probeer opnieuw zodra Exchange bereikbaar is.")
            folder = self._root / str(request.agenda_item.meeting_id)
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{request.id}-{safe_filename(attachment.name)}"
            shutil.copyfile(attachment.saved_path, target)
            request.status = RequestStatus.RECEIVED
            request.received_at = self._clock.now()
            request.received_mail_id = mail_id
            request.received_attachment_id = attachment_id
            request.saved_path = str(target)
            s.add(MailLink(mail_id=mail_id, target_kind=LinkKind.DOCUMENT_REQUEST,
                           target_id=request_id))
            changes = (Changes.of(Kind.MEETING, updated=[request.agenda_item.meeting_id])
                       | Changes.of(Kind.MAIL, updated=[mail_id]))
            return Linked(request_id, mail_id, attachment_id, str(target), changes)

    def unlink(self, request_id: int) -> Changes:
        """Undo `link`: the request is open again, the link and the kept copy go."""
        with self._sessions.begin() as s:
            request = s.get(DocumentRequest, request_id)
            if request is None or request.status != RequestStatus.RECEIVED:
                return Changes()
            mail_id = request.received_mail_id
            path = request.saved_path
            request.status = RequestStatus.REQUESTED
            request.received_at = None
            request.received_mail_id = None
            request.received_attachment_id = None
            request.saved_path = None
            for link in s.scalars(select(MailLink).where(
                    MailLink.target_kind == LinkKind.DOCUMENT_REQUEST,
                    MailLink.target_id == request_id)):
                s.delete(link)
            meeting_id = request.agenda_item.meeting_id
        if path and Path(path).is_relative_to(self._root):
            Path(path).unlink(missing_ok=True)
        return (Changes.of(Kind.MEETING, updated=[meeting_id])
                | Changes.of(Kind.MAIL, updated=[mail_id] if mail_id else []))

    # -- the mails ---------------------------------------------------------------------
    def _request_mail(self, title: str, starts_at: datetime, owner: tuple[str, str],
                      rows: Sequence[RequestDraft]) -> OutgoingMail:
        intro = (f"Met het oog op {title} van {_day(starts_at)} vragen wij u de volgende "
                 "stukken te bezorgen:")
        outro = "U kunt gewoon op deze mail antwoorden met de stukken in bijlage. Alvast bedankt."
        return self._mail(request_subject(title, starts_at), owner, intro, rows, outro)

    def _reminder_mail(self, title: str, starts_at: datetime, owner: tuple[str, str],
                       rows: Sequence[RequestDraft]) -> OutgoingMail:
        intro = (f"Voor {title} van {_day(starts_at)} hebben wij de volgende stukken nog "
                 "niet ontvangen, hoewel de termijn verstreken is:")
        outro = "Wilt u ze zo snel mogelijk bezorgen, als antwoord op deze mail? Alvast bedankt."
        return self._mail(reminder_subject(title, starts_at), owner, intro, rows, outro)

    def _mail(self, subject: str, owner: tuple[str, str], intro: str,
              rows: Sequence[RequestDraft], outro: str) -> OutgoingMail:
        name, email = owner
        first = name.split()[0] if name.strip() else ""
        lines = "".join(
            f"<li>{html.escape(r.title)} (agendapunt \"{html.escape(r.item_title)}\"), "
            f"uiterlijk {_moment(r.due_at)}</li>" for r in rows)
        signature = "<br>".join(html.escape(x) for x in (
            "Met vriendelijke groeten", "", self._director or "Het secretariaat",
            "algemeen directeur", "Stad en OCMW Kortrijk"))
        body = (f"<p>Beste {html.escape(first) or 'collega'},</p><p>{html.escape(intro)}</p>"
                f"<ul>{lines}</ul><p>{html.escape(outro)}</p><p>{signature}</p>")
        return OutgoingMail(subject=subject, body_html=body, to=(email,))


def next_of_series(s: Session, codes: Iterable[str], now: datetime) -> list[MeetingStukken]:
    """The next meeting of each series code (MAT, DC) with its stukken, in that order;
    a series without one is left out (Vandaag)."""
    found: list[MeetingStukken] = []
    for code in codes:
        meeting = s.scalar(
            select(Meeting).join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
            .where(MeetingSeries.code == code, Meeting.starts_at >= now,
                   Meeting.status != MeetingStatus.CANCELLED)
            .order_by(Meeting.starts_at).limit(1))
        if meeting is not None:
            found.append(_stukken(meeting, now, code))
    return found


def _meeting(s: Session, meeting_id: int) -> Meeting:
    return existing(s, Meeting, meeting_id, "Deze vergadering bestaat niet meer.")


def _state(r: DocumentRequest, now: datetime) -> StukState:
    if r.status == RequestStatus.RECEIVED:
        return StukState.RECEIVED
    if r.status == RequestStatus.WAIVED:
        return StukState.WAIVED
    return StukState.LATE if r.due_at < now else StukState.REQUESTED


def _stukken(meeting: Meeting, now: datetime, code: str = "") -> MeetingStukken:
    requests = tuple(
        StukRequest(r.id, item.id, item.title, r.title, r.requested_from,
                    r.requested_from_email, r.due_at, _state(r, now), r.requested_at,
                    r.reminded_at, r.received_mail_id, r.saved_path)
        for item in meeting.agenda_items for r in item.document_requests)
    return MeetingStukken(meeting.id, meeting.title, meeting.starts_at,
                          len(meeting.agenda_items), requests,
                          code or (meeting.series.code if meeting.series else ""))


def _draft(r: DocumentRequest) -> RequestDraft:
    return RequestDraft(r.agenda_item_id, r.agenda_item.title, r.title, r.requested_from,
                        r.requested_from_email, r.due_at)


def _by_owner(drafts: Iterable[RequestDraft]) -> list[tuple[tuple[str, str],
                                                            list[RequestDraft]]]:
    """Drafts grouped by owner address (first spelling of the name wins), in order."""
    groups: dict[str, tuple[tuple[str, str], list[RequestDraft]]] = {}
    for d in drafts:
        key = d.owner_email.strip().casefold()
        groups.setdefault(key, ((d.owner_name, d.owner_email.strip()), []))[1].append(d)
    return list(groups.values())


def _emails(s: Session, names: set[str]) -> dict[str, str]:
    wanted = {n for n in names if n}
    if not wanted:
        return {}
    rows = s.execute(select(Person.full_name, Person.email)
                     .where(Person.full_name.in_(wanted), Person.email != "")).all()
    return {name.casefold(): email for name, email in rows}


def _sent_in_conversation(s: Session, mail: Mail) -> list[tuple[str, str]]:
    """Subject and recipients (casefolded) of our own mails in this mail's conversation."""
    if not mail.conversation_id:
        return []
    rows = s.execute(
        select(Mail.subject, Mail.to_recipients).join(MailFolder, MailFolder.id == Mail.folder_id)
        .where(Mail.conversation_id == mail.conversation_id, Mail.id != mail.id,
               MailFolder.kind == FolderKind.SENT)).all()
    return [(subject, " ".join(to or []).casefold()) for subject, to in rows]


def _day(moment: datetime) -> str:
    return moment.astimezone(BRUSSELS).strftime("%d/%m/%Y")


def _moment(moment: datetime) -> str:
    return moment.astimezone(BRUSSELS).strftime("%d/%m/%Y %H:%M")
