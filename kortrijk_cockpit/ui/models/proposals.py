"""The proposals of "Zoek een moment": day, time, who is free."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kortrijk_cockpit.ui.models.headed_table import HeadedTableModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.find_time import Proposal

DAY, TIME, WHO = range(3)
PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ProposalModel(HeadedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Proposal] = []

    def set_proposals(self, proposals: list[Proposal]) -> None:
        # A new search replaces the list as a whole: nothing of the old one stays valid.
        self.beginResetModel()
        self._rows = list(proposals)
        self.endResetModel()

    def proposal(self, row: int) -> Proposal | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Day"), self.tr("Time"), self.tr("Who"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        proposal = self._rows[index.row()]
        if role == PROPOSAL_ROLE:
            return proposal
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == DAY:
            day = proposal.start.date()
            return QLocale().toString(QDate(day.year, day.month, day.day), "ddd dd/MM/yyyy")
        if index.column() == TIME:
            return f"{proposal.start:%H:%M}-{proposal.end:%H:%M}"
        return self.tr("everyone free")
