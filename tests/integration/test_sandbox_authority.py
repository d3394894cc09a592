"""The fake Entra ID authority, driven by real MSAL over HTTPS as the app will use it."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, parse_qsl, urlsplit

import msal
import pytest
import requests

from kortrijk_cockpit.sandbox.authority import CLIENT_ID, EWS_SCOPE, FakeAuthority
from tests.integration.fake_browser import ClosedBrowser, SigningInBrowser
from tests.integration.test_exchange_tls import internal_ca_certificate

SCOPES = [EWS_SCOPE]


class _Listener(HTTPServer):
    """The app's loopback listener: receives the one form post of the sign-in."""

    timeout = 10  # a broken sign-in fails the test instead of hanging it

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Receive)
        self.auth_response: dict[str, str] = {}

    @property
    def redirect_uri(self) -> str:
        return f"http://localhost:{self.server_address[1]}"

    def receive(self) -> dict[str, str]:
        self.handle_request()
        return self.auth_response

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.server_close()


class _Receive(BaseHTTPRequestHandler):
    server: _Listener

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.auth_response = dict(parse_qsl(body.decode("utf-8")))
        page = b"Aangemeld. U kunt dit venster sluiten."
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _OwnCaSession(requests.Session):
    """A session whose own `verify` wins over REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE.

    Plain requests lets those variables override `Session.verify` (requests
    issue #3829), so MSAL's `verify=` is silently ignored where they are set.
    """

    def merge_environment_settings(self, url: str, proxies: Any, stream: Any, verify: Any,
                                   cert: Any) -> dict[str, Any]:
        settings: dict[str, Any] = super().merge_environment_settings(
            url, proxies, stream, self.verify if verify is None else verify, cert)
        return settings


@pytest.fixture(autouse=True)
def no_threads_left() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    assert set(threading.enumerate()) - before == set()


@pytest.fixture(autouse=True)
def no_ca_bundle_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # These override MSAL's verify= (see _OwnCaSession); the last test shows it.
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)


@pytest.fixture
def ca(tmp_path: Path) -> tuple[ssl.SSLContext, Path]:
    cert, key = internal_ca_certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert


@pytest.fixture
def ca_pem(ca: tuple[ssl.SSLContext, Path]) -> str:
    return str(ca[1])


@pytest.fixture
def authority(ca: tuple[ssl.SSLContext, Path]) -> Iterator[FakeAuthority]:
    with FakeAuthority(tls=ca[0]) as fake:
        yield fake


def _app(authority: FakeAuthority, ca_pem: str,
         client_id: str = CLIENT_ID) -> msal.PublicClientApplication:
    return msal.PublicClientApplication(client_id, authority=authority.authority_url,
                                        token_cache=msal.SerializableTokenCache(),
                                        instance_discovery=False, verify=ca_pem)


@pytest.fixture
def app(authority: FakeAuthority, ca_pem: str) -> Iterator[msal.PublicClientApplication]:
    application = _app(authority, ca_pem)
    yield application
    application.http_client.close()  # MSAL's requests session, kept alive to the authority


@pytest.fixture
def browser(ca_pem: str) -> Iterator[SigningInBrowser]:
    signing_in = SigningInBrowser(ca_pem)
    yield signing_in
    signing_in.join()


def _start(app: msal.PublicClientApplication, authority: FakeAuthority,
           listener: _Listener) -> dict[str, Any]:
    flow: dict[str, Any] = app.initiate_auth_code_flow(
        SCOPES, redirect_uri=listener.redirect_uri, response_mode="form_post",
        login_hint=authority.username, prompt="select_account")
    return flow


def _sign_in(app: msal.PublicClientApplication, authority: FakeAuthority,
             browser: SigningInBrowser) -> dict[str, Any]:
    with _Listener() as listener:
        flow = _start(app, authority, listener)
        assert browser(flow["auth_uri"])
        auth_response = listener.receive()
        browser.join()
    result: dict[str, Any] = app.acquire_token_by_auth_code_flow(flow, auth_response)
    return result


def _cached_refresh_token(app: msal.PublicClientApplication) -> str:
    cache = json.loads(app.token_cache.serialize())
    (item,) = cache["RefreshToken"].values()
    secret: str = item["secret"]
    return secret


