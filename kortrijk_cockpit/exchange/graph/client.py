"""HTTP to Microsoft Graph for one delegate session: bearer tokens, paging, `$batch`,
and Graph's errors as the same typed errors (and Dutch messages) as EWS's.

No retries in here: throttling comes back as `Throttled` with the server's
`Retry-After`, so the sync worker shows the wait and can cancel it, as for EWS.
A refused token is refreshed once (revoked, or the clocks disagree).
"""

from __future__ import annotations

import email.utils
import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter

from kortrijk_cockpit.exchange.errors import (
    LATER,
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    ItemConflict,
    ItemGone,
    Offline,
    SendDenied,
    SyncStateInvalid,
    Throttled,
    network_failure,
)
from kortrijk_cockpit.exchange.graph.settings import GraphSettings
from kortrijk_cockpit.exchange.tls import OrganisationCaAdapter
from kortrijk_cockpit.logging_setup import register_secret

log = logging.getLogger(__name__)

SERVER = "Microsoft 365"
BATCH_SIZE = 20  # Graph's ceiling per $batch
TIMEOUT = (10.0, 60.0)  # connect, read (seconds)
DEFAULT_WAIT = 10.0  # a 429 without Retry-After
# Times in UTC, bodies as HTML (the reading pane sanitises them itself).
PREFER = ['outlook.timezone="UTC"', 'outlook.body-content-type="html"']


class TokenSource(Protocol):
    """Bearer tokens for Graph (`m365.M365Session` with Graph scopes, or `StaticToken`)."""

    def access_token(self, *, force_refresh: bool = False) -> dict[str, Any]: ...


