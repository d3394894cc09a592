"""Writing mail over Graph: PATCH (categories, read, flag) with If-Match, move, sendMail,
drafts, replies and forwards, meeting answers, attachments and upload sessions.

Each handler changes the mailbox through the same helpers as the EWS operations
(`ews/ops/write.py`, `respond.py`), so faults such as `hold_in_outbox` and
`send_as_denied` and the mailbox's state after a write are the same over both.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from kortrijk_cockpit.sandbox import mapi
from kortrijk_cockpit.sandbox.ews.ops.respond import answered, response_fields, save_draft
from kortrijk_cockpit.sandbox.ews.ops.write import _copy_fields, _send
from kortrijk_cockpit.sandbox.ews.parse_items import NewAttachment
from kortrijk_cockpit.sandbox.ews.soapxml import EwsError, t
from kortrijk_cockpit.sandbox.graph import common, extended
from kortrijk_cockpit.sandbox.graph.http import (
    API,
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
from kortrijk_cockpit.sandbox.graph.render import message_json
from kortrijk_cockpit.sandbox.mailbox import Mailbox
from kortrijk_cockpit.sandbox.model import CALENDAR_ITEM, MEETING_REQUEST, MESSAGE, Address, Item

ITEM = id_group("item")
REQUEST_LIMIT = 4 * 1024 * 1024  # Graph refuses a request body larger than this
_FLAG = {"flagged": "Flagged", "complete": "Complete", "notFlagged": "NotFlagged"}
_RECIPIENTS = {"toRecipients": "to", "ccRecipients": "cc", "bccRecipients": "bcc",
               "replyTo": "reply_to"}
_REPLIES = {"createReply": "ReplyToItem", "createReplyAll": "ReplyAllToItem",
            "createForward": "ForwardItem"}
_ANSWERS = {"accept": "AcceptItem", "tentativelyAccept": "TentativelyAcceptItem",
            "decline": "DeclineItem"}
_RANGE = re.compile(r"^bytes (?P<first>\d+)-(?P<last>\d+)/(?P<total>\d+)$")


# -- request JSON to Item fields ------------------------------------------------------------
def _people(values: Any) -> list[Address]:
    people = []
    for value in values or []:
        mail = (value or {}).get("emailAddress") or {}
        if not mail.get("address"):
            raise bad_request("A recipient needs an address.", "ErrorInvalidRecipients")
        people.append(Address(str(mail.get("name") or ""), str(mail["address"])))
    return people


def _html(body: Any) -> str:
    body = body or {}
    content = str(body.get("content") or "")
    if str(body.get("contentType") or "html").lower() == "text":
        return html.escape(content).replace("\n", "<br>")
    return content


def _moment(value: Any) -> datetime | None:
    """A dateTimeTimeZone, aware; None for null."""
    if not value:
        return None
    try:
        text = str(value["dateTime"])
        head, dot, rest = text.partition(".")
        parsed = datetime.fromisoformat(head)
        zone = str(value.get("timeZone") or "UTC")
        tz = UTC if zone.upper() in ("UTC", "GMT") else ZoneInfo(zone)
    except (KeyError, TypeError, ValueError, ZoneInfoNotFoundError) as exc:
        raise bad_request(f"Not a dateTimeTimeZone: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def _flag_changes(flag: dict[str, Any]) -> dict[str, Any]:
    """A followupFlag as the extended properties EWS's client writes (read back the same
    over EWS): status, then due and start (a flag without a due date has none)."""
    status = _FLAG.get(str(flag.get("flagStatus") or ""))
    if status is None:
        raise bad_request(f"Not a flagStatus: {flag.get('flagStatus')!r}", "ErrorInvalidProperty")
    changes: dict[str, Any] = {}
    if status == "Flagged" and "dueDateTime" in flag:
        changes["extended_properties"] = {mapi.TASK_DUE: None, mapi.TASK_START: None}
    changes["flag_status"] = status
    if status == "Flagged" and "dueDateTime" in flag:
        changes["flag_due"] = _moment(flag.get("dueDateTime"))
    return changes


def _changes(body: Any) -> dict[str, Any]:
    """A PATCH body as Mailbox.apply_changes keys."""
    if not isinstance(body, dict):
        raise bad_request("A PATCH has a JSON object body.")
    changes: dict[str, Any] = {}
    props: dict[str, Any] = {}
    for name, value in body.items():
        if name == "categories":
            changes["categories"] = [str(c) for c in value or []]
        elif name == "isRead":
            changes["is_read"] = bool(value)
        elif name == "subject":
            changes["subject"] = str(value or "")
        elif name == "body":
            changes["body_html"] = _html(value)
        elif name in _RECIPIENTS:
            changes[_RECIPIENTS[name]] = [(a.name, a.email) for a in _people(value)]
        elif name == "importance":
            changes["importance"] = str(value or "normal").capitalize()
        elif name == "flag":
            flag = _flag_changes(value or {})
            props.update(flag.pop("extended_properties", {}))
            changes.update(flag)
        elif name == "singleValueExtendedProperties":
            props.update(_stored(value))
        elif not name.startswith("@odata"):
            raise bad_request(f"The sandbox cannot change {name!r}.", "ErrorInvalidProperty")
    if props:
        changes = {"extended_properties": props, **changes}
    return changes


def _stored(properties: Any) -> dict[str, str]:
    try:
        return extended.stored_values(properties)
    except ValueError as exc:
        raise bad_request(str(exc), "ErrorInvalidProperty") from exc


def _new_attachment(value: dict[str, Any]) -> NewAttachment:
    kind = str(value.get("@odata.type") or "#microsoft.graph.fileAttachment")
    if not kind.endswith("fileAttachment"):
        raise bad_request("The sandbox takes file attachments only.", "ErrorInvalidAttachmentType")
    try:
        content = base64.b64decode(str(value.get("contentBytes") or ""), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise bad_request("contentBytes is not base64.") from exc
    return NewAttachment(str(value.get("name") or ""), content,
                         str(value.get("contentType") or "application/octet-stream"),
                         bool(value.get("isInline", False)), str(value.get("contentId") or ""))


def _attachments(values: Any) -> list[NewAttachment]:
    made = [_new_attachment(a) for a in values or []]
    # base64 makes a file a third larger: Graph refuses the request as a whole.
    if sum(len(a.content) for a in made) * 4 // 3 > REQUEST_LIMIT:
        raise GraphError(413, "RequestBodyTooLarge",
                         "The maximum request length supported is 4MB.")
    return made


def _from_ews(run: Callable[[], Any]) -> Any:
    """An EWS helper's refusal as Graph says it."""
    try:
        return run()
    except EwsError as error:
        status = 403 if error.code in ("ErrorSendAsDenied", "ErrorAccessDenied") else 400
        raise GraphError(status, error.code, error.text) from None
    except (ValueError, TypeError) as exc:
        raise bad_request(str(exc), "ErrorInvalidProperty") from exc


