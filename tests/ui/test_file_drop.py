"""Dropping files on a widget and on the main window imports them (pytest-qt, real store)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Mail
from kortrijk_cockpit.services.mail_import import MailImporter
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.file_drop import FileDropFilter
from kortrijk_cockpit.ui.import_task import install_file_drop
from kortrijk_cockpit.ui.main_window import MainWindow
from kortrijk_cockpit.ui.tasks import TaskRunner
from tests.integration.test_mail_import import OFFERTE, nested_eml
from tests.ui.conftest import NOW


def mime(*urls: QUrl) -> QMimeData:
    data = QMimeData()
    data.setUrls(list(urls))
    return data


def drag_enter(widget: QWidget, data: QMimeData) -> bool:
    event = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def drop(widget: QWidget, data: QMimeData) -> bool:
    """A drag enters, then drops (Qt delivers a drop only where the drag entered)."""
    assert drag_enter(widget, data)
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def local(path: Path) -> QUrl:
    return QUrl.fromLocalFile(str(path))


def test_mail_and_calendar_files_are_taken_and_others_refused_in_dutch(
        qtbot, app: QApplication, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    taken: list[list[Path]] = []
    refused: list[str] = []
    FileDropFilter(widget, taken.append, refused.append)
    names = ["a.eml", "B.MSG", "agenda.ics", "nota.pdf"]
    data = mime(*(local(tmp_path / n) for n in names), QUrl("https://voorbeeld.be/x.eml"))

    assert drop(widget, data)

    assert taken == [[tmp_path / "a.eml", tmp_path / "B.MSG", tmp_path / "agenda.ics"]]
    assert refused == [
        "Niet geïmporteerd (alleen .eml-, .msg- en .ics-bestanden): nota.pdf, x.eml"]

    assert not drop(widget, mime(local(tmp_path / "foto.jpg")))  # nothing to import
    assert len(taken) == 1
    assert refused[-1].endswith(": foto.jpg")
    text = QMimeData()
    text.setText("geen bestand")
    assert not drag_enter(widget, text)


def test_files_dropped_on_the_window_are_imported_and_announced(
        qtbot, window: MainWindow, runner: TaskRunner, demo_store: Store,  # type: ignore[no-untyped-def]
        paths: Paths, tmp_path: Path) -> None:
    importer = MailImporter(demo_store.session_factory, FixedClock(NOW), paths.attachments)
    install_file_drop(window, runner, importer)
    window.show()
    good = tmp_path / "offerte.eml"
    good.write_bytes(OFFERTE)

    with qtbot.waitSignal(window.feed.changed, timeout=10_000) as announced:
        assert drop(window, mime(local(good)))
    changes = announced.args[0]
    with demo_store.session_factory() as s:
        mail = s.scalars(select(Mail).where(Mail.imported_from == "offerte.eml")).one()
    assert changes.rows(Kind.MAIL).created == {mail.id}
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == "Geïmporteerd: 1 mail en 0 afspraken.")


def test_a_failed_file_is_listed_in_a_message_box(
        qtbot, window: MainWindow, runner: TaskRunner, demo_store: Store,  # type: ignore[no-untyped-def]
        paths: Paths, tmp_path: Path) -> None:
    importer = MailImporter(demo_store.session_factory, FixedClock(NOW), paths.attachments)
    task = install_file_drop(window, runner, importer)
    window.show()
    broken = tmp_path / "offerte.msg"
    broken.write_bytes(b"dit is geen Outlook-bericht")
    empty = tmp_path / "leeg.ics"
    empty.write_bytes(b"")

    assert drop(window, mime(local(broken), local(empty)))

    qtbot.waitUntil(lambda: task.box is not None and task.box.isVisible(), timeout=10_000)
    assert task.box is not None
    assert task.box.windowTitle() == "Importeren"
    assert task.box.text().splitlines() == [
        "Deze bestanden konden niet worden geïmporteerd:", "",
        "offerte.msg: geen Outlook-bericht (beschadigd of een ander bestandstype)",
        "leeg.ics: leeg bestand"]
    assert task.box.informativeText() == (
        "Geïmporteerd: 0 mails en 0 afspraken; 2 bestanden niet gelezen.")
    task.box.close()


def test_a_file_that_breaks_the_reader_is_listed_and_what_landed_is_still_announced(
        qtbot, window: MainWindow, runner: TaskRunner, demo_store: Store,  # type: ignore[no-untyped-def]
        paths: Paths, tmp_path: Path) -> None:
    importer = MailImporter(demo_store.session_factory, FixedClock(NOW), paths.attachments)
    task = install_file_drop(window, runner, importer)
    window.show()
    good = tmp_path / "offerte.eml"
    good.write_bytes(OFFERTE)
    choking = tmp_path / "commentaar.eml"  # the stdlib's header parser recurses on it
    choking.write_bytes(b"Subject: Commentaar\r\nContent-Type: text/plain " + b"(" * 5_000
                        + b")" * 5_000 + b"\r\n\r\nTekst\r\n")
    deep = tmp_path / "diep.eml"
    deep.write_bytes(nested_eml(3_000))

    with qtbot.waitSignal(window.feed.changed, timeout=10_000) as announced:
        assert drop(window, mime(local(good), local(choking), local(deep)))

    with demo_store.session_factory() as s:
        landed = set(s.scalars(select(Mail.id).where(Mail.imported_from.is_not(None))))
    assert len(landed) == 2 and announced.args[0].rows(Kind.MAIL).created == landed
    qtbot.waitUntil(lambda: task.box is not None and task.box.isVisible(), timeout=10_000)
    assert task.box is not None
    assert task.box.text().splitlines() == [
        "Deze bestanden konden niet worden geïmporteerd:", "",
        "commentaar.eml: kon niet worden gelezen (onverwachte fout; details in het logbestand)",
        "", "Geïmporteerd met opmerkingen:", "",
        "diep.eml: mail “Diep genest” geïmporteerd (te diep genest: het volledige bericht is "
        "bewaard als bijlage “origineel bericht.eml”)"]
    assert task.box.informativeText() == (
        "Geïmporteerd: 2 mails en 0 afspraken; 1 bestand niet gelezen.")
    task.box.close()
