"""The sandbox's Graph front-end, driven over HTTP with plain requests: one mailbox answers
EWS and Graph, and a fault switched on applies to the operation under either protocol."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import exchangelib
import pytest
import requests

from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.graph.ids import from_rest, to_rest
from tests.integration.sandbox_fixtures import NOW, OWNER, SOFIE, build_mailbox, make_account


@pytest.fixture
def box() -> Mailbox:
    return build_mailbox()


@pytest.fixture
def server(box: Mailbox) -> Iterator[SandboxServer]:
    with SandboxServer(box) as running:
        yield running
    exchangelib.close_connections()


def get(server: SandboxServer, path: str, **headers: str) -> requests.Response:
    url = path if path.startswith("http") else f"{server.graph_url}/users/{OWNER}{path}"
    return requests.get(url, headers={"Authorization": f"Bearer {server.graph_token}", **headers},
                        timeout=10)


def delta(server: SandboxServer, first: str, page_size: int) -> tuple[list[dict[str, Any]], str]:
    """Every item of a delta round, and its delta link."""
    values: list[dict[str, Any]] = []
    link = first
    while True:
        answer = get(server, link, Prefer=f"odata.maxpagesize={page_size}").json()
        values += answer["value"]
        if "@odata.deltaLink" in answer:
            return values, answer["@odata.deltaLink"]
        link = answer["@odata.nextLink"]


def test_graph_needs_the_assistants_bearer_token(server: SandboxServer) -> None:
    refused = requests.get(f"{server.graph_url}/users/{OWNER}/mailFolders/inbox", timeout=10)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "InvalidAuthenticationToken"
    wrong = get(server, "/mailFolders/inbox", Authorization="Bearer iets-anders")
    assert wrong.status_code == 401
    assert get(server, "/mailFolders/inbox").json()["displayName"] == "Postvak IN"


def test_another_mailbox_is_not_served(server: SandboxServer) -> None:
    answer = requests.get(f"{server.graph_url}/users/iemand@kortrijk.be/mailFolders/inbox",
                          headers={"Authorization": f"Bearer {server.graph_token}"}, timeout=10)
    assert (answer.status_code, answer.json()["error"]["code"]) == (404, "ErrorInvalidUser")


def test_rest_ids_differ_from_ews_ids_and_an_ews_id_is_refused(
        server: SandboxServer, box: Mailbox) -> None:
    ews_id = box.folder("inbox").items[0].id
    assert to_rest(ews_id) != ews_id and from_rest(to_rest(ews_id)) == ews_id
    answer = get(server, f"/messages/{ews_id}")
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "ErrorInvalidIdMalformed")
    assert get(server, f"/messages/{to_rest(ews_id)}").json()["subject"] == box.get(ews_id).subject


def test_message_delta_pages_then_reports_only_what_changed(
        server: SandboxServer, box: Mailbox) -> None:
    first = "/mailFolders/inbox/messages/delta?$select=subject,isRead"
    values, link = delta(server, first, page_size=2)
    assert len(values) == 5 and all(set(v) >= {"id", "subject", "isRead"} for v in values)
    assert "from" not in values[0]  # $select is honoured
    assert server.requests.count("SyncFolderItems") == 3  # pages of 2, 2 and 1

    read_one = box.folder("inbox").items[0]
    box.update_item(read_one.id, is_read=True)
    box.delete_item(box.folder("inbox").items[1].id)
    box.add_message("inbox", "Nieuw", sender=SOFIE, received=NOW)
    changed, _ = delta(server, link, page_size=10)
    removed = [v["id"] for v in changed if "@removed" in v]
    assert len(removed) == 1 and from_rest(removed[0]) is not None
    assert {v.get("subject") for v in changed if "@removed" not in v} == {read_one.subject, "Nieuw"}


def test_an_expired_delta_token_is_410_under_either_protocol_switch(
        server: SandboxServer) -> None:
    _, link = delta(server, "/mailFolders/inbox/messages/delta", page_size=10)
    server.faults.invalid_sync_state(folder="inbox")
    answer = get(server, link)
    assert (answer.status_code, answer.json()["error"]["code"]) == (410, "SyncStateNotFound")
    assert get(server, link).status_code == 200  # the fault was used up


def test_throttling_is_429_with_retry_after_for_the_same_operation(server: SandboxServer) -> None:
    server.faults.server_busy(count=1, backoff_ms=2500, operation="SyncFolderItems")
    busy = get(server, "/mailFolders/inbox/messages/delta")
    assert busy.status_code == 429 and busy.headers["Retry-After"] == "2.5"
    assert get(server, "/mailFolders/inbox/messages/delta").status_code == 200


def test_a_fault_for_an_operation_applies_to_ews_and_graph_alike(server: SandboxServer) -> None:
    server.faults.http_status(503, count=2, operation="GetFolder", retry_after=3)
    graph = get(server, "/mailFolders/inbox")
    assert (graph.status_code, graph.headers["Retry-After"]) == (503, "3")
    with pytest.raises(Exception):
        make_account(server).inbox.refresh()
    assert server.faults.pending == 0


def test_one_mailbox_answers_both_protocols(server: SandboxServer, box: Mailbox) -> None:
    box.add_message("inbox", "Via Outlook", sender=SOFIE, received=NOW)
    ews_subjects = {m.subject for m in make_account(server).inbox.all().only("subject")}
    graph_subjects = {v["subject"] for v in delta(server, "/mailFolders/inbox/messages/delta",
                                                  page_size=50)[0]}
    assert graph_subjects == ews_subjects and "Via Outlook" in graph_subjects


def test_calendar_view_expands_the_series_and_a_batch_reads_bodies(
        server: SandboxServer, box: Mailbox) -> None:
    start, end = NOW - timedelta(days=14), NOW + timedelta(days=14)
    view = get(server, f"/calendarView?startDateTime={start.isoformat().replace('+', '%2B')}"
                       f"&endDateTime={end.isoformat().replace('+', '%2B')}&$top=100").json()
    mat = [e for e in view["value"] if e["subject"].startswith("MAT")]
    assert len(mat) == 4 and {e["type"] for e in mat} == {"occurrence"}  # the Tuesdays
    assert len({e["seriesMasterId"] for e in mat}) == 1

    ids = [to_rest(i.id) for i in box.folder("inbox").items[:3]]
    batch = requests.post(f"{server.graph_url}/$batch", timeout=10,
                          headers={"Authorization": f"Bearer {server.graph_token}"},
                          json={"requests": [{"id": str(n), "method": "GET",
                                              "url": f"/users/{OWNER}/messages/{i}?$select=body"}
                                             for n, i in enumerate(ids)]}).json()
    assert [r["status"] for r in batch["responses"]] == [200, 200, 200]
    assert all("Beste Hilde" in r["body"]["body"]["content"] for r in batch["responses"])
    assert server.requests[-1] == "GetItem"  # a batch of reads is one GetItem


def test_a_round_trip_latency_delays_every_answer_of_either_protocol(server: SandboxServer) -> None:
    import time

    server.faults.latency_s = 0.2
    started = time.perf_counter()
    assert get(server, "/mailFolders/inbox").status_code == 200
    make_account(server).inbox.refresh()
    assert time.perf_counter() - started >= 0.4  # one Graph and one EWS request
    server.faults.clear()
    assert server.faults.latency_s == 0
