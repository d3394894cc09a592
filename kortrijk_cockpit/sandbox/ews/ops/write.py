"""UpdateItem, MoveItem, DeleteItem, CreateItem (mail, meetings, cancellations), SendItem."""

from __future__ import annotations

from typing import Any

from lxml import etree

from kortrijk_cockpit.sandbox.ews.extended import property_ref
from kortrijk_cockpit.sandbox.ews.ops.common import (
    Context,
    folder_children,
    item_tag,
    resolve_folder,
    resolve_item,
)
from kortrijk_cockpit.sandbox.ews.ops.respond import (
    RESPONSE_OBJECTS,
    answered,
    response_fields,
    save_draft,
)
from kortrijk_cockpit.sandbox.ews.parse_items import CLEARED, NewAttachment, item_values
from kortrijk_cockpit.sandbox.ews.render_items import html_to_text
from kortrijk_cockpit.sandbox.ews.soapxml import (
    EwsError,
    attr,
    failure,
    item_id_xml,
    m,
    parse_bool,
    response,
    success,
    t,
)
from kortrijk_cockpit.sandbox.ids import occurrence_id
from kortrijk_cockpit.sandbox.mailbox import Folder
from kortrijk_cockpit.sandbox.model import (
    CALENDAR_ITEM,
    MESSAGE,
    Address,
    Attachment,
    Item,
    SentAttachment,
    SentMessage,
)
from kortrijk_cockpit.sandbox.recurrence import Occurrence

_ID_TAGS = (t("ItemId"), t("OccurrenceItemId"), t("RecurringMasterItemId"))
_SENDING = ("SendOnly", "SendAndSaveCopy")


def _no_occurrences(occ: object) -> None:
    if occ is not None:
        raise EwsError("ErrorInvalidOperation",
                       "This sandbox changes whole series only; use the recurring master's id.")


def _value_error(exc: ValueError | TypeError) -> EwsError:
    return EwsError("ErrorInvalidValueForProperty", str(exc))


def _is_organizer(ctx: Context, item: Item) -> bool:
    return item.organizer is None or item.organizer.email.lower() == ctx.mailbox.owner.lower()


# -- UpdateItem ------------------------------------------------------------------------
def update_item(ctx: Context, request: etree._Element) -> str:
    conflict = request.get("ConflictResolution", "AutoResolve")
    disposition = request.get("MessageDisposition", "SaveOnly")
    notify = request.get("SendMeetingInvitationsOrCancellations", "SendToNone")
    box = ctx.mailbox
    messages = []
    for change in folder_children(request.find(m("ItemChanges"))):
        try:
            with box.lock:
                messages.append(_update_one(ctx, change, conflict, disposition, notify))
        except EwsError as error:
            messages.append(failure("UpdateItem", error))
    return response("UpdateItem", messages)


def _update_one(ctx: Context, change: etree._Element, conflict: str, disposition: str,
                notify: str) -> str:
    box = ctx.mailbox
    id_elem = next((c for c in change if c.tag in _ID_TAGS), None)
    if id_elem is None:
        raise EwsError("ErrorInvalidRequest", "ItemChange needs an ItemId.")
    item, occ = resolve_item(ctx, id_elem)
    _check_change_key(item, id_elem, conflict)
    changes = _collect_updates(item, change.find(t("Updates")))
    if occ is not None:
        return _update_occurrence(ctx, item, occ, changes, notify)
    try:
        box.apply_changes(item, changes)
    except (ValueError, TypeError) as exc:
        raise _value_error(exc) from exc
    if item.kind == CALENDAR_ITEM and changes and notify != "SendToNone" and item.is_meeting \
            and _is_organizer(ctx, item):
        item.meeting_sequence += 1
        box.record_invitation("update", item)
    if item.is_message and disposition in _SENDING:
        save_to = box.folder("sentitems") if disposition == "SendAndSaveCopy" else None
        _send(ctx, subject=item.subject, body_html=item.body_html, author=item.author,
              to=item.to, cc=item.cc, bcc=item.bcc, attachments=item.attachments, save_to=save_to,
              extended_properties=item.extended_properties, **_copy_fields(item))
        box.delete_item(item.id)
        return success("UpdateItem", "<m:Items/>")
    return success("UpdateItem", (
        f"<m:Items><{item_tag(item)}>{item_id_xml(item.id, item.change_key)}</{item_tag(item)}></m:Items>"
        "<m:ConflictResults><m:Count>0</m:Count></m:ConflictResults>"))


def _check_change_key(item: Item, id_elem: etree._Element, conflict: str) -> None:
    """An occurrence shares its master's change key here."""
    change_key = id_elem.get("ChangeKey")
    if change_key and change_key != item.change_key and conflict != "AlwaysOverwrite":
        raise EwsError("ErrorIrresolvableConflict",
                       "The send or update operation could not be performed because the change key "
                       "passed in the request does not match the current change key for the item.")


