"""Fetching one remote image of a mail the user allowed images for (Qt-free).

The address comes from a stranger, and the app runs inside the city's network:
an image at http://intranet-server/ or http://169.254.169.254/ would make the
app knock on doors the sender cannot reach (SSRF). So only public addresses
are fetched: the host's name is resolved first and every address it gives
must be public, and a direct connection checks the address it actually
reached (a name that answers differently the second time gains nothing).
Through a proxy, the proxy connects; the name's resolution is still checked.
Redirects go to http(s) only, and pass the same check.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from kortrijk_cockpit.task_context import TaskContext

FETCH_TIMEOUT_S = 10.0
MAX_IMAGE_BYTES = 5 * 1024 * 1024

AddressPolicy = Callable[[str], bool]  # an IP address as text -> may we connect to it?


class RefusedAddress(OSError):
    """The image's host is not on the public Internet."""


def is_public_address(address: str) -> bool:
    """False for loopback, private, link-local, shared (CGNAT), multicast, reserved."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # fe80::1%eth0
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return ip.is_global and not ip.is_multicast


def check_host(host: str, port: int, allowed: AddressPolicy) -> None:
    """Raise RefusedAddress unless every address `host` resolves to is allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise RefusedAddress(f"{host} does not resolve: {exc}") from exc
    addresses = {str(info[4][0]) for info in infos}
    if not addresses or not all(allowed(a) for a in addresses):
        raise RefusedAddress(f"{host} is not a public address")


def _guarded(base: type[http.client.HTTPConnection],
             allowed: AddressPolicy) -> type[http.client.HTTPConnection]:
    class Guarded(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            create = self._create_connection

            def checked(address: Any, *more: Any, **options: Any) -> socket.socket:
                sock = create(address, *more, **options)
                peer = str(sock.getpeername()[0])
                if not allowed(peer):  # before a byte (or a TLS hello) is sent
                    sock.close()
                    raise RefusedAddress(f"{peer} is not a public address")
                return sock
            self._create_connection = checked
    return Guarded


class _GuardedHTTP(urllib.request.HTTPHandler):
    def __init__(self, allowed: AddressPolicy) -> None:
        super().__init__()
        self.allowed = allowed

    def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        return super().do_open(_guarded(http_class, self.allowed), req, **kwargs)


class _GuardedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, allowed: AddressPolicy) -> None:
        super().__init__()
        self.allowed = allowed

    def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        return super().do_open(_guarded(http_class, self.allowed), req, **kwargs)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """An image may move to another public web address, never to ftp:, a file or inside."""

    def __init__(self, allowed: AddressPolicy) -> None:
        super().__init__()
        self.allowed = allowed

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        parts = urllib.parse.urlsplit(newurl)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        check_host(parts.hostname, _port(parts), self.allowed)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _port(parts: urllib.parse.SplitResult) -> int:
    return parts.port or (443 if parts.scheme.lower() == "https" else 80)


def _through_proxy(parts: urllib.parse.SplitResult) -> bool:
    proxies = urllib.request.getproxies()
    return parts.scheme.lower() in proxies and not urllib.request.proxy_bypass(
        parts.hostname or "")


def fetch_image(url: str, ctx: TaskContext, *,
                allowed: AddressPolicy = is_public_address) -> bytes:
    """The image's bytes, at most MAX_IMAGE_BYTES; raises OSError otherwise
    (RefusedAddress for a host that is not public)."""
    ctx.check_cancelled()  # queued behind others and the mail is gone: never asked
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise OSError(f"not a web address: {url!r}")
    check_host(parts.hostname, _port(parts), allowed)
    peer_allowed: AddressPolicy = (lambda _peer: True) if _through_proxy(parts) else allowed
    opener = urllib.request.build_opener(_CheckedRedirects(allowed), _GuardedHTTP(peer_allowed),
                                         _GuardedHTTPS(peer_allowed))
    request = urllib.request.Request(url, headers={"User-Agent": "KortrijkCockpit"})
    with opener.open(request, timeout=FETCH_TIMEOUT_S) as response:
        data = bytearray()
        while chunk := response.read(64 * 1024):
            ctx.check_cancelled()
            data += chunk
            if len(data) > MAX_IMAGE_BYTES:
                raise OSError(f"image larger than {MAX_IMAGE_BYTES} bytes")
    return bytes(data)
