"""What a Graph route handler gets and returns, and how Graph says no."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from kortrijk_cockpit.sandbox.faults import Faults
from kortrijk_cockpit.sandbox.mailbox import Mailbox
from kortrijk_cockpit.sandbox.model import Address

API = "/v1.0"
JSON = "application/json; odata.metadata=minimal; charset=utf-8"


class GraphError(Exception):
    """An error answer: `{"error": {"code": ..., "message": ...}}` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def body(self) -> bytes:
        return json.dumps({"error": {"code": self.code, "message": self.message,
                                     "innerError": {"request-id": "sandbox"}}}).encode("utf-8")


def not_found(what: str = "item") -> GraphError:
    return GraphError(404, "ErrorItemNotFound",
                      f"The specified object was not found in the store. ({what})")


def bad_request(message: str, code: str = "ErrorInvalidRequest") -> GraphError:
    return GraphError(400, code, message)


@dataclass
class GraphRequest:
    method: str
    path: str  # below /v1.0/users/{mailbox}, e.g. "/messages/AAMk..."
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: Any = None  # parsed JSON, or raw bytes for an upload
    base: str = ""  # "http://127.0.0.1:port/v1.0/users/<mailbox>", for links

    def prefers(self, name: str) -> str | None:
        """A `Prefer` preference's value ("" when given without one), or None."""
        for part in self.headers.get("prefer", "").split(","):
            key, _, value = part.strip().partition("=")
            if key.strip().lower() == name.lower():
                return value.strip().strip('"')
        return None

    def link(self, path: str, **query: str) -> str:
        params = "&".join(f"{k}={quote(v, safe='')}" for k, v in query.items() if v)
        return f"{self.base}{path}" + (f"?{params}" if params else "")


@dataclass
class GraphResponse:
    status: int = 200
    body: Any = None  # JSON-able, or bytes
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = JSON

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


@dataclass
class GraphContext:
    mailbox: Mailbox
    faults: Faults
    nonces: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def next_nonce(self) -> int:
        return next(self.nonces)

    def owner(self) -> Address:
        return Address(self.mailbox.owner_name, self.mailbox.owner)

    def delegate(self) -> Address:
        return Address(self.mailbox.delegate_name, self.mailbox.delegate)


Handler = Callable[..., GraphResponse]


@dataclass(frozen=True)
class Route:
    """`pattern` matches the path below the user; named groups become keyword arguments.
    `operation` is the EWS operation it stands for (faults and the request log)."""

    method: str
    pattern: re.Pattern[str]
    operation: str
    handler: Handler


def route(method: str, pattern: str, operation: str, handler: Handler) -> Route:
    return Route(method, re.compile(f"^{pattern}$"), operation, handler)


ID = r"(?P<{}>[A-Za-z0-9_=-]+)"


def id_group(name: str) -> str:
    return ID.format(name)
