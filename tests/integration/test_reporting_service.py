"""A year of reporting cycles from the template, on SQLite and PostgreSQL: planned
backwards from the council, a deliverable per team, statuses and documents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import (
    Deliverable,
    DeliverableStatus,
    Mail,
    MailFolder,
    MilestoneKind,
    Person,
    ReportingCycle,
)
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.services.reporting import ReportingService, Team
from kortrijk_cockpit.services.reporting_plan import PlanRules, parse_periods
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=BRUSSELS)
TEAMS = (Team("Financiën", "Financiën", "nathalie.claeys@kortrijk.be"),
         Team("Omgeving", "Ruimtelijke planning", "Annelies Verhaeghe"))


def service(store: Store) -> ReportingService:
    rules = PlanRules(closures=parse_periods(["2026-07-20/2026-08-14"]))
    return ReportingService(store.session_factory, FixedClock(NOW), rules, TEAMS)


def test_a_year_of_cycles_is_planned_backwards_with_a_part_per_team(store: Store) -> None:
    with store.session_factory.begin() as s:
        s.add(Person(full_name="Nathalie Claeys", email="Nathalie.Claeys@kortrijk.be"))
    reporting = service(store)

    ids, changes = reporting.create_year(2026)

    assert len(ids) == 8 and changes  # four BBC cycles, four quarterly management reports
    cycles = {c.name: c for c in reporting.cycles(2026)}
    jaarrekening = cycles["Jaarrekening 2025"]
    kinds = {m.kind: m for m in jaarrekening.milestones}
    assert kinds[MilestoneKind.COUNCIL].due_on == date(2026, 6, 8)
    assert kinds[MilestoneKind.COLLEGE].due_on == date(2026, 5, 26)
    assert "Pinkstermaandag" in kinds[MilestoneKind.COLLEGE].note
    assert MilestoneKind.AGENCY in kinds
    assert (jaarrekening.deliverables, jaarrekening.open_deliverables) == (2, 2)
    q1 = cycles["Managementrapportering Q1 2026"]
    assert {m.kind for m in q1.milestones} == {MilestoneKind.MATDC, MilestoneKind.DRAFTS}
    with store.session() as s:
        parts = s.scalars(select(Deliverable).join(ReportingCycle)
                          .where(ReportingCycle.name == "Jaarrekening 2025")
                          .order_by(Deliverable.team)).all()
        assert [(d.title, d.directie, d.owner_name) for d in parts] == [
            ("Bijdrage Financiën", "Financiën", "Nathalie Claeys"),
            ("Bijdrage Ruimtelijke planning", "Omgeving", "Annelies Verhaeghe")]
        assert parts[0].owner_person_id is not None and parts[1].owner_person_id is None
        assert {d.due_date for d in parts} == {kinds[MilestoneKind.DRAFTS].due_on}

    assert reporting.create_year(2026)[0] == []  # made once
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ReportingCycle)) == 8


def test_a_part_received_by_mail_and_approved(store: Store) -> None:
    reporting = service(store)
    reporting.create_year(2026)
    with store.session_factory.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX)
        s.add(folder)
        s.flush()
        mail = Mail(folder_id=folder.id, subject="Jaarrekening: bijdrage Financiën")
        s.add(mail)
        s.flush()
        mail_id = mail.id
        part = s.scalars(select(Deliverable).order_by(Deliverable.id)).first()
        assert part is not None
        part_id = part.id

    reporting.link_document(part_id, mail_id, "Bijdrage jaarrekening.xlsx")
    with store.session() as s:
        part = s.get(Deliverable, part_id)
        assert part is not None and part.status == DeliverableStatus.RECEIVED
        assert (part.document_mail_id, part.document_name) == (mail_id,
                                                               "Bijdrage jaarrekening.xlsx")
        assert part.delivered_at == NOW
    reporting.set_status(part_id, DeliverableStatus.APPROVED)
    reporting.set_status(part_id, DeliverableStatus.IN_PROGRESS)  # sent back: not delivered
    with store.session() as s:
        part = s.get(Deliverable, part_id)
        assert part is not None and part.delivered_at is None
