"""The connection dialog: test against the sandbox, save to settings and keyring."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.exchange.m365 import M365Session
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.connection import ConnectionDialog
from kortrijk_cockpit.ui.sync_worker import SyncController, SyncWorker
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.exchange_fixtures import MemoryKeyring
from tests.integration.m365_fixtures import Cloud


def fill(qtbot, dialog: ConnectionDialog, server: SandboxServer, mailbox: Mailbox,  # type: ignore[no-untyped-def]
         password: str) -> None:
    qtbot.keyClicks(dialog.endpoint, server.url)
    qtbot.keyClicks(dialog.mailbox, mailbox.owner)
    qtbot.keyClicks(dialog.username, server.username)
    qtbot.keyClicks(dialog.password, password)
    dialog.auth.setCurrentIndex(dialog.auth.findData("basic"))


def test_testing_says_what_works_and_what_does_not(qtbot, app, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
                                                   sandbox: SandboxServer, mailbox: Mailbox) -> None:
    dialog = ConnectionDialog(Settings(), runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "Vul de mailbox" in dialog.feedback.text()  # nothing filled in yet

    fill(qtbot, dialog, sandbox, mailbox, "verkeerd")
    with qtbot.waitSignal(dialog.checked, timeout=30_000) as bad:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert bad.args[0].step == "credentials"
    assert dialog.feedback.text().startswith("✘ Aanmelden bij Exchange is mislukt")

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, sandbox.password)
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.feedback.text().startswith("✔ De verbinding werkt")
    assert dialog.test_button.isEnabled()


def test_saving_keeps_the_password_in_the_keyring_only(qtbot, app, runner: TaskRunner,  # type: ignore[no-untyped-def]
                                                       paths: Paths, sandbox: SandboxServer,
                                                       mailbox: Mailbox,
                                                       memory_keyring: MemoryKeyring) -> None:
    dialog = ConnectionDialog(Settings(), runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, sandbox, mailbox, sandbox.password)
    dialog.show_private.setChecked(True)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settings_obj, password = saved.args
    assert (settings_obj.endpoint, password) == (sandbox.url, sandbox.password)
    stored = Settings.load(paths)
    assert (stored.exchange_endpoint, stored.exchange_mailbox, stored.exchange_auth) == (
        sandbox.url, mailbox.owner, "basic")
    assert stored.show_private_items
    assert sandbox.password not in (paths.config / "settings.json").read_text(encoding="utf-8")
    assert list(memory_keyring.items.values()) == [sandbox.password]
    assert dialog.password.text() == ""
    assert dialog.save_button is dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save)


def test_microsoft_365_signs_in_in_the_browser_tests_and_saves_without_a_password(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths, cloud: Cloud, mailbox: Mailbox,
        memory_keyring: MemoryKeyring) -> None:
    browser = cloud.browser()
    dialog = ConnectionDialog(Settings(), runner, save_settings=lambda s: s.save(paths),
                              open_browser=browser)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.auth.setCurrentIndex(dialog.auth.findData("oauth2"))
    assert not dialog.password.isVisible() and dialog.tenant.isVisible()
    assert dialog.account.text() == "Niet aangemeld"
    qtbot.keyClicks(dialog.endpoint, cloud.ews.url)
    qtbot.keyClicks(dialog.mailbox, mailbox.owner)
    qtbot.keyClicks(dialog.tenant, cloud.authority.authority_url)
    qtbot.keyClicks(dialog.client_id, cloud.authority.client_id)
    qtbot.keyClicks(dialog.ca_bundle, cloud.ca_bundle)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.feedback.text() == "Meld u eerst aan bij Microsoft 365."

    with qtbot.waitSignal(dialog.signed_in, timeout=30_000) as signed:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        assert dialog.sign_in_button.text() == "Aanmelden annuleren"
    browser.join()
    assert signed.args == ["assistent@kortrijk.be"]
    assert dialog.account.text() == "Aangemeld als assistent@kortrijk.be"
    assert dialog.sign_out_button.isVisible()

    with qtbot.waitSignal(dialog.checked, timeout=30_000) as checked:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].ok, checked.args[0].message

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    ews, secret = saved.args
    assert (ews.auth, ews.username) == ("oauth2", "assistent@kortrijk.be")
    assert isinstance(secret, M365Session)
    stored = Settings.load(paths)
    assert (stored.exchange_auth, stored.exchange_authority, stored.exchange_client_id) == (
        "oauth2", cloud.authority.authority_url, cloud.authority.client_id)
    assert all(key.startswith("m365:") for _service, key in memory_keyring.items)

    # Reopened later: still signed in, read from the keyring without a browser.
    again = ConnectionDialog(stored, runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(again)
    assert again.account.text() == "Aangemeld als assistent@kortrijk.be"
    assert again.tenant.text() == cloud.authority.authority_url


def test_a_replaced_profile_leaves_no_old_secret_in_the_keyring(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths, sandbox: SandboxServer, mailbox: Mailbox,
        cloud: Cloud, memory_keyring: MemoryKeyring) -> None:
    settings = Settings()
    first = ConnectionDialog(settings, runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(first)
    fill(qtbot, first, sandbox, mailbox, sandbox.password)
    with qtbot.waitSignal(first.saved):
        first.save()
    assert list(memory_keyring.items.values()) == [sandbox.password]

    # The city moves to Microsoft 365: the on-premises password goes.
    browser = cloud.browser()
    second = ConnectionDialog(settings, runner, save_settings=lambda s: s.save(paths),
                              open_browser=browser)
    qtbot.addWidget(second)
    second.auth.setCurrentIndex(second.auth.findData("oauth2"))
    second.endpoint.setText(cloud.ews.url)
    second.tenant.setText(cloud.authority.authority_url)
    second.client_id.setText(cloud.authority.client_id)
    second.ca_bundle.setText(cloud.ca_bundle)
    with qtbot.waitSignal(second.signed_in, timeout=30_000):
        second.sign_in_button.click()
    browser.join()
    with qtbot.waitSignal(second.saved):
        second.save()
    assert sandbox.password not in memory_keyring.items.values()
    assert memory_keyring.items and all(k.startswith("m365:") for _s, k in memory_keyring.items)

    # And back: the Microsoft 365 sign-in goes too.
    third = ConnectionDialog(settings, runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(third)
    third.auth.setCurrentIndex(third.auth.findData("basic"))
    third.endpoint.setText(sandbox.url)
    third.username.setText(sandbox.username)
    third.password.setText(sandbox.password)
    with qtbot.waitSignal(third.saved):
        third.save()
    assert list(memory_keyring.items.values()) == [sandbox.password]


def test_in_the_demo_the_dialog_shows_the_sandbox_connection_in_use(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths, demo_store: Store) -> None:
    from dataclasses import replace

    from kortrijk_cockpit.app import demo_exchange
    from kortrijk_cockpit.exchange.ews import EwsBackend
    from kortrijk_cockpit.ui.main_window import MainWindow
    from tests.ui.conftest import make_services

    exchange = demo_exchange()  # as --demo connects: nothing of it is in the settings
    services = replace(make_services(demo_store), settings=Settings(),
                       save_settings=lambda s: s.save(paths))
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=services)
    qtbot.addWidget(window)
    worker = SyncWorker(MailboxRound(lambda: EwsBackend(exchange.settings, exchange.secret),
                                     demo_store.session_factory, services.clock))
    controller = SyncController(worker, interval_minutes=10, profile=exchange.settings)
    try:
        window.attach_sync(controller)
        dialog = window.open_connection()
        assert dialog is not None
        assert dialog.endpoint.text() == exchange.settings.endpoint
        assert dialog.mailbox.text() == "algemeen.directeur@kortrijk.be"
        assert dialog.username.text() == exchange.settings.username
        assert dialog.auth.currentData() == "basic"
        dialog.reject()
    finally:
        controller.shutdown()
        exchange.close()


def test_switching_to_microsoft_365_clears_the_hint_about_the_password(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths) -> None:
    dialog = ConnectionDialog(Settings(), runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.feedback.text() == ("Vul de mailbox van de algemeen directeur, uw "
                                      "gebruikersnaam en uw wachtwoord in.")
    dialog.auth.setCurrentIndex(dialog.auth.findData("oauth2"))
    assert dialog.feedback.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "tenant" in dialog.feedback.text()  # what Microsoft 365 needs instead


def test_escape_while_testing_closes_the_dialog_without_a_crash(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths, demo_store, sandbox: SandboxServer,
        mailbox: Mailbox) -> None:
    from dataclasses import replace

    from kortrijk_cockpit.ui.main_window import MainWindow
    from tests.ui.conftest import make_services

    unexpected: list[BaseException] = []
    services = replace(make_services(demo_store), settings=Settings(),
                       save_settings=lambda s: s.save(paths))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: runner.active_count == 0)  # the overview has loaded
    dialog = window.open_connection()  # as Ctrl+, opens it: deleted when closed
    assert dialog is not None
    fill(qtbot, dialog, sandbox, mailbox, sandbox.password)
    gone: list[bool] = []
    dialog.destroyed.connect(lambda *_: gone.append(True))
    sandbox.faults.slow(1.0)
    with qtbot.assertNotEmitted(runner.error):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: bool(gone))
        assert runner.active_count == 1  # the test is still running
        with qtbot.waitSignal(runner.task_finished, timeout=30_000):
            pass
    assert unexpected == []  # and pytest-qt fails the test on any exception in a slot
