""""Verbinding testen": which step of reaching the director's mailbox fails, in Dutch.

Without an address, autodiscover finds it first. The steps follow the order
in which a real connection fails: the server's name, the network and TLS, the
assistant's credentials (for Microsoft 365: her sign-in), then the delegate
rights on the director's Inbox and Calendar. It also tells which protocol a
mailbox needs: EWS refused by Microsoft 365 means "choose Graph"; Graph not
enabled for the mailbox (it lives on the city's own server) means "choose EWS".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from kortrijk_cockpit.exchange.errors import (
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    Offline,
)
from kortrijk_cockpit.exchange.ews import EwsBackend, EwsSettings, Secret
from kortrijk_cockpit.exchange.graph.settings import GraphSettings

if TYPE_CHECKING:
    from kortrijk_cockpit.exchange.backend import MailboxBackend

CHOOSE_GRAPH = ("Deze mailbox staat in Microsoft 365 en EWS is er niet (meer) toegelaten: kies "
                "Microsoft 365 (Graph).")
CHOOSE_EWS = ("Deze mailbox staat niet in Microsoft 365 maar op een Exchange-server van de stad: "
              "kies Exchange on-premises (EWS).")
# Exchange Online's diagnostic when the tenant blocks EWS for an app (EWSAllowedAppIDs).
_EWS_BLOCKED = ("ews is blocked", "blocked for this app")


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    # "address", "discover", "name", "network", "credentials", "rights", "protocol", "ok"
    step: str
    message: str
    endpoint: str = ""  # the EWS address that was checked (found by autodiscover if none given)


def check_connection(settings: EwsSettings | GraphSettings, secret: Secret) -> ConnectionCheck:
    if isinstance(settings, GraphSettings):
        return replace(_check_graph(settings, secret), endpoint=settings.endpoint)
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
    return _check_folders(backend, settings.mailbox)


def _check_graph(settings: GraphSettings, secret: Secret) -> ConnectionCheck:
    from kortrijk_cockpit.exchange.graph.backend import GraphBackend

    url = urlparse(settings.endpoint)
    if url.scheme not in ("http", "https") or not url.hostname:
        return ConnectionCheck(False, "address", "Het Graph-adres is ongeldig. Het ziet eruit "
                               "als https://graph.microsoft.com/v1.0.")
    if isinstance(secret, str):
        return ConnectionCheck(False, "credentials", "Meld u eerst aan bij Microsoft 365.")
    try:
        secret.access_token()  # the sign-in first: its message beats a 401's
    except Offline as exc:
        return _offline(exc)
    except BackendError as exc:
        return ConnectionCheck(False, "credentials", exc.user_message)
    return _check_folders(GraphBackend(settings, secret), settings.mailbox)


def _check_folders(backend: MailboxBackend, mailbox: str) -> ConnectionCheck:
    """Inbox and Calendar through `backend`: reachable, signed in, with delegate rights."""
    try:
        try:
            names = {f.kind.value for f in backend.folders()}
        except Offline as exc:  # the server's name, the network or TLS: the backend tells which
            if _ews_blocked(exc):
                return ConnectionCheck(False, "protocol", CHOOSE_GRAPH)
            return _offline(exc)
        except AuthenticationFailed as exc:
            if _ews_blocked(exc):
                return ConnectionCheck(False, "protocol", CHOOSE_GRAPH)
            return ConnectionCheck(False, "credentials", exc.user_message)
        except AccessDenied as exc:
            if "MailboxNotEnabledForRESTAPI" in exc.detail:
                return ConnectionCheck(False, "protocol", CHOOSE_EWS)
            if _ews_blocked(exc):
                return ConnectionCheck(False, "protocol", CHOOSE_GRAPH)
            return ConnectionCheck(False, "rights", (
                f"U bent aangemeld, maar u hebt geen gedelegeerde rechten op de mailbox van "
                f"{mailbox}. Vraag rechten op Postvak IN en Agenda aan de "
                "informaticadienst."))
        except BackendError as exc:
            if _ews_blocked(exc):
                return ConnectionCheck(False, "protocol", CHOOSE_GRAPH)
            return ConnectionCheck(False, "network", exc.user_message)
        if not {"inbox", "calendar"} <= names:
            return ConnectionCheck(False, "rights", "Postvak IN of Agenda van de algemeen "
                                   "directeur is niet zichtbaar met uw rechten.")
        return ConnectionCheck(True, "ok", "De verbinding werkt: Postvak IN en Agenda van de "
                               "algemeen directeur zijn bereikbaar.")
    finally:
        backend.close()


def _ews_blocked(exc: BaseException) -> bool:
    """Whether Exchange Online refused EWS for this app (the diagnostic rides on the cause)."""
    seen: BaseException | None = exc
    while seen is not None:
        text = f"{getattr(seen, 'detail', '')} {seen}".lower()
        if any(marker in text for marker in _EWS_BLOCKED):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _offline(exc: Offline) -> ConnectionCheck:
    return ConnectionCheck(False, "name" if exc.reason == "name" else "network", exc.user_message)
