"""Switching a profile from EWS to Graph keeps every link: a store synced by the real
EWS client, switched, then synced by the real Graph client over the same sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Attachment,
    AuditEntry,
    Brief,
    CalendarEvent,
    LinkKind,
    Mail,
    MailFolder,
    MailLink,
    OutboxEntry,
    OutboxStatus,
    SyncState,
)
from kortrijk_cockpit.exchange.backend import MailboxBackend
from kortrijk_cockpit.exchange.errors import BackendError
from kortrijk_cockpit.exchange.graph.backend import GraphBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.switch import SWITCHED, switch_to_graph
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.graph.ids import to_rest
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.task_context import TaskContext
from tests.integration.exchange_fixtures import NOW, make_backend

SENDER = ("Els Vandamme", "els.vandamme@kortrijk.be")
NOTA = b"%PDF-1.4 nota personeelsplan"


@dataclass
class World:
    """What the assistant built on the EWS store before the switch (our row ids)."""

    categorized: int  # categories pushed to Exchange, snoozed ("Later"), an action point
    moving: int  # a move to "Behandeld" still waiting in the outbox
    point: int
    brief: int
    event: int
    occurrence: int
    behandeld: int
    ews_ids: dict[int, str]  # mail row -> its EWS id


@pytest.fixture
def graph(sandbox: SandboxServer, mailbox: Mailbox) -> Iterator[GraphBackend]:
    made = make_backend("graph", sandbox, mailbox)
    assert isinstance(made, GraphBackend)
    yield made
    made.close()


@pytest.fixture
def ews(sandbox: SandboxServer, mailbox: Mailbox) -> Iterator[MailboxBackend]:
    made = make_backend("ews", sandbox, mailbox)
    yield made
    made.close()


def sync(store: Store, backend: MailboxBackend, clock: FixedClock) -> None:
    SyncEngine(store.session_factory, backend, clock).sync()


@pytest.fixture
def world(store: Store, ews: MailboxBackend, mailbox: Mailbox, clock: FixedClock) -> World:
    mailbox.add_message("inbox", subject="Stukken MAT: personeelsplan", sender=SENDER,
                        body_html="<p>Graag de nota tegen vrijdag.</p>",
                        received=NOW - timedelta(hours=2),
                        attachments=[("nota.pdf", NOTA, "application/pdf")])
    mailbox.add_message("inbox", subject="Uitnodiging Voka", sender=SENDER,
                        received=NOW - timedelta(hours=1))
    mailbox.add_message("sentitems", subject="Re: begroting", sender=SENDER,
                        received=NOW - timedelta(days=1))
    mailbox.add_event("Werkbezoek Lange Munte", NOW + timedelta(days=2),
                      NOW + timedelta(days=2, hours=2))
    mailbox.add_event("MAT", NOW.replace(hour=9) + timedelta(days=1),
                      NOW.replace(hour=11) + timedelta(days=1),
                      recurrence_weekly_until=(NOW + timedelta(days=22)).date())
    sync(store, ews, clock)
    with store.session() as s:
        by_subject = {m.subject: m for m in s.scalars(select(Mail))}
        behandeld = s.scalars(select(MailFolder)
                              .where(MailFolder.display_name == "Behandeld")).one()
        visit = s.scalars(select(CalendarEvent)
                          .where(CalendarEvent.subject == "Werkbezoek Lange Munte")).one()
        occurrence = s.scalars(select(CalendarEvent).where(CalendarEvent.subject == "MAT")
                               .order_by(CalendarEvent.start_at)).first()
        assert occurrence is not None and occurrence.series_exchange_id
        ews_ids = {m.id: m.exchange_id or "" for m in by_subject.values()}
        mat, voka = by_subject["Stukken MAT: personeelsplan"], by_subject["Uitnodiging Voka"]
        ids = (mat.id, voka.id, behandeld.id, visit.id, occurrence.id)
    triage = TriageService(store.session_factory, clock)
    triage.categorize(ids[0], ["MAT"])
    OutboxPusher(store.session_factory, ews, clock).push()  # Outlook has the category
    triage.snooze([ids[0]], NOW + timedelta(days=3))
    triage.move(ids[1], ids[2])  # waits in the outbox
    with store.session_factory.begin() as s:
        point = ActionPoint(title="Nota personeelsplan nalezen", source_mail_id=ids[0])
        brief = Brief(title="Fiche werkbezoek", calendar_event_id=ids[3])
        s.add_all([point, brief])
        s.flush()
        s.add(MailLink(mail_id=ids[0], target_kind=LinkKind.ACTION_POINT, target_id=point.id))
        made = (point.id, brief.id)
    return World(categorized=ids[0], moving=ids[1], point=made[0], brief=made[1], event=ids[3],
                 occurrence=ids[4], behandeld=ids[2], ews_ids=ews_ids)


def test_switch_keeps_every_link_and_downloads_nothing_twice(
        store: Store, world: World, graph: GraphBackend, sandbox: SandboxServer,
        mailbox: Mailbox, clock: FixedClock) -> None:
    progress: list[tuple[int, int, str]] = []
    announced: list[Changes] = []
    with store.session() as s:
        assert s.scalars(select(SyncState)).all()  # EWS states, meaningless to Graph
        mails_before = {m.id: m.subject for m in s.scalars(select(Mail))}
        events_before = {e.id: e.subject for e in s.scalars(select(CalendarEvent))}

    report = switch_to_graph(store.session_factory, graph,
                             ctx=TaskContext(lambda *p: progress.append(p)),
                             announce=announced.append)

    assert (report.mails, report.untranslated, report.outbox_entries) == (3, 0, 1)
    assert report.attachments == 1 and report.sync_states > 0
    assert progress and announced
    assert {Kind.MAIL, Kind.EVENT, Kind.FOLDER, Kind.OUTBOX} <= announced[0].wholesale
    switched_at = len(sandbox.requests)
    assert sandbox.requests[-1] == "ConvertId"

    sync(store, graph, clock)

    after = sandbox.requests[switched_at:]
    assert "SyncFolderItems" in after  # each folder listed again ...
    assert "GetItem" not in after and "GetAttachment" not in after  # ... but nothing fetched
    with store.session() as s:
        mails = {m.id: m for m in s.scalars(select(Mail))}
        assert {i: m.subject for i, m in mails.items()} == mails_before  # same rows, no twins
        mat = mails[world.categorized]
        assert mat.exchange_id == to_rest(world.ews_ids[world.categorized])
        assert mat.categories == ["MAT"] and mat.snoozed_until is not None
        assert "Graag de nota tegen vrijdag." in mat.body_text
        point = s.get(ActionPoint, world.point)
        assert point is not None and point.source_mail_id == world.categorized
        assert s.scalars(select(MailLink.mail_id)
                         .where(MailLink.target_id == world.point)).all() == [world.categorized]
        assert {e.id: e.subject for e in s.scalars(select(CalendarEvent))} == events_before
        brief = s.get(Brief, world.brief)
        assert brief is not None and brief.calendar_event_id == world.event
        occurrence = s.get(CalendarEvent, world.occurrence)
        assert occurrence is not None and occurrence.series_exchange_id
        assert graph.series_master(occurrence.exchange_id or "") is not None
        # The waiting move goes to the mail and folder Graph knows, by their Graph ids.
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.mail_id == world.moving)).one()
        assert entry.status == OutboxStatus.PENDING
        moving = mails[world.moving]
        assert moving.folder_id == world.behandeld  # still where she filed it
        on_graph = {f.name: f.exchange_id for f in graph.folders()}
        folder = s.get(MailFolder, world.behandeld)
        assert folder is not None and folder.exchange_id == on_graph["Behandeld"]
        assert entry.payload["folder_exchange_id"] == on_graph["Behandeld"]
        summary = graph.item_summary(moving.exchange_id or "")
        assert summary is not None and summary.change_key == moving.change_key
        attachment = s.scalars(select(Attachment)).one()
    # The attachment opens over Graph with its translated id.
    assert graph.fetch_attachment(attachment.exchange_id or "") == NOTA

    # A change made in Outlook afterwards arrives on the same row.
    mailbox.update_item(world.ews_ids[world.categorized], subject="Stukken MAT (herzien)")
    sync(store, graph, clock)
    with store.session() as s:
        changed = s.get(Mail, world.categorized)
        assert changed is not None and changed.subject == "Stukken MAT (herzien)"
        assert changed.categories == ["MAT"] and changed.snoozed_until is not None


def test_a_second_switch_changes_nothing(store: Store, world: World,
                                         graph: GraphBackend, sandbox: SandboxServer) -> None:
    switch_to_graph(store.session_factory, graph)
    with store.session() as s:
        ids = sorted(s.scalars(select(Mail.exchange_id)).all(), key=str)
        attachments = s.scalars(select(Attachment.exchange_id)).all()
    calls = len(sandbox.requests)
    announced: list[Changes] = []

    again = switch_to_graph(store.session_factory, graph, announce=announced.append)

    assert again.already_switched and not announced
    assert len(sandbox.requests) == calls  # not even asked
    with store.session() as s:
        assert sorted(s.scalars(select(Mail.exchange_id)).all(), key=str) == ids
        assert s.scalars(select(Attachment.exchange_id)).all() == attachments
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == SWITCHED)).all()) == 1


def test_a_failed_switch_leaves_the_ews_store_as_it_was(
        store: Store, world: World, graph: GraphBackend, sandbox: SandboxServer) -> None:
    sandbox.faults.drop_connection(operation="ConvertId")
    with store.session() as s:
        before = sorted(s.scalars(select(Mail.exchange_id)).all(), key=str)

    with pytest.raises(BackendError):
        switch_to_graph(store.session_factory, graph)

    with store.session() as s:
        assert sorted(s.scalars(select(Mail.exchange_id)).all(), key=str) == before
        assert s.scalars(select(SyncState)).all()
        assert not s.scalars(select(AuditEntry).where(AuditEntry.action == SWITCHED)).all()
    assert not switch_to_graph(store.session_factory, graph).already_switched  # retry works


def _translate(sandbox: SandboxServer, mailbox: Mailbox, body: object) -> requests.Response:
    return requests.post(f"{sandbox.graph_url}/users/{mailbox.owner}/translateExchangeIds",
                         json=body, headers={"Authorization": f"Bearer {sandbox.graph_token}"},
                         timeout=10)


def test_translate_exchange_ids_both_ways_and_its_limits(
        sandbox: SandboxServer, mailbox: Mailbox) -> None:
    ews_id = mailbox.add_message("inbox", subject="Vraag", sender=SENDER)
    answer = _translate(sandbox, mailbox, {"inputIds": [ews_id, "geen-id"],
                                           "sourceIdType": "ewsId", "targetIdType": "restId"})
    assert answer.status_code == 200
    assert answer.json()["value"] == [{"sourceId": ews_id, "targetId": to_rest(ews_id)},
                                      {"sourceId": "geen-id"}]
    back = _translate(sandbox, mailbox, {"inputIds": [to_rest(ews_id)],
                                         "sourceIdType": "restId", "targetIdType": "ewsId"})
    assert back.json()["value"] == [{"sourceId": to_rest(ews_id), "targetId": ews_id}]
    too_many = _translate(sandbox, mailbox, {"inputIds": [ews_id] * 1001,
                                             "sourceIdType": "ewsId", "targetIdType": "restId"})
    assert too_many.status_code == 400
    assert sandbox.requests.count("ConvertId") == 3
