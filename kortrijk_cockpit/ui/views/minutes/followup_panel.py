"""The meeting's "Opvolging": the open points that come back here, settled by key.

D afgewerkt, L lopend, O open again, F2 a new owner or deadline, N a short note that it
was discussed. Every step is recorded with this meeting, so a point's history says
where it was settled; a point settled here stays in this meeting's list (greyed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.domain.meetings import ActionStatus
from kortrijk_cockpit.services.action_points import ActionPointService
from kortrijk_cockpit.services.carry_over import STATUS_LABELS, CarriedPoint
from kortrijk_cockpit.services.minutes import Minutes, MinutesService
from kortrijk_cockpit.ui.change_feed import ChangeFeed, StaleWatch
from kortrijk_cockpit.ui.formatting import format_date
from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.minutes.action_dialog import ActionDialog
from kortrijk_cockpit.ui.views.minutes.panel_base import KeyTable, WritingPanel

Index = QModelIndex | QPersistentModelIndex
NO_MODS = Qt.KeyboardModifier.NoModifier


class FollowupModel(HeadedTableModel):
    """The points in the service's order (earliest deadline first, settled ones last)."""

    WHAT, OWNER, DUE, ORIGIN, ROUTE, STATUS = range(6)
    PointRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CarriedPoint] = []
        self._settled: frozenset[int] = frozenset()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("What"), self.tr("Who"), self.tr("Deadline"), self.tr("From"),
                self.tr("Route"), self.tr("Status"))

    def set_points(self, points: tuple[CarriedPoint, ...], settled: frozenset[int]) -> None:
        if [p.id for p in points] == [p.id for p in self._rows]:
            # Same rows: change them in place so the current row and selection stay.
            self._rows, self._settled = list(points), settled
            if points:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(points) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows, self._settled = list(points), settled
        self.endResetModel()

    def point(self, row: int) -> CarriedPoint | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, point_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == point_id), -1)

    def is_settled(self, point_id: int) -> bool:
        return point_id in self._settled

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.point(index.row()) if index.isValid() else None
        if p is None:
            return None
        if role == self.PointRole:
            return p
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            status = STATUS_LABELS[p.status]
            if p.id in self._settled:
                status = self.tr("%1 (here)").replace("%1", status)
            return (p.title, p.owner_name, format_date(p.due_date), p.origin, p.route,
                    status)[index.column()]
        if role == Qt.ItemDataRole.FontRole and p.id in self._settled:
            font = QFont()
            font.setStrikeOut(p.status is ActionStatus.DONE)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and p.id in self._settled:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None


class FollowupPanel(WritingPanel):
    def __init__(self, minutes: MinutesService, points: ActionPointService,
                 runner: TaskRunner, feed: ChangeFeed, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, feed, parent)
        self._minutes = minutes
        self._points = points
        self._today = today
        self._meeting_id: int | None = None
        self._locked = False
        self._names: list[str] = []
        self.model = FollowupModel(self)
        self.table = KeyTable(self)
        self.table.setObjectName("minutesFollowup")
        self.table.setModel(self.model)
        self.table.setToolTip(self.tr("D done, L in progress, O open again, "
                                      "F2 owner or deadline, N discussed"))
        self.table.keys = {
            (Qt.Key.Key_D, NO_MODS): lambda: self.set_status(ActionStatus.DONE),
            (Qt.Key.Key_L, NO_MODS): lambda: self.set_status(ActionStatus.IN_PROGRESS),
            (Qt.Key.Key_O, NO_MODS): lambda: self.set_status(ActionStatus.OPEN),
            (Qt.Key.Key_F2, NO_MODS): self.edit_current,
            (Qt.Key.Key_N, NO_MODS): self.note_current,
        }
        self.empty = QLabel(self.tr("No open action points come back at this meeting."), self)
        self.empty.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        # Only action points: the autosave of the notes (MEETING) every few seconds must
        # not reload this list each time.
        self._watch = StaleWatch(self, feed, (Kind.ACTION_POINT,), self.reload)
        self.model.modelReset.connect(self._show_empty)
        self._show_empty()

    # -- showing -------------------------------------------------------------------

    def show_minutes(self, minutes: Minutes) -> None:
        """The minutes as the window loaded them."""
        first = self._meeting_id != minutes.meeting_id
        self._meeting_id, self._locked = minutes.meeting_id, minutes.locked
        self.model.set_points(minutes.followup, minutes.settled_ids)
        if first:
            meeting_id = minutes.meeting_id
            self._runner.run(self.tr("Loading names"),
                             lambda _ctx: self._minutes.owner_names(meeting_id), owner=self,
                             on_success=self._set_names)

    def show_meeting(self, meeting_id: int) -> None:
        self._meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        meeting_id = self._meeting_id
        if meeting_id is None:
            return

        def loaded(minutes: Minutes) -> None:
            if minutes.meeting_id == self._meeting_id:
                self.show_minutes(minutes)
        self._runner.run(self.tr("Loading the follow-up"),
                         lambda _ctx: self._minutes.load(meeting_id), owner=self,
                         on_success=loaded)

    def _set_names(self, names: list[str]) -> None:
        self._names = names

    def _show_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)

    def current(self) -> CarriedPoint | None:
        return self.model.point(self.table.currentIndex().row())

    # -- the keys ------------------------------------------------------------------

    def set_status(self, status: ActionStatus) -> None:
        point, meeting_id = self.current(), self._meeting_id
        if point is None or meeting_id is None or self._locked or point.status is status:
            return
        self._write(self.tr("Changing the status"), lambda: self._points.set_status(
            point.id, status, meeting_id=meeting_id))

    def edit_current(self) -> None:
        point, meeting_id = self.current(), self._meeting_id
        if point is None or meeting_id is None or self._locked:
            return
        dialog = ActionDialog(self._today, self._names, title=point.title,
                              owner_name=point.owner_name, due_date=point.due_date,
                              with_title=False, parent=self)

        def accepted() -> None:
            f = dialog.fields()
            same_owner = f.owner_name == point.owner_name
            self._write(self.tr("Changing the action point"), lambda: self._points.update(
                point.id, owner_name=f.owner_name,
                owner_person_id=point.owner_person_id if same_owner else None,
                due_date=f.due_date, clear_due=f.due_date is None, meeting_id=meeting_id))
        dialog.accepted.connect(accepted)
        self._open(dialog)

    def note_current(self) -> None:
        point, meeting_id = self.current(), self._meeting_id
        if point is None or meeting_id is None or self._locked:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Discussed"))
        dialog.setLabelText(self.tr("What was said about \u201c%1\u201d?")
                            .replace("%1", point.title))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)

        def accepted() -> None:
            note = dialog.textValue().strip()
            self._write(self.tr("Noting the discussion"),
                        lambda: self._points.discussed(point.id, meeting_id, note))
        dialog.accepted.connect(accepted)
        self._open(dialog)
