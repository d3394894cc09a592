"""Writing the calendar over Graph: events with attendees (one occurrence or the series),
cancel, attachments on an appointment, getSchedule.

The mailbox changes through the same helpers as the EWS operations (`ops/write.py`,
`ops/availability.py`), so both protocols leave the same traces (invitations, change
keys, exceptions of a series).
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kortrijk_cockpit.sandbox.ews.ops.availability import _entries
from kortrijk_cockpit.sandbox.ews.ops.common import Context
from kortrijk_cockpit.sandbox.ews.ops.write import _cancel_occurrence, _is_organizer
from kortrijk_cockpit.sandbox.ews.render_items import MS_TO_IANA_ZONE, html_to_text
from kortrijk_cockpit.sandbox.graph import common, extended
from kortrijk_cockpit.sandbox.graph.http import (
    GraphContext,
    GraphError,
    GraphRequest,
    GraphResponse,
    Route,
    bad_request,
    id_group,
    not_found,
    route,
)
from kortrijk_cockpit.sandbox.graph.render import attachment_json, event_json, moment
from kortrijk_cockpit.sandbox.model import CALENDAR_ITEM, Address, BusyEntry, Item
from kortrijk_cockpit.sandbox.recurrence import Occurrence

ITEM = id_group("item")
ATTACHMENT = id_group("attachment")
KIND = r"(?P<kind>messages|events)"
MAX_SCHEDULE = timedelta(days=62)  # getSchedule's longest window
INLINE_LIMIT = 3 * 1024 * 1024  # bigger files need an upload session
_SENSITIVITY = {"normal": "Normal", "personal": "Personal", "private": "Private",
                "confidential": "Confidential"}
_SHOW_AS = {"Free": "free", "Tentative": "tentative", "Busy": "busy", "OOF": "oof",
            "WorkingElsewhere": "workingElsewhere"}
_VIEW_DIGIT = {"free": "0", "tentative": "1", "busy": "2", "oof": "3", "workingElsewhere": "4"}


def _ews(ctx: GraphContext) -> Context:
    """The EWS operations' context over the same mailbox and faults (their helpers take it)."""
    return Context(ctx.mailbox, ctx.faults, ctx.nonces)




