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


# Windows Credential Manager holds at most 2,560 bytes per credential (UTF-16,
# so 1,280 characters); a token cache is bigger, so it is stored in numbered parts.
_PART = 1200


def store_blob(name: str, text: str) -> None:
    """Store a secret of any length under `name`, replacing what was there."""
    parts = [text[i:i + _PART] for i in range(0, len(text), _PART)] or [""]
    try:
        old = int(keyring.get_password(SERVICE, f"{name}#parts") or 0)
        for index, part in enumerate(parts):
            keyring.set_password(SERVICE, f"{name}#{index}", part)
        keyring.set_password(SERVICE, f"{name}#parts", str(len(parts)))
        for index in range(len(parts), old):
            _delete(f"{name}#{index}")
    except (KeyringError, ValueError) as exc:
        raise SecretStoreError(
            "De aanmelding kon niet veilig worden bewaard in de Windows-referentiebeheerder.",
            detail=type(exc).__name__,
        ) from exc


def load_blob(name: str) -> str | None:
    try:
        count = int(keyring.get_password(SERVICE, f"{name}#parts") or 0)
        parts = [keyring.get_password(SERVICE, f"{name}#{i}") for i in range(count)]
    except (KeyringError, ValueError) as exc:
        raise SecretStoreError("De referentiebeheerder kon niet worden gelezen.",
                               detail=type(exc).__name__) from exc
    if not count or any(part is None for part in parts):
        return None  # never stored, or torn by a crash between writes: sign in again
    return "".join(part or "" for part in parts)


def forget_blob(name: str) -> None:
    try:
        count = int(keyring.get_password(SERVICE, f"{name}#parts") or 0)
    except (KeyringError, ValueError):
        count = 0
    _delete(f"{name}#parts")
    for index in range(count):
        _delete(f"{name}#{index}")


def _delete(key: str) -> None:
    try:
        keyring.delete_password(SERVICE, key)
    except (PasswordDeleteError, KeyringError):
        pass
