"""`sandbox --graph` as a real process: the Graph endpoint, mailbox, user and bearer token it
prints are enough for plain HTTP and for `sync --once --graph`."""

from __future__ import annotations

import queue
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from tests.integration.test_sandbox_cli import pump

COCKPIT = [sys.executable, "-m", "kortrijk_cockpit"]


@pytest.fixture
def graph_lines() -> Iterator[list[str]]:
    """The `sandbox --graph` command's first four lines, while it serves."""
    proc = subprocess.Popen([*COCKPIT, "sandbox", "--graph", "--mails", "20", "--events", "5"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    printed: queue.Queue[str] = queue.Queue()
    reader = pump(proc.stdout, printed)
    try:
        yield [printed.get(timeout=60) for _ in range(4)]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=30)
        with proc.stderr:
            err = proc.stderr.read()
    assert proc.returncode == 0, err


def test_sandbox_graph_prints_endpoint_mailbox_user_and_a_working_token(
        graph_lines: list[str]) -> None:
    url, mailbox, user, token = graph_lines
    assert url.startswith("http://127.0.0.1:") and url.endswith("/v1.0")
    assert mailbox == "algemeen.directeur@kortrijk.be"
    assert "@" in user and user != mailbox
    assert token and token not in (user, mailbox)
    inbox = f"{url}/users/{quote(mailbox)}/mailFolders/inbox/messages"
    with requests.Session() as http:
        signed = http.get(inbox, params={"$select": "subject", "$top": "50"},
                          headers={"Authorization": f"Bearer {token}"}, timeout=30)
        unsigned = http.get(inbox, timeout=30)
    assert signed.status_code == 200, signed.text
    assert len(signed.json()["value"]) > 0  # the demo's mail
    assert unsigned.status_code == 401


def test_sync_once_over_graph_with_what_sandbox_graph_printed(
        graph_lines: list[str], tmp_path: Path) -> None:
    url, mailbox, _user, token = graph_lines
    result = subprocess.run([*COCKPIT, "--basedir", str(tmp_path), "--debug", "sync", "--once",
                             "--graph", "--server", url, "--mailbox", mailbox, "--token-stdin"],
                            input=token + "\n", capture_output=True, text=True, timeout=180,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "gesynchroniseerd:" in result.stdout and " 0 nieuw" not in result.stdout
    with sqlite3.connect(tmp_path / "data" / "cockpit.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM mails").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM calendar_events").fetchone()[0] > 0
    # A debug log of a whole sync, and the token is not in it, nor anywhere on disk.
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "cockpit.log" for p in files)
    assert [p for p in files if token.encode() in p.read_bytes()] == []


def test_sync_once_over_graph_without_a_token_says_what_it_needs(tmp_path: Path) -> None:
    result = subprocess.run([*COCKPIT, "--basedir", str(tmp_path), "sync", "--once", "--graph",
                             "--mailbox", "algemeen.directeur@kortrijk.be"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--token-stdin" in result.stderr


def test_sandbox_without_graph_still_prints_the_ews_lines() -> None:
    proc = subprocess.Popen([*COCKPIT, "sandbox", "--mails", "5", "--events", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in range(4)]
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert lines[0].endswith("/EWS/Exchange.asmx")
    assert not lines[3].startswith("sandbox-graph-")  # the password, not the token
