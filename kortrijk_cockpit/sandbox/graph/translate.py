"""translateExchangeIds: EWS ids to REST ids and back (switching a profile to Graph)."""

from __future__ import annotations

from kortrijk_cockpit.sandbox.graph.http import Route

ROUTES: list[Route] = []
