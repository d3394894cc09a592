"""The loopback EWS endpoint: HTTP/1.1 keep-alive, NTLM, Basic or Bearer auth, fault injection, dispatch.

The same server answers Microsoft Graph under `/v1.0` (`sandbox/graph/`), over the
same mailbox and with the same faults, signed in with a bearer token only.

It also answers SOAP Autodiscover (`autodiscover.py`) for the mailbox owner, with
`public_url` as the EWS address, so clients can find it from the director's address.

Each connection gets a thread (exchangelib keeps its connections open), and
`stop()` closes open connections and joins every thread, so tests leave no
sockets or threads behind.
"""

from __future__ import annotations

import base64
import binascii
import logging
import secrets
import socket
import ssl
import threading
import traceback
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Protocol, Self

from lxml import etree

from kortrijk_cockpit.sandbox.ews import autodiscover, ntlm
from kortrijk_cockpit.sandbox.ews.autodiscover import AUTODISCOVER_PATH
from kortrijk_cockpit.sandbox.ews.ops import OPERATIONS, Context
from kortrijk_cockpit.sandbox.ews.soapxml import (
    SoapFault,
    envelope,
    parse_envelope,
    server_busy_fault,
)
from kortrijk_cockpit.sandbox.faults import BUSY, DROP, LOSE_ANSWER, SLOW, STATUS, Fault, Faults
from kortrijk_cockpit.sandbox.graph import front as graph_front
from kortrijk_cockpit.sandbox.graph.http import API as GRAPH_API
from kortrijk_cockpit.sandbox.graph.http import GraphContext, GraphError
from kortrijk_cockpit.sandbox.loopback import LoopbackHttpServer
from kortrijk_cockpit.sandbox.mailbox import Mailbox

log = logging.getLogger(__name__)

EWS_PATH = "/EWS/Exchange.asmx"
USERNAME = "assistent"
PASSWORD = "sandbox-wachtwoord"
_XML = "text/xml; charset=utf-8"
_REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 409: "Conflict", 410: "Gone", 412: "Precondition Failed",
            429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}
_GRAPH_CODES = {401: "InvalidAuthenticationToken", 429: "TooManyRequests",
                503: "ServiceUnavailable", 504: "GatewayTimeout"}


class BearerCheck(Protocol):
    """Who an OAuth access token belongs to (see `authority.FakeAuthority`)."""

    def user_for(self, access_token: str) -> str | None: ...

    def scopes_of(self, access_token: str) -> frozenset[str]: ...


# What Exchange Online says when the tenant blocks EWS for an app (EWSEnabled / EWSAllowedAppIDs).
EWS_BLOCKED_DIAGNOSTIC = ("2000008;reason=\"EWS is blocked for this app by the tenant's "
                          "EWSAllowedAppIDs policy\";error_category=\"invalid_client\"")


