"""CreateAttachment and DeleteAttachment on an item that exists (a fiche's PDF on an
appointment); GetItem and GetAttachment read them back (`read.py`)."""

from __future__ import annotations

from lxml import etree

from kortrijk_cockpit.sandbox.ews.ops.common import Context, folder_children, resolve_item
from kortrijk_cockpit.sandbox.ews.parse_items import file_attachment
from kortrijk_cockpit.sandbox.ews.soapxml import EwsError, attr, failure, m, response, success


def _root(item_id: str, change_key: str) -> str:
    return f'RootItemId="{attr(item_id)}" RootItemChangeKey="{attr(change_key)}"'


def create_attachment(ctx: Context, request: etree._Element) -> str:
    parent = request.find(m("ParentItemId"))
    messages = []
    with ctx.mailbox.lock:
        try:
            if parent is None:
                raise EwsError("ErrorInvalidRequest", "CreateAttachment needs a ParentItemId.")
            item, occ = resolve_item(ctx, parent)
            if occ is not None:
                raise EwsError("ErrorInvalidOperation",
                               "This sandbox attaches to whole items only, not occurrences.")
            change_key = parent.get("ChangeKey")
            if change_key and change_key != item.change_key:
                raise EwsError("ErrorIrresolvableConflict",
                               "The change key passed in the request does not match the "
                               "current change key for the item.")
            new = [file_attachment(a) for a in folder_children(request.find(m("Attachments")))]
        except EwsError as error:
            return response("CreateAttachment", [failure("CreateAttachment", error)])
        for a in new:
            made = ctx.mailbox.add_attachment(item, (a.name, a.content, a.content_type))
            # Each answer carries the item's change key after that attachment.
            messages.append(success("CreateAttachment", (
                f'<m:Attachments><t:FileAttachment><t:AttachmentId Id="{attr(made.attachment_id)}" '
                f"{_root(item.id, item.change_key)}/></t:FileAttachment></m:Attachments>")))
    return response("CreateAttachment", messages)


def delete_attachment(ctx: Context, request: etree._Element) -> str:
    messages = []
    with ctx.mailbox.lock:
        for elem in folder_children(request.find(m("AttachmentIds"))):
            item = ctx.mailbox.remove_attachment(elem.get("Id", ""))
            if item is None:
                messages.append(failure("DeleteAttachment", EwsError(
                    "ErrorInvalidAttachmentId",
                    "The attachment id is invalid or the attachment is gone.")))
                continue
            messages.append(success("DeleteAttachment",
                                    f"<m:RootItemId {_root(item.id, item.change_key)}/>"))
    return response("DeleteAttachment", messages)
