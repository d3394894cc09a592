"""The MailboxBackend protocol: everything the app asks of the director's mailbox.

EWS (exchangelib) implements it first; a Microsoft Graph backend can follow
behind the same protocol when Exchange Online switches EWS off. Methods are
blocking and are only ever called from the sync worker thread.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Protocol

from kortrijk_cockpit.domain import FolderKind
from kortrijk_cockpit.exchange.records import (
    BusyBlock,
    EventDraft,
    EventRecord,
    FlagUpdate,
    FolderRecord,
    ItemFiles,
    MailBody,
    MailSummary,
    OutgoingAttachment,
    OutgoingMail,
    OutgoingResponse,
    SyncPage,
)


class MailboxBackend(Protocol):
    mailbox: str  # the director's SMTP address

    def folders(self) -> list[FolderRecord]:
        """Inbox, Sent Items, Calendar and the custom mail folders the delegate may see."""
        ...

    def sync_page(self, folder: FolderRecord, sync_state: str, *, max_changes: int,
                  window: tuple[datetime, datetime] | None = None) -> SyncPage:
        """One page of item changes after `sync_state` ("" for a full sync). For the
        calendar, `window` is the stretch the sync keeps (Graph's delta watches one)."""
        ...

    def fetch_bodies(self, exchange_ids: list[str]) -> list[MailBody | None]:
        """Bodies and attachment metadata, in order; None for items gone meanwhile."""
        ...

    def calendar_view(self, start: datetime, end: datetime) -> list[EventRecord]:
        """Appointments in the window, recurring series expanded into occurrences."""
        ...

    def free_busy(self, addresses: list[str], start: datetime,
                  end: datetime) -> dict[str, list[BusyBlock]]:
        """Busy time of each address (lower-cased) in the window, from Exchange's free/busy;
        free time left out. Details (subject, location) only where the mailbox shares them.
        Addresses Exchange does not know (outside the organisation) are left out."""
        ...

    def fetch_attachment(self, attachment_id: str) -> bytes: ...

    def may_view_private(self) -> bool:
        """Whether the director granted this delegate ViewPrivateItems (False when unknown)."""
        ...

    def item_summary(self, exchange_id: str) -> MailSummary | None:
        """The item as the server has it now (for resolving a stale change key)."""
        ...

    def event(self, exchange_id: str) -> EventRecord | None:
        """One appointment as the server has it now; None when it is gone."""
        ...

    def find_marked(self, folder: FolderKind, marker: str) -> tuple[str, str] | None:
        """(id, change key) of the item in Sent Items (or still in the Outbox) or the
        Calendar that carries our `marker`, or None: what a write whose answer was lost
        really did."""
        ...

    def find_in_folder(self, folder_exchange_id: str, subject: str,
                       received_at: datetime | None) -> str | None:
        """The id of the mail with this subject and receipt time in the folder (a move
        whose answer was lost), or None."""
        ...

    def set_categories(self, exchange_id: str, change_key: str, categories: list[str]) -> str:
        """Returns the new change key. Raises ItemConflict on a stale `change_key`."""
        ...

    def set_read(self, exchange_id: str, change_key: str, is_read: bool) -> str: ...

    def set_flag(self, exchange_id: str, change_key: str, flag: FlagUpdate) -> str: ...

    def move(self, exchange_id: str, folder_exchange_id: str) -> str:
        """Returns the item's new id (Exchange gives a moved item a new one)."""
        ...

    def send_mail(self, mail: OutgoingMail) -> None:
        """Send on behalf of the director, keeping a copy in Sent Items."""
        ...

    def send_response(self, response: OutgoingResponse) -> None:
        """Reply, reply all, forward or answer a meeting request on behalf of the director,
        keeping a copy (with the marker) in Sent Items. Raises ItemGone when the mail
        answered is no longer there."""
        ...

    def resume_response(self, marker: str) -> bool:
        """After a lost answer or a failed attempt: True when the response with `marker`
        was sent (found in Sent Items or the Outbox, or found as a draft and sent now);
        False when nothing was."""
        ...

    def discard_response(self, marker: str) -> None:
        """Remove the unsent draft of the response with `marker` (none there: nothing)."""
        ...

    def create_event(self, event: EventDraft) -> tuple[str, str]:
        """Create the appointment and invite its attendees; returns (id, change key)."""
        ...

    def update_event(self, exchange_id: str, change_key: str, event: EventDraft,
                     fields: Collection[str] | None = None) -> str:
        """Change it (only `fields`, EventDraft's names, when given) and send the attendees
        an update; returns the new change key. An occurrence's id changes that one only."""
        ...

    def cancel_event(self, exchange_id: str, change_key: str, message: str = "") -> None:
        """Remove it and send the attendees a cancellation (with `message`, when given).
        An occurrence's id takes only that one out of its series."""
        ...

    def event_files(self, exchange_id: str) -> ItemFiles | None:
        """The appointment's file attachments and change key; None when it is gone."""
        ...

    def attach_to_event(self, exchange_id: str, change_key: str,
                        attachment: OutgoingAttachment) -> str:
        """Add a file to the appointment (no update to its attendees); the new change key."""
        ...

    def remove_attachment(self, attachment_id: str) -> str | None:
        """Remove an attachment (already gone: nothing); the item's new change key, if any."""
        ...

    def series_master(self, exchange_id: str) -> EventRecord | None:
        """The recurring series an occurrence belongs to (None: gone, or not one)."""
        ...

    def close(self) -> None: ...
