"""Microsoft 365 sign-in for EWS or Graph: OAuth 2.0 through MSAL, tokens cached in the OS keyring.

The assistant signs in once in her own browser (authorization code flow with
PKCE, the answer posted to a loopback address we listen on), or, where a
locked-down browser cannot reach our loopback address, with a code she types
at Microsoft's device login page on any device. After that, MSAL
refreshes the access token silently from the refresh token. The token cache
lives in the keyring only, without its access and ID tokens: those are
short-lived and would push the cache past Windows' size limit for one
credential.

`M365Session` is used from one worker thread at a time (the sync worker, or a
sign-in task); it creates the MSAL application lazily because that contacts
the authority.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import parse_qs, urlparse

from kortrijk_cockpit.exchange import auth
from kortrijk_cockpit.exchange.errors import (
    AuthenticationFailed,
    BackendError,
    Offline,
    SignInRequired,
)
from kortrijk_cockpit.logging_setup import register_secret

if TYPE_CHECKING:
    import msal

log = logging.getLogger(__name__)

EWS_SCOPES = ["https://outlook.office365.com/EWS.AccessAsUser.All"]
M365_ENDPOINT = "https://outlook.office365.com/EWS/Exchange.asmx"
LOGIN_HOST = "https://login.microsoftonline.com"
SIGN_IN_TIMEOUT_S = 300.0

_DONE_PAGE = """<!doctype html><html lang="nl"><meta charset="utf-8">
<title>Kortrijk Cockpit</title><body style="font-family:Segoe UI,sans-serif;margin:3em">
<h1>{title}</h1><p>{text}</p></body></html>"""


class SignInCancelled(BackendError):
    pass


@dataclass(frozen=True)
class DeviceCode:
    """What the assistant types where: `user_code` at `verification_uri`."""

    user_code: str
    verification_uri: str
    expires_at: float  # epoch seconds
    flow: dict[str, Any] = field(repr=False, compare=False)


def authority_for(tenant: str) -> str:
    """The authority URL for a tenant name or ID ("kortrijk.be"), or a full URL as given."""
    tenant = tenant.strip().rstrip("/")
    if tenant.startswith("https://"):
        return tenant
    return f"{LOGIN_HOST}/{tenant or 'organizations'}"


def tenant_of(authority: str) -> str:
    """What the user typed to get `authority` (the inverse of `authority_for`)."""
    prefix = LOGIN_HOST + "/"
    return authority.removeprefix(prefix)


def _sign_in_again(reason: str = "") -> SignInRequired:
    return SignInRequired(
        "U moet (opnieuw) aanmelden bij Microsoft 365: open Verbinding met Exchange (Ctrl+,) "
        "en kies Aanmelden.", detail=reason)


class M365Session:
    """Access tokens for EWS (or, with `GRAPH_SCOPES`, Graph) for the account signed in
    with this app registration."""

    def __init__(self, authority: str, client_id: str, *, ca_bundle: str = "",
                 scopes: Sequence[str] = EWS_SCOPES) -> None:
        self.authority = authority
        self.client_id = client_id
        self.scopes = list(scopes)
        self._ca_bundle = ca_bundle
        self._lock = threading.RLock()
        self._app: msal.PublicClientApplication | None = None
        self._cache: msal.SerializableTokenCache | None = None
        self._stored: str | None = None  # what this session last read from or wrote to the keyring

    @property
    def for_graph(self) -> bool:
        return self.scopes != EWS_SCOPES

    @property
    def cache_name(self) -> str:
        # EWS and Graph keep their own sign-in: consent is per resource, and switching
        # protocol forgets the old one (profile.forget_replaced_secrets).
        kind = "graph" if self.for_graph else "m365"
        return f"{kind}:{self.client_id}@{self.authority}"

    # -- the keyring -----------------------------------------------------------
    def _token_cache(self) -> msal.SerializableTokenCache:
        import msal

        if self._cache is None:
            cache = msal.SerializableTokenCache()
            stored = self._stored = auth.load_blob(self.cache_name)
            if stored:
                register_secret(stored)
                try:
                    cache.deserialize(stored)
                except ValueError:
                    log.warning("the stored Microsoft 365 sign-in is unreadable; sign in again")
                    cache = msal.SerializableTokenCache()
            self._cache = cache
            self._register_refresh_tokens()
        return self._cache

    def _persist(self, *, signed_in: bool = False) -> None:
        cache = self._token_cache()
        if not cache.has_state_changed:
            return
        if not signed_in and self._replaced():
            return  # never write an older sign-in over a newer one
        state = json.loads(cache.serialize())
        for short_lived in ("AccessToken", "IdToken"):
            state.pop(short_lived, None)
        text = json.dumps(state, separators=(",", ":"))
        register_secret(text)
        self._register_refresh_tokens()
        auth.store_blob(self.cache_name, text)
        self._stored = text
        cache.has_state_changed = False

    def _replaced(self) -> bool:
        """True (and the keyring's sign-in adopted) if another session changed it since.

        Say the assistant signs in again in the connection dialog while the sync
        worker still holds the old sign-in: the dialog's is newer.
        """
        if self._cache is None or auth.load_blob(self.cache_name) == self._stored:
            return False
        self._cache = self._app = None
        return True

    def _register_refresh_tokens(self) -> None:
        import msal

        assert self._cache is not None
        for entry in self._cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN):
            register_secret(entry.get("secret", ""))

    def username(self) -> str:
        """The signed-in account ("" when nobody is), read from the cache without a network call."""
        import msal

        with self._lock:
            accounts = list(self._token_cache().search(msal.TokenCache.CredentialType.ACCOUNT))
        return str(accounts[0].get("username", "")) if accounts else ""

    def sign_out(self) -> None:
        import msal

        with self._lock:
            auth.forget_blob(self.cache_name)
            self._cache = msal.SerializableTokenCache()
            self._stored = None
            self._app = None

    # -- MSAL ------------------------------------------------------------------
    def _application(self) -> msal.PublicClientApplication:
        import msal
        import requests

        from kortrijk_cockpit.exchange.tls import OrganisationCaAdapter

        if self._app is None:
            OrganisationCaAdapter.trust(self.authority, self._ca_bundle)
            http = requests.Session()
            http.mount("https://", OrganisationCaAdapter(max_retries=1))
            http.request = functools.partial(http.request, timeout=30)  # type: ignore[method-assign]
            try:
                # Contacts the authority (OpenID configuration), hence lazily and off the GUI thread.
                self._app = msal.PublicClientApplication(
                    self.client_id, authority=self.authority, token_cache=self._token_cache(),
                    http_client=http, instance_discovery=False)
            except requests.RequestException as exc:
                raise _offline(exc) from exc
            except ValueError as exc:
                raise BackendError(
                    f"De aanmeldserver {self.authority} kent deze tenant niet. Controleer de "
                    "tenant (bv. kortrijk.be).", detail=str(exc)) from exc
        return self._app

    def access_token(self, *, force_refresh: bool = False) -> dict[str, Any]:
        """A token for exchangelib: `access_token`, `token_type`, `expires_at` (epoch seconds)."""
        import requests

        with self._lock:
            self._replaced()
            if not self.username():
                raise _sign_in_again("no account in the cache")
            app = self._application()
            accounts = app.get_accounts()
            if not accounts:
                raise _sign_in_again("no account known to MSAL")
            try:
                # The _with_error variant says why it failed (acquire_token_silent says None).
                result = app.acquire_token_silent_with_error(
                    self.scopes, account=accounts[0], force_refresh=force_refresh)
            except requests.RequestException as exc:
                raise _offline(exc) from exc
            if not result or "access_token" not in result:
                # The refresh token expired or was revoked (password reset, sign-out
                # everywhere, conditional access): only a new interactive sign-in helps.
                error = (result or {}).get("error", "no refresh token")
                if error in ("invalid_grant", "interaction_required", "no refresh token"):
                    self._persist()
                    raise _sign_in_again(error)
                raise BackendError("Microsoft 365 weigert een toegangstoken: "
                                   + _first_line(result), detail=error)
            self._persist()
            return _for_exchangelib(result)

    def sign_in(self, *, login_hint: str, open_browser: Callable[[str], bool],
                cancelled: Callable[[], bool],
                timeout: float = SIGN_IN_TIMEOUT_S) -> str:
        """Sign in interactively in the user's browser; returns the account's user name."""
        import requests

        with self._lock, _Receiver() as receiver:
            app = self._application()
            flow = app.initiate_auth_code_flow(
                self.scopes, redirect_uri=f"http://localhost:{receiver.port}",
                response_mode="form_post", login_hint=login_hint or None, prompt="select_account")
            receiver.expect(flow["state"])
            if not open_browser(flow["auth_uri"]):
                raise BackendError("Er kon geen webbrowser worden geopend om aan te melden bij "
                                   "Microsoft 365.")
            response = receiver.wait(cancelled, timeout)
            if response is None:
                raise SignInCancelled("De aanmelding bij Microsoft 365 werd afgebroken.")
            try:
                result = app.acquire_token_by_auth_code_flow(flow, response)
            except requests.RequestException as exc:
                raise _offline(exc) from exc
            except ValueError as exc:  # state mismatch: not our flow's answer
                raise BackendError("De aanmelding bij Microsoft 365 gaf een onverwacht antwoord. "
                                   "Probeer opnieuw.", detail=str(exc)) from exc
            if "access_token" not in result:
                if result.get("error") == "access_denied":
                    raise SignInCancelled("De aanmelding bij Microsoft 365 werd geweigerd of "
                                          "afgebroken.", detail=result.get("error", ""))
                raise AuthenticationFailed("Aanmelden bij Microsoft 365 is mislukt: "
                                           + _first_line(result), detail=result.get("error", ""))
            return self._signed_in(result)

    def _signed_in(self, result: dict[str, Any]) -> str:
        register_secret(result["access_token"])
        self._persist(signed_in=True)
        claims = result.get("id_token_claims") or {}
        return str(claims.get("preferred_username") or self.username())

    def start_device_sign_in(self) -> DeviceCode:
        """Ask for a device code; show it, then call `finish_device_sign_in`."""
        import requests

        with self._lock:
            app = self._application()
            try:
                flow = app.initiate_device_flow(self.scopes)
            except requests.RequestException as exc:
                raise _offline(exc) from exc
            if "user_code" not in flow:
                raise AuthenticationFailed("Aanmelden met een code bij Microsoft 365 is niet "
                                           "mogelijk: " + _first_line(flow),
                                           detail=str(flow.get("error", "")))
            return DeviceCode(str(flow["user_code"]), str(flow["verification_uri"]),
                              float(flow["expires_at"]), flow)

    def finish_device_sign_in(self, code: DeviceCode, *,
                              cancelled: Callable[[], bool]) -> str:
        """Wait until the code was entered (or cancelled, or expired); the account's name."""
        import requests

        def give_up(flow: dict[str, Any]) -> bool:
            return cancelled() or time.time() > float(flow.get("expires_at", 0))

        with self._lock:
            app = self._application()
        # Polling takes minutes: without the lock, so the dialog can still read the account.
        try:
            result = app.acquire_token_by_device_flow(code.flow, exit_condition=give_up)
        except requests.RequestException as exc:
            raise _offline(exc) from exc
        with self._lock:
            if "access_token" not in result:
                error = result.get("error", "")
                if cancelled() or error in ("authorization_pending", "slow_down"):
                    raise SignInCancelled("De aanmelding bij Microsoft 365 werd afgebroken.")
                if error == "expired_token":
                    raise SignInCancelled("De code is verlopen voordat ze werd ingegeven. "
                                          "Vraag een nieuwe code aan.", detail=error)
                if error in ("authorization_declined", "access_denied"):
                    raise SignInCancelled("De aanmelding bij Microsoft 365 werd geweigerd of "
                                          "afgebroken.", detail=error)
                raise AuthenticationFailed("Aanmelden bij Microsoft 365 is mislukt: "
                                           + _first_line(result), detail=error)
            return self._signed_in(result)


def _for_exchangelib(result: dict[str, Any]) -> dict[str, Any]:
    register_secret(result["access_token"])
    # exchangelib refreshes a token that expired locally and retries without limit; a
    # floor keeps a server that hands out near-dead tokens from looping it. A token
    # that is dead already is refused with 401, which EwsBackend handles once.
    lifetime = max(float(result.get("expires_in", 0)), 60.0)
    return {"access_token": result["access_token"], "token_type": "Bearer",
            "expires_at": time.time() + lifetime}


def _first_line(result: dict[str, Any] | None) -> str:
    description = str((result or {}).get("error_description") or (result or {}).get("error", ""))
    return description.splitlines()[0] if description else "onbekende fout"


def _offline(exc: Exception) -> Offline:
    return Offline("De aanmeldserver van Microsoft 365 is niet bereikbaar. Controleer de "
                   "netwerkverbinding.", detail=type(exc).__name__)


class _Receiver:
    """The loopback redirect address: receives the browser's form post with the code."""

    def __init__(self) -> None:
        self._state = ""
        self._answer: dict[str, str] | None = None
        self._arrived = threading.Event()
        self._server = HTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1}, name="m365-redirect")

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._thread.join()
        self._server.server_close()

    def expect(self, state: str) -> None:
        self._state = state

    def wait(self, cancelled: Callable[[], bool], timeout: float) -> dict[str, str] | None:
        """The answer, or None if the user cancelled here or never finished in the browser."""
        deadline = time.monotonic() + timeout
        # Short waits so Cancel in the app is honoured within a fraction of a second.
        while not self._arrived.wait(0.2):
            if cancelled() or time.monotonic() > deadline:
                return None
        return self._answer

    def _accept(self, form: dict[str, str]) -> bool:
        if form.get("state") != self._state or not (form.get("code") or form.get("error")):
            return False  # someone else's request on this port: ignore it
        self._answer = form
        self._arrived.set()
        return True

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                fields = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
                form = {key: values[0] for key, values in fields.items()}
                if not receiver._accept(form):
                    self._page(400, "Onverwacht antwoord", "Dit antwoord hoort niet bij een "
                               "aanmelding van Kortrijk Cockpit.")
                elif "code" in form:
                    self._page(200, "Aangemeld", "U bent aangemeld bij Microsoft 365. U kunt "
                               "dit venster sluiten en terugkeren naar Kortrijk Cockpit.")
                else:
                    self._page(200, "Niet aangemeld", "De aanmelding werd niet voltooid. U "
                               "kunt dit venster sluiten.")

            def do_GET(self) -> None:
                if parse_qs(urlparse(self.path).query):
                    # Only form_post is accepted: a code in a URL ends up in browser history.
                    self._page(400, "Niet ondersteund", "Dit antwoord wordt niet aanvaard.")
                else:
                    self._page(200, "Kortrijk Cockpit", "Wacht op de aanmelding…")

            def _page(self, status: int, title: str, text: str) -> None:
                body = _DONE_PAGE.format(title=html.escape(title), text=html.escape(text))
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the request line could carry a code: log nothing

        return Handler
