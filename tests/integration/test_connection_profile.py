"""The connection profile: saved by the dialog, loaded by the GUI start and `sync --once`."""

from __future__ import annotations

from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.exchange.profile import load_saved, save_profile
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from tests.integration.exchange_fixtures import MemoryKeyring, settings_for


def test_a_saved_profile_comes_back_with_its_password_from_the_keyring_only(
        paths: Paths, sandbox: SandboxServer, mailbox: Mailbox,
        memory_keyring: MemoryKeyring) -> None:
    profile = settings_for(sandbox, mailbox)
    save_profile(Settings(), profile, password=sandbox.password, show_private=True,
                 persist=lambda s: s.save(paths))

    loaded = load_saved(Settings.load(paths))
    assert loaded is not None
    ews, secret = loaded
    assert (ews.endpoint, ews.mailbox, ews.username, ews.auth) == (
        sandbox.url, mailbox.owner, sandbox.username, "basic")
    assert secret == sandbox.password
    assert Settings.load(paths).show_private_items
    assert sandbox.password not in (paths.config / "settings.json").read_text(encoding="utf-8")


def test_without_a_secret_in_the_keyring_there_is_nothing_to_sync_with(
        paths: Paths, sandbox: SandboxServer, mailbox: Mailbox,
        memory_keyring: MemoryKeyring) -> None:
    profile = settings_for(sandbox, mailbox)
    settings = Settings(exchange_endpoint=profile.endpoint, exchange_mailbox=profile.mailbox,
                        exchange_username=profile.username, exchange_auth="basic")
    assert load_saved(settings) is None  # a password was never saved
    assert load_saved(Settings()) is None  # no profile at all

    signed_out = Settings(exchange_endpoint=sandbox.url, exchange_mailbox=mailbox.owner,
                          exchange_username="assistent@kortrijk.be", exchange_auth="oauth2",
                          exchange_authority="https://login.microsoftonline.com/kortrijk.be",
                          exchange_client_id="cockpit-app")
    assert load_saved(signed_out) is None  # nobody signed in with this tenant and app yet
