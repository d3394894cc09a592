"""GetFolder, FindFolder, SyncFolderHierarchy."""

from __future__ import annotations

from lxml import etree

from kortrijk_cockpit.sandbox import ids
from kortrijk_cockpit.sandbox.ews.ops.common import (
    Context,
    check_root_access,
    folder_children,
    resolve_folder,
)
from kortrijk_cockpit.sandbox.ews.render_folders import render_folder
from kortrijk_cockpit.sandbox.ews.shapes import parse_shape
from kortrijk_cockpit.sandbox.ews.soapxml import (
    EwsError,
    esc,
    failure,
    m,
    response,
    success,
    xml_bool,
)


def get_folder(ctx: Context, request: etree._Element) -> str:
    shape = parse_shape(request.find(m("FolderShape")))
    messages = []
    for elem in folder_children(request.find(m("FolderIds"))):
        try:
            folder = resolve_folder(ctx, elem)
            check_root_access(ctx, folder)
            xml = render_folder(folder, ctx.mailbox, shape)
            messages.append(success("GetFolder", f"<m:Folders>{xml}</m:Folders>"))
        except EwsError as error:
            messages.append(failure("GetFolder", error))
    return response("GetFolder", messages)


def find_folder(ctx: Context, request: etree._Element) -> str:
    shape = parse_shape(request.find(m("FolderShape")))
    deep = request.get("Traversal", "Shallow") == "Deep"
    view = request.find(m("IndexedPageFolderView"))
    offset = int(view.get("Offset", "0")) if view is not None else 0
    limit = int(view.get("MaxEntriesReturned", "0") or 0) if view is not None else 0
    messages = []
    for elem in folder_children(request.find(m("ParentFolderIds"))):
        try:
            parent = resolve_folder(ctx, elem)
            check_root_access(ctx, parent)
            found = ctx.mailbox.children(parent, deep=deep)
            page = found[offset:offset + limit] if limit else found[offset:]
            end = offset + len(page)
            folders = "".join(render_folder(f, ctx.mailbox, shape) for f in page)
            messages.append(success("FindFolder", (
                f'<m:RootFolder IndexedPagingOffset="{end}" TotalItemsInView="{len(found)}" '
                f'IncludesLastItemInRange="{xml_bool(end >= len(found))}">'
                f"<t:Folders>{folders}</t:Folders></m:RootFolder>")))
        except EwsError as error:
            messages.append(failure("FindFolder", error))
    return response("FindFolder", messages)


def sync_folder_hierarchy(ctx: Context, request: etree._Element) -> str:
    shape = parse_shape(request.find(m("FolderShape")))
    box = ctx.mailbox
    sync_folder = request.find(m("SyncFolderId"))
    state_elem = request.find(m("SyncState"))
    state = (state_elem.text or "").strip() if state_elem is not None else ""
    try:
        top = resolve_folder(ctx, sync_folder[0]) if sync_folder is not None and len(sync_folder) \
            else box.folder("root")
        check_root_access(ctx, top)
        scope = f"h{top.number}"
        watermark = 0
        if state:
            parsed = ids.parse_sync_state(state, scope)
            if parsed is None:
                raise EwsError("ErrorInvalidSyncStateData",
                               "Synchronization state data is corrupt or otherwise invalid.")
            watermark = parsed
        with box.lock:
            changes = []
            for folder in box.children(top, deep=True):
                if folder.entry_seq > watermark:
                    changes.append(f"<t:Create>{render_folder(folder, box, shape)}</t:Create>")
                elif folder.seq > watermark:
                    changes.append(f"<t:Update>{render_folder(folder, box, shape)}</t:Update>")
            new_state = ids.sync_state(scope, box.seq, ctx.next_nonce())
        return response("SyncFolderHierarchy", [success("SyncFolderHierarchy", (
            f"<m:SyncState>{esc(new_state)}</m:SyncState>"
            "<m:IncludesLastFolderInRange>true</m:IncludesLastFolderInRange>"
            f"<m:Changes>{''.join(changes)}</m:Changes>"))])
    except EwsError as error:
        error.extra = "<m:SyncState/><m:IncludesLastFolderInRange>true</m:IncludesLastFolderInRange>"
        return response("SyncFolderHierarchy", [failure("SyncFolderHierarchy", error)])
