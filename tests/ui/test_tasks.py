"""The one task runner: results, progress, cancel and errors come back as signals."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from kortrijk_cockpit.errors import StoreLockedError
from kortrijk_cockpit.ui.tasks import TaskContext, TaskRunner
from kortrijk_cockpit.ui.widgets.task_status import TaskStatus


def test_result_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    seen: list[tuple[object, bool]] = []
    gui = threading.get_ident()

    def work(_ctx: TaskContext) -> int:
        assert threading.get_ident() != gui
        return 42

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run("Rekenen", work,
                   on_success=lambda r: seen.append((r, threading.get_ident() == gui)))
    assert seen == [(42, True)]
    assert runner.active_count == 0


def test_progress_shows_in_the_status_bar_and_cancel_stops_the_work(
        qtbot, runner: TaskRunner) -> None:
    status = TaskStatus(runner)
    qtbot.addWidget(status)
    go_on = threading.Event()
    succeeded: list[object] = []

    def work(ctx: TaskContext) -> None:
        ctx.progress(3, 10, "map Postvak IN")
        go_on.wait(10)
        ctx.check_cancelled()
        succeeded.append(True)

    assert status.isHidden()
    with qtbot.waitSignal(runner.task_progress, timeout=5000):
        runner.run("Synchroniseren", work, on_success=succeeded.append)
    assert not status.isHidden()
    assert status.label.text() == "Synchroniseren: map Postvak IN"
    assert (status.bar.value(), status.bar.maximum()) == (3, 10)

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        qtbot.mouseClick(status.cancel, Qt.MouseButton.LeftButton)
        go_on.set()
    assert succeeded == []
    assert status.isHidden()
    assert runner.active_count == 0


def test_expected_errors_reach_the_error_signal_with_their_dutch_message(
        qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    def work(_ctx: TaskContext) -> None:
        raise StoreLockedError("De gegevensbank is vergrendeld.")

    with qtbot.waitSignal(runner.error, timeout=5000) as blocker:
        runner.run("Opslaan", work)
    label, exc = blocker.args
    assert label == "Opslaan"
    assert isinstance(exc, StoreLockedError)
    assert exc.user_message == "De gegevensbank is vergrendeld."


def test_a_failure_handler_takes_the_error_instead(qtbot, runner: TaskRunner) -> None:
    handled: list[BaseException] = []
    with qtbot.assertNotEmitted(runner.error), \
            qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run("Laden", lambda _ctx: 1 / 0, on_failure=handled.append)
    assert len(handled) == 1 and isinstance(handled[0], ZeroDivisionError)
    assert "ZeroDivisionError" in handled[0].__cockpit_traceback__  # type: ignore[attr-defined]


def test_a_task_whose_owner_is_gone_is_cancelled_and_reports_nothing(
        qtbot, runner: TaskRunner) -> None:
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    started, go_on = threading.Event(), threading.Event()
    seen: list[object] = []
    contexts: list[TaskContext] = []

    def work(ctx: TaskContext) -> None:
        contexts.append(ctx)
        started.set()
        go_on.wait(10)
        raise StoreLockedError("De gegevensbank is vergrendeld.")

    runner.run("Opslaan", work, owner=owner, on_success=seen.append, on_failure=seen.append)
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(lambda: contexts[0].cancelled)
    with qtbot.assertNotEmitted(runner.error), \
            qtbot.waitSignal(runner.task_finished, timeout=5000):
        go_on.set()
    assert seen == []


def test_store_writes_run_one_at_a_time_in_the_order_asked(qtbot, runner: TaskRunner) -> None:
    from kortrijk_cockpit.ui.tasks import Lane

    first_may_end = threading.Event()
    order: list[str] = []

    def first(_ctx: TaskContext) -> None:
        order.append("first started")
        first_may_end.wait(10)
        order.append("first done")

    runner.run("Opslaan 1", first, lane=Lane.STORE)
    runner.run("Opslaan 2", lambda _ctx: order.append("second"), lane=Lane.STORE)
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run("Lezen", lambda _ctx: None)  # other work is not held up behind writes
    assert "second" not in order
    first_may_end.set()
    qtbot.waitUntil(lambda: runner.active_count == 0)
    assert order == ["first started", "first done", "second"]
