"""Writing the calendar over Graph: appointments with attendees (one occurrence or the
series), cancellations, files on an appointment, and free/busy (getSchedule)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from kortrijk_cockpit.exchange.graph.client import GraphClient
from kortrijk_cockpit.exchange.records import BusyBlock, EventDraft, OutgoingAttachment


class GraphCalendarWriting:
    """The calendar-writing half of `GraphBackend`."""

    mailbox: str
    _client: GraphClient

    def free_busy(self, addresses: list[str], start: datetime,
                  end: datetime) -> dict[str, list[BusyBlock]]:
        raise NotImplementedError

    def create_event(self, event: EventDraft) -> tuple[str, str]:
        raise NotImplementedError

    def update_event(self, exchange_id: str, change_key: str, event: EventDraft,
                     fields: Collection[str] | None = None) -> str:
        raise NotImplementedError

    def cancel_event(self, exchange_id: str, change_key: str, message: str = "") -> None:
        raise NotImplementedError

    def attach_to_event(self, exchange_id: str, change_key: str,
                        attachment: OutgoingAttachment) -> str:
        raise NotImplementedError

    def remove_attachment(self, attachment_id: str) -> str | None:
        raise NotImplementedError
