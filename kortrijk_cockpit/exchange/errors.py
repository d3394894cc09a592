"""What can go wrong talking to a mailbox, as the sync engine and the UI need to know it."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlparse

from kortrijk_cockpit.errors import UserFacingError

LATER = "De wijzigingen blijven bewaard en worden later verstuurd."


class BackendError(UserFacingError):
    """A mailbox operation failed; `user_message` says so in Dutch."""


class Offline(BackendError):
    """The server cannot be reached: try again later.

    `reason` says which step failed, for "Verbinding testen": "name" (name
    resolution), "refused", "tls", "timeout" or "network" (anything else).
    """

    def __init__(self, user_message: str, *, reason: str = "network", detail: str = "") -> None:
        super().__init__(user_message, detail=detail)
        self.reason = reason


class Throttled(BackendError):
    def __init__(self, user_message: str, *, wait_seconds: float) -> None:
        super().__init__(user_message)
        self.wait_seconds = wait_seconds


class AuthenticationFailed(BackendError):
    pass


class SignInRequired(AuthenticationFailed):
    """No usable Microsoft 365 sign-in: the assistant must sign in again in the connection dialog."""


class AccessDenied(BackendError):
    pass


class SyncStateInvalid(BackendError):
    """The server no longer knows our SyncState: resync the folder from scratch."""


class ItemConflict(BackendError):
    """The item changed on the server since we read it (stale ChangeKey)."""


class ItemGone(BackendError):
    """The item no longer exists on the server."""


class SendDenied(BackendError):
    """The delegate may not send on behalf of the director."""


# OpenSSL's reasons when the other side answered in plain HTTP, not with a TLS record.
_NOT_TLS = {"WRONG_VERSION_NUMBER", "HTTP_REQUEST", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG"}


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what it wraps: exchangelib, requests and urllib3 each add a layer."""
    seen: BaseException | None = exc
    for _ in range(12):
        if seen is None:
            return
        yield seen
        seen = seen.__cause__ or seen.__context__


def network_failure(exc: BaseException, url: str, server: str = "Exchange") -> Offline | None:
    """Why `server` at `url` could not be reached, from the exception's types; None if it was.

    The one mapping of name resolution, refused connections, TLS and timeouts
    to Dutch, for a sync and for "Verbinding testen" alike.
    """
    address = urlparse(url)
    host = address.hostname or url
    port = address.port or (443 if address.scheme == "https" else 80)
    for cause in _causes(exc):
        detail = f"{type(cause).__name__}: {cause}"[:300]
        if isinstance(cause, socket.gaierror):
            return Offline(f"De naam van de server '{host}' werd niet gevonden. Controleer het "
                           "adres en de netwerkverbinding.", reason="name", detail=detail)
        if isinstance(cause, ConnectionRefusedError):
            return Offline(f"De server '{host}' weigert de verbinding op poort {port}: {server} "
                           f"draait daar niet, of een firewall houdt ze tegen. {LATER}",
                           reason="refused", detail=detail)
        if isinstance(cause, ssl.SSLCertVerificationError):
            return Offline(f"De beveiligde verbinding met {server} werd geweigerd: het "
                           "certificaat van de server wordt niet vertrouwd. Stel het "
                           "CA-certificaat van de organisatie in (Verbinding met Exchange).",
                           reason="tls", detail=detail)
        if isinstance(cause, ssl.SSLError) and cause.reason in _NOT_TLS:
            return Offline(f"De server '{host}' spreekt geen HTTPS op poort {port}: controleer "
                           "of het adres met http:// of https:// begint.",
                           reason="tls", detail=detail)
        if isinstance(cause, ssl.SSLError):
            return Offline(f"De beveiligde verbinding (TLS) met '{host}' is mislukt "
                           f"({cause.reason or 'onbekende reden'}).", reason="tls", detail=detail)
        if isinstance(cause, TimeoutError):
            return Offline(f"{server} antwoordde niet op tijd. {LATER}", reason="timeout",
                           detail=detail)
    return None
