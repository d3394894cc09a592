"""Writing mail over Graph: categories, read state, the follow-up flag, moves, sending on
behalf of the director, replies, forwards and meeting answers (exactly once)."""

from __future__ import annotations

from kortrijk_cockpit.exchange.graph.client import GraphClient
from kortrijk_cockpit.exchange.records import FlagUpdate, OutgoingMail, OutgoingResponse


class GraphMailWriting:
    """The mail-writing half of `GraphBackend`."""

    mailbox: str
    _client: GraphClient

    def set_categories(self, exchange_id: str, change_key: str, categories: list[str]) -> str:
        raise NotImplementedError

    def set_read(self, exchange_id: str, change_key: str, is_read: bool) -> str:
        raise NotImplementedError

    def set_flag(self, exchange_id: str, change_key: str, flag: FlagUpdate) -> str:
        raise NotImplementedError

    def move(self, exchange_id: str, folder_exchange_id: str) -> str:
        raise NotImplementedError

    def send_mail(self, mail: OutgoingMail) -> None:
        raise NotImplementedError

    def send_response(self, response: OutgoingResponse) -> None:
        raise NotImplementedError

    def resume_response(self, marker: str) -> bool:
        raise NotImplementedError

    def discard_response(self, marker: str) -> None:
        raise NotImplementedError
