"""Plain records that cross the MailboxBackend boundary.

Backends (EWS today, Graph later) turn their own objects into these; the sync
engine and the outbox know nothing else. All datetimes are timezone-aware.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kortrijk_cockpit.domain import FlagStatus, FolderKind, Importance, Sensitivity


@dataclass(frozen=True)
class FolderRecord:
    exchange_id: str
    name: str
    kind: FolderKind
    change_key: str = ""
    parent_exchange_id: str = ""
    total_count: int = 0
    unread_count: int = 0


@dataclass(frozen=True)
class AttachmentRecord:
    exchange_id: str
    name: str
    content_type: str = "application/octet-stream"
    size: int = 0
    is_inline: bool = False
    content_id: str = ""


@dataclass(frozen=True)
class MailSummary:
    """What a sync page carries: small fields only, never the body."""

    exchange_id: str
    change_key: str
    subject: str = ""
    sender_name: str = ""  # From: on whose behalf it was sent (who a reply answers)
    sender_email: str = ""
    sent_by: str = ""  # Sender, "Naam <adres>", only when someone else sent it for From
    received_at: datetime | None = None
    sent_at: datetime | None = None
    is_read: bool = False
    categories: tuple[str, ...] = ()
    flag_status: FlagStatus = FlagStatus.NONE
    flag_due_at: datetime | None = None
    importance: Importance = Importance.NORMAL
    sensitivity: Sensitivity = Sensitivity.NORMAL
    has_attachments: bool = False
    conversation_id: str = ""
    item_class: str = "IPM.Note"
    internet_message_id: str = ""  # the Message-ID header: the same mail after a move
    # Meeting requests and cancellations: start, end (ISO, UTC), location, organizer,
    # is_all_day, is_cancellation; and "response" once the director answered.
    meeting: dict[str, Any] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class MailBody:
    exchange_id: str
    change_key: str
    body_html: str
    body_text: str
    to_recipients: tuple[str, ...] = ()
    cc_recipients: tuple[str, ...] = ()
    reply_to: tuple[str, ...] = ()  # Reply-To: where answers go instead of From
    attachments: tuple[AttachmentRecord, ...] = ()


@dataclass(frozen=True)
class EventRecord:
    exchange_id: str
    change_key: str
    subject: str
    start_at: datetime
    end_at: datetime
    is_all_day: bool = False
    location: str = ""
    organizer: str = ""
    attendees: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    body_text: str = ""
    sensitivity: Sensitivity = Sensitivity.NORMAL
    is_cancelled: bool = False
    series_exchange_id: str = ""


class BusyStatus(enum.StrEnum):
    """How a block of someone's time shows in free/busy (EWS LegacyFreeBusyType)."""

    FREE = "free"
    TENTATIVE = "tentative"
    BUSY = "busy"
    OOF = "oof"  # out of office
    WORKING_ELSEWHERE = "working_elsewhere"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class BusyBlock:
    """A stretch of someone's calendar from free/busy; subject and location only when the
    mailbox shares details (the director's, to his delegate), else empty."""

    start_at: datetime
    end_at: datetime
    status: BusyStatus = BusyStatus.BUSY
    subject: str = ""
    location: str = ""


@dataclass(frozen=True)
class Upserted:
    item: MailSummary


@dataclass(frozen=True)
class Removed:
    exchange_id: str


@dataclass(frozen=True)
class ReadFlagChanged:
    exchange_id: str
    is_read: bool


Change = Upserted | Removed | ReadFlagChanged


@dataclass(frozen=True)
class SyncPage:
    """One SyncFolderItems answer: apply `changes`, then store `sync_state` with them."""

    changes: list[Change] = field(default_factory=list)
    sync_state: str = ""
    last_page: bool = True


@dataclass(frozen=True)
class OutgoingAttachment:
    name: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class ItemFiles:
    """An item's file attachments as the server has them now, with its change key."""

    change_key: str
    files: tuple[AttachmentRecord, ...]


@dataclass(frozen=True)
class OutgoingMail:
    subject: str
    body_html: str
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    attachments: tuple[OutgoingAttachment, ...] = ()
    marker: str = ""  # ours, stored on the item: finds it after a lost answer (no second send)
    bcc: tuple[str, ...] = ()  # a list whose addresses stay private (the verslag's wider list)


class ResponseKind(enum.StrEnum):
    REPLY = "reply"
    REPLY_ALL = "reply_all"
    FORWARD = "forward"
    ACCEPT = "accept"
    TENTATIVE = "tentative"
    DECLINE = "decline"


MEETING_ANSWERS = (ResponseKind.ACCEPT, ResponseKind.TENTATIVE, ResponseKind.DECLINE)


@dataclass(frozen=True)
class OutgoingResponse:
    """A reply, reply-all or forward of a mail, or the answer to a meeting request, on
    behalf of the director. `body_html` is the whole body (the quote included); a
    meeting answer's is the optional message to the organiser."""

    kind: ResponseKind
    reference_id: str  # the Exchange id of the mail or meeting request answered
    subject: str = ""
    body_html: str = ""
    to: tuple[str, ...] = ()  # "Name <address>" or "address"; answers go to the organiser
    cc: tuple[str, ...] = ()
    marker: str = ""  # ours, on the sent copy: finds it after a lost answer (no second send)


@dataclass(frozen=True)
class EventDraft:
    """An appointment to create or change in the director's calendar."""

    subject: str
    start_at: datetime
    end_at: datetime
    location: str = ""
    body_html: str = ""
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    is_all_day: bool = False
    sensitivity: Sensitivity = Sensitivity.NORMAL
    marker: str = ""  # ours, stored on the item: finds it after a lost answer (no second create)


@dataclass(frozen=True)
class FlagUpdate:
    status: FlagStatus
    due_at: datetime | None = None
