"""Remote images the user allowed: fetched on the runner for the pane and the reader
window, at most 20 per mail, those of a mail no longer shown cancelled, laid out
once when they are in, and never from an address inside the network (SSRF)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import FlagStatus
from kortrijk_cockpit.services.mail_list import MailDetail
from kortrijk_cockpit.services.trusted_senders import TrustedSenders
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.image_fetch import (
    RefusedAddress,
    fetch_image,
    is_public_address,
)
from kortrijk_cockpit.ui.views.mail.reader_window import ReaderWindow
from kortrijk_cockpit.ui.views.mail.reading_pane import ReadingPane
from kortrijk_cockpit.ui.views.mail.safe_browser import MAX_IMAGES_PER_MAIL
from tests.integration.mail_world import folders, mail
from tests.ui.test_mail_area import new_window, open_mail
from tests.ui.test_safe_browser import loopback, png, red_pixels


class ImageServer:
    """A loopback web server serving a red PNG; it can hold every answer until released."""

    def __init__(self, *, held: bool = False) -> None:
        self.paths: list[str] = []
        self.released = threading.Event()
        if not held:
            self.released.set()
        image, paths, released = png("#ff0000"), self.paths, self.released

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                paths.append(self.path)
                released.wait(10)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(image)))
                self.end_headers()
                self.wfile.write(image)

            def log_message(self, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def web() -> Iterator[ImageServer]:
    server = ImageServer()
    yield server
    server.stop()


@pytest.fixture
def held() -> Iterator[ImageServer]:
    server = ImageServer(held=True)
    yield server
    server.stop()


def newsletter(base: str, count: int, *, mail_id: int = 1, sender: str = "nieuws@voka.be"
               ) -> MailDetail:
    images = "".join(f'<img src="{base}/{n}.png" width="60" height="40">' for n in range(count))
    return MailDetail(
        id=mail_id, subject="Nieuwsbrief", sender="Voka", sender_email=sender, to=(), cc=(),
        received_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC), body_html=f"<p>Nieuws</p>{images}",
        body_text="", categories=(), flag_status=FlagStatus.NONE, flag_due_at=None,
        is_read=True, folder_id=1, folder_name="Postvak IN", images_allowed=True)


def shown_pane(qtbot, runner: TaskRunner) -> ReadingPane:  # type: ignore[no-untyped-def]
    pane = ReadingPane(runner=runner)
    pane.body.address_allowed = loopback
    qtbot.addWidget(pane)
    pane.resize(900, 900)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_addresses_inside_the_network_are_refused() -> None:
    for inside in ("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                   "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1%eth0", "fc00::1",
                   "::ffff:10.0.0.1", "not an address"):
        assert not is_public_address(inside), inside
    for outside in ("8.8.8.8", "193.191.245.10", "2a00:1450:4001:80b::200e"):
        assert is_public_address(outside), outside


def test_an_image_on_a_private_address_is_never_asked_for(web: ImageServer) -> None:
    for address in (f"{web.base}/a.png", f"http://localhost:{web.port}/b.png"):
        with pytest.raises(RefusedAddress):
            fetch_image(address, TaskContext())
    assert web.paths == []  # refused before a connection: the server heard nothing
    assert fetch_image(f"{web.base}/c.png", TaskContext(), allowed=loopback)  # the switch


def test_at_most_twenty_images_per_mail_laid_out_once(
        qtbot, app: QApplication, runner: TaskRunner, web: ImageServer) -> None:  # type: ignore[no-untyped-def]
    pane = shown_pane(qtbot, runner)
    pane.show_mail(newsletter(web.base, 25))
    pane.body.viewport().grab()
    qtbot.waitUntil(lambda: runner.active_count == 0 and pane.body.fetching() == 0,
                    timeout=20_000)
    assert len(web.paths) == MAX_IMAGES_PER_MAIL == 20
    assert red_pixels(pane.body) > 0
    # Laid out again when they were in (at most once more for a slow one), not per image.
    assert 1 <= pane.body.relayouts <= 2


def test_the_images_of_a_mail_no_longer_shown_are_cancelled(
        qtbot, app: QApplication, runner: TaskRunner, held: ImageServer) -> None:  # type: ignore[no-untyped-def]
    pane = shown_pane(qtbot, runner)
    pane.show_mail(newsletter(held.base, 6))
    pane.body.viewport().grab()
    qtbot.waitUntil(lambda: len(held.paths) == 2)  # the runner's two threads wait on the server
    pane.show_mail(newsletter(held.base, 0, mail_id=2))  # j: the next mail
    held.released.set()
    qtbot.waitUntil(lambda: runner.active_count == 0, timeout=20_000)
    assert len(held.paths) == 2  # the four still queued never left
    assert pane.body.relayouts == 0 and red_pixels(pane.body) == 0


def test_public_mail_providers_are_not_offered_as_a_domain(
        qtbot, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    blocked = replace(newsletter("https://voka.example", 1), images_allowed=False)
    for sender in ("iemand@gmail.com", "x@Telenet.be", "y@outlook.com"):
        pane.show_mail(replace(blocked, sender_email=sender))
        assert pane.images_sender.isVisible() and pane.images_domain.isHidden(), sender
    pane.show_mail(replace(blocked, sender_email="nieuws@voka.be"))
    assert pane.images_domain.isVisible() and pane.images_domain.text() == "Voor @voka.be"


def test_allowed_images_show_in_the_pane_and_the_reader_window(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        web: ImageServer) -> None:
    f = folders(store)
    body = f'<p>Nieuws</p><img src="{web.base}/logo.png" width="60" height="40">'
    letter = mail(store, f.inbox, "Nieuwsbrief", hours_ago=2, sender_email="nieuws@voka.be",
                  body_html=body)
    mail(store, f.inbox, "Vraag", hours_ago=1)
    TrustedSenders(store.session_factory).trust("nieuws@voka.be")
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    controller.set_image_policy(loopback)  # this test's server; public addresses otherwise
    controller.select_id(letter)
    qtbot.waitUntil(lambda: red_pixels(area.pane.body) > 0, timeout=10_000)

    area.list.setFocus()
    qtbot.keyClick(area.list, Qt.Key.Key_Return)
    reader = window.findChild(ReaderWindow)
    assert reader is not None
    qtbot.waitExposed(reader)
    qtbot.waitUntil(lambda: red_pixels(reader.pane.body) > 0, timeout=10_000)
    reader.close()
