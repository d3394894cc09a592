"""GetItem, FindItem (IndexedPageItemView and CalendarView), GetAttachment."""

from __future__ import annotations

import base64
from datetime import datetime

from lxml import etree

from kortrijk_cockpit.sandbox import recurrence
from kortrijk_cockpit.sandbox.ews.ops.common import (
    Context,
    check_root_access,
    folder_children,
    resolve_folder,
    resolve_item,
)
from kortrijk_cockpit.sandbox.ews.render_items import ItemRenderer
from kortrijk_cockpit.sandbox.ews.restrict import Matcher, matcher, sort_key
from kortrijk_cockpit.sandbox.ews.shapes import parse_shape
from kortrijk_cockpit.sandbox.ews.soapxml import (
    EwsError,
    attr,
    esc,
    failure,
    fmt_dt,
    m,
    parse_dt,
    response,
    success,
    t,
    xml_bool,
)
from kortrijk_cockpit.sandbox.model import Item
from kortrijk_cockpit.sandbox.recurrence import Occurrence


def get_item(ctx: Context, request: etree._Element) -> str:
    shape = parse_shape(request.find(m("ItemShape")))
    renderer = ctx.renderer(shape, with_content=True)
    messages = []
    with ctx.mailbox.lock:
        for elem in folder_children(request.find(m("ItemIds"))):
            try:
                item, occ = resolve_item(ctx, elem)
                messages.append(success("GetItem", f"<m:Items>{renderer.render(item, occ)}</m:Items>"))
            except EwsError as error:
                messages.append(failure("GetItem", error))
    return response("GetItem", messages)


def find_item(ctx: Context, request: etree._Element) -> str:
    shape = parse_shape(request.find(m("ItemShape")))
    renderer = ctx.renderer(shape, with_content=False)
    restriction = request.find(m("Restriction"))
    accept = matcher(restriction[0] if restriction is not None and len(restriction) else None)
    order = request.find(m("SortOrder"))
    calendar_view = request.find(m("CalendarView"))
    paged_view = request.find(m("IndexedPageItemView"))
    messages = []
    with ctx.mailbox.lock:
        for elem in folder_children(request.find(m("ParentFolderIds"))):
            try:
                folder = resolve_folder(ctx, elem)
                check_root_access(ctx, folder)
                if calendar_view is not None:
                    body = _calendar_view(folder.items, calendar_view, accept, renderer)
                else:
                    items = [i for i in folder.items if accept(i, None)]
                    _sort(items, order)
                    body = _paged(items, paged_view, renderer)
                messages.append(success("FindItem", body))
            except EwsError as error:
                messages.append(failure("FindItem", error))
    return response("FindItem", messages)


def _sort(items: list[Item], order: etree._Element | None) -> None:
    if order is None or len(order) == 0:
        # Exchange's default view order: newest first.
        items.sort(key=lambda i: i.received, reverse=True)
        return
    for field_order in reversed(list(order)):  # stable sorts, least significant first
        uri_elem = field_order.find(t("FieldURI"))
        if uri_elem is None:
            raise EwsError("ErrorInvalidRequest", "Only FieldURI sort orders are supported.")
        key = sort_key(uri_elem.get("FieldURI", ""))
        items.sort(key=key, reverse=field_order.get("Order", "Ascending") == "Descending")


def _paged(items: list[Item], view: etree._Element | None, renderer: ItemRenderer) -> str:
    total = len(items)
    offset = int(view.get("Offset", "0")) if view is not None else 0
    limit = int(view.get("MaxEntriesReturned", "0") or 0) if view is not None else 0
    if view is not None and view.get("BasePoint", "Beginning") == "End":
        start = max(0, total - offset - (limit or total))
        page = items[start:total - offset]
        end = total - start
    else:
        page = items[offset:offset + limit] if limit else items[offset:]
        end = offset + len(page)
    rendered = "".join(renderer.render(i) for i in page)
    return (f'<m:RootFolder IndexedPagingOffset="{end}" TotalItemsInView="{total}" '
            f'IncludesLastItemInRange="{xml_bool(end >= total)}"><t:Items>{rendered}</t:Items>'
            "</m:RootFolder>")


def _calendar_view(items: list[Item], view: etree._Element, accept: Matcher,
                   renderer: ItemRenderer) -> str:
    start = parse_dt(view.get("StartDate"))
    end = parse_dt(view.get("EndDate"))
    if start is None or end is None or end < start:
        raise EwsError("ErrorInvalidRequest", "CalendarView needs StartDate <= EndDate.")
    found: list[tuple[datetime, Item, Occurrence | None]] = []
    for item in items:
        if item.start is None or item.end is None:
            continue
        if item.recurrence is not None:
            for occ in recurrence.in_window(item, start, end):
                if accept(item, occ):
                    found.append((occ.start, item, occ))
        elif item.start < end and (item.end > start or item.start == item.end == start) \
                and accept(item, None):
            found.append((item.start, item, None))
    found.sort(key=lambda entry: entry[0])
    limit = int(view.get("MaxEntriesReturned", "0") or 0)
    page = found[:limit] if limit else found
    rendered = "".join(renderer.render(item, occ) for _, item, occ in page)
    return (f'<m:RootFolder TotalItemsInView="{len(page)}" '
            f'IncludesLastItemInRange="{xml_bool(len(page) == len(found))}">'
            f"<t:Items>{rendered}</t:Items></m:RootFolder>")


def get_attachment(ctx: Context, request: etree._Element) -> str:
    messages = []
    for elem in folder_children(request.find(m("AttachmentIds"))):
        found = ctx.mailbox.attachment(elem.get("Id", ""))
        if found is None:
            messages.append(failure("GetAttachment", EwsError(
                "ErrorInvalidAttachmentId", "The attachment id is invalid or the attachment is gone.")))
            continue
        a, _ = found
        content = base64.b64encode(a.content).decode("ascii")
        content_id = f"<t:ContentId>{esc(a.content_id)}</t:ContentId>" if a.content_id else ""
        messages.append(success("GetAttachment", (
            f'<m:Attachments><t:FileAttachment><t:AttachmentId Id="{attr(a.attachment_id)}"/>'
            f"<t:Name>{esc(a.name)}</t:Name><t:ContentType>{esc(a.content_type)}</t:ContentType>"
            f"{content_id}<t:Size>{a.size}</t:Size>"
            f"<t:LastModifiedTime>{fmt_dt(a.last_modified)}</t:LastModifiedTime>"
            f"<t:IsInline>{xml_bool(a.is_inline)}</t:IsInline>"
            f"<t:IsContactPhoto>false</t:IsContactPhoto><t:Content>{content}</t:Content>"
            "</t:FileAttachment></m:Attachments>")))
    return response("GetAttachment", messages)
