"""The Projecten area's lists: projects (changed row by row), a project's milestones and
its linked action points and mails."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kortrijk_cockpit.domain.reporting import ProjectStatus
from kortrijk_cockpit.ui.formatting import format_date
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel
from kortrijk_cockpit.ui.models.keyed_rows import KeyedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.projects import LinkView, MilestoneView, ProjectRow

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#b00020")
DONE = QColor("#808080")
RowRole = Qt.ItemDataRole.UserRole + 1


class ProjectListModel(KeyedTableModel):
    NAME, OWNER, STATUS, NEXT, OVERDUE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda row: row.id, parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Project"), self.tr("Owner"), self.tr("Status"),
                self.tr("Next milestone"), self.tr("Overdue"))

    def project(self, at: int) -> ProjectRow:
        return self._rows[at]  # type: ignore[no-any-return]

    def status_text(self, status: ProjectStatus) -> str:
        return {ProjectStatus.PLANNED: self.tr("Planned"),
                ProjectStatus.RUNNING: self.tr("Running"),
                ProjectStatus.ON_HOLD: self.tr("On hold"),
                ProjectStatus.DONE: self.tr("Done")}[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: ProjectRow = self._rows[index.row()]
        column = index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.OVERDUE and row.overdue:
                return QBrush(LATE)
            return QBrush(DONE) if row.status == ProjectStatus.DONE else None
        if role == Qt.ItemDataRole.FontRole and column == self.NAME and row.is_own:
            font = QFont()
            font.setBold(True)  # her own projects stand out
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME and row.is_own:
            return self.tr("Your own project")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return row.name
        if column == self.OWNER:
            return row.owner_name
        if column == self.STATUS:
            return self.status_text(row.status)
        if column == self.NEXT:
            nxt = row.next_milestone
            return f"{format_date(nxt.due_on)} {nxt.title}" if nxt else ""
        if column == self.OVERDUE:
            return str(row.overdue) if row.overdue else ""
        return None


class MilestoneModel(HeadedTableModel):
    TITLE, DUE, DONE_ON = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MilestoneView] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Milestone"), self.tr("Date"), self.tr("Done on"))

    def set_rows(self, rows: Sequence[MilestoneView]) -> None:
        """A project's milestones are few: a new list replaces the old one; the view
        keeps the current milestone by id (see ProjectDetailsPane)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def milestone(self, at: int) -> MilestoneView | None:
        return self._rows[at] if 0 <= at < len(self._rows) else None

    def row_of(self, milestone_id: int) -> int:
        return next((i for i, m in enumerate(self._rows) if m.id == milestone_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(LATE) if row.overdue else QBrush(DONE) if row.done_on else None
        if role == Qt.ItemDataRole.FontRole and row.done_on:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.TITLE:
            return row.title
        if column == self.DUE:
            due = format_date(row.due_on)
            return self.tr("{due} (late)").format(due=due) if row.overdue else due
        if column == self.DONE_ON:
            return format_date(row.done_on) if row.done_on else ""
        return None


class LinkModel(HeadedTableModel):
    KIND, TITLE, DETAIL = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LinkView] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Kind"), self.tr("Title"), self.tr("Details"))

    def set_rows(self, rows: Sequence[LinkView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def link(self, at: int) -> LinkView | None:
        return self._rows[at] if 0 <= at < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and (row.done or not row.title):
            return QBrush(DONE)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.KIND:
            return self.tr("Action point") if row.kind == "action_point" else self.tr("Mail")
        if column == self.TITLE:
            return row.title or self.tr("(removed)")
        if column == self.DETAIL:
            return row.detail
        return None
