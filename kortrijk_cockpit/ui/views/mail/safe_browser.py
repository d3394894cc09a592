"""A QTextBrowser that shows sanitised mail and never reaches out by itself.

`loadResource` is the one door through which a QTextDocument asks for
images and style sheets. Here it serves only the mail's own inline (`cid:`)
images, a placeholder for blocked remote images, and, when the user allowed
images for this sender, the remote images the sanitiser let through: those
are fetched on the task runner (never on the GUI thread) and shown when they
arrive: at most MAX_IMAGES_PER_MAIL per mail, only from public addresses
(`image_fetch.py`), those of a mail no longer shown cancelled, and laid out
once when the last one lands (or every RELAYOUT_MS while slow ones still come).
Links are never followed inside the pane: they go to a hook (the desktop's
browser or mail program by default).
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QTimer, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from kortrijk_cockpit.task_context import TaskContext
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.image_fetch import AddressPolicy, fetch_image, is_public_address

log = logging.getLogger(__name__)

BLOCKED_SCHEME = "cockpit-blocked"  # as services/mail_html.py writes it
SAFE_LINK_SCHEMES = ("http", "https", "mailto")
MAX_IMAGES_PER_MAIL = 20  # a newsletter's logo and photos; not a tracking pixel farm
RELAYOUT_MS = 400  # images that arrived are shown at least this often while others come


def content_id_key(content_id: str) -> str:
    """'<Logo@Kortrijk>' and 'cid:logo@kortrijk' name the same inline image."""
    value = content_id.strip()
    if value.lower().startswith("cid:"):
        value = value[4:]
    return value.strip("<>").lower()


def _image_or_none(address: str, ctx: TaskContext, allowed: AddressPolicy) -> bytes | None:
    """A refused, unreachable, broken or oversized image stays a gap: nothing to tell."""
    try:
        return fetch_image(address, ctx, allowed=allowed)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        log.info("remote image not shown: %s", exc)
        return None


def _placeholder() -> QImage:
    image = QImage(32, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("#e6e6e6"))
    painter = QPainter(image)
    painter.setPen(QColor("#9a9a9a"))
    painter.drawRect(0, 0, 31, 23)
    painter.drawLine(0, 0, 31, 23)
    painter.drawLine(31, 0, 0, 23)
    painter.end()
    return image


def _open_on_desktop(url: QUrl) -> None:
    QDesktopServices.openUrl(url)


class SafeBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None, *, runner: TaskRunner | None = None,
                 open_url: Callable[[QUrl], None] = _open_on_desktop,
                 confirm_open: Callable[[QUrl], bool] | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.runner = runner
        self._open_url = open_url
        self._confirm_open = confirm_open or self._ask_before_opening
        self._inline: dict[str, Path | bytes] = {}
        self._allowed_remote: set[str] = set()
        self._remote: dict[str, QImage] = {}  # fetched, for this mail
        self._tasks: dict[str, int] = {}  # address -> the runner's task, on its way
        self._asked: set[str] = set()  # fetches started for this mail (each once)
        self._generation = 0  # of the mail shown: answers for an older one are dropped
        self._unshown = False  # images arrived since the last layout
        self.relayouts = 0  # layouts redone for arrived images (the tests count them)
        # Who may be connected to: public addresses; tests allow their loopback server.
        self.address_allowed: AddressPolicy = is_public_address
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(RELAYOUT_MS)
        self._relayout.timeout.connect(self._lay_out_again)
        self._html = ""
        self._laid_out = ""  # the HTML laid out last
        self._placeholder: QImage | None = None
        self._nothing = QImage(1, 1, QImage.Format.Format_ARGB32)
        self._nothing.fill(QColor(0, 0, 0, 0))
        self.anchorClicked.connect(self._follow)

    def show_html(self, html: str, *, inline: dict[str, Path | bytes] | None = None,
                  remote_images: tuple[str, ...] = ()) -> None:
        """Show sanitised HTML; `remote_images` are the addresses the user allowed."""
        if self._html != html or set(remote_images) != self._allowed_remote:
            self._forget_remote()
        self._inline = {content_id_key(k): v for k, v in (inline or {}).items()}
        self._allowed_remote = set(remote_images)
        self._html = html
        self._set_html_keeping_place()

    def clear(self) -> None:
        self._html = self._laid_out = ""
        self._inline, self._allowed_remote = {}, set()
        self._forget_remote()
        super().clear()

    def fetching(self) -> int:
        """Remote images on their way for the mail shown."""
        return len(self._tasks)

    def _forget_remote(self) -> None:
        """Another mail: what is on its way for the last one is cancelled, not waited for."""
        if self.runner is not None:
            for task_id in self._tasks.values():
                self.runner.cancel(task_id)
        self._tasks.clear()
        self._asked.clear()
        self._remote.clear()
        self._relayout.stop()
        self._unshown = False
        self._generation += 1

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt's name
        if int(kind) != int(QTextDocument.ResourceType.ImageResource.value):
            return None  # no style sheets, no markdown, nothing else
        url = QUrl(url)
        scheme = url.scheme().lower()
        image: QImage | None = None
        if scheme == "cid":
            image = self._inline_image(url.toString())
        elif scheme == BLOCKED_SCHEME:
            image = self._blocked_image()
        elif scheme in ("http", "https") and url.toString() in self._allowed_remote:
            image = self._remote_image(url.toString())
        # Never None: the document would then try the address as a local file.
        return image if image is not None else self._nothing

    def _inline_image(self, cid: str) -> QImage | None:
        source = self._inline.get(content_id_key(cid))
        image = QImage()
        if isinstance(source, bytes):
            image.loadFromData(QByteArray(source))
        elif isinstance(source, Path) and source.is_file():
            image.load(str(source))
        return None if image.isNull() else image

    def _blocked_image(self) -> QImage:
        if self._placeholder is None:
            self._placeholder = _placeholder()
        return self._placeholder

    def _remote_image(self, address: str) -> QImage | None:
        if address in self._remote:
            return self._remote[address]
        if (self.runner is not None and address not in self._asked
                and len(self._asked) < MAX_IMAGES_PER_MAIL):
            self._asked.add(address)
            generation, allowed = self._generation, self.address_allowed
            self._tasks[address] = self.runner.run(
                self.tr("Loading an image"), lambda ctx: _image_or_none(address, ctx, allowed),
                owner=self, on_success=lambda data: self._arrived(generation, address, data))
        return None

    def _arrived(self, generation: int, address: str, data: bytes | None) -> None:
        if generation != self._generation:
            return  # another mail is shown by now
        self._tasks.pop(address, None)
        image = QImage()
        if data is not None:
            image.loadFromData(QByteArray(data))
        if not image.isNull():
            self._remote[address] = image
            self._unshown = True
        if not self._unshown:
            return
        if not self._tasks:
            self._lay_out_again()  # the last one: once, now
        elif not self._relayout.isActive():
            self._relayout.start()  # slow ones still coming: show what is here meanwhile

    def _lay_out_again(self) -> None:
        self._relayout.stop()
        if not self._unshown:
            return
        self._unshown = False
        self.relayouts += 1
        self._set_html_keeping_place()

    def _set_html_keeping_place(self) -> None:
        """Lay out (again); the same mail keeps its scroll position, another starts on top."""
        position = self.verticalScrollBar().value() if self._laid_out == self._html else 0
        self.setHtml(self._html)
        self._laid_out = self._html
        self.verticalScrollBar().setValue(position)

    @Slot(QUrl)
    def _follow(self, url: QUrl) -> None:
        if not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
            return
        if url.scheme().lower() in SAFE_LINK_SCHEMES or self._confirm_open(url):
            self._open_url(url)

    def _ask_before_opening(self, url: QUrl) -> bool:
        from kortrijk_cockpit.ui.plain_text import plain_box

        box = plain_box(QMessageBox(  # the address is the sender's: shown, never rendered
            QMessageBox.Icon.Question, self.tr("Open link"),
            self.tr("This link does not lead to a web page or an e-mail address:\n{url}\n\n"
                    "Open it anyway?").format(url=url.toString()),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel, self))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Open
