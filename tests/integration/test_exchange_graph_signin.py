"""Microsoft 365 over Graph: sign in with Graph scopes (browser or device code), keep the
sign-in in the keyring, sync through the sandbox's Graph front-end, and tell which protocol
a mailbox needs.

Real MSAL talks HTTPS to the fake Entra ID authority; the Graph client talks HTTP(S) to the
sandbox, which accepts only tokens that authority issued for Graph.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.exchange import auth
from kortrijk_cockpit.exchange.connection import CHOOSE_EWS, CHOOSE_GRAPH, check_connection
from kortrijk_cockpit.exchange.errors import AuthenticationFailed
from kortrijk_cockpit.exchange.graph.backend import GraphBackend
from kortrijk_cockpit.exchange.graph.settings import GRAPH_SCOPES, GraphSettings
from kortrijk_cockpit.exchange.m365 import M365Session, SignInCancelled
from kortrijk_cockpit.exchange.profile import load_saved, save_profile
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, MemoryKeyring
from tests.integration.file_keyring import FileKeyring
from tests.integration.m365_fixtures import Cloud, never_cancelled


def graph_settings(cloud: Cloud, mailbox: Mailbox) -> GraphSettings:
    return GraphSettings(mailbox=mailbox.owner, username=cloud.authority.username,
                         endpoint=cloud.ews.graph_url, authority=cloud.authority.authority_url,
                         client_id=cloud.authority.client_id, ca_bundle=cloud.ca_bundle)


def graph_session(cloud: Cloud) -> M365Session:
    return M365Session(cloud.authority.authority_url, cloud.authority.client_id,
                       ca_bundle=cloud.ca_bundle, scopes=GRAPH_SCOPES)


def sign_in_with_code(cloud: Cloud, session: M365Session) -> str:
    """The assistant reads the code in the app and enters it on another device."""
    code = session.start_device_sign_in()
    approve = threading.Thread(target=lambda: (cloud.authority.wait_for_device_poll(),
                                               cloud.authority.approve_device_code(code.user_code)))
    approve.start()
    try:
        return session.finish_device_sign_in(code, cancelled=never_cancelled)
    finally:
        approve.join()


def test_device_code_sign_in_then_a_graph_sync_of_the_directors_mailbox(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring, sqlite_store: Store,
        clock) -> None:  # type: ignore[no-untyped-def]
    mailbox.add_message("inbox", subject="Nota MAT", sender=("Els", "els@kortrijk.be"),
                        received=NOW)
    session = graph_session(cloud)
    code = session.start_device_sign_in()
    assert code.verification_uri == cloud.authority.verification_uri
    assert len(code.user_code) == 9
    approve = threading.Thread(target=lambda: (cloud.authority.wait_for_device_poll(),
                                               cloud.authority.approve_device_code(code.user_code)))
    approve.start()
    user = session.finish_device_sign_in(code, cancelled=never_cancelled)
    approve.join()
    assert user == "assistent@kortrijk.be"
    # Pending first (the code was not entered yet), then the token.
    grants = cloud.authority.grants
    assert grants[0] == "devicecode" and grants[-1].endswith("device_code")
    assert "authorize" not in grants  # no browser involved

    backend = GraphBackend(graph_settings(cloud, mailbox), session)
    try:
        SyncEngine(sqlite_store.session_factory, backend, clock).sync()
    finally:
        backend.close()
    with sqlite_store.session_factory() as db:
        assert [m.subject for m in db.query(Mail)] == ["Nota MAT"]


def test_the_browser_sign_in_asks_graph_scopes_and_graph_refuses_an_ews_token(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring) -> None:
    browser = cloud.browser()
    session = graph_session(cloud)
    session.sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
    browser.join()
    token = session.access_token()["access_token"]
    assert set(GRAPH_SCOPES) <= cloud.authority.scopes_of(token)
    assert check_connection(graph_settings(cloud, mailbox), session).ok

    ews_session = cloud.session()  # the EWS sign-in: a token for another resource
    browser = cloud.browser()
    ews_session.sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
    browser.join()
    assert ews_session.cache_name != session.cache_name
    backend = GraphBackend(graph_settings(cloud, mailbox), ews_session)
    try:
        with pytest.raises(AuthenticationFailed):
            backend.folders()
    finally:
        backend.close()


def test_a_declined_or_cancelled_device_code_says_so_in_dutch(
        cloud: Cloud, memory_keyring: MemoryKeyring) -> None:
    session = graph_session(cloud)
    code = session.start_device_sign_in()
    cloud.authority.decline_device_code(code.user_code)
    with pytest.raises(SignInCancelled, match="geweigerd"):
        session.finish_device_sign_in(code, cancelled=never_cancelled)

    code = session.start_device_sign_in()
    with pytest.raises(SignInCancelled, match="afgebroken"):
        session.finish_device_sign_in(code, cancelled=lambda: True)
    assert session.username() == ""


def test_a_graph_profile_round_trip_keeps_the_sign_in_in_the_keyring_only(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring, paths: Paths) -> None:
    session = graph_session(cloud)
    sign_in_with_code(cloud, session)
    token = session.access_token()["access_token"]
    save_profile(Settings(), graph_settings(cloud, mailbox), password="", show_private=False,
                 persist=lambda s: s.save(paths))

    loaded = load_saved(Settings.load(paths))
    assert loaded is not None
    profile, secret = loaded
    assert profile == graph_settings(cloud, mailbox)
    assert isinstance(secret, M365Session) and secret.scopes == GRAPH_SCOPES
    assert cloud.authority.user_for(secret.access_token()["access_token"])
    text = (paths.config / "settings.json").read_text(encoding="utf-8")
    stored = json.loads(auth.load_blob(session.cache_name) or "{}")
    assert stored["RefreshToken"]
    refresh = [e["secret"] for e in stored["RefreshToken"].values()]
    assert not any(s in text for s in [token, *refresh])
    assert json.loads(text)["exchange_backend"] == "graph"


def test_switching_from_ews_to_graph_forgets_the_ews_sign_in(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring, paths: Paths) -> None:
    browser = cloud.browser()
    ews_session = cloud.session()
    ews_session.sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
    browser.join()
    settings = Settings()
    save_profile(settings, cloud.settings(mailbox), password="", show_private=False,
                 persist=lambda s: s.save(paths))
    assert auth.load_blob(ews_session.cache_name)

    sign_in_with_code(cloud, graph_session(cloud))
    save_profile(settings, graph_settings(cloud, mailbox), password="", show_private=False,
                 persist=lambda s: s.save(paths))
    assert auth.load_blob(ews_session.cache_name) is None
    assert auth.load_blob(graph_session(cloud).cache_name)


def test_verbinding_testen_tells_which_protocol_the_mailbox_needs(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring) -> None:
    browser = cloud.browser()
    ews_session = cloud.session()
    ews_session.sign_in(login_hint="", open_browser=browser, cancelled=never_cancelled)
    browser.join()
    graph = graph_session(cloud)
    sign_in_with_code(cloud, graph)

    cloud.ews.faults.ews_blocked = True  # Exchange Online, EWS not allowed for this app
    check = check_connection(cloud.settings(mailbox), ews_session)
    assert (check.ok, check.step, check.message) == (False, "protocol", CHOOSE_GRAPH)
    assert check_connection(graph_settings(cloud, mailbox), graph).ok

    cloud.ews.faults.clear()
    cloud.ews.faults.graph_not_enabled = True  # the mailbox is on the city's own server
    check = check_connection(graph_settings(cloud, mailbox), graph)
    assert (check.ok, check.step, check.message) == (False, "protocol", CHOOSE_EWS)
    assert check_connection(cloud.settings(mailbox), ews_session).ok


def test_graph_check_without_delegate_rights_or_sign_in_says_which_step(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring) -> None:
    check = check_connection(graph_settings(cloud, mailbox), graph_session(cloud))
    assert (check.ok, check.step) == (False, "credentials")
    assert "aanmelden bij Microsoft 365" in check.message

    session = graph_session(cloud)
    sign_in_with_code(cloud, session)
    other = GraphSettings(**{**graph_settings(cloud, mailbox).__dict__,
                             "mailbox": "burgemeester@kortrijk.be"})
    check = check_connection(other, session)
    assert not check.ok and check.step in ("rights", "protocol")


def test_sync_once_over_a_saved_graph_profile_without_tokens_in_logs_or_settings(
        cloud: Cloud, mailbox: Mailbox, tmp_path: Path) -> None:
    """`sync --once` as a real process, with the keyring the app signed in to."""
    import keyring

    mailbox.add_message("inbox", subject="Jaarrekening", sender=("Els", "els@kortrijk.be"),
                        received=NOW)
    ring = FileKeyring(tmp_path / "keyring.json")
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        session = graph_session(cloud)
        sign_in_with_code(cloud, session)
        paths = Paths.for_basedir(tmp_path / "base")
        paths.ensure()
        save_profile(Settings(), graph_settings(cloud, mailbox), password="",
                     show_private=False, persist=lambda s: s.save(paths))
        stored = json.loads(auth.load_blob(session.cache_name) or "{}")
    finally:
        keyring.set_keyring(previous)
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="tests.integration.file_keyring.FileKeyring",
               COCKPIT_TEST_KEYRING=str(ring.path), PYTHONPATH=str(Path.cwd()))
    command = [sys.executable, "-m", "kortrijk_cockpit", "--basedir", str(tmp_path / "base"),
               "--debug", "sync", "--once"]

    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "gesynchroniseerd: 1 nieuw" in result.stdout

    refresh = [e["secret"] for e in stored["RefreshToken"].values()]
    files = [p for p in (tmp_path / "base").rglob("*") if p.is_file()]
    assert any(p.name == "cockpit.log" for p in files)
    leaks = [(p.name, s[:6]) for p in files for s in refresh if s.encode() in p.read_bytes()]
    assert leaks == []

    cloud.authority.revoke_refresh_tokens()
    cloud.authority.expire_access_tokens()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "aanmelden bij Microsoft 365" in result.stderr
    assert "devicecode" in cloud.authority.grants and "authorize" not in cloud.authority.grants


def test_the_app_starts_syncing_a_saved_graph_profile(
        cloud: Cloud, mailbox: Mailbox, memory_keyring: MemoryKeyring, paths: Paths) -> None:
    from kortrijk_cockpit.app import saved_exchange
    from kortrijk_cockpit.exchange.backends import open_backend

    sign_in_with_code(cloud, graph_session(cloud))
    save_profile(Settings(), graph_settings(cloud, mailbox), password="", show_private=False,
                 persist=lambda s: s.save(paths))
    exchange = saved_exchange(Settings.load(paths))
    assert exchange is not None and isinstance(exchange.settings, GraphSettings)
    backend = open_backend(exchange.settings, exchange.secret)
    try:
        assert {"inbox", "calendar"} <= {f.kind.value for f in backend.folders()}
    finally:
        backend.close()