def _message(ctx: GraphContext, item: Item, status: int = 200) -> GraphResponse:
    return GraphResponse(status=status, body=message_json(
        item, folder_id=common.folder_rest_id(ctx, item)))


def _own_message(ctx: GraphContext, rest_id: str) -> Item:
    found = common.item(ctx, rest_id)
    if not found.is_message:
        raise not_found()
    return found


# -- PATCH, move, delete ------------------------------------------------------------------
def patch_message(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    found = _own_message(ctx, item)
    common.check_if_match(request, found)
    changes = _changes(request.body)
    _from_ews(lambda: ctx.mailbox.apply_changes(found, changes))
    return _message(ctx, found)


def move_message(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    found = _own_message(ctx, item)
    target = str((request.body or {}).get("destinationId") or "")
    if not target:
        raise bad_request("destinationId is required.")
    new_id = ctx.mailbox.move_item(found.id, common.folder(ctx, target).key)
    return _message(ctx, ctx.mailbox.get(new_id), 201)


def delete_message(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    """DELETE moves to Deleted Items, as Outlook's delete does."""
    found = _own_message(ctx, item)
    if found.folder != "deleteditems":
        ctx.mailbox.move_item(found.id, "deleteditems")
    else:
        ctx.mailbox.delete_item(found.id)
    return GraphResponse(status=204)


def permanent_delete(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    ctx.mailbox.delete_item(_own_message(ctx, item).id)
    return GraphResponse(status=204)


# -- sending ---------------------------------------------------------------------------------
def _message_values(ctx: GraphContext, message: dict[str, Any]) -> dict[str, Any]:
    author = message.get("from")
    return {"subject": str(message.get("subject") or ""),
            "body_html": _html(message.get("body")),
            "author": _people([author])[0] if author else ctx.owner(),
            "to": _people(message.get("toRecipients")), "cc": _people(message.get("ccRecipients")),
            "bcc": _people(message.get("bccRecipients")),
            "extended_properties": _stored(message.get("singleValueExtendedProperties"))}


def send_mail(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    body = request.body or {}
    message = body.get("message")
    if not isinstance(message, dict):
        raise bad_request("sendMail needs a message.")
    values = _message_values(ctx, message)
    attachments = _attachments(message.get("attachments"))
    save_to = ctx.mailbox.folder("sentitems") if body.get("saveToSentItems", True) else None
    _from_ews(lambda: _send(ctx, attachments=attachments, save_to=save_to,  # type: ignore[arg-type]
                            **values))
    return GraphResponse(status=202)


def create_draft(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    message = request.body or {}
    values = _message_values(ctx, message)
    attachments = _attachments(message.get("attachments"))
    box, now = ctx.mailbox, ctx.mailbox.clock()
    made = [box.make_attachment((a.name, a.content, a.content_type)) for a in attachments]
    item = box.create_item(MESSAGE, "drafts", is_draft=True, is_read=True, received=now,
                           created=now, last_modified=now, sent=None, attachments=made, **values)
    return _message(ctx, item, 201)


def send_draft(ctx: GraphContext, request: GraphRequest, item: str) -> GraphResponse:
    found = _own_message(ctx, item)
    if not found.is_draft:
        raise bad_request("Only a draft can be sent.", "ErrorInvalidItemForOperationSendItem")
    _from_ews(lambda: _send(ctx, subject=found.subject, body_html=found.body_html,
                            author=found.author, to=found.to, cc=found.cc, bcc=found.bcc,
                            attachments=found.attachments,
                            save_to=ctx.mailbox.folder("sentitems"),
                            extended_properties=found.extended_properties,
                            **_copy_fields(found)))
    ctx.mailbox.delete_item(found.id)
    return GraphResponse(status=202)


def _response_object(ctx: GraphContext, name: str, reference: Item) -> tuple[dict[str, Any],
                                                                             list[NewAttachment]]:
    """The EWS sandbox's own response object (recipients, quote, In-Reply-To, meeting link)."""
    elem = etree.Element(t(name))
    etree.SubElement(elem, t("ReferenceItemId"), Id=reference.id)
    return _from_ews(lambda: response_fields(ctx, elem))  # type: ignore[no-any-return]


def create_response(ctx: GraphContext, request: GraphRequest, item: str,
                    action: str) -> GraphResponse:
    """createReply / createReplyAll / createForward: a draft in Drafts."""
    original = _own_message(ctx, item)
    fields, _ = _response_object(ctx, _REPLIES[action], original)
    comment = str((request.body or {}).get("comment") or "")
    if comment:
        fields["body_html"] = html.escape(comment).replace("\n", "<br>") + fields["body_html"]
    draft = save_draft(ctx, fields, [], None)
    return _message(ctx, draft, 201)


# -- meeting answers ---------------------------------------------------------------------------
def _request_for(ctx: GraphContext, event: Item) -> Item | None:
    """The meeting request in the mailbox the appointment came with (one not yet in
    Deleted Items first), or None when it was answered from the calendar."""
    found = [i for f in ctx.mailbox.folders for i in f.items
             if i.is_message and i.item_class == MEETING_REQUEST and i.uid == event.uid]
    found.sort(key=lambda i: i.folder == "deleteditems")
    return found[0] if found else None


def answer_event(ctx: GraphContext, request: GraphRequest, item: str,
                 action: str) -> GraphResponse:
    """accept / tentativelyAccept / decline: the organiser gets the answer (a copy in Sent
    Items), the appointment and the request end up as after EWS's AcceptItem."""
    event, occ = common.event(ctx, item)
    if event.kind != CALENDAR_ITEM:
        raise not_found()
    if occ is not None:
        raise bad_request("The sandbox answers whole meetings only.", "ErrorInvalidOperation")
    body = request.body or {}
    reference = _request_for(ctx, event) or event
    fields, _ = _response_object(ctx, _ANSWERS[action], reference)
    fields["body_html"] = html.escape(str(body.get("comment") or "")).replace("\n", "<br>")
    if body.get("sendResponse", True):
        _from_ews(lambda: _send(ctx, attachments=[], save_to=ctx.mailbox.folder("sentitems"),
                                **fields))
    else:
        answered(ctx, fields)
    return GraphResponse(status=202)


# -- attachments and upload sessions ------------------------------------------------------------
@dataclass
class _Upload:
    mailbox: Mailbox
    item_id: str
    name: str
    size: int
    content_type: str
    expires: datetime
    received: bytearray = field(default_factory=bytearray)


# An upload URL's secret -> its session (the URL is all the client has; no bearer token).
_UPLOADS: dict[str, _Upload] = {}


def create_upload_session(ctx: GraphContext, request: GraphRequest, kind: str,
                          item: str) -> GraphResponse:
    parent = common.attachment_parent(ctx, kind, item)
    info = (request.body or {}).get("AttachmentItem") or {}
    size = info.get("size")
    if info.get("attachmentType", "file") != "file" or not isinstance(size, int) or size <= 0 \
            or not info.get("name"):
        raise bad_request("AttachmentItem needs attachmentType file, a name and a size.")
    now = datetime.now(UTC)
    for stale in [k for k, v in _UPLOADS.items() if v.expires < now]:
        del _UPLOADS[stale]  # abandoned sessions expire, as Graph's do
    token = secrets.token_urlsafe(24)
    expires = now + timedelta(hours=1)
    _UPLOADS[token] = _Upload(ctx.mailbox, parent.id, str(info["name"]), size,
                              str(info.get("contentType") or "application/octet-stream"), expires)
    from kortrijk_cockpit.sandbox.graph.front import UNSIGNED_PREFIX  # front imports this module

    origin = request.base.split(API, 1)[0]
    return GraphResponse(status=201, body={
        "uploadUrl": f"{origin}{UNSIGNED_PREFIX}{token}",
        "expirationDateTime": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "nextExpectedRanges": ["0-"]})


def upload_chunk(ctx: GraphContext, request: GraphRequest, token: str) -> GraphResponse:
    session = _UPLOADS.get(token)
    if session is None or session.mailbox is not ctx.mailbox:
        raise GraphError(404, "ErrorItemNotFound", "The upload session was not found.")
    found = _RANGE.match(request.headers.get("content-range", ""))
    content = request.body if isinstance(request.body, bytes) else b""
    if found is None or int(found["total"]) != session.size:
        raise bad_request("Content-Range must be 'bytes first-last/size' of the file.",
                          "InvalidContentRange")
    first, last = int(found["first"]), int(found["last"])
    if first != len(session.received) or last - first + 1 != len(content) \
            or last >= session.size:
        raise GraphError(416, "InvalidRange", "The uploaded fragment overlaps or does not "
                                              "follow what was received.")
    session.received += content
    if len(session.received) < session.size:
        return GraphResponse(body={"expirationDateTime": session.expires.strftime(
            "%Y-%m-%dT%H:%M:%SZ"), "nextExpectedRanges": [f"{len(session.received)}-"]})
    del _UPLOADS[token]
    parent = ctx.mailbox.find(session.item_id)
    if parent is None:
        raise not_found()
    ctx.mailbox.add_attachment(parent, (session.name, bytes(session.received),
                                        session.content_type))
    return GraphResponse(status=201)


KIND = r"(?P<kind>messages|events)"
ROUTES: list[Route] = [
    route("PATCH", f"/messages/{ITEM}", "UpdateItem", patch_message),
    route("DELETE", f"/messages/{ITEM}", "DeleteItem", delete_message),
    route("POST", f"/messages/{ITEM}/permanentDelete", "DeleteItem", permanent_delete),
    route("POST", f"/messages/{ITEM}/move", "MoveItem", move_message),
    route("POST", "/sendMail", "CreateItem", send_mail),
    route("POST", "/messages", "CreateItem", create_draft),
    route("POST", f"/messages/{ITEM}/send", "SendItem", send_draft),
    route("POST", f"/messages/{ITEM}/(?P<action>createReply|createReplyAll|createForward)",
          "CreateItem", create_response),
    route("POST", f"/events/{ITEM}/(?P<action>accept|tentativelyAccept|decline)", "CreateItem",
          answer_event),
    route("POST", f"/{KIND}/{ITEM}/attachments/createUploadSession", "CreateAttachment",
          create_upload_session),
    route("PUT", r"/upload/(?P<token>[A-Za-z0-9_-]+)", "UploadChunk", upload_chunk),
]
