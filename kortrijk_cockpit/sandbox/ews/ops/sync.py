"""SyncFolderItems: the changes in one folder since a sync state, page by page."""

from __future__ import annotations

from lxml import etree

from kortrijk_cockpit.sandbox import ids
from kortrijk_cockpit.sandbox.ews.ops.common import Context, check_root_access, resolve_folder
from kortrijk_cockpit.sandbox.ews.shapes import parse_shape
from kortrijk_cockpit.sandbox.ews.soapxml import (
    EwsError,
    attr,
    esc,
    failure,
    m,
    response,
    success,
    xml_bool,
)

MAX_CHANGES = 512  # Exchange's ceiling per call

_INVALID_STATE = "Synchronization state data is corrupt or otherwise invalid."
_ERROR_TAIL = "<m:SyncState/><m:IncludesLastItemInRange>true</m:IncludesLastItemInRange>"


def sync_folder_items(ctx: Context, request: etree._Element) -> str:
    try:
        return response("SyncFolderItems", [success("SyncFolderItems", _sync(ctx, request))])
    except EwsError as error:
        # exchangelib reads SyncState and IncludesLastItemInRange even from errors.
        error.extra = _ERROR_TAIL
        return response("SyncFolderItems", [failure("SyncFolderItems", error)])


def _sync(ctx: Context, request: etree._Element) -> str:
    box = ctx.mailbox
    shape = parse_shape(request.find(m("ItemShape")))
    folder_elem = request.find(m("SyncFolderId"))
    if folder_elem is None or len(folder_elem) == 0:
        raise EwsError("ErrorInvalidRequest", "SyncFolderId is required.")
    folder = resolve_folder(ctx, folder_elem[0])
    check_root_access(ctx, folder)
    if ctx.faults.take_invalid_sync_state(folder.key, folder.name, folder.id):
        raise EwsError("ErrorInvalidSyncStateData", _INVALID_STATE)
    scope = str(folder.number)
    state_elem = request.find(m("SyncState"))
    state = (state_elem.text or "").strip() if state_elem is not None else ""
    watermark = 0
    if state:
        parsed = ids.parse_sync_state(state, scope)
        if parsed is None:
            raise EwsError("ErrorInvalidSyncStateData", _INVALID_STATE)
        watermark = parsed
    max_elem = request.find(m("MaxChangesReturned"))
    try:
        max_changes = int((max_elem.text or "").strip()) if max_elem is not None else MAX_CHANGES
    except ValueError:
        raise EwsError("ErrorInvalidRequest", "MaxChangesReturned must be a number.") from None
    if not 1 <= max_changes <= MAX_CHANGES:
        raise EwsError("ErrorInvalidRequest", f"MaxChangesReturned must be 1..{MAX_CHANGES}.")
    ignore_elem = request.find(m("Ignore"))
    ignore = {e.get("Id", "") for e in ignore_elem} if ignore_elem is not None else None

    renderer = ctx.renderer(shape, with_content=False)
    with box.lock:
        page = box.item_changes(folder, watermark, max_changes, ignore)
        parts = []
        for kind, value in page.changes:
            if kind == "create":
                parts.append(f"<t:Create>{renderer.render(value)}</t:Create>")
            elif kind == "update":
                parts.append(f"<t:Update>{renderer.render(value)}</t:Update>")
            elif kind == "read_flag_change":
                parts.append(
                    f'<t:ReadFlagChange><t:ItemId Id="{attr(value.id)}" '
                    f'ChangeKey="{attr(value.change_key)}"/>'
                    f"<t:IsRead>{xml_bool(value.is_read)}</t:IsRead></t:ReadFlagChange>")
            else:
                parts.append(f'<t:Delete><t:ItemId Id="{attr(value)}"/></t:Delete>')
        new_state = ids.sync_state(scope, page.watermark, ctx.next_nonce())
    return (f"<m:SyncState>{esc(new_state)}</m:SyncState>"
            f"<m:IncludesLastItemInRange>{xml_bool(page.last_page)}</m:IncludesLastItemInRange>"
            f"<m:Changes>{''.join(parts)}</m:Changes>")

