"""The Graph front-end's dispatch: which route a request is, and its JSON `$batch`.

`SandboxServer` checks the bearer token, takes faults under the route's EWS
operation name, then calls `dispatch` under the mailbox lock.
"""

from __future__ import annotations

import json
import logging
import traceback
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from kortrijk_cockpit.sandbox.graph import calendar_write, mail_write, read, translate
from kortrijk_cockpit.sandbox.graph.http import (
    API,
    GraphContext,
    GraphError,
    GraphRequest,
    GraphResponse,
    Route,
    bad_request,
)

log = logging.getLogger(__name__)

ROUTES: list[Route] = [*read.ROUTES, *mail_write.ROUTES, *calendar_write.ROUTES,
                       *translate.ROUTES]
BATCH_LIMIT = 20  # Graph's ceiling of requests in one $batch
# Paths answered without a bearer token: an upload session's URL carries its own secret.
UNSIGNED_PREFIX = "/graph-upload/"


@dataclass(frozen=True)
class Resolved:
    route: Route | None  # None: a $batch
    params: dict[str, str]
    request: GraphRequest
    operation: str


def resolve(ctx: GraphContext, method: str, target: str, headers: dict[str, str],
            body: bytes, origin: str) -> Resolved:
    """What a request is; raises GraphError (404, 400) for what the sandbox does not serve."""
    parts = urlsplit(target)
    path = unquote(parts.path)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if path.startswith(UNSIGNED_PREFIX):
        return _resolved(ctx, method, path[len(UNSIGNED_PREFIX) - 1:], "", query, headers,
                         body, origin, prefix="/upload")
    if not path.startswith(API + "/"):
        raise GraphError(404, "UnknownError", "Not a Graph address.")
    rest = path[len(API):]
    if rest == "/$batch":
        parsed = _json(body, headers)
        if method != "POST" or not isinstance(parsed, dict):
            raise bad_request("A $batch is a POST with a JSON body.", "BadRequest")
        request = GraphRequest(method, rest, query, headers, parsed, base=f"{origin}{API}")
        return Resolved(None, {}, request, _batch_operation(ctx, parsed))
    segments = rest.split("/", 3)  # "", "users", "<user>", "<rest>"
    if len(segments) < 3 or segments[1] != "users":
        raise GraphError(400, "BadRequest", f"The sandbox serves /users/{{mailbox}}, not {rest}.")
    user = unquote(segments[2])
    if user.lower() != ctx.mailbox.owner.lower():
        raise GraphError(404, "ErrorInvalidUser", f"The requested user '{user}' is invalid.")
    below = "/" + segments[3] if len(segments) > 3 else ""
    return _resolved(ctx, method, below, f"{origin}{API}/users/{segments[2]}", query, headers,
                     body, origin)


def _resolved(ctx: GraphContext, method: str, below: str, base: str, query: dict[str, str],
              headers: dict[str, str], body: bytes, origin: str, prefix: str = "") -> Resolved:
    for candidate in ROUTES:
        if candidate.method != method:
            continue
        found = candidate.pattern.match(prefix + below)
        if found:
            parsed = body if "octet-stream" in headers.get("content-type", "") \
                or candidate.operation == "UploadChunk" else _json(body, headers)
            request = GraphRequest(method, below, query, headers, parsed, base=base)
            return Resolved(candidate, found.groupdict(), request, candidate.operation)
    raise GraphError(400, "BadRequest",
                     f"The sandbox does not serve {method} {below or '/'} (yet).")


def _json(body: bytes, headers: dict[str, str]) -> Any:
    if not body:
        return None
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise bad_request("The body is not valid JSON.", "BadRequest") from None


def dispatch(ctx: GraphContext, resolved: Resolved, errors: list[str]) -> GraphResponse:
    """Run a resolved request; a bug in the sandbox becomes a 500 and is kept in `errors`."""
    try:
        if resolved.route is None:
            return _batch(ctx, resolved.request, errors)
        with ctx.mailbox.lock:
            return resolved.route.handler(ctx, resolved.request, **resolved.params)
    except GraphError as error:
        return _error(error)
    except Exception:
        log.exception("Graph sandbox failed on %s %s", resolved.request.method,
                      resolved.request.path)
        errors.append(traceback.format_exc())
        return _error(GraphError(500, "ErrorInternalServerError",
                                 "An internal server error occurred. The operation failed."))


def _error(error: GraphError) -> GraphResponse:
    return GraphResponse(status=error.status, body=json.loads(error.body()),
                         headers=dict(error.headers))


def _batch_operation(ctx: GraphContext, body: dict[str, Any]) -> str:
    """The EWS operation a batch stands for: its requests' one, if they share one."""
    names = set()
    for sub in body.get("requests") or []:
        try:
            method, target = str(sub.get("method", "GET")).upper(), str(sub.get("url", ""))
            names.add(resolve(ctx, method, API + target, {}, b"", "").operation)
        except GraphError:
            names.add("Batch")
    return names.pop() if len(names) == 1 else "Batch"


def _batch(ctx: GraphContext, request: GraphRequest, errors: list[str]) -> GraphResponse:
    subs = request.body.get("requests") or []
    if not isinstance(subs, list) or not subs or len(subs) > BATCH_LIMIT:
        raise bad_request(f"A $batch holds 1 to {BATCH_LIMIT} requests.", "BadRequest")
    origin = request.base[: -len(API)]
    answers = []
    for sub in subs:
        method, target = str(sub.get("method", "GET")).upper(), str(sub.get("url", ""))
        headers = {k.lower(): str(v) for k, v in (sub.get("headers") or {}).items()}
        for name, value in request.headers.items():  # Prefer and the like apply to all
            headers.setdefault(name, value)
        body = sub.get("body")
        raw = json.dumps(body).encode("utf-8") if body is not None else b""
        try:
            resolved = resolve(ctx, method, API + (target if target.startswith("/") else "/" + target),
                               headers, raw, origin)
            answer = dispatch(ctx, resolved, errors)
        except GraphError as error:
            answer = _error(error)
        content = answer.body
        if isinstance(content, bytes):
            import base64

            content = base64.b64encode(content).decode("ascii")
        answers.append({"id": str(sub.get("id", "")), "status": answer.status,
                        "headers": {"Content-Type": answer.content_type, **answer.headers},
                        "body": content})
    return GraphResponse(body={"responses": answers})
