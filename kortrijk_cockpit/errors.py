"""Expected failures, each carrying a Dutch message for the user.

Anything raised as a `UserFacingError` is shown as its `user_message` (a dialog
in the GUI, one stderr line on the command line); anything else is a bug and
goes to the crash handler.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected failure the user can act on."""

    def __init__(self, user_message: str, *, detail: str = "") -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.detail = detail


class ConfigError(UserFacingError):
    """Bad arguments or an unusable data folder."""


class StoreError(UserFacingError):
    """The database cannot be opened or used."""


class StoreLockedError(StoreError):
    pass


class StoreCorruptError(StoreError):
    pass


class StoreTooNewError(StoreError):
    pass


class StoreUnreachableError(StoreError):
    pass


class ConcurrentEditError(StoreError):
    """Someone else saved the same record first (optimistic locking): reload, then redo."""