class _HttpServer(LoopbackHttpServer):
    def __init__(self, address: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so exchangelib's connection pool is used
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""
    server: _HttpServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # NTLM signs in the TCP connection, not a request (one handler per connection).
        self._ntlm_context: ntlm.Context | None = None
        self._ntlm_signed_in = False

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def _is_graph(self) -> bool:
        path = self._path()
        return path.startswith(GRAPH_API.lower() + "/") or path.startswith(graph_front.UNSIGNED_PREFIX)

    def do_PATCH(self) -> None:
        self._graph()

    def do_DELETE(self) -> None:
        self._graph()

    def do_PUT(self) -> None:
        self._graph()

    def do_GET(self) -> None:
        if self._is_graph():
            self._graph()
            return
        if self._path() == AUTODISCOVER_PATH:
            # exchangelib probes candidate autodiscover URLs (HEAD, and GET in step 3) and only
            # needs an answer; like IIS, the service page wants a signed-in user.
            if self._deny_unauthorized():
                return
            self._send(200, autodiscover.AUTODISCOVER_PAGE, "text/html; charset=utf-8")
            return
        self._send(405, b"Only POST is supported.", "text/plain; charset=utf-8")

    def do_HEAD(self) -> None:
        self.do_GET()  # the same status and headers; _send leaves out the body

    def do_POST(self) -> None:
        if self._is_graph():
            self._graph()
            return
        sandbox = self.server.sandbox
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else b""
        if self._path() not in (EWS_PATH.lower(), AUTODISCOVER_PATH):
            self._send(404, b"Not found.", "text/plain; charset=utf-8")
            return
        if self._deny_unauthorized():
            return
        if sandbox.faults.ews_blocked:  # Exchange Online, the tenant not allowing this app
            self._send(403, b"403 - Forbidden", "text/plain; charset=utf-8",
                       {"X-MS-Diagnostics": EWS_BLOCKED_DIAGNOSTIC})
            return
        if self._path() == AUTODISCOVER_PATH:
            self._autodiscover(data)
            return
        try:
            _, request = parse_envelope(data)
        except ValueError as exc:
            self._send(500, SoapFault("ErrorSchemaValidation", str(exc)).to_bytes())
            return
        operation = etree.QName(request).localname
        sandbox.record(operation)
        sandbox.delay()
        fault = sandbox.faults.take(operation)
        if fault is not None and self._inject(fault):
            return
        status, payload = sandbox.dispatch(operation, request)
        if fault is not None and fault.kind == LOSE_ANSWER:
            self.close_connection = True  # done, but the answer never reaches the client
            return
        self._send(status, payload)

    # -- Microsoft Graph ---------------------------------------------------------------
    def _graph(self) -> None:
        sandbox = self.server.sandbox
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        unsigned = self._path().startswith(graph_front.UNSIGNED_PREFIX)
        if not unsigned and not sandbox.graph_authorized(self.headers.get("Authorization")):
            self._graph_error(GraphError(401, "InvalidAuthenticationToken",
                                         "Access token is empty or invalid."),
                              {"WWW-Authenticate": 'Bearer realm="", error="invalid_token"'})
            return
        if sandbox.faults.graph_not_enabled and not unsigned:  # the mailbox is on-premises
            self._graph_error(GraphError(404, "MailboxNotEnabledForRESTAPI",
                                         "The mailbox is either inactive, soft-deleted, or is "
                                         "hosted on-premise."))
            return
        try:
            resolved = graph_front.resolve(sandbox.graph, self.command, self.path, headers, data,
                                           sandbox.origin)
        except GraphError as error:
            self._graph_error(error)
            return
        sandbox.record(resolved.operation)
        sandbox.delay()
        fault = sandbox.faults.take(resolved.operation)
        if fault is not None and self._inject_graph(fault):
            return
        answer = graph_front.dispatch(sandbox.graph, resolved, sandbox.errors)
        if fault is not None and fault.kind == LOSE_ANSWER:
            self.close_connection = True  # done, but the answer never reaches the client
            return
        self._send(answer.status, answer.payload(), answer.content_type,
                   dict(answer.headers))

    def _graph_error(self, error: GraphError, headers: dict[str, str] | None = None) -> None:
        self._send(error.status, error.body(), "application/json; charset=utf-8",
                   {**error.headers, **(headers or {})})

    def _inject_graph(self, fault: Fault) -> bool:
        """A fault as Graph shows it: throttling is 429 with Retry-After (in seconds; the
        sandbox allows fractions, so tests need not wait whole seconds)."""
        if fault.kind == BUSY:
            seconds = f"{fault.backoff_ms / 1000:g}"
            self._graph_error(GraphError(429, "ApplicationThrottled",
                                         "Application is over its MailboxConcurrency limit."),
                              {"Retry-After": seconds})
            return True
        if fault.kind == STATUS:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            if fault.status == 401:
                headers["WWW-Authenticate"] = 'Bearer realm="", error="invalid_token"'
            code = _GRAPH_CODES.get(fault.status, "UnknownError")
            self._graph_error(GraphError(fault.status, code, f"{fault.status} - {code}"), headers)
            return True
        return self._inject(fault)  # dropped, slow: as for EWS

    def _path(self) -> str:
        return self.path.split("?", 1)[0].lower()

    def _deny_unauthorized(self) -> bool:
        """Answer 401 with a challenge unless the request is signed in; True if it was not."""
        header = self.headers.get("Authorization")
        if header and header[:5].lower() == "ntlm ":
            return self._ntlm_step(ntlm.decode(header[5:]))
        if header is None and self._ntlm_signed_in:
            return False
        if self.server.sandbox.authorized(header):
            return False
        self._refuse()
        return True

    def _refuse(self, challenge: list[str] | None = None) -> None:
        self._send(401, b"401 - Unauthorized: Access is denied due to invalid credentials.",
                   "text/plain; charset=utf-8", {"WWW-Authenticate": challenge or self._challenge()})

    def _ntlm_step(self, token: bytes) -> bool:
        """One leg of the NTLM handshake; True if the request was answered (401)."""
        acceptor = self.server.sandbox.ntlm
        kind = ntlm.message_type(token)
        context, self._ntlm_context = self._ntlm_context, None
        self._ntlm_signed_in = False
        try:
            if acceptor is not None and kind == ntlm.NEGOTIATE:
                context = acceptor.new_context()
                challenge = acceptor.step(context, token) or b""
                self._ntlm_context = context
                self._refuse([f"NTLM {base64.b64encode(challenge).decode()}"])
                return True
            if acceptor is not None and kind == ntlm.AUTHENTICATE and context is not None:
                acceptor.step(context, token)
                self._ntlm_signed_in = True
                return False
        except ntlm.NtlmRefused as exc:
            log.info("NTLM sign-in refused: %s", exc)
        self._refuse()
        return True

    def _autodiscover(self, data: bytes) -> None:
        sandbox = self.server.sandbox
        sandbox.record("GetUserSettings")  # the only autodiscover operation the sandbox serves
        fault = sandbox.faults.take("GetUserSettings")
        if fault is not None and self._inject(fault):
            return
        self._send(*autodiscover.respond(sandbox.mailbox, sandbox.advertised_url, data))

    def _inject(self, fault: Fault) -> bool:
        """Apply a fault; True if it replaced the response."""
        if fault.kind == BUSY:
            self._send(500, server_busy_fault(fault.backoff_ms).to_bytes())
            return True
        if fault.kind == STATUS:
            headers: dict[str, str | list[str]] = {}
            if fault.status == 401:
                headers["WWW-Authenticate"] = self._challenge()
            if fault.retry_after is not None:
                headers["Retry-After"] = str(fault.retry_after)
            reason = _REASONS.get(fault.status, "Error")
            self._send(fault.status, f"{fault.status} - {reason}".encode(),
                       "text/plain; charset=utf-8", headers)
            return True
        if fault.kind == DROP:
            self.close_connection = True  # no response: the socket just closes
            return True
        if fault.kind == SLOW and self.server.sandbox.stopping.wait(fault.seconds):
            self.close_connection = True  # stopping: don't hold up shutdown
            return True
        return False

    def _challenge(self) -> list[str]:
        if self.server.sandbox.bearer is not None:
            return ["Bearer"]
        return ['Basic realm="127.0.0.1"', "NTLM"]  # one header each, as IIS sends them

    def _send(self, status: int, payload: bytes, content_type: str = _XML,
              headers: dict[str, str | list[str]] | None = None) -> None:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'OK' if status == 200 else 'Error')}",
                 f"Server: {self.server_version}", f"Date: {self.date_time_string()}",
                 f"Content-Type: {content_type}", f"Content-Length: {len(payload)}"]
        for key, value in (headers or {}).items():
            lines += [f"{key}: {v}" for v in ([value] if isinstance(value, str) else value)]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        body = b"" if self.command == "HEAD" else payload  # HEAD: Content-Length, no body
        try:
            self.wfile.write(head + body)  # one write: no Nagle / delayed-ACK stall
        except OSError:  # the client gave up (timeout) or the server is stopping
            self.close_connection = True
        self.log_request(status, len(payload))


