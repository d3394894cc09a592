"""Vandaag: the next MAT and DC with their agenda and stukken state; a click opens Overleg."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import (
    AgendaItem,
    DocumentRequest,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    RequestStatus,
)
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.ui.conftest import NOW, make_services


def plan(store: Store) -> int:
    """A MAT next Tuesday with 5 items and 5 stukken: 3 in, 1 late, 1 still in time; no DC."""
    with store.session_factory.begin() as s:
        series = MeetingSeries(code="MAT", name="Managementteam")
        start = NOW + timedelta(days=8)
        meeting = Meeting(series=series, title="MAT", starts_at=start,
                          ends_at=start + timedelta(hours=2))
        states = [(RequestStatus.RECEIVED, 1)] * 3 + [(RequestStatus.REQUESTED, -1),
                                                      (RequestStatus.REQUESTED, 2)]
        meeting.agenda_items = [
            AgendaItem(position=i, title=f"Punt {i + 1}", document_requests=[
                DocumentRequest(title=f"Nota {i + 1}", status=status,
                                due_at=NOW + timedelta(days=days))])
            for i, (status, days) in enumerate(states)]
        earlier = Meeting(series=series, title="MAT", starts_at=NOW - timedelta(days=6),
                          ends_at=NOW - timedelta(days=6) + timedelta(hours=2),
                          status=MeetingStatus.HELD)
        s.add_all([meeting, earlier])
        s.flush()
        return meeting.id


def test_next_mat_and_dc_show_agenda_and_stukken_and_open_overleg(
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        unexpected: list[BaseException]) -> None:
    meeting_id = plan(sqlite_store)
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=make_services(sqlite_store))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    mat, dc = window.today.overleg_tiles["MAT"], window.today.overleg_tiles["DC"]
    assert mat.caption.text() == "Volgende MAT"
    assert mat.value.text() == "01/12/2026 10:00"
    assert mat.detail.text() == "5 agendapunten · 3/5 binnen, 1 te laat"
    assert mat.property("alert") is True
    assert (dc.value.text(), dc.detail.text()) == ("—", "Geen overleg gepland")

    # The late one comes in: the tile follows the change feed.
    with sqlite_store.session_factory.begin() as s:
        late = s.scalars(select(DocumentRequest).where(DocumentRequest.title == "Nota 4")).one()
        late.status = RequestStatus.RECEIVED
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.feed.publish(Changes.of(Kind.MEETING, updated=[meeting_id]))
    assert mat.detail.text() == "5 agendapunten · 4/5 binnen"
    assert mat.property("alert") is False

    with qtbot.waitSignal(window.today.area_requested) as asked:
        qtbot.mouseClick(mat, Qt.MouseButton.LeftButton)
    assert asked.args == ["meetings"]
    assert not unexpected
