"""Overleg in the window: the real area replaces the placeholder once the store is open,
and an item's mail opens in the Mail area."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea
from tests.ui.conftest import NOW, make_services


def test_overleg_shows_the_demo_agenda(qtbot, app: QApplication, demo_store: Store,  # type: ignore[no-untyped-def]
                                       runner: TaskRunner, paths: Paths,
                                       unexpected: list[BaseException]) -> None:
    services = replace(make_services(demo_store), meeting_agenda=MeetingAgendaService(
        demo_store.session_factory, FixedClock(NOW)))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("meetings")
    area = window.meetings_area()
    assert isinstance(area, MeetingsArea)
    qtbot.waitUntil(lambda: area.controller.shown is not None, timeout=10_000)
    assert area.series_model.rowCount() >= 2  # MAT and DC
    assert area.meeting_model.rowCount() > 0
    assert unexpected == []


def test_the_areas_requests_open_their_work(qtbot, app: QApplication, demo_store: Store,  # type: ignore[no-untyped-def]
                                            runner: TaskRunner, paths: Paths,
                                            unexpected: list[BaseException]) -> None:
    """Send agenda, the series editor, the year plan and reminders: each reaches the part
    of Overleg that does it."""
    from sqlalchemy import select

    from kortrijk_cockpit.config import Settings
    from kortrijk_cockpit.domain import Meeting, MeetingSeries
    from kortrijk_cockpit.services.agenda_document import AgendaDocumentService
    from kortrijk_cockpit.services.agenda_sending import AgendaSendingService
    from kortrijk_cockpit.services.carry_over import CarryOverService
    from kortrijk_cockpit.services.series import SeriesService
    from kortrijk_cockpit.services.stukken import StukkenService
    from kortrijk_cockpit.services.theme_calendar import ThemeCalendarService
    from kortrijk_cockpit.services.year_plan import YearPlanService
    from kortrijk_cockpit.ui.dialogs.send_agenda import SendAgendaDialog
    from kortrijk_cockpit.ui.dialogs.series_editor import SeriesEditorDialog
    from kortrijk_cockpit.ui.dialogs.year_plan_window import YearPlanWindow

    sessions, clock = demo_store.session_factory, FixedClock(NOW)
    services = replace(
        make_services(demo_store), settings=Settings(),
        meeting_agenda=MeetingAgendaService(sessions, clock),
        stukken=StukkenService(sessions, clock, paths.stukken), series=SeriesService(sessions),
        year_plan=YearPlanService(sessions), themes=ThemeCalendarService(sessions, clock),
        agenda_documents=AgendaDocumentService(sessions, clock),
        agenda_sending=AgendaSendingService(sessions),
        carry_over=CarryOverService(sessions, clock))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("meetings")
    area = window.meetings_area()
    assert isinstance(area, MeetingsArea)
    with demo_store.session() as s:
        mat = s.scalar(select(MeetingSeries.id).where(MeetingSeries.code == "MAT"))
        meeting = s.scalar(select(Meeting.id).where(Meeting.series_id == mat,
                                                    Meeting.starts_at > NOW)
                           .order_by(Meeting.starts_at))
    assert mat is not None and meeting is not None

    area.send_agenda_requested.emit(meeting)
    qtbot.waitUntil(lambda: window.findChild(SendAgendaDialog) is not None)
    window.findChild(SendAgendaDialog).reject()
    area.series_edit_requested.emit(mat)
    qtbot.waitUntil(lambda: window.findChild(SeriesEditorDialog) is not None)
    window.findChild(SeriesEditorDialog).done(0)
    area.year_plan_requested.emit(mat)
    qtbot.waitUntil(lambda: window.findChild(YearPlanWindow) is not None, timeout=10_000)
    window.findChild(YearPlanWindow).reject()
    area.remind_requested.emit(meeting)
    qtbot.waitUntil(lambda: "herinnering" in window.statusBar().currentMessage().lower()
                    or "te laat" in window.statusBar().currentMessage())
    window.statusBar().clearMessage()
    area.remind_owners_requested.emit(meeting)  # the demo's open points come back here
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        ("Herinneringen klaargezet", "Geen eigenaar")))
    runner.wait_for_done()
    assert unexpected == []


def test_one_meeting_is_moved_or_cancelled_from_the_area(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, demo_store: Store, runner: TaskRunner, paths: Paths,
        unexpected: list[BaseException]) -> None:
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from kortrijk_cockpit.clock import BRUSSELS
    from kortrijk_cockpit.domain import Meeting, MeetingStatus
    from kortrijk_cockpit.services.year_plan import YearPlanService
    from kortrijk_cockpit.ui.dialogs.move_meeting import MoveMeetingDialog

    sessions = demo_store.session_factory
    services = replace(make_services(demo_store),
                       meeting_agenda=MeetingAgendaService(sessions, FixedClock(NOW)),
                       year_plan=YearPlanService(sessions))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("meetings")
    area = window.meetings_area()
    assert isinstance(area, MeetingsArea)
    with demo_store.session() as s:
        first, second = s.scalars(select(Meeting.id).where(Meeting.starts_at > NOW)
                                  .order_by(Meeting.starts_at).limit(2)).all()

    area.move_meeting_requested.emit(first)
    qtbot.waitUntil(lambda: isinstance(window.meeting_dialog, MoveMeetingDialog))
    dialog = window.meeting_dialog
    assert isinstance(dialog, MoveMeetingDialog)
    start = dialog.new_start()
    dialog.time.setTime(dialog.time.time().addSecs(3600))  # an hour later
    with qtbot.waitSignal(window.feed.changed):
        dialog.accept()
    area.cancel_meeting_requested.emit(second)
    box = window.meeting_dialog
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(window.feed.changed):
        box.button(QMessageBox.StandardButton.Yes).click()

    with demo_store.session() as s:
        moved, cancelled = s.get(Meeting, first), s.get(Meeting, second)
        assert moved is not None and cancelled is not None
        assert moved.starts_at.astimezone(BRUSSELS) == start.replace(hour=start.hour + 1)
        assert cancelled.status == MeetingStatus.CANCELLED
        assert cancelled.agenda_items  # kept, to move to another meeting
    assert isinstance(start, datetime) and unexpected == []