class SandboxServer:
    """A loopback EWS server for `mailbox`, signed in to as the director's assistant."""

    def __init__(self, mailbox: Mailbox, *, port: int = 0, host: str = "127.0.0.1",
                 username: str = USERNAME, password: str = PASSWORD,
                 tls: ssl.SSLContext | None = None, bearer: BearerCheck | None = None,
                 public_url: str | None = None) -> None:
        self.mailbox = mailbox
        self.bearer = bearer  # accept Microsoft 365 access tokens this authority issued
        self.tls = tls  # serve HTTPS with this context (tests of certificates and CA bundles)
        self.host = host
        self.port = port
        # The EWS address autodiscover advertises: a name clients resolve (behind a proxy
        # or in a test network), where `url` is the socket the server listens on.
        self.public_url = public_url
        self.username = username
        self.password = password
        self.faults = Faults()
        self.requests: list[str] = []  # operation names, in the order received
        self.errors: list[str] = []  # tracebacks of requests the server failed on (bugs)
        self.stopping = threading.Event()
        self._context = Context(mailbox, self.faults)
        self.graph = GraphContext(mailbox, self.faults)
        # The bearer token Graph accepts from the assistant without a sign-in (tests, demo);
        # tokens of `bearer` (a FakeAuthority) are accepted as well.
        self.graph_token = "sandbox-graph-" + secrets.token_urlsafe(24)
        self._lock = threading.Lock()
        self._httpd: _HttpServer | None = None
        self.ntlm: ntlm.NtlmAcceptor | None = None  # while running

    @property
    def url(self) -> str:
        """The endpoint; still known after stop(), to test a server that went away."""
        if self.port == 0:
            raise RuntimeError("The sandbox server has not been started (no port yet)")
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}{EWS_PATH}"

    @property
    def origin(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}"

    @property
    def graph_url(self) -> str:
        """The Graph endpoint: `https://graph.microsoft.com/v1.0` of this sandbox."""
        if self.port == 0:
            raise RuntimeError("The sandbox server has not been started (no port yet)")
        return f"{self.origin}{GRAPH_API}"

    @property
    def advertised_url(self) -> str:
        """The EWS address autodiscover answers with: `public_url`, else `url`."""
        return self.public_url or self.url

    def start(self) -> Self:
        if self._httpd is not None:
            raise RuntimeError("The sandbox server is already running")
        self.stopping.clear()
        self._httpd = _HttpServer((self.host, self.port), self)
        self.ntlm = ntlm.NtlmAcceptor(self.username, self.password,
                                      self.mailbox.owner.rpartition("@")[2])
        if self.tls is not None:
            self._httpd.socket = self.tls.wrap_socket(self._httpd.socket, server_side=True)
        self.port = self._httpd.server_address[1]
        self._httpd.serve_in_background(f"ews-sandbox-{self.port}")
        log.info("EWS sandbox on %s for %s", self.url, self.mailbox.owner)
        return self

    def stop(self) -> None:
        httpd = self._httpd
        if httpd is None:
            return
        self.stopping.set()
        httpd.stop()
        self._httpd = None
        if self.ntlm is not None:
            self.ntlm.close()
            self.ntlm = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- called from the handler threads -------------------------------------------------
    def authorized(self, header: str | None) -> bool:
        if header and header.lower().startswith("bearer ") and self.bearer is not None:
            user = self.bearer.user_for(header[7:].strip())
            return user is not None and user.split("@", 1)[0].lower() == self.username.lower()
        if not header or not header.lower().startswith("basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        user, _, password = decoded.partition(":")
        user = user.rsplit("\\", 1)[-1].split("@", 1)[0]  # DOMAIN\user and user@domain too
        return user.lower() == self.username.lower() and password == self.password

    def graph_authorized(self, header: str | None) -> bool:
        """A bearer token of the assistant: the sandbox's own, or one `bearer` issued."""
        if not header or not header.lower().startswith("bearer "):
            return False
        token = header[7:].strip()
        if secrets.compare_digest(token, self.graph_token):
            return True
        if self.bearer is None:
            return False
        user = self.bearer.user_for(token)
        graph = any(s.startswith("https://graph.microsoft.com/") for s in self.bearer.scopes_of(token))
        return graph and user is not None and user.split("@", 1)[0].lower() == self.username.lower()

    def delay(self) -> None:
        """The network's round trip, when one is set (`faults.latency_s`)."""
        if self.faults.latency_s > 0:
            self.stopping.wait(self.faults.latency_s)

    def record(self, operation: str) -> None:
        with self._lock:
            self.requests.append(operation)

    def dispatch(self, operation: str, request: etree._Element) -> tuple[int, bytes]:
        handler = OPERATIONS.get(operation)
        try:
            if handler is None:
                raise SoapFault("ErrorInvalidRequest",
                                f"The request is invalid: {operation} is not supported by the sandbox.")
            # One operation at a time: each sees (and leaves) a consistent mailbox.
            with self.mailbox.lock:
                body = handler(self._context, request)
            return 200, envelope(body)
        except SoapFault as fault:
            return 500, fault.to_bytes()
        except Exception:
            log.exception("EWS sandbox failed on %s", operation)
            with self._lock:
                self.errors.append(traceback.format_exc())
            return 500, SoapFault("ErrorInternalServerError",
                                  "An internal server error occurred. The operation failed.").to_bytes()
