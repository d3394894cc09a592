"""What a file reader hands to the importer: plain values, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

NO_SUBJECT = "(geen onderwerp)"
UNKNOWN_SENDER = "(onbekende afzender)"


class NotReadable(Exception):
    """This file cannot be imported; `reason` says why, in Dutch, without the file name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ParsedAttachment:
    name: str
    content_type: str
    data: bytes = field(repr=False)
    is_inline: bool = False
    content_id: str | None = None  # without the angle brackets, as `cid:` links use it


@dataclass(frozen=True)
class ParsedMail:
    subject: str
    sender_name: str
    sender_email: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    sent_at: datetime | None  # the Date header; None when missing or unreadable
    body_text: str
    body_html: str
    internet_message_id: str | None
    attachments: tuple[ParsedAttachment, ...] = ()
    reply_to: tuple[str, ...] = ()  # the Reply-To header: where answers go instead of From
    notes: tuple[str, ...] = ()  # what was left out or kept aside, in Dutch, for the report


@dataclass(frozen=True)
class ParsedEvent:
    """One event, or one occurrence of a recurring event, within the calendar window."""

    uid: str
    subject: str
    start_at: datetime  # aware
    end_at: datetime  # aware
    is_all_day: bool
    location: str = ""
    organizer: str = ""
    attendees: tuple[str, ...] = ()
    body_text: str = ""
    is_cancelled: bool = False


@dataclass(frozen=True)
class ParsedCalendar:
    """What one .ics file holds within the window, and what it could not give whole."""

    events: tuple[ParsedEvent, ...]
    notes: tuple[str, ...] = ()  # series cut short, in Dutch
    broken: tuple[str, ...] = ()  # one Dutch line per event that could not be read
