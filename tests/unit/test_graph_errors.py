"""Graph's error answers become the same typed errors, with the same Dutch, as EWS's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from kortrijk_cockpit.exchange.errors import (
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    ItemConflict,
    ItemGone,
    Offline,
    SendDenied,
    SyncStateInvalid,
    Throttled,
)
from kortrijk_cockpit.exchange.graph.client import error_for, retry_after
from kortrijk_cockpit.exchange.graph.convert import event, moment, summary


def body(code: str) -> dict[str, object]:
    return {"error": {"code": code, "message": "..."}}


@pytest.mark.parametrize(("status", "code", "expected"), [
    (412, "ErrorIrresolvableConflict", ItemConflict),
    (409, "ErrorIrresolvableConflict", ItemConflict),
    (404, "ErrorItemNotFound", ItemGone),
    (410, "SyncStateNotFound", SyncStateInvalid),
    (400, "resyncRequired", SyncStateInvalid),
    (403, "ErrorAccessDenied", AccessDenied),
    (403, "ErrorSendAsDenied", SendDenied),
    (404, "MailboxNotEnabledForRESTAPI", AccessDenied),
    (401, "InvalidAuthenticationToken", AuthenticationFailed),
    (503, "ServiceUnavailable", Offline),
    (500, "ErrorInternalServerError", BackendError),
])
def test_each_answer_is_the_typed_error_the_sync_handles(
        status: int, code: str, expected: type[BackendError]) -> None:
    error = error_for(status, body(code))
    assert type(error) is expected
    assert error.user_message.split()[0] in ("Het", "De", "Die", "Geen", "U", "Aanmelden",
                                             "Microsoft")  # Dutch for the assistant


def test_throttling_carries_the_servers_wait() -> None:
    busy = error_for(429, body("TooManyRequests"), "7")
    assert isinstance(busy, Throttled) and busy.wait_seconds == 7
    assert "druk" in busy.user_message and "7 s" in busy.user_message
    assert error_for(503, body("ServiceUnavailable"), "3").wait_seconds == 3  # type: ignore[attr-defined]
    assert error_for(429, None).wait_seconds == 10  # type: ignore[attr-defined]


def test_retry_after_as_seconds_or_an_http_date() -> None:
    assert retry_after("2.5") == 2.5
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (retry_after(later) or 0) <= 30
    assert retry_after("") is None and retry_after("morgen") is None


def test_graph_times_with_seven_digits_and_an_all_day_event_on_its_own_date() -> None:
    assert moment({"dateTime": "2026-03-16T08:00:00.1234567", "timeZone": "UTC"}) == \
        datetime(2026, 3, 16, 8, 0, 0, 123456, tzinfo=UTC)
    day = event({"id": "x", "subject": "Verlof", "isAllDay": True,
                 "start": {"dateTime": "2026-03-16T00:00:00.0000000", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-03-17T00:00:00.0000000", "timeZone": "UTC"}})
    assert (day.start_at.date().isoformat(), day.start_at.hour) == ("2026-03-16", 0)
    assert str(day.start_at.tzinfo) == "Europe/Brussels"


def test_a_message_sent_on_someones_behalf_says_who_sent_it() -> None:
    found = summary({"id": "m", "subject": "Nota",
                     "from": {"emailAddress": {"name": "Burgemeester", "address": "bm@kortrijk.be"}},
                     "sender": {"emailAddress": {"name": "Secretariaat", "address": "sec@kortrijk.be"}},
                     "singleValueExtendedProperties": [{"id": "Integer 0x36", "value": "2"}]})
    assert (found.sender_email, found.sent_by) == ("bm@kortrijk.be", "Secretariaat <sec@kortrijk.be>")
    assert found.sensitivity.value == "private"
