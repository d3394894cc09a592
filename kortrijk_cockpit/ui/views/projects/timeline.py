"""A project's timeline, painted: its span as a bar, milestones as diamonds (done filled,
overdue red), today as a line, month ticks in Dutch. One widget, no child widgets: a
project with fifty milestones costs one paint."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kortrijk_cockpit.ui.formatting import LOCALE, format_date

if TYPE_CHECKING:
    from kortrijk_cockpit.services.projects import MilestoneView

OVERDUE = QColor("#b00020")
DONE = QColor("#2e7d32")
OPEN = QColor("#1f4e79")
TODAY = QColor("#e07b00")
BAR = QColor("#c9d7e8")
MARGIN = 16.0
TICKS_Y = 18.0  # baseline of the month labels
BAR_Y = 44.0  # centre of the span bar and the diamonds
BAR_HEIGHT = 12.0
DIAMOND = 7.0  # half its diagonal
LABEL_Y = 74.0


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


class TimelineStrip(QWidget):
    milestone_clicked = Signal(int)  # a milestone's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)
        self._starts_on: date | None = None
        self._ends_on: date | None = None
        self._milestones: tuple[MilestoneView, ...] = ()
        self._today = date.today()
        self._current: int | None = None
        self._first = self._last = self._today

    def sizeHint(self) -> QSize:
        return QSize(600, 96)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 96)

    def set_project(self, starts_on: date | None, ends_on: date | None,
                    milestones: Sequence[MilestoneView], today: date) -> None:
        self._starts_on, self._ends_on = starts_on, ends_on
        self._milestones = tuple(milestones)
        self._today = today
        days = [d for d in (starts_on, ends_on, today) if d] + [m.due_on for m in milestones]
        # Whole months around everything shown, today included, so its line always shows.
        self._first = _first_of_month(min(days))
        self._last = _next_month(max(days))
        if self._current not in {m.id for m in milestones}:
            self._current = None
        self.setAccessibleName(self.tr("Timeline with %n milestone(s)", "", len(milestones)))
        self.update()

    def set_current(self, milestone_id: int | None) -> None:
        self._current = milestone_id
        self.update()

    def x_of(self, day: date) -> float:
        """Where a day's middle lies on the strip."""
        span = max(1, (self._last - self._first).days)
        usable = max(1.0, self.width() - 2 * MARGIN)
        return MARGIN + ((day - self._first).days + 0.5) / span * usable

    @staticmethod
    def bar_y() -> float:
        return BAR_Y

    def milestone_at(self, x: float, y: float) -> int | None:
        """The milestone under a point (the nearest within a diamond's reach)."""
        if abs(y - BAR_Y) > DIAMOND + 4:
            return None
        near = [(abs(self.x_of(m.due_on) - x), m.id) for m in self._milestones]
        near = [n for n in near if n[0] <= DIAMOND + 3]
        return min(near)[1] if near else None

    # Painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_months(painter, palette)
        self._paint_span(painter)
        self._paint_today(painter)
        for milestone in self._milestones:
            self._paint_milestone(painter, milestone)
        painter.end()

    def month_ticks(self) -> list[tuple[float, str]]:
        """Each month's first day on the strip and its Dutch label ("jan 2026", "feb", ...);
        the year with January and with the first month shown."""
        ticks: list[tuple[float, str]] = []
        month = self._first
        while month < self._last:
            label = LOCALE.standaloneMonthName(month.month,
                                               QLocale.FormatType.ShortFormat).rstrip(".")
            if month.month == 1 or month == self._first:
                label += f" {month.year}"
            ticks.append((self.x_of(month) - 0.5 * self._day_width(), label))
            month = _next_month(month)
        return ticks

    def _paint_months(self, painter: QPainter, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        grid = palette.color(QPalette.ColorRole.Mid)
        metrics = QFontMetrics(self.font())
        last_label_end = -1.0
        for x, label in self.month_ticks():
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, TICKS_Y + 4), QPointF(x, self.height() - 4))
            if x + 3 > last_label_end:  # leave labels out rather than overlap them
                painter.setPen(text)
                painter.drawText(QPointF(x + 3, TICKS_Y), label)
                last_label_end = x + 3 + metrics.horizontalAdvance(label) + 6

    def _paint_span(self, painter: QPainter) -> None:
        if self._starts_on is None and self._ends_on is None:
            return
        start = self._starts_on or self._first
        end = self._ends_on or self._last - timedelta(days=1)
        left = self.x_of(start) - 0.5 * self._day_width()
        right = self.x_of(end) + 0.5 * self._day_width()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        painter.drawRoundedRect(QRectF(left, BAR_Y - BAR_HEIGHT / 2, right - left, BAR_HEIGHT),
                                3, 3)

    def _paint_today(self, painter: QPainter) -> None:
        x = self.x_of(self._today)
        painter.setPen(QPen(TODAY, 2))
        painter.drawLine(QPointF(x, TICKS_Y + 4), QPointF(x, self.height() - 4))

    def _paint_milestone(self, painter: QPainter, milestone: MilestoneView) -> None:
        x = self.x_of(milestone.due_on)
        color = OVERDUE if milestone.overdue else DONE if milestone.done_on else OPEN
        diamond = QPolygonF([QPointF(x, BAR_Y - DIAMOND), QPointF(x + DIAMOND, BAR_Y),
                             QPointF(x, BAR_Y + DIAMOND), QPointF(x - DIAMOND, BAR_Y)])
        painter.setPen(QPen(color, 2))
        # Done and overdue are filled: what needs no more work, and what needs it now.
        filled = milestone.done_on is not None or milestone.overdue
        painter.setBrush(color if filled else self.palette().color(QPalette.ColorRole.Base))
        painter.drawPolygon(diamond)
        if milestone.id == self._current:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.5,
                                Qt.PenStyle.DashLine))
            reach = DIAMOND + 4
            painter.drawRect(QRectF(x - reach, BAR_Y - reach, 2 * reach, 2 * reach))
            metrics = QFontMetrics(self.font())
            title = metrics.elidedText(milestone.title, Qt.TextElideMode.ElideRight, 200)
            left = min(max(2.0, x - metrics.horizontalAdvance(title) / 2),
                       self.width() - metrics.horizontalAdvance(title) - 2.0)
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(QPointF(left, LABEL_Y), title)

    def _day_width(self) -> float:
        return max(1.0, self.width() - 2 * MARGIN) / max(1, (self._last - self._first).days)

    # Mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.milestone_at(event.position().x(), event.position().y())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_current(found)
            self.milestone_clicked.emit(found)
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.milestone_at(event.pos().x(), event.pos().y())
            milestone = next((m for m in self._milestones if m.id == found), None)
            if milestone is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), f"{milestone.title}\n"
                              f"{format_date(milestone.due_on)}", self)
            return True
        return super().event(event)
