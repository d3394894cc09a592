"""Rapportering's lists: the year's cycles, the chosen cycle's milestones, and the matrix of
teams against cycles with a painted traffic light per part."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kortrijk_cockpit.ui.formatting import format_date
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.reporting import CycleRow, MilestoneRow
    from kortrijk_cockpit.services.reporting_matrix import MatrixCell, ReportingMatrix

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
LightRole = Qt.ItemDataRole.UserRole + 2  # "green" / "orange" / "red" / "grey"
MOVED = QColor("#9a5b00")
LIGHTS = {"green": QColor("#2e7d32"), "orange": QColor("#ef8f00"), "red": QColor("#c62828"),
          "grey": QColor("#9e9e9e")}


def status_label(status: str) -> str:
    labels = {
        "requested": QCoreApplication.translate("ReportingArea", "requested"),
        "in_progress": QCoreApplication.translate("ReportingArea", "in progress"),
        "received": QCoreApplication.translate("ReportingArea", "received"),
        "approved": QCoreApplication.translate("ReportingArea", "approved"),
    }
    return labels.get(str(status), str(status))


def milestone_label(kind: str) -> str:
    labels = {
        "drafts": QCoreApplication.translate("ReportingArea", "Draft from the teams by"),
        "matdc": QCoreApplication.translate("ReportingArea", "On the MAT/DC by"),
        "college": QCoreApplication.translate("ReportingArea", "On the college by"),
        "council": QCoreApplication.translate("ReportingArea", "City council"),
        "agency": QCoreApplication.translate("ReportingArea", "Digital report"),
        "deadline": QCoreApplication.translate("ReportingArea", "Deadline"),
    }
    return labels.get(str(kind), str(kind))


def spoken_date(day: date | None) -> str:
    from kortrijk_cockpit.services.reporting_plan import spoken

    return "" if day is None else spoken(day)


class _Rows(HeadedTableModel):
    """Rows with an `id`, kept as given."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, key: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def _row(self, index: Index) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]


class CycleModel(_Rows):
    NAME, DEADLINE, NEXT, OPEN = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Cycle"), self.tr("Deadline"), self.tr("Next milestone"),
                self.tr("Open parts"))

    def next_milestone(self, row: CycleRow) -> MilestoneRow | None:
        return next((m for m in row.milestones if m.due_on >= self.today), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: CycleRow | None = self._row(index)
        if row is None:
            return None
        if role == RowRole:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.NAME:
            return row.name
        if column == self.DEADLINE:
            return format_date(row.deadline)
        if column == self.NEXT:
            upcoming = self.next_milestone(row)
            if upcoming is None:
                return self.tr("all milestones passed")
            return f"{milestone_label(upcoming.kind)} {format_date(upcoming.due_on)}"
        if column == self.OPEN:
            return self.tr("{open} of {total}").format(open=row.open_deliverables,
                                                       total=row.deliverables)
        return None


class MilestoneModel(_Rows):
    KIND, WHEN, NOTE = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Milestone"), self.tr("Date"), self.tr("Moved"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: MilestoneRow | None = self._row(index)
        if row is None:
            return None
        moved = bool(row.note)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.KIND:
                return milestone_label(row.kind)
            if column == self.WHEN:
                return spoken_date(row.due_on)
            if column == self.NOTE:
                return self.tr("⚠ moved: {why}").format(why=row.note) if moved else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title + (f"\n{row.note}" if moved else "")
        if role == Qt.ItemDataRole.ForegroundRole and moved:
            return QBrush(MOVED)
        if role == Qt.ItemDataRole.FontRole and moved and index.column() == self.NOTE:
            font = QFont()
            font.setBold(True)
            return font
        return None


class MatrixModel(QAbstractTableModel):
    """Teams (rows) × cycles (columns); a cell is the team's part of that cycle."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix: ReportingMatrix | None = None

    def set_matrix(self, matrix: ReportingMatrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.teams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns)

    def cell(self, index: Index) -> MatrixCell | None:
        if self.matrix is None or not index.isValid():
            return None
        return self.matrix.cell(index.row(), index.column())

    def index_of(self, deliverable_id: int) -> QModelIndex:
        if self.matrix is not None:
            for (row, column), cell in self.matrix.cells.items():
                if cell.deliverable_id == deliverable_id:
                    return self.index(row, column)
        return QModelIndex()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if matrix is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(matrix.teams) or role not in (
                    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return None
            team = matrix.teams[section]
            return team.team if role == Qt.ItemDataRole.DisplayRole else team.directie
        if not 0 <= section < len(matrix.columns):
            return None
        column = matrix.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            counts = self.tr("{done}/{parts} in · {late} late").format(
                done=column.done, parts=column.parts, late=column.late)
            return f"{column.name}\n{counts}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}, deadline {deadline}: {done} of {parts} parts in, {soon} due "
                           "soon, {late} late").format(
                name=column.name, deadline=format_date(column.deadline), done=column.done,
                parts=column.parts, soon=column.soon, late=column.late)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == RowRole:
            return cell
        if role == LightRole:
            return str(cell.light)
        if role == Qt.ItemDataRole.DisplayRole:
            return status_label(cell.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [cell.title,
                     self.tr("Owner: {owner}").format(owner=cell.owner_name or "—"),
                     self.tr("Due: {due}").format(due=spoken_date(cell.due_date)),
                     self.tr("Document: {name}").format(name=cell.document_name)
                     if cell.document_name else self.tr("No document yet")]
            return "\n".join(lines)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.cell(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LightDelegate(QStyledItemDelegate):
    """A traffic light before the status, painted: the matrix holds no widgets."""

    DOT = 12

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colour = LIGHTS.get(str(index.data(LightRole) or ""))
        if colour is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect  # type: ignore[attr-defined]
        dot = QRect(rect.left() + 6, rect.center().y() - self.DOT // 2, self.DOT, self.DOT)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colour.darker(130))
        painter.setBrush(colour)
        painter.drawEllipse(dot)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(opt.palette.highlightedText().color() if selected
                       else opt.palette.text().color())
        painter.drawText(rect.adjusted(self.DOT + 12, 0, -4, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + self.DOT + 12, max(size.height(), self.DOT + 8))
