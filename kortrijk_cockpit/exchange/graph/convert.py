"""Graph JSON to the records that cross the MailboxBackend boundary (records.py).

The same records as EWS's, field for field, so the sync engine cannot tell
which protocol brought them.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kortrijk_cockpit.domain import FlagStatus, Importance, Sensitivity
from kortrijk_cockpit.exchange.html_text import html_to_text
from kortrijk_cockpit.exchange.records import (
    AttachmentRecord,
    EventRecord,
    MailBody,
    MailSummary,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
# The outbox's mark on what it creates or sends: the same MAPI property as EWS's
# (PS_PUBLIC_STRINGS, name KortrijkCockpitOutboxMarker), so either finds the other's.
MARKER_ID = "String {00020329-0000-0000-C000-000000000046} Name KortrijkCockpitOutboxMarker"
SENSITIVITY_ID = "Integer 0x36"  # PidTagSensitivity: messages have no sensitivity property
MESSAGE_CLASS_ID = "String 0x1A"  # PidTagMessageClass: IPM.Note, IPM.Schedule.Meeting.Request
EXTENDED = (f"singleValueExtendedProperties($filter=id eq '{SENSITIVITY_ID}' or "
            f"id eq '{MESSAGE_CLASS_ID}')")
_EVENT_MESSAGE = "microsoft.graph.eventMessage"
SUMMARY_SELECT = ",".join([
    "id", "changeKey", "subject", "from", "sender", "receivedDateTime", "sentDateTime", "isRead",
    "categories", "flag", "importance", "hasAttachments", "conversationId", "internetMessageId",
    *(f"{_EVENT_MESSAGE}/{name}" for name in ("meetingMessageType", "startDateTime",
                                                "endDateTime", "location", "isAllDay")),
])
BODY_SELECT = "id,changeKey,body,toRecipients,ccRecipients,replyTo"
ATTACHMENTS = "attachments($select=id,name,contentType,size,isInline,contentId)"
EVENT_SELECT = ",".join([
    "id", "changeKey", "subject", "start", "end", "isAllDay", "location", "organizer",
    "attendees", "categories", "body", "sensitivity", "isCancelled", "type", "seriesMasterId",
])

_SENSITIVITY_VALUES = {"0": Sensitivity.NORMAL, "1": Sensitivity.PERSONAL,
                       "2": Sensitivity.PRIVATE, "3": Sensitivity.CONFIDENTIAL}
_SENSITIVITY_NAMES = {s.value: s for s in Sensitivity}
_IMPORTANCE = {i.value: i for i in Importance}
_FLAG = {"flagged": FlagStatus.FLAGGED, "complete": FlagStatus.COMPLETE}
_MEETING_CLASSES = {"meetingRequest": "IPM.Schedule.Meeting.Request",
                    "meetingCancelled": "IPM.Schedule.Meeting.Canceled",
                    "meetingAccepted": "IPM.Schedule.Meeting.Resp.Pos",
                    "meetingTenativelyAccepted": "IPM.Schedule.Meeting.Resp.Tent",
                    "meetingDeclined": "IPM.Schedule.Meeting.Resp.Neg"}


def stamp(value: Any) -> datetime | None:
    """An ISO 8601 time Graph gives ("2026-03-16T08:00:00Z"), aware."""
    if not value:
        return None
    text = str(value)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(_trim_fraction(text))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _trim_fraction(text: str) -> str:
    # Graph writes seven fractional digits; Python reads at most six.
    head, dot, rest = text.partition(".")
    if not dot:
        return text
    digits = "".join(c for c in rest if c.isdigit())
    tail = rest[len(digits):]
    return f"{head}.{digits[:6]}{tail}"


def moment(value: dict[str, Any] | None) -> datetime | None:
    """A dateTimeTimeZone (`{"dateTime": ..., "timeZone": "UTC"}`), aware."""
    if not value or not value.get("dateTime"):
        return None
    parsed = datetime.fromisoformat(_trim_fraction(str(value["dateTime"])))
    if parsed.tzinfo is not None:
        return parsed
    return parsed.replace(tzinfo=_zone(str(value.get("timeZone") or "UTC")))


def _zone(name: str) -> Any:
    if name.upper() in ("UTC", "GMT", "ETC/UTC"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return BRUSSELS  # a Windows zone name ("Romance Standard Time"): the city's


def address(value: dict[str, Any] | None) -> str:
    """ "Name <address>", or the one that is there (as ews.py writes people)."""
    mail = (value or {}).get("emailAddress") or {}
    name, email = str(mail.get("name") or ""), str(mail.get("address") or "")
    return f"{name} <{email}>" if name and email else (email or name)


def _extended(item: dict[str, Any]) -> dict[str, str]:
    return {str(p.get("id", "")).lower(): str(p.get("value", ""))
            for p in item.get("singleValueExtendedProperties") or []}


def summary(item: dict[str, Any]) -> MailSummary:
    props = _extended(item)
    author = (item.get("from") or item.get("sender") or {}).get("emailAddress") or {}
    sender = (item.get("sender") or {}).get("emailAddress") or {}
    sender_email = str(sender.get("address") or "").lower()
    sent_by = address(item.get("sender")) if sender_email and \
        sender_email != str(author.get("address") or "").lower() else ""
    flag = item.get("flag") or {}
    kind = str(item.get("meetingMessageType") or "")
    item_class = props.get(MESSAGE_CLASS_ID.lower()) or _MEETING_CLASSES.get(kind, "IPM.Note")
    return MailSummary(
        exchange_id=str(item["id"]), change_key=str(item.get("changeKey") or ""),
        subject=str(item.get("subject") or ""),
        sender_name=str(author.get("name") or ""), sender_email=str(author.get("address") or ""),
        sent_by=sent_by,
        received_at=stamp(item.get("receivedDateTime")), sent_at=stamp(item.get("sentDateTime")),
        is_read=bool(item.get("isRead", False)), categories=tuple(item.get("categories") or ()),
        flag_status=_FLAG.get(str(flag.get("flagStatus") or ""), FlagStatus.NONE),
        flag_due_at=moment(flag.get("dueDateTime")),
        importance=_IMPORTANCE.get(str(item.get("importance") or ""), Importance.NORMAL),
        sensitivity=_SENSITIVITY_VALUES.get(props.get(SENSITIVITY_ID.lower(), "0"),
                                            Sensitivity.NORMAL),
        has_attachments=bool(item.get("hasAttachments", False)),
        conversation_id=str(item.get("conversationId") or ""),
        item_class=item_class, internet_message_id=str(item.get("internetMessageId") or ""),
        meeting=_meeting(item, kind),
    )


def _meeting(item: dict[str, Any], kind: str) -> dict[str, Any] | None:
    """A meeting request's or cancellation's appointment (as ews.py gives it)."""
    if kind not in ("meetingRequest", "meetingCancelled"):
        return None
    is_all_day = bool(item.get("isAllDay", False))
    start, end = moment(item.get("startDateTime")), moment(item.get("endDateTime"))
    if is_all_day:
        start, end = _local_midnight(start), _local_midnight(end)
    return {
        "start": start.astimezone(UTC).isoformat() if start else None,
        "end": end.astimezone(UTC).isoformat() if end else None,
        "location": str((item.get("location") or {}).get("displayName") or ""),
        "organizer": address(item.get("from") or item.get("sender")),
        "is_all_day": is_all_day,
        "is_cancellation": kind == "meetingCancelled",
    }


def _local_midnight(value: datetime | None) -> datetime | None:
    """An all-day edge: its date is the day, in Brussels (Graph gives a floating midnight)."""
    if value is None:
        return None
    return datetime(value.year, value.month, value.day, tzinfo=BRUSSELS)


def attachment_path(kind: str, item_id: str, attachment_id: str) -> str:
    """An attachment's id for the store: its path below the director, since Graph needs
    the item's id as well ("messages/<id>/attachments/<id>")."""
    return f"{kind}/{item_id}/attachments/{attachment_id}"


