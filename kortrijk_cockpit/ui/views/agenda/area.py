"""The Agenda area's widgets: a header with the period and the views, the painted
calendar under it. Layout only; `AgendaController` wires it to the services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from kortrijk_cockpit.ui.views.agenda.canvas import AgendaCanvas
from kortrijk_cockpit.ui.views.agenda.period import ViewMode


class AgendaArea(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaArea")
        self.canvas = AgendaCanvas()
        self.period = QLabel()
        self.period.setObjectName("agendaPeriod")
        font = self.period.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.period.setFont(font)
        self.previous = self._button("‹", self.tr("Previous period (Left, Page Up)"))
        self.next = self._button("›", self.tr("Next period (Right, Page Down)"))
        self.today = self._button(self.tr("Today"), self.tr("Go to today (T)"))
        self.new_appointment = self._button(self.tr("New appointment"),
                                            self.tr("New appointment (Ctrl+N)"))
        self.mode_buttons: dict[ViewMode, QToolButton] = {}
        self.modes = QButtonGroup(self)
        labels = {ViewMode.DAY: (self.tr("Day"), "1"),
                  ViewMode.WORK_WEEK: (self.tr("Work week"), "5"),
                  ViewMode.WEEK: (self.tr("Week"), "7"),
                  ViewMode.MONTH: (self.tr("Month"), "M")}
        for mode, (text, key) in labels.items():
            button = self._button(text, self.tr("{view} ({key})").format(view=text, key=key))
            button.setCheckable(True)
            self.modes.addButton(button)
            self.mode_buttons[mode] = button

        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 6)
        header.addWidget(self.today)
        header.addWidget(self.previous)
        header.addWidget(self.next)
        header.addSpacing(8)
        header.addWidget(self.period, 1)
        header.addWidget(self.new_appointment)
        for button in self.mode_buttons.values():
            header.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.canvas, 1)
        self.setFocusProxy(self.canvas)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the calendar
        button.setAutoRaise(True)
        return button

    def show_mode(self, mode: ViewMode) -> None:
        self.mode_buttons[mode].setChecked(True)
