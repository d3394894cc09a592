"""Text a sender chooses (subject, name, place, organiser, categories, attachment
names) is shown as text everywhere in the Mail area, never rendered as HTML: a
`<img src="file:///…">` in it loads nothing (on Windows, file://host/ would leak
the user's NTLM hash to that host)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Attachment, CalendarEvent
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.dialogs.action_point import ActionPointDialog
from kortrijk_cockpit.ui.dialogs.agenda_item import AgendaItemDialog
from kortrijk_cockpit.ui.models.mail_list import MailListModel
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.mail.attachment_actions import AttachmentActions
from tests.integration.mail_world import NOW, folders, mail
from tests.ui.test_mail_area import new_window, open_mail

PROBE_COLOUR = QColor("#00ff00")


def probe(tmp_path: Path) -> str:
    """An <img> tag naming a bright green picture on disk."""
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(PROBE_COLOUR)
    path = tmp_path / "probe.png"
    assert image.save(str(path))
    return f'<img src="{QUrl.fromLocalFile(str(path)).toString()}">'


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt shows for this text: AutoText (and every tooltip) is HTML when it looks so."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def probe_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y) == PROBE_COLOUR)


def labels_with(widget: QWidget, tag: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel)
            if "probe.png" in label.text() and label.isVisibleTo(widget)]


def hostile_mail(store: Store, tag: str) -> int:
    f = folders(store)
    start = NOW + timedelta(days=2)
    mail_id = mail(
        store, f.inbox, f"Re: {tag}", sender_name=f"{tag} Jan " + "Peeters " * 15,
        sender_email="jan@voorbeeld.be", categories=[tag], has_attachments=True,
        item_class="IPM.Schedule.Meeting.Request",
        meeting={"start": start.isoformat(), "end": (start + timedelta(hours=1)).isoformat(),
                 "location": tag, "organizer": tag})
    with store.session_factory.begin() as s:
        s.add(Attachment(mail_id=mail_id, name=f"{tag}.pdf", content_type="application/pdf",
                         size=2000))
        s.add(CalendarEvent(subject=f"Overleg {tag}", start_at=start - timedelta(minutes=30),
                            end_at=start + timedelta(minutes=30)))
    return mail_id


def test_sender_text_is_shown_literally_and_loads_no_file(
        qtbot, app: QApplication, store: Store, runner: TaskRunner, paths: Paths,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    tag = probe(tmp_path)
    mail_id = hostile_mail(store, tag)
    window = new_window(qtbot, store, runner, paths)
    area, controller = open_mail(qtbot, window)
    assert area.pane.mail_id() == mail_id
    qtbot.waitUntil(lambda: area.pane.meeting.conflicts.isVisible())  # the agenda's clash

    # On screen: the literal text, and not one pixel of the picture it names.
    assert probe_pixels(window) == 0
    pane = area.pane
    texts = {label.objectName() or label.text()[:12]: shown(label.text(), label.textFormat())
             for label in labels_with(area, tag)}
    assert shown(pane.subject.text(), pane.subject.textFormat()) == f"Re: {tag}"
    for label in (pane.meeting.where, pane.meeting.organiser, pane.meeting.conflicts):
        assert tag in shown(label.text(), label.textFormat())
    assert all(tag in text for text in texts.values()), texts
    chips = [c for c in pane.chips.findChildren(QLabel) if "probe" in c.text()]
    assert [shown(c.text(), c.textFormat()) for c in chips] == [tag]

    # Tooltips have no format: escaped, they still read as the text.
    assert pane.sender.is_elided() and tag in shown(pane.sender.toolTip())
    model = controller.model
    for column in (MailListModel.SENDER, MailListModel.SUBJECT, MailListModel.CATEGORIES):
        tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
        assert tag in shown(tip) or column == MailListModel.SENDER, (column, tip)
    subject_tip = model.index(0, MailListModel.SUBJECT).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(subject_tip) == f"Re: {tag}"
    attachments = pane.attachments.model_
    assert shown(attachments.item(0).toolTip()) == f"{tag}.pdf"

    # The warning before an executable, and the hand-on dialogs' "From the mail of …".
    box = AttachmentActions(None, area).executable_box(f"{tag}.exe")
    assert tag in shown(box.text(), box.textFormat())
    detail = controller.services.mail_list.detail(mail_id)
    assert detail is not None
    hand_on = HandOnService(store.session_factory, FixedClock(NOW))
    for dialog in (ActionPointDialog(detail, hand_on, area), AgendaItemDialog(detail, hand_on, area)):
        [source] = [label for label in dialog.findChildren(QLabel) if "probe" in label.text()]
        assert shown(source.text(), source.textFormat()).startswith(f"Uit de mail van {tag}")
        dialog.show()
        qtbot.waitExposed(dialog)
        assert probe_pixels(dialog) == 0
        dialog.close()


def test_a_failure_message_quoting_a_sender_loads_no_file(
        qtbot, app: QApplication, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """"Dit is geen geldig mailadres: <img …>" (a reply to a spoofed sender) is text."""
    from kortrijk_cockpit.errors import UserFacingError
    from kortrijk_cockpit.ui.dialogs.messages import show_failure

    parent = QWidget()
    qtbot.addWidget(parent)
    tag = probe(tmp_path)
    box = show_failure(parent, "Versturen",
                       UserFacingError(f"Dit is geen geldig mailadres: {tag}"))
    qtbot.waitExposed(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert tag in box.text()
    assert probe_pixels(box) == 0
    box.close()
