"""translateExchangeIds: EWS ids to REST ids and back (switching a profile to Graph).

As Graph does, an id it cannot read (not of the source type) comes back without a
`targetId` rather than failing the whole request, so one odd id never blocks a switch.
"""

from __future__ import annotations

from collections.abc import Callable

from kortrijk_cockpit.sandbox import ids
from kortrijk_cockpit.sandbox.graph.http import (
    GraphContext,
    GraphRequest,
    GraphResponse,
    Route,
    bad_request,
    route,
)
from kortrijk_cockpit.sandbox.graph.ids import from_rest, to_rest

LIMIT = 1000  # Graph's ceiling of ids per call


def _ews_to_rest(value: str) -> str | None:
    return to_rest(value) if ids.is_well_formed(value) else None


_CONVERSIONS: dict[tuple[str, str], Callable[[str], str | None]] = {
    ("ewsid", "restid"): _ews_to_rest,
    ("restid", "ewsid"): from_rest,
}


def translate_ids(ctx: GraphContext, request: GraphRequest) -> GraphResponse:
    body = request.body if isinstance(request.body, dict) else {}
    inputs = body.get("inputIds")
    if not isinstance(inputs, list) or not inputs:
        raise bad_request("inputIds must hold at least one id.")
    if len(inputs) > LIMIT:
        raise bad_request(f"At most {LIMIT} ids can be translated in one request.")
    kinds = (str(body.get("sourceIdType") or "").lower(),
             str(body.get("targetIdType") or "").lower())
    convert = _CONVERSIONS.get(kinds)
    if convert is None:
        raise bad_request(f"The sandbox translates ewsId <-> restId, not {kinds[0]} -> {kinds[1]}.")
    value = []
    for raw in inputs:
        answer = {"sourceId": str(raw)}
        target = convert(str(raw))
        if target:
            answer["targetId"] = target
        value.append(answer)
    return GraphResponse(body={"value": value})


ROUTES: list[Route] = [
    route("POST", "/translateExchangeIds", "ConvertId", translate_ids),
]
