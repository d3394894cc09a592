"""A QTextBrowser that shows sanitised mail and never reaches out by itself.

`loadResource` is the one door through which a QTextDocument asks for
images and style sheets. Here it serves only the mail's own inline (`cid:`)
images, a placeholder for blocked remote images, and, when the user allowed
images for this sender, the remote images the sanitiser let through: those
are fetched on the task runner (never on the GUI thread) and shown when they
arrive. Links are never followed inside the pane: they go to a hook
(the desktop's browser or mail program by default).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from kortrijk_cockpit.task_context import TaskContext
from kortrijk_cockpit.ui.tasks import TaskRunner

BLOCKED_SCHEME = "cockpit-blocked"  # as services/mail_html.py writes it
FETCH_TIMEOUT_S = 10.0
MAX_IMAGE_BYTES = 5 * 1024 * 1024
SAFE_LINK_SCHEMES = ("http", "https", "mailto")


def content_id_key(content_id: str) -> str:
    """'<Logo@Kortrijk>' and 'cid:logo@kortrijk' name the same inline image."""
    value = content_id.strip()
    if value.lower().startswith("cid:"):
        value = value[4:]
    return value.strip("<>").lower()


class _NoOddRedirects(urllib.request.HTTPRedirectHandler):
    """An image may move to another web address, never to ftp: or a file."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_image(url: str, ctx: TaskContext) -> bytes:
    """The image's bytes, at most MAX_IMAGE_BYTES; raises OSError otherwise."""
    opener = urllib.request.build_opener(_NoOddRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": "KortrijkCockpit"})
    with opener.open(request, timeout=FETCH_TIMEOUT_S) as response:
        data = bytearray()
        while chunk := response.read(64 * 1024):
            ctx.check_cancelled()
            data += chunk
            if len(data) > MAX_IMAGE_BYTES:
                raise OSError(f"image larger than {MAX_IMAGE_BYTES} bytes")
    return bytes(data)


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
        self._pending: set[str] = set()
        self._html = ""
        self._placeholder: QImage | None = None
        self._nothing = QImage(1, 1, QImage.Format.Format_ARGB32)
        self._nothing.fill(QColor(0, 0, 0, 0))
        self.anchorClicked.connect(self._follow)

    def show_html(self, html: str, *, inline: dict[str, Path | bytes] | None = None,
                  remote_images: tuple[str, ...] = ()) -> None:
        """Show sanitised HTML; `remote_images` are the addresses the user allowed."""
        if self._html != html or set(remote_images) != self._allowed_remote:
            self._remote.clear()
            self._pending.clear()  # a fetch still on its way is dropped when it lands
        self._inline = {content_id_key(k): v for k, v in (inline or {}).items()}
        self._allowed_remote = set(remote_images)
        self._html = html
        self.setHtml(html)

    def clear(self) -> None:
        self._html = ""
        self._inline, self._allowed_remote = {}, set()
        self._remote.clear()
        self._pending.clear()
        super().clear()

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
        if self.runner is not None and address not in self._pending:
            self._pending.add(address)
            html = self._html
            self.runner.run(
                self.tr("Loading an image"), lambda ctx: fetch_image(address, ctx), owner=self,
                on_success=lambda data: self._arrived(html, address, data),
                on_failure=lambda _exc: None)  # a missing image stays a gap: nothing to tell
        return None

    def _arrived(self, html: str, address: str, data: bytes) -> None:
        if html != self._html or address not in self._pending:
            return  # another mail is shown by now
        image = QImage()
        image.loadFromData(QByteArray(data))
        if image.isNull():
            return
        self._remote[address] = image
        # Lay out again with the image; the scroll position stays where the user was.
        position = self.verticalScrollBar().value()
        self.setHtml(self._html)
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
