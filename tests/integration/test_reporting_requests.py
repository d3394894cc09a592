"""Request and reminder mails for reporting parts through the sandbox (real exchangelib):
one mail per owner with all that is due from them across cycles, a preview first, no part
asked twice or received parts asked at all, reminders only for what is open and due soon
or overdue. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.domain import Deliverable, DeliverableStatus, Person, ReportingCycle
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.round import MailboxRound
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.services.reporting_plan import WorkingDays
from kortrijk_cockpit.services.reporting_requests import MailKind, ReportingRequestService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import settings_for

NATHALIE = ("Nathalie Claeys", "nathalie.claeys@kortrijk.be")
JAN = ("Jan Vercruysse", "jan.vercruysse@kortrijk.be")
# The clock fixture: Monday 23/11/2026.


@pytest.fixture
def mailbox_round(store: Store, sandbox: SandboxServer, mailbox: Mailbox, clock: FixedClock,
                  paths: Paths) -> Iterator[MailboxRound]:
    mailbox_round = MailboxRound(lambda: EwsBackend(settings_for(sandbox, mailbox),
                                                    sandbox.password),
                                 store.session_factory, clock, attachments_root=paths.attachments)
    yield mailbox_round
    mailbox_round.close()


def make_parts(store: Store) -> None:
    with store.session_factory.begin() as s:
        nathalie = Person(full_name=NATHALIE[0], email=NATHALIE[1], is_internal=True)
        s.add_all([nathalie, Person(full_name=JAN[0], email=JAN[1], is_internal=True)])
        s.flush()
        mjp = ReportingCycle(name="Aanpassing meerjarenplan 2027", kind="bbc", year=2026)
        q4 = ReportingCycle(name="Managementrapportering Q4 2026", kind="management",
                            year=2026)
        mjp.deliverables += [
            Deliverable(title="Bijdrage Financiën", owner_name=NATHALIE[0],
                        owner_person_id=nathalie.id, due_date=date(2026, 11, 27)),
            Deliverable(title="Bijdrage Omgeving", owner_name=JAN[0],
                        due_date=date(2026, 11, 16)),  # overdue
            Deliverable(title="Bijdrage Welzijn", owner_name="Onbekende Collega",
                        due_date=date(2026, 12, 18))]
        q4.deliverables += [
            Deliverable(title="Rapport Financiën", owner_name=NATHALIE[0],
                        owner_person_id=nathalie.id, due_date=date(2027, 1, 29)),
            Deliverable(title="Rapport Omgeving", owner_name=JAN[0], due_date=date(2026, 11, 25),
                        status=DeliverableStatus.RECEIVED)]  # sent in before anyone asked
        s.add_all([mjp, q4])


def service(store: Store, clock: FixedClock) -> ReportingRequestService:
    return ReportingRequestService(store.session_factory, clock, WorkingDays(),
                                   director_name="Hilde Vanthuyne",
                                   remind_within_working_days=5)


def test_one_request_per_owner_across_cycles_and_no_part_asked_twice(
        store: Store, mailbox: Mailbox, mailbox_round: MailboxRound, clock: FixedClock) -> None:
    make_parts(store)
    requests = service(store, clock)

    preview = requests.preview(MailKind.REQUEST)
    assert {m.email: [p.title for p in m.parts] for m in preview.mails} == {
        NATHALIE[1]: ["Bijdrage Financiën", "Rapport Financiën"],
        JAN[1]: ["Bijdrage Omgeving"]}  # his report came in already: not asked
    assert [(n.owner_name, [p.title for p in n.parts]) for n in preview.without_address] == [
        ("Onbekende Collega", ["Bijdrage Welzijn"])]

    sent = requests.send(MailKind.REQUEST, preview.deliverable_ids)
    assert sorted(sent.owners) == [JAN[1], NATHALIE[1]]
    assert sent.without_address == ("Onbekende Collega",)
    assert len(sent.changes.outbox.created) == 2
    assert mailbox_round.run(TaskContext()).ok

    by_owner = {m.to[0].email: m for m in mailbox.sent}
    assert sorted(by_owner) == [JAN[1], NATHALIE[1]]
    to_nathalie, to_jan = by_owner[NATHALIE[1]], by_owner[JAN[1]]
    assert to_nathalie.subject == "Vraag tot aanlevering: 2 bijdragen voor de rapportering"
    assert "Beste Nathalie" in to_nathalie.body_html
    assert ("Bijdrage Financiën voor Aanpassing meerjarenplan 2027, uiterlijk vrijdag "
            "27 november 2026") in to_nathalie.body_html
    assert ("Rapport Financiën voor Managementrapportering Q4 2026, uiterlijk vrijdag "
            "29 januari 2027") in to_nathalie.body_html
    assert "Wat we terug verwachten" in to_nathalie.body_html
    assert to_jan.subject == "Vraag tot aanlevering voor Aanpassing meerjarenplan 2027"
    assert "(termijn verstreken)" in to_jan.body_html
    assert "Rapport Omgeving" not in to_jan.body_html
    with store.session() as s:
        asked = s.scalars(select(Deliverable.title).where(Deliverable.requested_at.is_not(None))
                          .order_by(Deliverable.title)).all()
        assert asked == ["Bijdrage Financiën", "Bijdrage Omgeving", "Rapport Financiën"]

    # A second request asks only the part added since, not what was asked or received.
    with store.session_factory.begin() as s:
        q4 = s.scalar(select(ReportingCycle).where(ReportingCycle.name.like("Management%")))
        assert q4 is not None
        q4.deliverables.append(Deliverable(title="Rapport Mobiliteit", owner_name=JAN[0],
                                           due_date=date(2027, 1, 29)))
    again = requests.preview(MailKind.REQUEST)
    assert [(m.email, [p.title for p in m.parts]) for m in again.mails] == [
        (JAN[1], ["Rapport Mobiliteit"])]
    requests.send(MailKind.REQUEST, again.deliverable_ids)
    assert mailbox_round.run(TaskContext()).ok
    assert len(mailbox.sent) == 3
    latest = mailbox.sent[-1]
    assert "Rapport Mobiliteit" in latest.body_html
    assert "Bijdrage Omgeving" not in latest.body_html
    assert "Rapport Omgeving" not in latest.body_html
    assert not requests.send(MailKind.REQUEST).changes  # nothing left to ask


def test_reminders_only_for_open_parts_due_soon_or_overdue_once_a_day(
        store: Store, mailbox: Mailbox, mailbox_round: MailboxRound, clock: FixedClock) -> None:
    make_parts(store)
    reminders = service(store, clock)

    preview = reminders.preview(MailKind.REMINDER)
    assert {m.email: [p.title for p in m.parts] for m in preview.mails} == {
        NATHALIE[1]: ["Bijdrage Financiën"],  # due Friday; her Q4 report is weeks away
        JAN[1]: ["Bijdrage Omgeving"]}  # overdue; his received report is not reminded
    assert preview.without_address == ()  # Welzijn is due in December

    sent = reminders.send(MailKind.REMINDER, preview.deliverable_ids)
    assert len(sent.changes.outbox.created) == 2
    assert not reminders.send(MailKind.REMINDER).changes  # not twice the same day
    assert mailbox_round.run(TaskContext()).ok
    by_owner = {m.to[0].email: m for m in mailbox.sent}
    assert by_owner[JAN[1]].subject == ("Herinnering: aanlevering voor Aanpassing "
                                        "meerjarenplan 2027")
    assert "(termijn verstreken)" in by_owner[JAN[1]].body_html
    assert "Rapport Financiën" not in by_owner[NATHALIE[1]].body_html
    with store.session() as s:
        reminded = s.scalars(select(Deliverable.title)
                             .where(Deliverable.reminded_at.is_not(None))
                             .order_by(Deliverable.title)).all()
        assert reminded == ["Bijdrage Financiën", "Bijdrage Omgeving"]

    # The next day, after Nathalie's part came in: only Jan again.
    with store.session_factory.begin() as s:
        part = s.scalar(select(Deliverable).where(Deliverable.title == "Bijdrage Financiën"))
        assert part is not None
        part.status = DeliverableStatus.RECEIVED
    clock.moment += timedelta(days=1)
    assert reminders.send(MailKind.REMINDER).owners == (JAN[1],)
