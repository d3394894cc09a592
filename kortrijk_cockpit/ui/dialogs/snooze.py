"""Later: the mail leaves Te behandelen and comes back at the chosen moment."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtWidgets import QWidget

from kortrijk_cockpit.ui.dialogs.quick_choice import CUSTOM, QuickChoice, QuickChoiceDialog
from kortrijk_cockpit.ui.dialogs.working_days import at, next_working_day, working_day_from
from kortrijk_cockpit.ui.formatting import local

AFTERNOON = time(13, 30)
MORNING = time(8, 0)


class SnoozeDialog(QuickChoiceDialog):
    """Keys 1-5: this afternoon, tomorrow, Monday, next week, pick a date. Every
    choice after today lands on a working day (no weekend, no Belgian holiday)."""

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(now, custom_time=MORNING, with_time=True, parent=parent)
        today = local(now).date()
        afternoon = at(today, AFTERNOON)
        tomorrow = next_working_day(today)
        monday = working_day_from(today + timedelta(days=7 - today.weekday()))
        next_week = working_day_from(today + timedelta(days=7))
        choices = [
            QuickChoice(self.tr("This afternoon (13:30)"), afternoon, enabled=now < afternoon),
            QuickChoice(self.tr("Tomorrow (8:00)"), at(tomorrow, MORNING)),
            QuickChoice(self.tr("Monday (8:00)"), at(monday, MORNING)),
            QuickChoice(self.tr("Next week"), at(next_week, MORNING)),
            QuickChoice(self.tr("Pick a date…"), CUSTOM),
        ]
        self.set_choices(choices, custom_day=tomorrow)
        self.setWindowTitle(self.tr("Later"))

    def until(self) -> datetime:
        """The moment the mail comes back; valid once the dialog was accepted."""
        chosen = self.chosen()
        if chosen is None:
            raise RuntimeError("SnoozeDialog.until() before a choice was made")
        return chosen
