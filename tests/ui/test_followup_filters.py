"""Opvolging filtered: by owner (type-ahead, Ctrl+F), series, due and "ook afgewerkte";
the export writes exactly what the list shows, with the filter in the PDF's title."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import ActionPoint, ActionStatus, MeetingSeries
from kortrijk_cockpit.services.visits import VisitService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.followup.area import FollowupArea
from kortrijk_cockpit.ui.views.followup.model import Due, FollowupModel

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=BRUSSELS)  # Wednesday


def shown(area: FollowupArea) -> list[str]:
    return [area.proxy.index(r, FollowupModel.WHAT).data() for r in range(area.proxy.rowCount())]


def test_filters_and_export(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                            runner: TaskRunner, tmp_path: Path) -> None:
    with sqlite_store.session_factory.begin() as s:
        mat, dc = MeetingSeries(code="MAT", name="Managementteam"), MeetingSeries(code="DC", name="DC")
        s.add_all([mat, dc])
        s.flush()
        s.add_all([
            ActionPoint(title="Nota personeelsplan", owner_name="Els Vandenbroucke",
                        due_date=date(2026, 11, 1), target_series_id=mat.id),
            ActionPoint(title="Budget 2027", owner_name="Jan Peeters",
                        due_date=date(2026, 11, 27), target_series_id=dc.id),
            ActionPoint(title="Visienota", owner_name="Els Vandenbroucke",
                        due_date=date(2026, 12, 18), target_series_id=mat.id),
            ActionPoint(title="Ooit eens", owner_name="Jan Peeters"),
            ActionPoint(title="Al gedaan", owner_name="Els Vandenbroucke",
                        status=ActionStatus.DONE, target_series_id=mat.id),
        ])
    area = FollowupArea(VisitService(sqlite_store.session_factory, FixedClock(NOW)), runner,
                        ChangeFeed())
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    assert shown(area) == ["Nota personeelsplan", "Budget 2027", "Visienota", "Ooit eens"]
    bar = area.filter_bar

    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.owner.hasFocus()
    bar.owner.setText("els")  # typed: its completer popup would grab the keyboard offscreen
    assert shown(area) == ["Nota personeelsplan", "Visienota"]
    assert "Els Vandenbroucke" in bar.owner.completer().model().stringList()

    bar.owner.clear()
    bar.series.setCurrentIndex(bar.series.findData("DC"))
    assert shown(area) == ["Budget 2027"]
    bar.series.setCurrentIndex(0)
    for due, expected in ((Due.LATE, ["Nota personeelsplan"]), (Due.THIS_WEEK, ["Budget 2027"]),
                          (Due.LATER, ["Visienota"]), (Due.NONE, ["Ooit eens"])):
        bar.due.setCurrentIndex(bar.due.findData(due))
        assert shown(area) == expected, due

    bar.due.setCurrentIndex(bar.due.findData(Due.ANY))
    bar.series.setCurrentIndex(bar.series.findData("MAT"))
    with qtbot.waitSignal(area.loaded):
        bar.with_done.setChecked(True)
    assert shown(area) == ["Nota personeelsplan", "Visienota", "Al gedaan"]

    with qtbot.waitSignal(area.exported, timeout=10000):
        area.export(".xlsx", tmp_path / "Opvolging.xlsx")
    sheet = load_workbook(tmp_path / "Opvolging.xlsx").active
    assert sheet is not None
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == \
        ["Nota personeelsplan", "Visienota", "Al gedaan"]
    assert sheet["F4"].value == "afgewerkt"

    with qtbot.waitSignal(area.exported, timeout=10000):
        area.export(".pdf", tmp_path / "Opvolging.pdf")
    text = " ".join(PdfReader(tmp_path / "Opvolging.pdf").pages[0].extract_text().split())
    assert "Opvolging – reeks: MAT, ook afgewerkte – 25/11/2026" in text
    assert "Budget 2027" not in text
