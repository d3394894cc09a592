"""A real app process for the kill test: the app's own start-up (`prepare`, the main
window, `build_core` on the task runner, `attach`), then either types minutes with
QTest and reports each chunk on stdout (`type`), or reports where the reopened minutes
window stands (`report`).

    python -m tests.integration.minutes_app BASEDIR type MEETING_ID
    python -m tests.integration.minutes_app BASEDIR report
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from kortrijk_cockpit.app import Core, Options, build_core, prepare, window_services
from kortrijk_cockpit.ui.application import create_application
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.window import MinutesWindow

CHUNK_MS = 100  # one word every tenth of a second: she types fast


def word(n: int) -> str:
    return f"woord{n:03d} "


def main(basedir: str, mode: str, meeting_id: int | None) -> int:
    options = Options(basedir=Path(basedir))
    paths, _log = prepare(options)
    app = create_application(sys.argv[:1])
    runner = TaskRunner(app)
    window = MainWindow(runner, paths.config, report_unexpected=lambda exc: (
        print(f"unexpected {exc!r}", flush=True), app.exit(2)))
    window.show()

    def minutes_window() -> MinutesWindow | None:
        return window.findChild(MinutesWindow)

    def typing(minutes: MinutesWindow) -> None:
        count = 0
        minutes.notes.setFocus()

        def chunk() -> None:
            nonlocal count
            QTest.keyClicks(minutes.notes, word(count))
            count += 1
            print(f"typed {len(minutes.notes.toPlainText())}", flush=True)

        timer = QTimer(minutes)
        timer.setInterval(CHUNK_MS)
        timer.timeout.connect(chunk)
        timer.start()
        print("typing", flush=True)

    def report(minutes: MinutesWindow) -> None:
        edit = minutes.focusWidget()
        print(json.dumps({"title": minutes.windowTitle(), "item": minutes.item_title.text(),
                          "notes": minutes.notes.toPlainText(),
                          "field": edit.objectName() if edit is not None else "",
                          "cursor": minutes.notes.textCursor().position()}), flush=True)
        app.exit(0)

    def ready(core: Core) -> None:
        window.attach(window_services(core, paths))
        if mode == "type":
            assert meeting_id is not None
            window.open_minutes(meeting_id)
        minutes = minutes_window()
        if minutes is None:
            print(json.dumps({"reopened": False}), flush=True)
            app.exit(0)
            return
        # Connected after the window's own slot, so it has shown the minutes by then.
        started = False

        def loaded(_minutes: object) -> None:
            nonlocal started
            if not started:
                started = True
                QTimer.singleShot(0, lambda: (typing if mode == "type" else report)(minutes))

        minutes.controller.loaded.connect(loaded)

    window.open_in_background(lambda _ctx: build_core(options, paths), on_ready=ready,
                              on_failure=lambda exc: (print(f"failed {exc!r}", flush=True),
                                                      app.exit(3)))
    QTimer.singleShot(60_000, lambda: app.exit(4))  # never outlive a broken test
    code = app.exec()
    runner.wait_for_done()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None))
