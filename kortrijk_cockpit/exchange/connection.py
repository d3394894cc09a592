""""Verbinding testen": which step of reaching the director's mailbox fails, in Dutch.

Without an address, autodiscover finds it first. The steps follow the order
in which a real connection fails: the server's name, the network and TLS, the
assistant's credentials (for Microsoft 365: her sign-in), then the delegate
rights on the director's Inbox and Calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlparse

from kortrijk_cockpit.exchange.errors import (
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    Offline,
)
from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings, Secret


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    step: str  # "address", "discover", "name", "network", "credentials", "rights", "ok"
    message: str
    endpoint: str = ""  # the EWS address that was checked (found by autodiscover if none given)


def check_connection(settings: EwsSettings, secret: Secret) -> ConnectionCheck:
    if not settings.endpoint and isinstance(secret, str):
        from kortrijk_cockpit.exchange.discovery import discover_endpoint

        try:
            endpoint = discover_endpoint(settings.mailbox, settings.username, secret,
                                         auth=settings.auth, ca_bundle=settings.ca_bundle)
        except AuthenticationFailed as exc:
            return ConnectionCheck(False, "credentials", exc.user_message)
        except BackendError as exc:
            return ConnectionCheck(False, "discover", exc.user_message)
        settings = replace(settings, endpoint=endpoint)
    return replace(_check(settings, secret), endpoint=settings.endpoint)


def _check(settings: EwsSettings, secret: Secret) -> ConnectionCheck:
    url = urlparse(settings.endpoint)
    if url.scheme not in ("http", "https") or not url.hostname:
        return ConnectionCheck(False, "address", "Het EWS-adres is ongeldig. Het ziet eruit als "
                               "https://mail.kortrijk.be/EWS/Exchange.asmx.")
    try:
        backend = EwsBackend(settings, secret)  # Microsoft 365: takes a token first
    except Offline as exc:
        return _offline(exc)
    except BackendError as exc:  # not signed in (any more), or the tenant is wrong
        return ConnectionCheck(False, "credentials", exc.user_message)
    try:
        try:
            names = {f.kind.value for f in backend.folders()}
        except Offline as exc:  # the server's name, the network or TLS: ews.py tells which
            return _offline(exc)
        except AuthenticationFailed as exc:
            return ConnectionCheck(False, "credentials", exc.user_message)
        except AccessDenied:
            return ConnectionCheck(False, "rights", (
                f"U bent aangemeld, maar u hebt geen gedelegeerde rechten op de mailbox van "
                f"{settings.mailbox}. Vraag rechten op Postvak IN en Agenda aan de "
                "informaticadienst."))
        except BackendError as exc:
            return ConnectionCheck(False, "network", exc.user_message)
        if not {"inbox", "calendar"} <= names:
            return ConnectionCheck(False, "rights", "Postvak IN of Agenda van de algemeen "
                                   "directeur is niet zichtbaar met uw rechten.")
        return ConnectionCheck(True, "ok", "De verbinding werkt: Postvak IN en Agenda van de "
                               "algemeen directeur zijn bereikbaar.")
    finally:
        backend.close()


def _offline(exc: Offline) -> ConnectionCheck:
    return ConnectionCheck(False, "name" if exc.reason == "name" else "network", exc.user_message)
