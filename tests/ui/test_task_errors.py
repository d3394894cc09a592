"""An expected failure of background work is a Dutch message, never the crash dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kortrijk_cockpit.errors import ConcurrentEditError
from kortrijk_cockpit.store.database import STALE_MESSAGE
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskContext, TaskRunner


def test_a_stale_save_offers_to_reload_the_window(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, runner: TaskRunner, unexpected: list[BaseException]) -> None:
    qtbot.waitUntil(lambda: runner.active_count == 0)

    def save(_ctx: TaskContext) -> None:
        raise ConcurrentEditError(STALE_MESSAGE)

    runner.run("Actiepunt bewaren", save)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    box = window.findChild(QMessageBox)
    assert box.windowTitle() == "Actiepunt bewaren"
    assert box.text().startswith("Iemand anders heeft dit intussen gewijzigd.")
    reload = next(b for b in box.buttons() if b.text() == "Opnieuw laden")
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    assert unexpected == []
