"""A loopback Microsoft identity platform (Entra ID v2.0) that real MSAL signs in against.

It serves the tenant's OpenID configuration, the authorize endpoint (answering
with the auto-submitting form_post page Entra ID sends to the browser), the
device code endpoint (the code is `authorization_pending` until a test
approves it, as the user would at microsoft.com/devicelogin) and the token
endpoint (authorization code with PKCE, device code, rotating refresh tokens), over
HTTPS only because MSAL refuses other authorities. The EWS sandbox asks
`user_for()` whom a bearer token belongs to.

Access and refresh tokens are opaque random strings. The id_token is an
unsigned JWT (alg "none"): MSAL decodes its claims without checking a
signature, and an honest "none" cannot be mistaken for a real token.
Token values are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import secrets
import ssl
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Self
from urllib.parse import parse_qsl, urlsplit

from kortrijk_cockpit.sandbox.loopback import LoopbackHttpServer

log = logging.getLogger(__name__)

CLIENT_ID = "5b1c9e47-2d8a-4f3b-9c61-0e7a4d2f8b35"  # the cockpit's app registration
EWS_SCOPE = "https://outlook.office365.com/EWS.AccessAsUser.All"
GRAPH_RESOURCE = "https://graph.microsoft.com/"
DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEVICE_CODE_LIFETIME = 900  # seconds, as Entra ID's
# Scopes of the platform itself, not of a resource; MSAL adds openid, profile, offline_access.
OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
CODE_LIFETIME = 600  # seconds; Entra ID's authorization codes live about ten minutes
_JSON = "application/json; charset=utf-8"
_HTML = "text/html; charset=utf-8"
_NO_STORE = {"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"}
_REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _json_b64url(value: dict[str, object]) -> str:
    return _b64url(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def s256(code_verifier: str) -> str:
    """The PKCE code challenge of a verifier (RFC 7636, S256)."""
    return _b64url(hashlib.sha256(code_verifier.encode("ascii")).digest())


def is_loopback_redirect(uri: str) -> bool:
    """http://localhost:N or http://127.0.0.1:N: what a desktop app's listener may receive on."""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1")
            and port is not None and parts.path in ("", "/")
            and not parts.query and not parts.fragment and parts.username is None)


@dataclass(frozen=True)
class _Response:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Code:
    """What the authorize request promised; the token request must match it."""

    client_id: str
    redirect_uri: str
    code_challenge: str
    nonce: str | None
    scopes: frozenset[str]
    expires: float  # on the authority's monotonic clock


@dataclass
class _Device:
    """A device code: pending until the user enters `user_code` and approves (or declines)."""

    user_code: str
    scopes: frozenset[str]
    expires: float  # on the authority's monotonic clock
    answer: str = "pending"  # "pending", "approved", "declined"


class _Refused(Exception):
    """A request the platform refuses with an AADSTS error."""

    def __init__(self, error: str, code: int, message: str) -> None:
        super().__init__(f"{error}: AADSTS{code}")
        self.error = error
        self.code = code
        self.message = message


class _HttpServer(LoopbackHttpServer):
    def __init__(self, address: tuple[str, int], authority: FakeAuthority) -> None:
        self.authority = authority
        super().__init__(address, _Handler)

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A failed TLS handshake (a client that distrusts the CA) or a dropped
        # connection is the client's business, not a traceback on stderr.
        log.debug("Fake authority: connection from %s failed: %r", client_address,
                  sys.exc_info()[1])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: MSAL's requests session reuses connections
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""
    server: _HttpServer

    def setup(self) -> None:
        # The handshake runs here, on the connection's thread, so a slow or
        # distrustful client never blocks the accept loop.
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()
        super().setup()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Only method and path: query strings carry state, nonces and hints.
        log.debug("Fake authority: %s %s -> %s", self.command, self.path.split("?", 1)[0], code)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("Fake authority: %s", format % args)

    def do_GET(self) -> None:
        self._answer(self.server.authority.respond(
            "GET", self.path, b"", self.headers.get("client-request-id")))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self._answer(self.server.authority.respond(
            "POST", self.path, body, self.headers.get("client-request-id")))

    def _answer(self, response: _Response) -> None:
        lines = [f"HTTP/1.1 {response.status} {_REASONS.get(response.status, 'Error')}",
                 f"Server: {self.server_version}", f"Date: {self.date_time_string()}",
                 f"Content-Type: {response.content_type}",
                 f"Content-Length: {len(response.body)}"]
        lines += [f"{k}: {v}" for k, v in response.headers.items()]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            self.wfile.write(head + response.body)  # one write: no Nagle / delayed-ACK stall
        except OSError:  # the client gave up or the server is stopping
            self.close_connection = True
        self.log_request(response.status, len(response.body))


