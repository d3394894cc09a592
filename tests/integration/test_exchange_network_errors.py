"""Why Exchange cannot be reached, in Dutch: the real exchangelib against loopback failures."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from exchangelib.protocol import BaseProtocol

from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.errors import Offline
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.graph import client as graph_client
from kortrijk_cockpit.exchange.graph.backend import GraphBackend
from kortrijk_cockpit.exchange.graph.settings import StaticToken
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from tests.integration.exchange_fixtures import graph_settings_for, settings_for


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on (bound once, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def offline_for(sandbox: SandboxServer, mailbox: Mailbox, endpoint: str,
                protocol: str = "ews") -> Offline:
    """`endpoint` is an EWS address; over Graph, the Graph address on the same origin."""
    backend: MailboxBackend
    if protocol == "graph":
        graph = endpoint.replace("/EWS/Exchange.asmx", "/v1.0")
        backend = GraphBackend(replace(graph_settings_for(sandbox, mailbox), endpoint=graph),
                               StaticToken(sandbox.graph_token))
    else:
        backend = EwsBackend(replace(settings_for(sandbox, mailbox), endpoint=endpoint),
                             sandbox.password)
    try:
        with pytest.raises(Offline) as failed:
            backend.folders()
    finally:
        backend.close()
    return failed.value


@pytest.mark.both_protocols
def test_a_refused_connection_says_the_server_refuses(sandbox: SandboxServer, mailbox: Mailbox,
                                                      closed_port: int, protocol: str) -> None:
    failure = offline_for(sandbox, mailbox, f"http://127.0.0.1:{closed_port}/EWS/Exchange.asmx",
                          protocol)
    assert "weigert de verbinding" in failure.user_message
    assert str(closed_port) in failure.user_message
    assert "niet op tijd" not in failure.user_message


@pytest.mark.both_protocols
def test_an_unknown_host_says_its_name_was_not_found(sandbox: SandboxServer,
                                                     mailbox: Mailbox, protocol: str) -> None:
    failure = offline_for(sandbox, mailbox, "https://mail.kortrijk.invalid/EWS/Exchange.asmx",
                          protocol)
    assert "naam" in failure.user_message and "niet gevonden" in failure.user_message
    assert "mail.kortrijk.invalid" in failure.user_message
    assert failure.reason == "name"


@pytest.mark.both_protocols
def test_https_to_a_plain_http_port_says_it_speaks_no_https(
        sandbox: SandboxServer, mailbox: Mailbox, protocol: str) -> None:
    failure = offline_for(sandbox, mailbox, sandbox.url.replace("http://", "https://"), protocol)
    assert "geen HTTPS" in failure.user_message
    assert "certificaat" not in failure.user_message


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """exchangelib waits 120 s for an answer, the Graph client 60 s; a silent server need
    not take that long here."""
    previous = BaseProtocol.TIMEOUT
    BaseProtocol.TIMEOUT = 1
    monkeypatch.setattr(graph_client, "TIMEOUT", (1.0, 1.0))
    yield
    BaseProtocol.TIMEOUT = previous


@pytest.mark.both_protocols
def test_a_silent_server_still_did_not_answer_in_time(sandbox: SandboxServer, mailbox: Mailbox,
                                                      short_timeout: None, protocol: str) -> None:
    sandbox.faults.slow(30, operation="GetFolder")
    failure = offline_for(sandbox, mailbox, sandbox.url, protocol)
    assert "antwoordde niet op tijd" in failure.user_message


@pytest.mark.both_protocols
def test_sync_once_names_the_refused_connection(tmp_path: Path, closed_port: int,
                                                protocol: str) -> None:
    how = (["--graph", "--server", f"http://127.0.0.1:{closed_port}/v1.0", "--token-stdin"]
           if protocol == "graph" else
           ["--server", f"http://127.0.0.1:{closed_port}/EWS/Exchange.asmx", "--user",
            "assistent", "--password-stdin"])
    result = subprocess.run(
        [sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(tmp_path), "sync", "--once",
         "--mailbox", "algemeen.directeur@kortrijk.be", *how], input="wachtwoord\n",
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "weigert de verbinding" in result.stderr
