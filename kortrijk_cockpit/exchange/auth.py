"""Secrets live in the OS keyring only (Windows Credential Manager on the workstation).

Never in the database, the settings file, logs or crash reports: every secret
read or stored here is also registered with the log redaction filter.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.logging_setup import register_secret

SERVICE = "kortrijk-cockpit"


class SecretStoreError(UserFacingError):
    pass


def _key(username: str, endpoint: str) -> str:
    return f"{username}@{endpoint}"


def store_password(username: str, endpoint: str, password: str) -> None:
    register_secret(password)
    try:
        keyring.set_password(SERVICE, _key(username, endpoint), password)
    except KeyringError as exc:
        raise SecretStoreError(
            "Het wachtwoord kon niet veilig worden bewaard in de Windows-referentiebeheerder.",
            detail=type(exc).__name__,
        ) from exc


def load_password(username: str, endpoint: str) -> str | None:
    try:
        password = keyring.get_password(SERVICE, _key(username, endpoint))
    except KeyringError as exc:
        raise SecretStoreError("De referentiebeheerder kon niet worden gelezen.",
                               detail=type(exc).__name__) from exc
    if password:
        register_secret(password)
    return password


def forget_password(username: str, endpoint: str) -> None:
    try:
        keyring.delete_password(SERVICE, _key(username, endpoint))
    except PasswordDeleteError:
        pass
