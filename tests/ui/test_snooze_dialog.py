"""Later and the follow-up flag: one number key picks a moment on a working day."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import FlagStatus, Mail
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailView
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.flag_due import FlagDialog
from kortrijk_cockpit.ui.dialogs.quick_choice import QuickChoiceDialog
from kortrijk_cockpit.ui.dialogs.snooze import SnoozeDialog
from tests.seeding import inbox_mails


def brussels(*args: int) -> datetime:
    return datetime(*args, tzinfo=BRUSSELS)


def press(qtbot, dialog: QuickChoiceDialog, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog.focusWidget() or dialog, key)


def shown(qtbot, dialog: QuickChoiceDialog) -> QuickChoiceDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def snoozed(qtbot, now: datetime, key: Qt.Key) -> datetime:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, SnoozeDialog(FixedClock(now).now()))
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        press(qtbot, dialog, key)
    return dialog.until()


def test_the_choices_read_in_dutch_with_their_dates(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, SnoozeDialog(brussels(2026, 11, 27, 10, 0)))  # a Friday
    assert [b.text() for b in dialog.buttons] == [
        "1   Vanmiddag (13:30)", "2   Morgen (8:00)", "3   Maandag (8:00)",
        "4   Volgende week", "5   Kies datum…"]
    assert dialog.windowTitle() == "Later"


def test_tomorrow_on_a_friday_is_monday_morning(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    friday = brussels(2026, 11, 27, 10, 0)
    assert snoozed(qtbot, friday, Qt.Key.Key_2) == brussels(2026, 11, 30, 8, 0)
    assert snoozed(qtbot, friday, Qt.Key.Key_1) == brussels(2026, 11, 27, 13, 30)
    assert snoozed(qtbot, friday, Qt.Key.Key_3) == brussels(2026, 11, 30, 8, 0)
    assert snoozed(qtbot, friday, Qt.Key.Key_4) == brussels(2026, 12, 4, 8, 0)


def test_tomorrow_skips_a_belgian_holiday(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    # Wednesday 11 November 2026 is Wapenstilstand.
    assert snoozed(qtbot, brussels(2026, 11, 10, 9, 0), Qt.Key.Key_2) == brussels(2026, 11, 12, 8, 0)
    # Easter Monday 2027 falls on 29 March: "Monday" becomes Tuesday.
    assert snoozed(qtbot, brussels(2027, 3, 25, 9, 0), Qt.Key.Key_3) == brussels(2027, 3, 30, 8, 0)


def test_this_afternoon_is_gone_after_half_past_one(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, SnoozeDialog(brussels(2026, 11, 24, 14, 0)))
    assert not dialog.buttons[0].isEnabled()
    press(qtbot, dialog, Qt.Key.Key_1)
    assert dialog.isVisible() and dialog.result() == 0
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        press(qtbot, dialog, Qt.Key.Key_Escape)


def test_pick_a_date_by_keyboard(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, SnoozeDialog(brussels(2026, 11, 27, 10, 0)))
    press(qtbot, dialog, Qt.Key.Key_5)
    assert dialog.custom.isVisible()
    assert dialog.calendar.hasFocus() or dialog.focusWidget() is dialog.calendar.focusWidget()
    # The calendar opens on the next working day; a week further with Down, then Enter.
    press(qtbot, dialog, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.until() == brussels(2026, 12, 7, 8, 0)


def test_flag_choices(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    def flagged(now: datetime, key: Qt.Key) -> datetime | None:
        dialog = shown(qtbot, FlagDialog(now))
        with qtbot.waitSignal(dialog.accepted, timeout=1000):
            press(qtbot, dialog, key)
        return dialog.due()

    tuesday = brussels(2026, 11, 24, 10, 0)
    assert flagged(tuesday, Qt.Key.Key_1) == brussels(2026, 11, 24, 17, 0)
    assert flagged(tuesday, Qt.Key.Key_2) == brussels(2026, 11, 25, 17, 0)
    assert flagged(tuesday, Qt.Key.Key_3) == brussels(2026, 11, 27, 17, 0)
    assert flagged(tuesday, Qt.Key.Key_4) == brussels(2026, 12, 4, 17, 0)
    assert flagged(tuesday, Qt.Key.Key_5) is None
    # Christmas week: Friday 25 December is a holiday, so "this week" ends on Thursday.
    assert flagged(brussels(2026, 12, 21, 9, 0), Qt.Key.Key_3) == brussels(2026, 12, 24, 17, 0)


def test_no_working_day_left_this_week_on_a_saturday(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, FlagDialog(brussels(2026, 11, 28, 10, 0)))
    assert [b.text() for b in dialog.buttons][2:4] == ["3   Deze week", "4   Volgende week"]
    assert not dialog.buttons[2].isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        press(qtbot, dialog, Qt.Key.Key_2)
    assert dialog.due() == brussels(2026, 11, 30, 17, 0)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_flag_chosen_is_the_flag_the_mail_gets(qtbot, app, store: Store) -> None:  # type: ignore[no-untyped-def]
    mail_id = inbox_mails(store, "Vraag om advies")[0]
    dialog = shown(qtbot, FlagDialog(brussels(2026, 11, 27, 10, 0)))  # a Friday
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        press(qtbot, dialog, Qt.Key.Key_2)
    TriageService(store.session_factory).flag([mail_id], dialog.due())
    with store.session_factory() as s:
        mail = s.get(Mail, mail_id)
        assert mail is not None and mail.flag_status == FlagStatus.FLAGGED
        assert mail.flag_due_at == brussels(2026, 11, 30, 17, 0)  # Monday, end of the day


def test_a_mail_put_off_until_later_comes_back_then(qtbot, app, store: Store) -> None:  # type: ignore[no-untyped-def]
    friday = brussels(2026, 11, 27, 10, 0)
    mail_id = inbox_mails(store, "Uitnodiging receptie")[0]
    dialog = shown(qtbot, SnoozeDialog(FixedClock(friday).now()))
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        press(qtbot, dialog, Qt.Key.Key_2)  # tomorrow: Monday 8:00
    TriageService(store.session_factory).snooze([mail_id], dialog.until())

    def todo(at: datetime) -> list[int]:
        return MailListService(store.session_factory, FixedClock(at)).ids(MailQuery(MailView.TODO))

    assert todo(brussels(2026, 11, 29, 20, 0)) == []  # not over the weekend
    assert todo(brussels(2026, 11, 30, 8, 0)) == [mail_id]  # back on Monday morning
