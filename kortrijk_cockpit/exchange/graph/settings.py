"""How to reach the director's mailbox over Graph. No secret in here: see `m365.py`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.logging_setup import register_secret

GRAPH_ENDPOINT = "https://graph.microsoft.com/v1.0"
# Delegated permissions: the assistant acts on the director's mailbox as his delegate.
GRAPH_SCOPES = [
    "https://graph.microsoft.com/Mail.ReadWrite.Shared",
    "https://graph.microsoft.com/Mail.Send.Shared",
    "https://graph.microsoft.com/Calendars.ReadWrite.Shared",
    "https://graph.microsoft.com/Calendars.ReadBasic",
]


@dataclass(frozen=True)
class GraphSettings:
    mailbox: str  # the director's SMTP address: every request goes to /users/{mailbox}
    username: str = ""  # the assistant's own account (UPN)
    endpoint: str = GRAPH_ENDPOINT
    authority: str = ""  # https://login.microsoftonline.com/<tenant>
    client_id: str = ""  # the app registration of the city's IT
    ca_bundle: str = ""
    # The calendar window the calendarView delta watches (days back, days ahead).
    days_back: int = 90
    days_ahead: int = 365

    @classmethod
    def from_profile(cls, settings: Settings) -> GraphSettings:
        return cls(mailbox=settings.exchange_mailbox, username=settings.exchange_username,
                   endpoint=settings.graph_endpoint or GRAPH_ENDPOINT,
                   authority=settings.exchange_authority, client_id=settings.exchange_client_id,
                   ca_bundle=settings.exchange_ca_bundle,
                   days_back=settings.calendar_days_back,
                   days_ahead=settings.calendar_days_ahead)

    @property
    def uses_oauth(self) -> bool:  # always: Graph takes bearer tokens only
        return True


class StaticToken:
    """A TokenSource with one fixed bearer token: the sandbox's (tests, the demo)."""

    def __init__(self, token: str) -> None:
        register_secret(token)
        self._token = token

    def access_token(self, *, force_refresh: bool = False) -> dict[str, Any]:
        return {"access_token": self._token, "token_type": "Bearer", "expires_at": 0}

    def __repr__(self) -> str:
        return "StaticToken(***)"
