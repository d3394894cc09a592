"""A short list of moments, each on a number key, plus "pick a date" for the
rest: the base of the Later and the follow-up flag dialogs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.dialogs.working_days import at
from kortrijk_cockpit.ui.formatting import LOCALE, local

CUSTOM = object()  # the "pick a date" entry


@dataclass(frozen=True)
class QuickChoice:
    label: str
    moment: datetime | None | object  # a moment, None ("no date") or CUSTOM
    enabled: bool = True


def moment_text(moment: datetime, *, with_time: bool) -> str:
    """'ma 30/11 08:00' in Dutch."""
    shown = local(moment)
    text = LOCALE.toString(QDate(shown.year, shown.month, shown.day), "ddd dd/MM")
    return f"{text} {shown:%H:%M}" if with_time else text


class QuickChoiceDialog(QDialog):
    def __init__(self, now: datetime, *, custom_time: time | None, with_time: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._now = now
        self._chosen: datetime | None = None
        self._custom_time = custom_time
        self._with_time = with_time
        self._choices: list[QuickChoice] = []
        self.buttons: list[QPushButton] = []

    def set_choices(self, choices: list[QuickChoice], custom_day: date) -> None:
        """Lay out the choices (called once, by the subclass, after translating them)."""
        now = local(self._now)
        self._choices = choices
        grid = QGridLayout()
        for number, choice in enumerate(choices, start=1):
            button = QPushButton(f"{number}   {choice.label}")
            button.setObjectName("quickChoice")
            button.setStyleSheet("QPushButton { text-align: left; padding: 4px 12px; }")
            button.setMinimumWidth(200)
            button.setEnabled(choice.enabled)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=choice: self._take(c))
            when = ""
            if isinstance(choice.moment, datetime):
                when = moment_text(choice.moment, with_time=self._with_time)
            label = QLabel(when)
            label.setEnabled(choice.enabled)
            grid.addWidget(button, number - 1, 0)
            grid.addWidget(label, number - 1, 1)
            self.buttons.append(button)

        # "Pick a date": hidden until chosen, so the quick list stays short.
        self.custom = QWidget()
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setLocale(LOCALE)
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(QDate(now.year, now.month, now.day))
        self.calendar.setSelectedDate(QDate(custom_day.year, custom_day.month, custom_day.day))
        self.calendar.activated.connect(lambda _d: self._take_custom())
        start = self._custom_time or time(8, 0)
        self.time = QTimeEdit(QTime(start.hour, start.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setVisible(self._with_time)
        ok = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                              | QDialogButtonBox.StandardButton.Cancel)
        ok.accepted.connect(self._take_custom)
        ok.rejected.connect(self.reject)
        custom_layout = QVBoxLayout(self.custom)
        custom_layout.setContentsMargins(0, 0, 0, 0)
        custom_layout.addWidget(self.calendar)
        custom_layout.addWidget(self.time)
        custom_layout.addWidget(ok)
        self.custom.setVisible(False)

        self.hint = QLabel(self.tr("Press a number, or Esc to cancel."))
        self.hint.setObjectName("emptyText")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.custom)
        layout.addWidget(self.hint)
        first = next((b for b in self.buttons if b.isEnabled()), None)
        if first is not None:
            first.setFocus()

    def chosen(self) -> datetime | None:
        return self._chosen

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Digits typed into the calendar or time field stay there; elsewhere they choose.
        number = event.key() - Qt.Key.Key_0
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if plain and 1 <= number <= len(self._choices):
            if self._choices[number - 1].enabled:
                self._take(self._choices[number - 1])
            return
        super().keyPressEvent(event)

    def _take(self, choice: QuickChoice) -> None:
        if choice.moment is CUSTOM:
            self.custom.setVisible(True)
            self.hint.setVisible(False)
            self.calendar.setFocus()
            return
        assert choice.moment is None or isinstance(choice.moment, datetime)
        self._chosen = choice.moment
        self.accept()

    def _take_custom(self) -> None:
        day = self.calendar.selectedDate().toPython()
        moment = self.time.time().toPython() if self._with_time else self._custom_time
        assert isinstance(day, date)
        self._chosen = at(day, moment or time(0))
        self.accept()
