"""The mail list's keys: outcomes, Later, flag, read, file, hand on, undo.

Every key acts on the whole selection. A step that takes mails out of the
view selects the next mail at once (before the write lands), so the pane never
flickers or jumps to the top. Writes run on the store lane; each landed step is
announced on the change feed.

Ctrl+Z undoes the last key pressed, also when its write has not landed yet: the
step goes on the undo stack at the key press, and its undo is queued on the same
serial store lane, behind the write it undoes (the write leaves its result in
the entry on that lane's thread, before the undo runs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from kortrijk_cockpit.services.triage import TriageStep
    from kortrijk_cockpit.ui.views.mail.controller import MailController

UNDO_DEPTH = 50


@dataclass
class UndoEntry:
    """One key's step on the undo stack; `step` is set by its write on the store lane,
    `landed` once the GUI heard of it (and announced its changes)."""

    label: str
    step: TriageStep | None = None
    landed: bool = False


def _result(dialog: QDialog, name: str) -> Any:
    value = getattr(dialog, name)
    return value() if callable(value) else value


class TriageActions(QObject):
    def __init__(self, controller: MailController) -> None:
        super().__init__(controller)
        self.c = controller
        self.undo_stack: list[UndoEntry] = []
        self.dialog: QDialog | None = None  # the one open over the area, if any
        keys: list[tuple[str, Callable[[], object]]] = [
            (str(n), lambda n=n: self.outcome_key(str(n))) for n in range(1, 10)]
        keys += [
            ("A", controller.accept_suggestion),
            ("J", lambda: controller.move(1)),
            ("K", lambda: controller.move(-1)),
            ("V", self.file_to_folder),
            ("L", self.later),
            ("I", self.flag),
            ("Shift+I", self.clear_flag),
            ("U", self.toggle_read),
            ("T", self.make_action_point),
            ("G", self.put_on_agenda),
            ("B", self.attach_to_brief),
            ("P", self.link_person),
            ("O", self.received_part),
            ("R", lambda: controller.compose("reply")),
            ("Shift+R", lambda: controller.compose("reply_all")),
            ("Shift+F", lambda: controller.compose("forward")),
            ("Ctrl+Z", self.undo),
            ("?", lambda: controller.area.overlay.toggle(controller.area.list)),
        ]
        for shortcut, slot in keys:
            action = QAction(controller.area.list)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda *_, slot=slot: self._key(slot))
            controller.area.list.addAction(action)

    def _key(self, slot: Callable[[], object]) -> None:
        if self.dialog is None:  # a key meant for an open dialog never triages the list
            slot()

    # -- steps ----------------------------------------------------------------------
    def _step(self, label: str, work: Callable[[list[int]], TriageStep], *,
              ids: list[int] | None = None, advance: bool) -> None:
        chosen = ids if ids is not None else self.c.selected_ids()
        if not chosen:
            return
        if advance:
            self._advance_past(chosen)
        entry = UndoEntry(label)
        self.undo_stack.append(entry)  # now: a Ctrl+Z right after the key undoes this step
        del self.undo_stack[:-UNDO_DEPTH]

        def perform() -> TriageStep:
            entry.step = work(chosen)  # on the store lane, before any undo queued behind it
            return entry.step

        def failed(exc: BaseException) -> None:
            if entry in self.undo_stack:
                self.undo_stack.remove(entry)
            self.c.failed(label, exc)
        def done(step: TriageStep) -> None:
            entry.landed = True
            self.c.message.emit(step.label)
        self.c.write(label, perform, on_success=done, on_failure=failed)

    def _advance_past(self, ids: list[int]) -> None:
        """Select the mail after the last chosen one (or before the first, at the end)."""
        model = self.c.model
        chosen = set(ids)
        rows = [model.row_of(i) for i in ids if model.row_of(i) >= 0]
        if not rows:
            return
        after = next((r for r in range(max(rows) + 1, model.rowCount())
                      if model.id_at(r) not in chosen), None)
        if after is None:
            after = next((r for r in range(min(rows) - 1, -1, -1)
                          if model.id_at(r) not in chosen), None)
        if after is not None:
            self.c.select_row(after)

    def outcome_key(self, key: str) -> None:
        outcome = next((o for o in self.c.outcomes if o.shortcut == key), None)
        if outcome is not None:
            self.apply_outcome(outcome.name)

    def apply_outcome(self, name: str, ids: list[int] | None = None) -> None:
        triage = self.c.services.triage
        self._step(self.tr("Handling mail"), lambda chosen: triage.apply_outcome(chosen, name),
                   ids=ids, advance=True)

    def toggle_read(self) -> None:
        current = self.c.area.list.currentIndex()
        row = self.c.model.mail_row(current.row()) if current.isValid() else None
        if row is None:
            return
        triage = self.c.services.triage
        self._step(self.tr("Marking read or unread"),
                   lambda chosen: triage.set_read(chosen, not row.is_read), advance=False)

    def later(self) -> None:
        from kortrijk_cockpit.ui.dialogs.snooze import SnoozeDialog

        ids = self.c.selected_ids()
        if not ids:
            return
        triage = self.c.services.triage
        self._ask(SnoozeDialog(self.c.services.clock.now(), self.c.area),
                  lambda d: self._chosen(_result(d, "until"), lambda until: self._step(
                      self.tr("Later"), lambda chosen: triage.snooze(chosen, until),
                      ids=ids, advance=True)))

    def flag(self) -> None:
        from kortrijk_cockpit.ui.dialogs.flag_due import FlagDialog

        ids = self.c.selected_ids()
        if not ids:
            return
        triage = self.c.services.triage
        self._ask(FlagDialog(self.c.services.clock.now(), self.c.area),
                  lambda d: self._chosen(_result(d, "due"), lambda due: self._step(
                      self.tr("Flagging"), lambda chosen: triage.flag(chosen, due),
                      ids=ids, advance=False), allow_none=True))

    def clear_flag(self) -> None:
        triage = self.c.services.triage
        self._step(self.tr("Clearing the flag"), lambda chosen: triage.clear_flag(chosen),
                   advance=False)

    def file_to_folder(self) -> None:
        from kortrijk_cockpit.ui.dialogs.file_to_folder import FolderPickerDialog

        ids = self.c.selected_ids()
        folders = self.c.services.folders
        if not ids or folders is None:
            return
        from kortrijk_cockpit.domain import FolderKind

        choices = [f for f in folders.mail_folders() if f.synced and f.kind != FolderKind.IMPORTED]
        triage = self.c.services.triage
        self._ask(FolderPickerDialog(choices, self.c.area),
                  lambda d: self._chosen(_result(d, "folder_id"), lambda folder_id: self._step(
                      self.tr("Filing"), lambda chosen: triage.file(chosen, folder_id),
                      ids=ids, advance=True)))

    @staticmethod
    def _chosen(value: Any, then: Callable[[Any], None], *, allow_none: bool = False) -> None:
        """The dialog's answer is read on the GUI thread; the write gets a plain value."""
        if value is not None or allow_none:
            then(value)

    def undo(self) -> None:
        if not self.undo_stack:
            self.c.message.emit(self.tr("Nothing to undo."))
            return
        entry = self.undo_stack.pop()
        triage = self.c.services.triage

        def reverse() -> TriageStep | None:
            # On the store lane, after the step's own write: it has landed, or failed.
            return triage.undo(entry.step) if entry.step is not None else None

        def undone(result: TriageStep | None) -> None:
            step = entry.step
            if result is None or step is None:
                return  # the step itself failed: its message says so, nothing to undo

            def back() -> None:
                for mail_id in step.mail_ids:  # back where she was, once the list has them
                    if self.c.select_id(mail_id):
                        break
            self.c.message.emit(self.tr("Undone: {step}").format(step=step.label))
            self.c.model.when_settled(back)

        def failed(exc: BaseException) -> None:
            self.undo_stack.append(entry)  # still there to try again
            self.c.failed(self.tr("Undo"), exc)

        self.c.write(self.tr("Undo"), reverse, on_success=undone, on_failure=failed)

    # -- hand on ------------------------------------------------------------------------
    def _hand_on(self, dialog_type: Any, label: str, perform: Callable[[Any], Any], *,
                 every_selected: bool, dialog_service: Any = None) -> None:
        service = dialog_service or self.c.services.handing_on
        current = self.c.current_id()
        if service is None or current is None:
            return
        detail = self.c.services.mail_list.detail(current)
        if detail is None:
            return
        ids = self.c.selected_ids() if every_selected else [current]

        def done(d: QDialog) -> None:
            request = _result(d, "request")
            requests = [replace(request, mail_id=mail_id) for mail_id in ids]
            self.c.write(label, lambda: _merged([perform(r) for r in requests]),
                         on_success=lambda _r: (self.c.message.emit(label), self.c.refresh_pane()))

        self._ask(dialog_type(detail, service, self.c.area), done)

    def make_action_point(self) -> None:
        from kortrijk_cockpit.ui.dialogs.action_point import ActionPointDialog

        service = self.c.services.handing_on
        self._hand_on(ActionPointDialog, self.tr("Action point made"), lambda r: service
                      .make_action_point(r.mail_id, title=r.title, owner_name=r.owner_name,
                                         due_date=r.due_date, owner_person_id=r.owner_person_id),
                      every_selected=False)

    def put_on_agenda(self) -> None:
        from kortrijk_cockpit.ui.dialogs.agenda_item import AgendaItemDialog

        service = self.c.services.handing_on
        self._hand_on(AgendaItemDialog, self.tr("Put on the agenda"), lambda r: service
                      .put_on_agenda(r.mail_id, title=r.title, meeting_id=r.meeting_id,
                                     series_code=r.series_code, kind=r.kind,
                                     owner_name=r.owner_name,
                                     duration_minutes=r.duration_minutes),
                      every_selected=False)

    def attach_to_brief(self) -> None:
        from kortrijk_cockpit.ui.dialogs.brief_link import BriefLinkDialog

        service = self.c.services.handing_on
        self._hand_on(BriefLinkDialog, self.tr("Linked to the brief"),
                      lambda r: service.attach_to_brief(r.mail_id, r.brief_id),
                      every_selected=True)

    def received_part(self) -> None:
        """The mail brings a part of a reporting cycle: that part is ontvangen, its
        document the mail's attachment."""
        from kortrijk_cockpit.ui.dialogs.deliverable_link import DeliverableLinkDialog

        service = self.c.services.reporting_hand_on
        if service is None:
            return
        self._hand_on(DeliverableLinkDialog, self.tr("Reporting part received"),
                      lambda r: service.link(r.deliverable_id, r.mail_id),
                      every_selected=False, dialog_service=service)

    def link_person(self) -> None:
        from kortrijk_cockpit.ui.dialogs.person_link import PersonLinkDialog

        service = self.c.services.handing_on
        self._hand_on(PersonLinkDialog, self.tr("Linked to the person"),
                      lambda r: service.link_person(r.mail_id, r.person_id),
                      every_selected=True)

    def _ask(self, dialog: QDialog, then: Callable[[QDialog], None]) -> None:
        """Open modal over the area (not exec: the GUI keeps running)."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: then(dialog))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()
        dialog.activateWindow()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.c.area.window().activateWindow()
        self.c.area.list.setFocus()  # the keys go on where they were


def _merged(results: list[Any]) -> Any:
    """Several hand-ons in one write: their changes together."""
    from kortrijk_cockpit.changes import NOTHING

    changes = NOTHING
    for result in results:  # a HandOn (with its changes), or the changes themselves
        changes = changes | getattr(result, "changes", result)
    return changes
