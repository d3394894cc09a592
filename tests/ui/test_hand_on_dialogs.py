"""Handing a mail on by keyboard: type, Tab, Enter; the request is right, the prefill is
smart, Esc never loses typed text; and the real HandOnService links both ways."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import ActionPoint, AgendaItem, AgendaItemKind, LinkKind
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.services.mail_list import MailDetail, MailListService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.action_point import ActionPointDialog, ActionPointRequest
from kortrijk_cockpit.ui.dialogs.agenda_item import AgendaItemDialog, AgendaRequest
from kortrijk_cockpit.ui.dialogs.brief_link import BriefLinkDialog, BriefRequest
from kortrijk_cockpit.ui.dialogs.person_link import PersonLinkDialog, PersonRequest
from tests.integration.mail_world import NOW
from tests.ui.hand_on_world import World, seed

TODAY = NOW.date()  # Monday 23/11/2026
# The offscreen platform can neither grab the keyboard for the completer's popup nor raise it.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard",
                                       r"This plugin does not support raise\(\)")


class Office:
    def __init__(self, store: Store) -> None:
        self.world: World = seed(store)
        clock = FixedClock(NOW)
        self.hand_on = HandOnService(store.session_factory, clock)
        self.mails = MailListService(store.session_factory, clock)

    def mail(self, mail_id: int) -> MailDetail:
        detail = self.mails.detail(mail_id)
        assert detail is not None
        return detail

    def linked_both_ways(self, mail_id: int, kind: LinkKind, target_id: int) -> bool:
        forward = any(link.kind == kind and link.target_id == target_id
                      for link in self.hand_on.links(mail_id))
        back = any(ref.id == mail_id for ref in self.hand_on.mails_linked_to(kind, target_id))
        return forward and back


@pytest.fixture
def office(sqlite_store: Store) -> Office:
    return Office(sqlite_store)


def shown(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)


def key(qtbot, which: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), which)


def enter_accepts(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        key(qtbot, Qt.Key.Key_Return)


def choose_completion(qtbot, dialog: ActionPointDialog, typed: str) -> None:  # type: ignore[no-untyped-def]
    type_keys(qtbot, typed)
    popup = dialog.owner.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())


# Action point ----------------------------------------------------------------------------

def test_action_point_by_keyboard(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    world = office.world
    dialog = shown(qtbot, ActionPointDialog(office.mail(world.mat_mail), office.hand_on,
                                            today=TODAY))
    assert dialog.windowTitle() == "Maak actiepunt"
    assert dialog.title.text() == "Nota mobiliteitsplan"  # without "RE: Antw:"
    assert focused() is dialog.title
    key(qtbot, Qt.Key.Key_End)
    type_keys(qtbot, " - advies")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.owner
    choose_completion(qtbot, dialog, "pee")
    assert dialog.owner.text() == "Jan Peeters"
    enter_accepts(qtbot, dialog)
    # A week from Monday 23/11 is Monday 30/11, a working day.
    assert dialog.request() == ActionPointRequest(world.mat_mail, "Nota mobiliteitsplan - advies",
                                                  "Jan Peeters", world.jan, date(2026, 11, 30))


def test_the_sender_is_the_first_owner_suggested(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, ActionPointDialog(office.mail(office.world.mat_mail), office.hand_on,
                                            today=TODAY))
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Down)  # the suggestions, without typing
    popup = dialog.owner.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data().startswith("Els Vandamme")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.owner.text() == "Els Vandamme"
    assert dialog.request().owner_person_id == office.world.els


def test_a_name_typed_freely_is_kept_without_a_person(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, ActionPointDialog(office.mail(office.world.dc_mail), office.hand_on,
                                            today=date(2026, 11, 4)))
    assert dialog.title.text() == "Jaarforum lokale besturen"
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Dienst communicatie")
    qtbot.keyClick(dialog.owner.completer().popup(), Qt.Key.Key_Escape)
    enter_accepts(qtbot, dialog)
    request = dialog.request()
    assert (request.owner_name, request.owner_person_id) == ("Dienst communicatie", None)
    # A week after 4/11 is Wapenstilstand (11/11, a Wednesday): the deadline moves to Thursday.
    assert request.due_date == date(2026, 11, 12)


def test_an_empty_title_cannot_be_accepted(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, ActionPointDialog(office.mail(office.world.mat_mail), office.hand_on,
                                            today=TODAY))
    key(qtbot, Qt.Key.Key_Delete)  # the prefilled title is selected: one key clears it
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0


def test_esc_with_typed_text_asks_first(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, ActionPointDialog(office.mail(office.world.mat_mail), office.hand_on,
                                            today=TODAY))
    key(qtbot, Qt.Key.Key_End)
    type_keys(qtbot, " dringend")
    key(qtbot, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    assert box.text() == "Wijzigingen weggooien?"
    assert dialog.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc again: keep editing
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible() and dialog.title.text() == "Nota mobiliteitsplan dringend"

    dialog.activateWindow()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None
    qtbot.waitExposed(box)
    discard = next(b for b in box.buttons() if b.text() == "Weggooien")
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)


def test_esc_without_typed_text_closes_at_once(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, ActionPointDialog(office.mail(office.world.mat_mail), office.hand_on,
                                            today=TODAY))
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        key(qtbot, Qt.Key.Key_Escape)
    assert dialog.discard_box is None


# Agenda item -----------------------------------------------------------------------------

def test_agenda_prefill_for_a_mail_marked_agenderen_mat(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    world = office.world
    dialog = shown(qtbot, AgendaItemDialog(office.mail(world.mat_mail), office.hand_on))
    assert dialog.windowTitle() == "Agenderen"
    assert dialog.title.text() == "Nota mobiliteitsplan"
    assert dialog.meeting.currentText() == "Het volgende MAT (dinsdag 24/11/2026 09:00)"
    assert dialog.kind.currentText() == "Bespreking"
    assert dialog.owner.text() == "Els Vandamme"
    enter_accepts(qtbot, dialog)
    assert dialog.request() == AgendaRequest(world.mat_mail, "Nota mobiliteitsplan", None, "MAT",
                                             AgendaItemKind.DISCUSSION, "Els Vandamme", 15)


def test_agenda_on_a_chosen_meeting_by_keyboard(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    world = office.world
    dialog = shown(qtbot, AgendaItemDialog(office.mail(world.dc_mail), office.hand_on))
    assert dialog.meeting.currentText() == "Het volgende DC (donderdag 26/11/2026 09:00)"
    texts = [dialog.meeting.itemText(i) for i in range(dialog.meeting.count())]
    assert texts[3:] == ["MAT — dinsdag 24/11/2026 09:00", "DC — donderdag 26/11/2026 09:00",
                         "MAT — dinsdag 01/12/2026 09:00"]
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.meeting
    # Down to the MAT of 1 December; the line between series and meetings is skipped.
    for _ in range(texts.index("MAT — dinsdag 01/12/2026 09:00") - dialog.meeting.currentIndex() - 1):
        key(qtbot, Qt.Key.Key_Down)
    assert dialog.meeting.currentText() == "MAT — dinsdag 01/12/2026 09:00"
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Up)  # Bespreking -> Advies
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "Jan Peeters")
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "30")
    enter_accepts(qtbot, dialog)
    assert dialog.request() == AgendaRequest(world.dc_mail, "Jaarforum lokale besturen",
                                             world.mat_after, None, AgendaItemKind.ADVICE,
                                             "Jan Peeters", 30)


# Brief and person ------------------------------------------------------------------------

def test_brief_list_upcoming_first_and_type_to_filter(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    world = office.world
    dialog = shown(qtbot, BriefLinkDialog(office.mail(world.dc_mail), office.hand_on, now=NOW))
    rows = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert rows == ["Netwerkmoment Voka  ·  03/12/2026", "Jaarforum VVSG  ·  20/01/2027"]
    assert focused() is dialog.filter
    type_keys(qtbot, "vvsg")
    assert dialog.model.rowCount() == 1
    enter_accepts(qtbot, dialog)
    assert dialog.request() == BriefRequest(world.dc_mail, world.vvsg)


def test_person_sender_preselected_and_type_to_filter(qtbot, app, office: Office) -> None:  # type: ignore[no-untyped-def]
    world = office.world
    dialog = shown(qtbot, PersonLinkDialog(office.mail(world.mat_mail), office.hand_on))
    assert dialog.list.currentIndex().data().startswith("Els Vandamme")
    type_keys(qtbot, "maes")
    assert dialog.list.currentIndex().data().startswith("Sofie Maes")
    enter_accepts(qtbot, dialog)
    assert dialog.request() == PersonRequest(world.mat_mail, world.sofie)


# Into the store, on SQLite and PostgreSQL -------------------------------------------------

def test_an_action_point_made_in_the_dialog_is_linked_both_ways(qtbot, app, store: Store) -> None:  # type: ignore[no-untyped-def]
    office = Office(store)
    dialog = shown(qtbot, ActionPointDialog(office.mail(office.world.mat_mail), office.hand_on,
                                            today=TODAY))
    key(qtbot, Qt.Key.Key_Tab)
    choose_completion(qtbot, dialog, "jan")
    enter_accepts(qtbot, dialog)
    r = dialog.request()
    made = office.hand_on.make_action_point(r.mail_id, title=r.title, owner_name=r.owner_name,
                                            due_date=r.due_date, owner_person_id=r.owner_person_id)
    assert office.linked_both_ways(r.mail_id, LinkKind.ACTION_POINT, made.link.target_id)
    with store.session_factory() as s:
        point = s.get(ActionPoint, made.link.target_id)
        assert point is not None
        assert (point.title, point.owner_person_id, point.due_date, point.source_mail_id) == (
            "Nota mobiliteitsplan", office.world.jan, date(2026, 11, 30), r.mail_id)


def test_an_agenda_item_made_in_the_dialog_is_linked_both_ways(qtbot, app, store: Store) -> None:  # type: ignore[no-untyped-def]
    office = Office(store)
    dialog = shown(qtbot, AgendaItemDialog(office.mail(office.world.dc_mail), office.hand_on))
    enter_accepts(qtbot, dialog)
    r = dialog.request()
    made = office.hand_on.put_on_agenda(r.mail_id, title=r.title, meeting_id=r.meeting_id,
                                        series_code=r.series_code, kind=r.kind,
                                        owner_name=r.owner_name,
                                        duration_minutes=r.duration_minutes)
    assert office.linked_both_ways(r.mail_id, LinkKind.AGENDA_ITEM, made.link.target_id)
    with store.session_factory() as s:
        item = s.get(AgendaItem, made.link.target_id)
        assert item is not None and item.meeting_id == office.world.dc_next  # the next DC


def test_a_brief_chosen_in_the_dialog_is_linked_both_ways(qtbot, app, store: Store) -> None:  # type: ignore[no-untyped-def]
    office = Office(store)
    dialog = shown(qtbot, BriefLinkDialog(office.mail(office.world.mat_mail), office.hand_on,
                                          now=NOW))
    type_keys(qtbot, "voka")
    enter_accepts(qtbot, dialog)
    r = dialog.request()
    office.hand_on.attach_to_brief(r.mail_id, r.brief_id)
    assert office.linked_both_ways(r.mail_id, LinkKind.BRIEF, office.world.voka)
    again = shown(qtbot, BriefLinkDialog(office.mail(office.world.mat_mail), office.hand_on,
                                         now=NOW))
    assert again.model.index(0, 0).data() == "Netwerkmoment Voka (al gekoppeld)  ·  03/12/2026"


def test_a_person_chosen_in_the_dialog_is_linked_both_ways(qtbot, app, store: Store) -> None:  # type: ignore[no-untyped-def]
    office = Office(store)
    dialog = shown(qtbot, PersonLinkDialog(office.mail(office.world.mat_mail), office.hand_on))
    enter_accepts(qtbot, dialog)  # the sender, preselected
    r = dialog.request()
    office.hand_on.link_person(r.mail_id, r.person_id)
    assert office.linked_both_ways(r.mail_id, LinkKind.PERSON, office.world.els)
