"""Microsoft 365: sign in once in the browser, then sync with tokens MSAL refreshes silently.

Real MSAL talks HTTPS to a fake Entra ID authority; real exchangelib sends the
access token to the EWS sandbox, which accepts only tokens that authority issued.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.exchange import auth
from kortrijk_cockpit.exchange.connection import check_connection
from kortrijk_cockpit.exchange.errors import Offline, SignInRequired
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.m365 import SignInCancelled, authority_for, tenant_of
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, MemoryKeyring
from tests.integration.fake_browser import ClosedBrowser
from tests.integration.file_keyring import FileKeyring
from tests.integration.m365_fixtures import Cloud, never_cancelled


@pytest.fixture
def signed_in(cloud: Cloud, memory_keyring: MemoryKeyring) -> str:
    browser = cloud.browser()
    user = cloud.session().sign_in(login_hint="", open_browser=browser,
                                   cancelled=never_cancelled)
    browser.join()
    return user


def test_signing_in_once_lets_the_sync_read_the_directors_mailbox(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring, sqlite_store: Store,
        clock) -> None:  # type: ignore[no-untyped-def]
    mailbox.add_message("inbox", subject="Nota MAT", sender=("Els", "els@kortrijk.be"),
                        received=NOW)
    browser = cloud.browser()
    session = cloud.session()
    user = session.sign_in(login_hint="assistent@kortrijk.be", open_browser=browser,
                           cancelled=never_cancelled)
    browser.join()
    assert user == "assistent@kortrijk.be"
    assert browser.last_page is not None and "U bent aangemeld" in browser.last_page.text
    assert session.username() == user

    backend = EwsBackend(cloud.settings(mailbox), session)
    try:
        SyncEngine(sqlite_store.session_factory, backend, clock).sync()
    finally:
        backend.close()
    with sqlite_store.session_factory() as db:
        from kortrijk_cockpit.domain import Mail

        assert [m.subject for m in db.query(Mail)] == ["Nota MAT"]
    assert cloud.authority.grants.count("authorize") == 1


def test_the_keyring_keeps_the_refresh_token_but_no_access_token(
        cloud: Cloud, signed_in: str, memory_keyring: MemoryKeyring, mailbox: Mailbox) -> None:
    session = cloud.session()
    token = session.access_token()["access_token"]
    stored = auth.load_blob(session.cache_name)
    assert stored is not None
    cache = json.loads(stored)
    assert cache["RefreshToken"] and cache["Account"]
    assert "AccessToken" not in cache and "IdToken" not in cache
    assert token not in "".join(memory_keyring.items.values())
    # Windows Credential Manager holds 1,280 characters per credential: stored in parts.
    assert all(len(v) <= MemoryKeyring.MAX_CHARS for v in memory_keyring.items.values())


def test_after_a_restart_the_token_is_refreshed_without_the_browser(
        cloud: Cloud, signed_in: str, mailbox: Mailbox) -> None:
    backend = EwsBackend(cloud.settings(mailbox), cloud.session())  # a new process, as it were
    try:
        assert {f.kind.value for f in backend.folders()} >= {"inbox", "calendar"}
        # Exchange stops accepting the token (revoked, or its hour is up on the server):
        cloud.authority.expire_access_tokens()
        assert {f.kind.value for f in backend.folders()} >= {"inbox", "calendar"}
    finally:
        backend.close()
    assert cloud.authority.grants.count("authorize") == 1  # no second browser sign-in
    assert cloud.authority.grants.count("refresh_token") >= 2


def test_a_revoked_sign_in_asks_to_sign_in_again_in_dutch(
        cloud: Cloud, signed_in: str, mailbox: Mailbox) -> None:
    cloud.authority.revoke_refresh_tokens()
    cloud.authority.expire_access_tokens()
    with pytest.raises(SignInRequired, match="opnieuw\\) aanmelden bij Microsoft 365"):
        EwsBackend(cloud.settings(mailbox), cloud.session())
    check = check_connection(cloud.settings(mailbox), cloud.session())
    assert (check.ok, check.step) == (False, "credentials")
    assert "Ctrl+," in check.message


def test_nobody_signed_in_yet_is_the_same_dutch_request(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring) -> None:
    check = check_connection(cloud.settings(mailbox), cloud.session())
    assert (check.ok, check.step) == (False, "credentials")
    assert "aanmelden bij Microsoft 365" in check.message


def test_a_declined_sign_in_says_so(cloud: Cloud, memory_keyring: MemoryKeyring) -> None:
    cloud.authority.deny_sign_in()
    browser = cloud.browser()
    with pytest.raises(SignInCancelled, match="geweigerd of afgebroken"):
        cloud.session().sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
    browser.join()
    assert cloud.session().username() == ""


def test_closing_the_browser_and_cancelling_ends_the_sign_in(
        cloud: Cloud, memory_keyring: MemoryKeyring) -> None:
    browser = ClosedBrowser()

    def cancelled() -> bool:  # the user presses "Aanmelden annuleren" after the browser opened
        return bool(browser.opened)

    with pytest.raises(SignInCancelled, match="afgebroken"):
        cloud.session().sign_in(login_hint="", open_browser=browser, cancelled=cancelled)
    assert len(browser.opened) == 1 and "response_mode=form_post" in browser.opened[0]
    assert memory_keyring.items == {}


def test_an_unreachable_sign_in_server_is_offline_not_a_crash(
        cloud: Cloud, signed_in: str, mailbox: Mailbox) -> None:
    cloud.authority.expire_access_tokens()
    session = cloud.session()
    cloud.authority.stop()
    with pytest.raises(Offline, match="aanmeldserver van Microsoft 365 is niet bereikbaar"):
        session.access_token()


def test_the_tenant_field_takes_a_name_or_a_full_address() -> None:
    assert authority_for("kortrijk.be") == "https://login.microsoftonline.com/kortrijk.be"
    assert authority_for(" https://login.example/t/ ") == "https://login.example/t"
    assert tenant_of(authority_for("kortrijk.be")) == "kortrijk.be"


def test_sync_once_uses_the_saved_sign_in_and_says_when_it_has_expired(
        cloud: Cloud, mailbox: Mailbox, tmp_path: Path) -> None:
    """`sync --once` as a real process, with the keyring the app signed in to."""
    import keyring

    mailbox.add_message("inbox", subject="Jaarrekening", sender=("Els", "els@kortrijk.be"),
                        received=NOW)
    ring = FileKeyring(tmp_path / "keyring.json")
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        browser = cloud.browser()
        cloud.session().sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
        browser.join()
    finally:
        keyring.set_keyring(previous)
    ews = cloud.settings(mailbox)
    paths = Paths.for_basedir(tmp_path / "base")
    paths.ensure()
    Settings(exchange_endpoint=ews.endpoint, exchange_mailbox=ews.mailbox,
             exchange_username=ews.username, exchange_auth="oauth2",
             exchange_ca_bundle=ews.ca_bundle, exchange_authority=ews.authority,
             exchange_client_id=ews.client_id).save(paths)
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="tests.integration.file_keyring.FileKeyring",
               COCKPIT_TEST_KEYRING=str(ring.path), PYTHONPATH=str(Path.cwd()))
    command = [sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(tmp_path / "base"), "sync",
               "--once"]

    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "gesynchroniseerd: 1 nieuw" in result.stdout

    cloud.authority.revoke_refresh_tokens()
    cloud.authority.expire_access_tokens()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "aanmelden bij Microsoft 365" in result.stderr
    assert cloud.authority.grants.count("authorize") == 1


def test_tokens_never_reach_the_database_settings_or_logs(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring, tmp_path: Path,
        clock) -> None:  # type: ignore[no-untyped-def]
    import logging

    from kortrijk_cockpit.logging_setup import setup_logging
    from kortrijk_cockpit.store import open_store
    from kortrijk_cockpit.store.database import sqlite_url

    paths = Paths.for_basedir(tmp_path / "base")
    paths.ensure()
    setup_logging(paths.logs, debug=True)  # debug: exchangelib logs its requests' headers
    mailbox.add_message("inbox", subject="Budget", sender=("Els", "els@kortrijk.be"),
                        received=NOW)
    browser = cloud.browser()
    session = cloud.session()
    session.sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
    browser.join()
    store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    backend = EwsBackend(cloud.settings(mailbox), session)
    try:
        SyncEngine(store.session_factory, backend, clock).sync()
        cloud.authority.expire_access_tokens()  # and a refresh, logged too
        backend.folders()
    finally:
        backend.close()
        store.close()
    for handler in logging.getLogger().handlers:
        handler.flush()

    cache = json.loads(auth.load_blob(session.cache_name) or "{}")
    secrets = [entry["secret"] for entry in cache["RefreshToken"].values()]
    secrets.append(session.access_token()["access_token"])
    files = [p for p in (tmp_path / "base").rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"cockpit.sqlite3", "cockpit.log"}
    assert (paths.logs / "cockpit.log").stat().st_size > 0
    leaks = [(p.name, s[:6]) for p in files for s in secrets if s.encode() in p.read_bytes()]
    assert leaks == []


def test_an_older_session_never_writes_over_a_newer_sign_in(
        cloud: Cloud, signed_in: str, memory_keyring: MemoryKeyring) -> None:
    worker = cloud.session()  # the sync worker's session, from the first sign-in
    worker.access_token()
    cloud.authority.revoke_refresh_tokens()  # e.g. a password reset
    browser = cloud.browser()
    dialog = cloud.session()  # the assistant signs in again in the connection dialog
    dialog.sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
    browser.join()

    # The worker's next refresh takes the newer sign-in instead of its revoked one,
    # and does not write the old one back.
    token = worker.access_token(force_refresh=True)["access_token"]
    assert cloud.authority.user_for(token) == "assistent@kortrijk.be"
    assert cloud.session().access_token()["access_token"]  # a restart is signed in too
    assert cloud.authority.grants.count("authorize") == 2
