"""Beside Opvolging's list: the chosen action point's route and its status history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from kortrijk_cockpit.ui.formatting import format_date, local

if TYPE_CHECKING:
    from kortrijk_cockpit.services.action_points import PointHistory


class PointHistoryPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("History"))
        self.heading.setObjectName("sectionHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.route = QLabel("")
        self.route.setTextFormat(Qt.TextFormat.PlainText)
        self.route.setWordWrap(True)
        self.route.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines = QStringListModel(self)
        self.list = QListView()
        self.list.setModel(self.lines)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Status history"))
        self.empty = QLabel(self.tr("Choose an action point to see where it came from and "
                                    "where it goes."))
        self.empty.setObjectName("emptyText")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.route)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.clear()

    def clear(self) -> None:
        self.heading.setText(self.tr("History"))
        self.route.setText("")
        self.lines.setStringList([])
        self.list.hide()
        self.empty.show()

    def show_history(self, history: PointHistory) -> None:
        self.heading.setText(history.title)
        self.route.setText(" \u2192 ".join(history.route))
        self.lines.setStringList([
            f"{format_date(local(line.at).date())} {line.text}"
            # The meeting where it happened, unless the line names it already.
            + (f" ({line.meeting_title})" if line.meeting_title
               and line.meeting_title not in line.text else "")
            + (f" \u2013 {line.actor}" if line.actor else "")
            for line in history.lines])
        self.empty.hide()
        self.list.show()
