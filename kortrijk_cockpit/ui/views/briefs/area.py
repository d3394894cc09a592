"""The Fiches area: external appointments with their fiche's state, and the fiche editor.

Enter on an appointment without a fiche makes one, prefilled from the appointment on the
task runner; the editor beside the list shows the chosen fiche. What is typed is saved
with Ctrl+S, and also before another fiche is opened or a review step is taken.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.tasks import Lane
from kortrijk_cockpit.ui.views.briefs.editor import FicheEditor
from kortrijk_cockpit.ui.views.briefs.models import FicheListModel

if TYPE_CHECKING:
    from kortrijk_cockpit.clock import Clock
    from kortrijk_cockpit.services.brief_editing import BriefEditing, FicheDraft
    from kortrijk_cockpit.services.brief_prefill import BriefPrefill
    from kortrijk_cockpit.services.briefs import BriefService, FicheRow, VersionLine
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

RANGES = (7, 28, 365)  # this week, the next four weeks, all coming (a year ahead)


class FichesArea(QWidget):
    loaded = Signal()  # the list is (re)loaded
    draft_shown = Signal(int)  # a fiche is in the editor
    message = Signal(str)
    publish_requested = Signal(int)  # brief id: part 4 publishes (DOCX/PDF, outbox)

    def __init__(self, briefs: BriefService, prefill: BriefPrefill, editing: BriefEditing,
                 runner: TaskRunner, feed: ChangeFeed, clock: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._briefs, self._prefill, self._editing = briefs, prefill, editing
        self._runner, self._feed, self._clock = runner, feed, clock
        self._want_brief: int | None = None
        self.range = QComboBox()
        for text in (self.tr("This week"), self.tr("Next 4 weeks"), self.tr("All coming")):
            self.range.addItem(text)
        self.range.setCurrentIndex(1)
        self.range.currentIndexChanged.connect(self.reload)
        make = QPushButton(self.tr("Make brief (Enter)"))
        make.clicked.connect(self.create_current)
        external = QPushButton(self.tr("Not external"))
        external.setToolTip(self.tr("This appointment needs no brief: take it off the list"))
        external.clicked.connect(self.mark_not_external)
        self.model = FicheListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FicheListModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(560)  # day, title, organiser and state readable at once
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda *_: self.create_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._open_current())
        self.empty = QLabel(self.tr("No external appointments in this period. Appointments "
                                    "organised outside the city, or with the category "
                                    "\"Extern\", appear here."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.table)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("ficheNotice")
        self.editor = FicheEditor()
        self.editor.save_requested.connect(self.save)
        self.editor.review_requested.connect(self._review)
        self.editor.add_person_requested.connect(self.add_person)
        self.editor.remove_person_requested.connect(
            lambda row_id: self._write(lambda b: self._editing.remove_person(b, row_id)))
        self.editor.move_person_requested.connect(
            lambda row_id, step: self._write(
                lambda b: self._editing.move_person(b, row_id, step)))
        self.editor.confirm_person_requested.connect(
            lambda person_id: self._write(lambda _b: self._editing.confirm_person(person_id)))
        self.editor.people.notes_edited.connect(
            lambda row_id, matters, opener: self._write(
                lambda _b: self._editing.update_person_notes(row_id, matters, opener)))
        self.editor.paste_requested.connect(lambda: self.import_attendees(None))
        self.editor.publish_requested.connect(self.publish_requested.emit)
        self.editor.version_requested.connect(self.open_version)
        title = QLabel(self.tr("Briefs"))
        title.setObjectName("viewHeading")
        bar = QHBoxLayout()
        bar.addWidget(self.range)
        bar.addWidget(make)
        bar.addWidget(external)
        bar.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.pages, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        feed.changed.connect(self._on_changed)
        self.reload()

    # -- the list ------------------------------------------------------------------------
    def reload(self) -> None:
        briefs, now = self._briefs, self._clock.now()
        end = now + timedelta(days=RANGES[self.range.currentIndex()])
        if self.range.currentIndex() == 0:  # this week: until Sunday night
            end = (now + timedelta(days=7 - now.weekday())).replace(hour=0, minute=0)

        def load(_ctx: object) -> list[FicheRow]:
            return briefs.external_events(now, end)

        self._runner.run(self.tr("Loading briefs"), load, owner=self, lane=Lane.STORE,
                         on_success=lambda rows: self._loaded(rows, now))

    def _loaded(self, rows: list[FicheRow], now: datetime) -> None:
        current = self.current()
        self.model.set_rows(rows, now)
        self.pages.setCurrentWidget(self.table if rows else self.empty)
        keep = self._want_brief
        row = next((i for i, r in enumerate(rows) if keep is not None and r.brief_id == keep),
                   self.model.row_of(current.event_id) if current else -1)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        if not rows:
            self.editor.clear()
        self.loaded.emit()

    def show_brief(self, brief_id: int) -> None:
        """Choose this fiche in the list (after the list loads) and open it."""
        self._want_brief = brief_id
        self.reload()

    def current(self) -> FicheRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _open_current(self) -> None:
        row = self.current()
        draft = self.editor.draft
        if draft is not None and (row is None or row.brief_id != draft.id):
            self.save()  # nothing typed is lost when another fiche is opened
        if row is None or row.brief_id is None:
            self.editor.clear()
            return
        # The same fiche again (the list reloaded under it): what was typed stays.
        self.load_brief(row.brief_id,
                        keep_typed=draft is not None and draft.id == row.brief_id)

    def load_brief(self, brief_id: int, keep_typed: bool = False) -> None:
        editing, briefs = self._editing, self._briefs

        def load(_ctx: object) -> tuple[FicheDraft, list[VersionLine], list[str]]:
            return (editing.load(brief_id), briefs.versions(brief_id),
                    [label for _id, label in editing.person_names(limit=2000)])

        def shown(found: tuple[FicheDraft, list[VersionLine], list[str]]) -> None:
            current = self.current()
            if current is None or current.brief_id != brief_id:
                return  # the user moved on meanwhile
            self.editor.show_draft(found[0], keep_typed=keep_typed)
            self.editor.show_versions(found[1])
            self.editor.names.setStringList(found[2])  # "add by name" completes these
            self.draft_shown.emit(brief_id)

        self._runner.run(self.tr("Loading brief"), load, owner=self, lane=Lane.STORE,
                         on_success=shown, on_failure=self._failed)

    # -- actions -------------------------------------------------------------------------
    def create_current(self) -> None:
        """Enter: a fiche for the appointment, prefilled from it (or open the one it has)."""
        row = self.current()
        if row is None:
            return
        if row.brief_id is not None:
            self.editor.fields["objective"].setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        briefs, prefill, made = self._briefs, self._prefill, self
        event_id = row.event_id

        def create(_ctx: object) -> tuple[int, Changes, str]:
            brief_id, changes = briefs.create_for_event(event_id)
            result = prefill.prefill(brief_id)
            return brief_id, changes | result.changes, (
                f"Fiche gemaakt: {result.people_listed} personen, "
                f"{result.people_created} te bevestigen.")

        def done(result: tuple[int, Changes, str]) -> None:
            made._want_brief = result[0]
            made.notice.setText(result[2])

        feed = self._feed
        self._runner.run(self.tr("Making brief"), create, owner=self, lane=Lane.STORE,
                         on_landed=lambda r: feed.publish(r[1]), on_success=done,
                         on_failure=self._failed)

    def mark_not_external(self) -> None:
        row = self.current()
        if row is not None:
            briefs, event_id = self._briefs, row.event_id
            self._run_write(self.tr("Marking appointment"),
                            lambda: briefs.mark_external(event_id, False))

    def save(self) -> None:
        draft, typed = self.editor.draft, self.editor.typed()
        if draft is None or not typed:
            return
        editing, feed, editor = self._editing, self._feed, self.editor

        def save(_ctx: object) -> tuple[int, Changes]:
            return editing.save(draft.id, draft.version, typed)

        def saved(result: tuple[int, Changes]) -> None:
            editor.mark_saved(typed, result[0])
            self.notice.setText(self.tr("Brief saved."))

        self._runner.run(self.tr("Saving brief"), save, owner=self, lane=Lane.STORE,
                         on_landed=lambda r: feed.publish(r[1]), on_success=saved,
                         on_failure=self._failed)

    def _review(self, step: str) -> None:
        if step == "send_back":
            self.send_back(None)
            return
        self._step(step)

    def send_back(self, comments: str | None) -> None:
        """Back to concept with the director's comments (asked when not given)."""
        if comments is None:
            comments, ok = QInputDialog.getMultiLineText(
                self, self.tr("Back to draft"), self.tr("What should change?"))
            if not ok:
                return
        self._step("send_back", comments)

    def _step(self, step: str, comments: str = "") -> None:
        """What was typed is saved first, in the same task: a refused save stops the step."""
        draft, typed, editor = self.editor.draft, self.editor.typed(), self.editor
        if draft is None:
            return
        briefs, editing, brief_id = self._briefs, self._editing, draft.id
        calls = {"submit": lambda: briefs.submit(brief_id),
                 "approve": lambda: briefs.approve(brief_id),
                 "send_back": lambda: briefs.send_back(brief_id, comments),
                 "reopen": lambda: briefs.reopen(brief_id)}

        def run() -> Changes:
            changes = Changes()
            if typed:
                version, changes = editing.save(brief_id, draft.version, typed)
                editor_saved.append(version)
            return changes | calls[step]()

        editor_saved: list[int] = []
        self._run_write(self.tr("Reviewing brief"), run,
                        then=lambda: editor.mark_saved(typed, editor_saved[0])
                        if editor_saved else None)

    def add_person(self, name: str) -> None:
        draft = self.editor.draft
        if draft is None:
            return
        editing, brief_id = self._editing, draft.id

        def add() -> Changes:
            found = editing.person_names(name.split(" (")[0])
            exact = [pid for pid, label in found if label.casefold() == name.casefold()]
            if not (exact or found):
                raise UserFacingError(f"Geen persoon gevonden voor \"{name}\". "
                                      f"Gebruik \"Deelnemers plakken…\" om iemand nieuw toe "
                                      f"te voegen.")
            return editing.add_person(brief_id, (exact or [found[0][0]])[0])

        self._run_write(self.tr("Adding person"), add,
                        then=lambda: self.editor.add_name.clear())

    def import_attendees(self, text: str | None) -> None:
        draft = self.editor.draft
        if draft is None:
            return
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("Paste attendees"),
                self.tr("One per line: \"Name, Function, Organisation\" or "
                        "\"Name <address>\", or a CSV with a header row."))
            if not ok:
                return
        prefill, brief_id, feed, pasted = self._prefill, draft.id, self._feed, text

        def run(_ctx: object) -> tuple[str, Changes]:
            return prefill.import_attendees(brief_id, pasted)

        self._runner.run(self.tr("Importing attendees"), run, owner=self, lane=Lane.STORE,
                         on_landed=lambda r: feed.publish(r[1]),
                         on_success=lambda r: self.notice.setText(r[0]),
                         on_failure=self._failed)

    def open_version(self, version_id: int) -> None:
        briefs = self._briefs
        self._runner.run(self.tr("Loading version"), lambda _c: briefs.version_snapshot(
            version_id), owner=self, lane=Lane.STORE, on_success=self._show_version,
                         on_failure=self._failed)

    def _show_version(self, snapshot: dict[str, Any]) -> None:
        dialog = VersionDialog(snapshot, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.version_dialog = dialog

    def _write(self, call: Any) -> None:
        draft = self.editor.draft
        if draft is not None:
            brief_id = draft.id
            self._run_write(self.tr("Changing brief"), lambda: call(brief_id))

    def _run_write(self, label: str, call: Any, then: Any = None) -> None:
        feed = self._feed
        self._runner.run(label, lambda _c: call(), owner=self, lane=Lane.STORE,
                         on_landed=feed.publish, on_failure=self._failed,
                         on_success=(lambda _r: then()) if then else None)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            self.notice.setText(str(exc))  # what was typed stays in the fields
            self.message.emit(str(exc))
            return
        self._runner.report(self.tr("Briefs"), exc)

    # -- the change feed -----------------------------------------------------------------
    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if not changes.touches_any((Kind.BRIEF, Kind.EVENT, Kind.PERSON)):
            return
        self.reload()
        draft = self.editor.draft
        if draft is not None and (draft.id in changes.rows(Kind.BRIEF).all
                                  or changes.touched(Kind.PERSON)):
            current = self.current()
            if current is not None and current.brief_id == draft.id:
                self.load_brief(draft.id, keep_typed=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.create_current()
            return True
        return super().eventFilter(watched, event)


class VersionDialog(QDialog):
    """An earlier version of a fiche, read-only."""

    def __init__(self, snapshot: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier version: %1").replace(
            "%1", str(snapshot.get("title", ""))))
        lines = [f"{key}: {value}" for key, value in snapshot.items()
                 if key != "people" and value]
        lines += [f"- {p.get('name', '')} ({p.get('function', '')}): {p.get('opener', '')}"
                  for p in snapshot.get("people", [])]
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 480)
