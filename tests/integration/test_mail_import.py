"""Importing .eml, .msg and .ics files into the store (SQLite and PostgreSQL): real files
written here, hostile ones included, read by the real parsers."""

from __future__ import annotations

import base64
import email
import logging
import os
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import (
    Attachment,
    CalendarEvent,
    FolderKind,
    Mail,
    MailFolder,
    OutboxEntry,
)
from kortrijk_cockpit.services.mail_import import ImportReport, MailImporter
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.msg_files import MsgAttachment, MsgMail, msg_bytes

BXL = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=BXL)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40
OFFERTE = (
    b"From: =?iso-8859-1?q?Andr=E9_Dewaele?= <andre.dewaele@voorbeeld.be>\r\n"
    b"To: Algemeen directeur <algemeen.directeur@kortrijk.be>\r\n"
    b"Cc: marie@kortrijk.be\r\n"
    b"Subject: =?utf-8?q?Offerte_renovatie_belfort_=E2=80=93_versie_2?=\r\n"
    b"Date: Fri, 20 Nov 2026 14:30:00 +0100\r\n"
    b"Message-ID: <offerte-belfort-2@voorbeeld.be>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: multipart/mixed; boundary=OUTER\r\n\r\n"
    b"--OUTER\r\nContent-Type: multipart/related; boundary=REL\r\n\r\n"
    b"--REL\r\nContent-Type: multipart/alternative; boundary=ALT\r\n\r\n"
    b"--ALT\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBeste, de offerte zit in bijlage.\r\n"
    b"--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    b"<p>Beste, de <b>offerte</b> zit in bijlage.</p><img src=\"cid:logo@voorbeeld\">\r\n"
    b"--ALT--\r\n"
    b"--REL\r\nContent-Type: image/png\r\nContent-ID: <logo@voorbeeld>\r\n"
    b"Content-Disposition: inline; filename=logo.png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    + base64.encodebytes(PNG) +
    b"--REL--\r\n"
    b"--OUTER\r\nContent-Type: application/pdf; name=\"../../offerte:v2.pdf\"\r\n"
    b"Content-Disposition: attachment; filename=\"../../offerte:v2.pdf\"\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
    b"--OUTER\r\nContent-Type: message/rfc822\r\n\r\n"
    b"From: jan@voorbeeld.be\r\nSubject: =?utf-8?q?Vorige_versie_=C3=A9=C3=A9n?=\r\n"
    b"Message-ID: <vorige@voorbeeld.be>\r\n\r\nDe vorige versie.\r\n"
    b"--OUTER--\r\n"
)


@pytest.fixture
def importer(store: Store, paths: Paths) -> MailImporter:
    return MailImporter(store.session_factory, FixedClock(NOW), paths.attachments)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def mails(store: Store) -> list[Mail]:
    with store.session_factory() as s:
        return list(s.scalars(select(Mail).order_by(Mail.id)))


def test_an_eml_lands_in_the_imported_folder_with_its_bodies_and_attachments(
        store: Store, importer: MailImporter, tmp_path: Path, paths: Paths) -> None:
    report = importer.import_files([write(tmp_path, "offerte.eml", OFFERTE)])

    assert report.failures == [] and len(report.mails) == 1
    assert report.changes.rows(Kind.MAIL).created == frozenset(report.mails)
    with store.session_factory() as s:
        mail = s.get_one(Mail, report.mails[0])
        folder = s.get_one(MailFolder, mail.folder_id)
        assert (folder.display_name, folder.kind, folder.exchange_id) == (
            "Geïmporteerd", FolderKind.IMPORTED, None)
        assert mail.subject == "Offerte renovatie belfort – versie 2"
        assert (mail.sender_name, mail.sender_email) == ("André Dewaele",
                                                         "andre.dewaele@voorbeeld.be")
        assert mail.to_recipients == ["Algemeen directeur <algemeen.directeur@kortrijk.be>"]
        assert mail.cc_recipients == ["marie@kortrijk.be"]
        assert mail.received_at == datetime(2026, 11, 20, 13, 30, tzinfo=UTC)
        assert mail.internet_message_id == "<offerte-belfort-2@voorbeeld.be>"
        assert mail.imported_from == "offerte.eml" and mail.exchange_id is None
        assert "<b>offerte</b>" in (mail.body_html or "")
        assert mail.body_text == "Beste, de offerte zit in bijlage."
        assert mail.has_attachments
        rows = s.scalars(select(Attachment).where(Attachment.mail_id == mail.id))
        atts = {a.name: a for a in rows}
    assert set(atts) == {"logo.png", "../../offerte:v2.pdf", "Vorige versie één.eml"}
    logo = atts["logo.png"]
    assert logo.is_inline and logo.content_id == "logo@voorbeeld"
    assert Path(logo.saved_path or "").read_bytes() == PNG
    pdf = Path(atts["../../offerte:v2.pdf"].saved_path or "")
    # The sender's name, sanitised, inside this mail's own folder.
    assert pdf.parent == paths.attachments / str(mail.id) and pdf.name == "offerte_v2.pdf"
    assert pdf.read_bytes() == b"%PDF-1.4\n"
    nested = email.message_from_bytes(Path(atts["Vorige versie één.eml"].saved_path or "")
                                      .read_bytes(), policy=policy.default)
    assert nested["subject"] == "Vorige versie één"


