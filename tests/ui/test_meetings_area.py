"""The Overleg area by keyboard and mouse: series and meetings, the agenda with start
times, Ins / F2 / Del / Ctrl+Z / Ctrl+Up, drag to reorder, an action point added with
one click, the mail an item came from, the late marker, stukken, the header's signals;
models through qtmodeltester."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    DocumentRequest,
    Meeting,
    MeetingSeries,
)
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea
from kortrijk_cockpit.ui.views.meetings.models import AgendaModel
from tests.integration.mail_world import folders, mail

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)  # Monday
MAT_START = datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS)


def _world(store: Store) -> dict[str, int]:
    with store.session_factory.begin() as s:
        mat = MeetingSeries(code="MAT", name="Managementteam",
                            agenda_sections=["Verslag", "Beslissingen"])
        s.add(mat)
        s.flush()
        meeting = Meeting(series_id=mat.id, title="MAT", starts_at=MAT_START,
                          ends_at=MAT_START + timedelta(hours=2))
        past = Meeting(series_id=mat.id, title="MAT", starts_at=MAT_START - timedelta(days=14),
                       ends_at=MAT_START - timedelta(days=14, hours=-2))
        s.add_all([meeting, past])
        s.flush()
        s.add_all([
            AgendaItem(meeting_id=meeting.id, position=0, title="Verslag", duration_minutes=5,
                       added_at=NOW),
            AgendaItem(meeting_id=meeting.id, position=1, title="Personeelsplan",
                       duration_minutes=30, added_at=NOW),
            AgendaItem(meeting_id=meeting.id, position=2, title="Rondvraag",
                       duration_minutes=10, added_at=datetime(2026, 11, 27, 9, tzinfo=BRUSSELS)),
            ActionPoint(title="Nota fietsbeleid", owner_name="Jan", target_meeting_id=meeting.id),
        ])
        return {"series": mat.id, "meeting": meeting.id, "past": past.id}


def _agenda(area: MeetingsArea) -> list[tuple[str, str]]:
    m = area.agenda_model
    return [(m.index(r, AgendaModel.START).data(), m.index(r, AgendaModel.TITLE).data())
            for r in range(m.rowCount())]


def _focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Back in the area after a dialog (its shortcuts work in the active window)."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _area(qtbot, store: Store, runner: TaskRunner, feed: ChangeFeed) -> MeetingsArea:  # type: ignore[no-untyped-def]
    service = MeetingAgendaService(store.session_factory, FixedClock(NOW))
    area = MeetingsArea(service, runner, feed)
    qtbot.addWidget(area)
    area.resize(1300, 800)
    with qtbot.waitSignal(area.loaded):
        area.show()
    qtbot.waitUntil(lambda: area.agenda_model.rowCount() == 3)
    return area


def test_empty_store_says_what_to_do(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                     runner: TaskRunner) -> None:
    area = MeetingsArea(MeetingAgendaService(sqlite_store.session_factory, FixedClock(NOW)),
                        runner, ChangeFeed())
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    assert area.series_pages.currentWidget() is area.series_empty
    assert area.agenda_pages.currentWidget() is area.no_meeting
    assert not area.remind_action.isEnabled()


def test_agenda_by_keyboard(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                            runner: TaskRunner) -> None:
    world = _world(sqlite_store)
    feed = ChangeFeed()
    area = _area(qtbot, sqlite_store, runner, feed)
    # Upcoming first, the past below; the upcoming one is chosen.
    assert area.meeting_model.rowCount() == 2
    assert area.controller.meeting_id == world["meeting"]
    assert _agenda(area) == [("09:00", "Verslag"), ("09:05", "Personeelsplan"),
                             ("09:35", "Rondvraag")]
    # Put on after Thursday noon: late.
    late = [area.agenda_model.index(r, AgendaModel.LATE_MARK).data() for r in range(3)]
    assert late[:2] == ["", ""] and late[2] != ""

    table = area.agenda_table
    table.setFocus()
    table.setCurrentIndex(area.agenda_model.index(1, 0))
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _agenda(area) == [("09:00", "Personeelsplan"), ("09:30", "Verslag"),
                             ("09:35", "Rondvraag")]
    assert area.controller.current_item().title == "Personeelsplan"  # type: ignore[union-attr]

    # Ins: a new item below the chosen one.
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    dialog = area.controller.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Begroting 2027")
    dialog.minutes.setValue(20)
    with qtbot.waitSignal(area.loaded):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: area.agenda_model.rowCount() == 4)
    assert _agenda(area)[1] == ("09:30", "Begroting 2027"), _agenda(area)
    assert area.controller.current_item().title == "Begroting 2027"  # type: ignore[union-attr]

    # F2 edits it in a dialog.
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    dialog = area.controller.dialog
    assert dialog is not None
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Begroting 2027 (ontwerp)")
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert _agenda(area)[1] == ("09:30", "Begroting 2027 (ontwerp)")

    # Del removes it, Ctrl+Z puts it back at its place.
    messages: list[str] = []
    area.message.connect(messages.append)
    _focus(qtbot, table)
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [t for _s, t in _agenda(area)] == ["Personeelsplan", "Verslag", "Rondvraag"]
    assert messages and "Ctrl+Z" in messages[-1]
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t for _s, t in _agenda(area)][1] == "Begroting 2027 (ontwerp)"

    # The action point offered for this meeting: Enter adds it.
    assert area.offered_model.rowCount() == 1
    area.offered_table.setFocus()
    area.offered_table.setCurrentIndex(area.offered_model.index(0, 0))
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClick(area.offered_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: area.agenda_model.rowCount() == 5)
    assert _agenda(area)[-1][1] == "Nota fietsbeleid"
    assert area.offered_model.rowCount() == 0
    assert area.offered_pages.currentWidget() is area.offered_empty


def test_drag_an_item_to_another_place(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                       runner: TaskRunner) -> None:
    world = _world(sqlite_store)
    area = _area(qtbot, sqlite_store, runner, ChangeFeed())
    table = area.agenda_table
    data = area.agenda_model.mimeData([area.agenda_model.index(2, 0)])  # Rondvraag
    top = table.visualRect(area.agenda_model.index(0, AgendaModel.TITLE))
    at = QPoint(top.center().x(), top.top() + 2)  # the upper edge of the first row
    viewport = table.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(at, Qt.DropAction.MoveAction, data,
                                                    buttons, mods))
    with qtbot.waitSignal(area.loaded):
        QApplication.sendEvent(viewport, QDropEvent(at.toPointF(), Qt.DropAction.MoveAction,
                                                    data, buttons, mods))
    assert _agenda(area) == [("09:00", "Rondvraag"), ("09:10", "Verslag"),
                             ("09:15", "Personeelsplan")]
    read = MeetingAgendaService(sqlite_store.session_factory, FixedClock(NOW)).agenda(
        world["meeting"])
    assert read is not None and [i.title for i in read.items] == ["Rondvraag", "Verslag",
                                                                   "Personeelsplan"]
    assert isinstance(data, QMimeData)


def test_stukken_mail_and_header_signals(qtbot, app: QApplication, sqlite_store: Store,  # type: ignore[no-untyped-def]
                                         runner: TaskRunner) -> None:
    world = _world(sqlite_store)
    f = folders(sqlite_store)
    asked = mail(sqlite_store, f.inbox, "Nota mobiliteit", sender_name="Els Vandamme")
    with sqlite_store.session_factory.begin() as s:
        item = s.query(AgendaItem).filter_by(title="Personeelsplan").one()
        s.add(DocumentRequest(agenda_item_id=item.id, title="Nota personeelsplan",
                              requested_from="Els Vandamme", due_at=NOW - timedelta(days=1)))
    feed = ChangeFeed()
    area = _area(qtbot, sqlite_store, runner, feed)
    assert area.agenda_model.index(1, AgendaModel.STUKKEN).data() != ""
    assert area.missing_model.rowCount() == 1
    assert "1" in area.meeting_info.text()

    # A mail routed in triage arrives through the change feed; M opens the mail.
    handed = HandOnService(sqlite_store.session_factory, FixedClock(NOW)).put_on_agenda(
        asked, title="Nota mobiliteit", meeting_id=world["meeting"])
    with qtbot.waitSignal(area.loaded):
        feed.publish(handed.changes)
    assert _agenda(area)[-1][1].startswith("Nota mobiliteit")
    area.agenda_table.setFocus()
    area.agenda_table.setCurrentIndex(area.agenda_model.index(3, 0))
    with qtbot.waitSignal(area.record_requested) as opened:
        qtbot.keyClick(area.agenda_table, Qt.Key.Key_M)
    assert opened.args == ["mail", asked]

    with qtbot.waitSignal(area.remind_requested) as reminded:
        qtbot.keyClick(area.agenda_table, Qt.Key.Key_R)
    assert reminded.args == [world["meeting"]]
    for action, signal, wanted in (
            (area.request_action, area.request_stukken_requested, world["meeting"]),
            (area.send_action, area.send_agenda_requested, world["meeting"]),
            (area.bundle_action, area.bundle_requested, world["meeting"]),
            (area.year_plan_action, area.year_plan_requested, world["series"]),
            (area.series_action, area.series_edit_requested, world["series"])):
        with qtbot.waitSignal(signal) as got:
            action.trigger()
        assert got.args == [wanted]

    # Removing an item with stukken asks first; Keep keeps it.
    area.agenda_table.setCurrentIndex(area.agenda_model.index(1, 0))
    qtbot.keyClick(area.agenda_table, Qt.Key.Key_Delete)
    box = area.controller.confirm_box
    qtbot.waitUntil(box.isVisible)
    keep = next(b for b in box.buttons()
                if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert area.agenda_model.rowCount() == 4


def test_models_pass_qtmodeltester(qtmodeltester, qtbot, app: QApplication,  # type: ignore[no-untyped-def]
                                   sqlite_store: Store, runner: TaskRunner) -> None:
    _world(sqlite_store)
    area = _area(qtbot, sqlite_store, runner, ChangeFeed())
    for model in (area.series_model, area.meeting_model, area.agenda_model,
                  area.offered_model, area.missing_model):
        qtmodeltester.check(model)


def test_a_refused_save_brings_back_what_she_typed(qtbot, app: QApplication,  # type: ignore[no-untyped-def]
                                                   sqlite_store: Store,
                                                   runner: TaskRunner) -> None:
    _world(sqlite_store)
    area = _area(qtbot, sqlite_store, runner, ChangeFeed())
    failures: list[object] = []
    area.failed.connect(lambda _label, exc: failures.append(exc))
    _focus(qtbot, area.agenda_table)
    area.agenda_table.setCurrentIndex(area.agenda_model.index(1, 0))
    qtbot.keyClick(area.agenda_table, Qt.Key.Key_F2)
    dialog = area.controller.dialog
    assert dialog is not None
    # Meanwhile a colleague saves the same item (a shared store).
    item_id = area.controller.current_item().id  # type: ignore[union-attr]
    from kortrijk_cockpit.services.meeting_agenda import ItemDraft

    MeetingAgendaService(sqlite_store.session_factory, FixedClock(NOW)).update_item(
        item_id, ItemDraft("Personeelsplan 2027", duration_minutes=30))
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Personeelsplan (nieuwe versie)")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(failures))
    again = area.controller.dialog
    assert again is not None and again is not dialog
    qtbot.waitUntil(again.isVisible)
    assert again.title.text() == "Personeelsplan (nieuwe versie)"
