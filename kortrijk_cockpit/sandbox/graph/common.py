"""Resolving what a Graph path names: folders by well-known name or id, items, occurrences."""

from __future__ import annotations

import re

from kortrijk_cockpit.sandbox.graph.http import (
    GraphContext,
    GraphError,
    GraphRequest,
    bad_request,
    not_found,
)
from kortrijk_cockpit.sandbox.graph.ids import change_key_of, from_rest, to_rest
from kortrijk_cockpit.sandbox.graph.render import WELL_KNOWN
from kortrijk_cockpit.sandbox.ids import is_well_formed
from kortrijk_cockpit.sandbox.mailbox import Folder
from kortrijk_cockpit.sandbox.model import Item
from kortrijk_cockpit.sandbox.recurrence import Occurrence

ROOT_KEYS = ("root", "msgfolderroot")


def ews_id(rest_id: str) -> str:
    """The mailbox's id for a REST id; 400 ErrorInvalidIdMalformed for anything else."""
    found = from_rest(rest_id)
    if found is None or not is_well_formed(found):
        raise bad_request("Id is malformed.", "ErrorInvalidIdMalformed")
    return found


def folder(ctx: GraphContext, ref: str) -> Folder:
    """A folder by well-known name ("inbox") or REST id."""
    box = ctx.mailbox
    if ref.lower() in WELL_KNOWN or ref.lower() == "calendar":
        found = box.find_folder(ref.lower())
    else:
        found = box.find_folder(ews_id(ref))
    if found is None:
        raise not_found("folder")
    if ctx.faults.deny_root and found.key in ROOT_KEYS:
        raise access_denied()
    return found


def folder_rest_id(ctx: GraphContext, item: Item) -> str:
    return to_rest(ctx.mailbox.folder(item.folder).id)


def access_denied() -> GraphError:
    return GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")


def item(ctx: GraphContext, rest_id: str) -> Item:
    """A message or event (a series' master) by REST id."""
    found = ctx.mailbox.find(ews_id(rest_id))
    if found is None:
        raise not_found()
    return found


def event(ctx: GraphContext, rest_id: str) -> tuple[Item, Occurrence | None]:
    """An event: a single one, a series' master, or one occurrence of it."""
    ews = ews_id(rest_id)
    found = ctx.mailbox.find(ews)
    if found is not None:
        return found, None
    occurrence = ctx.mailbox.occurrence(ews)
    if occurrence is None:
        raise not_found()
    return occurrence


def check_if_match(request: GraphRequest, item: Item) -> None:
    """A write naming an older change key (If-Match) is refused, as Exchange does: a
    change made in Outlook meanwhile is never overwritten."""
    wanted = change_key_of(request.headers.get("if-match", ""))
    if wanted and wanted != item.change_key:
        raise GraphError(412, "ErrorIrresolvableConflict",
                         "The change key passed in the request does not match the current "
                         "change key for the item.")


def attachment_parent(ctx: GraphContext, kind: str, rest_id: str) -> Item:
    """The message or event ("messages" | "events") a file is put on: whole items only."""
    if kind == "events":
        found, occ = event(ctx, rest_id)
        if occ is not None:
            raise bad_request("The sandbox attaches to whole items only, not occurrences.",
                              "ErrorInvalidOperation")
        return found
    found = item(ctx, rest_id)
    if not found.is_message:
        raise not_found()
    return found


def selected(query: dict[str, str]) -> set[str] | None:
    text = query.get("$select", "")
    return {s.strip() for s in text.split(",") if s.strip()} or None


def page_size(prefer: str | None, default: int, ceiling: int = 1000) -> int:
    try:
        size = int(prefer) if prefer else default
    except ValueError:
        raise bad_request("odata.maxpagesize must be a number.") from None
    return max(1, min(size, ceiling))


_SUBJECT_EQ = re.compile(r"subject\s+eq\s+'(?P<value>(?:[^']|'')*)'", re.IGNORECASE)


def subject_filter(filter_text: str) -> str | None:
    found = _SUBJECT_EQ.search(filter_text or "")
    return found["value"].replace("''", "'") if found else None
