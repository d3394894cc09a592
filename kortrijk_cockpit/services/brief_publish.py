"""Publishing a discussiefiche: Word and PDF under `<folder>/<brief id>/` (create-only,
versioned names), a BriefVersion "gepubliceerd" with their paths, and through the
outbox the PDF on the director's appointment in Exchange (and, when asked, one mail to
him with the PDF), so he finds it in his own Outlook on any device.

A republish attaches the new version's file and removes the earlier versions' files of
the same fiche from the appointment (`AttachToEvent`): the versioned name is what makes
a retry after a lost answer attach once, and what tells the director which version he
has. Qt-free; the PDF needs a QGuiApplication (fonts), any thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.documents import fiche_docx, fiche_pdf
from kortrijk_cockpit.documents.fiche_model import Fiche, FichePerson, key_messages, sections_for
from kortrijk_cockpit.domain import (
    AuditEntry,
    Brief,
    BriefStatus,
    BriefVersion,
    CalendarEvent,
    OutboxEntry,
    OutboxStatus,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import OutgoingAttachment, OutgoingMail
from kortrijk_cockpit.services.briefs import STATE_LABELS, record_version
from kortrijk_cockpit.services.lookup import existing

log = logging.getLogger(__name__)
PUBLISHED = "brief_published"
STEP = "gepubliceerd"
_GONE = ("De afspraak van deze fiche bestaat niet meer in de agenda; koppel de fiche "
         "eerst aan een afspraak.")

_TAKEN = "Iemand anders bewaarde intussen versie {} van deze fiche. Probeer opnieuw."
Template = Path | None | Callable[[], Path | None]
Sections = Callable[[], Mapping[str, Sequence[str]]]


@dataclass(frozen=True)
class PublishPlan:
    """What a publish would do, for the confirmation."""

    brief_id: int
    title: str
    event_subject: str
    event_start: datetime  # Brussels time
    attachment_name: str
    replaces: bool  # an earlier version hangs on the appointment (or is on its way)
    status_text: str
    director: str  # his address for the mail ("" : no mail possible)


@dataclass(frozen=True)
class Published:
    version_id: int
    number: int
    docx: Path
    pdf: Path
    attachment_name: str
    event_subject: str
    mailed_to: str  # "" when not mailed
    changes: Changes


class BriefPublisher:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, folder: Path,
                 template: Template = None, actor: str = "", *,
                 sections: Sections = dict, director: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._folder = folder
        self._template = template
        self._actor = actor
        self._sections = sections  # read at each publish: the settings may change
        self._director = director

    # -- before ------------------------------------------------------------------------

    def plan(self, brief_id: int) -> PublishPlan:
        """What publishing now would attach to which appointment (refused in Dutch when
        there is no appointment to attach to)."""
        with self._sessions() as s:
            brief, event = self._target(s, brief_id)
            fiche = self._fiche(s, brief, event, self._next_number(s, brief.id))
            earlier = s.scalar(select(func.count(BriefVersion.id)).where(
                BriefVersion.brief_id == brief.id, BriefVersion.step == STEP)) or 0
            return PublishPlan(brief.id, brief.title, event.subject, _local(event.start_at),
                               f"{fiche.file_stem}.pdf", earlier > 0, fiche.status_text,
                               self._director)

    # -- publishing --------------------------------------------------------------------

    def publish(self, brief_id: int, mail_to_director: bool = False) -> Published:
        if mail_to_director and not self._director:
            raise UserFacingError("Het e-mailadres van de algemeen directeur is niet "
                                  "ingesteld; de fiche kan hem niet gemaild worden.")
        now = self._clock.now()
        with self._sessions() as s:
            brief, event = self._target(s, brief_id)
            number = self._next_number(s, brief.id)
            fiche = self._fiche(s, brief, event, number)
        docx, pdf = self._write(fiche)
        try:
            return self._record(fiche, docx, pdf, now, mail_to_director)
        except BaseException:
            for path in (docx, pdf):
                path.unlink(missing_ok=True)
            raise

    def _record(self, fiche: Fiche, docx: Path, pdf: Path, now: datetime,
                mail: bool) -> Published:
        name = f"{fiche.file_stem}.pdf"
        content = pdf.read_bytes()
        try:
            with self._sessions.begin() as s:
                brief, event = self._target(s, fiche.brief_id)
                version = record_version(s, brief, now, self._actor, STEP,
                                         docx_path=str(docx), pdf_path=str(pdf))
                s.flush()
                if version.number != fiche.version:  # a review step came in between
                    raise UserFacingError(_TAKEN.format(fiche.version))
                entry = queue(s, OutboxKind.ATTACH_TO_EVENT, {
                    "name": name, "content_type": "application/pdf",
                    "content": _b64(content), "subject": event.subject,
                    "brief_id": brief.id, "replaces_prefix": f"Fiche {brief.id} v"},
                    event=event)
                mailed = ""
                if mail:
                    queue(s, OutboxKind.SEND_MAIL, mail_values(OutgoingMail(
                        subject=f"Fiche: {fiche.title} ({fiche.when})",
                        body_html=_mail_body(fiche), to=(self._director,),
                        attachments=(OutgoingAttachment(name, content, "application/pdf"),))))
                    mailed = self._director
                s.flush()
                s.add(AuditEntry(at=now, actor=self._actor, action=PUBLISHED, entity="brief",
                                 entity_id=brief.id,
                                 detail={"version": version.number, "attachment": name,
                                         "event_id": event.id, "mailed": bool(mailed),
                                         "outbox_entry": entry.id}))
                return Published(version.id, version.number, docx, pdf, name, event.subject,
                                 mailed, Changes.of(Kind.BRIEF, updated=[brief.id])
                                 | Changes.of(Kind.OUTBOX, created=[entry.id]))
        except IntegrityError as exc:  # someone else took this number first (team mode)
            raise UserFacingError(_TAKEN.format(fiche.version), detail=repr(exc)) from exc

    # -- parts -------------------------------------------------------------------------

    @staticmethod
    def _target(s: Session, brief_id: int) -> tuple[Brief, CalendarEvent]:
        brief = existing(s, Brief, brief_id, "Deze fiche bestaat niet meer.")
        if brief.calendar_event_id is None:
            raise UserFacingError(f"De fiche \"{brief.title}\" hoort bij geen afspraak; "
                                  "ze kan nergens aan gehangen worden.")
        event = s.get(CalendarEvent, brief.calendar_event_id)
        if event is None or event.is_cancelled:
            raise UserFacingError(_GONE)
        if not event.exchange_id and not _creation_waiting(s, event.id):
            raise UserFacingError(f"De afspraak \"{event.subject}\" staat niet in Exchange; "
                                  "de fiche kan er niet aan gehangen worden.")
        return brief, event

    @staticmethod
    def _next_number(s: Session, brief_id: int) -> int:
        return (s.scalar(select(func.max(BriefVersion.number))
                         .where(BriefVersion.brief_id == brief_id)) or 0) + 1

    def _fiche(self, s: Session, brief: Brief, event: CalendarEvent, number: int) -> Fiche:
        status = STATE_LABELS[brief.status]
        if brief.status is BriefStatus.APPROVED and brief.approved_at is not None:
            who = f" door {brief.approved_by}" if brief.approved_by else ""
            status = f"goedgekeurd{who} op {_local(brief.approved_at):%d/%m/%Y}"
        starts = brief.starts_at or event.start_at
        fiche = Fiche(
            brief_id=brief.id, version=number, title=brief.title or event.subject,
            starts_at=_local(starts) if starts else None, ends_at=_local(event.end_at),
            place=brief.place or event.location, organiser=brief.organiser,
            director_role=brief.director_role, logistics=brief.logistics,
            objective=brief.objective, position=brief.position,
            key_messages=key_messages(brief.key_messages), asks_offers=brief.asks_offers,
            sensitive_topics=brief.sensitive_topics, people=tuple(
                FichePerson(p.person.full_name, p.person.function,
                            p.person.organisation.name if p.person.organisation else "",
                            p.person.mandate,
                            f"{_local(p.person.last_contact_at):%d/%m/%Y}"
                            if p.person.last_contact_at else "",
                            p.open_matters, p.opener)
                for p in brief.people),
            background=brief.background, follow_up=brief.follow_up,
            event_type=brief.event_type, status_text=status)
        return fiche.with_sections(sections_for(brief.event_type, self._sections()))

    def _template_path(self) -> Path | None:
        return self._template() if callable(self._template) else self._template

    def _write(self, fiche: Fiche) -> tuple[Path, Path]:
        folder = self._folder / str(fiche.brief_id)
        docx_bytes = fiche_docx.render(fiche, self._template_path())
        pdf_bytes = fiche_pdf.to_pdf(fiche)
        paths = (folder / f"{fiche.file_stem}.docx", folder / f"{fiche.file_stem}.pdf")
        written: list[Path] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for path, content in zip(paths, (docx_bytes, pdf_bytes), strict=True):
                with path.open("xb") as out:  # "x": an earlier version is never overwritten
                    written.append(path)
                    out.write(content)
        except FileExistsError as exc:
            for path in written:
                path.unlink(missing_ok=True)
            raise UserFacingError(f"Versie {fiche.version} van deze fiche bestaat al als "
                                  f"bestand ({exc.filename}). Probeer opnieuw.") from exc
        except OSError as exc:
            for path in written:
                path.unlink(missing_ok=True)
            raise UserFacingError(f"De fiche kan niet worden bewaard in {folder}: "
                                  f"{exc.strerror or exc}.", detail=repr(exc)) from exc
        return paths


def _creation_waiting(s: Session, event_id: int) -> bool:
    """A new appointment still on its way to Exchange: the attachment queues behind it."""
    return bool(s.scalar(select(func.count(OutboxEntry.id)).where(
        OutboxEntry.event_id == event_id, OutboxEntry.kind == OutboxKind.CREATE_EVENT.value,
        OutboxEntry.status == OutboxStatus.PENDING)))


def _local(moment: datetime) -> datetime:
    return moment.astimezone(BRUSSELS) if moment.tzinfo else moment


def _b64(content: bytes) -> str:
    import base64

    return base64.b64encode(content).decode("ascii")


def _mail_body(fiche: Fiche) -> str:
    place = f", {escape(fiche.place)}" if fiche.place else ""
    lines = [(f"<p>Beste,</p><p>In bijlage de fiche voor <b>{escape(fiche.title)}</b> "
              f"({escape(fiche.when)}{place}).</p>")]
    if fiche.objective:
        lines.append(f"<p>Doel: {escape(fiche.objective)}</p>")
    lines.append("<p>Ze hangt ook aan de afspraak in uw agenda.</p>")
    return "".join(lines)
