"""Writing the calendar over Graph: appointments with attendees (one occurrence or the
series), cancellations, files on an appointment, and free/busy (getSchedule).

Semantics as `EwsBackend`'s: Exchange invites, updates and cancels the attendees
itself; a change names the change key it read (`If-Match`), so an appointment
changed in Outlook meanwhile is refused (`ItemConflict`), never overwritten.
"""

from __future__ import annotations

import base64
from collections.abc import Collection, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from kortrijk_cockpit.exchange.errors import BackendError, ItemGone
from kortrijk_cockpit.exchange.graph import convert
from kortrijk_cockpit.exchange.graph.client import GraphClient
from kortrijk_cockpit.exchange.graph.mail_writing import upload
from kortrijk_cockpit.exchange.records import (
    BusyBlock,
    BusyStatus,
    EventDraft,
    OutgoingAttachment,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
ZONE_NAME = "Romance Standard Time"  # Brussels, as Exchange names it
SCHEDULE_MAX_WINDOW = timedelta(days=62)  # getSchedule's limit per call
SCHEDULE_INTERVAL = 30  # minutes a digit of the availability view
INLINE_LIMIT = 3 * 1024 * 1024  # a bigger file needs an upload session
_STATUS = {"free": BusyStatus.FREE, "tentative": BusyStatus.TENTATIVE,
           "busy": BusyStatus.BUSY, "oof": BusyStatus.OOF,
           "workingElsewhere": BusyStatus.WORKING_ELSEWHERE, "unknown": BusyStatus.NO_DATA}
# getSchedule's answer for an address Exchange does not know (outside the organisation).
_UNKNOWN = ("ErrorMailRecipientNotFound", "ErrorInvalidSmtpAddress", "ErrorNonExistentMailbox")
# EventDraft's fields -> the event's properties, for a change of some of them only.
_EVENT_FIELDS = {"subject": ("subject",), "start_at": ("start",), "end_at": ("end",),
                 "is_all_day": ("isAllDay",), "location": ("location",),
                 "body_html": ("body",), "sensitivity": ("sensitivity",),
                 "required": ("attendees",), "optional": ("attendees",)}


def _path(exchange_id: str) -> str:
    return f"/events/{quote(exchange_id, safe='')}"


def _if_match(change_key: str) -> dict[str, str]:
    """The version she read: Graph refuses the write (412) when it changed since."""
    return {"If-Match": f'W/"{change_key}"'} if change_key else {}


def _edge(value: datetime, all_day: bool) -> dict[str, str]:
    """A start or end in Brussels time; an all-day edge is midnight of its Brussels date."""
    local = value.astimezone(BRUSSELS)
    if all_day:
        return {"dateTime": f"{local.date().isoformat()}T00:00:00", "timeZone": ZONE_NAME}
    return {"dateTime": local.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": ZONE_NAME}


def _attendees(people: tuple[str, ...], kind: str) -> list[dict[str, Any]]:
    """"Name <address>" or bare addresses as Graph attendees."""
    found = []
    for person in people:
        name, _, rest = person.rpartition("<")
        email = rest.rstrip(">").strip() if rest.endswith(">") else person.strip()
        found.append({"type": kind, "emailAddress": {
            "name": name.strip().strip('"').strip() or email, "address": email}})
    return found


def event_json(event: EventDraft, fields: Collection[str] | None = None) -> dict[str, Any]:
    """The event's properties (only those `fields`, EventDraft's names, change)."""
    everything = {
        "subject": event.subject,
        "start": _edge(event.start_at, event.is_all_day),
        "end": _edge(event.end_at, event.is_all_day),
        "isAllDay": event.is_all_day,
        "location": {"displayName": event.location},
        "body": {"contentType": "html", "content": event.body_html},
        "sensitivity": event.sensitivity.value,
        "attendees": [*_attendees(event.required, "required"),
                      *_attendees(event.optional, "optional")],
    }
    if fields is None:
        return everything
    wanted = {name for field in fields for name in _EVENT_FIELDS[field]}
    return {name: value for name, value in everything.items() if name in wanted}


def _windows(start: datetime, end: datetime,
             longest: timedelta) -> Iterator[tuple[datetime, datetime]]:
    while start < end:
        yield start, min(start + longest, end)
        start += longest


def _utc(value: datetime) -> dict[str, str]:
    return {"dateTime": value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"}


def _busy_block(item: dict[str, Any]) -> BusyBlock:
    start, end = convert.moment(item.get("start")), convert.moment(item.get("end"))
    if start is None or end is None:
        raise BackendError("Microsoft 365 gaf een vrij/bezet-blok zonder tijden.",
                           detail=repr(item)[:300])
    return BusyBlock(start_at=start, end_at=end,
                     status=_STATUS.get(str(item.get("status") or ""), BusyStatus.BUSY),
                     subject=str(item.get("subject") or ""),
                     location=str(item.get("location") or ""))


class GraphCalendarWriting:
    """The calendar-writing half of `GraphBackend`."""

    mailbox: str
    _client: GraphClient

    def free_busy(self, addresses: list[str], start: datetime,
                  end: datetime) -> dict[str, list[BusyBlock]]:
        wanted = list(dict.fromkeys(a.strip().lower() for a in addresses if a.strip()))
        if not wanted:
            return {}
        # Graph answers at most 62 days a call; an appointment across the edge of two
        # windows comes back in both, once kept.
        found: dict[str, dict[BusyBlock, None]] = {}
        known: set[str] = set()
        for window_start, window_end in _windows(start, end, SCHEDULE_MAX_WINDOW):
            answer = self._client.call("POST", "/calendar/getSchedule", json={
                "schedules": wanted, "startTime": _utc(window_start),
                "endTime": _utc(window_end), "availabilityViewInterval": SCHEDULE_INTERVAL,
            }).json()
            for schedule in answer.get("value") or []:
                address = str(schedule.get("scheduleId") or "").lower()
                error = schedule.get("error")
                if error:
                    if str(error.get("responseCode") or "") in _UNKNOWN:
                        continue  # not in the organisation (an external guest): no free/busy
                    raise BackendError("Microsoft 365 gaf geen vrij/bezet-tijden.",
                                       detail=str(error)[:300])
                if address not in wanted:
                    continue
                known.add(address)
                blocks = found.setdefault(address, {})
                blocks.update((_busy_block(i), None) for i in schedule.get("scheduleItems") or ()
                              if i.get("status") != "free")
        return {address: list(found[address]) for address in wanted if address in known}

    def create_event(self, event: EventDraft) -> tuple[str, str]:
        body = event_json(event)
        if event.marker:
            body["singleValueExtendedProperties"] = [{"id": convert.MARKER_ID,
                                                      "value": event.marker}]
        created = self._client.call("POST", "/events", json=body).json()
        return str(created["id"]), str(created.get("changeKey") or "")

    def update_event(self, exchange_id: str, change_key: str, event: EventDraft,
                     fields: Collection[str] | None = None) -> str:
        body = event_json(event, fields)
        if "start" in body or "end" in body:
            # Graph reads an edge by the all-day flag it gets with it.
            body["isAllDay"] = event.is_all_day
        changed = self._client.call("PATCH", _path(exchange_id), json=body,
                                    headers=_if_match(change_key)).json()
        return str(changed.get("changeKey") or "")

    def cancel_event(self, exchange_id: str, change_key: str, message: str = "") -> None:
        if message:  # the organiser's cancellation carries her words to the attendees
            self._client.call("POST", f"{_path(exchange_id)}/cancel", json={"comment": message})
        else:  # deleting a meeting she organises sends the cancellation itself
            self._client.call("DELETE", _path(exchange_id))

    def attach_to_event(self, exchange_id: str, change_key: str,
                        attachment: OutgoingAttachment) -> str:
        if len(attachment.content) > INLINE_LIMIT:
            # Graph refuses a request over 4 MB: a big file goes through an upload session.
            upload(self._client, _path(exchange_id), attachment)
            return self._change_key(_path(exchange_id)) or ""
        self._client.call("POST", f"{_path(exchange_id)}/attachments", json={
            "@odata.type": "#microsoft.graph.fileAttachment", "name": attachment.name,
            "contentType": attachment.content_type,
            "contentBytes": base64.b64encode(attachment.content).decode("ascii"),
        }, headers=_if_match(change_key))  # attendees are not told
        return self._change_key(_path(exchange_id)) or ""

    def remove_attachment(self, attachment_id: str) -> str | None:
        """`attachment_id` is its path ("events/<id>/attachments/<id>")."""
        kind, _, rest = attachment_id.partition("/")
        item_id = rest.partition("/attachments/")[0]
        try:
            self._client.call("DELETE", f"/{attachment_id}")
        except ItemGone:
            return None  # gone already (an earlier attempt removed it)
        return self._change_key(f"/{kind}/{quote(item_id, safe='')}")

    def _change_key(self, path: str) -> str | None:
        try:
            found = self._client.get(path, params={"$select": "id,changeKey"})
        except ItemGone:
            return None
        return str(found.get("changeKey") or "") or None
