"""Which backend a connection profile speaks: EWS (on-premises, or Microsoft 365 while the
tenant allows it) or Microsoft Graph. The one place that chooses."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kortrijk_cockpit.exchange.backend import MailboxBackend
    from kortrijk_cockpit.exchange.ews import EwsSettings, Secret
    from kortrijk_cockpit.exchange.graph.settings import GraphSettings

    Profile = EwsSettings | GraphSettings


def open_backend(profile: Profile, secret: Secret) -> MailboxBackend:
    """A backend for one session (the sync worker's round makes and keeps it)."""
    from kortrijk_cockpit.exchange.graph.settings import GraphSettings

    if isinstance(profile, GraphSettings):
        from kortrijk_cockpit.exchange.graph.backend import GraphBackend

        if isinstance(secret, str):
            raise TypeError("Microsoft Graph signs in with tokens, not a password")
        return GraphBackend(profile, secret)
    from kortrijk_cockpit.exchange.ews import EwsBackend

    return EwsBackend(profile, secret)
