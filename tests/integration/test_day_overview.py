"""The Dagoverzicht: the next working day's appointments on one A4 page, read back
from the PDF, and the daily mail of it reaching Sent Items with the PDF (both
backends for the store; the real EWS client against the sandbox for the mail)."""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.documents.day_overview import to_html
from kortrijk_cockpit.documents.pdf import html_to_pdf
from kortrijk_cockpit.domain import Brief, BriefStatus, CalendarEvent
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.day_overview import DayOverviewService
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
FRIDAY = datetime(2026, 11, 27, 16, 5, tzinfo=BXL)
MONDAY = date(2026, 11, 30)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BXL)


def seed(store: Store) -> None:
    with store.session_factory.begin() as s:
        def add(subject: str, start: datetime, end: datetime, **extra: object) -> CalendarEvent:
            event = CalendarEvent(subject=subject, start_at=start, end_at=end, **extra)
            s.add(event)
            s.flush()
            return event

        add("Stafvergadering", at(MONDAY, 9), at(MONDAY, 10), location="Stadhuis, zaal Broel",
            attendees=["Sofie Vandenbroucke <sofie@kortrijk.be>"])
        add("Tandarts", at(MONDAY, 12), at(MONDAY, 13), is_private_block=True)
        add("Geschrapt overleg", at(MONDAY, 14), at(MONDAY, 15), is_cancelled=True)
        voka = add("Voka netwerkmoment", at(MONDAY, 9, 30), at(MONDAY, 11),
                   location="Kortrijk Xpo")
        s.add(Brief(title="Voka netwerkmoment", status=BriefStatus.READY,
                    calendar_event_id=voka.id))
        add("Dag van de Mantelzorg", at(MONDAY, 0), at(MONDAY + timedelta(days=1), 0),
            is_all_day=True)
        add("Zaterdagmarkt", at(MONDAY - timedelta(days=2), 10), at(MONDAY - timedelta(days=2), 11))
        add("Dinsdagoverleg", at(MONDAY + timedelta(days=1), 9), at(MONDAY + timedelta(days=1), 10))


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    # Qt's PDFs space words by position (pypdf reads tabs and line breaks) and set
    # ligatures ("ﬁ"): compare normalised words.
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_pdf_of_friday_covers_monday_in_time_order_on_one_page(
        store: Store, qapp: QApplication) -> None:
    seed(store)
    service = DayOverviewService(store.session_factory, FixedClock(FRIDAY))
    assert service.next_day() == MONDAY

    overview = service.overview(service.next_day())
    assert overview.file_name == "Dagoverzicht 2026-11-30.pdf"
    pages, text = pdf_text(html_to_pdf(to_html(overview), title=overview.title))

    assert pages == 1
    assert "Dagoverzicht maandag 30 november 2026" in text
    assert "Maandag 30 november 2026: 4 afspraken, eerste om 09:00" in text
    order = ["Dag van de Mantelzorg", "Stafvergadering", "Voka netwerkmoment", "Privé",
             "Geschrapt overleg"]
    positions = [text.index(subject) for subject in order]
    assert positions == sorted(positions)
    assert "Tandarts" not in text  # private: "Privé" only
    assert "Zaterdagmarkt" not in text and "Dinsdagoverleg" not in text
    assert "Hele dag" in text and "09:30–11:00" in text
    assert "Sofie Vandenbroucke" in text and "Kortrijk Xpo" in text
    assert "Fiche klaar ter goedkeuring" in text and "Geen voorbereiding geboekt" in text
    assert "Overlapt met Stafvergadering" in text
    assert "(geannuleerd)" in text


def test_a_week_overview_shows_its_working_days(store: Store, qapp: QApplication) -> None:
    seed(store)
    service = DayOverviewService(store.session_factory, FixedClock(FRIDAY))
    week = service.week(MONDAY)
    assert [d.day.weekday() for d in week.days] == [0, 1, 2, 3, 4]
    assert week.file_name == "Weekoverzicht 2026-11-30.pdf"
    _pages, text = pdf_text(html_to_pdf(to_html(week)))
    assert text.index("Voka netwerkmoment") < text.index("Dinsdagoverleg")
    assert "Week van maandag 30 november 2026: 5 afspraken" in text


def test_the_daily_mail_is_queued_once_per_day_and_remembered(
        store: Store, qapp: QApplication) -> None:
    seed(store)
    service = DayOverviewService(store.session_factory, FixedClock(FRIDAY))
    overview = service.overview(MONDAY)
    assert service.last_mailed() is None
    first = service.queue_mail(overview, b"%PDF-1.4", "sofie@kortrijk.be", FRIDAY.date())
    assert first is not None
    # Another start (or another workstation on the shared store) the same day.
    again = DayOverviewService(store.session_factory, FixedClock(FRIDAY))
    assert again.last_mailed() == FRIDAY.date()
    assert again.queue_mail(overview, b"%PDF-1.4", "sofie@kortrijk.be", FRIDAY.date()) is None


def test_a_wrong_address_is_refused_in_dutch(store: Store) -> None:
    from kortrijk_cockpit.errors import UserFacingError

    service = DayOverviewService(store.session_factory, FixedClock(FRIDAY))
    with pytest.raises(UserFacingError, match="geen geldig mailadres"):
        service.queue_mail(service.overview(MONDAY), b"", "", FRIDAY.date())


def test_the_mailed_overview_arrives_with_the_pdf_attached(
        sqlite_store: Store, backend: EwsBackend, mailbox: Mailbox, qapp: QApplication) -> None:
    seed(sqlite_store)
    service = DayOverviewService(sqlite_store.session_factory, FixedClock(FRIDAY))
    overview = service.overview(service.next_day())
    pdf = html_to_pdf(to_html(overview), title=overview.title)
    service.queue_mail(overview, pdf, mailbox.owner, FRIDAY.date())

    report = OutboxPusher(sqlite_store.session_factory, backend, FixedClock(FRIDAY)).push()

    assert (report.pushed, report.failed) == (1, 0)
    sent = {i.subject: i for i in mailbox.folder("sentitems").items}
    mail = sent["Dagoverzicht maandag 30 november 2026"]
    assert [a.name for a in mail.attachments] == ["Dagoverzicht 2026-11-30.pdf"]
    _pages, text = pdf_text(mail.attachments[0].content)
    assert "Voka netwerkmoment" in text
    assert "4 afspraken, eerste om 09:00" in mail.body_html
