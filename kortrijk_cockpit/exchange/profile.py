"""The saved connection profile and its secret. Qt-free.

The profile (protocol, address, mailbox, account, sign-in method) lives in the
settings file; its secret (the password, or the Microsoft 365 sign-in) in the
OS keyring only. The connection dialog saves through here, the GUI start and
`sync --once` load through here, so "which secret belongs to this profile"
and "a replaced profile leaves no secret behind" are written once.

`exchange_backend` chooses the protocol: "ews" gives an `EwsSettings` (on
premises, or Microsoft 365 while the tenant still allows EWS), "graph" a
`GraphSettings` whose secret is an `M365Session` with Graph scopes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange import auth
from kortrijk_cockpit.exchange.ews import EwsSettings, Secret
from kortrijk_cockpit.exchange.graph.settings import GRAPH_ENDPOINT, GRAPH_SCOPES, GraphSettings

if TYPE_CHECKING:
    from kortrijk_cockpit.exchange.m365 import M365Session

log = logging.getLogger(__name__)

Profile = EwsSettings | GraphSettings


def saved_profile(settings: Settings) -> Profile | None:
    """The profile in the settings, or None while it lacks what its protocol needs."""
    if settings.exchange_backend == "graph":
        graph = GraphSettings.from_profile(settings)
        if not (graph.mailbox and graph.authority and graph.client_id):
            return None
        return graph
    profile = EwsSettings.from_profile(settings)
    if not (profile.endpoint and profile.mailbox and profile.username):
        return None
    return profile


def m365_session(profile: Profile) -> M365Session:
    """The Microsoft 365 sign-in of an OAuth profile: Graph or EWS scopes by protocol."""
    from kortrijk_cockpit.exchange.m365 import EWS_SCOPES, M365Session

    scopes = GRAPH_SCOPES if isinstance(profile, GraphSettings) else EWS_SCOPES
    return M365Session(profile.authority, profile.client_id, ca_bundle=profile.ca_bundle,
                       scopes=scopes)


def load_secret(profile: Profile) -> Secret | None:
    """This profile's secret from the keyring; None when there is none (yet).

    A Microsoft 365 profile has one once somebody signed in with its tenant and
    app; whether the sign-in still works shows when a token is asked for.
    Raises `SecretStoreError` when the keyring cannot be read.
    """
    if profile.uses_oauth:
        session = m365_session(profile)
        return session if session.username() else None
    assert isinstance(profile, EwsSettings)
    return auth.load_password(profile.username, profile.endpoint) or None


def load_saved(settings: Settings) -> tuple[Profile, Secret] | None:
    """The saved profile with its secret, if both are there (what the app syncs with at start)."""
    profile = saved_profile(settings)
    if profile is None:
        return None
    try:
        secret = load_secret(profile)
    except UserFacingError as exc:
        log.warning("no secret from the keyring: %s", exc.detail)
        return None
    return (profile, secret) if secret is not None else None


def save_profile(settings: Settings, profile: Profile, *, password: str,
                 show_private: bool, persist: Callable[[Settings], None]) -> None:
    """Keyring first (the password; old secrets forgotten), then the settings file.

    Raises `SecretStoreError` with nothing changed in the settings when the
    keyring refuses.
    """
    if isinstance(profile, EwsSettings) and not profile.uses_oauth:
        auth.store_password(profile.username, profile.endpoint, password)
    forget_replaced_secrets(settings, profile)
    settings.exchange_mailbox = profile.mailbox
    settings.exchange_username = profile.username
    settings.exchange_ca_bundle = profile.ca_bundle
    settings.exchange_authority = profile.authority
    settings.exchange_client_id = profile.client_id
    if isinstance(profile, GraphSettings):
        settings.exchange_backend = "graph"
        settings.exchange_auth = "oauth2"
        settings.graph_endpoint = "" if profile.endpoint == GRAPH_ENDPOINT else profile.endpoint
    else:
        settings.exchange_backend = "ews"
        settings.exchange_endpoint = profile.endpoint
        settings.exchange_auth = profile.auth
    settings.show_private_items = show_private
    persist(settings)


def _sign_in_of(settings: Settings) -> tuple[str, str, str] | None:
    """Which Microsoft 365 sign-in a saved profile uses: (protocol, authority, app)."""
    if settings.exchange_backend == "graph":
        return ("graph", settings.exchange_authority, settings.exchange_client_id)
    if settings.exchange_auth == "oauth2":
        return ("ews", settings.exchange_authority, settings.exchange_client_id)
    return None


def forget_replaced_secrets(old: Settings, new: Profile) -> None:
    """The keyring keeps no password or sign-in of a profile that `new` replaces,
    also when `new` speaks the other protocol."""
    new_ews = isinstance(new, EwsSettings)
    new_password = new_ews and not new.uses_oauth
    if _sign_in_of(old) is None and old.exchange_username and (
            not new_password or (old.exchange_username, old.exchange_endpoint)
            != (new.username, getattr(new, "endpoint", ""))):
        auth.forget_password(old.exchange_username, old.exchange_endpoint)
    old_sign_in = _sign_in_of(old)
    if old_sign_in is None:
        return
    new_sign_in = (None if new_password else
                   ("ews" if new_ews else "graph", new.authority, new.client_id))
    if old_sign_in != new_sign_in:
        from kortrijk_cockpit.exchange.m365 import EWS_SCOPES, M365Session

        kind, authority, client_id = old_sign_in
        M365Session(authority, client_id,
                    scopes=GRAPH_SCOPES if kind == "graph" else EWS_SCOPES).sign_out()
