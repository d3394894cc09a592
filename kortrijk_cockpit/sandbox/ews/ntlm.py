"""NTLM (Windows sign-in) for the sandbox, as IIS does it: a 3-leg handshake per TCP connection.

pyspnego's NTLM acceptor only reads the accepted credentials from the file
named by the `NTLM_USER_FILE` environment variable. Each server writes its own
file (0600) and sets the variable only around pyspnego's calls, under a lock,
so no other code (and no other sandbox in the same process) ever sees it.
"""

from __future__ import annotations

import base64
import binascii
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import spnego
from spnego.exceptions import SpnegoError

_ENV = "NTLM_USER_FILE"
_env_lock = threading.Lock()  # os.environ is process-wide
T = TypeVar("T")
Context = spnego.ContextProxy

NEGOTIATE, CHALLENGE, AUTHENTICATE = 1, 2, 3


def message_type(token: bytes) -> int:
    """1, 2 or 3 for an NTLMSSP message, 0 for anything else."""
    if len(token) < 12 or not token.startswith(b"NTLMSSP\x00"):
        return 0
    return int.from_bytes(token[8:12], "little")


class NtlmAcceptor:
    """Accepts `username` (bare, DOMAIN\\user or user@`domain`) with `password`."""

    def __init__(self, username: str, password: str, domain: str) -> None:
        fd, name = tempfile.mkstemp(prefix="sandbox-ntlm-", suffix=".txt")
        self._file = Path(name)
        # Heimdal format DOMAIN:USER:PASSWORD; pyspnego matches the domain exactly.
        lines = [f":{username}:{password}", f":{username}@{domain}:{password}"]
        netbios = domain.split(".", 1)[0].upper()
        lines += [f"{d}:{username}:{password}" for d in (netbios, domain) if d]
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")

    def close(self) -> None:
        self._file.unlink(missing_ok=True)

    @contextmanager
    def _credentials(self) -> Iterator[None]:
        with _env_lock:
            previous = os.environ.get(_ENV)
            os.environ[_ENV] = str(self._file)
            try:
                yield
            finally:
                if previous is None:
                    del os.environ[_ENV]
                else:
                    os.environ[_ENV] = previous

    def _guarded(self, fn: Callable[[], T]) -> T:
        with self._credentials():
            return fn()

    def new_context(self) -> Context:
        return self._guarded(lambda: spnego.server(protocol="ntlm"))

    def step(self, context: Context, token: bytes) -> bytes | None:
        """The next token for the client, or raises `NtlmRefused`."""
        try:
            return self._guarded(lambda: context.step(token))
        except SpnegoError as exc:
            raise NtlmRefused(str(exc)) from exc


class NtlmRefused(Exception):
    """The client's NTLM answer does not prove the password."""


def decode(header_value: str) -> bytes:
    """The token of an `NTLM <base64>` Authorization header (b"" if it is malformed)."""
    try:
        return base64.b64decode(header_value.strip(), validate=True)
    except (binascii.Error, ValueError):
        return b""
