"""No network request leaves the reading pane unless the user allowed images,
and then only the allowed image; links open outside the pane."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.domain import FlagStatus
from kortrijk_cockpit.services.mail_list import AttachmentInfo, MailDetail
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.reading_pane import ReadingPane
from kortrijk_cockpit.ui.views.mail.safe_browser import SafeBrowser


def png(colour: str, width: int = 60, height: int = 40) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class CountingServer:
    """A loopback web server that serves a red PNG for every path and notes each request."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        image = png("#ff0000")
        paths = self.paths

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(image)))
                self.end_headers()
                self.wfile.write(image)

            def log_message(self, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def web() -> Iterator[CountingServer]:
    server = CountingServer()
    yield server
    server.stop()


def hostile_mail(base: str, *, mail_id: int = 1) -> MailDetail:
    body = f"""
    <html><head>
      <meta http-equiv="refresh" content="0;url={base}/refresh">
      <base href="{base}/base/">
      <link rel="prefetch" href="{base}/prefetch">
      <link rel="stylesheet" href="{base}/sheet.css">
      <style>@import url({base}/import.css); p {{ background: url({base}/style-bg.png) }}</style>
    </head>
    <body background="{base}/body-bg.png">
      <p>Beste Hilde, zie de nieuwsbrief.</p>
      <img src="{base}/allowed.png" alt="logo" width="60" height="40">
      <img srcset="{base}/srcset.png 2x" alt="srcset">
      <p style="background-image: url({base}/inline-style.png)">stijl</p>
      <table background="{base}/table-bg.png"><tr><td background="{base}/td-bg.png">cel</td></tr></table>
      <iframe src="{base}/frame"></iframe>
      <object data="{base}/object"></object><embed src="{base}/embed">
      <svg><image href="{base}/svg.png"/></svg>
      <video poster="{base}/poster.png"></video>
      <img src="relative.png">
    </body></html>"""
    return MailDetail(
        id=mail_id, subject="Nieuwsbrief", sender="Voka", sender_email="nieuws@voka.be",
        to=("Hilde Vanthuyne",), cc=(), received_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        body_html=body, body_text="", categories=(), flag_status=FlagStatus.NONE,
        flag_due_at=None, is_read=False, folder_id=1, folder_name="Postvak IN")


def loopback(address: str) -> bool:
    """The explicit test switch: this test's own server on 127.0.0.1 may be reached."""
    return address == "127.0.0.1"


def red_pixels(widget: SafeBrowser) -> int:
    image = widget.viewport().grab().toImage()
    return sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixelColor(x, y) == QColor("#ff0000"))


def test_no_request_leaves_the_pane_until_images_are_allowed_and_then_only_that_one(
        qtbot, app: QApplication, runner: TaskRunner, web: CountingServer) -> None:
    pane = ReadingPane(runner=runner)
    qtbot.addWidget(pane)
    pane.resize(900, 900)
    pane.show()
    qtbot.waitExposed(pane)
    pane.body.address_allowed = loopback  # the test's server; public addresses only otherwise
    allowed: list[str] = []
    pane.allow_images.connect(allowed.append)

    pane.show_mail(hostile_mail(web.base))
    pane.body.viewport().grab()  # lay out and paint: every resource is asked for now
    qtbot.waitUntil(lambda: runner.active_count == 0)
    assert web.paths == []
    assert pane.images_bar.isVisible()
    assert red_pixels(pane.body) == 0

    qtbot.mouseClick(pane.images_sender, Qt.MouseButton.LeftButton)
    assert allowed == ["nieuws@voka.be"]
    qtbot.waitUntil(lambda: red_pixels(pane.body) > 0, timeout=10_000)
    qtbot.waitUntil(lambda: runner.active_count == 0)
    pane.body.viewport().grab()
    assert web.paths == ["/allowed.png"]
    assert not pane.images_bar.isVisible()


def test_inline_cid_images_show_from_the_saved_attachment(
        qtbot, app: QApplication, tmp_path) -> None:  # type: ignore[no-untyped-def]
    logo = tmp_path / "logo.png"
    logo.write_bytes(png("#ff0000"))
    detail = MailDetail(
        id=3, subject="Met logo", sender="Els", sender_email="els@kortrijk.be", to=(), cc=(),
        received_at=None, body_html='<p>Logo:</p><img src="cid:logo@kortrijk">', body_text="",
        categories=(), flag_status=FlagStatus.NONE, flag_due_at=None, is_read=True, folder_id=1,
        folder_name="Postvak IN",
        attachments=(AttachmentInfo(7, "logo.png", "image/png", 100, True, "<Logo@Kortrijk>",
                                    str(logo)),))
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_mail(detail)
    assert red_pixels(pane.body) > 0
    assert not pane.images_bar.isVisible()
    assert pane.attachments.isHidden()  # an inline image is part of the text, not a file


def _click_text(qtbot, browser: SafeBrowser, text: str) -> None:  # type: ignore[no-untyped-def]
    cursor = browser.document().find(text)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    point: QPoint = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_links_open_outside_the_pane_and_odd_ones_only_after_asking(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    asked: list[str] = []
    browser = SafeBrowser(open_url=lambda url: opened.append(url.toString()),
                          confirm_open=lambda url: asked.append(url.toString()) or False)
    qtbot.addWidget(browser)
    browser.resize(600, 300)
    browser.show()
    qtbot.waitExposed(browser)
    browser.show_html('<p><a href="https://www.kortrijk.be/">stadssite</a></p>')

    _click_text(qtbot, browser, "stadssite")
    assert opened == ["https://www.kortrijk.be/"]
    assert "stadssite" in browser.toPlainText()  # still the mail: nothing was followed inside

    browser.anchorClicked.emit(QUrl("file:///C:/Windows/system32/calc.exe"))
    assert asked == ["file:///C:/Windows/system32/calc.exe"]
    assert opened == ["https://www.kortrijk.be/"]
