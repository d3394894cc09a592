"""A cockpit tile for one day's appointments: time, subject, place; conflicts in red
and a missing preparation named. Click (or Enter) opens the Agenda on that day."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from kortrijk_cockpit.services.day_overview import OverviewDay

MAX_LINES = 6  # a tile is a glance; the Agenda has the rest
RED = "#b91c1c"
GREY = "#6b7280"


class DayTile(QFrame):
    day_requested = Signal(object)  # datetime.date

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(320, 140)
        self.day: date | None = None
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.lines = QLabel("…")
        self.lines.setObjectName("dayTileLines")
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setWordWrap(True)
        self.lines.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.lines)
        layout.addStretch(1)

    def set_day(self, caption: str, plan: OverviewDay) -> None:
        self.day = plan.day
        self.caption.setText(caption)
        shown = [line for line in plan.lines if not line.is_cancelled]
        if not shown:
            nothing = self.tr("No appointments")
            self.lines.setText(f"<span style='color:{GREY}'>{escape(nothing)}</span>")
        rows: list[str] = []
        for line in shown[:MAX_LINES]:
            place = f" <span style='color:{GREY}'>· {escape(line.location)}</span>" \
                if line.location else ""
            rows.append(f"<b>{escape(line.time_text)}</b>&nbsp; {escape(line.subject)}{place}")
            notes = [f"<span style='color:{RED}'>⚠ {escape(c)}</span>" for c in line.conflicts]
            if line.preparation_missing:
                notes.append(f"<span style='color:{RED}'>{escape(line.preparation.lower())}</span>")
            rows.extend(f"&nbsp;&nbsp;&nbsp;&nbsp;{note}" for note in notes)
        if len(shown) > MAX_LINES:
            more = self.tr("+%n more", "", len(shown) - MAX_LINES)
            rows.append(f"<span style='color:{GREY}'>{escape(more)}</span>")
        if rows:
            self.lines.setText("<br/>".join(rows))
        self.setAccessibleName(f"{caption}: {len(shown)}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.day is not None:
            self.day_requested.emit(self.day)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) \
                and self.day is not None:
            self.day_requested.emit(self.day)
            return
        super().keyPressEvent(event)
