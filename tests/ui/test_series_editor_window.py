"""File > Overlegreeksen… opens the editor on the demo office's series."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.services.series import SeriesService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.series_editor import SeriesEditorDialog
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import make_services


def test_the_file_menu_opens_the_series_editor(qtbot: QtBot, app: QApplication,
                                               demo_store: Store, runner: TaskRunner,
                                               paths: Paths,
                                               unexpected: list[BaseException]) -> None:
    services = replace(make_services(demo_store),
                       series=SeriesService(demo_store.session_factory))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()

    window.series_action.trigger()

    dialog = window.findChild(SeriesEditorDialog)
    assert isinstance(dialog, SeriesEditorDialog)
    qtbot.waitUntil(lambda: dialog.code.text() == "DC")  # the demo's series, by code
    assert [dialog.series_box.itemText(i).split(" · ")[0]
            for i in range(dialog.series_box.count())] == ["DC", "MAT"]
    assert dialog.members.rowCount() > 3  # the demo's DC has its directors
    assert unexpected == []
