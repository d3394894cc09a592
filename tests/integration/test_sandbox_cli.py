"""A newcomer's first hour: `sandbox`, then `sync --once` with what it printed, as real processes."""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

COCKPIT = [sys.executable, "-m", "kortrijk_cockpit"]


def pump(stream: IO[str], into: queue.Queue[str]) -> threading.Thread:
    """Read `stream` line by line on a thread until EOF, then close it."""
    def read() -> None:
        with stream:
            for line in stream:
                into.put(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.fixture
def sandbox_lines() -> Iterator[list[str]]:
    """The `sandbox` command's first four lines, while it serves."""
    proc = subprocess.Popen([*COCKPIT, "sandbox", "--mails", "20", "--events", "5"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    printed: queue.Queue[str] = queue.Queue()
    reader = pump(proc.stdout, printed)
    try:
        # Bounded: a sandbox that prints fewer lines fails here instead of hanging.
        yield [printed.get(timeout=60) for _ in range(4)]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=30)
        with proc.stderr:
            err = proc.stderr.read()
    assert proc.returncode == 0, err


def test_sandbox_prints_url_mailbox_user_and_password(sandbox_lines: list[str]) -> None:
    url, mailbox, user, password = sandbox_lines
    assert url.startswith("http://127.0.0.1:") and url.endswith("/EWS/Exchange.asmx")
    assert mailbox == "algemeen.directeur@kortrijk.be"
    assert user and password and password != user


def test_sync_once_with_the_default_sign_in_works_against_the_sandbox(
        sandbox_lines: list[str], tmp_path: Path) -> None:
    url, mailbox, user, password = sandbox_lines
    # No --auth: the default is NTLM, as for the city's Exchange.
    result = subprocess.run([*COCKPIT, "--basedir", str(tmp_path), "sync", "--once",
                             "--server", url, "--mailbox", mailbox, "--user", user,
                             "--password-stdin"], input=password + "\n",
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    assert "gesynchroniseerd:" in result.stdout
    assert " 0 nieuw" not in result.stdout


def assert_one_dutch_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_sandbox_on_a_port_in_use_says_so_in_one_dutch_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        result = subprocess.run([*COCKPIT, "sandbox", "--port", str(busy)], capture_output=True,
                                text=True, timeout=60, check=False)
    assert_one_dutch_line(result, f"Poort {busy}", "al in gebruik", "--port")


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--mails", "-5", ("--mails", "0 of meer")),
    ("--events", "-1", ("--events", "0 of meer")),
    ("--mails", "veel", ("--mails", "geen geheel getal")),
    ("--port", "70000", ("--port", "tussen 0 en 65535")),
])
def test_sandbox_refuses_impossible_numbers(option: str, value: str, words: tuple[str, ...]) -> None:
    result = subprocess.run([*COCKPIT, "sandbox", option, value], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 2
    assert_one_dutch_line(result, "fout", *words)
