"""Sending a meeting's agenda: one mail to the distribution list and the members, with
the agenda as DOCX and PDF attached, through the outbox.

Qt-free. The documents are made by the caller (the PDF needs Qt's fonts, so the UI
renders it on the task runner) and handed in as bytes; the mail and the meeting's new
status (agenda verstuurd) are one transaction, so the Overleg area never says "sent"
for an agenda that is not in the outbox, nor the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import Meeting, MeetingStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import OutgoingAttachment, OutgoingMail
from kortrijk_cockpit.services.agenda_document import (
    CONFIDENTIAL,
    AgendaDocument,
    Recipient,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


@dataclass(frozen=True)
class AgendaFiles:
    docx: bytes
    pdf: bytes


def addresses(recipients: tuple[Recipient, ...]) -> tuple[str, ...]:
    """The addresses the mail goes to: valid ones only, each once."""
    return tuple(r.address for r in recipients if _ADDRESS.match(r.address))


def attachment_names(agenda: AgendaDocument) -> tuple[str, str]:
    return f"{agenda.file_stem}.docx", f"{agenda.file_stem}.pdf"


def agenda_mail(agenda: AgendaDocument, recipients: tuple[Recipient, ...],
                files: AgendaFiles, *, again: bool = False) -> OutgoingMail:
    to = addresses(recipients)
    if not to:
        raise UserFacingError(
            "De agenda kan niet worden verstuurd: dit overleg heeft geen leden of "
            "verdeellijst met een geldig mailadres. Vul ze aan bij de reeks.")
    docx_name, pdf_name = attachment_names(agenda)
    subject = f"{'Aangepaste agenda' if again else 'Agenda'} {agenda.name} {agenda.date_text}"
    items = "".join(
        f"<li>{escape(line.time_text)} – "
        f"{'<b>' + CONFIDENTIAL + '</b> – ' if line.is_confidential else ''}"
        f"{escape(line.title)}</li>" for line in agenda.lines)
    body = (f"<p>Beste,</p><p><b>{escape(agenda.headline)}.</b></p>"
            f"<ol>{items}</ol>"
            "<p>De agenda zit in bijlage, in Word en als PDF.</p>")
    if agenda.confidential_count:
        body += "<p>Vertrouwelijke punten: niet verder verspreiden.</p>"
    return OutgoingMail(
        subject=subject, body_html=body, to=to,
        attachments=(OutgoingAttachment(docx_name, files.docx, DOCX_TYPE),
                     OutgoingAttachment(pdf_name, files.pdf, PDF_TYPE)))


class AgendaSendingService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def queue_agenda(self, agenda: AgendaDocument, recipients: tuple[Recipient, ...],
                     files: AgendaFiles) -> Changes:
        """Queue the agenda mail and mark the meeting agenda verstuurd, in one go."""
        with self._sessions.begin() as s:
            meeting = s.get(Meeting, agenda.meeting_id)
            if meeting is None:
                raise UserFacingError("Dit overleg bestaat niet meer.")
            if meeting.status == MeetingStatus.CANCELLED:
                raise UserFacingError(
                    "Dit overleg is geannuleerd: de agenda wordt niet verstuurd.")
            again = meeting.status != MeetingStatus.PLANNED
            mail = agenda_mail(agenda, recipients, files, again=again)
            entry = queue(s, OutboxKind.SEND_MAIL, mail_values(mail))
            if meeting.status == MeetingStatus.PLANNED:
                meeting.status = MeetingStatus.AGENDA_SENT
            s.flush()
            return (Changes.of(Kind.OUTBOX, created=[entry.id])
                    | Changes.of(Kind.MEETING, updated=[meeting.id]))
