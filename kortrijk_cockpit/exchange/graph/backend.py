"""`GraphBackend`: the MailboxBackend protocol over Microsoft Graph.

The assistant signs in as herself (delegated permissions) and works on
`/users/{director}`. Ids are Graph's REST ids; change keys are the same as
EWS's, and a write names the one it read in `If-Match`, so a change made in
Outlook meanwhile is refused (`ItemConflict`), never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from kortrijk_cockpit.exchange.graph.calendar_writing import GraphCalendarWriting
from kortrijk_cockpit.exchange.graph.client import GraphClient, TokenSource
from kortrijk_cockpit.exchange.graph.ids import translate_ids
from kortrijk_cockpit.exchange.graph.mail_writing import GraphMailWriting
from kortrijk_cockpit.exchange.graph.reading import GraphReading
from kortrijk_cockpit.exchange.graph.settings import GraphSettings


class GraphBackend(GraphReading, GraphMailWriting, GraphCalendarWriting):
    """A MailboxBackend for one delegate session. Used from one thread only."""

    def __init__(self, settings: GraphSettings, tokens: TokenSource) -> None:
        self.mailbox = settings.mailbox
        self._client = GraphClient(settings, tokens)

    def close(self) -> None:
        self._client.close()

    def translate_ids(self, ews_ids: Sequence[str]) -> dict[str, str]:
        """EWS id -> REST id (switching a profile from EWS): the ids Graph could read."""
        return translate_ids(self._client, ews_ids)
