"""What a mailbox holds: items, attachments, folders, and what was sent.

Plain data; the rules (ids, change keys, change tracking, locking) live in
`mailbox.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from kortrijk_cockpit.sandbox import mapi

MESSAGE = "Message"
CALENDAR_ITEM = "CalendarItem"

# Item classes of meeting mail (kind MESSAGE): EWS renders them as t:MeetingRequest etc.
MEETING_REQUEST = "IPM.Schedule.Meeting.Request"
MEETING_CANCELLATION = "IPM.Schedule.Meeting.Canceled"
MEETING_RESPONSES = {"Accept": "IPM.Schedule.Meeting.Resp.Pos",
                     "Tentative": "IPM.Schedule.Meeting.Resp.Tent",
                     "Decline": "IPM.Schedule.Meeting.Resp.Neg"}

FLAG_STATES = ("NotFlagged", "Flagged", "Complete")
_FLAG_TO_VALUE = {"Flagged": "2", "Complete": "1"}
_FLAG_FROM_VALUE = {"2": "Flagged", "1": "Complete"}


class Address(NamedTuple):
    """A person as EWS shows one: compares equal to a plain (name, email) tuple."""

    name: str
    email: str


def address(value: tuple[str, str] | Address | None) -> Address | None:
    if value is None:
        return None
    return Address(str(value[0]), str(value[1]))


@dataclass(eq=False)
class Attachment:
    attachment_id: str
    name: str
    content: bytes
    content_type: str = "application/octet-stream"
    is_inline: bool = False
    content_id: str = ""
    last_modified: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class WeeklyRecurrence:
    """Every `interval` weeks on `weekdays` (0 = Monday) from `start` to `until` (inclusive)."""

    start: date
    until: date | None
    weekdays: tuple[int, ...]
    interval: int = 1


@dataclass(eq=False)
class Item:
    """A message or calendar item as stored in the director's mailbox."""

    kind: str
    id: str
    change_key: str
    folder: str  # the key of the folder it is in, e.g. "inbox" or "Behandeld"
    subject: str = ""
    body_html: str = ""
    sender: Address | None = None  # message:Sender (who actually sent it)
    author: Address | None = None  # message:From (on whose behalf)
    reply_to: list[Address] = field(default_factory=list)  # message:ReplyTo (answers go there)
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    bcc: list[Address] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    is_read: bool = True
    importance: str = "Normal"
    sensitivity: str = "Normal"
    received: datetime = field(default_factory=lambda: datetime.now(UTC))
    sent: datetime | None = None
    created: datetime = field(default_factory=lambda: datetime.now(UTC))
    last_modified: datetime = field(default_factory=lambda: datetime.now(UTC))
    attachments: list[Attachment] = field(default_factory=list)
    # Canonical key (see mapi.py) -> value text, or a list for array types.
    extended_properties: dict[str, str | list[str]] = field(default_factory=dict)
    conversation_id: str = ""
    internet_message_id: str = ""
    in_reply_to: str = ""  # the internet message id a reply answers
    is_draft: bool = False
    # Messages: "IPM.Note", or a meeting request/cancellation/response (see MEETING_*).
    item_class: str = "IPM.Note"
    # A meeting response (draft or sent): the request it answers and the answer.
    responds_to: str = ""
    response: str = ""  # Accept | Tentative | Decline; on an attendee's calendar item too
    # Calendar items only.
    start: datetime | None = None
    end: datetime | None = None
    location: str = ""
    organizer: Address | None = None
    attendees: list[Address] = field(default_factory=list)
    optional_attendees: list[Address] = field(default_factory=list)
    is_all_day: bool = False
    recurrence: WeeklyRecurrence | None = None
    # A series' occurrences changed on their own (by original date: start, end, subject,
    # location) and those removed from it (EWS: ModifiedOccurrences, DeletedOccurrences).
    modified_occurrences: dict[date, dict[str, Any]] = field(default_factory=dict)
    deleted_occurrences: set[date] = field(default_factory=set)
    timezone: str = "Europe/Brussels"
    uid: str = ""
    is_cancelled: bool = False
    meeting_sequence: int = 0
    free_busy: str = "Busy"
    # Bookkeeping for ids and sync: `number` names the item, `version` its
    # change key; the *_seq values are positions in the mailbox's change log.
    number: int = 0
    version: int = 0
    entry_seq: int = 0
    content_seq: int = 0
    read_seq: int = 0

    @property
    def is_message(self) -> bool:
        return self.kind == MESSAGE

    @property
    def is_meeting(self) -> bool:
        return self.kind == CALENDAR_ITEM and bool(self.attendees or self.optional_attendees)

    @property
    def is_meeting_message(self) -> bool:
        return self.is_message and self.item_class.startswith("IPM.Schedule.Meeting")

    @property
    def has_attachments(self) -> bool:
        return any(not a.is_inline for a in self.attachments)

    @property
    def last_seq(self) -> int:
        return max(self.entry_seq, self.content_seq, self.read_seq)

    # The follow-up flag lives in extended properties, as Outlook keeps it.
    @property
    def flag_status(self) -> str:
        value = self.extended_properties.get(mapi.FLAG_STATUS)
        return _FLAG_FROM_VALUE.get(str(value), "NotFlagged")

    @flag_status.setter
    def flag_status(self, status: str) -> None:
        if status not in FLAG_STATES:
            raise ValueError(f"flag_status must be one of {FLAG_STATES}, not {status!r}")
        props = self.extended_properties
        if status == "NotFlagged":
            for key in (mapi.FLAG_STATUS, mapi.FLAG_COMPLETE_TIME, mapi.TASK_DUE,
                        mapi.TASK_START, mapi.FLAG_REQUEST):
                props.pop(key, None)
            return
        props[mapi.FLAG_STATUS] = _FLAG_TO_VALUE[status]
        if status == "Complete":
            props[mapi.FLAG_COMPLETE_TIME] = mapi.format_time(datetime.now(UTC))
        else:
            props.pop(mapi.FLAG_COMPLETE_TIME, None)
            props.setdefault(mapi.FLAG_REQUEST, "Opvolgen")

    @property
    def flag_due(self) -> datetime | None:
        return mapi.parse_time(self.extended_properties.get(mapi.TASK_DUE))

    @flag_due.setter
    def flag_due(self, due: datetime | None) -> None:
        if due is None:
            self.extended_properties.pop(mapi.TASK_DUE, None)
            self.extended_properties.pop(mapi.TASK_START, None)
            return
        if due.tzinfo is None:
            raise ValueError("flag_due must be timezone-aware")
        self.extended_properties[mapi.TASK_DUE] = mapi.format_time(due)
        self.extended_properties.setdefault(mapi.TASK_START, mapi.format_time(due))


