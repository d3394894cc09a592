"""Sandbox items as Graph JSON: messages, events (occurrences too), folders, attachments.

Times are given in UTC (`{"dateTime": "...", "timeZone": "UTC"}`), as Graph does
with `Prefer: outlook.timezone="UTC"`. `$select` is honoured (id always comes).
"""

from __future__ import annotations

import base64
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kortrijk_cockpit.sandbox.ews.render_items import html_to_text
from kortrijk_cockpit.sandbox.graph import extended
from kortrijk_cockpit.sandbox.graph.ids import etag, to_rest
from kortrijk_cockpit.sandbox.ids import occurrence_id
from kortrijk_cockpit.sandbox.mailbox import Folder
from kortrijk_cockpit.sandbox.mapi import to_utc
from kortrijk_cockpit.sandbox.model import (
    MEETING_CANCELLATION,
    MEETING_REQUEST,
    MEETING_RESPONSES,
    Address,
    Attachment,
    Item,
)
from kortrijk_cockpit.sandbox.recurrence import Occurrence

# Folder keys Graph knows by a well-known name.
WELL_KNOWN = ("inbox", "drafts", "sentitems", "deleteditems", "outbox", "junkemail",
              "msgfolderroot", "root")
_MEETING_TYPES = {MEETING_REQUEST: "meetingRequest", MEETING_CANCELLATION: "meetingCancelled",
                  MEETING_RESPONSES["Accept"]: "meetingAccepted",
                  MEETING_RESPONSES["Tentative"]: "meetingTenativelyAccepted",
                  MEETING_RESPONSES["Decline"]: "meetingDeclined"}
_RESPONSES = {"Accept": "accepted", "Tentative": "tentativelyAccepted", "Decline": "declined",
              "NoResponseReceived": "notResponded", "Organizer": "organizer"}