def _update_occurrence(ctx: Context, master: Item, occ: Occurrence, changes: dict[str, Any],
                       notify: str) -> str:
    """One occurrence changed on its own: it becomes an exception of its series."""
    box = ctx.mailbox
    changes.pop("timezone", None)  # the series' zone, sent with a new start or end
    try:
        occ = box.change_occurrence(master, occ, changes)
    except (ValueError, TypeError) as exc:
        raise _value_error(exc) from exc
    if changes and notify != "SendToNone" and master.is_meeting and _is_organizer(ctx, master):
        box.record_invitation("update", master, occurrence=occ)
    occurrence = occurrence_id(master.number, occ.original_date)
    return success("UpdateItem", (
        f"<m:Items><t:CalendarItem>{item_id_xml(occurrence, master.change_key)}</t:CalendarItem>"
        "</m:Items><m:ConflictResults><m:Count>0</m:Count></m:ConflictResults>"))


def _cancel_occurrence(ctx: Context, master: Item, occ: Occurrence, notify: bool,
                       message: str = "") -> None:
    """One occurrence taken out of its series; its attendees told when asked."""
    if notify and master.is_meeting and _is_organizer(ctx, master):
        ctx.mailbox.record_invitation("cancellation", master, occurrence=occ, message=message)
    ctx.mailbox.delete_occurrence(master, occ)


def _collect_updates(item: Item, updates: etree._Element | None) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    extended: dict[str, str | list[str] | None] = {}
    for update in folder_children(updates):
        kind = etree.QName(update).localname
        if len(update) == 0:
            continue
        path = update[0]
        value_elem = update[1] if len(update) > 1 else None
        if path.tag == t("ExtendedFieldURI"):
            try:
                ref = property_ref(path)
            except ValueError as exc:
                raise EwsError("ErrorInvalidExtendedProperty", str(exc)) from exc
            if kind == "DeleteItemField":
                extended[ref.key] = None
            elif value_elem is not None:
                extended.update(item_values(value_elem)[1])
            continue
        if path.tag != t("FieldURI"):
            continue  # indexed fields (contacts) name nothing an item here has
        uri = path.get("FieldURI", "")
        if kind == "DeleteItemField":
            if uri in CLEARED:
                name, cleared = CLEARED[uri]
                changes[name] = cleared
            continue
        if value_elem is None:
            continue
        values, more_extended, _ = item_values(value_elem)
        extended.update(more_extended)
        if kind == "AppendToItemField":
            for name, value in values.items():
                current = getattr(item, name, None)
                if isinstance(current, list):
                    values[name] = [*current, *value]
                elif isinstance(current, str):
                    values[name] = current + value
        changes.update(values)
    if extended:
        changes["extended_properties"] = extended
    return changes


# -- MoveItem / DeleteItem -------------------------------------------------------------
def move_item(ctx: Context, request: etree._Element) -> str:
    box = ctx.mailbox
    ids = folder_children(request.find(m("ItemIds")))
    try:
        target_elem = request.find(m("ToFolderId"))
        if target_elem is None or len(target_elem) == 0:
            raise EwsError("ErrorInvalidRequest", "ToFolderId is required.")
        target: Folder | None = resolve_folder(ctx, target_elem[0])
        target_error = None
    except EwsError as error:
        target, target_error = None, error
    messages = []
    for elem in ids:
        try:
            if target is None:
                assert target_error is not None
                raise target_error
            with box.lock:
                item, occ = resolve_item(ctx, elem)
                _no_occurrences(occ)
                new_id = box.move_item(item.id, target.key)
                moved = box.get(new_id)
                xml = f"<{item_tag(moved)}>{item_id_xml(moved.id, moved.change_key)}</{item_tag(moved)}>"
            messages.append(success("MoveItem", f"<m:Items>{xml}</m:Items>"))
        except EwsError as error:
            messages.append(failure("MoveItem", error))
    return response("MoveItem", messages)


def delete_item(ctx: Context, request: etree._Element) -> str:
    box = ctx.mailbox
    delete_type = request.get("DeleteType", "HardDelete")
    cancellations = request.get("SendMeetingCancellations", "SendToNone")
    messages = []
    for elem in folder_children(request.find(m("ItemIds"))):
        try:
            with box.lock:
                item, occ = resolve_item(ctx, elem)
                if occ is not None:
                    _cancel_occurrence(ctx, item, occ, cancellations != "SendToNone")
                    messages.append(success("DeleteItem"))
                    continue
                if item.kind == CALENDAR_ITEM and item.is_meeting and cancellations != "SendToNone" \
                        and _is_organizer(ctx, item):
                    item.is_cancelled = True
                    box.record_invitation("cancellation", item)
                if delete_type == "MoveToDeletedItems" and item.folder != "deleteditems":
                    box.move_item(item.id, "deleteditems")
                else:
                    box.delete_item(item.id)
            messages.append(success("DeleteItem"))
        except EwsError as error:
            messages.append(failure("DeleteItem", error))
    return response("DeleteItem", messages)