def attachments(kind: str, item: dict[str, Any]) -> tuple[AttachmentRecord, ...]:
    return tuple(
        AttachmentRecord(
            exchange_id=attachment_path(kind, str(item["id"]), str(a.get("id", ""))),
            name=str(a.get("name") or ""),
            content_type=str(a.get("contentType") or "application/octet-stream"),
            size=int(a.get("size") or 0), is_inline=bool(a.get("isInline", False)),
            content_id=str(a.get("contentId") or ""))
        for a in item.get("attachments") or ()
        if str(a.get("@odata.type", "#microsoft.graph.fileAttachment")).endswith("fileAttachment"))


def body(item: dict[str, Any]) -> MailBody:
    content = item.get("body") or {}
    text = str(content.get("content") or "")
    is_html = str(content.get("contentType") or "html").lower() == "html"
    return MailBody(
        exchange_id=str(item["id"]), change_key=str(item.get("changeKey") or ""),
        body_html=text if is_html else f"<pre>{html.escape(text)}</pre>",
        body_text=html_to_text(text) if is_html else text,
        to_recipients=tuple(address(r) for r in item.get("toRecipients") or ()),
        cc_recipients=tuple(address(r) for r in item.get("ccRecipients") or ()),
        reply_to=tuple(address(r) for r in item.get("replyTo") or ()),
        attachments=attachments("messages", item),
    )


def event(item: dict[str, Any]) -> EventRecord:
    is_all_day = bool(item.get("isAllDay", False))
    start, end = moment(item.get("start")), moment(item.get("end"))
    if start is None or end is None:
        raise ValueError(f"An event without times: {item.get('id')!r}")
    if is_all_day:
        start, end = _local_midnight(start), _local_midnight(end)
    content = item.get("body") or {}
    text = str(content.get("content") or "")
    if str(content.get("contentType") or "text").lower() == "html":
        text = html_to_text(text)
    series = str(item.get("seriesMasterId") or "") \
        if item.get("type") in ("occurrence", "exception") else ""
    return EventRecord(
        exchange_id=str(item["id"]), change_key=str(item.get("changeKey") or ""),
        subject=str(item.get("subject") or ""), start_at=start, end_at=end,  # type: ignore[arg-type]
        is_all_day=is_all_day,
        location=str((item.get("location") or {}).get("displayName") or ""),
        organizer=address(item.get("organizer")),
        attendees=tuple(address(a) for a in item.get("attendees") or ()),
        categories=tuple(item.get("categories") or ()), body_text=text,
        sensitivity=_SENSITIVITY_NAMES.get(str(item.get("sensitivity") or "normal").lower(),
                                           Sensitivity.NORMAL),
        is_cancelled=bool(item.get("isCancelled", False)), series_exchange_id=series,
    )
