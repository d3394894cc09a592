"""What Graph adds to the calendar writes: the etag guards an appointment changed in
Outlook, an occurrence's own id, getSchedule's 62-day windows, files over 3 MB.

The Graph client talks HTTP to the sandbox's Graph front-end; the mailbox behind it
is the one the EWS tests use.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import requests

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.demo_office import member
from kortrijk_cockpit.demo_office.colleagues import colleague_calendar
from kortrijk_cockpit.domain import OutboxStatus
from kortrijk_cockpit.exchange.errors import ItemConflict
from kortrijk_cockpit.exchange.graph.backend import GraphBackend
from kortrijk_cockpit.exchange.records import BusyStatus, EventDraft, OutgoingAttachment
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.demo import demo_mailbox
from kortrijk_cockpit.services.calendar import CalendarService
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import BXL, NOW, backend_id, make_backend, server_id
from tests.integration.test_calendar_writes import (
    JAN,
    TUESDAY,
    local,
    pull,
    push_until_settled,
    server_times,
    statuses,
    weekly_mat,
)


@pytest.fixture
def graph(sandbox: SandboxServer, mailbox: Mailbox) -> Iterator[GraphBackend]:
    made = make_backend("graph", sandbox, mailbox)
    assert isinstance(made, GraphBackend)
    yield made
    made.close()


def test_an_appointment_changed_in_outlook_between_sync_and_push_is_not_overwritten(
        store: Store, graph: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer,
        clock: FixedClock) -> None:
    ews_id = mailbox.add_event("Overleg Leiedal", TUESDAY, TUESDAY.replace(hour=10),
                               attendees=[JAN], location="Stadhuis")
    pull(store, graph, clock)
    [event] = local(store, "Overleg Leiedal")
    CalendarService(store.session_factory).move(event.id, TUESDAY.replace(hour=14))
    mailbox.update_item(ews_id, location="Raadzaal")  # he changes it in Outlook meanwhile

    push_until_settled(store, graph)

    assert statuses(store) == [OutboxStatus.CONFLICT]
    assert "UpdateItem" in sandbox.requests  # the PATCH was sent, and refused on its etag
    assert server_times(graph, "Overleg Leiedal") == ["24/11 09:00-10:00"]
    assert mailbox.get(ews_id).location == "Raadzaal"  # Outlook's change stays
    assert mailbox.invitations == []  # the attendees were not told of a change not made


def test_a_stale_etag_is_refused_by_the_graph_front_end(
        graph: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    """The HTTP seam itself: a PATCH naming an old version gets 412, the item stays."""
    ews_id = mailbox.add_event("Bilateraal", TUESDAY, TUESDAY.replace(hour=10))
    old = mailbox.get(ews_id).change_key
    mailbox.update_item(ews_id, subject="Bilateraal (verplaatst)")
    answer = requests.patch(
        f"{sandbox.graph_url}/users/{mailbox.owner}/events/{backend_id('graph', ews_id)}",
        json={"subject": "Overschreven"}, timeout=10,
        headers={"Authorization": f"Bearer {sandbox.graph_token}", "If-Match": f'W/"{old}"'})
    assert answer.status_code == 412
    assert mailbox.get(ews_id).subject == "Bilateraal (verplaatst)"


def test_an_occurrence_update_leaves_the_rest_of_the_series(
        graph: GraphBackend, mailbox: Mailbox) -> None:
    master = weekly_mat(mailbox)
    view = [e for e in graph.calendar_view(NOW, NOW + timedelta(days=40)) if e.subject == "MAT"]
    second = next(e for e in view if e.start_at.astimezone(BXL).date() == date(2026, 12, 1))
    assert second.exchange_id != backend_id("graph", master)  # its own id
    moved = EventDraft(subject="MAT", start_at=datetime(2026, 12, 1, 14, 0, tzinfo=BXL),
                       end_at=datetime(2026, 12, 1, 16, 0, tzinfo=BXL))

    change_key = graph.update_event(second.exchange_id, second.change_key, moved,
                                    fields=("start_at", "end_at"))

    assert change_key == mailbox.get(master).change_key
    assert server_times(graph, "MAT") == ["24/11 09:00-11:00", "01/12 14:00-16:00",
                                          "08/12 09:00-11:00", "15/12 09:00-11:00",
                                          "22/12 09:00-11:00"]
    [update] = mailbox.invitations  # the attendees hear of that one date only
    assert (update.kind, update.start) == ("update", moved.start_at)
    assert update.item_id == server_id(second.exchange_id)
    with pytest.raises(ItemConflict):  # the version read before the change is stale now
        graph.update_event(second.exchange_id, second.change_key, moved, fields=("subject",))


def test_cancelling_one_occurrence_with_a_message_leaves_the_series(
        graph: GraphBackend, mailbox: Mailbox) -> None:
    weekly_mat(mailbox)
    view = [e for e in graph.calendar_view(NOW, NOW + timedelta(days=40)) if e.subject == "MAT"]

    graph.cancel_event(view[2].exchange_id, view[2].change_key, "Geen MAT wegens congres.")

    assert server_times(graph, "MAT") == ["24/11 09:00-11:00", "01/12 09:00-11:00",
                                          "15/12 09:00-11:00", "22/12 09:00-11:00"]
    [cancellation] = mailbox.invitations
    assert cancellation.kind == "cancellation"
    assert cancellation.message == "Geen MAT wegens congres."
    assert cancellation.start == datetime(2026, 12, 8, 9, 0, tzinfo=BXL)


def test_an_all_day_appointment_keeps_its_brussels_dates(
        graph: GraphBackend, mailbox: Mailbox) -> None:
    day = datetime(2026, 12, 7, tzinfo=BXL)
    draft = EventDraft(subject="Personeelsfeest", start_at=day, end_at=day + timedelta(days=1),
                       is_all_day=True, marker="kc-allday-1")

    exchange_id, _ = graph.create_event(draft)

    item = mailbox.get(server_id(exchange_id))
    assert (item.is_all_day, item.start, item.end) == (True, day, day + timedelta(days=1))
    found = graph.event(exchange_id)
    assert found is not None and (found.start_at, found.end_at) == (day, day + timedelta(days=1))


def test_a_file_over_3_mb_goes_through_an_upload_session_and_a_removed_one_is_no_error(
        graph: GraphBackend, mailbox: Mailbox, sandbox: SandboxServer) -> None:
    ews_id = mailbox.add_event("Voka netwerkavond", TUESDAY, TUESDAY.replace(hour=11))
    exchange_id = backend_id("graph", ews_id)
    big = OutgoingAttachment("Plan.pdf", b"%PDF" + bytes(range(256)) * 16384, "application/pdf")
    graph.attach_to_event(exchange_id, mailbox.get(ews_id).change_key, big)
    assert "UploadChunk" in sandbox.requests
    assert [(a.name, a.content) for a in mailbox.get(ews_id).attachments] == \
        [("Plan.pdf", big.content)]
    for attachment in list(mailbox.get(ews_id).attachments):
        mailbox.remove_attachment(attachment.attachment_id)
    change_key = mailbox.get(ews_id).change_key

    small = OutgoingAttachment("Fiche.pdf", b"%PDF-1.4 fiche", "application/pdf")
    new_key = graph.attach_to_event(exchange_id, change_key, small)
    assert new_key == mailbox.get(ews_id).change_key != change_key
    files = graph.event_files(exchange_id)
    assert files is not None and [f.name for f in files.files] == ["Fiche.pdf"]
    path = files.files[0].exchange_id

    assert graph.remove_attachment(path) == mailbox.get(ews_id).change_key
    assert graph.remove_attachment(path) is None  # an earlier attempt removed it
    assert mailbox.get(ews_id).attachments == []


def test_free_busy_is_asked_in_windows_of_62_days() -> None:
    """98 days: two getSchedule calls (EWS needs three of 42), the same blocks once."""
    mailbox = demo_mailbox(mails=0, events=60, now=NOW)
    sofie = member("Sofie Vandenbroucke")
    start = datetime(2026, 2, 4, tzinfo=BXL)
    end = start + timedelta(days=98)
    with SandboxServer(mailbox) as server:
        backend = make_backend("graph", server, mailbox)
        try:
            found = backend.free_busy([sofie.email, "wim.vanhoutte@voka.be"], start, end)
        finally:
            backend.close()
        assert server.requests.count("GetUserAvailabilityRequest") == 2
    status = {"Busy": BusyStatus.BUSY, "Tentative": BusyStatus.TENTATIVE, "OOF": BusyStatus.OOF}
    expected = [(e.start.astimezone(UTC), e.end.astimezone(UTC), status[e.free_busy])
                for e in colleague_calendar(sofie, 1, NOW)
                if e.start < end and e.end > start and e.free_busy != "Free"]
    assert list(found) == [sofie.email]  # the outsider is left out, as over EWS
    assert [(b.start_at.astimezone(UTC), b.end_at.astimezone(UTC), b.status)
            for b in found[sofie.email]] == expected
    assert all(b.subject == "" for b in found[sofie.email])  # a colleague shares no details
