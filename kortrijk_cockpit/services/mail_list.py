"""The Mail area's list: which mails a view shows, in which order, and the
few columns a visible row needs.

The list model keeps only ids (`MailListService.ids`) and asks for rows when
they are painted (`rows`); a change re-asks `ids` and the model inserts and
removes the difference, so selection and scroll position survive.

Every query returns ids only and filters in SQL (indexes, the JSON text of
the categories, the full-text index), so 100,000 mails stay fast; see
`mail_sql.py` for the shared conditions.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Text, and_, case, cast, false, func, select, text, true
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import (
    FlagStatus,
    FolderKind,
    LinkKind,
    Mail,
    MailLink,
    TrustedImageSender,
)
from kortrijk_cockpit.services.mail_filter import conditions, parse
from kortrijk_cockpit.services.mail_sql import (
    TriageSql,
    conversation_key,
    conversation_size,
    folder_ids,
    has_category,
    is_empty_json_list,
    replied,
)
from kortrijk_cockpit.services.outcomes import WAITING_OUTCOME, outcome_names
from kortrijk_cockpit.services.waiting import effective_due

if TYPE_CHECKING:
    from kortrijk_cockpit.services.agenda_clashes import AgendaClash


class MailView(enum.StrEnum):
    TODO = "todo"  # Te behandelen: inbox mails with no outcome, not snoozed past now
    WAITING = "waiting"  # Wacht op antwoord: no reply in the conversation yet; oldest first
    FOLLOW_UP = "follow_up"  # Opvolgen: flagged, by due date
    CATEGORY = "category"  # one outcome or category (`MailQuery.category`)
    FOLDER = "folder"  # one synced folder (`MailQuery.folder_id`)
    SEARCH = "search"  # every folder; `MailQuery.text` decides


class SortKey(enum.StrEnum):
    SENDER = "sender"
    SUBJECT = "subject"
    RECEIVED = "received"
    CATEGORIES = "categories"
    FLAG_DUE = "flag_due"
    ATTACHMENT = "attachment"
    STATE = "state"


@dataclass(frozen=True)
class MailQuery:
    view: MailView = MailView.TODO
    folder_id: int | None = None
    category: str | None = None
    # Full text plus filters: van: aan: bijlage:ja voor: na: categorie: map:
    # Narrows any view; the SEARCH view searches every folder.
    text: str = ""
    sort: SortKey = SortKey.RECEIVED
    descending: bool = True
    conversations: bool = False  # one row per conversation: its newest mail

    @classmethod
    def for_view(cls, view: MailView, **fields: object) -> MailQuery:
        """A view with its natural order: Wacht op antwoord oldest first, Opvolgen by
        due date, the others newest first."""
        defaults: dict[str, object] = {}
        if view == MailView.WAITING:
            defaults = {"sort": SortKey.RECEIVED, "descending": False}
        elif view == MailView.FOLLOW_UP:
            defaults = {"sort": SortKey.FLAG_DUE, "descending": False}
        return cls(view=view, **{**defaults, **fields})  # type: ignore[arg-type]


class TriageState(enum.StrEnum):
    NEW = "new"  # no outcome yet
    HANDLED = "handled"  # carries an outcome category
    LATER = "later"  # snoozed until `snoozed_until`
    WAITING = "waiting"  # outcome "Wacht op antwoord", no reply yet
    NO_REPLY = "no_reply"  # waiting, and `waiting_due_at` passed without a reply
    REPLIED = "replied"  # waiting, and a reply arrived in the conversation


@dataclass(frozen=True)
class MailRow:
    """What one visible row of the list shows."""

    id: int
    sender: str
    sender_email: str
    subject: str
    received_at: datetime | None
    categories: tuple[str, ...]
    flag_status: FlagStatus
    flag_due_at: datetime | None
    has_attachments: bool
    is_read: bool
    state: TriageState
    outcome: str | None  # the office outcome among `categories`, if any
    snoozed_until: datetime | None = None
    # Set in triage, or for a mail marked waiting in Outlook counted from its receipt.
    waiting_due_at: datetime | None = None
    is_meeting_request: bool = False
    conversation_size: int = 1  # with grouping on: mails in the conversation
    link_count: int = 0  # what it was handed on to


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    name: str  # as the sender named it; save under `exchange.attachments.safe_filename`
    content_type: str
    size: int
    is_inline: bool
    content_id: str | None
    saved_path: str | None  # where its content is kept locally, once fetched


@dataclass(frozen=True)
class LinkInfo:
    """What a mail became (or, seen from the other side, where it came from)."""

    kind: LinkKind
    target_id: int
    title: str
    detail: str = ""  # e.g. "MAT 1 dec. 2026" or "Jan Peeters · 15 dec."


@dataclass(frozen=True)
class MeetingInfo:
    start: datetime
    end: datetime
    location: str
    organizer: str
    is_all_day: bool = False
    response: str | None = None  # "accept" | "tentative" | "decline" once answered
    is_cancellation: bool = False


@dataclass(frozen=True)
class MailDetail:
    """Everything the reading pane shows of one mail."""

    id: int
    subject: str
    sender: str
    sender_email: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    received_at: datetime | None
    body_html: str | None
    body_text: str
    categories: tuple[str, ...]
    flag_status: FlagStatus
    flag_due_at: datetime | None
    is_read: bool
    folder_id: int
    folder_name: str
    attachments: tuple[AttachmentInfo, ...] = ()
    links: tuple[LinkInfo, ...] = ()
    meeting: MeetingInfo | None = None
    images_allowed: bool = False  # the sender (or its domain) is trusted for remote images
    imported_from: str | None = None
    state: TriageState = TriageState.NEW
    outcome: str | None = None
    sent_by: str = ""  # who sent it on the sender's behalf ("X namens Y"), else ""


@dataclass(frozen=True)
class ViewCounts:
    todo: int = 0
    waiting: int = 0
    no_reply: int = 0  # of `waiting`, past their date
    follow_up: int = 0
    later: int = 0  # put off with "Later", not back in Te behandelen yet
    per_category: dict[str, int] = field(default_factory=dict)
    unread_per_folder: dict[int, int] = field(default_factory=dict)


def triage_state(categories: Sequence[str], outcomes: Sequence[str], *,
                 snoozed_until: datetime | None, waiting_due_at: datetime | None,
                 has_reply: bool, now: datetime) -> tuple[TriageState, str | None]:
    """The mail's state and its office outcome (the first of the list it carries)."""
    outcome = next((o for o in outcomes if o in categories), None)
    if outcome == WAITING_OUTCOME:
        if has_reply:
            return TriageState.REPLIED, outcome
        if waiting_due_at is not None and waiting_due_at <= now:
            return TriageState.NO_REPLY, outcome
        return TriageState.WAITING, outcome
    if outcome is not None:
        return TriageState.HANDLED, outcome
    if snoozed_until is not None and snoozed_until > now:
        return TriageState.LATER, None
    return TriageState.NEW, None


