"""The saved connection profile and its secret. Qt-free.

The profile (address, mailbox, account, sign-in method) lives in the settings
file; its secret (the password, or the Microsoft 365 sign-in) in the OS
keyring only. The connection dialog saves through here, the GUI start and
`sync --once` load through here, so "which secret belongs to this profile"
and "a replaced profile leaves no secret behind" are written once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange import auth
from kortrijk_cockpit.exchange.ews import EwsSettings, Secret

log = logging.getLogger(__name__)


def saved_profile(settings: Settings) -> EwsSettings | None:
    """The profile in the settings, or None while it lacks an address, mailbox or account."""
    profile = EwsSettings.from_profile(settings)
    if not (profile.endpoint and profile.mailbox and profile.username):
        return None
    return profile


def load_secret(profile: EwsSettings) -> Secret | None:
    """This profile's secret from the keyring; None when there is none (yet).

    A Microsoft 365 profile has one once somebody signed in with its tenant and
    app; whether the sign-in still works shows when a token is asked for.
    Raises `SecretStoreError` when the keyring cannot be read.
    """
    if profile.uses_oauth:
        from kortrijk_cockpit.exchange.m365 import M365Session

        session = M365Session(profile.authority, profile.client_id, ca_bundle=profile.ca_bundle)
        return session if session.username() else None
    return auth.load_password(profile.username, profile.endpoint) or None


def load_saved(settings: Settings) -> tuple[EwsSettings, Secret] | None:
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


def save_profile(settings: Settings, profile: EwsSettings, *, password: str,
                 show_private: bool, persist: Callable[[Settings], None]) -> None:
    """Keyring first (the password; old secrets forgotten), then the settings file.

    Raises `SecretStoreError` with nothing changed in the settings when the
    keyring refuses.
    """
    if not profile.uses_oauth:
        auth.store_password(profile.username, profile.endpoint, password)
    forget_replaced_secrets(settings, profile)
    settings.exchange_endpoint = profile.endpoint
    settings.exchange_mailbox = profile.mailbox
    settings.exchange_username = profile.username
    settings.exchange_auth = profile.auth
    settings.exchange_ca_bundle = profile.ca_bundle
    settings.exchange_authority = profile.authority
    settings.exchange_client_id = profile.client_id
    settings.show_private_items = show_private
    persist(settings)


def forget_replaced_secrets(old: Settings, new: EwsSettings) -> None:
    """The keyring keeps no password or sign-in of a profile that `new` replaces."""
    if old.exchange_auth != "oauth2" and old.exchange_username and (
            new.uses_oauth or (old.exchange_username, old.exchange_endpoint)
            != (new.username, new.endpoint)):
        auth.forget_password(old.exchange_username, old.exchange_endpoint)
    if old.exchange_auth == "oauth2" and (
            not new.uses_oauth or (old.exchange_authority, old.exchange_client_id)
            != (new.authority, new.client_id)):
        from kortrijk_cockpit.exchange.m365 import M365Session

        M365Session(old.exchange_authority, old.exchange_client_id).sign_out()
