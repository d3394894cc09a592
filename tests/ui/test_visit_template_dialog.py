"""The template dialog by keyboard: a new item added with Ins and typed, one moved up,
one removed with Del; saved for tours only, and the next tour's checklist has them."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import VisitKind
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.checklist_template import ChecklistTemplateDialog
from kortrijk_cockpit.ui.tasks import TaskRunner


def test_edit_the_tour_template_by_keyboard(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                            runner: TaskRunner) -> None:
    visits = VisitService(sqlite_store.session_factory, FixedClock(datetime(2026, 11, 23, tzinfo=UTC)))
    dialog = ChecklistTemplateDialog(visits, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(1)  # rondleiding
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 8 and dialog._loaded_kind == "rondleiding")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.view.setFocus()

    qtbot.keyClick(dialog.view, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "route")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.view)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.lines()[7].label == "route"
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)  # zaal goes
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    tour = [t.label for t in visits.template(VisitKind.TOUR)]
    assert tour[0] == "catering" and tour[6] == "route" and "zaal" not in tour
    assert [t.label for t in visits.template(VisitKind.VISIT)][0] == "zaal"