def _meeting_info(mail: Mail) -> MeetingInfo | None:
    raw = mail.meeting
    if not raw or not raw.get("start") or not raw.get("end"):
        return None
    response = raw.get("response")
    return MeetingInfo(
        start=_utc(str(raw["start"])),
        end=_utc(str(raw["end"])),
        location=str(raw.get("location") or ""),
        organizer=str(raw.get("organizer") or ""),
        is_all_day=bool(raw.get("is_all_day", False)),
        response=str(response) if response else None,
        is_cancellation=mail.item_class.startswith(MEETING_CANCELLED),
    )


def _utc(iso: str) -> datetime:
    """Aware UTC like every other datetime the services return (naive ISO means UTC)."""
    moment = datetime.fromisoformat(iso)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


MEETING_REQUEST = "IPM.Schedule.Meeting.Request"
MEETING_CANCELLED = "IPM.Schedule.Meeting.Canceled"


class MailListService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def ids(self, query: MailQuery) -> list[int]:
        """Every mail the query shows, in display order. Raises UserFacingError
        (Dutch) for an unusable filter, e.g. "voor:gisteren?"."""
        with self._sessions() as s:
            sql = TriageSql(s, outcome_names(s), self._clock.now())
            today = sql.now.astimezone(BRUSSELS).date()
            where = [self._view_condition(sql, query),
                     *conditions(s, parse(query.text, today))]
            if query.conversations:
                newest = func.row_number().over(
                    partition_by=conversation_key(),
                    order_by=(Mail.received_at.desc(), Mail.id.desc()))
                ranked = select(Mail.id, newest.label("rank")).where(*where).subquery()
                where = [Mail.id.in_(select(ranked.c.id).where(ranked.c.rank == 1))]
            statement = select(Mail.id).where(*where).order_by(*_order(sql, query))
            return list(s.scalars(statement))

    def rows(self, ids: Sequence[int]) -> dict[int, MailRow]:
        """The rows for these ids (missing ids: mails gone meanwhile)."""
        if not ids:
            return {}
        with self._sessions() as s:
            now = self._clock.now()
            outcomes = outcome_names(s)
            sent = folder_ids(s, FolderKind.SENT)
            link_count = (select(func.count(MailLink.id)).where(MailLink.mail_id == Mail.id)
                          .scalar_subquery())
            statement = select(
                Mail.id, Mail.sender_name, Mail.sender_email, Mail.subject, Mail.received_at,
                Mail.categories, Mail.flag_status, Mail.flag_due_at, Mail.has_attachments,
                Mail.is_read, Mail.snoozed_until, Mail.waiting_due_at, Mail.item_class,
                conversation_size(), link_count, replied(sent),
            ).where(Mail.id.in_(list(ids)))
            result: dict[int, MailRow] = {}
            for (mail_id, name, email, subject, received, categories, flag, due, attached,
                 read, snoozed, waiting_due, item_class, size, links, has_reply) \
                    in s.execute(statement):
                cats = tuple(categories or ())
                if WAITING_OUTCOME in cats:
                    waiting_due = effective_due(waiting_due, received)
                state, outcome = triage_state(cats, outcomes, snoozed_until=snoozed,
                                              waiting_due_at=waiting_due,
                                              has_reply=bool(has_reply), now=now)
                result[mail_id] = MailRow(
                    id=mail_id, sender=name or email, sender_email=email, subject=subject,
                    received_at=received, categories=cats, flag_status=flag, flag_due_at=due,
                    has_attachments=attached, is_read=read, state=state, outcome=outcome,
                    snoozed_until=snoozed, waiting_due_at=waiting_due,
                    is_meeting_request=item_class.startswith(MEETING_REQUEST),
                    conversation_size=int(size or 1), link_count=int(links or 0))
            return result

    def detail(self, mail_id: int) -> MailDetail | None:
        # mail_links builds this module's LinkInfo, so it cannot be imported at the top.
        from kortrijk_cockpit.services.mail_links import read_links

        with self._sessions() as s:
            mail = s.get(Mail, mail_id)
            if mail is None:
                return None
            now = self._clock.now()
            has_reply = bool(s.scalar(select(replied(folder_ids(s, FolderKind.SENT)))
                                      .where(Mail.id == mail_id)))
            due = mail.waiting_due_at
            if WAITING_OUTCOME in (mail.categories or []):
                due = effective_due(due, mail.received_at)
            state, outcome = triage_state(
                mail.categories or [], outcome_names(s), snoozed_until=mail.snoozed_until,
                waiting_due_at=due, has_reply=has_reply, now=now)
            attachments = tuple(
                AttachmentInfo(a.id, a.name, a.content_type, a.size, a.is_inline, a.content_id,
                               a.saved_path)
                for a in sorted(mail.attachments, key=lambda a: a.id))
            return MailDetail(
                id=mail.id, subject=mail.subject, sender=mail.sender_name or mail.sender_email,
                sender_email=mail.sender_email, to=tuple(mail.to_recipients or ()),
                cc=tuple(mail.cc_recipients or ()), received_at=mail.received_at,
                body_html=mail.body_html, body_text=mail.body_text,
                categories=tuple(mail.categories or ()), flag_status=mail.flag_status,
                flag_due_at=mail.flag_due_at, is_read=mail.is_read, folder_id=mail.folder_id,
                folder_name=mail.folder.display_name, attachments=attachments,
                links=tuple(read_links(s, mail.id)), meeting=_meeting_info(mail),
                images_allowed=_images_allowed(s, mail.sender_email),
                imported_from=mail.imported_from, state=state, outcome=outcome,
                sent_by=mail.sent_by or "")

    def clashes(self, mail_id: int) -> tuple[AgendaClash, ...]:
        """For a meeting request: what else is in the director's agenda at that time."""
        from kortrijk_cockpit.services.agenda_clashes import agenda_during

        with self._sessions() as s:
            mail = s.get(Mail, mail_id)
            info = _meeting_info(mail) if mail is not None else None
            if mail is None or info is None or info.is_cancellation:
                return ()
            return agenda_during(s, info.start, info.end, leave_out_subject=mail.subject)

    def counts(self) -> ViewCounts:
        with self._sessions() as s:
            sql = TriageSql(s, outcome_names(s), self._clock.now())

            def count(*where: ColumnElement[bool]) -> int:
                return int(s.scalar(select(func.count(Mail.id)).where(*where)) or 0)

            unread = s.execute(select(Mail.folder_id, func.count(Mail.id))
                               .where(Mail.is_read.is_(False)).group_by(Mail.folder_id)).all()
            return ViewCounts(
                todo=count(sql.todo),
                waiting=count(sql.waiting, sql.not_deleted),
                no_reply=count(sql.no_reply, sql.not_deleted),
                follow_up=count(Mail.flag_status == FlagStatus.FLAGGED, sql.not_deleted),
                later=count(sql.later),
                per_category=_per_category(s, sql),
                unread_per_folder={folder: int(n) for folder, n in unread},
            )

    @staticmethod
    def _view_condition(sql: TriageSql, query: MailQuery) -> ColumnElement[bool]:
        view = query.view
        if view == MailView.TODO:
            return sql.todo
        if view == MailView.WAITING:
            return and_(sql.waiting, sql.not_deleted)
        if view == MailView.FOLLOW_UP:
            return and_(Mail.flag_status == FlagStatus.FLAGGED, sql.not_deleted)
        if view == MailView.CATEGORY:
            if not query.category:
                return false()
            return and_(has_category(query.category), sql.not_deleted)
        if view == MailView.FOLDER:
            return Mail.folder_id == query.folder_id if query.folder_id is not None else false()
        return true()  # SEARCH: every folder