def test_lying_and_unknown_charsets_still_read_as_dutch(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    raw = (b"From: Caf\xe9 De Zwaan <info@dezwaan.be>\r\n"  # raw latin-1 bytes in a header
           b"Subject: =?x-onbekend?q?Receptie_=E9=E9n?= en =?windows-1252?q?=80_50?=\r\n"
           b"Message-ID: <zwaan@dezwaan.be>\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\n\r\n"  # but the body is latin-1
           b"Tot vrijdag in het caf\xe9, \xe0 10u.\r\n")
    other = (b"Subject: Onbekende tekenset\r\nMessage-ID: <x@y>\r\n"
             b"Content-Type: text/html; charset=x-kortrijk-8\r\n\r\n<p>Ge\xc3\xafnteresseerd</p>")
    report = importer.import_files([write(tmp_path, "zwaan.eml", raw),
                                    write(tmp_path, "onbekend.eml", other)])

    assert report.failures == []
    first, second = mails(store)
    assert first.sender_name == "Café De Zwaan"
    assert first.subject == "Receptie één en € 50"
    assert first.body_text == "Tot vrijdag in het café, à 10u.\n"
    assert second.body_text == "Geïnteresseerd"


def test_a_mail_without_headers_gets_dutch_fallbacks_and_the_file_time(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    path = write(tmp_path, "notitie.eml", b"To: algemeen.directeur@kortrijk.be\r\n\r\nBel Jan.\r\n")
    saved = datetime(2026, 11, 2, 8, 15, tzinfo=UTC)
    os.utime(path, (saved.timestamp(), saved.timestamp()))

    report = importer.import_files([path])

    assert report.failures == []
    (mail,) = mails(store)
    assert mail.subject == "(geen onderwerp)"
    assert (mail.sender_name, mail.sender_email) == ("(onbekende afzender)", "")
    assert mail.received_at == saved and mail.sent_at is None
    assert mail.body_html == "<pre>Bel Jan.\n</pre>"


def test_importing_the_same_files_again_adds_nothing_and_says_so(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    files = [write(tmp_path, "offerte.eml", OFFERTE),
             write(tmp_path, "notitie.eml", b"Subject: Zonder id\r\n\r\nTekst\r\n"),
             write(tmp_path, "offerte.msg", msg_bytes(MsgMail()))]
    assert len(importer.import_files(files).mails) == 3

    again = importer.import_files(files)

    assert again.mails == [] and not again.changes
    assert [s.line for s in again.skipped] == [
        "offerte.eml: al geïmporteerd", "notitie.eml: al geïmporteerd",
        "offerte.msg: al geïmporteerd"]
    assert len(mails(store)) == 3
    with store.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(MailFolder)) == 1  # one "Geïmporteerd"


def test_each_unreadable_file_gets_one_dutch_line_and_the_others_still_import(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    good_msg = msg_bytes(MsgMail())
    huge = tmp_path / "archief.eml"
    with huge.open("wb") as f:  # sparse: 52 MB on paper, nothing on disk
        f.truncate(52 * 1024 * 1024)
    files = [
        write(tmp_path, "leeg.eml", b""),
        write(tmp_path, "ruis.eml", os.urandom(4096).replace(b":", b"")),
        write(tmp_path, "offerte.msg", os.urandom(4096)),
        write(tmp_path, "afgebroken.msg", good_msg[: len(good_msg) // 2]),
        huge,
        write(tmp_path, "verslag.pdf", b"%PDF-1.4\n"),
        write(tmp_path, "agenda.ics", CALENDAR.encode()[:300]),
        write(tmp_path, "kapot.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                                     b"DTSTART:nooit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
        tmp_path / "weg.eml",
        write(tmp_path, "Rapport «été» 🙂 #1; (kopie).eml", OFFERTE),
        write(tmp_path, "goed.msg", good_msg),
    ]

    report = importer.import_files(files)

    assert [f.line for f in report.failures] == [
        "leeg.eml: leeg bestand",
        "ruis.eml: geen e-mailbericht (geen kopregels gevonden)",
        "offerte.msg: geen Outlook-bericht (beschadigd of een ander bestandstype)",
        "afgebroken.msg: geen Outlook-bericht (beschadigd of een ander bestandstype)",
        "archief.eml: te groot (52 MB; maximum 50 MB)",
        "verslag.pdf: onbekend bestandstype .pdf",
        "agenda.ics: onvolledige agenda (het einde ontbreekt)",
        "kapot.ics: afspraak “(geen onderwerp)” (UID x) is beschadigd en niet geïmporteerd",
        "weg.eml: bestand niet gevonden",
    ]
    assert [m.imported_from for m in mails(store)] == ["Rapport «été» 🙂 #1; (kopie).eml",
                                                       "goed.msg"]


def test_an_outlook_msg_keeps_its_fields_and_attachments(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    data = msg_bytes(MsgMail(
        subject="Uitnodiging nieuwjaarsreceptie", cc=[("Marie Claes", "marie@kortrijk.be")],
        html='<p>Graag <b>bevestigen</b>.</p><img src="cid:banner1">',
        attachments=[MsgAttachment("programma €.pdf", b"%PDF-1.4 " * 600, "application/pdf"),
                     MsgAttachment("banner.png", PNG, "image/png", "banner1")]))

    report = importer.import_files([write(tmp_path, "receptie.msg", data)])

    assert report.failures == []
    (mail,) = mails(store)
    assert mail.subject == "Uitnodiging nieuwjaarsreceptie"
    assert (mail.sender_name, mail.sender_email) == ("Jan Peeters", "jan.peeters@voorbeeld.be")
    assert mail.to_recipients == ["Algemeen directeur <algemeen.directeur@kortrijk.be>"]
    assert mail.cc_recipients == ["Marie Claes <marie@kortrijk.be>"]
    assert mail.sent_at == datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    assert mail.internet_message_id == "<offerte-123@voorbeeld.be>"
    assert "<b>bevestigen</b>" in (mail.body_html or "") and "In bijlage" in mail.body_text
    with store.session_factory() as s:
        atts = {a.name: a for a in s.scalars(select(Attachment))}
    assert Path(atts["programma €.pdf"].saved_path or "").read_bytes() == b"%PDF-1.4 " * 600
    assert atts["banner.png"].is_inline and atts["banner.png"].content_id == "banner1"
    assert not atts["programma €.pdf"].is_inline


def test_an_outlook_msg_without_subject_or_date_gets_fallbacks(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    path = write(tmp_path, "kladje.msg", msg_bytes(MsgMail(subject=None, sent=None,
                                                           message_id=None)))
    report = importer.import_files([path])
    assert report.failures == []
    (mail,) = mails(store)
    assert mail.subject == "(geen onderwerp)"
    assert mail.received_at == min(datetime.fromtimestamp(path.stat().st_mtime, UTC),
                                   NOW.astimezone(UTC))


CALENDAR = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
BEGIN:VEVENT\r
UID:mat-reeks@kortrijk.be\r
SUMMARY:MAT\r
LOCATION:Stadhuis\\, zaal 3\r
ORGANIZER;CN=Algemeen directeur:mailto:algemeen.directeur@kortrijk.be\r
ATTENDEE;CN=Marie Claes:mailto:marie@kortrijk.be\r
ATTENDEE:mailto:jan@kortrijk.be\r
DTSTART;TZID=Romance Standard Time:20261103T090000\r
DTEND;TZID=Romance Standard Time:20261103T110000\r
RRULE:FREQ=WEEKLY;COUNT=5\r
EXDATE;TZID=Romance Standard Time:20261110T090000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:personeelsfeest@kortrijk.be\r
SUMMARY:Personeelsfeest\r
DTSTART;VALUE=DATE:20261218\r
DTEND;VALUE=DATE:20261219\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:lang-geleden@kortrijk.be\r
SUMMARY:Buiten het venster\r
DTSTART:20200101T090000Z\r
DTEND:20200101T100000Z\r
END:VEVENT\r
END:VCALENDAR\r
"""

SECOND = """BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VTIMEZONE\r
TZID:Eigen zone\r
BEGIN:STANDARD\r
DTSTART:19701025T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:19700329T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:vvsg@vvsg.be\r
SUMMARY:VVSG-congres\r
DTSTART;TZID=Eigen zone:20270312T093000\r
DURATION:PT7H\r
END:VEVENT\r
END:VCALENDAR\r
BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
UID:gemeenteraad@kortrijk.be\r
SUMMARY:Gemeenteraad\r
DTSTART;TZID=Europe/Brussels:20261214T190000\r
DTEND;TZID=Europe/Brussels:20261214T230000\r
STATUS:CANCELLED\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_calendars_become_local_events_with_time_zones_and_recurrences(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    report = importer.import_files([write(tmp_path, "overleg.ics", CALENDAR.encode()),
                                    write(tmp_path, "extern.ics", SECOND.encode())])

    assert report.failures == []
    assert [i.line for i in report.imported] == ["overleg.ics: 5 afspraken geïmporteerd",
                                                 "extern.ics: 2 afspraken geïmporteerd"]
    with store.session_factory() as s:
        events = list(s.scalars(select(CalendarEvent).order_by(CalendarEvent.start_at)))
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0  # never pushed
    assert all(e.exchange_id is None for e in events)
    mat = [e for e in events if e.subject == "MAT"]
    # Weekly on Tuesday 09:00 Brussels time, the 10th left out, across no DST change.
    assert [e.start_at.astimezone(BXL).strftime("%d/%m %H:%M") for e in mat] == [
        "03/11 09:00", "17/11 09:00", "24/11 09:00", "01/12 09:00"]
    assert all(e.end_at - e.start_at == timedelta(hours=2) for e in mat)
    assert {e.ical_uid for e in mat} == {"mat-reeks@kortrijk.be"}
    assert mat[0].location == "Stadhuis, zaal 3"
    assert mat[0].organizer == "Algemeen directeur <algemeen.directeur@kortrijk.be>"
    assert mat[0].attendees == ["Marie Claes <marie@kortrijk.be>", "jan@kortrijk.be"]
    assert mat[0].imported_from == "overleg.ics"
    (party,) = [e for e in events if e.subject == "Personeelsfeest"]
    assert party.is_all_day and party.start_at == datetime(2026, 12, 18, tzinfo=BXL)
    (council,) = [e for e in events if e.subject == "Gemeenteraad"]
    assert council.is_cancelled
    (congress,) = [e for e in events if e.subject == "VVSG-congres"]
    assert congress.start_at == datetime(2027, 3, 12, 8, 30, tzinfo=UTC)  # +01:00, its VTIMEZONE
    assert congress.end_at == datetime(2027, 3, 12, 15, 30, tzinfo=UTC)
    assert not [e for e in events if e.subject == "Buiten het venster"]

    again = importer.import_files([tmp_path / "overleg.ics"])
    assert [s.line for s in again.skipped] == ["overleg.ics: al geïmporteerd"]


def test_a_calendar_with_nothing_in_the_window_says_so(
        importer: MailImporter, tmp_path: Path) -> None:
    old = CALENDAR.split("BEGIN:VEVENT")[0] + "BEGIN:VEVENT" + CALENDAR.split("BEGIN:VEVENT")[3]
    report = importer.import_files([write(tmp_path, "oud.ics", old.encode())])
    assert report.failures == [] and report.events == []
    assert [s.line for s in report.skipped] == [
        "oud.ics: geen afspraken tussen 25/08/2026 en 23/11/2027"]


def test_imported_mail_is_found_by_quick_search(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    report = importer.import_files([write(tmp_path, "offerte.eml", OFFERTE)])
    hits = SearchService(store.session_factory, FixedClock(NOW)).search("belfort")
    assert [(h.kind, h.ref_id) for h in hits] == [("mail", report.mails[0])]


def test_progress_is_reported_per_file(importer: MailImporter, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    files = [write(tmp_path, "a.eml", OFFERTE), write(tmp_path, "b.pdf", b"x")]
    report: ImportReport = importer.import_files(
        files, TaskContext(lambda d, t, m: seen.append((d, t, m))))
    assert seen == [(0, 2, "a.eml"), (1, 2, "b.pdf"), (2, 2, "")]
    assert report.summary == "Geïmporteerd: 1 mail en 0 afspraken; 1 bestand niet gelezen."


def test_a_cancelled_import_keeps_what_it_imported_and_says_so(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    ctx = TaskContext(lambda _d, _t, _m: ctx.cancel())  # cancelled while the first file imports
    files = [write(tmp_path, "a.eml", OFFERTE), write(tmp_path, "b.msg", msg_bytes(MsgMail()))]
    report = importer.import_files(files, ctx)
    assert report.cancelled and len(report.mails) == 1
    assert [m.imported_from for m in mails(store)] == ["a.eml"]
    assert report.summary == "Geïmporteerd: 1 mail en 0 afspraken (afgebroken)."


def nested_eml(depth: int) -> bytes:
    """A mail whose text sits at the top and whose attachment sits `depth` multiparts deep."""
    head = (b"From: Jan Peeters <jan@voorbeeld.be>\r\nSubject: Diep genest\r\n"
            b"Message-ID: <diep-%d@voorbeeld.be>\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=TOP\r\n\r\n"
            b"--TOP\r\nContent-Type: text/plain\r\n\r\nZie de bijlage.\r\n--TOP\r\n" % depth)
    opening = b"".join(b"Content-Type: multipart/mixed; boundary=B%d\r\n\r\n--B%d\r\n" % (i, i)
                       for i in range(depth))
    leaf = (b"Content-Type: application/pdf\r\nContent-Disposition: attachment; "
            b"filename=diep.pdf\r\n\r\n%PDF-1.4\r\n")
    closing = b"".join(b"--B%d--\r\n" % i for i in reversed(range(depth)))
    return head + opening + leaf + closing + b"--TOP--\r\n"


def attachments_of(store: Store, mail_id: int) -> dict[str, bytes]:
    with store.session_factory() as s:
        rows = s.scalars(select(Attachment).where(Attachment.mail_id == mail_id))
        return {a.name: Path(a.saved_path or "").read_bytes() for a in rows}


def test_a_deeply_nested_eml_is_imported_with_its_original_kept_and_the_next_file_too(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    shallow, deep, hostile = nested_eml(5), nested_eml(40), nested_eml(3_000)
    files = [write(tmp_path, "ondiep.eml", shallow), write(tmp_path, "diep.eml", deep),
             write(tmp_path, "vijandig.eml", hostile), write(tmp_path, "offerte.eml", OFFERTE)]

    report = importer.import_files(files)

    assert report.failures == [] and len(report.mails) == 4
    note = "te diep genest: het volledige bericht is bewaard als bijlage “origineel bericht.eml”"
    assert [i.line for i in report.imported] == [
        "ondiep.eml: mail “Diep genest” geïmporteerd",
        f"diep.eml: mail “Diep genest” geïmporteerd ({note})",
        f"vijandig.eml: mail “Diep genest” geïmporteerd ({note})",
        "offerte.eml: mail “Offerte renovatie belfort – versie 2” geïmporteerd"]
    ondiep, diep, vijandig, _offerte = mails(store)
    assert attachments_of(store, ondiep.id) == {"diep.pdf": b"%PDF-1.4"}
    # Parts within reach are read; nothing beyond is lost: the whole file is attached.
    assert diep.body_text == "Zie de bijlage."
    assert attachments_of(store, diep.id) == {"origineel bericht.eml": deep}
    assert vijandig.subject == "Diep genest" and vijandig.sender_email == "jan@voorbeeld.be"
    assert attachments_of(store, vijandig.id) == {"origineel bericht.eml": hostile}


def test_a_file_a_reader_chokes_on_costs_only_itself_and_its_traceback_is_logged(
        store: Store, importer: MailImporter, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    # Nested comments in a header make the standard library's header parser recurse.
    choking = (b"Subject: Commentaar\r\nContent-Type: text/plain " + b"(" * 5_000
               + b")" * 5_000 + b"\r\n\r\nTekst\r\n")
    far_date = b"Subject: Ver weg\r\nDate: Fri, 31 Dec 9999 23:59:59 -1400\r\n\r\nTekst\r\n"
    files = [write(tmp_path, "commentaar.eml", choking), write(tmp_path, "datum.eml", far_date),
             write(tmp_path, "offerte.eml", OFFERTE)]

    with caplog.at_level(logging.ERROR, logger="kortrijk_cockpit.services.mail_import"):
        report = importer.import_files(files)

    assert [f.line for f in report.failures] == [
        "commentaar.eml: kon niet worden gelezen (onverwachte fout; details in het logbestand)"]
    assert [m.imported_from for m in mails(store)] == ["datum.eml", "offerte.eml"]
    assert mails(store)[0].sent_at is None  # a date past the year 9999 in UTC is no date
    (record,) = [r for r in caplog.records if "commentaar.eml" in r.getMessage()]
    assert record.exc_info is not None and record.exc_info[0] is RecursionError


def nested_msg() -> MsgMail:
    """A mail with a forwarded Outlook item attached, itself carrying an Outlook item."""
    verslag = MsgMail(subject="Verslag MAT", message_id="<verslag-mat@kortrijk.be>",
                      attachments=[MsgAttachment("verslag.pdf", b"%PDF-1.4 verslag",
                                                 "application/pdf")])
    doorgestuurd = MsgMail(subject="Doorgestuurd: verslag", message_id="<door@kortrijk.be>",
                           attachments=[MsgAttachment("Verslag MAT", embedded=verslag),
                                        MsgAttachment("nota.txt", b"Zie verslag.", "text/plain")])
    return MsgMail(subject="Ter info", attachments=[
        MsgAttachment("Doorgestuurd: verslag", embedded=doorgestuurd)])


def test_an_outlook_item_inside_an_outlook_item_is_kept_whole_and_imports_in_turn(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    report = importer.import_files([write(tmp_path, "ter-info.msg", msg_bytes(nested_msg()))])

    assert report.failures == []
    (outer,) = mails(store)
    assert outer.subject == "Ter info" and outer.has_attachments
    saved = attachments_of(store, outer.id)
    assert list(saved) == ["Doorgestuurd: verslag.msg"]

    # The kept item is a real .msg: importing it gives the forwarded mail, whose own
    # attached item imports in turn with its file.
    inner = write(tmp_path, "doorgestuurd.msg", saved["Doorgestuurd: verslag.msg"])
    (inner_id,) = importer.import_files([inner]).mails
    assert mails(store)[1].subject == "Doorgestuurd: verslag"
    inner_saved = attachments_of(store, inner_id)
    assert inner_saved["nota.txt"] == b"Zie verslag."
    innermost = write(tmp_path, "verslag.msg", inner_saved["Verslag MAT.msg"])
    (innermost_id,) = importer.import_files([innermost]).mails
    assert attachments_of(store, innermost_id) == {"verslag.pdf": b"%PDF-1.4 verslag"}


def ics(*events: str) -> bytes:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events)
            + "END:VCALENDAR\r\n").encode()


def vevent(uid: str, summary: str, start: str, *extra: str) -> str:
    lines = [f"UID:{uid}", f"SUMMARY:{summary}", f"DTSTART:{start}", *extra]
    return "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"


def event_subjects(store: Store) -> list[str]:
    with store.session_factory() as s:
        return list(s.scalars(select(CalendarEvent.subject).order_by(CalendarEvent.id)))


def test_dense_series_are_capped_with_a_note_and_never_expanded_whole(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    # Over the 455-day window these would be ~655,000 and ~39 million occurrences.
    path = write(tmp_path, "storm.ics", ics(
        vevent("minuut@x", "Elke minuut", "20261201T090000Z", "DURATION:PT1M",
               "RRULE:FREQ=MINUTELY"),
        vevent("seconde@x", "Elke seconde", "20261201T090000Z", "RRULE:FREQ=SECONDLY"),
        # Every second since 2020: too many steps before the window to walk at all.
        vevent("oud@x", "Sinds 2020", "20200101T000000Z", "RRULE:FREQ=SECONDLY"),
        vevent("mat@x", "MAT", "20261201T080000Z", "DTEND:20261201T100000Z")))

    report = importer.import_files([path])

    assert [i.line for i in report.imported] == [
        "storm.ics: 2001 afspraken geïmporteerd (reeks “Elke minuut” ingekort tot "
        "1.000 afspraken; reeks “Elke seconde” ingekort tot 1.000 afspraken)"]
    assert [f.line for f in report.failures] == [
        "storm.ics: afspraak “Sinds 2020” (UID oud@x) niet geïmporteerd: "
        "de reeks herhaalt te vaak"]
    subjects = event_subjects(store)
    assert (subjects.count("Elke minuut"), subjects.count("Elke seconde"), subjects.count("MAT")
            ) == (1000, 1000, 1)
    with store.session_factory() as s:
        last = s.scalar(select(func.max(CalendarEvent.start_at))
                        .where(CalendarEvent.subject == "Elke minuut"))
    assert last == datetime(2026, 12, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=999)


def test_a_calendar_file_gives_at_most_5000_events_and_says_so(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    series = [vevent(f"uur-{n}@x", f"Reeks {n}", f"2026120{n}T000000Z", "RRULE:FREQ=HOURLY")
              for n in range(1, 7)]
    report = importer.import_files([write(tmp_path, "uren.ics", ics(*series))])

    (imported,) = report.imported
    assert len(imported.events) == 5000 and len(event_subjects(store)) == 5000
    assert imported.notes[-1] == "agenda ingekort tot 5.000 afspraken"
    assert "Reeks 6" not in event_subjects(store)


def test_cancel_stops_a_large_calendar_and_keeps_nothing_of_it(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    files = [write(tmp_path, "a.eml", OFFERTE),
             write(tmp_path, "groot.ics", ics(*(
                 vevent(f"reeks-{n}@x", f"Reeks {n}", "20261201T090000Z", "RRULE:FREQ=HOURLY")
                 for n in range(5)))),
             write(tmp_path, "b.msg", msg_bytes(MsgMail()))]
    # Cancel pressed while the calendar is being read.
    ctx = TaskContext(lambda _d, _t, name: ctx.cancel() if name == "groot.ics" else None)

    report = importer.import_files(files, ctx)

    assert report.cancelled and report.events == []
    assert event_subjects(store) == []
    assert [m.imported_from for m in mails(store)] == ["a.eml"]
    assert report.summary == "Geïmporteerd: 1 mail en 0 afspraken (afgebroken)."


def test_one_broken_event_is_reported_by_name_and_the_others_imported(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    path = write(tmp_path, "agenda.ics", ics(
        vevent("mat@kortrijk.be", "MAT", "20261201T080000Z"),
        vevent("kapot@kortrijk.be", "Directiecomité", "volgende dinsdag"),
        vevent("college@kortrijk.be", "College", "20261203T150000Z")))

    report = importer.import_files([path])

    assert event_subjects(store) == ["MAT", "College"]
    assert [f.line for f in report.failures] == [
        "agenda.ics: afspraak “Directiecomité” (UID kapot@kortrijk.be) is "
        "beschadigd en niet geïmporteerd"]
    assert report.summary == "Geïmporteerd: 0 mails en 2 afspraken; 1 afspraak niet gelezen."


def test_a_file_name_that_is_no_utf8_is_shown_and_stored_with_a_replacement_character(
        store: Store, importer: MailImporter, tmp_path: Path) -> None:
    # Linux keeps such names as bytes; Python hands them over with lone surrogates,
    # which a terminal, a log file or a Qt signal cannot carry.
    folder = os.fsencode(tmp_path)
    good, bad = folder + b"/caf\xe9.eml", folder + b"/kapot\xe9.msg"
    Path(os.fsdecode(good)).write_bytes(OFFERTE)
    Path(os.fsdecode(bad)).write_bytes(b"geen Outlook-bericht")

    report = importer.import_files([os.fsdecode(good), os.fsdecode(bad)])

    lines = [*(i.line for i in report.imported), *(f.line for f in report.failures)]
    assert lines == [
        "caf\ufffd.eml: mail \u201cOfferte renovatie belfort \u2013 versie 2\u201d ge\u00efmporteerd",
        "kapot\ufffd.msg: geen Outlook-bericht (beschadigd of een ander bestandstype)"]
    assert all(line.encode("utf-8") for line in lines)
    assert [m.imported_from for m in mails(store)] == ["caf\ufffd.eml"]
