"""Mail → "Rapportering: ontvangen stuk": a team's part arrived by mail. The open parts are
offered (the sender's own first), and the chosen one is linked to the mail and its first
attachment through `ReportingService.link_document`, as stukken are from Mail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.domain import (
    OPEN_DELIVERABLES,
    Deliverable,
    Mail,
    Person,
    ReportingCycle,
)
from kortrijk_cockpit.services.reporting import ReportingService
from kortrijk_cockpit.services.triage import MailNotFound


@dataclass(frozen=True)
class PartChoice:
    id: int
    title: str
    cycle: str
    team: str
    owner_name: str
    due_date: date
    from_sender: bool  # the mail's sender owns this part


class ReportingHandOn:
    def __init__(self, sessions: sessionmaker[Session], reporting: ReportingService) -> None:
        self._sessions = sessions
        self._reporting = reporting

    def open_parts(self, mail_id: int) -> list[PartChoice]:
        """Every part still gevraagd or in opmaak, by due date; the sender's own first."""
        with self._sessions() as s:
            mail = _mail(s, mail_id)
            sender = {mail.sender_email.casefold(), mail.sender_name.casefold()} - {""}
            rows = s.execute(
                select(Deliverable, ReportingCycle.name, Person.email)
                .join(ReportingCycle, ReportingCycle.id == Deliverable.cycle_id)
                .outerjoin(Person, Person.id == Deliverable.owner_person_id)
                .where(Deliverable.status.in_(OPEN_DELIVERABLES))
                .order_by(Deliverable.due_date, Deliverable.id)).all()
            found = [PartChoice(d.id, d.title, cycle, d.team, d.owner_name, d.due_date,
                                bool({d.owner_name.casefold(), (email or "").casefold()}
                                     & sender))
                     for d, cycle, email in rows]
        found.sort(key=lambda p: not p.from_sender)  # stable: due dates stay in order
        return found

    def link(self, deliverable_id: int, mail_id: int) -> Changes:
        """The part is ontvangen, its document the mail's first attachment."""
        with self._sessions() as s:
            mail = _mail(s, mail_id)
            name = next((a.name for a in sorted(mail.attachments, key=lambda a: a.id)
                         if not a.is_inline), "")
        return (self._reporting.link_document(deliverable_id, mail_id, name)
                | Changes.of(Kind.MAIL, updated=[mail_id]))


def _mail(s: Session, mail_id: int) -> Mail:
    mail = s.get(Mail, mail_id)
    if mail is None:
        raise MailNotFound("Deze mail bestaat niet meer; ze werd intussen verwijderd.")
    return mail
