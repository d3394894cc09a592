"""The calendar painted by one widget: day columns under an all-day strip, or a month.

No widget per appointment: `paintEvent` draws them all from rectangles laid
out once per change (`_layout`), and `event_at` hit-tests those same rectangles.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from kortrijk_cockpit.ui.formatting import LOCALE
from kortrijk_cockpit.ui.views.agenda.period import ViewMode

if TYPE_CHECKING:
    from kortrijk_cockpit.services.agenda import AgendaEvent, Conflict

GUTTER = 52  # hour labels
HEADER = 24  # day names
ALL_DAY_ROW = 20
LINE = 17  # an appointment's line in a month cell
DEFAULT_COLOUR = "#2e6db4"
PRIVATE_COLOUR = "#8a8f98"
CONFLICT_COLOUR = QColor("#d0021b")
NOW_COLOUR = QColor("#e53935")
OUTSIDE_HOURS_FILL = QColor("#f3f4f6")
TODAY_FILL = QColor("#eef4fc")
GRID = QColor("#d9dde3")
SELECTION_COLOUR = QColor("#0b3d91")
PREVIEW_FILL = QColor(46, 109, 180, 90)
SNAP = timedelta(minutes=15)
EDGE = 5  # pixels above a box's bottom that resize it


def snap(moment: datetime) -> datetime:
    """To the nearest quarter of an hour."""
    quarters = round((moment.hour * 60 + moment.minute + moment.second / 60) / 15)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0) + SNAP * quarters


@dataclass
class _Drag:
    """A mouse drag under way: moving or resizing `event`, or drawing a new one."""

    kind: str  # "move", "resize", "create"
    press: QPoint
    origin: datetime  # the moment under the press
    event: AgendaEvent | None = None
    active: bool = False  # past the drag distance
    start: datetime | None = None  # the preview
    end: datetime | None = None


def category_colour(name: str, known: Mapping[str, str]) -> QColor:
    """The outcome's colour where the names match, else a colour of its own that stays
    the same from one run to the next."""
    if name in known:
        return QColor(known[name])
    hue = zlib.crc32(name.casefold().encode()) % 360
    return QColor.fromHsl(hue, 150, 100)


@dataclass(frozen=True)
class _Box:
    rect: QRectF
    event: AgendaEvent
    day: date | None = None  # a month cell's line: which day it is drawn in


class AgendaCanvas(QWidget):
    step_requested = Signal(int)  # periods forward (negative: back)
    today_requested = Signal()
    mode_requested = Signal(object)  # ViewMode
    selected = Signal(object)  # AgendaEvent | None
    activated = Signal(object)  # AgendaEvent: double-click or Enter
    new_requested = Signal(object)  # a start (datetime) or None: the dialog, a default slot
    create_requested = Signal(object, object)  # start, end: drawn on empty time
    move_requested = Signal(object, object)  # AgendaEvent, new start
    resize_requested = Signal(object, object)  # AgendaEvent, new end
    cancel_requested = Signal(object)  # AgendaEvent (Delete)
    undo_requested = Signal()  # Ctrl+Z
    context_requested = Signal(object, object, QPoint)  # AgendaEvent | None, moment, global

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(400, 300)
        self.mode = ViewMode.WORK_WEEK
        self.days: list[date] = []
        self.month: int = 0  # the month view's own month (other days are greyed)
        self.events: list[AgendaEvent] = []
        self.conflicts: dict[int, list[Conflict]] = {}
        self.colours: dict[str, str] = {}
        self.now: datetime | None = None
        self.working_hours = (time(8), time(18))
        self._boxes: list[_Box] | None = None
        self._more: list[tuple[QRectF, int]] = []  # month cells' "+N more"
        self._first_hour, self._last_hour = 7, 19
        self._all_day_rows = 0
        self.selected_id: int | None = None
        self._drag: _Drag | None = None
        self.setMouseTracking(True)  # the resize cursor at a box's bottom edge

    # -- what to show ------------------------------------------------------------
    def set_period(self, mode: ViewMode, days: Sequence[date], month: int) -> None:
        self.mode, self.days, self.month = mode, list(days), month
        self._changed()

    def set_events(self, events: Sequence[AgendaEvent],
                   conflicts: Mapping[int, list[Conflict]]) -> None:
        self.events, self.conflicts = list(events), dict(conflicts)
        self._changed()
        if self.selected_id is not None:
            # The same appointment stays selected through a reload; gone, it is dropped.
            again = next((e for e in self.events if e.id == self.selected_id), None)
            if again is None and self.events:
                self.select(None)
            elif again is not None:
                self.selected.emit(again)

    # -- selection ---------------------------------------------------------------
    def selected_event(self) -> AgendaEvent | None:
        return next((e for e in self.events if e.id == self.selected_id), None)

    def select(self, event: AgendaEvent | None) -> None:
        new_id = event.id if event is not None else None
        if new_id == self.selected_id:
            return
        self.selected_id = new_id
        self.update()
        self.selected.emit(event)

    def _shown(self) -> list[AgendaEvent]:
        """The appointments in the shown days, in time order (what Tab walks)."""
        if not self.days:
            return []
        first, last = self.days[0], self.days[-1]
        return [e for e in self.events
                if e.start.astimezone(self._zone()).date() <= last
                and e.end.astimezone(self._zone()).date() >= first]

    def _walk(self, forward: bool) -> None:
        shown = self._shown()
        if not shown:
            return
        ids = [e.id for e in shown]
        if self.selected_id not in ids:
            self.select(shown[0] if forward else shown[-1])
            return
        index = ids.index(self.selected_id) + (1 if forward else -1)
        self.select(shown[index % len(shown)])

    def set_colours(self, colours: Mapping[str, str]) -> None:
        self.colours = dict(colours)
        self.update()

    def set_now(self, now: datetime) -> None:
        self.now = now
        self.update()

    def set_working_hours(self, start: time, end: time) -> None:
        self.working_hours = (start, end)
        self._changed()

    def _changed(self) -> None:
        self._boxes = None
        self.update()

    # -- hit tests ---------------------------------------------------------------
    def event_at(self, point: QPoint) -> AgendaEvent | None:
        """The appointment drawn at `point` (the topmost one), or None."""
        for box in reversed(self._layout()):
            if box.rect.contains(QPointF(point)):
                return box.event
        return None

    def box_of(self, event_id: int) -> QRectF | None:
        """Where an appointment is drawn (its first box), or None when it is not."""
        return next((QRectF(b.rect) for b in self._layout() if b.event.id == event_id), None)

    def time_point(self, moment: datetime, across: float = 0.5) -> QPoint:
        """Where `moment` is in the time grid, `across` its day's column (0.5: the middle)."""
        self._layout()  # the hour range and the all-day strip's height
        local = moment.astimezone(self._zone())
        column = self.days.index(local.date())
        width = self._column_width()
        x = GUTTER + width * (column + across)
        return QPoint(round(x), round(self._y(local.time())))

    def day_point(self, day: date) -> QPoint:
        """The middle of a day's column in the all-day strip, or of its month cell."""
        self._layout()
        index = self.days.index(day)
        if self.mode == ViewMode.MONTH:
            cell = self._cell(index)
            return cell.center().toPoint()
        width = self._column_width()
        return QPoint(round(GUTTER + width * index + width / 2), HEADER + ALL_DAY_ROW // 2 + 2)

    # -- geometry ----------------------------------------------------------------
    @staticmethod
    def _zone():  # type: ignore[no-untyped-def]
        from kortrijk_cockpit.clock import BRUSSELS

        return BRUSSELS

    def _column_width(self) -> float:
        return (self.width() - GUTTER) / max(1, len(self.days))

    def _grid_top(self) -> float:
        return HEADER + max(1, self._all_day_rows) * ALL_DAY_ROW + 6

    def _y(self, moment: time) -> float:
        top, bottom = self._grid_top(), self.height() - 1
        minutes = moment.hour * 60 + moment.minute - self._first_hour * 60
        span = (self._last_hour - self._first_hour) * 60
        return top + (bottom - top) * min(max(minutes, 0), span) / span

    def _y_of(self, moment: datetime, day: date) -> float:
        """Clipped to the day: a moment before it is its top, after it its bottom."""
        local = moment.astimezone(self._zone())
        if local.date() < day:
            return self._y(time(0))
        if local.date() > day:
            return self.height() - 1.0
        return self._y(local.time())

    def _month_rows(self) -> int:
        return max(1, math.ceil(len(self.days) / 7))

    def _cell(self, index: int) -> QRectF:
        width = self.width() / 7
        height = (self.height() - HEADER) / self._month_rows()
        return QRectF(width * (index % 7), HEADER + height * (index // 7), width, height)

    def _all_day_days(self, event: AgendaEvent) -> list[int]:
        """Indexes of the shown days an all-day (or multi-day) appointment covers."""
        start = event.start.astimezone(self._zone())
        end = event.end.astimezone(self._zone())
        last = (end - timedelta(microseconds=1)).date() if end > start else start.date()
        return [n for n, day in enumerate(self.days) if start.date() <= day <= last]

    def _hour_range(self) -> tuple[int, int]:
        first = max(0, self.working_hours[0].hour - 1)
        last = min(24, self.working_hours[1].hour + (2 if self.working_hours[1].minute else 1))
        for event in self.events:
            if event.is_all_day:
                continue
            start, end = event.start.astimezone(self._zone()), event.end.astimezone(self._zone())
            if start.date() in self.days:
                first = min(first, start.hour)
            if end.date() in self.days and end.date() == start.date():
                last = max(last, end.hour + (1 if end.minute else 0))
        return first, max(last, first + 1)

    def _layout(self) -> list[_Box]:
        if self._boxes is None:
            self._boxes = self._month_layout() if self.mode == ViewMode.MONTH \
                else self._day_layout()
        return self._boxes

    def _day_layout(self) -> list[_Box]:
        from kortrijk_cockpit.services.agenda_layout import layout_day

        self._first_hour, self._last_hour = self._hour_range()
        boxes: list[_Box] = []
        width = self._column_width()
        rows: list[list[int]] = []  # per all-day row, the day indexes taken
        strip: list[tuple[AgendaEvent, int, list[int]]] = []
        for event in self.events:
            if not event.is_all_day:
                continue
            covered = self._all_day_days(event)
            if not covered:
                continue
            row = next((n for n, taken in enumerate(rows)
                        if not set(taken) & set(covered)), len(rows))
            if row == len(rows):
                rows.append([])
            rows[row].extend(covered)
            strip.append((event, row, covered))
        self._all_day_rows = len(rows)
        for event, row, covered in strip:
            rect = QRectF(GUTTER + width * covered[0] + 2, HEADER + 3 + row * ALL_DAY_ROW,
                          width * len(covered) - 4, ALL_DAY_ROW - 2)
            boxes.append(_Box(rect, event))
        for index, day in enumerate(self.days):
            timed = [e for e in self.events if not e.is_all_day
                     and e.start.astimezone(self._zone()).date() <= day
                     <= e.end.astimezone(self._zone()).date()
                     and not (e.end.astimezone(self._zone()).date() == day
                              and e.end.astimezone(self._zone()).time() == time(0)
                              and e.end > e.start)]
            placed = layout_day((e.id, e.start, e.end) for e in timed)
            left = GUTTER + width * index + 2
            for event in timed:
                spot = placed[event.id]
                share = (width - 6) / spot.columns
                top = self._y_of(event.start, day)
                bottom = max(self._y_of(event.end, day), top + 14)
                rect = QRectF(left + share * spot.column, top + 1, share - 1, bottom - top - 2)
                boxes.append(_Box(rect, event, day))
        return boxes

    def _month_layout(self) -> list[_Box]:
        boxes: list[_Box] = []
        self._more = []
        for index, day in enumerate(self.days):
            cell = self._cell(index)
            lines = max(0, int((cell.height() - 22) // LINE))
            todays = [e for e in self.events if index in self._all_day_days(e)]
            todays.sort(key=lambda e: (not e.is_all_day, e.start, e.id))
            shown = todays if len(todays) <= lines else todays[:max(0, lines - 1)]
            for n, event in enumerate(shown):
                rect = QRectF(cell.left() + 3, cell.top() + 20 + n * LINE, cell.width() - 6,
                              LINE - 2)
                boxes.append(_Box(rect, event, day))
            if len(shown) < len(todays):
                rect = QRectF(cell.left() + 3, cell.top() + 20 + len(shown) * LINE,
                              cell.width() - 6, LINE - 2)
                self._more.append((rect, len(todays) - len(shown)))
        return boxes

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._boxes = None
        super().resizeEvent(event)

    # -- painting ----------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        boxes = self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self.mode == ViewMode.MONTH:
            self._paint_month(painter)
        else:
            self._paint_grid(painter)
        for box in boxes:
            self._paint_box(painter, box)
            if box.event.id == self.selected_id:
                painter.setPen(QPen(SELECTION_COLOUR, 2.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.rect.adjusted(-1, -1, 1, 1), 3, 3)
        if self.mode != ViewMode.MONTH:
            self._paint_now(painter)
            self._paint_preview(painter)
        painter.end()

    def _paint_preview(self, painter: QPainter) -> None:
        """Where a drag will put the appointment."""
        drag = self._drag
        if drag is None or not drag.active or drag.start is None or drag.end is None:
            return
        day = drag.start.date()
        if day not in self.days:
            return
        width = self._column_width()
        left = GUTTER + width * self.days.index(day) + 2
        top, bottom = self._y_of(drag.start, day), self._y_of(drag.end, day)
        rect = QRectF(left, top, width - 5, max(bottom - top, 6))
        painter.setPen(QPen(SELECTION_COLOUR, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(PREVIEW_FILL)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("#111827"))
        painter.drawText(rect.adjusted(6, 1, -2, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         f"{drag.start:%H:%M}–{drag.end:%H:%M}")

    def _today(self) -> date | None:
        return self.now.astimezone(self._zone()).date() if self.now is not None else None

    def _paint_grid(self, painter: QPainter) -> None:
        width = self._column_width()
        top, bottom = self._grid_top(), self.height() - 1
        today = self._today()
        start, end = self.working_hours
        for index, day in enumerate(self.days):
            left = GUTTER + width * index
            painter.fillRect(QRectF(left, top, width, bottom - top), OUTSIDE_HOURS_FILL)
            if day.weekday() < 5:
                fill = TODAY_FILL if day == today else QColor("white")
                painter.fillRect(QRectF(left, self._y(start), width,
                                        self._y(end) - self._y(start)), fill)
            painter.setPen(QColor("#1f2933") if day != today else QColor("#1565c0"))
            font = QFont(self.font())
            font.setBold(day == today)
            painter.setFont(font)
            label = LOCALE.toString(QDate(day.year, day.month, day.day), "ddd d/M")
            painter.drawText(QRectF(left, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(self.font())
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(0, HEADER), QPointF(self.width(), HEADER))
        painter.drawLine(QPointF(0, top - 2), QPointF(self.width(), top - 2))
        for hour in range(self._first_hour, self._last_hour + 1):
            y = self._y(time(hour % 24)) if hour < 24 else float(bottom)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(GUTTER, y), QPointF(self.width(), y))
            if hour < self._last_hour:
                painter.setPen(QColor("#6b7280"))
                painter.drawText(QRectF(0, y + 1, GUTTER - 6, 16),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                                 f"{hour:02d}:00")
        painter.setPen(QPen(GRID, 1))
        for index in range(len(self.days) + 1):
            x = GUTTER + width * index
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))

    def _paint_month(self, painter: QPainter) -> None:
        today = self._today()
        width = self.width() / 7
        for n in range(7):
            day = self.days[n] if n < len(self.days) else None
            if day is not None:
                painter.setPen(QColor("#1f2933"))
                painter.drawText(QRectF(width * n, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter,
                                 LOCALE.toString(QDate(day.year, day.month, day.day), "dddd"))
        for index, day in enumerate(self.days):
            cell = self._cell(index)
            if day == today:
                painter.fillRect(cell, TODAY_FILL)
            elif day.month != self.month or day.weekday() >= 5:
                painter.fillRect(cell, OUTSIDE_HOURS_FILL)
            painter.setPen(QPen(GRID, 1))
            painter.drawRect(cell)
            painter.setPen(QColor("#1565c0") if day == today
                           else QColor("#1f2933") if day.month == self.month
                           else QColor("#9aa0a6"))
            painter.drawText(cell.adjusted(4, 2, -4, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             str(day.day) if day.day != 1
                             else LOCALE.toString(QDate(day.year, day.month, 1), "d MMM"))
        painter.setPen(QColor("#4b5563"))
        for rect, count in self._more:
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+{count} more").format(count=count))

    def _colour(self, event: AgendaEvent) -> QColor:
        if event.is_private_block:
            return QColor(PRIVATE_COLOUR)
        if event.categories:
            return category_colour(event.categories[0], self.colours)
        return QColor(DEFAULT_COLOUR)

    def _paint_box(self, painter: QPainter, box: _Box) -> None:
        event, rect = box.event, box.rect
        colour = self._colour(event)
        month_line = self.mode == ViewMode.MONTH and not event.is_all_day
        painter.save()
        painter.setClipRect(rect.adjusted(-1, -1, 1, 1))
        if event.is_cancelled:
            painter.setBrush(QColor("white"))
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
        elif month_line:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            fill = QColor(colour)
            fill.setAlpha(60)  # a pastel of the category colour: the text stays readable
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, 1))
        painter.drawRoundedRect(rect, 3, 3)
        if not event.is_cancelled:
            painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), colour)
        if event.is_private_block and not event.is_cancelled and not month_line:
            painter.fillRect(rect.adjusted(4, 0, 0, 0),
                             QColor(colour.red(), colour.green(), colour.blue(), 40))
        font = QFont(self.font())
        font.setStrikeOut(event.is_cancelled)
        painter.setFont(font)
        painter.setPen(QColor("#7b8088") if event.is_cancelled else QColor("#111827"))
        local = event.start.astimezone(self._zone())
        if self.mode == ViewMode.MONTH or event.is_all_day:
            text = event.subject if event.is_all_day else f"{local:%H:%M} {event.subject}"
            painter.drawText(rect.adjusted(7, 0, -2, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        else:
            end = event.end.astimezone(self._zone())
            lines = [event.subject, f"{local:%H:%M}–{end:%H:%M}"]
            if event.location:
                lines.append(event.location)
            painter.drawText(rect.adjusted(7, 1, -3, -1),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, "\n".join(lines))
        painter.restore()
        if self.conflicts.get(event.id):
            painter.save()
            painter.setPen(QPen(CONFLICT_COLOUR, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 3, 3)
            painter.fillRect(QRectF(rect.right() - 4, rect.top(), 4, rect.height()),
                             CONFLICT_COLOUR)
            painter.restore()

    def _paint_now(self, painter: QPainter) -> None:
        today = self._today()
        if self.now is None or today not in self.days:
            return
        local = self.now.astimezone(self._zone())
        if not self._first_hour <= local.hour < self._last_hour:
            return
        width = self._column_width()
        left = GUTTER + width * self.days.index(today)
        y = self._y(local.time())
        painter.setPen(QPen(NOW_COLOUR, 2))
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
        painter.setBrush(NOW_COLOUR)
        painter.drawEllipse(QPointF(left, y), 4, 4)

    # -- keyboard and tooltips ---------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        back = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp)
        forward = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        modes = {Qt.Key.Key_1: ViewMode.DAY, Qt.Key.Key_5: ViewMode.WORK_WEEK,
                 Qt.Key.Key_7: ViewMode.WEEK, Qt.Key.Key_M: ViewMode.MONTH}
        if self._editing_key(event):
            return
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif key in back:
            self.step_requested.emit(-1)
        elif key in forward:
            self.step_requested.emit(1)
        elif key == Qt.Key.Key_T:
            self.today_requested.emit()
        elif key in modes:
            self.mode_requested.emit(modes[Qt.Key(key)])
        else:
            super().keyPressEvent(event)

    def _editing_key(self, event: QKeyEvent) -> bool:
        """The keys that select and change appointments; True when handled."""
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        chosen = self.selected_event()
        if key == Qt.Key.Key_Escape:
            if self._drag is not None:
                self._drag = None
                self.unsetCursor()
                self.update()
            else:
                self.select(None)
            return True
        if mods == ctrl and key == Qt.Key.Key_N:
            self.new_requested.emit(None)
            return True
        if mods == ctrl and key == Qt.Key.Key_Z:
            self.undo_requested.emit()
            return True
        if chosen is None:
            return False
        if not mods and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit(chosen)
            return True
        if not mods and key == Qt.Key.Key_Delete:
            self.cancel_requested.emit(chosen)
            return True
        steps = {Qt.Key.Key_Up: -SNAP, Qt.Key.Key_Down: SNAP,
                 Qt.Key.Key_Left: -timedelta(days=1), Qt.Key.Key_Right: timedelta(days=1)}
        if mods == alt and key in steps:
            self.move_requested.emit(chosen, chosen.start + steps[Qt.Key(key)])
            return True
        if mods == alt | shift and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.resize_requested.emit(chosen, chosen.end + steps[Qt.Key(key)])
            return True
        return False

    # -- mouse -------------------------------------------------------------------
    def moment_at(self, point: QPoint) -> datetime | None:
        """The moment under `point` in the time grid (day views), unsnapped, or None."""
        self._layout()
        if self.mode == ViewMode.MONTH or not self.days or point.y() < self._grid_top():
            return None
        column = int((point.x() - GUTTER) // self._column_width())
        if not 0 <= column < len(self.days):
            return None
        top, bottom = self._grid_top(), self.height() - 1
        span = (self._last_hour - self._first_hour) * 60
        minutes = self._first_hour * 60 + (point.y() - top) / (bottom - top) * span
        minutes = min(max(minutes, 0), 24 * 60 - 1)
        return datetime.combine(self.days[column], time(0), self._zone()) + \
            timedelta(minutes=minutes)

    def day_at(self, point: QPoint) -> date | None:
        """The day under `point`: its month cell, or its column."""
        if not self.days:
            return None
        if self.mode == ViewMode.MONTH:
            return next((d for n, d in enumerate(self.days)
                         if self._cell(n).contains(QPointF(point))), None)
        column = int((point.x() - GUTTER) // self._column_width())
        return self.days[column] if 0 <= column < len(self.days) and point.x() >= GUTTER \
            else None

    def _at_edge(self, point: QPoint) -> AgendaEvent | None:
        """The timed appointment whose bottom edge is under `point` (resizing)."""
        if self.mode == ViewMode.MONTH:
            return None
        for box in reversed(self._layout()):
            event = box.event
            if event.is_all_day or box.day is None or not self._changeable(event):
                continue
            rect = box.rect
            if rect.left() <= point.x() <= rect.right() and \
                    rect.bottom() - EDGE <= point.y() <= rect.bottom() + 1:
                return event
        return None

    @staticmethod
    def _changeable(event: AgendaEvent) -> bool:
        return not event.is_private_block and not event.is_cancelled

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position().toPoint()
        moment = self.moment_at(point)
        edge = self._at_edge(point)
        hit = edge or self.event_at(point)
        self.select(hit)
        self._drag = None
        if moment is None:
            return
        if edge is not None:
            self._drag = _Drag("resize", point, moment, edge)
        elif hit is not None:
            if not hit.is_all_day and self._changeable(hit):
                self._drag = _Drag("move", point, moment, hit)
        else:
            self._drag = _Drag("create", point, moment)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        drag = self._drag
        if drag is None:
            self.setCursor(Qt.CursorShape.SizeVerCursor if self._at_edge(point)
                           else Qt.CursorShape.ArrowCursor)
            return
        if not drag.active and (point - drag.press).manhattanLength() \
                < QApplication.startDragDistance():
            return
        drag.active = True
        moment = self.moment_at(point)
        if moment is None:
            return
        if drag.kind == "move" and drag.event is not None:
            length = drag.event.end - drag.event.start
            start = snap(drag.event.start.astimezone(self._zone()) + (moment - drag.origin))
            drag.start, drag.end = start, start + length
        elif drag.kind == "resize" and drag.event is not None:
            start = drag.event.start.astimezone(self._zone())
            drag.start, drag.end = start, max(snap(moment), start + SNAP)
        elif drag.kind == "create":
            first, second = sorted((snap(drag.origin), snap(moment)))
            if drag.origin.date() == moment.date():
                drag.start, drag.end = first, max(second, first + SNAP)
        self.setCursor(Qt.CursorShape.SizeVerCursor if drag.kind == "resize"
                       else Qt.CursorShape.ClosedHandCursor if drag.kind == "move"
                       else Qt.CursorShape.CrossCursor)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag, self._drag = self._drag, None
        self.unsetCursor()
        self.update()
        if drag is None or not drag.active or drag.start is None or drag.end is None:
            super().mouseReleaseEvent(event)
            return
        if drag.kind == "move" and drag.event is not None:
            if drag.start != drag.event.start:
                self.move_requested.emit(drag.event, drag.start)
        elif drag.kind == "resize" and drag.event is not None:
            if drag.end != drag.event.end:
                self.resize_requested.emit(drag.event, drag.end)
        elif drag.kind == "create":
            self.create_requested.emit(drag.start, drag.end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        self._drag = None
        hit = self.event_at(point)
        if hit is not None:
            self.select(hit)
            self.activated.emit(hit)
            return
        moment = self.moment_at(point)
        if moment is not None:
            self.new_requested.emit(snap(moment - SNAP / 2))  # the quarter clicked in
            return
        day = self.day_at(point)
        if day is not None:
            self.new_requested.emit(datetime.combine(day, self.working_hours[0], self._zone()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        hit = self.event_at(event.pos())
        if hit is not None:
            self.select(hit)
        moment = self.moment_at(event.pos())
        if moment is None and hit is None:
            day = self.day_at(event.pos())
            moment = datetime.combine(day, self.working_hours[0], self._zone()) \
                if day is not None else None
        elif moment is not None:
            moment = snap(moment - SNAP / 2)
        self.context_requested.emit(hit, moment, event.globalPos())

    def tooltip_text(self, event: AgendaEvent) -> str:
        start, end = event.start.astimezone(self._zone()), event.end.astimezone(self._zone())
        lines = [event.subject]
        lines.append(self.tr("All day") if event.is_all_day
                     else f"{start:%d/%m/%Y %H:%M}–{end:%H:%M}")
        if event.location:
            lines.append(event.location)
        if event.is_cancelled:
            lines.append(self.tr("Cancelled"))
        lines += [f"⚠ {c.message}" for c in self.conflicts.get(event.id, [])]
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._shown():
            # Tab walks the appointments, not the focus chain.
            self._walk(event.key() == Qt.Key.Key_Tab
                       and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.event_at(event.pos())
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(hit), self)
            return True
        return super().event(event)


def agenda_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) in the Agenda, as `keyPressEvent` handles them."""
    return [
        ("← / →", QCoreApplication.translate("AgendaShortcuts", "Previous / next period")),
        ("PgUp / PgDn", QCoreApplication.translate("AgendaShortcuts", "Previous / next period")),
        ("T", QCoreApplication.translate("AgendaShortcuts", "Today")),
        ("1", QCoreApplication.translate("AgendaShortcuts", "Day view")),
        ("5", QCoreApplication.translate("AgendaShortcuts", "Work week view")),
        ("7", QCoreApplication.translate("AgendaShortcuts", "Week view")),
        ("M", QCoreApplication.translate("AgendaShortcuts", "Month view")),
        ("Tab / Shift+Tab", QCoreApplication.translate("AgendaShortcuts",
                                                       "Next / previous appointment")),
        ("Enter", QCoreApplication.translate("AgendaShortcuts", "Edit the appointment")),
        ("Ctrl+N", QCoreApplication.translate("AgendaShortcuts", "New appointment")),
        ("Alt+↑ / Alt+↓", QCoreApplication.translate("AgendaShortcuts",
                                                     "Move the appointment 15 minutes")),
        ("Alt+← / Alt+→", QCoreApplication.translate("AgendaShortcuts",
                                                     "Move the appointment a day")),
        ("Alt+Shift+↑ / ↓", QCoreApplication.translate("AgendaShortcuts",
                                                       "End the appointment 15 minutes "
                                                       "earlier / later")),
        ("Delete", QCoreApplication.translate("AgendaShortcuts", "Cancel the appointment")),
        ("Ctrl+Z", QCoreApplication.translate("AgendaShortcuts", "Undo the last move")),
        ("Esc", QCoreApplication.translate("AgendaShortcuts",
                                           "Clear the selection, stop a drag")),
    ]

