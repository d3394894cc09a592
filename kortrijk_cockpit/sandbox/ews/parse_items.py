"""Item XML from CreateItem / UpdateItem requests, read into Item field values."""

from __future__ import annotations

import base64
import binascii
import html
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree

from kortrijk_cockpit.sandbox.ews.extended import property_ref
from kortrijk_cockpit.sandbox.ews.render_items import MS_TO_IANA_ZONE
from kortrijk_cockpit.sandbox.ews.soapxml import (
    EwsError,
    parse_bool,
    parse_date,
    parse_dt,
    t,
    text_of,
)
from kortrijk_cockpit.sandbox.model import Address, WeeklyRecurrence
from kortrijk_cockpit.sandbox.recurrence import WEEKDAYS


@dataclass(frozen=True)
class NewAttachment:
    name: str
    content: bytes
    content_type: str
    is_inline: bool
    content_id: str


def file_attachment(att: etree._Element) -> NewAttachment:
    """A t:FileAttachment of CreateItem or CreateAttachment."""
    if att.tag != t("FileAttachment"):
        raise EwsError("ErrorInvalidItemForOperationCreateItemAttachment",
                       "This sandbox only keeps file attachments.")
    try:
        content = base64.b64decode(text_of(att, "Content"), validate=False)
    except (binascii.Error, ValueError):
        raise EwsError("ErrorInvalidRequest", "Attachment content is not base64.") from None
    return NewAttachment(
        name=text_of(att, "Name"), content=content,
        content_type=text_of(att, "ContentType", "application/octet-stream"),
        is_inline=parse_bool(text_of(att, "IsInline")),
        content_id=text_of(att, "ContentId"))


def mailbox(elem: etree._Element | None) -> Address | None:
    if elem is None:
        return None
    email = text_of(elem, "EmailAddress").strip()
    if not email:
        return None
    return Address(text_of(elem, "Name").strip() or email, email)


def _mailboxes(elem: etree._Element) -> list[Address]:
    return [a for a in (mailbox(e) for e in elem.iter(t("Mailbox"))) if a]


def _body(elem: etree._Element) -> str:
    text = elem.text or ""
    if elem.get("BodyType", "HTML") == "Text":
        return "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()) if text else ""
    return text


def _recurrence(elem: etree._Element, start: datetime | None, zone: str) -> WeeklyRecurrence:
    weekly = elem.find(t("WeeklyRecurrence"))
    if weekly is None:
        raise EwsError("ErrorUnsupportedRecurrence",
                       "This sandbox only keeps weekly recurrences (WeeklyRecurrence).")
    days = tuple(sorted({WEEKDAYS.index(d) for d in text_of(weekly, "DaysOfWeek").split()
                         if d in WEEKDAYS}))
    interval = int(text_of(weekly, "Interval", "1") or 1)
    until = None
    first = None
    for tag in ("EndDateRecurrence", "NoEndRecurrence", "NumberedRecurrence"):
        boundary = elem.find(t(tag))
        if boundary is None:
            continue
        first = parse_date(text_of(boundary, "StartDate"))
        if tag == "EndDateRecurrence":
            until = parse_date(text_of(boundary, "EndDate"))
        elif tag == "NumberedRecurrence":
            from datetime import timedelta

            count = int(text_of(boundary, "NumberOfOccurrences", "1"))
            weeks = -(-count // max(1, len(days))) * interval
            until = first + timedelta(weeks=weeks)
    if first is None:
        if start is None:
            raise EwsError("ErrorUnsupportedRecurrence", "The recurrence has no start date.")
        from zoneinfo import ZoneInfo

        first = start.astimezone(ZoneInfo(zone)).date()
    return WeeklyRecurrence(first, until, days or (first.weekday(),), interval)


def item_values(elem: etree._Element) -> tuple[dict[str, Any], dict[str, str | list[str] | None],
                                               list[NewAttachment]]:
    """(Item field values, extended properties by key, attachments) named in an item element."""
    values: dict[str, Any] = {}
    extended: dict[str, str | list[str] | None] = {}
    attachments: list[NewAttachment] = []
    zone = "Europe/Brussels"
    zone_elem = elem.find(t("StartTimeZone"))
    if zone_elem is not None:
        zone = MS_TO_IANA_ZONE.get(zone_elem.get("Id", ""), zone)
        values["timezone"] = zone
    for child in elem:
        name = etree.QName(child).localname
        text = child.text or ""
        if name == "Subject":
            values["subject"] = text
        elif name == "Body":
            values["body_html"] = _body(child)
        elif name == "Sensitivity":
            values["sensitivity"] = text.strip()
        elif name == "Importance":
            values["importance"] = text.strip()
        elif name == "Categories":
            values["categories"] = [s.text or "" for s in child.findall(t("String"))]
        elif name in ("ToRecipients", "CcRecipients", "BccRecipients", "ReplyTo"):
            values[{"ToRecipients": "to", "CcRecipients": "cc", "BccRecipients": "bcc",
                    "ReplyTo": "reply_to"}[name]] = _mailboxes(child)
        elif name == "From":
            values["author"] = mailbox(child.find(t("Mailbox")))
        elif name == "Sender":
            values["sender"] = mailbox(child.find(t("Mailbox")))
        elif name == "IsRead":
            values["is_read"] = parse_bool(text)
        elif name in ("Start", "End"):
            values[name.lower()] = parse_dt(text)
        elif name == "IsAllDayEvent":
            values["is_all_day"] = parse_bool(text)
        elif name == "Location":
            values["location"] = text
        elif name == "LegacyFreeBusyStatus":
            values["free_busy"] = text.strip()
        elif name == "RequiredAttendees":
            values["attendees"] = _mailboxes(child)
        elif name == "OptionalAttendees":
            values["optional_attendees"] = _mailboxes(child)
        elif name == "UID":
            values["uid"] = text
        elif name == "ExtendedProperty":
            uri = child.find(t("ExtendedFieldURI"))
            if uri is None:
                continue
            try:
                ref = property_ref(uri)
            except ValueError as exc:
                raise EwsError("ErrorInvalidExtendedProperty", str(exc)) from exc
            many = child.find(t("Values"))
            if many is not None:
                extended[ref.key] = [v.text or "" for v in many.findall(t("Value"))]
            else:
                extended[ref.key] = text_of(child, "Value")
        elif name == "Attachments":
            attachments.extend(file_attachment(att) for att in child)
    recurrence_elem = elem.find(t("Recurrence"))
    if recurrence_elem is not None:
        values["recurrence"] = _recurrence(recurrence_elem, values.get("start"), zone)
    return values, extended, attachments


# Field URIs DeleteItemField may clear, with the value they are cleared to.
CLEARED: dict[str, tuple[str, Any]] = {
    "item:Subject": ("subject", ""),
    "item:Body": ("body_html", ""),
    "item:Categories": ("categories", []),
    "calendar:Location": ("location", ""),
    "message:ToRecipients": ("to", []),
    "message:CcRecipients": ("cc", []),
    "message:BccRecipients": ("bcc", []),
    "calendar:RequiredAttendees": ("attendees", []),
    "calendar:OptionalAttendees": ("optional_attendees", []),
    "calendar:Recurrence": ("recurrence", None),
}