def _order(sql: TriageSql, query: MailQuery) -> list[ColumnElement[Any]]:
    """The sort key in the chosen direction, empty values last either way, then
    newest first and the id, so equal keys keep one stable order."""
    def directed(expr: ColumnElement[Any]) -> ColumnElement[Any]:
        return expr.desc() if query.descending else expr.asc()

    tail = [Mail.received_at.is_(None), Mail.received_at.desc(), Mail.id.desc()]
    key = query.sort
    if key == SortKey.RECEIVED:
        return [Mail.received_at.is_(None), directed(Mail.received_at), directed(Mail.id)]
    if key == SortKey.SENDER:
        sender = func.lower(func.coalesce(func.nullif(Mail.sender_name, ""), Mail.sender_email))
        return [directed(sender), *tail]
    if key == SortKey.SUBJECT:
        return [directed(func.lower(Mail.subject)), *tail]
    if key == SortKey.CATEGORIES:
        return [is_empty_json_list(Mail.categories),
                directed(cast(Mail.categories, Text)), *tail]
    if key == SortKey.FLAG_DUE:
        flag_rank = case((Mail.flag_status == FlagStatus.FLAGGED, 0),
                         (Mail.flag_status == FlagStatus.COMPLETE, 1), else_=2)
        return [Mail.flag_due_at.is_(None), directed(Mail.flag_due_at), directed(flag_rank),
                *tail]
    if key == SortKey.ATTACHMENT:
        return [directed(Mail.has_attachments), *tail]
    return [directed(sql.state_order()), *tail]


