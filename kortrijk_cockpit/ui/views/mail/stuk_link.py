""""Koppel als stuk": a bar above a mail that brings a requested stuk (same conversation
as the request, or a sender with an open request), linking its attachment to the
request; "Ontkoppel" (or `undo_last`, for Ctrl+Z) undoes it.

    link = StukLink(stukken_service, runner, feed, pane, sync=sync_controller)
    link.show_for(detail)  # after the pane shows a mail

The attachment's content must be on disk: an imported mail's is; a synced mail's is
fetched by the sync worker first (it owns the backend).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from kortrijk_cockpit.changes import Changes
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.formatting import format_datetime
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import AttachmentInfo, MailDetail
    from kortrijk_cockpit.services.stukken import Candidate, Linked, StukkenService
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner
    from kortrijk_cockpit.ui.views.mail.reading_pane import ReadingPane

# (title, options) -> the chosen index, or None when she cancels.
Chooser = Callable[[str, Sequence[str]], int | None]


class StukLinkBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionBar")
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.link_button = QPushButton(self.tr("Link as document"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        self.hide()


class StukLink(QObject):
    linked = Signal(int)  # request id: the link landed
    unlinked = Signal(int)  # request id
    message = Signal(str)  # for the status bar

    def __init__(self, service: StukkenService, runner: TaskRunner, feed: ChangeFeed,
                 pane: ReadingPane, *, sync: Any = None, choose: Chooser | None = None,
                 show_error: Callable[[str], None] | None = None) -> None:
        super().__init__(pane)
        self._service = service
        self._runner = runner
        self._feed = feed
        self._pane = pane
        self._sync: Any = None
        self._choose = choose or self._choose_dialog
        self._show_error = show_error or self._error_dialog
        self.bar = StukLinkBar(pane)
        pane.content.layout().insertWidget(0, self.bar)
        self.bar.link_button.clicked.connect(self.link)
        self.bar.unlink_button.clicked.connect(self.undo_last)
        self._detail: MailDetail | None = None
        self._candidates: list[Candidate] = []
        self._asking = 0  # answers for a mail she left are dropped
        self._last: Linked | None = None
        # attachment id -> the request it is being fetched for
        self._fetching: dict[int, int] = {}
        self.set_sync(sync)

    def set_sync(self, sync: Any) -> None:
        """The sync worker that fetches attachments (None: not connected)."""
        if sync is self._sync:
            return
        if self._sync is not None:
            self._sync.attachment_ready.disconnect(self._fetched)
            self._sync.attachment_failed.disconnect(self._fetch_failed)
        self._sync = sync
        if sync is not None:
            sync.attachment_ready.connect(self._fetched)
            sync.attachment_failed.connect(self._fetch_failed)

    # -- showing ---------------------------------------------------------------------
    def show_for(self, detail: MailDetail | None) -> None:
        """Ask (on the runner) which open requests this mail may answer."""
        self._asking += 1
        self._detail = detail
        self._candidates = []
        if self._last is not None and detail is not None and self._last.mail_id == detail.id:
            self._show_linked()
            return
        self.bar.hide()
        if detail is None or not self._files(detail):
            return
        generation, mail_id, service = self._asking, detail.id, self._service

        def landed(found: list[Candidate]) -> None:
            if generation == self._asking:
                self._candidates = found
                self._show_candidates()
        self._runner.run(self.tr("Looking for requested documents"),
                         lambda _ctx: service.candidates(mail_id), owner=self,
                         on_success=landed)

    def candidates(self) -> list[Candidate]:
        return list(self._candidates)

    def _show_candidates(self) -> None:
        if not self._candidates:
            self.bar.hide()
            return
        first = self._candidates[0]
        if len(self._candidates) == 1:
            text = self.tr("This mail may bring the document \"{title}\" for {meeting}.").format(
                title=first.title, meeting=self._meeting(first))
        else:
            text = self.tr("This mail may bring %n requested document(s) for {meeting}.", "",
                           len(self._candidates)).format(meeting=self._meeting(first))
        self.bar.label.setText(text)
        self.bar.link_button.show()
        self.bar.unlink_button.hide()
        self.bar.show()

    def _show_linked(self) -> None:
        self.bar.label.setText(self.tr("Linked as document: {path}").format(
            path=Path(self._last.saved_path).name if self._last else ""))
        self.bar.link_button.hide()
        self.bar.unlink_button.show()
        self.bar.show()

    def _meeting(self, c: Candidate) -> str:
        return f"{c.meeting_title} {format_datetime(c.meeting_starts_at)}"

    # -- linking ---------------------------------------------------------------------
    def link(self) -> None:
        """Choose the request (when several) and the attachment (when several), then link."""
        detail = self._detail
        if detail is None or not self._candidates:
            return
        request = self._pick(self.tr("Which requested document does this mail bring?"),
                             [f"{c.title} ({self._meeting(c)})" for c in self._candidates],
                             self._candidates)
        files = self._files(detail)
        attachment = self._pick(self.tr("Which attachment is the document?"),
                                [a.name for a in files], files)
        if request is None or attachment is None:
            return
        on_disk = bool(attachment.saved_path) and Path(attachment.saved_path or "").is_file()
        if on_disk:
            self._write(request.request_id, detail.id, attachment.id)
        elif self._sync is not None:
            self._fetching[attachment.id] = request.request_id
            self.message.emit(self.tr("Fetching {name}…").format(name=attachment.name))
            self._sync.fetch_attachment(attachment.id)
        else:
            self._show_error(self.tr("The attachment is not on this computer yet and there is "
                                     "no connection to Exchange."))

    def undo_last(self) -> bool:
        """Unlink the last stuk linked here (Ctrl+Z); False when there is none."""
        last = self._last
        if last is None:
            return False
        self._last = None
        service = self._service

        def done(_changes: Changes) -> None:
            self.unlinked.emit(last.request_id)
            self.show_for(self._detail)
        self._store(self.tr("Unlinking the document"),
                    lambda: service.unlink(last.request_id), done)
        return True

    def _write(self, request_id: int, mail_id: int, attachment_id: int) -> None:
        service = self._service

        def done(result: Linked) -> None:
            self._last = result
            self.linked.emit(request_id)
            if self._detail is not None and self._detail.id == mail_id:
                self._show_linked()
        self._store(self.tr("Linking the document"),
                    lambda: service.link(request_id, mail_id, attachment_id), done)

    def _store(self, label: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        feed = self._feed

        def announce(result: object) -> None:
            changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
            if isinstance(changes, Changes):
                feed.publish(changes, self)
        self._runner.run(label, lambda _ctx: work(), owner=self, lane=Lane.STORE,
                         on_landed=announce, on_success=done, on_failure=self._failed)

    def _fetched(self, attachment_id: int, _path: str) -> None:
        request_id = self._fetching.pop(attachment_id, None)
        detail = self._detail
        if request_id is not None and detail is not None:
            self.message.emit("")
            self._write(request_id, detail.id, attachment_id)

    def _fetch_failed(self, attachment_id: int, message: str) -> None:
        if self._fetching.pop(attachment_id, None) is not None:
            self.message.emit("")
            self._show_error(message)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            self._show_error(exc.user_message)
        else:
            self._runner.report(self.tr("Linking the document"), exc)

    def _pick(self, title: str, labels: list[str], values: Sequence[Any]) -> Any:
        if len(values) == 1:
            return values[0]
        index = self._choose(title, labels)
        return values[index] if index is not None and 0 <= index < len(values) else None

    @staticmethod
    def _files(detail: MailDetail) -> list[AttachmentInfo]:
        return [a for a in detail.attachments if not a.is_inline]

    def _choose_dialog(self, title: str, options: Sequence[str]) -> int | None:
        chosen, ok = QInputDialog.getItem(self._pane, self.tr("Link as document"), title,
                                          list(options), 0, False)
        return list(options).index(chosen) if ok and chosen in options else None

    def _error_dialog(self, message: str) -> None:
        from kortrijk_cockpit.ui.dialogs.messages import show_failure

        show_failure(self._pane, self.tr("Link as document"), UserFacingError(message))
