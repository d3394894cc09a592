"""The assistant creates, moves, resizes, edits and cancels the director's appointments
in the Agenda by mouse and by keyboard; every change lands in the store and the outbox."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.ui.dialogs.appointment import AppointmentDialog, CancelAppointmentDialog
from kortrijk_cockpit.ui.dialogs.series_choice import SeriesChoiceDialog
from kortrijk_cockpit.ui.views.agenda.canvas import agenda_shortcuts
from tests.ui.agenda_editing_world import World, at, outbox, row, week, world  # noqa: F401

LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def drag(qtbot, world: World, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    qtbot.mousePress(canvas, LEFT, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(canvas, middle)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, LEFT, pos=end)


def local_times(world: World, event_id: int) -> tuple[str, str]:
    found = row(world.store, event_id)
    return (f"{found.start_at.astimezone(BRUSSELS):%a %H:%M}",
            f"{found.end_at.astimezone(BRUSSELS):%a %H:%M}")


def test_click_tab_and_esc_select_and_the_selection_survives_a_reload(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    with qtbot.waitSignal(canvas.selected) as chosen:
        qtbot.mouseClick(canvas, LEFT, pos=canvas.time_point(at(1, 10)))
    assert chosen.args[0].id == week["mat"] and canvas.selected_id == week["mat"]
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert canvas.selected_id == week["call"]  # next in time order
    qtbot.keyClick(canvas, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.selected_id == week["mat"]
    with qtbot.waitSignal(world.controller.loaded):
        world.controller.reload()
    assert canvas.selected_id == week["mat"]
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.selected_id is None
    assert any("Ctrl+N" in keys for keys, _what in agenda_shortcuts())


def test_drawing_on_empty_time_creates_an_appointment_with_invitations(
        qtbot, world: World) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    drag(qtbot, world, canvas.time_point(at(2, 9, 5)), canvas.time_point(at(2, 10, 25)))
    dialog = world.last(AppointmentDialog)
    assert (dialog.start.time().toString("HH:mm"), dialog.end.time().toString("HH:mm")) == \
        ("09:00", "10:30")
    dialog.subject.setText("Overleg Leiedal")
    dialog.location.setText("Stadhuis")
    dialog.attendees.setText("Jan Vercruysse <jan.vercruysse@kortrijk.be>; els@kortrijk.be")
    with qtbot.waitSignal(world.controller.loaded):
        dialog.request_save()
    assert not isValid(dialog)  # closed (and gone) once saved
    new = next(e for e in canvas.events if e.subject == "Overleg Leiedal")
    assert (new.start, new.end, new.location) == (at(2, 9), at(2, 10, 30), "Stadhuis")
    kind, payload = outbox(world.store)[-1]
    assert kind == "create_event"
    assert payload["required"] == ["Jan Vercruysse <jan.vercruysse@kortrijk.be>",
                                   "els@kortrijk.be"]


def test_a_wrong_address_is_refused_in_dutch_and_nothing_typed_is_lost(
        qtbot, world: World) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(world.canvas, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = world.last(AppointmentDialog)
    # The next free quarter after now (Monday 10:00) lasting an hour.
    assert dialog.start.time().toString("HH:mm") == "10:00"
    assert dialog.end.time().toString("HH:mm") == "11:00"
    dialog.subject.setText("Bezoek")
    dialog.attendees.setText("Jan <jan.vercruysse@kortrijk>")
    dialog.request_save()
    assert dialog.isVisible() and "geen geldig e-mailadres" in dialog.error.text()
    assert dialog.subject.text() == "Bezoek"
    assert outbox(world.store) == []


def test_dragging_a_box_moves_it_and_ctrl_z_moves_it_back(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    call = week["call"]
    with qtbot.waitSignal(world.editor.written):
        drag(qtbot, world, canvas.time_point(at(1, 14, 10), 0.5),
             canvas.time_point(at(3, 15, 10), 0.5))
    assert local_times(world, call) == ("Thu 15:00", "Thu 15:30")
    assert outbox(world.store)[-1][0] == "update_event"
    qtbot.waitUntil(lambda: canvas.box_of(call) is not None
                    and canvas.event_at(canvas.time_point(at(3, 15, 15))) is not None)
    with qtbot.waitSignal(world.editor.written):
        qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert local_times(world, call) == ("Tue 14:00", "Tue 14:30")
    assert [k for k, _p in outbox(world.store)] == ["update_event", "update_event"]


def test_esc_during_a_drag_leaves_the_appointment_where_it_was(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    qtbot.mousePress(canvas, LEFT, pos=canvas.time_point(at(1, 14, 10)))
    qtbot.mouseMove(canvas, canvas.time_point(at(1, 16, 10)))
    assert canvas._drag is not None and canvas._drag.start == at(1, 16)  # the preview
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.mouseRelease(canvas, LEFT, pos=canvas.time_point(at(1, 16, 10)))
    world.runner.wait_for_done()
    assert outbox(world.store) == []


def test_dragging_the_bottom_edge_resizes(qtbot, world: World,  # type: ignore[no-untyped-def]
                                          week: dict[str, int]) -> None:
    canvas = world.canvas
    box = canvas.box_of(week["mat"])
    edge = QPoint(round(box.center().x()), round(box.bottom()) - 2)
    qtbot.mouseMove(canvas, edge)
    assert canvas.cursor().shape() == Qt.CursorShape.SizeVerCursor
    with qtbot.waitSignal(world.editor.written):
        drag(qtbot, world, edge, canvas.time_point(at(1, 11, 40)))
    assert local_times(world, week["mat"]) == ("Tue 09:00", "Tue 11:45")


def test_alt_keys_move_and_resize_the_selected_appointment(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    qtbot.mouseClick(canvas, LEFT, pos=canvas.time_point(at(1, 14, 10)))
    with qtbot.waitSignal(world.controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT)
    assert local_times(world, week["call"]) == ("Tue 14:15", "Tue 14:45")
    with qtbot.waitSignal(world.controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_Right, ALT)
    assert local_times(world, week["call"]) == ("Wed 14:15", "Wed 14:45")
    with qtbot.waitSignal(world.controller.loaded):
        qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT | SHIFT)
    assert local_times(world, week["call"]) == ("Wed 14:15", "Wed 15:00")
    assert canvas.selected_id == week["call"]  # still selected after each reload


def test_an_occurrence_asks_this_time_or_the_whole_series(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    qtbot.mouseClick(canvas, LEFT, pos=canvas.time_point(at(0, 16, 30)))
    qtbot.keyClick(canvas, Qt.Key.Key_Up, ALT)
    qtbot.waitUntil(lambda: any(isinstance(d, SeriesChoiceDialog) for d in world.opened))
    with qtbot.waitSignal(world.editor.written):
        world.last(SeriesChoiceDialog).series.click()
    assert local_times(world, week["series_1"]) == ("Mon 15:45", "Mon 16:45")
    assert local_times(world, week["series_2"]) == ("Mon 15:45", "Mon 16:45")
    assert outbox(world.store)[-1][1]["series"] is True
    # A whole series to another day: the service's Dutch refusal is shown.
    qtbot.waitUntil(lambda: canvas.box_of(week["series_1"]) is not None)
    qtbot.keyClick(canvas, Qt.Key.Key_Right, ALT)
    qtbot.waitUntil(lambda: sum(isinstance(d, SeriesChoiceDialog) for d in world.opened) == 2)
    with qtbot.waitSignal(world.editor.failed):
        world.last(SeriesChoiceDialog).series.click()
    box = world.last(QMessageBox)
    assert "binnen dezelfde dag" in box.text()
    assert local_times(world, week["series_1"]) == ("Mon 15:45", "Mon 16:45")


def test_a_series_can_be_lengthened_as_a_whole(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    qtbot.mouseClick(canvas, LEFT, pos=canvas.time_point(at(0, 16, 30)))
    qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT | SHIFT)
    qtbot.waitUntil(lambda: any(isinstance(d, SeriesChoiceDialog) for d in world.opened))
    with qtbot.waitSignal(world.editor.written):
        world.last(SeriesChoiceDialog).series.click()
    assert local_times(world, week["series_1"]) == ("Mon 16:00", "Mon 17:15")
    assert local_times(world, week["series_2"]) == ("Mon 16:00", "Mon 17:15")
    assert outbox(world.store)[-1][1]["series"] is True


def test_enter_edits_and_only_the_changed_fields_are_sent(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    qtbot.mouseClick(canvas, LEFT, pos=canvas.time_point(at(1, 10)))
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(d, AppointmentDialog) for d in world.opened))
    dialog = world.last(AppointmentDialog)
    assert (dialog.subject.text(), dialog.location.text()) == ("MAT", "Stadhuis")
    assert dialog.attendees.text() == "Jan Vercruysse <jan.vercruysse@kortrijk.be>"
    dialog.location.setText("Raadzaal")
    with qtbot.waitSignal(world.editor.written):
        dialog.request_save()
    assert row(world.store, week["mat"]).location == "Raadzaal"
    kind, payload = outbox(world.store)[-1]
    assert (kind, payload["fields"]) == ("update_event", ["location"])


def test_delete_cancels_after_confirmation_with_a_message(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    qtbot.mouseClick(canvas, LEFT, pos=canvas.time_point(at(1, 10)))
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: any(isinstance(d, CancelAppointmentDialog) for d in world.opened))
    confirm = world.last(CancelAppointmentDialog)
    assert row(world.store, week["mat"]).is_cancelled is False  # nothing before the yes
    confirm.message.setPlainText("Uitgesteld naar volgende week.")
    with qtbot.waitSignal(world.editor.written):
        confirm.confirm.click()
    assert row(world.store, week["mat"]).is_cancelled is True
    kind, payload = outbox(world.store)[-1]
    assert (kind, payload["message"]) == ("cancel_event", "Uitgesteld naar volgende week.")


def test_a_private_appointment_refuses_editing_with_the_services_message(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    with qtbot.waitSignal(world.editor.failed):
        qtbot.mouseDClick(canvas, LEFT, pos=canvas.time_point(at(2, 12, 30)))
    assert "privé-afspraak" in world.last(QMessageBox).text()
    assert not any(isinstance(d, AppointmentDialog) for d in world.opened)


def test_the_context_menu_offers_a_new_appointment_there_or_cancelling(
        qtbot, world: World, week: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    canvas = world.canvas
    menu = world.editor.menu_for(None, at(4, 13))
    [action] = menu.actions()
    action.trigger()
    dialog = world.last(AppointmentDialog)
    assert dialog.day.date().toString("dd/MM") == "27/11"
    assert dialog.start.time().toString("HH:mm") == "13:00"
    mat = next(e for e in canvas.events if e.id == week["mat"])
    [_edit, cancel, _line, visit, fiche] = world.editor.menu_for(mat, None).actions()
    assert visit.text() == "Bezoek of rondleiding: checklist…"
    assert fiche.text() == "Extern: fiche…"
    with qtbot.waitSignal(world.editor.fiche_requested) as asked:
        fiche.trigger()
    assert asked.args == [week["mat"]]
    cancel.trigger()
    qtbot.waitUntil(lambda: any(isinstance(d, CancelAppointmentDialog) for d in world.opened))