def _per_category(s: Session, sql: TriageSql) -> dict[str, int]:
    """Mails per category (outcomes always listed), in every folder but Deleted Items."""
    counts = dict.fromkeys(sql.outcomes, 0)
    if s.get_bind().dialect.name == "sqlite":
        rows = s.execute(
            text("SELECT j.value, count(*) FROM mails, json_each(mails.categories) j "
                 "WHERE json_valid(mails.categories) AND NOT (mails.folder_id IN "
                 "(SELECT value FROM json_each(:deleted))) GROUP BY j.value"),
            {"deleted": json.dumps(sql.deleted)}).all()
    else:
        rows = s.execute(
            text("SELECT j, count(*) FROM mails, json_array_elements_text(mails.categories) j "
                 "WHERE NOT (mails.folder_id = ANY(:deleted)) GROUP BY j"),
            {"deleted": sql.deleted}).all()
    for name, n in rows:
        counts[str(name)] = int(n)
    return counts


def _images_allowed(s: Session, sender_email: str) -> bool:
    address = sender_email.strip().lower()
    if not address:
        return False
    candidates = [address]
    if "@" in address:
        candidates.append("@" + address.rsplit("@", 1)[1])
    return s.scalar(select(TrustedImageSender.id)
                    .where(TrustedImageSender.address.in_(candidates)).limit(1)) is not None
