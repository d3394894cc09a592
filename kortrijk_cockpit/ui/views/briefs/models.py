"""The Fiches list (external appointments with their fiche's state) and a fiche's people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.domain import BriefStatus
from kortrijk_cockpit.services.brief_editing import FichePerson
from kortrijk_cockpit.services.briefs import FicheRow
from kortrijk_cockpit.ui.formatting import short_moment

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#b3261e")
SOON_DAYS = 3  # an appointment this close without an approved fiche stands out


def is_overdue(row: FicheRow, now: datetime) -> bool:
    return row.status is not BriefStatus.APPROVED and \
        row.starts_at - now <= timedelta(days=SOON_DAYS)


class FicheListModel(QAbstractTableModel):
    WHEN, SUBJECT, ORGANISER, STATE = range(4)
    ROW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FicheRow] = []
        self._now = datetime.now(BRUSSELS)

    def set_rows(self, rows: Sequence[FicheRow], now: datetime) -> None:
        self.beginResetModel()
        self._rows, self._now = list(rows), now
        self.endResetModel()

    def row_at(self, row: int) -> FicheRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, event_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.event_id == event_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Appointment"), self.tr("Organiser"),
                    self.tr("Brief"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == self.ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return short_moment(row.starts_at)
            if column == self.SUBJECT:
                return row.subject
            if column == self.ORGANISER:
                return row.organiser.split("<")[0].strip() or row.organiser
            return _state_label(self, row.status)
        late = is_overdue(row, self._now)
        if role == Qt.ItemDataRole.ForegroundRole and late and column == self.STATE:
            return QBrush(LATE)
        if role == Qt.ItemDataRole.FontRole and late and column == self.STATE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and late:
            return self.tr("Within three days and not approved yet")
        return None


def _state_label(_model: QAbstractTableModel, status: BriefStatus | None) -> str:
    return state_label(status)


def state_label(status: BriefStatus | None) -> str:
    """The fiche's state as the office says it (spelled out for lupdate: one context)."""
    if status is None:
        return QCoreApplication.translate("FicheState", "no brief")
    return {BriefStatus.DRAFT: QCoreApplication.translate("FicheState", "draft"),
            BriefStatus.READY: QCoreApplication.translate("FicheState", "for review"),
            BriefStatus.APPROVED: QCoreApplication.translate("FicheState", "approved")}[status]


class PeopleModel(QAbstractTableModel):
    NAME, FUNCTION, ORGANISATION, MANDATE, LAST, MATTERS, OPENER = range(7)
    # Open matters and the opener are the assistant's words: edited in place (F2).
    notes_edited = Signal(int, str, str)  # BriefPerson id, open matters, opener

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FichePerson] = []

    def set_people(self, people: Sequence[FichePerson]) -> None:
        self.beginResetModel()
        self._rows = list(people)
        self.endResetModel()

    def person_at(self, row: int) -> FichePerson | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.row_id == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Function"), self.tr("Organisation"),
                    self.tr("Mandate"), self.tr("Last contact"), self.tr("Open matters"),
                    self.tr("Opener"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in (self.MATTERS, self.OPENER):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        person = self.person_at(index.row())
        if person is None or role != Qt.ItemDataRole.EditRole \
                or index.column() not in (self.MATTERS, self.OPENER):
            return False
        text = str(value).strip()
        changed = replace(person, open_matters=text) if index.column() == self.MATTERS \
            else replace(person, opener=text)
        if changed == person:
            return False
        self._rows[index.row()] = changed
        self.dataChanged.emit(index, index)
        self.notes_edited.emit(changed.row_id, changed.open_matters, changed.opener)
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self.person_at(index.row())
        if person is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column in (self.MATTERS, self.OPENER):
            return person.open_matters if column == self.MATTERS else person.opener
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return person.name + (self.tr(" (to confirm)") if person.to_confirm else "")
            value = (person.name, person.function, person.organisation, person.mandate,
                     person.last_interactions[0] if person.last_interactions else "",
                     person.open_matters.replace("\n", "; "), person.opener)[column]
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LAST:
            return "\n".join(person.last_interactions) or None
        if role == Qt.ItemDataRole.FontRole and column == self.NAME and person.to_confirm:
            font = QFont()
            font.setItalic(True)
            return font
        return None
