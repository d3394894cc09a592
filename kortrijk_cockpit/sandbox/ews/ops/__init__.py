"""The EWS operations the sandbox answers, by SOAP body element name."""

from __future__ import annotations

from kortrijk_cockpit.sandbox.ews.ops.attachments import create_attachment, delete_attachment
from kortrijk_cockpit.sandbox.ews.ops.availability import (
    get_server_time_zones,
    get_user_availability,
)
from kortrijk_cockpit.sandbox.ews.ops.common import Context, Operation
from kortrijk_cockpit.sandbox.ews.ops.directory import convert_id, get_delegate, resolve_names
from kortrijk_cockpit.sandbox.ews.ops.folders import (
    find_folder,
    get_folder,
    sync_folder_hierarchy,
)
from kortrijk_cockpit.sandbox.ews.ops.read import find_item, get_attachment, get_item
from kortrijk_cockpit.sandbox.ews.ops.sync import sync_folder_items
from kortrijk_cockpit.sandbox.ews.ops.write import (
    create_item,
    delete_item,
    move_item,
    send_item,
    update_item,
)

OPERATIONS: dict[str, Operation] = {
    "ConvertId": convert_id,
    "GetFolder": get_folder,
    "FindFolder": find_folder,
    "SyncFolderHierarchy": sync_folder_hierarchy,
    "SyncFolderItems": sync_folder_items,
    "GetItem": get_item,
    "FindItem": find_item,
    "GetAttachment": get_attachment,
    "CreateAttachment": create_attachment,
    "DeleteAttachment": delete_attachment,
    "UpdateItem": update_item,
    "MoveItem": move_item,
    "DeleteItem": delete_item,
    "CreateItem": create_item,
    "SendItem": send_item,
    "ResolveNames": resolve_names,
    "GetDelegate": get_delegate,
    "GetServerTimeZones": get_server_time_zones,
    "GetUserAvailabilityRequest": get_user_availability,  # the body element has the suffix
}

__all__ = ["OPERATIONS", "Context", "Operation"]
