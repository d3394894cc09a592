"""Reading over Graph: folders, message delta, calendar view (and its delta), items,
attachments, marker lookups, calendar permissions.

Delta tokens carry the mailbox's change-log watermark, as EWS sync states do;
the links repeat `$select` and `$expand`, which Graph keeps inside its tokens.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any

from kortrijk_cockpit.sandbox import ids, recurrence
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
from kortrijk_cockpit.sandbox.graph.ids import to_rest
from kortrijk_cockpit.sandbox.graph.render import (
    attachment_json,
    event_json,
    event_ref,
    expands_event,
    folder_json,
    message_json,
)
from kortrijk_cockpit.sandbox.mapi import parse_time
from kortrijk_cockpit.sandbox.model import CALENDAR_ITEM, Item
from kortrijk_cockpit.sandbox.recurrence import Occurrence

_EXPIRED = "The sync state is not valid or has expired; start a new sync (resyncRequired)."
FOLDER = id_group("folder")
ITEM = id_group("item")
ATTACHMENT = id_group("attachment")


def _text_body(request: GraphRequest) -> bool:
    return (request.prefers("outlook.body-content-type") or "").lower() == "text"


# -- folders ----------------------------------------------------------------------------
def get_folder(ctx: GraphContext, request: GraphRequest, folder: str) -> GraphResponse:
    found = common.folder(ctx, folder)
    parent = ctx.mailbox.find_folder(found.parent) if found.parent else None
    return GraphResponse(body=folder_json(found, parent))


def get_calendar(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    calendar = ctx.mailbox.folder("calendar")
    return GraphResponse(body={"id": to_rest(calendar.id), "name": calendar.name,
                               "changeKey": calendar.change_key, "canEdit": True,
                               "owner": {"name": ctx.mailbox.owner_name,
                                         "address": ctx.mailbox.owner}})


def list_folders(ctx: GraphContext, request: GraphRequest, folder: str = "msgfolderroot") -> GraphResponse:
    parent = common.folder(ctx, folder)
    children = [f for f in ctx.mailbox.children(parent, deep=False)
                if f.folder_class in ("IPF.Note", None)]
    return GraphResponse(body={"value": [folder_json(f, parent) for f in children]})


def calendar_permissions(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    box = ctx.mailbox
    role = "delegateWithPrivateEventAccess" if box.view_private_items \
        else "delegateWithoutPrivateEventAccess"
    return GraphResponse(body={"value": [
        {"id": "RGVmYXVsdA==", "role": "freeBusyRead", "isRemovable": False,
         "emailAddress": {"name": "My Organization", "address": ""}},
        {"id": "RGVsZWdhdGU=", "role": role, "isRemovable": True, "isInsideOrganization": True,
         "emailAddress": {"name": box.delegate_name, "address": box.delegate}},
    ]})


# -- message delta ------------------------------------------------------------------------
def _watermark(token: str, scope: str) -> int:
    watermark = ids.parse_sync_state(token, scope)
    if watermark is None:
        raise GraphError(410, "SyncStateNotFound", _EXPIRED)
    return watermark


def message_delta(ctx: GraphContext, request: GraphRequest, folder: str) -> GraphResponse:
    box = ctx.mailbox
    found = common.folder(ctx, folder)
    if ctx.faults.take_invalid_sync_state(found.key, found.name, found.id):
        raise GraphError(410, "SyncStateNotFound", _EXPIRED)
    scope = str(found.number)
    token = request.query.get("$deltatoken") or request.query.get("$skiptoken") or ""
    watermark = _watermark(token, scope) if token else 0
    size = common.page_size(request.prefers("odata.maxpagesize"), 10)
    select, expand = common.selected(request.query), request.query.get("$expand", "")
    page = box.item_changes(found, watermark, size)
    folder_id = to_rest(found.id)
    values: list[dict[str, Any]] = []
    for kind, value in page.changes:
        if kind == "delete":
            values.append({"@odata.type": "#microsoft.graph.message", "id": to_rest(value),
                           "@removed": {"reason": "deleted"}})
        elif value.kind != CALENDAR_ITEM:  # Graph's message delta lists messages only
            values.append(message_json(value, folder_id=folder_id, select=select, expand=expand))
    more = not page.last_page
    state = ids.sync_state(scope, page.watermark, ctx.next_nonce())
    path = f"/mailFolders/{folder}/messages/delta"
    link = request.link(path, **{"$select": request.query.get("$select", ""),
                                 "$expand": expand,
                                 ("$skiptoken" if more else "$deltatoken"): state})
    return GraphResponse(body={"value": values,
                               ("@odata.nextLink" if more else "@odata.deltaLink"): link})


# -- the calendar --------------------------------------------------------------------------
def _window(request: GraphRequest) -> tuple[datetime, datetime]:
    try:
        start = parse_time(request.query.get("startDateTime", ""))
        end = parse_time(request.query.get("endDateTime", ""))
    except ValueError:
        start = end = None
    if start is None or end is None or end < start:
        raise bad_request("calendarView needs startDateTime <= endDateTime.",
                          "ErrorInvalidParameter")
    return start, end


def _in_window(items: list[Item], start: datetime, end: datetime) -> list[tuple[Item, Occurrence | None]]:
    found: list[tuple[datetime, Item, Occurrence | None]] = []
    for item in items:
        if item.kind != CALENDAR_ITEM or item.start is None or item.end is None:
            continue
        if item.recurrence is not None:
            found += [(occ.start, item, occ) for occ in recurrence.in_window(item, start, end)]
        elif item.start < end and (item.end > start or item.start == item.end == start):
            found.append((item.start, item, None))
    found.sort(key=lambda entry: (entry[0], entry[1].number))
    return [(item, occ) for _, item, occ in found]


def calendar_view(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    start, end = _window(request)
    calendar = ctx.mailbox.folder("calendar")
    found = _in_window(calendar.items, start, end)
    top = common.page_size(request.query.get("$top"), 10)
    skip = int(request.query.get("$skip", "0") or 0)
    page = found[skip:skip + top]
    select, expand = common.selected(request.query), request.query.get("$expand", "")
    values = [event_json(item, occ, owner=ctx.mailbox.owner, select=select, expand=expand,
                         text_body=_text_body(request)) for item, occ in page]
    body: dict[str, Any] = {"value": values}
    if skip + top < len(found):
        body["@odata.nextLink"] = request.link("/calendarView", **{
            "startDateTime": request.query["startDateTime"],
            "endDateTime": request.query["endDateTime"],
            "$select": request.query.get("$select", ""), "$expand": expand,
            "$top": str(top), "$skip": str(skip + top)})
    return GraphResponse(body=body)


def _cv_token(watermark: int, start: datetime, end: datetime, offset: int, base: int) -> str:
    text = json.dumps({"w": watermark, "b": base, "s": start.isoformat(), "e": end.isoformat(),
                       "o": offset})
    return base64.urlsafe_b64encode(text.encode()).decode()


def _cv_parse(token: str) -> dict[str, Any]:
    try:
        parsed = json.loads(base64.urlsafe_b64decode(token.encode()).decode())
        parsed["s"], parsed["e"] = datetime.fromisoformat(parsed["s"]), datetime.fromisoformat(parsed["e"])
        return parsed
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise GraphError(410, "SyncStateNotFound", _EXPIRED) from None


def calendar_view_delta(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    """Instances in the window on the first pass, then what changed since (removed ones
    as `@removed`); the window travels in the token, as in Graph."""
    box = ctx.mailbox
    calendar = box.folder("calendar")
    if ctx.faults.take_invalid_sync_state(calendar.key, calendar.name, calendar.id):
        raise GraphError(410, "SyncStateNotFound", _EXPIRED)
    token = request.query.get("$deltatoken") or request.query.get("$skiptoken") or ""
    if token:
        state = _cv_parse(token)
        start, end, since, offset = state["s"], state["e"], state["b"], state["o"]
        now = state["w"] if request.query.get("$skiptoken") else box.seq
        if request.query.get("$deltatoken"):
            since, offset = state["w"], 0
    else:
        start, end = _window(request)
        since, offset, now = 0, 0, box.seq
    entries: list[dict[str, Any]] = []
    select = common.selected(request.query)
    if since == 0:
        entries = [event_json(i, o, owner=box.owner, select=select)
                   for i, o in _in_window(calendar.items, start, end)]
    else:
        changes = box.item_changes(calendar, since, 1_000_000).changes
        for kind, value in changes:
            if kind == "delete":
                entries.append({"id": to_rest(value), "@removed": {"reason": "deleted"}})
            else:
                entries += [event_json(i, o, owner=box.owner, select=select)
                            for i, o in _in_window([value], start, end)]
    size = common.page_size(request.prefers("odata.maxpagesize"), 100)
    page = entries[offset:offset + size]
    more = offset + size < len(entries)
    key = "$skiptoken" if more else "$deltatoken"
    next_token = _cv_token(now, start, end, offset + size, since) if more \
        else _cv_token(now, start, end, 0, now)
    link = request.link("/calendarView/delta", **{key: next_token,
                                                  "$select": request.query.get("$select", "")})
    return GraphResponse(body={"value": page,
                               ("@odata.nextLink" if more else "@odata.deltaLink"): link})


# -- single items --------------------------------------------------------------------------
def get_message(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    found = common.item(ctx, item)
    if not found.is_message:
        raise not_found()
    expand = request.query.get("$expand", "")
    body = message_json(found, folder_id=common.folder_rest_id(ctx, found),
                        select=common.selected(request.query), expand=expand,
                        text_body=_text_body(request))
    if found.is_meeting_message and expands_event(expand):
        body["event"] = event_ref(ctx.mailbox.calendar_item_for(found))
    return GraphResponse(body=body)


def get_event(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    found, occ = common.event(ctx, item)
    if found.kind != CALENDAR_ITEM:
        raise not_found()
    return GraphResponse(body=event_json(
        found, occ, owner=ctx.mailbox.owner, select=common.selected(request.query),
        expand=request.query.get("$expand", ""), text_body=_text_body(request)))


def find_messages(ctx: GraphContext, request: GraphRequest, folder: str) -> GraphResponse:
    """Messages in a folder: those carrying a marker, or with a subject (`$filter`)."""
    found = common.folder(ctx, folder)
    return GraphResponse(body={"value": _filtered(ctx, request, found.items, message=True)})


def find_events(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    calendar = ctx.mailbox.folder("calendar")
    return GraphResponse(body={"value": _filtered(ctx, request, calendar.items, message=False)})


def _filtered(ctx: GraphContext, request: GraphRequest, items: list[Item], *,
              message: bool) -> list[dict[str, Any]]:
    text = request.query.get("$filter", "")
    try:
        marker = extended.marker_filter(text)
    except ValueError as exc:
        raise bad_request(str(exc), "ErrorInvalidProperty") from exc
    subject = common.subject_filter(text)
    if text and marker is None and subject is None:
        raise bad_request(f"The sandbox cannot filter on {text!r}.")
    chosen = [i for i in items if i.is_message == message]
    if marker is not None:
        chosen = [i for i in chosen if extended.value_of(i, marker[0]) == marker[1]]
    if subject is not None:
        chosen = [i for i in chosen if i.subject == subject]
    top = common.page_size(request.query.get("$top"), 10)
    select, expand = common.selected(request.query), request.query.get("$expand", "")
    if message:
        return [message_json(i, folder_id=common.folder_rest_id(ctx, i), select=select,
                             expand=expand) for i in chosen[:top]]
    return [event_json(i, owner=ctx.mailbox.owner, select=select, expand=expand)
            for i in chosen[:top]]


# -- attachments --------------------------------------------------------------------------
def _attachment(ctx: GraphContext, parent: Item, attachment: str) -> Any:
    wanted = common.ews_id(attachment)
    for a in parent.attachments:
        if a.attachment_id == wanted:
            return a
    raise GraphError(404, "ErrorItemNotFound", "The attachment was not found.")


def _parent(ctx: GraphContext, kind: str, item: str) -> Item:
    if kind == "events":
        found, _ = common.event(ctx, item)
        return found
    return common.item(ctx, item)


def list_attachments(ctx: GraphContext, request: GraphRequest, kind: str, item: str) -> GraphResponse:
    parent = _parent(ctx, kind, item)
    return GraphResponse(body={"value": [attachment_json(a) for a in parent.attachments]})


def get_attachment(ctx: GraphContext, request: GraphRequest, kind: str, item: str,
                   attachment: str) -> GraphResponse:
    found = _attachment(ctx, _parent(ctx, kind, item), attachment)
    return GraphResponse(body=attachment_json(found, with_content=True))


def get_attachment_value(ctx: GraphContext, request: GraphRequest, kind: str, item: str,
                         attachment: str) -> GraphResponse:
    found = _attachment(ctx, _parent(ctx, kind, item), attachment)
    return GraphResponse(body=bytes(found.content), content_type=found.content_type)


KIND = r"(?P<kind>messages|events)"
ROUTES: list[Route] = [
    route("GET", "/mailFolders", "FindFolder", list_folders),
    route("GET", f"/mailFolders/{FOLDER}", "GetFolder", get_folder),
    route("GET", f"/mailFolders/{FOLDER}/childFolders", "FindFolder", list_folders),
    route("GET", f"/mailFolders/{FOLDER}/messages/delta", "SyncFolderItems", message_delta),
    route("GET", f"/mailFolders/{FOLDER}/messages", "FindItem", find_messages),
    route("GET", "/calendar", "GetFolder", get_calendar),
    route("GET", "/calendar/calendarPermissions", "GetDelegate", calendar_permissions),
    route("GET", "/calendar/events", "FindItem", find_events),
    route("GET", "/calendarView", "FindItem", calendar_view),
    route("GET", "/calendarView/delta", "SyncFolderItems", calendar_view_delta),
    route("GET", f"/messages/{ITEM}", "GetItem", get_message),
    route("GET", f"/events/{ITEM}", "GetItem", get_event),
    route("GET", f"/{KIND}/{ITEM}/attachments", "GetItem", list_attachments),
    route("GET", f"/{KIND}/{ITEM}/attachments/{ATTACHMENT}", "GetAttachment", get_attachment),
    route("GET", f"/{KIND}/{ITEM}/attachments/{ATTACHMENT}/\\$value", "GetAttachment",
          get_attachment_value),
]
