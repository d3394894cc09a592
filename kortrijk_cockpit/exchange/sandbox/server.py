"""The loopback EWS endpoint: HTTP/1.1 keep-alive, Basic auth, fault injection, dispatch.

Each connection gets a thread (exchangelib keeps its connections open), and
`stop()` closes open connections and joins every thread, so tests leave no
sockets or threads behind.
"""

from __future__ import annotations

import base64
import binascii
import logging
import socket
import ssl
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

from lxml import etree

from kortrijk_cockpit.exchange.sandbox.faults import BUSY, DROP, SLOW, STATUS, Fault, Faults
from kortrijk_cockpit.exchange.sandbox.mailbox import Mailbox
from kortrijk_cockpit.exchange.sandbox.ops import OPERATIONS, Context
from kortrijk_cockpit.exchange.sandbox.soapxml import (
    SoapFault,
    envelope,
    parse_envelope,
    server_busy_fault,
)

log = logging.getLogger(__name__)

EWS_PATH = "/EWS/Exchange.asmx"
USERNAME = "assistent"
PASSWORD = "sandbox-wachtwoord"
_XML = "text/xml; charset=utf-8"
_REASONS = {401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
            500: "Internal Server Error", 503: "Service Unavailable"}


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = False  # joined in server_close(): no thread outlives stop()
    block_on_close = True

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: socket.socket,  # type: ignore[override]
                        client_address: tuple[str, int]) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        """Wake handler threads that wait on idle keep-alive connections."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so exchangelib's connection pool is used
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""
    server: _HttpServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._send(405, b"Only POST is supported.", "text/plain; charset=utf-8")

    def do_POST(self) -> None:
        sandbox = self.server.sandbox
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else b""
        if self.path.split("?", 1)[0].lower() != EWS_PATH.lower():
            self._send(404, b"Not found.", "text/plain; charset=utf-8")
            return
        if not sandbox.authorized(self.headers.get("Authorization")):
            self._send(401, b"401 - Unauthorized: Access is denied due to invalid credentials.",
                       "text/plain; charset=utf-8",
                       {"WWW-Authenticate": 'Basic realm="127.0.0.1"'})
            return
        try:
            _, request = parse_envelope(data)
        except ValueError as exc:
            self._send(500, SoapFault("ErrorSchemaValidation", str(exc)).to_bytes())
            return
        operation = etree.QName(request).localname
        sandbox.record(operation)
        fault = sandbox.faults.take(operation)
        if fault is not None and self._inject(fault):
            return
        status, payload = sandbox.dispatch(operation, request)
        self._send(status, payload)

    def _inject(self, fault: Fault) -> bool:
        """Apply a fault; True if it replaced the response."""
        if fault.kind == BUSY:
            self._send(500, server_busy_fault(fault.backoff_ms).to_bytes())
            return True
        if fault.kind == STATUS:
            headers = {}
            if fault.status == 401:
                headers["WWW-Authenticate"] = 'Basic realm="127.0.0.1"'
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

    def _send(self, status: int, payload: bytes, content_type: str = _XML,
              headers: dict[str, str] | None = None) -> None:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'OK' if status == 200 else 'Error')}",
                 f"Server: {self.server_version}", f"Date: {self.date_time_string()}",
                 f"Content-Type: {content_type}", f"Content-Length: {len(payload)}"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            self.wfile.write(head + payload)  # one write: no Nagle / delayed-ACK stall
        except OSError:  # the client gave up (timeout) or the server is stopping
            self.close_connection = True
        self.log_request(status, len(payload))


class SandboxServer:
    """A loopback EWS server for `mailbox`, signed in to as the director's assistant."""

    def __init__(self, mailbox: Mailbox, *, port: int = 0, host: str = "127.0.0.1",
                 username: str = USERNAME, password: str = PASSWORD,
                 tls: ssl.SSLContext | None = None) -> None:
        self.mailbox = mailbox
        self.tls = tls  # serve HTTPS with this context (tests of certificates and CA bundles)
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.faults = Faults()
        self.requests: list[str] = []  # operation names, in the order received
        self.errors: list[str] = []  # tracebacks of requests the server failed on (bugs)
        self.stopping = threading.Event()
        self._context = Context(mailbox, self.faults)
        self._lock = threading.Lock()
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The endpoint; still known after stop(), to test a server that went away."""
        if self.port == 0:
            raise RuntimeError("The sandbox server has not been started (no port yet)")
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}{EWS_PATH}"

    def start(self) -> Self:
        if self._httpd is not None:
            raise RuntimeError("The sandbox server is already running")
        self.stopping.clear()
        self._httpd = _HttpServer((self.host, self.port), self)
        if self.tls is not None:
            self._httpd.socket = self.tls.wrap_socket(self._httpd.socket, server_side=True)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"ews-sandbox-{self.port}")
        self._thread.start()
        log.info("EWS sandbox on %s for %s", self.url, self.mailbox.owner)
        return self

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        self.stopping.set()
        httpd.shutdown()
        thread.join()
        httpd.close_open_connections()
        httpd.server_close()  # joins the connection threads
        self._httpd = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- called from the handler threads -------------------------------------------------
    def authorized(self, header: str | None) -> bool:
        if not header or not header.lower().startswith("basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        user, _, password = decoded.partition(":")
        user = user.rsplit("\\", 1)[-1].split("@", 1)[0]  # DOMAIN\user and user@domain too
        return user.lower() == self.username.lower() and password == self.password

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
