"""The chosen project: what it is for, its painted timeline, its milestones and the action
points and mails linked to it. Lays out widgets only; the area does the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.formatting import format_date
from kortrijk_cockpit.ui.views.projects.models import LinkModel, MilestoneModel
from kortrijk_cockpit.ui.views.projects.timeline import TimelineStrip

if TYPE_CHECKING:
    from kortrijk_cockpit.services.projects import LinkView, MilestoneView, ProjectDetail


def _table(model: MilestoneModel | LinkModel, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


class ProjectDetailsPane(QWidget):
    link_action_point = Signal()
    link_mail = Signal()
    record_requested = Signal(str, int)  # "action_point" | "mail", its id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_id: int | None = None
        self.title = QLabel()
        self.title.setObjectName("recordTitle")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.goal.setTextFormat(Qt.TextFormat.PlainText)
        self.strip = TimelineStrip()
        self.strip.milestone_clicked.connect(self.select_milestone)
        self.milestones = MilestoneModel(self)
        self.milestone_table = _table(self.milestones, MilestoneModel.TITLE)
        self.milestone_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.strip.set_current(
                m.id if (m := self.milestones.milestone(current.row())) else None))
        self.links = LinkModel(self)
        self.link_table = _table(self.links, LinkModel.TITLE)
        self.link_table.activated.connect(self._open_link)
        link_point = QPushButton(self.tr("Link action point…"))
        link_point.clicked.connect(self.link_action_point)
        link_mail = QPushButton(self.tr("Link mail…"))
        link_mail.clicked.connect(self.link_mail)
        self.hint = QLabel(self.tr("Ins: new milestone · Space: done · F2: edit · "
                                   "Del: remove"))
        self.hint.setObjectName("emptyText")
        buttons = QHBoxLayout()
        buttons.addWidget(link_point)
        buttons.addWidget(link_mail)
        buttons.addStretch(1)
        self.empty = QLabel(self.tr("Choose a project, or make one with Ctrl+N."))
        self.empty.setObjectName("emptyText")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addWidget(self.facts)
        body.addWidget(self.goal)
        body.addWidget(self.strip)
        body.addWidget(QLabel(self.tr("Milestones")))
        body.addWidget(self.milestone_table, 2)
        body.addWidget(self.hint)
        body.addWidget(QLabel(self.tr("Linked action points and mails")))
        body.addWidget(self.link_table, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)
        self.show_detail(None)

    def show_detail(self, detail: ProjectDetail | None) -> None:
        """A project (None: none chosen, or it is gone); the current milestone stays."""
        kept = self.current_milestone()
        self.project_id = detail.row.id if detail else None
        self.empty.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            self.milestones.set_rows([])
            self.links.set_rows([])
            return
        row = detail.row
        self.title.setText(row.name)
        span = " – ".join(format_date(d) if d else "…" for d in (row.starts_on, row.ends_on)) \
            if row.starts_on or row.ends_on else self.tr("no dates yet")
        facts = [row.owner_name or self.tr("no owner"), span]
        if row.overdue:
            facts.append(self.tr("%n milestone(s) overdue", "", row.overdue))
        self.facts.setText(" · ".join(facts))
        self.goal.setText(detail.goal)
        self.goal.setVisible(bool(detail.goal))
        self.strip.set_project(row.starts_on, row.ends_on, detail.milestones, detail.today)
        self.milestones.set_rows(detail.milestones)
        self.links.set_rows(detail.links)
        if kept is not None:
            self.select_milestone(kept.id, focus=False)

    def current_milestone(self) -> MilestoneView | None:
        return self.milestones.milestone(self.milestone_table.currentIndex().row())

    def current_link(self) -> LinkView | None:
        return self.links.link(self.link_table.currentIndex().row())

    def select_milestone(self, milestone_id: int, focus: bool = True) -> None:
        row = self.milestones.row_of(milestone_id)
        if row < 0:
            return
        self.milestone_table.selectionModel().setCurrentIndex(
            self.milestones.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.strip.set_current(milestone_id)
        if focus:
            self.milestone_table.setFocus()

    def _open_link(self) -> None:
        link = self.current_link()
        if link is not None and link.title:
            self.record_requested.emit(link.kind, link.ref_id)
