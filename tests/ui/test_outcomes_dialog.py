"""The office's outcomes, edited in their dialog: a new one added by keyboard is a
key in the Mail area at once; rename, reorder, remove, colour and the Dutch errors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Mail, OutboxEntry
from kortrijk_cockpit.services.outcomes import DEFAULT_OUTCOMES, Outcome, OutcomeService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.outcomes import OutcomesDialog
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.models.outcome_list import OutcomeListModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.controller import MailController
from tests.integration.mail_world import folders, mail
from tests.ui.conftest import make_services


def type_here(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Keys to whatever has the focus, as a user types them."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier  # type: ignore[no-untyped-def]
          ) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def back_to(qtbot, dialog: OutcomesDialog) -> None:  # type: ignore[no-untyped-def]
    """A closed question box hands the keys back (the window manager's part offscreen)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def opened(qtbot, dialog: OutcomesDialog) -> OutcomesDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    dialog.activateWindow()
    back_to(qtbot, dialog)
    return dialog


def test_a_new_outcome_on_key_7_is_a_key_in_the_mail_area_at_once(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths) -> None:  # type: ignore[no-untyped-def]
    f = folders(store)
    first = mail(store, f.inbox, "Vraag van de DM", hours_ago=1)
    mail(store, f.inbox, "Ouder", hours_ago=2)
    window = MainWindow(runner, paths.config, report_unexpected=lambda e: None,
                        services=make_services(store))
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("mail")
    area = window.mail_area()
    assert area is not None
    controller: MailController = area.controller  # type: ignore[attr-defined]
    assert window.outcomes_action.text() == "Uitkomsten…"
    assert window.outcomes_action in window.menuBar().actions()[0].menu().actions()

    dialog = window.open_outcomes()
    assert dialog is not None
    opened(qtbot, dialog)
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # Toe&voegen
    qtbot.waitUntil(dialog.name.hasFocus)  # a mnemonic clicks after a short animation
    assert dialog.model.rowCount() == 7
    type_here(qtbot, "Doorsturen naar DM")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.key.hasFocus()
    type_here(qtbot, "7")
    with qtbot.waitSignal(dialog.saved):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert OutcomeService(store.session_factory).outcomes()[-1] == Outcome(
        "Doorsturen naar DM", "7", "#566573", 6)
    press(qtbot, Qt.Key.Key_Escape)  # saved: closes without asking
    qtbot.waitUntil(lambda: not dialog.isVisible())

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # The tree has its view and the key is known, without a restart.
    qtbot.waitUntil(lambda: area.tree_model.index_of("category:Doorsturen naar DM").isValid())
    assert [o.shortcut for o in controller.outcomes][-1] == "7"
    area.list.setFocus()
    qtbot.waitUntil(area.list.hasFocus)
    assert controller.current_id() == first
    qtbot.keyClick(area.list, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: [e.landed for e in controller.actions.undo_stack] == [True])
    with store.session() as s:
        assert s.get(Mail, first).categories == ["Doorsturen naar DM"]  # type: ignore[union-attr]
        assert s.scalar(select(OutboxEntry.kind).where(OutboxEntry.mail_id == first)) \
            == "set_categories"  # and so it reaches his Outlook


def test_rename_reorder_remove_recolour_and_the_services_dutch_errors(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    service = OutcomeService(sqlite_store.session_factory)
    dialog = OutcomesDialog(service, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    opened(qtbot, dialog)
    assert [o.name for o in dialog.model.outcomes()] == [o.name for o in DEFAULT_OUTCOMES]

    dialog.view.selectRow(2)  # Ter info: removed, after a question that names Outlook
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    question = dialog.question
    assert question is not None
    assert "Ter info" in question.text() and "Outlook" in question.informativeText()
    question.button(QMessageBox.StandardButton.Yes).click()
    assert "Ter info" not in [o.name for o in dialog.model.outcomes()]
    back_to(qtbot, dialog)

    dialog.view.selectRow(4)  # Agenderen DC goes one up
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.current_row() == 3)
    assert dialog.model.outcome(3).name == "Agenderen DC"

    dialog.view.selectRow(0)  # Actie AD: renamed, on Actie DM's key 2
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Actie algemeen directeur")
    dialog.key.setFocus()
    qtbot.keyClick(dialog.key, Qt.Key.Key_2)
    assert dialog.key.currentData() == "2"
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == ("De toets '2' van 'Actie DM' hoort al bij "
                                   "'Actie algemeen directeur'.")
    assert [o.name for o in service.outcomes()][0] == "Actie AD"  # nothing stored

    qtbot.keyClick(dialog.key, Qt.Key.Key_Up)  # back to 1
    assert dialog.key.currentData() == "1"
    dialog.choose_colour()
    colours = dialog.colour_dialog
    assert colours is not None
    colours.setCurrentColor(QColor("#1a5276"))
    colours.accept()
    assert dialog.model.outcome(0).colour == "#1a5276"
    assert dialog.model.data(dialog.model.index(0, OutcomeListModel.COLOUR),
                             Qt.ItemDataRole.DecorationRole) == QColor("#1a5276")

    # Esc with unsaved edits asks first; Save stores them and closes.
    press(qtbot, Qt.Key.Key_Escape)
    question = dialog.question
    assert question is not None and question.isVisible() and dialog.isVisible()
    with qtbot.waitSignal(dialog.saved):
        question.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(o.name, o.shortcut) for o in service.outcomes()] == [
        ("Actie algemeen directeur", "1"), ("Actie DM", "2"), ("Wacht op antwoord", "4"),
        ("Agenderen DC", "6"), ("Agenderen MAT", "5")]
    assert service.outcomes()[0].colour == "#1a5276"


def test_esc_after_an_edit_can_still_be_cancelled_or_discarded(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    service = OutcomeService(sqlite_store.session_factory)
    dialog = OutcomesDialog(service, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    opened(qtbot, dialog)
    dialog.view.selectRow(5)
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.current_row() == 4)

    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.question is not None
    dialog.question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.model.outcome(4).name == "Agenderen DC"
    back_to(qtbot, dialog)

    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.question is not None
    dialog.question.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [o.name for o in service.outcomes()] == [o.name for o in DEFAULT_OUTCOMES]


def test_the_outcome_list_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = OutcomeListModel()
    model.set_outcomes(DEFAULT_OUTCOMES)
    qtmodeltester.check(model)
    assert model.move(0, 1) and not model.move(5, 1)
    model.insert(2, Outcome("Doorsturen", "7", "#566573", 2))
    model.remove(0)
    assert [o.name for o in model.outcomes()][:3] == ["Actie AD", "Doorsturen", "Ter info"]
    qtmodeltester.check(model)
