"""The year view: 52 weeks of a series with themes and warnings, in Dutch, by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import AgendaItem, MeetingSeries, Theme
from kortrijk_cockpit.services.theme_calendar import ThemeCalendarService
from kortrijk_cockpit.services.year_plan import YearPlanService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.meetings.year_view import WARNING_COLOUR, YearPlanModel, YearView


def series(store: Store) -> int:
    with store.session_factory.begin() as s:
        row = MeetingSeries(code="DC", name="Directiecomité", weekday=3, start_time="09:00",
                            duration_minutes=60, location="Stadhuis, zaal Broel",
                            themes=[Theme(name="Meerjarenplan", duration_minutes=30,
                                          is_bbc=True, deadline=date(2027, 12, 1)),
                                    Theme(name="ICT", duration_minutes=30, cadence_weeks=8)])
        s.add(row)
        s.flush()
        return row.id


def test_the_year_view_shows_weeks_themes_and_warnings_and_follows_changes(
        app: QApplication, qtbot: QtBot, sqlite_store: Store, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    series_id = series(sqlite_store)
    plan = YearPlanService(sqlite_store.session_factory)
    meeting_ids = plan.generate(series_id, 2027).meeting_ids
    calendar = ThemeCalendarService(sqlite_store.session_factory)
    calendar.place(series_id, 2027)
    runner, feed = TaskRunner(), ChangeFeed()
    view = YearView(runner, feed, calendar)
    qtbot.addWidget(view)
    view.show()

    with qtbot.waitSignal(view.loaded):
        view.show_plan(series_id, 2027)

    model = view.model
    qtmodeltester.check(model)
    assert model.rowCount() == 52
    assert model.headerData(YearPlanModel.WARNINGS, Qt.Orientation.Horizontal) == "Waarschuwingen"
    first = [model.index(0, c).data() for c in range(5)]
    assert first[:2] == ["Week 1 (04/01)", "DC 07/01/2027 09:00"]
    themes = " ".join(model.index(r, YearPlanModel.THEMES).data() for r in range(52))
    assert "Meerjarenplan" in themes and themes.count("ICT") >= 6
    assert not any(model.index(r, YearPlanModel.WARNINGS).data() for r in range(52))
    assert view.title.text() == "Directiecomité — jaarplan 2027"

    # An item that overloads week 2's meeting lands elsewhere: the view follows the feed.
    with sqlite_store.session_factory.begin() as s:
        s.add(AgendaItem(meeting_id=meeting_ids[1], title="Reorganisatie", duration_minutes=75))
    with qtbot.waitSignal(view.loaded):
        feed.publish(Changes.of(Kind.MEETING, updated=[meeting_ids[1]]))
    warning = model.index(1, YearPlanModel.WARNINGS)
    assert warning.data().startswith("Overbelast: ")
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color() == WARNING_COLOUR

    # Keyboard: down to week 2, Enter opens its meeting.
    view.table.setFocus()
    view.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.meeting_activated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [meeting_ids[1]]
    runner.wait_for_done()


def test_the_year_plan_dialog_previews_before_anything_is_written(
        app: QApplication, qtbot: QtBot, sqlite_store: Store, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from kortrijk_cockpit.ui.dialogs.year_plan import YearPlanDialog

    series_id = series(sqlite_store)
    plan = YearPlanService(sqlite_store.session_factory)
    dialog = YearPlanDialog(plan.preview(series_id, 2027), "Directiecomité")
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    rows = {dialog.model.index(r, 0).data(): dialog.model.index(r, 1).data()
            for r in range(dialog.model.rowCount())}
    assert rows["06/05/2027"] == "overgeslagen: O. L. H. Hemelvaart"
    assert rows["11/11/2027"] == "overgeslagen: Wapenstilstand"
    assert rows["07/01/2027"] == "nieuw, 09:00"
    assert dialog.create_button.text() == "&50 vergaderingen aanmaken"
    assert plan.preview(series_id, 2027).existing == ()  # nothing written yet

    plan.generate(series_id, 2027)
    again = YearPlanDialog(plan.preview(series_id, 2027), "Directiecomité")
    qtbot.addWidget(again)
    assert not again.create_button.isEnabled()