class FakeAuthority:
    """Entra ID for one tenant, one public client app and one user who always signs in."""

    def __init__(self, *, tls: ssl.SSLContext, tenant: str = "kortrijk.be",
                 client_id: str = CLIENT_ID, username: str = "assistent@kortrijk.be",
                 display_name: str = "Assistent Algemeen Directeur", host: str = "127.0.0.1",
                 port: int = 0, access_token_lifetime: int = 3600,
                 device_code_interval: int = 1) -> None:
        self.tls = tls
        self.tenant = tenant
        # Entra ID names a tenant by GUID in its endpoints and tokens; derive a stable one.
        self.tenant_id = str(uuid.uuid5(uuid.NAMESPACE_DNS, tenant))
        self.client_id = client_id
        self.username = username
        self.display_name = display_name
        self.host = host
        self.port = port
        self.access_token_lifetime = access_token_lifetime
        self.device_code_interval = device_code_interval  # seconds MSAL waits between polls
        self.object_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.tenant_id}/{username.lower()}"))
        # What happened, in order: "authorize", "denied", "authorization_code",
        # "refresh_token"; a refused request as "<grant>:<error>", e.g. "refresh_token:invalid_grant".
        self.grants: list[str] = []
        self._deny = False
        self._codes: dict[str, _Code] = {}
        self._redeemed: set[str] = set()  # used codes, to tell "already redeemed" from unknown
        self._refresh: dict[str, frozenset[str]] = {}  # live refresh token -> consented scopes
        self._revoked: set[str] = set()
        self._access: dict[str, float] = {}  # access token -> expiry on the monotonic clock
        self._scopes: dict[str, frozenset[str]] = {}  # access token -> the scopes it grants
        self._devices: dict[str, _Device] = {}  # device code -> its state
        self._lock = threading.Lock()
        self._polled = threading.Condition(self._lock)  # a grant was recorded
        self._httpd: _HttpServer | None = None

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self.port == 0:
            raise RuntimeError("The fake authority has not been started (no port yet)")
        return f"https://{self.host}:{self.port}"

    @property
    def authority_url(self) -> str:
        """What the app passes to MSAL as `authority`."""
        return f"{self.base_url}/{self.tenant}"

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/{self.tenant_id}/v2.0"

    def start(self) -> Self:
        if self._httpd is not None:
            raise RuntimeError("The fake authority is already running")
        self._httpd = _HttpServer((self.host, self.port), self)
        self._httpd.socket = self.tls.wrap_socket(self._httpd.socket, server_side=True,
                                                  do_handshake_on_connect=False)
        self.port = self._httpd.server_address[1]
        self._httpd.serve_in_background(f"fake-authority-{self.port}")
        log.info("Fake Entra ID authority on %s for %s", self.authority_url, self.username)
        return self

    def stop(self) -> None:
        httpd = self._httpd
        if httpd is None:
            return
        httpd.stop()
        self._httpd = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- what tests do to the platform ------------------------------------------------------
    def deny_sign_in(self) -> None:
        """From now on the user declines at the sign-in page."""
        with self._lock:
            self._deny = True

    def expire_access_tokens(self) -> None:
        """Every access token issued so far stops working (MSAL's cache still holds them)."""
        with self._lock:
            self._access.clear()

    def revoke_refresh_tokens(self) -> None:
        """Every refresh token stops working, as after a password reset: sign in again."""
        with self._lock:
            self._revoked.update(self._refresh)
            self._refresh.clear()

    def approve_device_code(self, user_code: str) -> None:
        """The user enters `user_code` at the device login page and signs in."""
        self._answer_device_code(user_code, "approved")

    def decline_device_code(self, user_code: str) -> None:
        self._answer_device_code(user_code, "declined")

    def _answer_device_code(self, user_code: str, answer: str) -> None:
        with self._lock:
            for device in self._devices.values():
                if device.user_code == user_code:
                    device.answer = answer
                    return
        raise KeyError(f"no device code {user_code!r}")

    def wait_for_device_poll(self, timeout: float = 10.0) -> bool:
        """Block until the app polls the token endpoint with a pending device code."""
        with self._polled:
            seen = self.grants.count(f"{DEVICE_CODE_GRANT}:authorization_pending")
            return self._polled.wait_for(
                lambda: self.grants.count(f"{DEVICE_CODE_GRANT}:authorization_pending") > seen,
                timeout)

    def scopes_of(self, access_token: str) -> frozenset[str]:
        """The resource scopes an access token was issued for (empty if unknown)."""
        with self._lock:
            return self._scopes.get(access_token, frozenset())

    def user_for(self, access_token: str) -> str | None:
        """The UPN an access token was issued to, if it is ours and unexpired."""
        with self._lock:
            expires = self._access.get(access_token)
            if expires is None:
                return None
            if time.monotonic() >= expires:
                del self._access[access_token]
                return None
            return self.username

    # -- HTTP -------------------------------------------------------------------------------
    def respond(self, method: str, target: str, body: bytes, request_id: str | None) -> _Response:
        """Route one request; called on a connection thread."""
        parts = urlsplit(target)
        segments = parts.path.strip("/").split("/")
        if not segments or segments[0].lower() not in (self.tenant.lower(), self.tenant_id):
            return self._not_found()
        route = "/".join(segments[1:]).lower()
        correlation_id = request_id or str(uuid.uuid4())
        if route == "v2.0/.well-known/openid-configuration" and method == "GET":
            return _Response(200, _JSON, json.dumps(self.openid_configuration()).encode())
        if route == "discovery/v2.0/keys" and method == "GET":
            return _Response(200, _JSON, b'{"keys":[]}')  # the id_tokens are unsigned
        if route == "oauth2/v2.0/authorize":
            query = parts.query if method == "GET" else body.decode("utf-8", "replace")
            return self._authorize(dict(parse_qsl(query, keep_blank_values=True)))
        if route == "oauth2/v2.0/token":
            if method != "POST":
                return self._error_json(_Refused(
                    "invalid_request", 900561, "The endpoint only accepts POST requests. "
                    "Received a GET request."), correlation_id)
            form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
            return self._token(form, correlation_id)
        if route == "oauth2/v2.0/devicecode" and method == "POST":
            form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
            return self._device_code(form, correlation_id)
        return self._not_found()

    def openid_configuration(self) -> dict[str, object]:
        """The fields MSAL reads (authorization/token endpoints, issuer) and the usual rest."""
        base = f"{self.base_url}/{self.tenant_id}"
        return {
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "token_endpoint_auth_methods_supported": [
                "client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": f"{base}/discovery/v2.0/keys",
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["none"],
            "response_types_supported": ["code"],
            "scopes_supported": sorted(OIDC_SCOPES),
            "issuer": self.issuer,
            "request_uri_parameter_supported": False,
            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
            "http_logout_supported": True,
            "frontchannel_logout_supported": True,
            "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce",
                                 "preferred_username", "name", "tid", "oid", "ver"],
            "tenant_region_scope": "EU",
            "cloud_instance_name": "microsoftonline.com",
        }

    def _not_found(self) -> _Response:
        return _Response(404, "text/plain; charset=utf-8", b"Not found.")

    # -- authorize --------------------------------------------------------------------------
    def _authorize(self, query: dict[str, str]) -> _Response:
        client_id, redirect_uri = query.get("client_id", ""), query.get("redirect_uri", "")
        # Until client and redirect URI are trusted the answer is a page in the browser;
        # after that, errors go back to the app like a code would.
        if not client_id:
            return self._error_page(_Refused("invalid_request", 900144, "The request body "
                                             "must contain the following parameter: 'client_id'."))
        if client_id != self.client_id:
            return self._error_page(self._unknown_client(client_id))
        if not is_loopback_redirect(redirect_uri):
            return self._error_page(_Refused(
                "invalid_request", 50011, f"The redirect URI '{redirect_uri}' specified in the "
                f"request does not match the redirect URIs configured for the application "
                f"'{client_id}'."))
        state = query.get("state")
        try:
            scopes = self._check_authorize(query)
        except _Refused as refused:
            self._record(f"authorize:{refused.error}")
            return self._form_post(redirect_uri, self._error_fields(refused, state))
        with self._lock:
            deny = self._deny
        if deny:
            self._record("denied")
            return self._form_post(redirect_uri, self._error_fields(_Refused(
                "access_denied", 65004, "User declined to consent to access the app."), state))
        code = secrets.token_urlsafe(48)
        with self._lock:
            self._codes[code] = _Code(client_id, redirect_uri, query["code_challenge"],
                                      query.get("nonce"), scopes,
                                      time.monotonic() + CODE_LIFETIME)
        self._record("authorize")
        fields = {"code": code}
        if query.get("client_info") == "1":  # MSAL asks for it to route the token request
            fields["client_info"] = self._client_info()
        if state is not None:
            fields["state"] = state
        fields["session_state"] = str(uuid.uuid5(uuid.NAMESPACE_URL, self.object_id))
        return self._form_post(redirect_uri, fields)

    def _check_authorize(self, query: dict[str, str]) -> frozenset[str]:
        for name in ("response_type", "scope", "code_challenge"):
            if not query.get(name):
                raise _Refused("invalid_request", 900144, "The request body must contain "
                               f"the following parameter: '{name}'.")
        if query["response_type"] != "code":
            raise _Refused("unsupported_response_type", 700054,
                           f"response_type '{query['response_type']}' is not enabled for the "
                           "application.")
        if query.get("response_mode") != "form_post":
            raise _Refused("invalid_request", 90023, "Invalid request. The sandbox answers with "
                           "response_mode=form_post only.")
        if query.get("code_challenge_method") != "S256":
            raise _Refused("invalid_request", 90023, "Invalid request. PKCE requires "
                           "code_challenge_method=S256.")
        return frozenset(query["scope"].split())

    def _form_post(self, redirect_uri: str, fields: dict[str, str]) -> _Response:
        """Entra ID's form_post answer: a page whose script posts the fields to the app."""
        inputs = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}" />'
                         for k, v in fields.items())
        page = ('<html><head><title>Working...</title></head><body>'
                f'<form method="POST" name="hiddenform" action="{html.escape(redirect_uri)}">'
                f'{inputs}<noscript><p>Script is disabled. Click Submit to continue.</p>'
                '<input type="submit" value="Submit" /></noscript></form>'
                '<script language="javascript">document.forms[0].submit();</script>'
                '</body></html>')
        return _Response(200, _HTML, page.encode("utf-8"), dict(_NO_STORE))

    def _error_page(self, refused: _Refused) -> _Response:
        self._record(f"authorize:{refused.error}")
        text = html.escape(f"AADSTS{refused.code}: {refused.message}")
        page = ("<html><head><title>Sign in to your account</title></head><body>"
                "<h1>Sorry, but we're having trouble signing you in.</h1>"
                f"<p>{text}</p></body></html>")
        return _Response(400, _HTML, page.encode("utf-8"), dict(_NO_STORE))

    def _error_fields(self, refused: _Refused, state: str | None) -> dict[str, str]:
        fields = {"error": refused.error,
                  "error_description": self._description(refused, str(uuid.uuid4()))[0]}
        if state is not None:
            fields["state"] = state
        return fields

    # -- device code ------------------------------------------------------------------------
    @property
    def verification_uri(self) -> str:
        return f"{self.base_url}/devicelogin"  # microsoft.com/devicelogin in Entra ID

    def _device_code(self, form: dict[str, str], correlation_id: str) -> _Response:
        try:
            if form.get("client_id") != self.client_id:
                raise self._unknown_client(form.get("client_id", ""))
            scopes = frozenset(form.get("scope", "").split())
            if not scopes - OIDC_SCOPES:
                raise _Refused("invalid_scope", 70011, "The provided value for the input "
                               "parameter 'scope' is not valid.")
        except _Refused as refused:
            self._record(f"devicecode:{refused.error}")
            return self._error_json(refused, correlation_id)
        device_code = secrets.token_urlsafe(48)
        user_code = "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9))
        with self._lock:
            self._devices[device_code] = _Device(user_code, scopes,
                                                 time.monotonic() + DEVICE_CODE_LIFETIME)
        self._record("devicecode")
        body = {"user_code": user_code, "device_code": device_code,
                "verification_uri": self.verification_uri, "expires_in": DEVICE_CODE_LIFETIME,
                "interval": self.device_code_interval,
                "message": f"To sign in, use a web browser to open the page "
                           f"{self.verification_uri} and enter the code {user_code} to "
                           "authenticate."}
        return _Response(200, _JSON, json.dumps(body).encode("utf-8"), dict(_NO_STORE))

    def _redeem_device_code(self, form: dict[str, str]) -> dict[str, object]:
        device_code = form.get("device_code", "")
        with self._lock:
            device = self._devices.get(device_code)
            if device is not None and device.answer != "pending":
                del self._devices[device_code]  # answered: single use
        if device is None:
            raise _Refused("invalid_grant", 70000, "The provided value for the input parameter "
                           "'device_code' is not valid.")
        if time.monotonic() >= device.expires:
            raise _Refused("expired_token", 70020, "The provided authorization code has "
                           "expired.")
        if device.answer == "declined":
            raise _Refused("authorization_declined", 70000, "The user declined to sign in.")
        if device.answer == "pending":
            raise _Refused("authorization_pending", 70016, "OAuth 2.0 device flow error. "
                           "Authorization is pending. Continue polling.")
        return self._issue(device.scopes, None, form.get("client_info") == "1")

    # -- token ------------------------------------------------------------------------------
    def _token(self, form: dict[str, str], correlation_id: str) -> _Response:
        grant_type = form.get("grant_type", "")
        try:
            if not form.get("client_id"):
                raise _Refused("invalid_request", 900144, "The request body must contain the "
                               "following parameter: 'client_id'.")
            if form["client_id"] != self.client_id:
                raise self._unknown_client(form["client_id"])
            if grant_type == "authorization_code":
                body = self._redeem_code(form)
            elif grant_type == "refresh_token":
                body = self._redeem_refresh_token(form)
            elif grant_type == DEVICE_CODE_GRANT:
                body = self._redeem_device_code(form)
            elif not grant_type:
                raise _Refused("invalid_request", 900144, "The request body must contain the "
                               "following parameter: 'grant_type'.")
            else:
                raise _Refused("unsupported_grant_type", 70003,
                               f"The app requested an unsupported grant type '{grant_type}'.")
        except _Refused as refused:
            self._record(f"{grant_type or 'token'}:{refused.error}")
            return self._error_json(refused, correlation_id)
        self._record(grant_type)
        headers = dict(_NO_STORE, **{"client-request-id": correlation_id,
                                     "x-ms-request-id": str(uuid.uuid4())})
        return _Response(200, _JSON, json.dumps(body).encode("utf-8"), headers)

    def _redeem_code(self, form: dict[str, str]) -> dict[str, object]:
        code = form.get("code")
        if not code:
            raise _Refused("invalid_request", 900144, "The request body must contain the "
                           "following parameter: 'code'.")
        with self._lock:
            grant = self._codes.pop(code, None)  # single use, whatever happens next
            if grant is not None:
                self._redeemed.add(code)
            elif code in self._redeemed:
                raise _Refused("invalid_grant", 54005, "OAuth2 Authorization code was already "
                               "redeemed, please retry with a new valid code or use an existing "
                               "refresh token.")
        if grant is None:
            raise _Refused("invalid_grant", 9002313, "Invalid request. Request is malformed "
                           "or invalid.")
        if time.monotonic() >= grant.expires:
            raise _Refused("invalid_grant", 70008, "The provided authorization code or refresh "
                           "token has expired due to inactivity. Send a new interactive "
                           "authorization request for this user and resource.")
        if form.get("redirect_uri") != grant.redirect_uri:
            raise _Refused("invalid_grant", 500112, f"The reply address "
                           f"'{form.get('redirect_uri', '')}' does not match the reply address "
                           f"'{grant.redirect_uri}' provided when requesting Authorization code.")
        verifier = form.get("code_verifier", "")
        if not verifier or not secrets.compare_digest(s256(verifier), grant.code_challenge):
            raise _Refused("invalid_grant", 501481, "The Code_Verifier does not match the "
                           "code_challenge supplied in the authorization request.")
        scopes = self._requested(form, grant.scopes)
        return self._issue(scopes, grant.nonce, form.get("client_info") == "1")

    def _redeem_refresh_token(self, form: dict[str, str]) -> dict[str, object]:
        token = form.get("refresh_token")
        if not token:
            raise _Refused("invalid_request", 900144, "The request body must contain the "
                           "following parameter: 'refresh_token'.")
        with self._lock:
            consented = self._refresh.get(token)
            revoked = token in self._revoked
        if revoked:
            raise _Refused("invalid_grant", 50173, "The provided grant has expired due to it "
                           "being revoked, a fresh auth token is needed. The user might have "
                           "changed or reset their password.")
        if consented is None:  # unknown, or already rotated away
            raise _Refused("invalid_grant", 70008, "The provided authorization code or refresh "
                           "token has expired due to inactivity. Send a new interactive "
                           "authorization request for this user and resource.")
        scopes = self._requested(form, consented)
        with self._lock:
            # Rotation: the old token dies with this use (a racing second use loses).
            if self._refresh.pop(token, None) is None:
                raise _Refused("invalid_grant", 70008, "The provided authorization code or "
                               "refresh token has expired due to inactivity.")
        return self._issue(scopes, None, form.get("client_info") == "1", consented)

    def _requested(self, form: dict[str, str], consented: frozenset[str]) -> frozenset[str]:
        """The scopes asked for at the token endpoint, which the user must have consented to."""
        scopes = frozenset(form.get("scope", "").split()) or consented
        missing = scopes - consented - OIDC_SCOPES
        if missing:
            raise _Refused("invalid_grant", 65001, "The user or administrator has not consented "
                           f"to use the application with ID '{self.client_id}'. Send an "
                           f"interactive authorization request for this user and resource "
                           f"({' '.join(sorted(missing))}).")
        return scopes

    def _issue(self, scopes: frozenset[str], nonce: str | None, client_info: bool,
               consented: frozenset[str] | None = None) -> dict[str, object]:
        lifetime = self.access_token_lifetime
        resource = sorted(scopes - OIDC_SCOPES)
        access_token = secrets.token_urlsafe(48)
        body: dict[str, object] = {
            "token_type": "Bearer",
            "scope": " ".join(resource or sorted(scopes)),
            "expires_in": lifetime,
            "ext_expires_in": lifetime,
            "access_token": access_token,
        }
        with self._lock:
            self._access[access_token] = time.monotonic() + lifetime
            self._scopes[access_token] = frozenset(resource)
            if "offline_access" in scopes:  # no refresh token without offline_access
                refresh_token = secrets.token_urlsafe(64)
                self._refresh[refresh_token] = consented if consented is not None else scopes
                body["refresh_token"] = refresh_token
        if "openid" in scopes:
            body["id_token"] = self._id_token(nonce)
        if client_info:
            body["client_info"] = self._client_info()
        return body

    def _id_token(self, nonce: str | None) -> str:
        now = int(time.time())
        claims: dict[str, object] = {
            "aud": self.client_id, "iss": self.issuer, "iat": now, "nbf": now, "exp": now + 3600,
            "name": self.display_name, "oid": self.object_id,
            "preferred_username": self.username,
            # "sub" is pairwise in Entra ID: per user and app.
            "sub": _b64url(hashlib.sha256(f"{self.object_id}/{self.client_id}".encode()).digest()),
            "tid": self.tenant_id, "uti": secrets.token_urlsafe(16), "ver": "2.0",
        }
        if nonce is not None:  # MSAL compares it with the (hashed) nonce it sent
            claims["nonce"] = nonce
        return f"{_json_b64url({'typ': 'JWT', 'alg': 'none'})}.{_json_b64url(claims)}."

    def _client_info(self) -> str:
        """uid.utid becomes MSAL's home_account_id."""
        return _json_b64url({"uid": self.object_id, "utid": self.tenant_id})

    # -- errors -----------------------------------------------------------------------------
    def _unknown_client(self, client_id: str) -> _Refused:
        return _Refused("unauthorized_client", 700016, f"Application with identifier "
                        f"'{client_id}' was not found in the directory '{self.tenant}'. This "
                        "can happen if the application has not been installed by the "
                        "administrator of the tenant or consented to by any user in the tenant.")

    def _description(self, refused: _Refused, correlation_id: str) -> tuple[str, str, str]:
        timestamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
        trace_id = str(uuid.uuid4())
        text = (f"AADSTS{refused.code}: {refused.message} Trace ID: {trace_id} "
                f"Correlation ID: {correlation_id} Timestamp: {timestamp}")
        return text, trace_id, timestamp

    def _error_json(self, refused: _Refused, correlation_id: str) -> _Response:
        description, trace_id, timestamp = self._description(refused, correlation_id)
        body = {
            "error": refused.error, "error_description": description,
            "error_codes": [refused.code], "timestamp": timestamp, "trace_id": trace_id,
            "correlation_id": correlation_id,
            "error_uri": f"{self.base_url}/error?code={refused.code}",
        }
        return _Response(400, _JSON, json.dumps(body).encode("utf-8"),
                         dict(_NO_STORE, **{"client-request-id": correlation_id}))

    def _record(self, grant: str) -> None:
        with self._lock:
            self.grants.append(grant)
            self._polled.notify_all()
        log.info("Fake authority: %s", grant)
