"""Opening and saving attachments: a warning before anything executable, the
content fetched on the sync worker's thread when it is not on disk yet, and
the save dialog under a sanitised name.

    actions = AttachmentActions(sync_controller, parent=mail_view)
    actions.connect_pane(reading_pane)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kortrijk_cockpit.exchange.attachments import safe_filename
from kortrijk_cockpit.ui.plain_text import plain_box
from kortrijk_cockpit.ui.views.mail.zone_mark import mark_from_internet

if TYPE_CHECKING:
    from kortrijk_cockpit.services.mail_list import AttachmentInfo
    from kortrijk_cockpit.ui.sync_worker import SyncController
    from kortrijk_cockpit.ui.views.mail.reading_pane import ReadingPane

# Windows runs or interprets these on a double-click: Outlook's Level-1 list (the
# attachments Outlook itself blocks), plus disk images and OneNote files, which carry
# programs past that list. Access databases (mdb, mde, accde) run macros when opened:
# warned too; the office rarely mails them, and then a warning costs one click.
EXECUTABLE = frozenset({
    "ade", "adp", "app", "appcontent-ms", "application", "appref-ms", "appx", "appxbundle",
    "asp", "aspx", "asx", "bas", "bat", "bgi", "cab", "cer", "chm", "cmd", "cnt", "com",
    "cpl", "crt", "csh", "der", "diagcab", "dll", "exe", "fxp", "gadget", "grp", "hlp", "hpj",
    "hta", "htc", "img", "inf", "ins", "iso", "isp", "its", "jar", "jnlp", "js", "jse", "ksh",
    "library-ms", "lnk", "mad", "maf", "mag", "mam", "maq", "mar", "mas", "mat", "mau", "mav",
    "maw", "mcf", "mda", "mdb", "mde", "accde", "mdt", "mdw", "mdz", "msc", "msh", "msh1",
    "msh2", "mshxml", "msh1xml", "msh2xml", "msi", "msix", "msixbundle", "msp", "mst", "msu",
    "one", "onepkg", "ops", "osd", "pcd", "pif", "pl", "plg", "prf", "prg", "printerexport",
    "ps1", "ps1xml", "ps2", "ps2xml", "psc1", "psc2", "psd1", "psdm1", "psm1", "pst", "py",
    "pyc", "pyo", "pyw", "pyz", "pyzw", "reg", "scf", "scr", "sct", "search-ms",
    "settingcontent-ms", "shb", "shs", "sys", "theme", "tmp", "url", "vb", "vbe", "vbp",
    "vbs", "vhd", "vhdx", "vsmacros", "vsw", "webpnp", "website", "ws", "wsb", "wsc", "wsf",
    "wsh", "xbap", "xll", "xnk",
})


def is_executable(name: str) -> bool:
    """'factuur.pdf.exe', 'x.EXE', 'script.js. ' (Windows drops the trailing dot) all are."""
    cleaned = safe_filename(name).lower().rstrip(". ")
    _, dot, extension = cleaned.rpartition(".")
    return bool(dot) and extension in EXECUTABLE


def _open_on_desktop(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentActions(QObject):
    status = Signal(str)  # for the status bar; "" when nothing is on its way

    def __init__(self, controller: SyncController | None, parent: QWidget | None = None, *,
                 open_file: Callable[[Path], bool] = _open_on_desktop,
                 ask_save_path: Callable[[str], str | None] | None = None,
                 confirm_executable: Callable[[str], bool] | None = None,
                 show_error: Callable[[str], None] | None = None,
                 mark: Callable[[Path], object] = mark_from_internet) -> None:
        super().__init__(parent)
        self._parent = parent
        self._controller = controller
        self._open_file = open_file
        self._ask_save_path = ask_save_path or self._save_dialog
        self._confirm_executable = confirm_executable or self._executable_dialog
        self._show_error = show_error or self._error_dialog
        self._mark = mark  # the Mark of the Web: Office opens it in Protected View
        # What to do with each attachment once it arrives: ("open", None) or ("save", target).
        self._waiting: dict[int, list[tuple[str, Path | None]]] = {}
        self._names: dict[int, str] = {}
        if controller is not None:
            controller.attachment_ready.connect(self._ready)
            controller.attachment_failed.connect(self._failed)

    def connect_pane(self, pane: ReadingPane) -> None:
        def with_info(action: Callable[[AttachmentInfo], None]) -> Callable[[int], None]:
            def run(attachment_id: int) -> None:
                info = pane.attachment(attachment_id)
                if info is not None:
                    action(info)
            return run

        pane.open_attachment.connect(with_info(self.open))
        pane.save_attachment.connect(with_info(self.save))

    def open(self, info: AttachmentInfo) -> None:
        if is_executable(info.name) and not self._confirm_executable(info.name):
            return
        local = self._on_disk(info)
        if local is not None:
            self._launch(local)
        else:
            self._fetch(info, ("open", None))

    def save(self, info: AttachmentInfo) -> None:
        chosen = self._ask_save_path(safe_filename(info.name))
        if not chosen:
            return
        target = Path(chosen)
        local = self._on_disk(info)
        if local is not None:
            self._copy(local, target)
        else:
            self._fetch(info, ("save", target))

    def pending(self) -> bool:
        return bool(self._waiting)

    # -- on its way ---------------------------------------------------------------

    def _fetch(self, info: AttachmentInfo, what: tuple[str, Path | None]) -> None:
        if self._controller is None:
            self._show_error(self.tr("Attachments cannot be fetched without a connection to "
                                     "Exchange."))
            return
        first = info.id not in self._waiting
        self._waiting.setdefault(info.id, []).append(what)
        self._names[info.id] = info.name
        self.status.emit(self.tr("“{name}” is being fetched…").format(name=info.name))
        if first:
            self._controller.fetch_attachment(info.id)

    @Slot(int, str)
    def _ready(self, attachment_id: int, path: str) -> None:
        for kind, target in self._take(attachment_id):
            if kind == "open":
                self._launch(Path(path))
            elif target is not None:
                self._copy(Path(path), target)

    @Slot(int, str)
    def _failed(self, attachment_id: int, message: str) -> None:
        if self._take(attachment_id):
            self._show_error(message)

    def _take(self, attachment_id: int) -> list[tuple[str, Path | None]]:
        waiting = self._waiting.pop(attachment_id, [])
        self._names.pop(attachment_id, None)
        if not self._waiting:
            self.status.emit("")
        return waiting

    # -- files ----------------------------------------------------------------------

    @staticmethod
    def _on_disk(info: AttachmentInfo) -> Path | None:
        if info.saved_path and Path(info.saved_path).is_file():
            return Path(info.saved_path)
        return None

    def _launch(self, path: Path) -> None:
        self._mark(path)
        if not self._open_file(path):
            self._show_error(self.tr("The attachment could not be opened."))

    def _copy(self, source: Path, target: Path) -> None:
        try:
            shutil.copyfile(source, target)
            self._mark(target)
        except OSError as exc:
            self._show_error(self.tr("The attachment could not be saved: {reason}").format(
                reason=exc.strerror or str(exc)))

    # -- dialogs (replaced in tests that are not about them) ---------------------------

    def _save_dialog(self, name: str) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        chosen, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Save attachment"),
                                                str(Path(folder) / name))
        return chosen or None

    def executable_box(self, name: str) -> QMessageBox:
        """The warning before an executable opens; the name is shown as plain text."""
        box = plain_box(QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Open attachment"),
            self.tr("“{name}” is a program or script. Opening it can run code on "
                    "this computer.\n\nOpen only what you expected from a sender "
                    "you know. Open it anyway?").format(name=name),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            self._parent))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("executableWarning")
        return box

    def _executable_dialog(self, name: str) -> bool:
        box = self.executable_box(name)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Open

    def _error_dialog(self, message: str) -> None:
        box = plain_box(QMessageBox(QMessageBox.Icon.Warning, self.tr("Open attachment"),
                                    message, QMessageBox.StandardButton.Ok, self._parent))
        box.exec()
        box.deleteLater()