# -- request bodies ------------------------------------------------------------------------
def _zone(name: str) -> Any:
    name = MS_TO_IANA_ZONE.get(name, name)
    if name.upper() in ("UTC", "GMT"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise bad_request(f"Unknown time zone {name!r}.", "ErrorTimeZone") from None


def _time(value: Any, field: str) -> tuple[datetime, str]:
    """A dateTimeTimeZone as an aware time, with the IANA zone it was given in."""
    if not isinstance(value, dict) or not value.get("dateTime"):
        raise bad_request(f"{field} needs dateTime and timeZone.")
    zone_name = str(value.get("timeZone") or "UTC")
    zone = _zone(zone_name)
    text = str(value["dateTime"]).replace("Z", "")
    head, dot, fraction = text.partition(".")
    try:
        parsed = datetime.fromisoformat(f"{head}.{fraction[:6]}" if dot else head)
    except ValueError as exc:
        raise bad_request(f"{field}: {exc}") from exc
    iana = MS_TO_IANA_ZONE.get(zone_name, zone_name)
    return parsed.replace(tzinfo=zone), "UTC" if zone is UTC else iana


def _person(value: Any) -> Address:
    mail = (value or {}).get("emailAddress") or {}
    return Address(str(mail.get("name") or ""), str(mail.get("address") or ""))


def _event_values(body: Any) -> dict[str, Any]:
    """Item field values (and extended properties) named in an event's JSON."""
    if not isinstance(body, dict):
        raise bad_request("An event is a JSON object.")
    values: dict[str, Any] = {}
    if "subject" in body:
        values["subject"] = str(body["subject"] or "")
    if "body" in body:
        content = body["body"] or {}
        text = str(content.get("content") or "")
        values["body_html"] = text if str(content.get("contentType", "html")).lower() == "html" \
            else f"<p>{text}</p>"
    for name in ("start", "end"):
        if name in body:
            values[name], zone = _time(body[name], name)
            values.setdefault("timezone", zone)
    if "isAllDay" in body:
        values["is_all_day"] = bool(body["isAllDay"])
    if "location" in body:
        values["location"] = str((body["location"] or {}).get("displayName") or "")
    if "sensitivity" in body:
        found = _SENSITIVITY.get(str(body["sensitivity"]).lower())
        if found is None:
            raise bad_request(f"Unknown sensitivity {body['sensitivity']!r}.")
        values["sensitivity"] = found
    if "attendees" in body:
        people = body["attendees"] or []
        optional = [a.get("type") == "optional" for a in people]
        values["attendees"] = [_person(a) for a, o in zip(people, optional, strict=True) if not o]
        values["optional_attendees"] = [_person(a) for a, o in zip(people, optional, strict=True)
                                        if o]
    if body.get("singleValueExtendedProperties"):
        try:
            values["extended_properties"] = extended.stored_values(
                body["singleValueExtendedProperties"])
        except ValueError as exc:
            raise bad_request(str(exc), "ErrorInvalidProperty") from exc
    return values


def _event_body(ctx: GraphContext, item: Item, occ: Occurrence | None = None) -> dict[str, Any]:
    return event_json(item, occ, owner=ctx.mailbox.owner)


def _calendar_event(ctx: GraphContext, ref: str) -> tuple[Item, Occurrence | None]:
    item, occ = common.event(ctx, ref)
    if item.kind != CALENDAR_ITEM:
        raise not_found()
    return item, occ


# -- create / update -------------------------------------------------------------------------
def create_event(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    """POST /events: saved in the calendar; Exchange invites the attendees itself."""
    values = _event_values(request.body)
    if values.get("start") is None or values.get("end") is None:
        raise bad_request("An event needs start and end.")
    if values["end"] < values["start"]:
        raise bad_request("The end of an event is before its start.")
    box = ctx.mailbox
    now = box.clock()
    values.setdefault("extended_properties", {})
    try:
        item = box.create_item(CALENDAR_ITEM, "calendar", organizer=ctx.owner(), received=now,
                               created=now, last_modified=now, **values)
    except (ValueError, TypeError) as exc:
        raise bad_request(str(exc), "ErrorInvalidPropertyValue") from exc
    if item.is_meeting:
        box.record_invitation("request", item)
    return GraphResponse(status=201, body=_event_body(ctx, item))


def update_event(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    """PATCH /events/{id}: the series (master's id) or one occurrence; attendees get an
    update when the director organises it."""
    master, occ = _calendar_event(ctx, item)
    common.check_if_match(request, master)  # an occurrence shares its master's change key
    changes = _event_values(request.body)
    box = ctx.mailbox
    organiser = _is_organizer(_ews(ctx), master)
    try:
        if occ is not None:
            changes.pop("timezone", None)  # the series' zone
            if changes.get("is_all_day", master.is_all_day) == master.is_all_day:
                changes.pop("is_all_day", None)  # sent with a new start or end
            occ = box.change_occurrence(master, occ, changes)
            if changes and master.is_meeting and organiser:
                box.record_invitation("update", master, occurrence=occ)
            return GraphResponse(body=_event_body(ctx, master, occ))
        box.apply_changes(master, changes)
    except (ValueError, TypeError) as exc:
        raise bad_request(str(exc), "ErrorInvalidPropertyValue") from exc
    if changes and master.is_meeting and organiser:
        master.meeting_sequence += 1
        box.record_invitation("update", master)
    return GraphResponse(body=_event_body(ctx, master))


# -- cancel / delete -------------------------------------------------------------------------
def cancel_event(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    """POST /events/{id}/cancel: the organiser's cancellation, with her comment."""
    master, occ = _calendar_event(ctx, item)
    if not _is_organizer(_ews(ctx), master):
        raise bad_request("Your request can't be completed. You can't cancel a meeting "
                          "you didn't organize.", "ErrorAccessDenied")
    comment = str((request.body or {}).get("comment") or "")
    message = html_to_text(comment) if "<" in comment else comment
    if occ is not None:
        _cancel_occurrence(_ews(ctx), master, occ, True, message)
        return GraphResponse(status=202)
    master.is_cancelled = True
    ctx.mailbox.record_invitation("cancellation", master, message=message)
    ctx.mailbox.move_item(master.id, "deleteditems")
    return GraphResponse(status=202)


def delete_event(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    """DELETE /events/{id}: to Deleted Items; a meeting the director organises is
    cancelled with its attendees (Exchange sends that itself)."""
    master, occ = _calendar_event(ctx, item)
    if occ is not None:
        _cancel_occurrence(_ews(ctx), master, occ, True)
        return GraphResponse(status=204)
    if master.is_meeting and _is_organizer(_ews(ctx), master):
        master.is_cancelled = True
        ctx.mailbox.record_invitation("cancellation", master)
    if master.folder != "deleteditems":
        ctx.mailbox.move_item(master.id, "deleteditems")
    else:
        ctx.mailbox.delete_item(master.id)
    return GraphResponse(status=204)


# -- attachments -----------------------------------------------------------------------------
def add_attachment(ctx: GraphContext, request: GraphRequest, kind: str,
                   item: str) -> GraphResponse:
    """POST /{kind}/{id}/attachments with a fileAttachment (up to 3 MB): no update to the
    attendees; the item gets a new change key."""
    parent = common.attachment_parent(ctx, kind, item)
    common.check_if_match(request, parent)
    body = request.body if isinstance(request.body, dict) else {}
    if not str(body.get("@odata.type", "")).endswith("fileAttachment"):
        raise bad_request("Only file attachments can be added here.")
    try:
        content = base64.b64decode(str(body.get("contentBytes") or ""), validate=True)
    except (binascii.Error, ValueError):
        raise bad_request("contentBytes is not base64.") from None
    if len(content) > INLINE_LIMIT:
        raise GraphError(413, "ErrorRequestEntityTooLarge",
                         "The attachment is too large; use an upload session.")
    made = ctx.mailbox.add_attachment(parent, (
        str(body.get("name") or "bijlage"), content,
        str(body.get("contentType") or "application/octet-stream")))
    return GraphResponse(status=201, body=attachment_json(made))


def remove_attachment(ctx: GraphContext, request: GraphRequest, kind: str, item: str,
                      attachment: str) -> GraphResponse:
    parent = common.attachment_parent(ctx, kind, item)
    wanted = common.ews_id(attachment)
    if not any(a.attachment_id == wanted for a in parent.attachments):
        raise GraphError(404, "ErrorItemNotFound", "The attachment was not found.")
    ctx.mailbox.remove_attachment(wanted)
    return GraphResponse(status=204)


# -- getSchedule -----------------------------------------------------------------------------
def get_schedule(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    """Free/busy of the director and colleagues, as GetUserAvailability gives it: the
    director's appointments in detail (his delegate edits his calendar), colleagues'
    free/busy only; a private appointment's subject only with ViewPrivateItems."""
    body = request.body if isinstance(request.body, dict) else {}
    start, _ = _time(body.get("startTime"), "startTime")
    end, _ = _time(body.get("endTime"), "endTime")
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    interval = int(body.get("availabilityViewInterval") or 30)
    schedules = [str(s).strip().lower() for s in body.get("schedules") or []]
    if not schedules or not start < end <= start + MAX_SCHEDULE or not 5 <= interval <= 1440:
        raise bad_request("The schedules, time window or interval are not valid.")
    answers = []
    for address in schedules:
        entries = _entries(_ews(ctx), address, start, end)
        if entries is None:
            answers.append({"scheduleId": address, "availabilityView": "",
                            "error": {"message": f"Unable to resolve e-mail address {address} "
                                                 "to an Active Directory object.",
                                      "responseCode": "ErrorMailRecipientNotFound"}})
            continue
        detailed = address == ctx.mailbox.owner.lower()
        items = []
        for entry in entries:
            status = _SHOW_AS.get(entry.free_busy, "busy")
            shown: dict[str, Any] = {"isPrivate": entry.is_private, "status": status,
                                     "start": moment(entry.start), "end": moment(entry.end)}
            if detailed and not (entry.is_private and not ctx.mailbox.view_private_items):
                shown.update(subject=entry.subject, location=entry.location)
            items.append(shown)
        answers.append({"scheduleId": address,
                        "availabilityView": _availability_view(entries, start, end, interval),
                        "scheduleItems": items,
                        "workingHours": {"daysOfWeek": ["monday", "tuesday", "wednesday",
                                                        "thursday", "friday"],
                                         "startTime": "08:00:00.0000000",
                                         "endTime": "17:30:00.0000000",
                                         "timeZone": {"name": "Romance Standard Time"}}})
    return GraphResponse(body={"value": answers})


def _availability_view(entries: list[BusyEntry], start: datetime, end: datetime,
                       interval: int) -> str:
    """One digit a slot (0 free ... 4 elsewhere); where appointments overlap, the one
    that weighs most (out of office, busy, tentative, elsewhere), as EWS's merged view."""
    step = timedelta(minutes=interval)
    digits, slot = [], start
    while slot < end:
        found = [_VIEW_DIGIT.get(_SHOW_AS.get(e.free_busy, "busy"), "2") for e in entries
                 if e.start < slot + step and e.end > slot]
        digits.append(max(found, key="04123".index, default="0"))
        slot += step
    return "".join(digits)


ROUTES: list[Route] = [
    route("POST", "/events", "CreateItem", create_event),
    route("POST", "/calendar/events", "CreateItem", create_event),
    route("PATCH", f"/events/{ITEM}", "UpdateItem", update_event),
    route("POST", f"/events/{ITEM}/cancel", "CreateItem", cancel_event),
    route("DELETE", f"/events/{ITEM}", "DeleteItem", delete_event),
    route("POST", f"/{KIND}/{ITEM}/attachments", "CreateAttachment", add_attachment),
    route("DELETE", f"/{KIND}/{ITEM}/attachments/{ATTACHMENT}", "DeleteAttachment",
          remove_attachment),
    route("POST", "/calendar/getSchedule", "GetUserAvailabilityRequest", get_schedule),
]
