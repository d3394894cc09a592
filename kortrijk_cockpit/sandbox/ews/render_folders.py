"""Folders to EWS XML."""

from __future__ import annotations

from kortrijk_cockpit.sandbox.ews.shapes import Shape
from kortrijk_cockpit.sandbox.ews.soapxml import attr, esc, xml_bool
from kortrijk_cockpit.sandbox.mailbox import Folder, Mailbox

_TAGS = {"IPF.Appointment": "t:CalendarFolder", "IPF.Contact": "t:ContactsFolder",
         "IPF.Task": "t:TasksFolder"}
_DEFAULT = {"folder:DisplayName", "folder:TotalCount", "folder:ChildFolderCount",
            "folder:UnreadCount"}
_ALL = _DEFAULT | {"folder:ParentFolderId", "folder:FolderClass", "folder:EffectiveRights",
                   "folder:DistinguishedFolderId"}


def render_folder(folder: Folder, mailbox: Mailbox, shape: Shape) -> str:
    wanted = set(shape.fields)
    if shape.base == "Default":
        wanted |= _DEFAULT
    elif shape.base == "AllProperties":
        wanted |= _ALL
    tag = _TAGS.get(folder.folder_class or "", "t:Folder")
    parts = [f'<t:FolderId Id="{attr(folder.id)}" ChangeKey="{attr(folder.change_key)}"/>']
    if "folder:ParentFolderId" in wanted and folder.parent:
        parent = mailbox.folder(folder.parent)
        parts.append(f'<t:ParentFolderId Id="{attr(parent.id)}" ChangeKey="{attr(parent.change_key)}"/>')
    if "folder:FolderClass" in wanted and folder.folder_class:
        parts.append(f"<t:FolderClass>{esc(folder.folder_class)}</t:FolderClass>")
    if "folder:DisplayName" in wanted:
        parts.append(f"<t:DisplayName>{esc(folder.name)}</t:DisplayName>")
    if "folder:TotalCount" in wanted:
        parts.append(f"<t:TotalCount>{folder.total_count}</t:TotalCount>")
    if "folder:ChildFolderCount" in wanted:
        count = len(mailbox.children(folder, deep=False))
        parts.append(f"<t:ChildFolderCount>{count}</t:ChildFolderCount>")
    if "folder:EffectiveRights" in wanted:
        view_private = xml_bool(mailbox.view_private_items)
        parts.append(
            "<t:EffectiveRights><t:CreateAssociated>true</t:CreateAssociated>"
            "<t:CreateContents>true</t:CreateContents><t:CreateHierarchy>false</t:CreateHierarchy>"
            "<t:Delete>true</t:Delete><t:Modify>true</t:Modify><t:Read>true</t:Read>"
            f"<t:ViewPrivateItems>{view_private}</t:ViewPrivateItems></t:EffectiveRights>")
    if "folder:DistinguishedFolderId" in wanted and folder.distinguished:
        parts.append(f"<t:DistinguishedFolderId>{folder.key}</t:DistinguishedFolderId>")
    if "folder:UnreadCount" in wanted and tag == "t:Folder":
        parts.append(f"<t:UnreadCount>{folder.unread_count}</t:UnreadCount>")
    return f"<{tag}>{''.join(parts)}</{tag}>"
