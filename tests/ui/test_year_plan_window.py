"""The year plan window: she makes a year of meetings from the preview, the themes land
on them, the plan goes out as an ICS file that reads back, and PgDn turns the year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kortrijk_cockpit.domain import AgendaItem, Meeting, MeetingSeries, Theme
from kortrijk_cockpit.services.theme_calendar import ThemeCalendarService
from kortrijk_cockpit.services.year_plan import YearPlanService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.dialogs.year_plan import YearPlanDialog
from kortrijk_cockpit.ui.dialogs.year_plan_window import YearPlanServices, YearPlanWindow
from kortrijk_cockpit.ui.tasks import TaskRunner


def test_a_year_is_made_planned_and_exported(app: QApplication, qtbot: QtBot,  # type: ignore[no-untyped-def]
                                             sqlite_store: Store, runner: TaskRunner,
                                             tmp_path: Path) -> None:
    with sqlite_store.session_factory.begin() as s:
        series = MeetingSeries(code="DC", name="Directiecomité", weekday=3, start_time="09:00",
                               duration_minutes=60, location="Stadhuis, zaal Broel",
                               themes=[Theme(name="Meerjarenplan", duration_minutes=30,
                                             is_bbc=True, deadline=date(2027, 12, 1)),
                                       Theme(name="ICT", duration_minutes=15, cadence_weeks=8)])
        s.add(series)
        s.flush()
        series_id = series.id
    sessions, feed = sqlite_store.session_factory, ChangeFeed()
    window = YearPlanWindow(YearPlanServices(YearPlanService(sessions),
                                             ThemeCalendarService(sessions)),
                            runner, feed, series_id, "DC (Directiecomité)", 2027)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.view.loaded):
        window.show()
    assert not window.calendar_button.isEnabled()  # no calendar service given

    window.make_button.click()
    qtbot.waitUntil(lambda: window.findChild(YearPlanDialog) is not None)
    with qtbot.waitSignal(window.written):
        window.findChild(YearPlanDialog).accept()
    with sqlite_store.session() as s:
        meetings = s.scalar(select(func.count()).select_from(Meeting)
                            .where(Meeting.series_id == series_id))
        planned = s.scalars(select(AgendaItem.title).where(AgendaItem.theme_id.is_not(None)))
        titles = list(planned)
    assert meetings is not None and meetings > 45  # every Thursday but holidays
    assert "Meerjarenplan" in titles and titles.count("ICT") >= 6
    qtbot.waitUntil(lambda: "ICT" in " ".join(
        str(window.view.model.index(r, 2).data()) for r in range(window.view.model.rowCount())))

    target = tmp_path / "DC 2027.ics"
    with qtbot.waitSignal(window.exported) as written:
        window.export_ics(target)
    assert written.args == [str(target), meetings]
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == meetings

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.view.loaded):
        qtbot.keyClick(window.view.table, Qt.Key.Key_PageDown)  # the next year
    assert window.year_label.text() == "2028"