# -- CreateItem / SendItem ---------------------------------------------------------------
def _attachments(ctx: Context, new: list[NewAttachment] | list[Attachment]) -> list[Attachment]:
    made = []
    for a in new:
        attachment = ctx.mailbox.make_attachment((a.name, a.content, a.content_type))
        attachment.is_inline, attachment.content_id = a.is_inline, a.content_id
        made.append(attachment)
    return made


_COPIED = ("conversation_id", "in_reply_to", "item_class", "responds_to", "response", "uid",
           "start", "end", "location")


def _copy_fields(item: Item) -> dict[str, Any]:
    """What a sent copy keeps of its draft besides the message itself (its conversation,
    In-Reply-To, and for a meeting answer what it answers)."""
    return {name: getattr(item, name) for name in _COPIED}


def _send(ctx: Context, *, subject: str, body_html: str, author: Address | None,
          to: list[Address], cc: list[Address], bcc: list[Address],
          attachments: list[NewAttachment] | list[Attachment], save_to: Folder | None,
          extended_properties: dict[str, str | list[str]] | None = None,
          **copy: Any) -> None:
    box = ctx.mailbox
    allowed = {box.owner.lower(), box.delegate.lower()}
    # Without a From the delegate would send as herself from the director's
    # mailbox, which Exchange refuses (exchangelib #353): set `author`.
    if ctx.faults.send_as_denied or author is None or author.email.lower() not in allowed:
        raise EwsError("ErrorSendAsDenied",
                       "The user account which was used to submit this request does not have the "
                       "right to send mail on behalf of the specified sending account.")
    if not (to or cc or bcc):
        raise EwsError("ErrorInvalidRecipients", "At least one recipient isn't valid.")
    sender = ctx.delegate()

    def submit() -> None:
        now = box.clock()
        saved_id = None
        if save_to is not None:
            saved = box.create_item(
                MESSAGE, save_to.key, subject=subject, body_html=body_html, sender=sender,
                author=author, to=list(to), cc=list(cc), bcc=list(bcc), is_read=True,
                received=now, sent=now, created=now, last_modified=now,
                attachments=_attachments(ctx, attachments),
                extended_properties=dict(extended_properties or {}), **copy)
            saved_id = saved.id
        box.record_sent(SentMessage(
            subject=subject, body_html=body_html, author=author, sender=sender, to=list(to),
            cc=list(cc), bcc=list(bcc),
            attachments=[SentAttachment(a.name, a.content) for a in attachments],
            sent_at=now, saved_item_id=saved_id))
        answered(ctx, copy)

    if not ctx.faults.hold_in_outbox:
        submit()
        return
    # Slow transport: the message waits in the Outbox, marker and all, until submitted.
    now = box.clock()
    waiting = box.create_item(
        MESSAGE, "outbox", subject=subject, body_html=body_html, sender=sender, author=author,
        to=list(to), cc=list(cc), bcc=list(bcc), is_read=True, received=now, sent=now,
        created=now, last_modified=now, extended_properties=dict(extended_properties or {}))
    box.hold(waiting.id, submit)


def _created_xml(item: Item) -> str:
    atts = "".join(f'<t:FileAttachment><t:AttachmentId Id="{attr(a.attachment_id)}" '
                   f'RootItemId="{attr(item.id)}" RootItemChangeKey="{attr(item.change_key)}"/>'
                   "</t:FileAttachment>" for a in item.attachments)
    atts = f"<t:Attachments>{atts}</t:Attachments>" if atts else ""
    tag = item_tag(item)
    return f"<m:Items><{tag}>{item_id_xml(item.id, item.change_key)}{atts}</{tag}></m:Items>"


def create_item(ctx: Context, request: etree._Element) -> str:
    disposition = request.get("MessageDisposition", "SaveOnly")
    invitations = request.get("SendMeetingInvitations", "SendToNone")
    saved_elem = request.find(m("SavedItemFolderId"))
    messages = []
    for elem in folder_children(request.find(m("Items"))):
        try:
            saved = resolve_folder(ctx, saved_elem[0]) if saved_elem is not None and len(saved_elem) \
                else None
            with ctx.mailbox.lock:
                messages.append(success("CreateItem", _create_one(ctx, elem, disposition,
                                                                  invitations, saved)))
        except EwsError as error:
            messages.append(failure("CreateItem", error))
        except (ValueError, TypeError) as exc:
            messages.append(failure("CreateItem", _value_error(exc)))
    return response("CreateItem", messages)


