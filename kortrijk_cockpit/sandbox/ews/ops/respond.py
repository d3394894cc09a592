"""Response objects in CreateItem: ReplyToItem, ReplyAllToItem, ForwardItem, and the
meeting answers AcceptItem, TentativelyAcceptItem, DeclineItem.

As Exchange does: SaveOnly makes a draft in Drafts (the client may change it and
send it with SendItem); SendAndSaveCopy sends at once with a copy in Sent Items.
A reply stays in the original's conversation and names it in In-Reply-To; its
recipients are those Exchange works out (the sender; for reply all also everyone else
but the director) with those in the request appended. A
meeting answer goes to the organiser; once sent, the director's appointment is
accepted (busy), kept tentative, or removed (declined), and the request moves to
Deleted Items.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml import etree

from kortrijk_cockpit.sandbox.ews.ops.common import Context, resolve_item
from kortrijk_cockpit.sandbox.ews.parse_items import NewAttachment, item_values
from kortrijk_cockpit.sandbox.ews.soapxml import EwsError, fmt_dt, t
from kortrijk_cockpit.sandbox.mailbox import Folder
from kortrijk_cockpit.sandbox.model import (
    CALENDAR_ITEM,
    MEETING_REQUEST,
    MEETING_RESPONSES,
    MESSAGE,
    Address,
    Item,
)

REPLIES = {"ReplyToItem": "Antw: ", "ReplyAllToItem": "Antw: ", "ForwardItem": "Doorst: "}
ANSWERS = {"AcceptItem": "Accept", "TentativelyAcceptItem": "Tentative", "DeclineItem": "Decline"}
RESPONSE_OBJECTS = frozenset(REPLIES) | frozenset(ANSWERS)
# The subject prefixes Exchange writes in a Dutch mailbox.
_ANSWER_PREFIX = {"Accept": "Geaccepteerd: ", "Tentative": "Voorlopig geaccepteerd: ",
                  "Decline": "Geweigerd: "}
_PREFIXES = re.compile(r"^((re|fw|fwd|antw|tr|doorst)\s*:\s*)+", re.IGNORECASE)


def _quote(original: Item) -> str:
    """Exchange's own quote of the original below the new text."""
    author = original.author or original.sender
    who = html.escape(f"{author.name} <{author.email}>") if author else ""
    return (f'<hr><p><b>Van:</b> {who}<br><b>Verzonden:</b> {fmt_dt(original.sent or original.received)}'
            f"<br><b>Onderwerp:</b> {html.escape(original.subject)}</p>{original.body_html}")


def _answer_to(original: Item) -> list[Address]:
    """Whom a reply goes to, as Exchange decides: the Reply-To addresses, else From."""
    if original.reply_to:
        return list(original.reply_to)
    author = original.author or original.sender
    return [author] if author else []


def _reply_all_to(ctx: Context, original: Item) -> tuple[list[Address], list[Address]]:
    owner = ctx.mailbox.owner.lower()
    to = [a for a in [*_answer_to(original), *original.to] if a and a.email.lower() != owner]
    cc = [a for a in original.cc if a.email.lower() != owner]
    return list(dict.fromkeys(to)), cc


def response_fields(ctx: Context, elem: etree._Element) -> tuple[dict[str, Any],
                                                                 list[NewAttachment]]:
    """The Item fields of the message a response object makes (not yet stored)."""
    name = etree.QName(elem).localname
    ref = elem.find(t("ReferenceItemId"))
    if ref is None:
        raise EwsError("ErrorInvalidRequest", f"{name} needs a ReferenceItemId.")
    original, _ = resolve_item(ctx, ref)
    values, extended, attachments = item_values(elem)
    fields: dict[str, Any] = {"conversation_id": original.conversation_id,
                              "extended_properties": {k: v for k, v in extended.items()
                                                      if v is not None}}
    answer = ANSWERS.get(name)
    if answer is not None:
        is_invitation = (original.item_class == MEETING_REQUEST) or (
            original.kind == CALENDAR_ITEM and original.organizer is not None
            and original.organizer.email.lower() != ctx.mailbox.owner.lower())
        if not is_invitation:
            raise EwsError("ErrorInvalidItemForOperationAcceptItem",
                           "Only a meeting request from someone else can be answered.")
        organizer = original.organizer or original.sender
        fields.update(subject=_ANSWER_PREFIX[answer] + original.subject,
                      body_html=values.get("body_html", ""), author=ctx.owner(),
                      to=[organizer] if organizer else [], cc=[], bcc=[],
                      item_class=MEETING_RESPONSES[answer], response=answer,
                      responds_to=original.id, uid=original.uid,
                      start=original.start, end=original.end, location=original.location)
        return fields, attachments
    if not original.is_message:
        raise EwsError("ErrorInvalidItemForOperationReplyToItem", "Only messages can be answered.")
    if name == "ReplyToItem":
        to, cc = _answer_to(original), []
    elif name == "ReplyAllToItem":
        to, cc = _reply_all_to(ctx, original)
    else:
        to, cc = [], []
    new_body = elem.find(t("NewBodyContent"))
    body = values.get("body_html")
    if body is None:  # NewBodyContent goes above Exchange's quote of the original
        body = (new_body.text or "" if new_body is not None else "") + _quote(original)
    # As Exchange does: the recipients it works out itself, plus any the request names
    # (appended, not instead: only an UpdateItem of the draft replaces them).
    fields.update(subject=values.get("subject") or REPLIES[name] + _PREFIXES.sub("", original.subject),
                  body_html=body, author=values.get("author") or ctx.owner(),
                  to=[*to, *values.get("to", [])], cc=[*cc, *values.get("cc", [])],
                  bcc=values.get("bcc", []),
                  in_reply_to=original.internet_message_id if name != "ForwardItem" else "")
    return fields, attachments


def answered(ctx: Context, sent: dict[str, Any]) -> None:
    """After a meeting answer left: the calendar and the request as Exchange leaves them."""
    request = ctx.mailbox.find(str(sent.get("responds_to") or ""))
    if request is not None and sent.get("response"):
        ctx.mailbox.apply_meeting_response(request, str(sent["response"]))


def save_draft(ctx: Context, fields: dict[str, Any], attachments: list[Any],
               saved: Folder | None) -> Item:
    box = ctx.mailbox
    now = box.clock()
    return box.create_item(MESSAGE, (saved or box.folder("drafts")).key, is_draft=True,
                           is_read=True, received=now, created=now, last_modified=now, sent=None,
                           attachments=attachments, **fields)
