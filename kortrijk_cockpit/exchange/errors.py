"""What can go wrong talking to a mailbox, as the sync engine and the UI need to know it."""

from __future__ import annotations

from kortrijk_cockpit.errors import UserFacingError


class BackendError(UserFacingError):
    """A mailbox operation failed; `user_message` says so in Dutch."""


class Offline(BackendError):
    """The server cannot be reached (name resolution, connection, TLS): try again later."""


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