def _create_one(ctx: Context, elem: etree._Element, disposition: str, invitations: str,
                saved: Folder | None) -> str:
    box = ctx.mailbox
    name = etree.QName(elem).localname
    if name in RESPONSE_OBJECTS:
        fields, new = response_fields(ctx, elem)
        if disposition in _SENDING:
            save_to = (saved or box.folder("sentitems")) if disposition == "SendAndSaveCopy" else None
            _send(ctx, attachments=new, save_to=save_to, **fields)
            return "<m:Items/>"
        return _created_xml(save_draft(ctx, fields, _attachments(ctx, new), saved))
    values, extended, new_attachments = item_values(elem)
    extended_values = {k: v for k, v in extended.items() if v is not None}
    if name == "Message":
        if disposition in _SENDING:
            save_to = (saved or box.folder("sentitems")) if disposition == "SendAndSaveCopy" else None
            _send(ctx, subject=values.get("subject", ""), body_html=values.get("body_html", ""),
                  author=values.get("author"), to=values.get("to", []), cc=values.get("cc", []),
                  bcc=values.get("bcc", []), attachments=new_attachments, save_to=save_to,
                  extended_properties=extended_values)
            return "<m:Items/>"
        values.setdefault("author", ctx.owner())
        values.setdefault("is_read", True)
        now = box.clock()
        item = box.create_item(MESSAGE, (saved or box.folder("drafts")).key, is_draft=True,
                               received=now, created=now, last_modified=now, sent=None,
                               attachments=_attachments(ctx, new_attachments),
                               extended_properties=extended_values, **values)
        return _created_xml(item)
    if name == "CalendarItem":
        if values.get("start") is None or values.get("end") is None:
            raise EwsError("ErrorInvalidRequest", "A calendar item needs Start and End.")
        now = box.clock()
        item = box.create_item(CALENDAR_ITEM, (saved or box.folder("calendar")).key,
                               organizer=ctx.owner(), received=now, created=now, last_modified=now,
                               attachments=_attachments(ctx, new_attachments),
                               extended_properties=extended_values, **values)
        if invitations != "SendToNone" and item.is_meeting:
            box.record_invitation("request", item)
        return _created_xml(item)
    if name == "CancelCalendarItem":
        ref = elem.find(t("ReferenceItemId"))
        if ref is None:
            raise EwsError("ErrorInvalidRequest", "CancelCalendarItem needs a ReferenceItemId.")
        item, occ = resolve_item(ctx, ref)
        if item.kind != CALENDAR_ITEM or not _is_organizer(ctx, item):
            raise EwsError("ErrorInvalidItemForOperationCancelItem",
                           "Only meetings the director organizes can be cancelled.")
        body = elem.find(t("NewBodyContent"))
        message = "" if body is None else (body.text or "") if body.get("BodyType") == "Text" \
            else html_to_text(body.text or "")
        if occ is not None:
            _cancel_occurrence(ctx, item, occ, True, message)
            return "<m:Items/>"
        item.is_cancelled = True
        box.record_invitation("cancellation", item, message=message)
        box.move_item(item.id, "deleteditems")
        return "<m:Items/>"
    raise EwsError("ErrorInvalidItemForOperationCreateItem",
                   f"This sandbox cannot create a {name}.")


def send_item(ctx: Context, request: etree._Element) -> str:
    box = ctx.mailbox
    save = parse_bool(request.get("SaveItemToFolder", "true"))
    saved_elem = request.find(m("SavedItemFolderId"))
    messages = []
    for elem in folder_children(request.find(m("ItemIds"))):
        try:
            with box.lock:
                target = None
                if save:
                    target = resolve_folder(ctx, saved_elem[0]) if saved_elem is not None \
                        and len(saved_elem) else box.folder("sentitems")
                item, occ = resolve_item(ctx, elem)
                _no_occurrences(occ)
                if not item.is_message:
                    raise EwsError("ErrorInvalidItemForOperationSendItem", "Only messages can be sent.")
                _send(ctx, subject=item.subject, body_html=item.body_html, author=item.author,
                      to=item.to, cc=item.cc, bcc=item.bcc, attachments=item.attachments,
                      save_to=target, extended_properties=item.extended_properties,
                      **_copy_fields(item))
                box.delete_item(item.id)
            messages.append(success("SendItem"))
        except EwsError as error:
            messages.append(failure("SendItem", error))
    return response("SendItem", messages)
