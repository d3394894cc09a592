"""Free/busy of the director and his colleagues: real exchangelib over HTTP to the sandbox.

The demo mailbox's "now" is Wednesday 25 March 2026; DST starts Sunday 29 March,
so the window below holds weeks on both sides of the change.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from exchangelib import EWSDateTime, EWSTimeZone

from kortrijk_cockpit.demo_office import member
from kortrijk_cockpit.demo_office.colleagues import colleague_calendar
from kortrijk_cockpit.exchange.errors import Offline, Throttled
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.records import BusyBlock, BusyStatus
from kortrijk_cockpit.sandbox import Mailbox, SandboxServer
from kortrijk_cockpit.sandbox.demo import demo_mailbox
from tests.integration.exchange_fixtures import BXL
from tests.integration.sandbox_fixtures import make_account

NOW = datetime(2026, 3, 25, 8, 0, tzinfo=BXL)
START = datetime(2026, 3, 26, 0, 0, tzinfo=BXL)  # Thursday, winter time
END = datetime(2026, 4, 3, 0, 0, tzinfo=BXL)  # Friday after, summer time
DIRECTOR = "algemeen.directeur@kortrijk.be"
SOFIE = member("Sofie Vandenbroucke")  # financieel directeur: MAT and DC
BART = member("Bart Vanneste")  # directeur Welzijn: MAT and DC
STATUS = {"Busy": BusyStatus.BUSY, "Tentative": BusyStatus.TENTATIVE, "OOF": BusyStatus.OOF}


@pytest.fixture
def mailbox() -> Mailbox:
    return demo_mailbox(mails=0, events=60, now=NOW)


def expected(person_email: str, start: datetime = START,
             end: datetime = END) -> list[BusyBlock]:
    """The person's demo calendar in the window, as free/busy only (no details)."""
    return [BusyBlock(e.start.astimezone(UTC), e.end.astimezone(UTC), STATUS[e.free_busy])
            for e in colleague_calendar(member(person_email), 1, NOW)
            if e.start < end and e.end > start and e.free_busy != "Free"]


def in_utc(blocks: list[BusyBlock]) -> list[tuple[datetime, datetime, BusyStatus, str]]:
    return [(b.start_at.astimezone(UTC), b.end_at.astimezone(UTC), b.status, b.subject)
            for b in blocks]


@pytest.mark.both_protocols
def test_two_colleagues_busy_blocks_come_back_right_across_the_dst_change(
        backend: EwsBackend) -> None:
    found = backend.free_busy([SOFIE.email, BART.email.upper()], START, END)

    assert set(found) == {SOFIE.email, BART.email}
    for person in (SOFIE, BART):
        assert in_utc(found[person.email]) == in_utc(expected(person.email))
    sofie = in_utc(found[SOFIE.email])
    # DC, Thursday 26 March 09:00-11:30 winter time (UTC+1): 08:00-10:30 UTC.
    assert (datetime(2026, 3, 26, 8, 0, tzinfo=UTC), datetime(2026, 3, 26, 10, 30, tzinfo=UTC),
            BusyStatus.BUSY, "") in sofie
    # MAT, Tuesday 31 March 09:00-11:00 summer time (UTC+2): 07:00-09:00 UTC.
    assert (datetime(2026, 3, 31, 7, 0, tzinfo=UTC), datetime(2026, 3, 31, 9, 0, tzinfo=UTC),
            BusyStatus.BUSY, "") in sofie
    # Both still at 09:00 on the Brussels clock, as the office sees them.
    local_starts = {b.start_at.astimezone(BXL).time() for b in found[SOFIE.email]
                    if b.start_at.astimezone(BXL).weekday() in (1, 3)}
    assert time(9) in local_starts
    # Colleagues share free/busy time only: no subjects.
    assert all(b.subject == "" for b in found[BART.email])


@pytest.mark.both_protocols
def test_the_director_shows_in_detail_and_outsiders_are_left_out(
        backend: EwsBackend, mailbox: Mailbox) -> None:
    mailbox.add_event("Tandarts", datetime(2026, 4, 1, 12, 30, tzinfo=BXL),
                      datetime(2026, 4, 1, 13, 30, tzinfo=BXL), location="Kortrijk centrum",
                      sensitivity="Private")
    found = backend.free_busy([DIRECTOR, "wim.vanhoutte@voka.be"], START, END)

    assert set(found) == {DIRECTOR}
    mat = [b for b in found[DIRECTOR] if b.subject == "MAT (managementteam)"]
    assert [(b.start_at.astimezone(BXL).isoformat(), b.end_at.astimezone(BXL).isoformat())
            for b in mat] == [("2026-03-31T09:00:00+02:00", "2026-03-31T11:00:00+02:00")]
    assert mat[0].location == "Stadhuis, zaal Groeninge"
    # A private appointment is busy time, nothing more (no ViewPrivateItems grant).
    dentist = [b for b in found[DIRECTOR]
               if b.start_at == datetime(2026, 4, 1, 10, 30, tzinfo=UTC)]
    assert [(b.status, b.subject, b.location) for b in dentist] == [(BusyStatus.BUSY, "", "")]


def plain_utc(value: EWSDateTime) -> datetime:
    """exchangelib's datetime as a stdlib one in UTC (EWSDateTime refuses stdlib zones)."""
    return datetime.fromisoformat(value.isoformat()).astimezone(UTC)


def test_the_time_zone_of_the_request_is_honoured(sandbox: SandboxServer) -> None:
    """The same busy time, asked for in New York's and in UTC's time: the same instants."""
    account = make_account(sandbox)
    answers = []
    for zone in (EWSTimeZone("America/New_York"), EWSTimeZone("UTC"), EWSTimeZone(BXL.key)):
        start, end = START.astimezone(zone), END.astimezone(zone)
        assert isinstance(start, EWSDateTime)
        [view] = account.protocol.get_free_busy_info(
            [(SOFIE.email, "Required", False)], start, end, requested_view="FreeBusyMerged")
        assert view.view_type == "FreeBusyMerged"
        answers.append([(plain_utc(e.start), plain_utc(e.end)) for e in view.calendar_events])
        # Merged: one digit per half hour of the window (8 days), busy where DC sits.
        assert len(view.merged) == 8 * 48 - 2  # the spring night is an hour short
        dc = datetime(2026, 3, 26, 8, 0, tzinfo=UTC) - START
        assert view.merged[dc // timedelta(minutes=30)] == "2"
    assert answers[0] == answers[1] == answers[2]
    assert answers[0] == [(b.start_at, b.end_at) for b in expected(SOFIE.email)]


@pytest.mark.both_protocols
def test_errors_come_back_in_dutch(backend: EwsBackend, sandbox: SandboxServer) -> None:
    sandbox.faults.server_busy(count=1, backoff_ms=3000, operation="GetUserAvailabilityRequest")
    with pytest.raises(Throttled, match="druk") as throttled:
        backend.free_busy([SOFIE.email], START, END)
    assert throttled.value.wait_seconds == pytest.approx(3)
    sandbox.stop()
    with pytest.raises(Offline, match="weigert de verbinding"):
        backend.free_busy([SOFIE.email], START, END)


def test_a_long_window_is_asked_for_in_parts_of_42_days(
        backend: EwsBackend, sandbox: SandboxServer) -> None:
    start, end = START - timedelta(days=50), END + timedelta(days=40)  # 98 days

    found = backend.free_busy([SOFIE.email], start, end)

    assert sandbox.requests.count("GetUserAvailabilityRequest") == 3
    assert in_utc(found[SOFIE.email]) == in_utc(expected(SOFIE.email, start, end))
