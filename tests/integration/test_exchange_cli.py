"""`sync --once` and `sandbox` as real processes, including a kill in mid-sync."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kortrijk_cockpit.sandbox import Mailbox, SandboxServer, demo_mailbox
from tests.integration.exchange_fixtures import NOW

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")


def sync_cmd(server: SandboxServer, mailbox: Mailbox, basedir: Path,
             protocol: str = "ews") -> list[str]:
    cockpit = [sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(basedir), "sync",
               "--once"]
    if protocol == "graph":
        return [*cockpit, "--graph", "--server", server.graph_url, "--mailbox", mailbox.owner,
                "--token-stdin"]
    return [*cockpit, "--server", server.url, "--mailbox", mailbox.owner, "--user",
            server.username, "--auth", "basic", "--password-stdin"]


def secret_of(server: SandboxServer, protocol: str) -> str:
    """What the sync reads on stdin: the password, or Graph's bearer token."""
    return server.graph_token if protocol == "graph" else server.password


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=5) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_sync_once_with_the_password_on_stdin(tmp_path: Path) -> None:
    mailbox = Mailbox(owner="algemeen.directeur@kortrijk.be")
    mailbox.add_message("inbox", subject="Jaarrekening", sender=SENDER, received=NOW)
    with SandboxServer(mailbox) as server:
        result = subprocess.run(sync_cmd(server, mailbox, tmp_path), input=server.password + "\n",
                                capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "gesynchroniseerd: 1 nieuw" in result.stdout
    assert count(tmp_path / "data" / "cockpit.sqlite3", "SELECT count(*) FROM mails") == 1


def test_sync_once_with_a_wrong_password_gets_one_dutch_line(tmp_path: Path) -> None:
    mailbox = Mailbox(owner="algemeen.directeur@kortrijk.be")
    with SandboxServer(mailbox) as server:
        result = subprocess.run(sync_cmd(server, mailbox, tmp_path), input="fout\n",
                                capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Aanmelden bij Exchange is mislukt" in result.stderr


def test_sync_once_without_a_profile_says_what_to_do(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(tmp_path),
                             "sync", "--once"], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 2
    assert "nog geen Exchange-verbinding" in result.stderr


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
@pytest.mark.both_protocols
def test_a_sync_killed_between_pages_resumes_without_duplicates_or_gaps(
        tmp_path: Path, protocol: str) -> None:
    mailbox = demo_mailbox(mails=450, events=20, seed=3)
    # Private mails are never stored, so they are not expected.
    expected = sum(1 for i in mailbox.folder("inbox").items if i.sensitivity != "Private")
    db = tmp_path / "data" / "cockpit.sqlite3"
    with SandboxServer(mailbox) as server:
        server.faults.slow(0.4, count=50, operation="SyncFolderItems")
        killed = subprocess.Popen(sync_cmd(server, mailbox, tmp_path, protocol),
                                  stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, text=True)
        assert killed.stdin is not None
        killed.stdin.write(secret_of(server, protocol) + "\n")
        killed.stdin.close()
        try:
            for _ in range(600):  # bounded: until some pages of the inbox are committed
                if killed.poll() is not None:
                    break
                try:
                    if 0 < count(db, "SELECT count(*) FROM mails") < expected:
                        break
                except sqlite3.OperationalError:
                    pass  # the store is not created yet
                try:
                    killed.wait(timeout=0.05)
                except subprocess.TimeoutExpired:
                    continue
        finally:
            killed.send_signal(signal.SIGKILL)
            killed.wait(timeout=30)
        partial = count(db, "SELECT count(*) FROM mails")
        assert 0 < partial < expected, "the kill did not land between pages"

        server.faults.clear()
        again = subprocess.run(sync_cmd(server, mailbox, tmp_path, protocol),
                               input=secret_of(server, protocol) + "\n",
                               capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    inbox = ("SELECT count(*) FROM mails JOIN mail_folders f ON f.id = mails.folder_id "
             "WHERE f.kind = 'inbox'")
    assert count(db, inbox) == expected
    assert count(db, "SELECT count(*) - count(DISTINCT exchange_id) FROM mails") == 0
    assert count(db, "SELECT count(*) FROM mails WHERE body_html IS NULL") == 0


def test_sandbox_command_prints_its_endpoint_and_mailbox() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "kortrijk_cockpit", "sandbox", "--mails", "20",
                             "--events", "5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        address = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/EWS/Exchange.asmx")
        assert address == "algemeen.directeur@kortrijk.be"
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
