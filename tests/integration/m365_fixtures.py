"""Fixtures for Microsoft 365 sign-in: a fake Entra ID authority and an EWS sandbox that takes its tokens."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import exchangelib
import pytest

from kortrijk_cockpit.exchange.ews import EwsSettings
from kortrijk_cockpit.exchange.m365 import M365Session
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.authority import FakeAuthority
from tests.integration.fake_browser import SigningInBrowser
from tests.integration.test_exchange_tls import internal_ca_certificate


@dataclass
class Cloud:
    """Microsoft 365 on loopback: the sign-in authority and Exchange Online's EWS."""

    authority: FakeAuthority
    ews: SandboxServer
    ca_bundle: str

    def settings(self, mailbox: Mailbox) -> EwsSettings:
        return EwsSettings(endpoint=self.ews.url, mailbox=mailbox.owner,
                           username=self.authority.username, auth="oauth2",
                           server_build=(15, 2), ca_bundle=self.ca_bundle,
                           authority=self.authority.authority_url,
                           client_id=self.authority.client_id)

    def session(self) -> M365Session:
        return M365Session(self.authority.authority_url, self.authority.client_id,
                           ca_bundle=self.ca_bundle)

    def browser(self) -> SigningInBrowser:
        return SigningInBrowser(self.ca_bundle)


@pytest.fixture
def cloud(tmp_path: Path, mailbox: Mailbox) -> Iterator[Cloud]:
    cert, key = internal_ca_certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FakeAuthority(tls=context) as authority, \
            SandboxServer(mailbox, tls=context, bearer=authority) as ews:
        yield Cloud(authority, ews, str(cert))
    exchangelib.close_connections()


def never_cancelled() -> bool:
    return False
