"""Autodiscover: the EWS address found from the director's mailbox address alone.

The sandbox's SOAP autodiscover endpoint is tested directly over loopback; the whole
search (`discover_endpoint`, exchangelib's steps 1-4 with real DNS, TLS on port 443
and host names under kortrijk.test) runs in a child process in a private network and
mount namespace (`netns.py`, `autodiscover_world.py`): one child runs every scenario,
each test asserts what the assistant would see in one of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from exchangelib import BASIC, Configuration, Credentials
from exchangelib.autodiscover import AutodiscoverProtocol
from exchangelib.errors import ErrorNonExistentMailbox

from kortrijk_cockpit.exchange.discovery import AutodiscoverFailed, discover_endpoint
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.ews.autodiscover import AUTODISCOVER_PATH
from kortrijk_cockpit.sandbox.ews.server import PASSWORD, USERNAME
from tests.conftest import IN_CI
from tests.integration.autodiscover_world import DOMAIN, EWS_URL, OWNER, SCENARIOS, STALE
from tests.integration.netns import NamespaceUnavailable, run_isolated

NOT_FOUND = (f"Het EWS-adres voor {DOMAIN} kon niet automatisch worden gevonden. Vul het adres "
             f"van de Exchange-server in (bv. https://mail.{DOMAIN}/EWS/Exchange.asmx).")
BAD_CREDENTIALS = "Aanmelden bij Exchange is mislukt: controleer gebruikersnaam en wachtwoord."


# -- the sandbox's autodiscover endpoint, over loopback ---------------------------------------
@pytest.fixture
def autodiscover_url() -> Iterator[str]:
    with SandboxServer(Mailbox(owner=OWNER), public_url=EWS_URL) as server:
        yield server.url.replace("/EWS/Exchange.asmx", AUTODISCOVER_PATH)
        assert server.errors == []


def _protocol(url: str) -> AutodiscoverProtocol:
    return AutodiscoverProtocol(config=Configuration(
        service_endpoint=url, credentials=Credentials(USERNAME, PASSWORD), auth_type=BASIC))


def test_the_sandbox_advertises_the_public_ews_url_for_the_owner(autodiscover_url: str) -> None:
    protocol = _protocol(autodiscover_url)
    try:
        response = protocol.get_user_settings(user=OWNER.upper())
    finally:
        protocol.close()
    response.raise_errors()  # unknown settings come back as SettingIsNotAvailable: harmless
    assert response.ews_url == EWS_URL
    assert response.user_settings["internal_ews_url"] == EWS_URL
    assert response.autodiscover_smtp_address == OWNER


def test_the_sandbox_answers_invalid_user_for_another_address(autodiscover_url: str) -> None:
    protocol = _protocol(autodiscover_url)
    try:
        response = protocol.get_user_settings(user=f"onbekend@{DOMAIN}")
    finally:
        protocol.close()
    assert response.error_code == "InvalidUser"
    with pytest.raises(ErrorNonExistentMailbox):
        response.raise_errors()


@pytest.mark.parametrize("method", ["head", "get", "post"])
def test_unauthenticated_probes_get_a_challenge(autodiscover_url: str, method: str) -> None:
    with requests.Session() as session:
        answer = session.request(method, autodiscover_url, timeout=5)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Basic")
    assert (answer.content == b"") == (method == "head")


def test_a_mailbox_address_without_domain_is_refused_before_any_request() -> None:
    with pytest.raises(AutodiscoverFailed, match="geen geldig e-mailadres"):
        discover_endpoint("algemeen.directeur", USERNAME, PASSWORD, auth="basic")


# -- the whole search, in a private network --------------------------------------------------
@pytest.fixture(scope="module")
def world() -> dict[str, Any]:
    try:
        result: dict[str, Any] = run_isolated("tests.integration.autodiscover_world",
                                              {"scenarios": list(SCENARIOS)})
    except NamespaceUnavailable as exc:
        if IN_CI:
            pytest.fail(f"The autodiscover tests need a private network namespace in CI: {exc}")
        pytest.skip(f"no private network namespace for the autodiscover tests: {exc}")
    assert "_server_errors" not in result, result["_server_errors"]
    return result


def test_found_on_autodiscover_host_and_the_mailbox_opens(world: dict[str, Any]) -> None:
    found = world["autodiscover_host"]
    assert (found["error"], found["endpoint"]) == (None, EWS_URL), found
    assert {"inbox", "calendar"} <= set(found["folders"])  # EwsBackend on the found address
    assert found["requests"][0] == "GetUserSettings"


def test_verbinding_testen_without_an_address_finds_and_fills_it_in(
        world: dict[str, Any]) -> None:
    check = world["autodiscover_host"]["check"]
    assert (check["ok"], check["endpoint"]) == (True, EWS_URL), check


def test_sync_once_without_a_server_finds_it_by_autodiscover(world: dict[str, Any]) -> None:
    cli = world["autodiscover_host"]["cli"]
    assert cli["returncode"] == 0, cli["stderr"]
    assert "gesynchroniseerd:" in cli["stdout"]


def test_found_through_the_srv_record_only(world: dict[str, Any]) -> None:
    found = world["srv_only"]
    assert (found["error"], found["endpoint"]) == (None, EWS_URL), found
    assert f"_autodiscover._tcp.{DOMAIN}. SRV" in found["dns_queries"]
    assert any('"HEAD /autodiscover/autodiscover.svc' in line for line in found["log"])


def test_no_autodiscover_at_all_asks_for_the_address_quickly(world: dict[str, Any]) -> None:
    found = world["nothing"]
    assert (found["error"], found["message"]) == ("AutodiscoverFailed", NOT_FOUND), found
    assert found["seconds"] < 3


def test_a_wrong_password_is_reported_as_such(world: dict[str, Any]) -> None:
    found = world["wrong_password"]
    assert (found["error"], found["message"]) == ("AuthenticationFailed", BAD_CREDENTIALS), found


def test_an_address_exchange_does_not_know_is_named(world: dict[str, Any]) -> None:
    found = world["unknown_mailbox"]
    assert found["error"] == "AutodiscoverFailed", found
    assert f"kent het adres onbekend@{DOMAIN} niet" in found["message"]


def test_without_the_organisations_ca_the_certificate_is_blamed(world: dict[str, Any]) -> None:
    found = world["untrusted_certificate"]
    assert found["error"] == "AutodiscoverFailed", found
    assert f"het certificaat van autodiscover.{DOMAIN} wordt niet vertrouwd" in found["message"]


def test_a_server_that_never_answers_does_not_hold_up_the_search(world: dict[str, Any]) -> None:
    found = world["silent_server"]
    assert (found["error"], found["message"]) == ("AutodiscoverFailed", NOT_FOUND), found
    assert 1.4 <= found["seconds"] < 4  # timeout=1.5 s


def test_exchangelibs_autodiscover_cache_is_neither_read_nor_written(
        world: dict[str, Any]) -> None:
    # A stale entry was planted before the searches: every search still found the sandbox,
    # and the entry is still there, unchanged (exchangelib drops or replaces what it uses).
    assert world["_cache"] == {DOMAIN: STALE}
