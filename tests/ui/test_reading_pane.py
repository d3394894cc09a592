"""The reading pane as the assistant reads it (Dutch, Brussels time)."""

from __future__ import annotations

import dataclasses
import html
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import FlagStatus, LinkKind
from kortrijk_cockpit.services.mail_list import AttachmentInfo, LinkInfo, MailDetail, MeetingInfo
from kortrijk_cockpit.ui.views.mail.reading_pane import ReadingPane

ANSWERED = datetime(2026, 11, 28, 14, 2, tzinfo=BRUSSELS)


def mail(**changes: object) -> MailDetail:
    detail = MailDetail(
        id=41, subject="BBC 2026: rapportering", sender="Sofie Vandenbroucke",
        sender_email="Sofie.Vandenbroucke@kortrijk.be", to=("Hilde Vanthuyne",), cc=(),
        received_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        body_html="<p>Beste Hilde,</p><p>Zie bijlage.</p>", body_text="Beste Hilde",
        categories=(), flag_status=FlagStatus.NONE, flag_due_at=None, is_read=True,
        folder_id=1, folder_name="Postvak IN")
    return dataclasses.replace(detail, **changes)  # type: ignore[arg-type]


@pytest.fixture
def pane(qtbot, app: QApplication) -> ReadingPane:  # type: ignore[no-untyped-def]
    widget = ReadingPane(clock=FixedClock(ANSWERED))
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_headers_chips_flag_and_import_in_dutch(pane: ReadingPane) -> None:
    many = tuple(f"Collega {i} <collega{i}@kortrijk.be>" for i in range(30))
    pane.set_colours({"Actie AD": "#c00000"})
    pane.show_mail(mail(cc=many, categories=("Actie AD", "Ter info"),
                        flag_status=FlagStatus.FLAGGED,
                        flag_due_at=datetime(2026, 12, 15, 16, 0, tzinfo=UTC),
                        imported_from="nota begroting.eml"))

    assert pane.mail_id() == 41
    assert pane.subject.text() == "BBC 2026: rapportering"
    assert pane.sender.text() == "Van: Sofie Vandenbroucke <Sofie.Vandenbroucke@kortrijk.be>"
    assert pane.to.text() == "Aan: Hilde Vanthuyne"
    assert pane.date.text() == "maandag 23/11/2026 10:00"
    assert pane.cc.text().startswith("Cc: Collega 0") and pane.cc.text().endswith("…")
    assert pane.cc.toolTip() == "<qt>Cc: " + html.escape("; ".join(many)) + "</qt>"  # text only
    chips = {chip.text(): chip.styleSheet() for chip in pane.chips.findChildren(type(pane.date))}
    assert "#c00000" in chips["Actie AD"] and "Ter info" in chips
    assert pane.flag.text() == "Opvolgen tegen 15/12/2026"
    assert pane.imported.text() == "Geïmporteerd uit nota begroting.eml"
    assert pane.body.toPlainText().startswith("Beste Hilde,")
    assert pane.images_bar.isHidden() and pane.meeting.isHidden() and pane.links.isHidden()


def test_mail_sent_on_someones_behalf_names_both(pane: ReadingPane) -> None:
    pane.show_mail(mail(sender="Burgemeester", sender_email="bm@kortrijk.be",
                        sent_by="Secretariaat <sec@kortrijk.be>"))
    assert pane.sender.text() == ("Van: Secretariaat <sec@kortrijk.be> "
                                  "namens Burgemeester <bm@kortrijk.be>")


def test_blocked_images_offer_the_sender_and_the_domain(qtbot, pane: ReadingPane) -> None:  # type: ignore[no-untyped-def]
    allowed: list[str] = []
    pane.allow_images.connect(allowed.append)
    pane.show_mail(mail(body_html='<p>Nieuws</p><img src="https://voka.example/logo.png">'))
    assert pane.images_bar.isVisible()
    assert pane.images_text.text() == "Afbeeldingen geblokkeerd"
    assert pane.images_sender.text() == "Tonen voor deze afzender"
    assert pane.images_domain.text() == "Voor @kortrijk.be"

    qtbot.mouseClick(pane.images_domain, Qt.MouseButton.LeftButton)
    assert allowed == ["@kortrijk.be"]
    assert pane.images_bar.isHidden()
    pane.show_mail(mail(id=42, body_html='<img src="https://voka.example/other.png">'))
    assert pane.images_bar.isHidden()  # the same domain, before the store says so


