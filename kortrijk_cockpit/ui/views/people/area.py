"""The Personen area: a lazy list with search and filters, one person's details and timeline.

Reads and writes go through the task runner's store lane (in the order of the writes
they follow); the list follows the change feed (PERSON): it re-reads the ids and just
the rows named, the current person stays chosen. What is typed is never thrown away: a
stale save keeps the text and shows the Dutch message; choosing another person with
unsaved changes asks first.

Part 2's dialogs hang on `duplicates_requested()` and `privacy_requested(person_id | 0)`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.tasks import Lane
from kortrijk_cockpit.ui.views.people.details import PersonDetailsPane
from kortrijk_cockpit.ui.views.people.model import PeopleModel

if TYPE_CHECKING:
    from kortrijk_cockpit.services.people import PeopleQuery, PersonDetails
    from kortrijk_cockpit.services.people_area import PeopleServices
    from kortrijk_cockpit.services.people_csv import ImportReport
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

ALL, EXTERNAL, INTERNAL = 0, 1, 2


class PeopleArea(QWidget):
    duplicates_requested = Signal()
    privacy_requested = Signal(int)  # the chosen person, or 0 for the whole store
    loaded = Signal()  # the list shows the latest ids
    person_shown = Signal(int)  # details and timeline of this person are in the pane
    saved = Signal(int)
    imported = Signal(object)  # the ImportReport
    message = Signal(str)
    failed = Signal(object)  # an unexpected exception (MainWindow shows it)
    record_requested = Signal(str, int)  # a timeline line: record kind, id (open_record)

    def __init__(self, services: PeopleServices, runner: TaskRunner, feed: ChangeFeed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._feed = feed
        self._generation = 0
        self._want: int | None = None  # the person to choose once the ids land
        # Our own writes' initiator: a plain object, so `on_landed` holds no widget.
        self._token = object()
        self.model = PeopleModel(services.people, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PeopleModel.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self.details = PersonDetailsPane()
        self.details.save_requested.connect(self.save)
        self.details.reload_requested.connect(self.show_person)
        self.details.record_requested.connect(self.record_requested.emit)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, function, organisation, e-mail "
                                               "(Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.kind = QComboBox()
        self.kind.addItems([self.tr("Everyone"), self.tr("External"), self.tr("Internal")])
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.only_to_confirm = QCheckBox(self.tr("To confirm"))
        self.only_to_confirm.toggled.connect(lambda _c: self.reload())
        self.tag = QComboBox()
        self.tag.addItem(self.tr("All tags"), "")
        self.tag.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton(self.tr("New person"))
        self.new_button.setToolTip(self.tr("New person (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_person)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(lambda: self.import_csv())
        self.harvest_button = QPushButton(self.tr("Update from mail and calendar"))
        self.harvest_button.clicked.connect(self.harvest)
        self.duplicates_button = QPushButton(self.tr("Duplicates…"))
        self.duplicates_button.clicked.connect(self.duplicates_requested.emit)
        self.privacy_button = QPushButton(self.tr("Privacy…"))
        self.privacy_button.clicked.connect(
            lambda: self.privacy_requested.emit(self.details.person_id() or 0))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kind)
        bar.addWidget(self.only_to_confirm)
        bar.addWidget(self.tag)
        actions = QHBoxLayout()
        for button in (self.new_button, self.import_button, self.harvest_button,
                       self.duplicates_button, self.privacy_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.count_label = QLabel()
        actions.addWidget(self.count_label)
        self.notice = QLabel()  # the last import's or update's summary
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.empty = QLabel(self.tr("No people match. People come in from mail and the "
                                    "calendar, by hand (Ctrl+N) or from a CSV file."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        title = QLabel(self.tr("People"))
        title.setObjectName("viewHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        for keys, slot in ((QKeySequence.StandardKey.Find, self.focus_search),
                           (QKeySequence.StandardKey.New, self.new_person),
                           (QKeySequence.StandardKey.Save, self.save),
                           (QKeySequence("F2"), self.details.start_editing)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        feed.changed.connect(self._on_changed)
        self.reload()
        self._load_choices()

    # -- the list --------------------------------------------------------------
    def query(self) -> PeopleQuery:
        from kortrijk_cockpit.services.people import PeopleQuery

        kind = self.kind.currentIndex()
        return PeopleQuery(text=self.search.text().strip(),
                           internal=None if kind == ALL else kind == INTERNAL,
                           to_confirm=self.only_to_confirm.isChecked(),
                           tag=self.tag.currentData() or "")

    def reload(self, *, same_search: bool = False) -> None:
        """The ids for the search and filters; `same_search` (after a change) merges
        them into the list instead of starting it over."""
        people, query = self._services.people, self.query()
        if not same_search:
            self._generation += 1
        generation = self._generation
        self._runner.run(self.tr("Loading people"), lambda _c: people.ids(query), owner=self,
                         lane=Lane.STORE,
                         on_success=lambda ids: self._ids_landed(generation, ids, same_search))

    def reveal(self, person_id: int) -> None:
        """A search hit or a link: this person chosen, the filters cleared. Unsaved
        changes to another person are asked about first, as in the list."""
        if person_id != self.details.person_id() and self.details.is_dirty() \
                and not self.confirm_discard():
            return
        self._want = person_id
        for widget in (self.search, self.kind, self.only_to_confirm, self.tag):
            widget.blockSignals(True)
        self.search.clear()
        self.kind.setCurrentIndex(ALL)
        self.only_to_confirm.setChecked(False)
        self.tag.setCurrentIndex(0)
        for widget in (self.search, self.kind, self.only_to_confirm, self.tag):
            widget.blockSignals(False)
        self.reload()

    def _ids_landed(self, generation: int, ids: list[int], same_search: bool = False) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        current = self._want or self.details.person_id()
        self._want = None
        self.table.selectionModel().blockSignals(True)
        if same_search:
            self.model.merge_ids(ids)
        else:
            self.model.set_ids(ids)
        self.table.selectionModel().blockSignals(False)
        self.count_label.setText(self.tr("%n people", "", len(ids)))
        self.empty.setVisible(not ids)
        self.table.setVisible(bool(ids))
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self._select_row(row)
            self.table.selectionModel().blockSignals(False)
            if current != self.details.person_id():
                self.show_person(current)
        self.loaded.emit()

    def _select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))

    def _load_choices(self) -> None:
        people = self._services.people
        self._runner.run(self.tr("Loading people"),
                         lambda _c: (people.organisations(), people.tags()), owner=self,
                         lane=Lane.STORE, on_success=self._choices_landed)

    def _choices_landed(self, found: tuple[list[str], list[str]]) -> None:
        organisations, tags = found
        self.details.set_organisations(organisations)
        chosen = self.tag.currentData() or ""
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), "")
        for tag in tags:
            self.tag.addItem(tag, tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))
        self.tag.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if not changes.touched(Kind.PERSON):
            return
        touched = changes.rows(Kind.PERSON)
        self.model.refresh(touched.updated)
        self.reload(same_search=True)
        self._load_choices()
        shown = self.details.person_id()
        if shown is not None and shown in touched.removed:
            self.details.clear()  # erased or merged away: nothing left to edit
            self.person_shown.emit(0)
            return
        if shown is not None and initiator is not self._token and (
                Kind.PERSON in changes.wholesale or shown in touched.all):
            if not self.details.is_dirty():
                self.show_person(shown)  # someone else's change: show it (nothing typed)
        elif shown is not None and shown in touched.all:
            self._load_timeline(shown)

    # -- one person ------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        person_id = current.data(PeopleModel.IdRole) if current.isValid() else None
        if person_id is None or person_id == self.details.person_id():
            return
        if self.details.is_dirty() and not self.confirm_discard():
            back = self.model.row_of(self.details.person_id() or -1)
            self.table.selectionModel().blockSignals(True)
            if back >= 0:
                self._select_row(back)
            self.table.selectionModel().blockSignals(False)
            return
        self.show_person(person_id)

    def confirm_discard(self) -> bool:
        """Unsaved changes and another person chosen: save them, drop them, or stay."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("{name} has unsaved changes. Save them first?").format(
                              name=self.details.name.text()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return True
        return answer == QMessageBox.StandardButton.Discard

    def show_person(self, person_id: int) -> None:
        people = self._services.people
        self._runner.run(self.tr("Loading the person"), lambda _c: people.get(person_id),
                         owner=self, lane=Lane.STORE, on_success=self._person_landed,
                         on_failure=self._read_failed)
        self._load_timeline(person_id)

    def _person_landed(self, details: PersonDetails) -> None:
        current = self.table.currentIndex()
        chosen = current.data(PeopleModel.IdRole) if current.isValid() else None
        if chosen is not None and chosen != details.id:
            return  # the choice moved on meanwhile
        self.details.show_person(details)
        self.person_shown.emit(details.id)

    def _load_timeline(self, person_id: int) -> None:
        timeline = self._services.timeline
        self._runner.run(self.tr("Loading the timeline"),
                         lambda _c: timeline.timeline(person_id), owner=self, lane=Lane.STORE,
                         on_success=self.details.show_timeline, on_failure=self._read_failed)

    def _read_failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.message.emit(error.user_message)
            return
        self.failed.emit(error)

    def save(self) -> None:
        """Ctrl+S: the pane's fields; a stale or refused save keeps what was typed."""
        person_id, version = self.details.person_id(), self.details.version()
        if person_id is None or version is None or not self.details.is_dirty():
            return
        people, values, feed = self._services.people, self.details.fields(), self._feed
        token = self._token
        self._runner.run(self.tr("Saving the person"),
                         lambda _c: people.save(person_id, version, values), owner=self,
                         lane=Lane.STORE,
                         on_landed=lambda d: feed.publish(d.changes, token),
                         on_success=self._saved, on_failure=self._save_failed)

    def _saved(self, details: PersonDetails) -> None:
        if details.id == self.details.person_id():
            self.details.saved(details)
        self.saved.emit(details.id)

    def _save_failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            from kortrijk_cockpit.errors import ConcurrentEditError

            # The text stays as typed; "Opnieuw laden" shows what is stored now.
            self.details.show_problem(error.user_message,
                                      stale=isinstance(error, ConcurrentEditError))
            return
        self.failed.emit(error)

    def new_person(self) -> None:
        """Ctrl+N: a person by hand, named after the search text; then type on."""
        from kortrijk_cockpit.services.people import PersonFields

        name = self.search.text().strip() or QCoreApplication.translate(
            "PeopleArea", "New person")
        people, feed, token = self._services.people, self._feed, self._token
        self._runner.run(self.tr("Adding a person"),
                         lambda _c: people.create(PersonFields(name)), owner=self,
                         lane=Lane.STORE, on_landed=lambda d: feed.publish(d.changes, token),
                         on_success=self._created, on_failure=self._save_failed)

    def _created(self, details: PersonDetails) -> None:
        self._want = details.id
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.details.show_person(details)
        self._load_timeline(details.id)
        self.reload()
        self.details.start_editing()
        self.person_shown.emit(details.id)

    # -- import and update -----------------------------------------------------
    def import_csv(self, path: Path | None = None) -> int | None:
        if path is None:
            chosen, _kind = QFileDialog.getOpenFileName(
                self, self.tr("Import people"), "",
                self.tr("CSV files (*.csv *.txt);;All files (*)"))
            if not chosen:
                return None
            path = Path(chosen)
        target, importer, feed = path, self._services.csv, self._feed
        return self._runner.run(
            self.tr("Importing people"),
            lambda ctx: importer.import_file(target, ctx.progress), owner=self,
            lane=Lane.STORE, on_landed=lambda report: feed.publish(report.changes, None),
            on_success=self._imported, on_failure=self._import_failed)

    def _imported(self, report: ImportReport) -> None:
        self.notice.setText(self.tr("Import: {summary}").format(summary=report.summary))
        self.notice.show()
        self.imported.emit(report)

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.notice.setText(error.user_message)  # nothing was written
            self.notice.show()
            self.message.emit(error.user_message)
            return
        self.failed.emit(error)

    def harvest(self) -> None:
        """On demand: people from all synced mail and appointments."""
        harvest, feed = self._services.harvest, self._feed
        self._runner.run(self.tr("Updating people from mail and calendar"),
                         lambda _c: harvest.run(), owner=self, lane=Lane.STORE,
                         on_landed=lambda report: feed.publish(report.changes, None),
                         on_success=lambda report: self._show_notice(
                             self.tr("Updated from mail and calendar: {summary}")
                             .format(summary=report.summary)),
                         on_failure=self._import_failed)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()


def people_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) in Personen, for the F1 list."""
    return [
        ("Ctrl+F", QCoreApplication.translate("PeopleShortcuts", "Search people")),
        ("Ctrl+N", QCoreApplication.translate("PeopleShortcuts", "New person")),
        ("F2", QCoreApplication.translate("PeopleShortcuts", "Edit the chosen person")),
        ("Ctrl+S", QCoreApplication.translate("PeopleShortcuts", "Save the person")),
    ]
