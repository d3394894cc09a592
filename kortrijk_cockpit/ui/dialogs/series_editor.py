"""Overlegreeksen: a series' members, chair and minute-taker, distribution list, agenda
sections, closures and deadlines; new series and deleting one. Keyboard first: members
are added by typing a name (Enter), sections move with Ctrl+Up/Down, Ctrl+S saves, Esc
asks before dropping changes. Reads and writes run on the store lane."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.ui.dialogs.keep_changes import ask_to_keep
from kortrijk_cockpit.ui.dialogs.messages import show_failure
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.series import (
        PersonChoice,
        SeriesDraft,
        SeriesService,
        SeriesSummary,
        SeriesWrite,
    )
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
ITEM_ID = Qt.ItemDataRole.UserRole + 1


class TextListModel(QAbstractListModel):
    """An ordered list of texts (agenda sections; members by label with their id)."""

    def __init__(self, parent: QWidget | None = None, *, editable: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int | None]] = []
        self._editable = editable

    def texts(self) -> list[str]:
        return [text for text, _id in self._rows]

    def ids(self) -> list[int]:
        return [row_id for _text, row_id in self._rows if row_id is not None]

    def set_rows(self, rows: list[tuple[str, int | None]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self._editable else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text, row_id = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        return row_id if role == ITEM_ID else None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()] = (str(value).strip(), self._rows[index.row()][1])
        self.dataChanged.emit(index, index)
        return True

    def add(self, text: str, row_id: int | None = None) -> int:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append((text, row_id))
        self.endInsertRows()
        return at

    def remove(self, row: int) -> tuple[str, int | None]:
        self.beginRemoveRows(QModelIndex(), row, row)
        gone = self._rows.pop(row)
        self.endRemoveRows()
        return gone

    def move(self, row: int, by: int) -> int:
        to = row + by
        if not (0 <= row < len(self._rows) and 0 <= to < len(self._rows)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if by > 0 else to)
        self._rows.insert(to, self._rows.pop(row))
        self.endMoveRows()
        return to


def _shortcut(widget: QWidget, keys: str, slot: Any) -> None:
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


def _time(text: str) -> QTime:
    return QTime.fromString(text, "HH:mm") if text else QTime(9, 0)


class SeriesEditorDialog(QDialog):
    saved = Signal(int)  # series id
    deleted = Signal(int)
    series_loaded = Signal()

    def __init__(self, service: SeriesService, runner: TaskRunner, feed: ChangeFeed,
                 series_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._feed = feed
        self._wanted_id = series_id
        self._people: list[PersonChoice] = []
        self._summaries: list[SeriesSummary] = []
        self._loaded: SeriesDraft | None = None
        self.keep_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Meeting series"))
        self.resize(760, 640)

        self.series_box = QComboBox()
        self.series_box.activated.connect(self._choose)
        self.new_button = QPushButton(self.tr("&New series"))
        self.new_button.clicked.connect(self.new_series)
        self.delete_button = QPushButton(self.tr("De&lete series…"))
        self.delete_button.clicked.connect(self.delete_series)
        self.themes_button = QPushButton(self.tr("T&hemes…"))
        self.themes_button.clicked.connect(self.open_themes)
        top = QHBoxLayout()
        top.addWidget(self.series_box, 1)
        for button in (self.new_button, self.themes_button, self.delete_button):
            top.addWidget(button)

        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.name = QLineEdit()
        self.weekday = QComboBox()
        self.weekday.addItem(self.tr("(no fixed day)"), None)
        for day, label in enumerate((self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                                     self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                                     self.tr("Sunday"))):
            self.weekday.addItem(label, day)
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(5, 720)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.location = QLineEdit()

        self.members = TextListModel(self)
        self.members_view = QListView()
        self.members_view.setModel(self.members)
        self.members_view.setMaximumHeight(130)
        self.member_input = QLineEdit()
        self.member_input.setPlaceholderText(self.tr("Type a name and press Enter to add"))
        # Enter adds the typed person (and must not press Save): see eventFilter.
        self.member_input.installEventFilter(self)
        self.completer_model = QStringListModel(self)
        self.completer = QCompleter(self.completer_model, self)
        self.completer.activated.connect(self._completed)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.member_input.setCompleter(self.completer)
        _shortcut(self.members_view, "Del", self.remove_member)
        self.chair = QComboBox()
        self.minute_taker = QComboBox()
        self.distribution = QPlainTextEdit()
        self.distribution.setTabChangesFocus(True)
        self.distribution.setMaximumHeight(90)

        self.sections = TextListModel(self, editable=True)
        self.sections_view = QListView()
        self.sections_view.setModel(self.sections)
        self.sections_view.setMaximumHeight(150)
        for keys, slot in (("Ins", self.add_section), ("Del", self.remove_section),
                           ("Ctrl+Up", lambda: self.move_section(-1)),
                           ("Ctrl+Down", lambda: self.move_section(1))):
            _shortcut(self.sections_view, keys, slot)
        self.closures = QPlainTextEdit()
        self.closures.setTabChangesFocus(True)
        self.closures.setMaximumHeight(60)
        self.closures.setPlaceholderText(self.tr("One period per line: 2026-07-20/2026-08-14"))
        self.close_days = QSpinBox()
        self.close_days.setRange(0, 20)
        self.close_days.setSuffix(self.tr(" working days before"))
        self.close_time = QTimeEdit()
        self.close_time.setDisplayFormat("HH:mm")
        self.stukken_days = QSpinBox()
        self.stukken_days.setRange(0, 30)
        self.stukken_days.setSuffix(self.tr(" working days before"))

        form = QFormLayout()
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("&Name"), self.name)
        when = QHBoxLayout()
        for widget in (self.weekday, self.start, self.duration):
            when.addWidget(widget)
        form.addRow(self.tr("&Weekday, time, length"), when)
        self.weekday_label = form.labelForField(when)
        form.addRow(self.tr("&Place"), self.location)
        form.addRow(self.tr("&Members"), self.member_input)
        form.addRow("", self.members_view)
        form.addRow(self.tr("C&hair"), self.chair)
        form.addRow(self.tr("Minute-&taker"), self.minute_taker)
        form.addRow(self.tr("&Distribution list"), self.distribution)
        form.addRow(self.tr("Agenda &sections"), self.sections_view)
        form.addRow("", QLabel(self.tr("Ins adds, F2 renames, Del removes, Ctrl+Up/Down "
                                       "moves a section.")))
        form.addRow(self.tr("Cl&osures"), self.closures)
        closing = QHBoxLayout()
        closing.addWidget(self.close_days)
        closing.addWidget(self.close_time)
        form.addRow(self.tr("Agenda c&loses"), closing)
        form.addRow(self.tr("St&ukken due"), self.stukken_days)

        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_keys = QShortcut(QKeySequence.StandardKey.Save, self)
        save_keys.activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._set_enabled(False)
        self._load(series_id)

    # -- loading ---------------------------------------------------------------
    def _load(self, series_id: int | None) -> None:
        service = self._service

        def read(_c: object) -> tuple[list[PersonChoice], list[SeriesSummary],
                                      SeriesDraft | None]:
            summaries = service.all_series()
            wanted = series_id if series_id is not None else (
                summaries[0].id if summaries else None)
            return service.people(), summaries, (
                service.series(wanted) if wanted is not None else None)

        self._runner.run(self.tr("Loading the meeting series"), read, owner=self,
                         lane=Lane.STORE, on_success=self._show_loaded,
                         on_failure=self._failed)

    def _show_loaded(self, loaded: tuple[list[PersonChoice], list[SeriesSummary],
                                         SeriesDraft | None]) -> None:
        from kortrijk_cockpit.services.series import SeriesDraft

        self._people, self._summaries, draft = loaded
        self.completer_model.setStringList([self._person_label(p) for p in self._people])
        self.series_box.clear()
        for summary in self._summaries:
            self.series_box.addItem(f"{summary.code} · {summary.name}", summary.id)
        self._show_draft(draft or SeriesDraft(code="", name=""))
        self._set_enabled(True)
        self.loaded()

    def loaded(self) -> None:
        """The form shows a series now (tests and callers wait for it)."""
        self.series_loaded.emit()

    def _show_draft(self, draft: SeriesDraft) -> None:
        self._loaded = draft
        if draft.id is not None:
            self.series_box.setCurrentIndex(self.series_box.findData(draft.id))
        else:
            self.series_box.setCurrentIndex(-1)
        self.code.setText(draft.code)
        self.name.setText(draft.name)
        self.weekday.setCurrentIndex(self.weekday.findData(draft.weekday)
                                     if draft.weekday is not None else 0)
        self.start.setTime(_time(draft.start_time))
        self.duration.setValue(draft.duration_minutes)
        self.location.setText(draft.location)
        by_id = {p.id: p for p in self._people}
        self.members.set_rows([(by_id[i].name if i in by_id else "?", i)
                               for i in draft.member_ids])
        self._refresh_roles(draft.chair_person_id, draft.minute_taker_person_id)
        self.distribution.setPlainText("\n".join(draft.distribution))
        self.sections.set_rows([(s, None) for s in draft.agenda_sections])
        self.closures.setPlainText("\n".join(str(c) for c in draft.closures))
        self.close_days.setValue(draft.agenda_close_days)
        self.close_time.setTime(_time(draft.agenda_close_time))
        self.stukken_days.setValue(draft.stukken_lead_days)
        self.delete_button.setEnabled(draft.id is not None)
        self.themes_button.setEnabled(draft.id is not None)
        self.message.clear()
        self._loaded = self.draft() if self._parses() else draft
        self.code.setFocus()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.series_box, self.new_button, self.code, self.name,
                       self.member_input, self.buttons):
            widget.setEnabled(enabled)

    @staticmethod
    def _person_label(person: PersonChoice) -> str:
        return f"{person.name} ({person.function})" if person.function else person.name

    # -- the form --------------------------------------------------------------
    def _parses(self) -> bool:
        try:
            self.draft()
        except UserFacingError:
            return False
        return True

    def draft(self) -> SeriesDraft:
        """What the form shows, on the loaded series' id and version."""
        from kortrijk_cockpit.services.series import Closure, SeriesDraft

        base = self._loaded or SeriesDraft(code="", name="")
        return replace(
            base, code=self.code.text().strip(), name=self.name.text().strip(),
            weekday=self.weekday.currentData(), start_time=self.start.time().toString("HH:mm"),
            duration_minutes=self.duration.value(), location=self.location.text().strip(),
            member_ids=tuple(self.members.ids()), chair_person_id=self.chair.currentData(),
            minute_taker_person_id=self.minute_taker.currentData(),
            distribution=tuple(line.strip() for line in
                               self.distribution.toPlainText().splitlines() if line.strip()),
            agenda_sections=tuple(self.sections.texts()),
            closures=tuple(Closure.parse(line) for line in
                           self.closures.toPlainText().splitlines() if line.strip()),
            agenda_close_days=self.close_days.value(),
            agenda_close_time=self.close_time.time().toString("HH:mm"),
            stukken_lead_days=self.stukken_days.value())

    def is_dirty(self) -> bool:
        if self._loaded is None:
            return False
        try:
            return self.draft() != self._loaded
        except UserFacingError:
            return True  # a half-typed closure is typed work too

    def _refresh_roles(self, chair: int | None, minute_taker: int | None) -> None:
        for box, chosen in ((self.chair, chair), (self.minute_taker, minute_taker)):
            box.clear()
            box.addItem(self.tr("(nobody)"), None)
            for row in range(self.members.rowCount()):
                index = self.members.index(row)
                box.addItem(index.data(), index.data(ITEM_ID))
            found = box.findData(chosen) if chosen is not None else 0
            box.setCurrentIndex(max(found, 0))

    def add_typed_member(self) -> None:
        typed = self.member_input.text().strip().casefold()
        if not typed:
            return
        matches = [p for p in self._people if typed == self._person_label(p).casefold()
                   or typed == p.name.casefold()] or \
                  [p for p in self._people if typed in self._person_label(p).casefold()]
        if len(matches) != 1:
            self.message.setText(self.tr("No single person matches \u201c{typed}\u201d.")
                                 .format(typed=self.member_input.text().strip()))
            return
        self.add_member(matches[0])
        self.member_input.clear()
        self.completer.popup().hide()

    def _completed(self, text: str) -> None:
        self.member_input.setText(text)
        self.add_typed_member()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.member_input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.add_typed_member()
                return True
        return super().eventFilter(watched, event)

    def add_member(self, person: PersonChoice) -> None:
        if person.id in self.members.ids():
            self.message.setText(self.tr("{name} is already a member.").format(name=person.name))
            return
        self.members.add(person.name, person.id)
        self._refresh_roles(self.chair.currentData(), self.minute_taker.currentData())
        lines = self.distribution.toPlainText().splitlines()
        if person.address and person.address not in lines:
            self.distribution.setPlainText("\n".join([*filter(None, lines), person.address]))
        self.message.clear()

    def remove_member(self) -> None:
        row = self.members_view.currentIndex().row()
        if row < 0:
            return
        _name, person_id = self.members.remove(row)
        person = next((p for p in self._people if p.id == person_id), None)
        if person is not None:  # the default address goes with the member
            lines = [line for line in self.distribution.toPlainText().splitlines()
                     if line.strip() != person.address]
            self.distribution.setPlainText("\n".join(lines))
        chair, taker = self.chair.currentData(), self.minute_taker.currentData()
        self._refresh_roles(None if chair == person_id else chair,
                            None if taker == person_id else taker)

    def add_section(self) -> None:
        row = self.sections.add(self.tr("New section"))
        index = self.sections.index(row)
        self.sections_view.setCurrentIndex(index)
        self.sections_view.edit(index)

    def remove_section(self) -> None:
        row = self.sections_view.currentIndex().row()
        if row >= 0:
            self.sections.remove(row)

    def move_section(self, by: int) -> None:
        current = self.sections_view.currentIndex()
        if current.isValid():
            self.sections_view.setCurrentIndex(self.sections.index(
                self.sections.move(current.row(), by)))

    # -- switching, new, delete -----------------------------------------------
    def _choose(self, row: int) -> None:
        series_id = self.series_box.itemData(row)
        if self._loaded is not None and series_id == self._loaded.id:
            return
        if self.is_dirty():
            self.series_box.setCurrentIndex(self.series_box.findData(self._loaded.id)
                                            if self._loaded and self._loaded.id else -1)
            self.message.setText(self.tr("Save or cancel the changes to this series first."))
            return
        self._load(series_id)

    def new_series(self) -> None:
        from kortrijk_cockpit.services.series import SeriesDraft

        if self.is_dirty():
            self.message.setText(self.tr("Save or cancel the changes to this series first."))
            return
        self._show_draft(SeriesDraft(code="", name=""))

    def delete_series(self) -> None:
        loaded = self._loaded
        if loaded is None or loaded.id is None:
            return
        summary = next((s for s in self._summaries if s.id == loaded.id), None)
        meetings = summary.meetings if summary else 0
        text = (self.tr("Delete the series {code}? Its {count} meeting(s) stay, without a "
                        "series; its members and themes go.")
                .format(code=loaded.code, count=meetings) if meetings else
                self.tr("Delete the series {code} with its members and themes?")
                .format(code=loaded.code))
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(box.deleteLater)
        series_id, version, service, feed = loaded.id, loaded.version, self._service, self._feed

        def answered(result: int) -> None:
            if result != QMessageBox.StandardButton.Yes.value:
                return
            self._runner.run(
                self.tr("Deleting the meeting series"),
                lambda _c: service.delete(series_id, version, keep_meetings=True),
                owner=self, lane=Lane.STORE, on_landed=lambda c: feed.publish(c, None),
                on_success=lambda _c: self._deleted(series_id), on_failure=self._failed)

        box.finished.connect(answered)
        self.delete_question = box
        box.open()

    def _deleted(self, series_id: int) -> None:
        self._loaded = None
        self.deleted.emit(series_id)
        self._load(None)

    def open_themes(self) -> None:
        from kortrijk_cockpit.ui.dialogs.themes_editor import ThemesEditorDialog

        loaded = self._loaded
        if loaded is None or loaded.id is None:
            return
        dialog = ThemesEditorDialog(self._service, self._runner, self._feed, loaded.id,
                                    loaded.version, f"{loaded.code} · {loaded.name}", self)
        dialog.saved.connect(self._themes_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.themes_dialog = dialog
        dialog.open()

    def _themes_saved(self, version: int) -> None:
        # The themes belong to the series' version: the next save goes on the new one.
        if self._loaded is not None:
            self._loaded = replace(self._loaded, version=version)

    # -- saving ----------------------------------------------------------------
    def save(self) -> None:
        from kortrijk_cockpit.services.series import validate

        try:
            draft = self.draft()
        except UserFacingError as exc:
            self.message.setText(exc.user_message)
            return
        problem = validate(draft)
        if problem:
            self.message.setText(problem)
            return
        service, feed = self._service, self._feed
        self._runner.run(self.tr("Saving the meeting series"), lambda _c: service.save(draft),
                         owner=self, lane=Lane.STORE,
                         on_landed=lambda w: feed.publish(w.changes, None),
                         on_success=self._saved, on_failure=self._failed)

    def _saved(self, written: SeriesWrite) -> None:
        self._loaded = None
        self.saved.emit(written.series_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConcurrentEditError):
            self.stale_box = show_failure(
                self, self.windowTitle(), exc,
                reload=lambda: self._load(self._loaded.id if self._loaded else None))
        elif isinstance(exc, UserFacingError):
            self.message.setText(exc.user_message)
        else:
            self._runner.report(self.windowTitle(), exc)

    def reject(self) -> None:
        """Esc or Cancel: ask first when something was changed."""
        if not self.is_dirty() or self.keep_question is not None:
            super().reject()
            return
        self.keep_question = ask_to_keep(
            self, self.tr("Save the changes to this meeting series?"), save=self.save,
            discard=lambda: super(SeriesEditorDialog, self).reject(),
            answered=lambda: setattr(self, "keep_question", None))


def open_series_editor(parent: QWidget, service: SeriesService, runner: TaskRunner,
                       feed: ChangeFeed, series_id: int | None = None) -> SeriesEditorDialog:
    """Open (not exec) the editor on a series, or on the first one; for the File menu and
    the Overleg area's `series_edit_requested`."""
    dialog = SeriesEditorDialog(service, runner, feed, series_id, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
