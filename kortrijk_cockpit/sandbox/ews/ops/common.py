"""What every operation needs: the request context and id resolution."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from kortrijk_cockpit.sandbox.ews.render_items import ItemRenderer, RenderContext, element_tag
from kortrijk_cockpit.sandbox.ews.shapes import Shape
from kortrijk_cockpit.sandbox.ews.soapxml import EwsError, attr, m, t, text_of
from kortrijk_cockpit.sandbox.faults import Faults
from kortrijk_cockpit.sandbox.ids import is_well_formed
from kortrijk_cockpit.sandbox.mailbox import Folder, Mailbox
from kortrijk_cockpit.sandbox.model import Address, Item
from kortrijk_cockpit.sandbox.recurrence import Occurrence

ROOT_KEYS = ("root", "msgfolderroot")


@dataclass
class Context:
    mailbox: Mailbox
    faults: Faults
    nonces: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def next_nonce(self) -> int:
        return next(self.nonces)

    def owner(self) -> Address:
        return Address(self.mailbox.owner_name, self.mailbox.owner)

    def delegate(self) -> Address:
        return Address(self.mailbox.delegate_name, self.mailbox.delegate)

    def renderer(self, shape: Shape, *, with_content: bool) -> ItemRenderer:
        ctx = RenderContext(owner=self.owner(), view_private_items=self.mailbox.view_private_items,
                            body_type=shape.body_type)
        folder_ids = {f.key: f'<t:ParentFolderId Id="{attr(f.id)}" ChangeKey="{attr(f.change_key)}"/>'
                      for f in self.mailbox.folders}
        return ItemRenderer(shape, ctx, with_content=with_content, folder_ids=folder_ids)


Operation = Callable[[Context, etree._Element], str]


def not_found(kind: str = "item") -> EwsError:
    return EwsError("ErrorItemNotFound" if kind == "item" else "ErrorFolderNotFound",
                    "The specified object was not found in the store.")


def access_denied() -> EwsError:
    return EwsError("ErrorAccessDenied", "Access is denied. Check credentials and try again.")


def resolve_folder(ctx: Context, elem: etree._Element) -> Folder:
    """The folder a t:FolderId or t:DistinguishedFolderId names."""
    box = ctx.mailbox
    if elem.tag == t("DistinguishedFolderId"):
        mailbox_elem = elem.find(t("Mailbox"))
        if mailbox_elem is None:
            # Exchange would open the *delegate's own* mailbox (exchangelib #1277);
            # this sandbox only holds the director's, so say so.
            raise EwsError("ErrorFolderNotFound", "DistinguishedFolderId without a Mailbox names "
                           "the signed-in user's own mailbox, not the director's.")
        email = text_of(mailbox_elem, "EmailAddress").strip().lower()
        if email != box.owner.lower():
            raise EwsError("ErrorNonExistentMailbox",
                           f"No mailbox with such guid or SMTP address: {email}")
        folder = box.find_folder(elem.get("Id", ""))
        if folder is None or not folder.distinguished:
            raise not_found("folder")
        return folder
    if elem.tag == t("FolderId"):
        folder_id = elem.get("Id", "")
        if not is_well_formed(folder_id):
            raise EwsError("ErrorInvalidIdMalformed", "Id is malformed.")
        folder = box.find_folder(folder_id)
        if folder is None or folder.id != folder_id:
            raise not_found("folder")
        return folder
    raise EwsError("ErrorInvalidRequest", f"Unsupported folder id element {etree.QName(elem).localname}")


def check_root_access(ctx: Context, folder: Folder) -> None:
    if ctx.faults.deny_root and folder.key in ROOT_KEYS:
        raise access_denied()


def folder_children(container: etree._Element | None) -> list[etree._Element]:
    return [] if container is None else list(container)


def resolve_item(ctx: Context, elem: etree._Element) -> tuple[Item, Occurrence | None]:
    """The item (or occurrence) a t:ItemId / t:OccurrenceItemId / t:RecurringMasterItemId names."""
    box = ctx.mailbox
    if elem.tag == t("RecurringMasterItemId"):
        item_id = elem.get("OccurrenceId", "")
        found = box.occurrence(item_id)
        if found:
            return found[0], None
        item = box.find(item_id)
        if item is None:
            raise not_found()
        return item, None
    if elem.tag == t("OccurrenceItemId"):
        master = box.find(elem.get("RecurringMasterId", ""))
        if master is None or master.recurrence is None:
            raise not_found()
        from kortrijk_cockpit.sandbox.recurrence import occurrences

        index = int(elem.get("InstanceIndex", "0") or 0)
        for number, occ in enumerate(occurrences(master), start=1):
            if number == index:
                return master, occ
            if number > index or (master.recurrence.until is None and number > 5000):
                break
        raise EwsError("ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange",
                       "The occurrence index is out of the recurrence range.")
    if elem.tag not in (t("ItemId"), t("ReferenceItemId"), m("ParentItemId")):
        raise EwsError("ErrorInvalidRequest", f"Unsupported item id element {etree.QName(elem).localname}")
    item_id = elem.get("Id", "")
    if not is_well_formed(item_id):
        raise EwsError("ErrorInvalidIdMalformed", "Id is malformed.")
    item = box.find(item_id)
    if item is not None:
        return item, None
    found = box.occurrence(item_id)
    if found:
        return found
    raise not_found()


def item_tag(item: Item) -> str:
    return element_tag(item)