def test_sign_in_with_the_code_flow(app: msal.PublicClientApplication, authority: FakeAuthority,
                                    browser: SigningInBrowser) -> None:
    result = _sign_in(app, authority, browser)

    assert "error" not in result, result
    assert result["token_type"] == "Bearer"
    assert result["scope"].split() == SCOPES
    assert result["id_token_claims"]["preferred_username"] == "assistent@kortrijk.be"
    assert result["id_token_claims"]["name"] == "Assistent Algemeen Directeur"
    assert authority.user_for(result["access_token"]) == "assistent@kortrijk.be"
    assert authority.grants == ["authorize", "authorization_code"]
    # What the browser was asked to open, and what the app's listener told the user.
    query = parse_qs(urlsplit(browser.opened[0]).query)
    assert query["response_mode"] == ["form_post"]
    assert query["code_challenge_method"] == ["S256"]
    assert browser.last_page is not None
    assert (browser.last_page.status, browser.last_page.text) == (
        200, "Aangemeld. U kunt dit venster sluiten.")

    (account,) = app.get_accounts()
    assert account["username"] == "assistent@kortrijk.be"
    assert account["home_account_id"] == f"{authority.object_id}.{authority.tenant_id}"


def test_the_token_comes_from_the_cache_afterwards(
        app: msal.PublicClientApplication, authority: FakeAuthority,
        browser: SigningInBrowser) -> None:
    signed_in = _sign_in(app, authority, browser)

    (account,) = app.get_accounts(username="assistent@kortrijk.be")
    again = app.acquire_token_silent(SCOPES, account=account)

    assert again is not None
    assert again["access_token"] == signed_in["access_token"]
    assert again["token_source"] == "cache"
    assert authority.grants == ["authorize", "authorization_code"]


def test_an_expired_access_token_is_refreshed_with_a_rotating_refresh_token(
        app: msal.PublicClientApplication, authority: FakeAuthority,
        browser: SigningInBrowser, ca_pem: str) -> None:
    old = _sign_in(app, authority, browser)["access_token"]
    first_refresh_token = _cached_refresh_token(app)
    (account,) = app.get_accounts()

    authority.expire_access_tokens()
    assert authority.user_for(old) is None
    cached = app.acquire_token_silent(SCOPES, account=account)  # MSAL does not know yet
    assert cached is not None and cached["access_token"] == old
    refreshed = app.acquire_token_silent(SCOPES, account=account, force_refresh=True)

    assert refreshed is not None and "error" not in refreshed, refreshed
    assert refreshed["access_token"] != old
    assert refreshed["token_source"] == "identity_provider"
    assert authority.user_for(refreshed["access_token"]) == "assistent@kortrijk.be"
    assert authority.grants == ["authorize", "authorization_code", "refresh_token"]
    # The used refresh token is dead; MSAL keeps the new one and can refresh again.
    assert _cached_refresh_token(app) != first_refresh_token
    stale = requests.post(f"{authority.base_url}/{authority.tenant_id}/oauth2/v2.0/token",
                          data={"client_id": CLIENT_ID, "grant_type": "refresh_token",
                                "refresh_token": first_refresh_token, "scope": EWS_SCOPE},
                          headers={"client-request-id": "c0ffee00-0000-4000-8000-000000000001"},
                          verify=ca_pem, timeout=10)
    assert stale.status_code == 400
    error = stale.json()
    assert error["error"] == "invalid_grant"
    assert error["error_description"].startswith("AADSTS70008: ")
    assert error["error_codes"] == [70008]
    assert error["correlation_id"] == "c0ffee00-0000-4000-8000-000000000001"
    assert {"timestamp", "trace_id"} <= error.keys()
    again = app.acquire_token_silent(SCOPES, account=account, force_refresh=True)
    assert again is not None and "error" not in again, again


def test_revoked_refresh_tokens_mean_signing_in_again(
        app: msal.PublicClientApplication, authority: FakeAuthority,
        browser: SigningInBrowser) -> None:
    _sign_in(app, authority, browser)
    (account,) = app.get_accounts()

    authority.revoke_refresh_tokens()
    authority.expire_access_tokens()
    result = app.acquire_token_silent_with_error(SCOPES, account=account, force_refresh=True)

    assert result is not None
    assert result["error"] == "invalid_grant"
    assert result["error_description"].startswith("AADSTS50173: ")
    assert authority.grants[-1] == "refresh_token:invalid_grant"
    # Signing in again works.
    assert "access_token" in _sign_in(app, authority, browser)


def test_a_user_who_declines_gets_access_denied(
        app: msal.PublicClientApplication, authority: FakeAuthority,
        browser: SigningInBrowser) -> None:
    authority.deny_sign_in()

    result = _sign_in(app, authority, browser)

    assert result["error"] == "access_denied"
    assert result["error_description"].startswith("AADSTS65004: ")
    assert authority.grants == ["denied"]
    assert app.get_accounts() == []