def moment(value: datetime | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {"dateTime": _utc(value), "timeZone": "UTC"}


def _day(value: datetime | None, zone: str) -> dict[str, str] | None:
    """An all-day event's edge: midnight of its own date, whatever zone is asked for."""
    if value is None:
        return None
    local = value.astimezone(ZoneInfo(zone)).date()
    return {"dateTime": f"{local.isoformat()}T00:00:00.0000000", "timeZone": "UTC"}


def _utc(value: datetime) -> str:
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%S.0000000")


def _stamp(value: datetime | None) -> str | None:
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def recipient(person: Address | None) -> dict[str, Any] | None:
    if person is None:
        return None
    return {"emailAddress": {"name": person.name, "address": person.email}}


def _recipients(people: list[Address]) -> list[dict[str, Any]]:
    return [{"emailAddress": {"name": p.name, "address": p.email}} for p in people]


def _body(html: str, text_only: bool) -> dict[str, str]:
    if text_only:
        return {"contentType": "text", "content": html_to_text(html)}
    return {"contentType": "html", "content": html}


def expands_attachments(expand: str) -> bool:
    return re.search(r"(^|,)\s*attachments\b", expand or "") is not None


def _selected(values: dict[str, Any], select: set[str] | None) -> dict[str, Any]:
    if not select:
        return values
    # A derived type's property is selected with its cast ("microsoft.graph.eventMessage/x").
    keep = {name.rsplit("/", 1)[-1] for name in select} | {"id", "@odata.type", "@odata.etag",
                                                            "@removed"}
    return {k: v for k, v in values.items() if k in keep}


def _expanded(values: dict[str, Any], item: Item, expand: str) -> dict[str, Any]:
    """What `$expand` adds: the attachments, the single-value extended properties asked for."""
    if expands_attachments(expand):
        values["attachments"] = [attachment_json(a) for a in item.attachments]
    props = extended.render(item, expand)
    if props is not None:
        values["singleValueExtendedProperties"] = props
    return values


def folder_json(folder: Folder, parent: Folder | None) -> dict[str, Any]:
    return {"id": to_rest(folder.id), "displayName": folder.name,
            "parentFolderId": to_rest(parent.id) if parent else "",
            "childFolderCount": 0, "totalItemCount": folder.total_count,
            "unreadItemCount": folder.unread_count}


def attachment_json(attachment: Attachment, *, with_content: bool = False) -> dict[str, Any]:
    values: dict[str, Any] = {
        "@odata.type": "#microsoft.graph.fileAttachment", "id": to_rest(attachment.attachment_id),
        "name": attachment.name, "contentType": attachment.content_type,
        "size": attachment.size, "isInline": attachment.is_inline,
        "contentId": attachment.content_id or None,
        "lastModifiedDateTime": _stamp(attachment.last_modified)}
    if with_content:
        values["contentBytes"] = base64.b64encode(attachment.content).decode("ascii")
    return values


def message_json(item: Item, *, folder_id: str, select: set[str] | None = None,
                 expand: str = "", text_body: bool = False) -> dict[str, Any]:
    kind = _MEETING_TYPES.get(item.item_class)
    values: dict[str, Any] = {
        "@odata.type": "#microsoft.graph.eventMessageRequest" if kind == "meetingRequest"
        else "#microsoft.graph.eventMessage" if kind else "#microsoft.graph.message",
        "@odata.etag": etag(item.change_key),
        "id": to_rest(item.id), "changeKey": item.change_key, "subject": item.subject,
        "from": recipient(item.author or item.sender), "sender": recipient(item.sender or item.author),
        "receivedDateTime": _stamp(item.received), "sentDateTime": _stamp(item.sent),
        "createdDateTime": _stamp(item.created),
        "lastModifiedDateTime": _stamp(item.last_modified),
        "isRead": item.is_read, "isDraft": item.is_draft, "categories": list(item.categories),
        "importance": item.importance.lower(), "hasAttachments": item.has_attachments,
        "conversationId": item.conversation_id, "internetMessageId": item.internet_message_id,
        "parentFolderId": folder_id,
        "flag": _flag(item),
        "toRecipients": _recipients(item.to), "ccRecipients": _recipients(item.cc),
        "bccRecipients": _recipients(item.bcc), "replyTo": _recipients(item.reply_to),
        "body": _body(item.body_html, text_body),
    }
    if kind:
        values.update(meetingMessageType=kind, startDateTime=moment(item.start),
                      endDateTime=moment(item.end), isAllDay=item.is_all_day,
                      location={"displayName": item.location})
    return _expanded(_selected(values, select), item, expand)


def expands_event(expand: str) -> bool:
    """`$expand=microsoft.graph.eventMessage/event(...)`: a meeting message's appointment."""
    return re.search(r"(^|,|/)\s*event\b", expand or "") is not None


def event_ref(appointment: Item | None) -> dict[str, Any] | None:
    """A meeting message's `event` as `$expand` gives it (its id; null when gone)."""
    return {"id": to_rest(appointment.id), "changeKey": appointment.change_key} \
        if appointment is not None else None


def _flag(item: Item) -> dict[str, Any]:
    status = {"Flagged": "flagged", "Complete": "complete"}.get(item.flag_status, "notFlagged")
    flag: dict[str, Any] = {"flagStatus": status}
    if item.flag_due is not None:
        flag["dueDateTime"] = moment(item.flag_due)
        flag["startDateTime"] = moment(item.flag_due)
    return flag


def event_id(item: Item, occ: Occurrence | None) -> str:
    return to_rest(occurrence_id(item.number, occ.original_date) if occ else item.id)


def event_type(item: Item, occ: Occurrence | None) -> str:
    if occ is not None:
        return "exception" if occ.is_exception else "occurrence"
    return "seriesMaster" if item.recurrence else "singleInstance"


def event_json(item: Item, occ: Occurrence | None = None, *, owner: str,
               select: set[str] | None = None, expand: str = "",
               text_body: bool = False) -> dict[str, Any]:
    subject = occ.subject if occ is not None and occ.subject is not None else item.subject
    location = occ.location if occ is not None and occ.location is not None else item.location
    attendees = [{"type": "required", "emailAddress": {"name": a.name, "address": a.email},
                  "status": {"response": "none"}} for a in item.attendees]
    attendees += [{"type": "optional", "emailAddress": {"name": a.name, "address": a.email},
                   "status": {"response": "none"}} for a in item.optional_attendees]
    organizer = item.organizer or Address("", owner)
    is_organizer = organizer.email.lower() == owner.lower()
    response = item.response or ("organizer" if is_organizer else "notResponded")
    edge = (lambda v, z: _day(v, z)) if item.is_all_day else (lambda v, z: moment(v))
    values: dict[str, Any] = {
        "@odata.etag": etag(item.change_key),
        "id": event_id(item, occ), "changeKey": item.change_key, "subject": subject,
        "start": edge(occ.start if occ else item.start, item.timezone),
        "end": edge(occ.end if occ else item.end, item.timezone),
        "originalStart": _stamp(occ.series_start) if occ else None,
        "isAllDay": item.is_all_day, "location": {"displayName": location},
        "organizer": recipient(organizer), "attendees": attendees,
        "categories": list(item.categories), "body": _body(item.body_html, text_body),
        "sensitivity": item.sensitivity.lower(), "isCancelled": item.is_cancelled,
        "isOrganizer": is_organizer, "showAs": item.free_busy.lower(),
        "responseStatus": {"response": _RESPONSES.get(response, response)},
        "type": event_type(item, occ),
        "seriesMasterId": to_rest(item.id) if occ is not None else None,
        "iCalUId": item.uid, "hasAttachments": bool(item.attachments),
        "createdDateTime": _stamp(item.created),
        "lastModifiedDateTime": _stamp(item.last_modified),
    }
    return _expanded(_selected(values, select), item, expand)
