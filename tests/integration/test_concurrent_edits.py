"""Team mode: a save that lost the race is refused with a Dutch message, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kortrijk_cockpit.domain import Mail, OutboxEntry
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.outbox import OutboxService
from kortrijk_cockpit.services.triage import TriageService
from kortrijk_cockpit.store import Store
from tests.integration.concurrent_edit import someone_else_edits_first
from tests.seeding import inbox_mails


def test_a_stale_service_write_becomes_a_dutch_message_and_changes_nothing(store: Store) -> None:
    [mail_id] = inbox_mails(store, "Nota BBC", categories=("MAT",))
    TriageService(store.session_factory).categorize(mail_id, ["DC"])
    outbox = OutboxService(store.session_factory)
    [item] = outbox.open_entries()

    someone_else_edits_first(store, "mails", mail_id)
    with pytest.raises(ConcurrentEditError) as err:
        outbox.discard(item.entry_id)  # reverts the mail's categories: a stale save
    assert isinstance(err.value, UserFacingError)
    assert err.value.user_message.startswith("Iemand anders heeft dit intussen gewijzigd.")

    with store.session() as s:  # the whole transaction was refused
        assert s.scalars(select(OutboxEntry.id)).all() == [item.entry_id]
        assert s.get(Mail, mail_id).categories == ["DC"]  # type: ignore[union-attr]
