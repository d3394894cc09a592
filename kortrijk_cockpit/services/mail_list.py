"""The Mail area's list: which mails a view shows, in which order, and the
few columns a visible row needs.

The list model keeps only ids (`MailListService.ids`) and asks for rows when
they are painted (`rows`); a change re-asks `ids` and the model inserts and
removes the difference, so selection and scroll position survive.

CONTRACT for the other mail work (reading pane, Mail area, triage); the
implementation follows in the mail-data branch.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.clock import Clock
from kortrijk_cockpit.domain import FlagStatus, LinkKind


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


@dataclass(frozen=True)
class ViewCounts:
    todo: int = 0
    waiting: int = 0
    no_reply: int = 0  # of `waiting`, past their date
    follow_up: int = 0
    per_category: dict[str, int] = field(default_factory=dict)
    unread_per_folder: dict[int, int] = field(default_factory=dict)


class MailListService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def ids(self, query: MailQuery) -> list[int]:
        """Every mail the query shows, in display order. Raises UserFacingError
        (Dutch) for an unusable filter, e.g. "voor:gisteren?"."""
        raise NotImplementedError

    def rows(self, ids: Sequence[int]) -> dict[int, MailRow]:
        """The rows for these ids (missing ids: mails gone meanwhile)."""
        raise NotImplementedError

    def detail(self, mail_id: int) -> MailDetail | None:
        raise NotImplementedError

    def counts(self) -> ViewCounts:
        raise NotImplementedError