def test_a_wrong_pkce_verifier_is_refused(
        app: msal.PublicClientApplication, authority: FakeAuthority,
        browser: SigningInBrowser) -> None:
    with _Listener() as listener:
        flow = _start(app, authority, listener)
        browser(flow["auth_uri"])
        auth_response = listener.receive()
        browser.join()
    stolen = dict(flow, code_verifier="x" * 43)  # an intercepted code, without the verifier

    result = app.acquire_token_by_auth_code_flow(stolen, auth_response)
    assert result["error"] == "invalid_grant"
    assert result["error_description"].startswith("AADSTS501481: ")
    # The code was used up by the attempt.
    retry = app.acquire_token_by_auth_code_flow(dict(flow), auth_response)
    assert retry["error_description"].startswith("AADSTS54005: ")
    assert authority.grants == ["authorize", "authorization_code:invalid_grant",
                                "authorization_code:invalid_grant"]


def test_an_unknown_app_sees_an_error_page_and_nothing_is_posted(
        authority: FakeAuthority, ca_pem: str, browser: SigningInBrowser) -> None:
    stranger = _app(authority, ca_pem, client_id="00000000-0000-4000-8000-000000000000")
    try:
        flow = stranger.initiate_auth_code_flow(SCOPES, redirect_uri="http://localhost:1",
                                                response_mode="form_post")
    finally:
        stranger.http_client.close()

    browser(flow["auth_uri"])
    browser.join()

    assert browser.last_page is not None
    assert browser.last_page.status == 400
    assert "AADSTS700016" in browser.last_page.text
    assert authority.grants == ["authorize:unauthorized_client"]


def test_only_a_loopback_redirect_uri_is_accepted(authority: FakeAuthority, ca_pem: str) -> None:
    authorize = f"{authority.base_url}/{authority.tenant}/oauth2/v2.0/authorize"
    common = {"client_id": CLIENT_ID, "response_type": "code", "scope": "openid",
              "response_mode": "form_post", "code_challenge": "x" * 43,
              "code_challenge_method": "S256"}
    for uri in ("https://localhost:8400", "http://evil.example:8400", "http://127.0.0.1:8400/x"):
        page = requests.get(authorize, params=dict(common, redirect_uri=uri), verify=ca_pem,
                            timeout=10)
        assert (page.status_code, "AADSTS50011" in page.text) == (400, True), uri
    page = requests.get(authorize, params=dict(common, redirect_uri="http://127.0.0.1:8400"),
                        verify=ca_pem, timeout=10)
    assert page.status_code == 200
    assert 'action="http://127.0.0.1:8400"' in page.text


def test_discovery_and_unknown_paths(authority: FakeAuthority, ca_pem: str) -> None:
    config = requests.get(f"{authority.authority_url}/v2.0/.well-known/openid-configuration",
                          verify=ca_pem, timeout=10)
    assert config.status_code == 200
    assert config.json()["issuer"] == authority.issuer
    assert config.json()["token_endpoint"].startswith(authority.base_url)
    for path in ("/", "/kortrijk.be/oauth2/v2.0/nope", "/other.be/oauth2/v2.0/token"):
        assert requests.get(authority.base_url + path, verify=ca_pem,
                            timeout=10).status_code == 404, path


def test_msal_refuses_the_authority_without_the_ca_bundle(authority: FakeAuthority) -> None:
    with pytest.raises(requests.exceptions.SSLError):
        msal.PublicClientApplication(CLIENT_ID, authority=authority.authority_url,
                                     instance_discovery=False)


def test_a_closed_browser_only_records_the_url() -> None:
    closed = ClosedBrowser()
    assert closed("https://127.0.0.1:1/kortrijk.be/oauth2/v2.0/authorize")
    assert closed.opened == ["https://127.0.0.1:1/kortrijk.be/oauth2/v2.0/authorize"]


def test_a_ca_bundle_in_the_environment_overrides_msals_verify(
        authority: FakeAuthority, ca_pem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ssl.get_default_verify_paths().openssl_cafile)
    with pytest.raises(requests.exceptions.SSLError):
        _app(authority, ca_pem)  # verify=ca_pem is ignored: discovery fails

    session = _OwnCaSession()
    session.verify = ca_pem
    with session:
        app = msal.PublicClientApplication(CLIENT_ID, authority=authority.authority_url,
                                           instance_discovery=False, http_client=session)
        assert app.authority.token_endpoint.startswith(authority.base_url)
