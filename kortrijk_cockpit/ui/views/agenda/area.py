"""The Agenda area's widgets: a header with the period and the views, the painted
calendar under it with the chosen appointment's details beside it (a splitter;
the panel folds away and its width is kept). Layout only; `AgendaController`
and `DetailsController` wire it to the services."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.splitter_state import restore_splitter, save_splitter
from kortrijk_cockpit.ui.views.agenda.canvas import AgendaCanvas
from kortrijk_cockpit.ui.views.agenda.details import DetailsPanel
from kortrijk_cockpit.ui.views.agenda.period import ViewMode

STATE_GROUP = "agenda"
DETAILS_WIDTH = 380  # the panel's first width, before the user drags it


class AgendaArea(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaArea")
        self.canvas = AgendaCanvas()
        self.details = DetailsPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agendaSplitter")
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)  # dragged shut, the calendar gets it all
        self._layout_restored = False
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
        self.find_time = self._button(self.tr("Find a time…"),
                                      self.tr("Find a time that suits the director and his "
                                              "colleagues (Ctrl+Shift+T)"))
        self.overview = self._button(self.tr("Day overview…"),
                                     self.tr("The director's overview of the next working "
                                             "day, as PDF or printed (Ctrl+P)"))
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
        header.addWidget(self.find_time)
        header.addWidget(self.overview)
        header.addSpacing(12)
        for button in self.mode_buttons.values():
            header.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.canvas)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the calendar
        button.setAutoRaise(True)
        return button

    def save_layout(self, state: QSettings) -> None:
        save_splitter(state, STATE_GROUP, self.splitter)

    def restore_layout(self, state: QSettings) -> None:
        if restore_splitter(state, STATE_GROUP, self.splitter):
            self._layout_restored = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._layout_restored:  # the first show: the panel at its default width
            self._layout_restored = True
            rest = max(0, self.splitter.width() - DETAILS_WIDTH - self.splitter.handleWidth())
            self.splitter.setSizes([rest, DETAILS_WIDTH])

    def show_mode(self, mode: ViewMode) -> None:
        self.mode_buttons[mode].setChecked(True)
