"""Request and reminder mails for the parts teams deliver to the reporting cycles.

One Dutch mail per owner with everything due from them across cycles, through the outbox
(SEND_MAIL, carrying our marker so it goes out exactly once). A request asks the open
parts not asked before; a reminder the open parts due within some working days or
overdue, not twice the same day. Owners without a known address are listed, not mailed.
First a preview (who gets what), then `send` of what she saw that still holds.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import OPEN_DELIVERABLES, Deliverable, OutboxEntry
from kortrijk_cockpit.exchange.outbox_kinds import OutboxKind, mail_values, queue
from kortrijk_cockpit.exchange.records import OutgoingMail
from kortrijk_cockpit.services.lookup import owner_emails
from kortrijk_cockpit.services.reporting_plan import WorkingDays, spoken

WHAT_BACK = ("Wat we terug verwachten: uw bijdrage als document (Word, Excel of pdf), "
             "als bijlage bij een antwoord op deze mail.")


class MailKind(enum.StrEnum):
    REQUEST = "request"  # vraag tot aanlevering
    REMINDER = "reminder"  # herinnering


@dataclass(frozen=True)
class Part:
    """One part due from an owner."""

    deliverable_id: int
    title: str
    cycle: str
    due_date: date
    overdue: bool

    @property
    def line(self) -> str:
        """Dutch: 'Bijdrage Financiën voor Jaarrekening 2025, uiterlijk maandag 4 mei 2026'."""
        text = f"{self.title} voor {self.cycle}, uiterlijk {spoken(self.due_date)}"
        return text + " (termijn verstreken)" if self.overdue else text


@dataclass(frozen=True)
class OwnerMail:
    owner_name: str
    email: str
    parts: tuple[Part, ...]
    subject: str
    body_html: str


@dataclass(frozen=True)
class NoAddress:
    owner_name: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class MailPreview:
    """Who gets what; `without_address` are listed for her to call or mail by hand."""

    kind: MailKind
    mails: tuple[OwnerMail, ...] = ()
    without_address: tuple[NoAddress, ...] = ()

    @property
    def deliverable_ids(self) -> tuple[int, ...]:
        """Every part shown, mailed or listed (what `send` is limited to)."""
        return self.mailed_ids + tuple(p.deliverable_id for n in self.without_address
                                       for p in n.parts)

    @property
    def mailed_ids(self) -> tuple[int, ...]:
        return tuple(p.deliverable_id for m in self.mails for p in m.parts)


@dataclass(frozen=True)
class Sent:
    changes: Changes = field(default_factory=Changes)
    owners: tuple[str, ...] = ()  # addresses a mail was queued for
    without_address: tuple[str, ...] = ()


class ReportingRequestService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, days: WorkingDays,
                 director_name: str = "", remind_within_working_days: int = 5) -> None:
        self._sessions = sessions
        self._clock = clock
        self._days = days
        self._director = director_name
        self._within = remind_within_working_days

    def preview(self, kind: MailKind, cycle_ids: Sequence[int] | None = None) -> MailPreview:
        with self._sessions() as s:
            return self._preview(s, kind, self._due(s, kind, cycle_ids))

    def send(self, kind: MailKind, deliverable_ids: Collection[int] | None = None,
             cycle_ids: Sequence[int] | None = None) -> Sent:
        """Queue the mails; `deliverable_ids` (the preview she saw) limits them to those
        parts, of which only the ones that still qualify are mailed."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            parts = self._due(s, kind, cycle_ids)
            if deliverable_ids is not None:
                wanted = set(deliverable_ids)
                parts = [d for d in parts if d.id in wanted]
            preview = self._preview(s, kind, parts)
            by_id = {d.id: d for d in parts}
            entries: list[OutboxEntry] = []
            for mail in preview.mails:
                entries.append(queue(s, OutboxKind.SEND_MAIL, mail_values(OutgoingMail(
                    subject=mail.subject, body_html=mail.body_html, to=(mail.email,)))))
                for part in mail.parts:
                    found = by_id[part.deliverable_id]
                    if kind is MailKind.REQUEST:
                        found.requested_at = now
                    else:
                        found.reminded_at = now
            s.flush()
            changes = Changes() if not entries else (
                Changes.of(Kind.OUTBOX, created=[e.id for e in entries])
                | Changes.of(Kind.DELIVERABLE, updated=list(preview.mailed_ids)))
            return Sent(changes, tuple(m.email for m in preview.mails),
                        tuple(n.owner_name for n in preview.without_address))

    # -- what is due -------------------------------------------------------------------
    def _due(self, s: Session, kind: MailKind,
             cycle_ids: Sequence[int] | None) -> list[Deliverable]:
        query = (select(Deliverable).where(Deliverable.status.in_(OPEN_DELIVERABLES))
                 .order_by(Deliverable.due_date, Deliverable.id))
        if cycle_ids is not None:
            query = query.where(Deliverable.cycle_id.in_(list(cycle_ids)))
        if kind is MailKind.REQUEST:
            return list(s.scalars(query.where(Deliverable.requested_at.is_(None))))
        today = self._today()
        horizon = self._working_days_after(today, self._within)
        since = datetime.combine(today, datetime.min.time(), BRUSSELS)
        return list(s.scalars(query.where(
            Deliverable.due_date <= horizon,
            or_(Deliverable.reminded_at.is_(None), Deliverable.reminded_at < since))))

    def _working_days_after(self, day: date, count: int) -> date:
        for _ in range(max(count, 0)):
            day = self._days.on_or_after(date.fromordinal(day.toordinal() + 1))
        return day

    def _today(self) -> date:
        return self._clock.now().astimezone(BRUSSELS).date()

    # -- the mails ---------------------------------------------------------------------
    def _preview(self, s: Session, kind: MailKind, parts: Sequence[Deliverable]) -> MailPreview:
        today = self._today()
        emails = _emails(s, parts)
        groups: dict[str, tuple[str, str, list[Part]]] = {}
        missing: dict[str, list[Part]] = {}
        for d in parts:
            part = Part(d.id, d.title, d.cycle.name, d.due_date, d.due_date < today)
            email = emails.get(d.id, "")
            if email:
                groups.setdefault(email.casefold(), (email, d.owner_name, []))[2].append(part)
            else:
                missing.setdefault(d.owner_name or d.team or "(geen eigenaar)", []).append(part)
        mails = tuple(self._mail(kind, name, email, tuple(rows))
                      for email, name, rows in groups.values())
        return MailPreview(kind, mails, tuple(NoAddress(n, tuple(p))
                                              for n, p in missing.items()))

    def _mail(self, kind: MailKind, owner_name: str, email: str,
              parts: tuple[Part, ...]) -> OwnerMail:
        first = owner_name.split()[0] if owner_name.strip() and "@" not in owner_name else ""
        cycles = sorted({p.cycle for p in parts})
        if kind is MailKind.REQUEST:
            subject = (f"Vraag tot aanlevering voor {cycles[0]}" if len(cycles) == 1
                       else f"Vraag tot aanlevering: {len(parts)} bijdragen voor de rapportering")
            intro = ("Voor de rapportering van de organisatie rekenen we op de volgende "
                     "bijdragen van u:")
        else:
            subject = (f"Herinnering: aanlevering voor {cycles[0]}" if len(cycles) == 1
                       else f"Herinnering: {len(parts)} bijdragen voor de rapportering")
            intro = ("Graag herinneren we u aan de volgende bijdragen die we nog niet "
                     "ontvingen:")
        outro = ("Lukt een termijn niet, laat het dan tijdig weten, dan zoeken we samen een "
                 "oplossing. Alvast bedankt.")
        lines = "".join(f"<li>{html.escape(p.line)}</li>" for p in parts)
        signature = "<br>".join(html.escape(x) for x in (
            "Met vriendelijke groeten", "", self._director or "Het secretariaat",
            "algemeen directeur", "Stad en OCMW Kortrijk"))
        body = (f"<p>Beste {html.escape(first) or 'collega'},</p><p>{html.escape(intro)}</p>"
                f"<ul>{lines}</ul><p>{html.escape(WHAT_BACK)}</p><p>{html.escape(outro)}</p>"
                f"<p>{signature}</p>")
        return OwnerMail(owner_name, email, parts, subject, body)


def _emails(s: Session, parts: Sequence[Deliverable]) -> dict[int, str]:
    """Each part's owner address; an owner typed as an address in the settings counts."""
    return owner_emails(s, ((d.id, d.owner_person_id, d.owner_name) for d in parts),
                        names_may_be_addresses=True)
