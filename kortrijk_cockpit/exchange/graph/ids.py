"""Translating EWS ids into Graph (REST) ids: `translateExchangeIds`, 1000 ids a call."""

from __future__ import annotations

from collections.abc import Sequence

from kortrijk_cockpit.exchange.graph.client import GraphClient

TRANSLATE_LIMIT = 1000  # Graph's ceiling of ids per call


def translate_ids(client: GraphClient, ews_ids: Sequence[str], *, source: str = "ewsId",
                  target: str = "restId") -> dict[str, str]:
    """source id -> target id, for the ids the server could translate (the others are
    left out, as Graph answers them without a `targetId`)."""
    wanted = list(dict.fromkeys(i for i in ews_ids if i))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), TRANSLATE_LIMIT):
        chunk = wanted[start:start + TRANSLATE_LIMIT]
        reply = client.call("POST", "/translateExchangeIds", json={
            "inputIds": chunk, "sourceIdType": source, "targetIdType": target}).json()
        for answer in reply.get("value") or ():
            source_id, target_id = answer.get("sourceId"), answer.get("targetId")
            if source_id and target_id:
                found[str(source_id)] = str(target_id)
    return found
