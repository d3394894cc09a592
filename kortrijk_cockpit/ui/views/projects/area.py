"""The Projecten area: the projects on the left, the chosen one on the right with its
painted timeline, milestones and links. Worked by keyboard: Ctrl+N a new project, F2 and
Del on the list edit and remove a project; Ins adds a milestone, and on the milestones
Space marks one done (again: open), F2 edits and Del removes it, after a question.

It follows the change feed: a project written here or on another workstation is re-read
by itself, and the chosen project's details are read again when it or its links change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.services.projects import ACTION_POINT, MAIL, ProjectDraft
from kortrijk_cockpit.ui.plain_text import plain_box
from kortrijk_cockpit.ui.tasks import Lane
from kortrijk_cockpit.ui.views.projects.details import ProjectDetailsPane
from kortrijk_cockpit.ui.views.projects.dialogs import LinkChooser, MilestoneDialog, ProjectDialog
from kortrijk_cockpit.ui.views.projects.models import ProjectListModel, RowRole

if TYPE_CHECKING:
    from kortrijk_cockpit.services.projects import (
        LinkChoice,
        ProjectDetail,
        ProjectRow,
        ProjectService,
    )
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner


class ProjectsArea(QWidget):
    loaded = Signal()
    detail_shown = Signal(int)  # the project whose details are shown (0: none)
    dialog_opened = Signal(object)  # a form, chooser or question, once it is open
    failed = Signal(object)  # an exception from a write (MainWindow shows it)
    record_requested = Signal(str, int)  # a linked action point or mail to open

    def __init__(self, projects: ProjectService, runner: TaskRunner, feed: ChangeFeed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._projects = projects
        self._runner = runner
        self._feed = feed
        self._selected: int | None = None
        self._wanted: int | None = None  # a project just made here: chosen once listed
        self.model = ProjectListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProjectListModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The name and the next milestone share what the short columns leave: a long
        # milestone must not squeeze the project's name to a few letters.
        for column in (ProjectListModel.NAME, ProjectListModel.NEXT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (ProjectListModel.OWNER, ProjectListModel.STATUS,
                       ProjectListModel.OVERDUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.table.doubleClicked.connect(lambda _i: self.edit_project())
        self.table.installEventFilter(self)
        self.details = ProjectDetailsPane()
        self.details.milestone_table.installEventFilter(self)
        self.details.strip.installEventFilter(self)
        self.details.link_action_point.connect(lambda: self.choose_link(ACTION_POINT))
        self.details.link_mail.connect(lambda: self.choose_link(MAIL))
        self.details.record_requested.connect(self.record_requested)
        self.details.link_table.installEventFilter(self)
        self.empty = QLabel(self.tr("No projects yet. Ctrl+N makes the first one."))
        self.empty.setObjectName("emptyText")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        new = QPushButton(self.tr("New project"))
        new.setToolTip(self.tr("New project (Ctrl+N)"))
        new.clicked.connect(self.new_project)
        title = QLabel(self.tr("Projects"))
        title.setObjectName("viewHeading")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(new)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_shortcut.activated.connect(self.new_project)
        feed.changed.connect(self._on_changed)
        self.reload()

    # Reading

    def reload(self) -> None:
        projects = self._projects
        self._runner.run(self.tr("Loading projects"), lambda _c: projects.list(),
                         owner=self, lane=Lane.STORE, on_success=self._loaded)

    def _loaded(self, rows: list[ProjectRow]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if rows:
            self.select_project(self._selected if self._selected is not None
                                and self.model.row_of(self._selected) >= 0
                                else self.proxy.index(0, 0).data(RowRole).id)
        else:
            self._show_detail(None)
        self.loaded.emit()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.wholesale & {Kind.PROJECT}:
            self.reload()
            return
        touched = changes.rows(Kind.PROJECT).all
        if touched:
            projects, ids = self._projects, list(touched)
            self._runner.run(self.tr("Loading projects"), lambda _c: projects.rows(ids),
                             owner=self, lane=Lane.STORE, on_success=self._apply)
        elif self._selected is not None and changes.touches_any((Kind.ACTION_POINT, Kind.MAIL)):
            self._load_detail()  # a linked action point or mail may have changed

    def _apply(self, fresh: dict[int, ProjectRow | None]) -> None:
        self.model.apply(fresh)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)
        created = [i for i, row in fresh.items() if row is not None and i == self._wanted]
        if created:
            self.select_project(created[0])
        elif self._selected in fresh:
            self._load_detail()

    def select_project(self, project_id: int) -> None:
        row = self.model.row_of(project_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        already = self.table.currentIndex() == index  # then no currentRowChanged comes
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        if already:
            self._load_detail()

    def current_project(self) -> ProjectRow | None:
        index = self.table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(RowRole) if current.isValid() else None
        self._selected = row.id if row else None
        self._load_detail()

    def _load_detail(self) -> None:
        project_id = self._selected
        if project_id is None:
            self._show_detail(None)
            return
        projects = self._projects
        self._runner.run(self.tr("Loading the project"), lambda _c: projects.detail(project_id),
                         owner=self, lane=Lane.STORE,
                         on_success=lambda d: project_id == self._selected
                         and self._show_detail(d))

    def _show_detail(self, detail: ProjectDetail | None) -> None:
        self.details.show_detail(detail)
        self.detail_shown.emit(detail.row.id if detail else 0)

    # Writing

    def _write(self, label: str, fn: Callable[[], Any]) -> None:
        feed = self._feed

        def run(_ctx: object) -> Changes:
            result = fn()
            return result[1] if isinstance(result, tuple) else result  # (id, Changes)

        self._runner.run(label, run, owner=self, lane=Lane.STORE, on_landed=feed.publish,
                         on_failure=self.failed.emit)

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
        self.dialog_opened.emit(dialog)

    def new_project(self) -> None:
        today = self._projects.today()
        dialog = ProjectDialog(ProjectDraft("", starts_on=today), today, self, new=True)
        projects, feed = self._projects, self._feed

        def save() -> None:
            draft = dialog.draft()
            self._runner.run(self.tr("Saving the project"), lambda _c: projects.create(draft),
                             owner=self, lane=Lane.STORE,
                             on_landed=lambda made: feed.publish(made[1]),
                             on_success=self._made, on_failure=self.failed.emit)

        dialog.accepted.connect(save)
        self._open(dialog)

    def _made(self, made: tuple[int, Changes]) -> None:
        """Choose the new project once its row is listed (the feed's read is on its way)."""
        self._wanted = made[0]
        if self.model.row_of(made[0]) >= 0:
            self.select_project(made[0])

    def edit_project(self) -> None:
        project_id = self._selected
        if project_id is None:
            return
        projects = self._projects
        self._runner.run(self.tr("Loading the project"), lambda _c: projects.detail(project_id),
                         owner=self, lane=Lane.STORE, on_success=self._edit_loaded)

    def _edit_loaded(self, detail: ProjectDetail | None) -> None:
        if detail is None:
            return
        dialog = ProjectDialog(detail.draft(), detail.today, self)
        projects, project_id, version = self._projects, detail.row.id, detail.version
        def save() -> None:
            draft = dialog.draft()  # read now: the dialog is gone when the write runs
            self._write(self.tr("Saving the project"),
                        lambda: projects.update(project_id, draft, version))

        dialog.accepted.connect(save)
        self._open(dialog)

    def delete_project(self) -> None:
        row = self.current_project()
        if row is None:
            return
        projects = self._projects
        self._confirm(self.tr("Remove project"),
                      self.tr("Remove the project “{name}” with its milestones and links? The "
                              "action points and mails themselves stay.").format(name=row.name),
                      lambda: self._write(self.tr("Removing the project"),
                                          lambda: projects.delete(row.id)))

    def add_milestone(self) -> None:
        project_id = self._selected
        if project_id is None:
            return
        current = self.details.current_milestone()
        start = current.due_on if current else self._projects.today() + timedelta(days=7)
        dialog = MilestoneDialog("", start, self, new=True)
        projects = self._projects

        def save() -> None:
            title, due_on = dialog.values()
            self._write(self.tr("Saving the milestone"),
                        lambda: projects.add_milestone(project_id, title, due_on))

        dialog.accepted.connect(save)
        self._open(dialog)

    def toggle_milestone(self) -> None:
        milestone = self.details.current_milestone()
        if milestone is None:
            return
        projects, done = self._projects, milestone.done_on is None
        self._write(self.tr("Saving the milestone"),
                    lambda: projects.set_done(milestone.id, done))

    def edit_milestone(self) -> None:
        milestone = self.details.current_milestone()
        if milestone is None:
            return
        dialog = MilestoneDialog(milestone.title, milestone.due_on, self)
        projects = self._projects

        def save() -> None:
            title, due_on = dialog.values()
            self._write(self.tr("Saving the milestone"),
                        lambda: projects.edit_milestone(milestone.id, title, due_on))

        dialog.accepted.connect(save)
        self._open(dialog)

    def delete_milestone(self) -> None:
        milestone = self.details.current_milestone()
        if milestone is None:
            return
        projects = self._projects
        self._confirm(self.tr("Remove milestone"),
                      self.tr("Remove the milestone “{title}”?").format(title=milestone.title),
                      lambda: self._write(self.tr("Removing the milestone"),
                                          lambda: projects.delete_milestone(milestone.id)))

    def choose_link(self, kind: str) -> None:
        if self._selected is None:
            return
        projects = self._projects
        self._runner.run(self.tr("Loading the choices"), lambda _c: projects.link_choices(kind),
                         owner=self, lane=Lane.STORE,
                         on_success=lambda found: self._chooser(kind, found))

    def _chooser(self, kind: str, choices: list[LinkChoice]) -> None:
        project_id = self._selected
        if project_id is None:
            return
        dialog = LinkChooser(choices, mail=kind == MAIL, parent=self)
        projects = self._projects

        def link() -> None:
            ref_id = dialog.chosen_id()
            if ref_id is not None:
                self._write(self.tr("Linking to the project"),
                            lambda: projects.link(project_id, kind, ref_id))

        dialog.accepted.connect(link)
        self._open(dialog)

    def unlink_current(self) -> None:
        link = self.details.current_link()
        project_id = self._selected
        if link is None or project_id is None:
            return
        projects = self._projects
        self._write(self.tr("Unlinking from the project"),
                    lambda: projects.unlink(project_id, link.kind, link.ref_id))

    def _confirm(self, title: str, question: str, then: Callable[[], None]) -> None:
        box = plain_box(QMessageBox(QMessageBox.Icon.Question, title, question,
                                    QMessageBox.StandardButton.NoButton, self))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _r: box.clickedButton() is remove and then())
        self._open(box)

    # Keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        on_milestones = watched in (self.details.milestone_table, self.details.strip)
        actions: dict[int, Callable[[], None]] = {}
        if on_milestones:
            actions = {Qt.Key.Key_Space: self.toggle_milestone, Qt.Key.Key_F2: self.edit_milestone,
                       Qt.Key.Key_Delete: self.delete_milestone}
        elif watched is self.table:
            actions = {Qt.Key.Key_F2: self.edit_project, Qt.Key.Key_Delete: self.delete_project}
        elif watched is self.details.link_table:
            actions = {Qt.Key.Key_Delete: self.unlink_current}
        actions[Qt.Key.Key_Insert] = self.add_milestone  # wherever the project is worked
        action = actions.get(key)
        if action is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            action()
            return True
        return super().eventFilter(watched, event)


def projects_shortcuts() -> list[tuple[str, str]]:
    """For the F1 overview (spelled out: lupdate sees only literal translate calls)."""
    return [
        ("Ctrl+N", QCoreApplication.translate("ProjectsArea", "New project")),
        ("F2", QCoreApplication.translate("ProjectsArea", "Edit the project or milestone")),
        ("Ins", QCoreApplication.translate("ProjectsArea", "New milestone")),
        ("Space", QCoreApplication.translate("ProjectsArea", "Milestone done or open again")),
        ("Del", QCoreApplication.translate("ProjectsArea",
                                           "Remove the project, milestone or link")),
    ]
