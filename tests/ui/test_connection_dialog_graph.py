"""The connection dialog's choice between Microsoft 365 (Graph) and Exchange on-premises (EWS),
and the Graph sign-in with a device code, against the fake authority and the sandbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kortrijk_cockpit.config import Paths, Settings
from kortrijk_cockpit.exchange.graph.settings import GRAPH_SCOPES, GraphSettings
from kortrijk_cockpit.exchange.m365 import M365Session
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.ui.dialogs.connection import ConnectionDialog
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.exchange_fixtures import MemoryKeyring
from tests.integration.m365_fixtures import Cloud


def graph_dialog(qtbot, runner: TaskRunner, paths: Paths, cloud: Cloud,  # type: ignore[no-untyped-def]
                 mailbox: Mailbox) -> ConnectionDialog:
    dialog = ConnectionDialog(Settings(graph_endpoint=cloud.ews.graph_url), runner,
                              save_settings=lambda s: s.save(paths))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.protocol.setCurrentIndex(dialog.protocol.findData("graph"))
    qtbot.keyClicks(dialog.mailbox, mailbox.owner)
    qtbot.keyClicks(dialog.tenant, cloud.authority.authority_url)
    qtbot.keyClicks(dialog.client_id, cloud.authority.client_id)
    qtbot.keyClicks(dialog.ca_bundle, cloud.ca_bundle)
    return dialog


def test_the_dialog_first_asks_where_the_mailbox_is_and_explains_the_ews_deadline(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths) -> None:
    dialog = ConnectionDialog(Settings(), runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(dialog)
    dialog.show()
    choices = [dialog.protocol.itemText(i) for i in range(dialog.protocol.count())]
    assert choices == ["Microsoft 365 (Graph)", "Exchange on-premises (EWS)"]
    note = dialog.protocol_note.text()
    assert "1 april 2027" in note and "toelaat" in note and "Graph" in note

    assert dialog.protocol.currentData() == "ews"  # a new profile keeps the EWS default
    assert dialog.auth.isVisible() and dialog.endpoint.isVisible()
    methods = [dialog.auth.itemData(i) for i in range(dialog.auth.count())]
    assert methods == ["ntlm", "basic", "oauth2"]  # EWS keeps its sign-in methods

    dialog.protocol.setFocus()
    qtbot.keyClick(dialog.protocol, Qt.Key.Key_Up)  # the keyboard chooses too
    assert dialog.protocol.currentData() == "graph"
    assert not dialog.auth.isVisible() and not dialog.endpoint.isVisible()
    assert not dialog.password.isVisible() and not dialog.username.isVisible()
    assert dialog.mailbox.isVisible() and dialog.tenant.isVisible()
    assert dialog.client_id.isVisible()
    assert dialog.code_button.isVisible() and dialog.code_button.text() == "Aanmelden met &code…"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "tenant" in dialog.feedback.text()


def test_signing_in_with_a_code_then_testing_and_saving_a_graph_profile(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths, cloud: Cloud, mailbox: Mailbox,
        memory_keyring: MemoryKeyring) -> None:
    dialog = graph_dialog(qtbot, runner, paths, cloud, mailbox)
    assert dialog.account.text() == "Niet aangemeld"
    qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.code_panel.isVisible, timeout=30_000)
    code = dialog._device_code
    assert code is not None
    assert code.user_code in dialog.code_text.text()
    assert cloud.authority.verification_uri in dialog.code_text.text()
    qtbot.mouseClick(dialog.copy_code_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code.user_code

    with qtbot.waitSignal(dialog.signed_in, timeout=30_000) as signed:
        cloud.authority.approve_device_code(code.user_code)  # entered on her phone
    assert signed.args == ["assistent@kortrijk.be"]
    assert not dialog.code_panel.isVisible()
    assert dialog.account.text() == "Aangemeld als assistent@kortrijk.be"

    with qtbot.waitSignal(dialog.checked, timeout=30_000) as checked:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].ok, checked.args[0].message
    assert dialog.feedback.text().startswith("✔ De verbinding werkt")

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    profile, secret = saved.args
    assert isinstance(profile, GraphSettings) and profile.endpoint == cloud.ews.graph_url
    assert isinstance(secret, M365Session) and secret.scopes == GRAPH_SCOPES
    stored = Settings.load(paths)
    assert (stored.exchange_backend, stored.exchange_mailbox) == ("graph", mailbox.owner)
    assert memory_keyring.items and all(k.startswith("graph:")
                                        for _s, k in memory_keyring.items)

    again = ConnectionDialog(stored, runner, save_settings=lambda s: s.save(paths))
    qtbot.addWidget(again)
    assert again.protocol.currentData() == "graph"
    assert again.account.text() == "Aangemeld als assistent@kortrijk.be"


def test_cancel_and_escape_end_a_code_sign_in(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths, cloud: Cloud, mailbox: Mailbox,
        memory_keyring: MemoryKeyring) -> None:
    dialog = graph_dialog(qtbot, runner, paths, cloud, mailbox)
    qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.code_panel.isVisible, timeout=30_000)
    with qtbot.waitSignal(dialog.signed_in, timeout=30_000) as signed:
        qtbot.mouseClick(dialog.cancel_code_button, Qt.MouseButton.LeftButton)
    assert signed.args == [""]
    assert "afgebroken" in dialog.feedback.text()
    assert not dialog.code_panel.isVisible()
    assert dialog.account.text() == "Niet aangemeld"

    qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.code_panel.isVisible, timeout=30_000)
    with qtbot.assertNotEmitted(runner.error):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        qtbot.waitUntil(lambda: runner.active_count == 0, timeout=30_000)


def test_the_demo_graph_connection_is_shown_as_the_sandbox_not_as_signed_out(  # type: ignore[no-untyped-def]
        qtbot, app, runner: TaskRunner, paths: Paths, memory_keyring: MemoryKeyring) -> None:
    in_use = GraphSettings(mailbox="algemeen.directeur@kortrijk.be",
                           endpoint="http://127.0.0.1:8080/v1.0")  # --demo --graph: no tenant
    dialog = ConnectionDialog(Settings(), runner, save_settings=lambda s: s.save(paths),
                              in_use=in_use)
    qtbot.addWidget(dialog)
    assert dialog.protocol.currentData() == "graph"
    assert dialog.account.text() == "Demo-sandbox: aangemeld met een eigen sleutel"
