"""Follow-up flag: when it is due, or no date at all."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtWidgets import QWidget

from kortrijk_cockpit.ui.dialogs.quick_choice import CUSTOM, QuickChoice, QuickChoiceDialog
from kortrijk_cockpit.ui.dialogs.working_days import at, last_working_day_of_week, next_working_day
from kortrijk_cockpit.ui.formatting import local

# Due at the end of the office day: Outlook shows the date, the Opvolgen view sorts by it.
DUE_TIME = time(17, 0)


class FlagDialog(QuickChoiceDialog):
    """Keys 1-6: today, tomorrow, this week, next week, no date, pick a date."""

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(now, custom_time=DUE_TIME, with_time=False, parent=parent)
        today = local(now).date()
        tomorrow = next_working_day(today)
        this_week = last_working_day_of_week(today)
        next_week = last_working_day_of_week(today + timedelta(days=7 - today.weekday()))
        choices = [
            QuickChoice(self.tr("Today"), at(today, DUE_TIME)),
            QuickChoice(self.tr("Tomorrow"), at(tomorrow, DUE_TIME)),
            # On a weekend this week has no working day left.
            QuickChoice(self.tr("This week"), at(this_week, DUE_TIME) if this_week else None,
                        enabled=this_week is not None),
            QuickChoice(self.tr("Next week"), at(next_week, DUE_TIME) if next_week else None),
            QuickChoice(self.tr("No date"), None),
            QuickChoice(self.tr("Pick a date…"), CUSTOM),
        ]
        self.set_choices(choices, custom_day=tomorrow)
        self.setWindowTitle(self.tr("Follow-up flag"))

    def due(self) -> datetime | None:
        """When the flag is due (None: flagged without a date); once accepted."""
        return self.chosen()
