"""Fixtures for tests that run the real EWS client against the sandbox server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import exchangelib
import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings
from kortrijk_cockpit.exchange.graph.backend import GraphBackend
from kortrijk_cockpit.exchange.graph.settings import GraphSettings, StaticToken
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.graph.ids import from_rest, to_rest

BXL = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BXL)


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox(owner="algemeen.directeur@kortrijk.be")


@pytest.fixture
def sandbox(mailbox: Mailbox) -> Iterator[SandboxServer]:
    with SandboxServer(mailbox) as server:
        yield server
    exchangelib.close_connections()


def settings_for(server: SandboxServer, mailbox: Mailbox) -> EwsSettings:
    return EwsSettings(endpoint=server.url, mailbox=mailbox.owner, username=server.username,
                       auth="basic", server_build=(15, 2))


def graph_settings_for(server: SandboxServer, mailbox: Mailbox) -> GraphSettings:
    return GraphSettings(mailbox=mailbox.owner, username=mailbox.delegate,
                         endpoint=server.graph_url)


PROTOCOLS = ("ews", "graph")


@pytest.fixture
def protocol(request: pytest.FixtureRequest) -> str:
    """Which protocol `backend` speaks: EWS, unless the module is marked
    `both_protocols` (then each test runs once over EWS and once over Graph)."""
    return str(getattr(request, "param", "ews"))


def make_backend(protocol: str, server: SandboxServer, mailbox: Mailbox) -> MailboxBackend:
    if protocol == "graph":
        return GraphBackend(graph_settings_for(server, mailbox), StaticToken(server.graph_token))
    return EwsBackend(settings_for(server, mailbox), server.password)


def stored_as(item_id: str) -> tuple[str, str]:
    """What the store may keep for a sandbox item: its EWS id, or its REST id over Graph."""
    return item_id, to_rest(item_id)


def server_id(exchange_id: str) -> str:
    """The sandbox mailbox's own (EWS) id of an id the store keeps."""
    return from_rest(exchange_id) or exchange_id


def backend_id(protocol: str, ews_id: str) -> str:
    """The id a backend of `protocol` uses for a mailbox item (as a sync would store it)."""
    return to_rest(ews_id) if protocol == "graph" else ews_id


@pytest.fixture
def backend(sandbox: SandboxServer, mailbox: Mailbox, protocol: str) -> Iterator[MailboxBackend]:
    made = make_backend(protocol, sandbox, mailbox)
    yield made
    made.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps its items in memory (CI has no OS keyring).

    Like Windows Credential Manager, it refuses a secret of more than 2,560
    bytes in UTF-16 (1,280 characters).
    """

    priority = 1  # type: ignore[assignment]
    MAX_CHARS = 1280

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if len(password) > self.MAX_CHARS:
            raise PasswordSetError("The stub received invalid data (Windows error 1783)")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)