def test_attachments_show_size_and_open_or_save(qtbot, pane: ReadingPane) -> None:  # type: ignore[no-untyped-def]
    opened: list[int] = []
    saved: list[int] = []
    pane.open_attachment.connect(opened.append)
    pane.save_attachment.connect(saved.append)
    pane.show_mail(mail(attachments=(
        AttachmentInfo(5, "begroting.xlsx", "application/vnd.ms-excel", 12_000, False, None, None),
        AttachmentInfo(6, "plan.pdf", "application/pdf", 1_468_006, False, None, None),
        AttachmentInfo(7, "logo.png", "image/png", 900, True, "logo@x", None))))

    list_view = pane.attachments
    assert list_view.isVisible()
    texts = [list_view.model_.item(row).text() for row in range(list_view.model_.rowCount())]
    assert texts == ["begroting.xlsx (12 KB)", "plan.pdf (1,4 MB)"]
    assert not list_view.model_.item(0).icon().isNull()

    rect = list_view.visualRect(list_view.model_.index(1, 0))
    qtbot.mouseClick(list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []  # a single click only selects
    qtbot.mouseDClick(list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [6]
    qtbot.keyClick(list_view, Qt.Key.Key_Return)
    assert opened == [6, 6]
    menu = list_view.menu_for(0)
    assert [a.text() for a in menu.actions()] == ["Openen", "Opslaan als…"]
    menu.actions()[1].trigger()
    menu.actions()[0].trigger()
    assert saved == [5] and opened == [6, 6, 5]


def test_what_the_mail_became_is_clickable(pane: ReadingPane) -> None:
    followed: list[tuple[str, int]] = []
    pane.link_activated.connect(lambda kind, target: followed.append((kind, target)))
    pane.show_mail(mail(links=(
        LinkInfo(LinkKind.ACTION_POINT, 12, "Begroting nakijken", "Jan Peeters · 15 dec."),
        LinkInfo(LinkKind.AGENDA_ITEM, 5, "BBC 2026", "MAT 1 dec."))))

    assert pane.links.isVisible()
    text = pane.links.text()
    assert text.startswith("Werd: <a href=\"action_point:12\">Actiepunt Begroting nakijken")
    assert "Agendapunt BBC 2026 (MAT 1 dec.)</a>" in text
    pane.links.linkActivated.emit("agenda_item:5")
    assert followed == [("agenda_item", 5)]


def meeting_mail(**changes: object) -> MailDetail:
    info = MeetingInfo(start=datetime(2026, 12, 1, 8, 0, tzinfo=UTC),
                       end=datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
                       location="Stadhuis, zaal Groeninge", organizer="Pieter Declercq")
    return mail(subject="Uitnodiging: stuurgroep", meeting=dataclasses.replace(info, **changes))


def test_a_meeting_request_is_answered_from_the_card(qtbot, pane: ReadingPane) -> None:  # type: ignore[no-untyped-def]
    answers: list[tuple[int, str, str]] = []
    pane.meeting_response.connect(lambda *args: answers.append(args))
    pane.show_mail(meeting_mail())
    pane.set_conflicts(["MAT (managementteam) 09:00 – 11:00"])

    card = pane.meeting
    assert card.isVisible()
    assert card.title.text() == "Vergaderverzoek"
    assert card.when.text() == "dinsdag 1 december 2026, 09:00 – 11:00"
    assert card.where.text() == "Waar: Stadhuis, zaal Groeninge"
    assert card.organiser.text() == "Organisator: Pieter Declercq"
    assert card.conflicts.text() == \
        "Ook in de agenda op dat moment: MAT (managementteam) 09:00 – 11:00"
    assert [b.text() for b in card.buttons.values()] == ["Aanvaarden", "Voorlopig", "Weigeren"]

    qtbot.keyClicks(card.message, "Ik kom iets later.")
    qtbot.mouseClick(card.buttons["tentative"], Qt.MouseButton.LeftButton)
    assert answers == [(41, "tentative", "Ik kom iets later.")]
    assert card.status.text() == "Voorlopig aanvaard: wordt vastgelegd…"  # not yet "sent"
    assert card.answer.isHidden()
    pane.show_mail(meeting_mail(response="tentative"))  # the write landed: the pane reloads
    assert card.status.text() == "Voorlopig aanvaard op 28 nov. 14:02"
    assert card.answer.isHidden()

    pane.show_mail(mail(id=43, meeting=meeting_mail(response="accept").meeting))  # answered earlier
    assert card.status.text() == "Aanvaard" and card.answer.isHidden()


def test_the_card_offers_the_answers_again_when_recording_failed(  # type: ignore[no-untyped-def]
        qtbot, pane: ReadingPane) -> None:
    pane.show_mail(meeting_mail())
    card = pane.meeting
    qtbot.keyClicks(card.message, "Ik kom graag.")
    qtbot.mouseClick(card.buttons["accept"], Qt.MouseButton.LeftButton)
    assert "Aanvaard op" not in card.status.text() and card.answer.isHidden()

    pane.show_mail(meeting_mail())  # a reload before the answer was recorded changes nothing
    assert card.answer.isHidden()
    pane.meeting_answer_failed(99)  # another mail's answer
    assert card.answer.isHidden()
    pane.meeting_answer_failed(41)

    assert card.status.isHidden() and card.answer.isVisible()
    assert card.message.text() == "Ik kom graag."  # nothing she typed is lost
    pane.show_mail(meeting_mail())
    assert card.answer.isVisible() and card.status.isHidden()


def test_a_cancellation_and_an_all_day_event(pane: ReadingPane) -> None:
    pane.show_mail(meeting_mail(is_cancellation=True))
    assert pane.meeting.status.text() == "Geannuleerd"
    assert pane.meeting.title.text() == "Vergadering geannuleerd"
    assert pane.meeting.answer.isHidden()

    pane.show_mail(mail(id=50, meeting=MeetingInfo(
        start=datetime(2026, 11, 30, 23, 0, tzinfo=UTC), end=datetime(2026, 12, 2, 23, 0, tzinfo=UTC),
        location="", organizer="Voka", is_all_day=True)))
    assert pane.meeting.when.text() == "dinsdag 1 december 2026 – woensdag 2 december 2026, hele dag"
    assert pane.meeting.where.isHidden()
    assert pane.meeting.answer.isVisible()


def test_plain_text_fallback_empty_mail_and_clear(pane: ReadingPane) -> None:
    pane.show_mail(mail(body_html=None, body_text="Regel een\nzie https://www.kortrijk.be"))
    assert pane.body.toPlainText() == "Regel een\nzie https://www.kortrijk.be"
    assert 'href="https://www.kortrijk.be"' in pane.body.toHtml()

    pane.show_mail(mail(body_html="", body_text=""))
    assert pane.body.toPlainText() == "(geen inhoud)"

    pane.clear("Geen mail geselecteerd")
    assert pane.mail_id() is None
    assert pane.empty.isVisible() and pane.empty.text() == "Geen mail geselecteerd"
    assert pane.content.isHidden()
