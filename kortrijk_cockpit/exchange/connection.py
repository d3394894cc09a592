""""Verbinding testen": which step of reaching the director's mailbox fails, in Dutch.

The steps follow the order in which a real connection fails: the server's
name, the network and TLS, the assistant's credentials, then the delegate
rights on the director's Inbox and Calendar.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlparse

from kortrijk_cockpit.exchange.errors import (
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    Offline,
)
from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    step: str  # "address", "name", "network", "credentials", "rights", "ok"
    message: str


def check_connection(settings: EwsSettings, password: str) -> ConnectionCheck:
    url = urlparse(settings.endpoint)
    if url.scheme not in ("http", "https") or not url.hostname:
        return ConnectionCheck(False, "address", "Het EWS-adres is ongeldig. Het ziet eruit als "
                               "https://mail.kortrijk.be/EWS/Exchange.asmx.")
    try:
        socket.getaddrinfo(url.hostname, url.port or (443 if url.scheme == "https" else 80))
    except OSError:
        return ConnectionCheck(False, "name", f"De server '{url.hostname}' werd niet gevonden. "
                               "Controleer het adres en de netwerkverbinding.")
    backend = EwsBackend(settings, password)
    try:
        try:
            names = {f.kind.value for f in backend.folders()}
        except Offline as exc:
            return ConnectionCheck(False, "network", exc.user_message)
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
