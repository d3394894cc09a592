"""Windows sign-in (NTLM) against the sandbox with the real exchangelib, as the CLI's default."""

from __future__ import annotations

import logging
import os
from dataclasses import replace

import pytest
import requests

from kortrijk_cockpit.exchange.errors import AuthenticationFailed
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.sync import SyncEngine, SyncOptions
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, settings_for

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def test_exchangelib_with_ntlm_syncs_from_the_sandbox(
        sandbox: SandboxServer, mailbox: Mailbox, sqlite_store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    mailbox.add_message("inbox", subject="Jaarrekening", sender=SENDER, received=NOW)
    ews = EwsBackend(replace(settings_for(sandbox, mailbox), auth="ntlm"), sandbox.password)
    try:
        report = SyncEngine(sqlite_store.session_factory, ews, clock, SyncOptions()).sync()
    finally:
        ews.close()
    assert report.created == 1
    assert "NTLM_USER_FILE" not in os.environ


@pytest.mark.parametrize("username", ["KORTRIJK\\assistent", "assistent@kortrijk.be"])
def test_ntlm_accepts_a_domain_or_upn_user_name(sandbox: SandboxServer, mailbox: Mailbox,
                                                username: str) -> None:
    settings = replace(settings_for(sandbox, mailbox), auth="ntlm", username=username)
    ews = EwsBackend(settings, sandbox.password)
    try:
        assert {f.kind.value for f in ews.folders()} >= {"inbox", "calendar"}
    finally:
        ews.close()


def test_ntlm_with_a_wrong_password_is_refused_in_dutch(
        sandbox: SandboxServer, mailbox: Mailbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kortrijk_cockpit.sandbox")
    ews = EwsBackend(replace(settings_for(sandbox, mailbox), auth="ntlm"), "fout")
    try:
        with pytest.raises(AuthenticationFailed, match="controleer gebruikersnaam en wachtwoord"):
            ews.folders()
    finally:
        ews.close()
    assert sandbox.errors == []
    # Refused by the handshake itself, not because NTLM was not offered.
    assert any("NTLM sign-in refused" in r.getMessage() for r in caplog.records)


def test_an_unauthenticated_request_is_offered_ntlm_and_basic(sandbox: SandboxServer) -> None:
    answer = requests.post(sandbox.url, data=b"<x/>", timeout=10)
    assert answer.status_code == 401
    offered = answer.headers["WWW-Authenticate"]
    assert offered.startswith("Basic") and "NTLM" in offered
