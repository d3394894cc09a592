""""Koppel als stuk" in Mail: a mail from an owner with open requests offers the bar;
the chosen request gets the attachment (kept on disk) and turns ontvangen; "Ontkoppel"
undoes it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import (
    AgendaItem,
    Attachment,
    DocumentRequest,
    Meeting,
    RequestStatus,
)
from kortrijk_cockpit.services.stukken import StukkenService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.mail_world import NOW, folders, mail
from tests.ui.test_mail_area import new_window, open_mail

SOFIE = "sofie.declercq@kortrijk.be"


def world(store: Store, tmp_path: Path) -> int:
    f = folders(store)
    nota = tmp_path / "nota.pdf"
    nota.write_bytes(b"%PDF-1.4 nota")
    mail_id = mail(store, f.imported, "Nota's voor het MAT", synced=False,
                   sender_name="Sofie Declercq", sender_email=SOFIE)
    with store.session_factory.begin() as s:
        s.add(Attachment(mail_id=mail_id, name="Nota personeelsplan.pdf",
                         content_type="application/pdf", size=13, saved_path=str(nota)))
        start = NOW + timedelta(days=8)
        meeting = Meeting(title="MAT", starts_at=start, ends_at=start + timedelta(hours=2))
        meeting.agenda_items = [
            AgendaItem(position=i, title=title, owner_name="Sofie Declercq", document_requests=[
                DocumentRequest(title=f"Nota {title}", requested_from="Sofie Declercq",
                                requested_from_email=SOFIE, due_at=start - timedelta(days=3))])
            for i, title in enumerate(["Personeelsplan", "Telewerk"])]
        s.add(meeting)
    return mail_id


def statuses(store: Store) -> dict[str, RequestStatus]:
    with store.session() as s:
        return {title: status for title, status in
                s.execute(select(DocumentRequest.title, DocumentRequest.status))}


def test_link_as_stuk_from_the_mail_and_unlink(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    mail_id = world(store, tmp_path)
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    controller.set_stukken(StukkenService(store.session_factory, FixedClock(NOW),
                                          tmp_path / "stukken"))
    link = controller.stuk_link
    asked: list[tuple[str, list[str]]] = []

    def choose(title: str, options: Sequence[str]) -> int:
        asked.append((title, list(options)))
        return 1  # the second: Telewerk
    link._choose = choose
    controller.choose_view(f"folder:{folders_imported(store)}")
    qtbot.waitUntil(lambda: area.pane.mail_id() == mail_id)
    qtbot.waitUntil(link.bar.isVisible)  # asked off the GUI thread
    assert "2 gevraagde stukken" in link.bar.label.text()
    assert link.bar.link_button.text() == "Koppel als stuk"

    with qtbot.waitSignal(link.linked, timeout=10_000):
        qtbot.mouseClick(link.bar.link_button, Qt.MouseButton.LeftButton)
    assert asked[0][1][1].startswith("Nota Telewerk (MAT ")
    assert statuses(store) == {"Nota Personeelsplan": RequestStatus.REQUESTED,
                               "Nota Telewerk": RequestStatus.RECEIVED}
    with store.session() as s:
        kept = s.scalar(select(DocumentRequest.saved_path)
                        .where(DocumentRequest.title == "Nota Telewerk"))
    assert kept is not None and Path(kept).read_bytes() == b"%PDF-1.4 nota"
    assert link.bar.unlink_button.isVisible()
    assert link.bar.unlink_button.text() == "Ontkoppel"
    qtbot.waitUntil(lambda: "Nota Telewerk" in area.pane.links.text())  # "Werd: …"

    with qtbot.waitSignal(link.unlinked, timeout=10_000):
        qtbot.mouseClick(link.bar.unlink_button, Qt.MouseButton.LeftButton)
    assert statuses(store)["Nota Telewerk"] == RequestStatus.REQUESTED
    assert not Path(kept).exists()
    qtbot.waitUntil(lambda: link.bar.link_button.isVisible())  # offered again
    qtbot.waitUntil(lambda: not controller.stale and runner.active_count == 0)  # list followed


def folders_imported(store: Store) -> int:
    from kortrijk_cockpit.domain import FolderKind, MailFolder

    with store.session() as s:
        return int(s.scalar(select(MailFolder.id).where(MailFolder.kind == FolderKind.IMPORTED)))