class GraphClient:
    """One session's HTTP: used from one thread at a time (the sync worker)."""

    def __init__(self, settings: GraphSettings, tokens: TokenSource) -> None:
        self.settings = settings
        self.root = settings.endpoint.rstrip("/")
        self.base = f"{self.root}/users/{quote(settings.mailbox, safe='@')}"
        self._tokens = tokens
        self._token: str | None = None
        OrganisationCaAdapter.trust(self.root, settings.ca_bundle)
        self._http = requests.Session()
        self._http.mount("https://", OrganisationCaAdapter(max_retries=0, pool_maxsize=2))
        self._http.mount("http://", HTTPAdapter(max_retries=0, pool_maxsize=2))
        # What requests would read from the environment on every call (proxies, a CA
        # bundle), read once: a sync makes hundreds of calls to one host.
        self._http.proxies = requests.utils.get_environ_proxies(self.root)
        self._http.verify = os.environ.get("REQUESTS_CA_BUNDLE") \
            or os.environ.get("CURL_CA_BUNDLE") or True
        self._http.trust_env = False

    def close(self) -> None:
        self._http.close()

    # -- requests --------------------------------------------------------------------
    def url(self, path: str) -> str:
        """`path` below the director (`/messages/...`), or a whole link Graph gave us."""
        return path if path.startswith(("http://", "https://")) else self.base + path

    def call(self, method: str, path: str, *, params: dict[str, str] | None = None,
             json: Any = None, data: bytes | None = None,
             prefer: list[str] | None = None, headers: dict[str, str] | None = None,
             signed: bool = True) -> requests.Response:
        """One request; an error answer raises the matching `BackendError`."""
        url = self.url(path)
        for attempt in (1, 2):
            sent = {"Prefer": ", ".join([*PREFER, *(prefer or [])]), **(headers or {})}
            if signed:
                sent["Authorization"] = f"Bearer {self._bearer(refresh=attempt == 2)}"
            try:
                response = self._http.request(method, url, params=params, json=json, data=data,
                                              headers=sent, timeout=TIMEOUT)
            except requests.RequestException as exc:
                raise _offline(exc, url) from exc
            if response.status_code == 401 and signed and attempt == 1:
                log.info("Graph refused the access token; taking a fresh one")
                continue
            if response.status_code >= 400:
                raise error_for(response.status_code, _error_body(response),
                                response.headers.get("Retry-After"))
            return response
        raise AssertionError("unreachable")

    def get(self, path: str, **kwargs: Any) -> dict[str, Any]:
        return dict(self.call("GET", path, **kwargs).json())

    def pages(self, path: str, *, params: dict[str, str] | None = None,
              prefer: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every page of a collection, following `@odata.nextLink`."""
        page = self.get(path, params=params, prefer=prefer)
        yield page
        while page.get("@odata.nextLink"):
            page = self.get(str(page["@odata.nextLink"]), prefer=prefer)
            yield page

    def batch(self, requests_: list[dict[str, Any]],
              prefer: list[str] | None = None) -> list[tuple[int, Any]]:
        """(status, body) of each request (`method`, `url` below /v1.0, `body`), in order,
        20 to a `$batch`. Throttling of any one raises `Throttled` for the whole."""
        answers: list[tuple[int, Any]] = []
        for start in range(0, len(requests_), BATCH_SIZE):
            chunk = requests_[start:start + BATCH_SIZE]
            body = {"requests": [{"id": str(i), **r} for i, r in enumerate(chunk)]}
            reply = self.call("POST", f"{self.root}/$batch", json=body, prefer=prefer).json()
            by_id = {str(r.get("id")): r for r in reply.get("responses", [])}
            for i in range(len(chunk)):
                answer = by_id.get(str(i), {"status": 500, "body": None})
                status = int(answer.get("status", 500))
                if status in (429, 503):
                    headers = {k.lower(): v for k, v in (answer.get("headers") or {}).items()}
                    raise error_for(status, answer.get("body"), headers.get("retry-after"))
                answers.append((status, answer.get("body")))
        return answers

    def user_path(self, path: str) -> str:
        """A path below the director as a `$batch` request names it (relative to /v1.0)."""
        return f"/users/{quote(self.settings.mailbox, safe='@')}{path}"

    def _bearer(self, *, refresh: bool) -> str:
        if self._token is None or refresh:
            token = self._tokens.access_token(force_refresh=refresh)["access_token"]
            register_secret(token)
            self._token = token
        return self._token


# -- errors --------------------------------------------------------------------------------
def _error_body(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _offline(exc: BaseException, url: str) -> Offline:
    found = network_failure(exc, url, SERVER)
    if found is not None:
        return found
    if isinstance(exc, requests.exceptions.Timeout):
        return Offline(f"{SERVER} antwoordde niet op tijd. {LATER}", reason="timeout",
                       detail=type(exc).__name__)
    return Offline(f"{SERVER} is niet bereikbaar. {LATER}", detail=f"{type(exc).__name__}: {exc}"[:300])


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number (Graph's; the sandbox's may have a
    fraction) or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def error_for(status: int, body: Any, retry: str | None = None) -> BackendError:
    """Graph's error answer as the typed error the sync engine and outbox handle."""
    error = body.get("error", {}) if isinstance(body, dict) else {}
    code = str(error.get("code", "") or "")
    detail = f"{status} {code}: {error.get('message', '')}"[:500]
    wait = retry_after(retry)
    if status == 429 or (status == 503 and wait is not None):
        seconds = wait if wait is not None else DEFAULT_WAIT
        return Throttled(f"{SERVER} is druk; opnieuw over {seconds:.0f} s.", wait_seconds=seconds)
    if status in (502, 503, 504):
        return Offline(f"{SERVER} is tijdelijk niet beschikbaar. {LATER}", detail=detail)
    if status == 401:
        return AuthenticationFailed("Aanmelden bij Microsoft 365 is mislukt: uw aanmelding werd "
                                    "geweigerd. Meld opnieuw aan (Verbinding met Exchange).",
                                    detail=detail)
    if code in ("ErrorSendAsDenied", "ErrorSendOnBehalfOfDenied"):
        return SendDenied("U mag niet verzenden namens de algemeen directeur: vraag "
                          "'Verzenden namens'-rechten aan de informaticadienst.", detail=detail)
    if code in ("ErrorInvalidUser", "MailboxNotEnabledForRESTAPI", "ErrorNonExistentMailbox"):
        return AccessDenied("Die mailbox bestaat niet in Microsoft 365, of u hebt er geen "
                            "gedelegeerde rechten op. Controleer het adres van de algemeen "
                            "directeur.", detail=detail)
    if status == 403:
        return AccessDenied("Geen toegang tot deze map van de algemeen directeur: vraag "
                            "gedelegeerde rechten op Postvak IN en Agenda aan de "
                            "informaticadienst.", detail=detail)
    if status == 410 or code.lower() in ("syncstatenotfound", "resyncrequired", "syncstateinvalid"):
        return SyncStateInvalid("De synchronisatiestatus is verlopen; de map wordt opnieuw "
                                "opgehaald.", detail=detail)
    if status in (409, 412) or code in ("ErrorIrresolvableConflict", "PreconditionFailed"):
        return ItemConflict("Het item werd intussen in Outlook gewijzigd.", detail=detail)
    if status == 404:
        return ItemGone("Het item bestaat niet meer op de server.", detail=detail)
    return BackendError(f"{SERVER} weigerde de opdracht ({code or status}).", detail=detail)