class SentAttachment(NamedTuple):
    """An attachment as sent: compares equal to a plain (name, content) tuple."""

    name: str
    content: bytes


@dataclass(frozen=True)
class SentMessage:
    """A message that left through CreateItem (SendOnly / SendAndSaveCopy)."""

    subject: str
    body_html: str
    author: Address | None  # From: whose name it is sent in
    sender: Address  # who pressed send (the delegate when sending on behalf)
    to: list[Address]
    cc: list[Address]
    bcc: list[Address]
    attachments: list[SentAttachment]
    sent_at: datetime
    saved_item_id: str | None  # the copy in Sent Items, if one was saved


@dataclass(frozen=True)
class Invitation:
    """A meeting request, update or cancellation the server "sent" to attendees."""

    kind: str  # "request" | "update" | "cancellation"
    item_id: str
    subject: str
    start: datetime | None
    end: datetime | None
    location: str
    organizer: Address | None
    recipients: list[Address]
    sent_at: datetime
    message: str = ""  # the organiser's words with a cancellation


@dataclass(frozen=True)
class BusyEntry:
    """One appointment in a colleague's calendar, as far as free/busy shows it (UTC times)."""

    start: datetime
    end: datetime
    free_busy: str = "Busy"  # Free | Tentative | Busy | OOF | WorkingElsewhere
    subject: str = ""
    location: str = ""
    is_private: bool = False
    is_meeting: bool = True
