""""Verbinding testen" says which step fails, against the sandbox over HTTP."""

from __future__ import annotations

from dataclasses import replace

from kortrijk_cockpit.exchange.connection import check_connection
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from tests.integration.exchange_fixtures import settings_for


def test_a_working_connection_says_so(sandbox: SandboxServer, mailbox: Mailbox) -> None:
    check = check_connection(settings_for(sandbox, mailbox), sandbox.password)
    assert check.ok and check.step == "ok"
    assert "Postvak IN en Agenda" in check.message


def test_a_delegate_with_inbox_and_calendar_rights_only_passes(
        sandbox: SandboxServer, mailbox: Mailbox) -> None:
    sandbox.faults.deny_root = True
    assert check_connection(settings_for(sandbox, mailbox), sandbox.password).ok


def test_wrong_credentials_are_named(sandbox: SandboxServer, mailbox: Mailbox) -> None:
    check = check_connection(settings_for(sandbox, mailbox), "verkeerd")
    assert (check.ok, check.step) == (False, "credentials")
    assert "gebruikersnaam en wachtwoord" in check.message


def test_an_unknown_server_name_is_named(sandbox: SandboxServer, mailbox: Mailbox) -> None:
    settings = replace(settings_for(sandbox, mailbox),
                       endpoint="https://mail.kortrijk.invalid/EWS/Exchange.asmx")
    check = check_connection(settings, sandbox.password)
    assert (check.ok, check.step) == (False, "name")
    assert "mail.kortrijk.invalid" in check.message


def test_a_server_that_does_not_answer_is_named(sandbox: SandboxServer, mailbox: Mailbox) -> None:
    settings = settings_for(sandbox, mailbox)
    sandbox.stop()
    check = check_connection(settings, sandbox.password)
    assert (check.ok, check.step) == (False, "network")
    assert "later verstuurd" in check.message


def test_a_malformed_address_is_named(sandbox: SandboxServer, mailbox: Mailbox) -> None:
    settings = replace(settings_for(sandbox, mailbox), endpoint="mail.kortrijk.be")
    assert check_connection(settings, sandbox.password).step == "address"


def test_a_foreign_mailbox_without_delegate_rights_is_named(
        sandbox: SandboxServer, mailbox: Mailbox) -> None:
    settings = replace(settings_for(sandbox, mailbox), mailbox="burgemeester@kortrijk.be")
    check = check_connection(settings, sandbox.password)
    assert (check.ok, check.step) == (False, "rights")
    assert "burgemeester@kortrijk.be" in check.message
