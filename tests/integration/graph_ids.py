"""Ids across the protocols in tests: the sandbox's mailbox keys items by EWS id, a Graph
backend (and so the store it fills) holds REST ids."""

from __future__ import annotations

from kortrijk_cockpit.sandbox.graph.ids import from_rest, to_rest


def sandbox_id(exchange_id: str) -> str:
    """The mailbox's id of an id a backend gave (EWS or REST)."""
    return from_rest(exchange_id) or exchange_id


def backend_id(protocol: str, ews_id: str) -> str:
    """The id a backend of `protocol` uses for a mailbox item (as a sync would store it)."""
    return to_rest(ews_id) if protocol == "graph" else ews_id
