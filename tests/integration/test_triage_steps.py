"""Triage a selection in one step and undo it, before and after it reached Exchange;
on SQLite and PostgreSQL, with the real pusher against the sandbox."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, select

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import FlagStatus, Mail, MailFolder, OutboxEntry
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailView
from kortrijk_cockpit.services.outcomes import DEFAULT_OUTCOMES, Outcome, OutcomeService
from kortrijk_cockpit.services.triage import TriageService, waiting_due
from kortrijk_cockpit.store import Store
from tests.integration.mail_world import NOW, folders, mail


def _triage(store: Store) -> TriageService:
    return TriageService(store.session_factory, FixedClock(NOW))


def _mail(store: Store, mail_id: int) -> Mail:
    with store.session() as s:
        row = s.get(Mail, mail_id)
        assert row is not None
        s.expunge(row)
        return row


def _entries(store: Store) -> list[tuple[int | None, str, dict[str, object]]]:
    with store.session() as s:
        return [(e.mail_id, e.kind, dict(e.payload))
                for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))]


def test_an_outcome_on_a_selection_replaces_the_old_one_and_leaves_te_behandelen(
        store: Store) -> None:
    f = folders(store)
    first = mail(store, f.inbox, "Personeelsplan", hours_ago=1, categories=["Rood", "Ter info"])
    second = mail(store, f.inbox, "Budget", hours_ago=2, snoozed_until=NOW - timedelta(hours=1))
    listing = MailListService(store.session_factory, FixedClock(NOW))
    assert listing.ids(MailQuery(MailView.TODO)) == [second]  # the first was "Ter info"

    step = _triage(store).apply_outcome([first, second], "Agenderen MAT")

    assert step.label == "2 mails: Agenderen MAT"
    assert step.changes.rows(Kind.MAIL).updated == {first, second}
    assert len(step.changes.rows(Kind.OUTBOX).created) == 4  # categories + read, per mail
    assert _mail(store, first).categories == ["Agenderen MAT", "Rood"]
    assert _mail(store, second).categories == ["Agenderen MAT"]
    assert _mail(store, second).is_read and _mail(store, second).snoozed_until is None
    assert listing.ids(MailQuery(MailView.TODO)) == []
    assert listing.ids(MailQuery(MailView.CATEGORY, category="Agenderen MAT")) == [first, second]
    assert sorted(kind for _, kind, _ in _entries(store)) == [
        "set_categories", "set_categories", "set_read", "set_read"]


def test_waiting_for_an_answer_comes_due_five_working_days_later(store: Store) -> None:
    f = folders(store)
    asked = mail(store, f.inbox, "Vraag")

    _triage(store).apply_outcome([asked], "Wacht op antwoord")

    assert _mail(store, asked).waiting_due_at == NOW + timedelta(days=7)  # Monday -> Monday
    # Friday 6 November: Armistice Day (11/11) and the weekend do not count.
    friday = datetime(2026, 11, 6, 15, 0, tzinfo=BRUSSELS)
    assert waiting_due(friday) == datetime(2026, 11, 16, 15, 0, tzinfo=BRUSSELS)


def test_an_imported_mail_is_triaged_locally_only(store: Store) -> None:
    f = folders(store)
    imported = mail(store, f.imported, "Uit een .eml", synced=False)

    triage = _triage(store)
    triage.apply_outcome([imported], "Actie AD")
    triage.flag([imported], NOW + timedelta(days=2))
    triage.file([imported], f.archive)

    row = _mail(store, imported)
    assert (row.categories, row.flag_status, row.folder_id, row.is_read) == (
        ["Actie AD"], FlagStatus.FLAGGED, f.archive, True)
    assert _entries(store) == []


def test_undo_before_the_push_updates_the_waiting_entries_back(store: Store) -> None:
    f = folders(store)
    first = mail(store, f.inbox, "Eén", categories=["Rood"])
    second = mail(store, f.inbox, "Twee", is_read=True, snoozed_until=NOW + timedelta(days=3))
    triage = _triage(store)

    step = triage.apply_outcome([first, second], "Actie DM")
    redo = triage.undo(step)

    assert redo.label == "Ongedaan: 2 mails: Actie DM"
    assert (_mail(store, first).categories, _mail(store, first).is_read) == (["Rood"], False)
    assert _mail(store, second).snoozed_until == NOW + timedelta(days=3)
    # Still one entry per change, now carrying what Exchange already has.
    assert [(m, kind, payload.get("categories", payload.get("is_read")))
            for m, kind, payload in _entries(store)] == [
        (first, "set_categories", ["Rood"]), (first, "set_read", False),
        (second, "set_categories", [])]


def test_later_takes_a_mail_out_of_te_behandelen_until_its_day(store: Store) -> None:
    f = folders(store)
    put_off = mail(store, f.inbox, "Uitnodiging receptie")
    tomorrow = NOW + timedelta(days=1)

    step = _triage(store).snooze([put_off], tomorrow)

    assert step.label == "1 mail: later (24/11)"
    assert _entries(store) == []  # Outlook has no "Later": local only
    today = MailListService(store.session_factory, FixedClock(NOW))
    assert today.ids(MailQuery(MailView.TODO)) == []
    after = MailListService(store.session_factory, FixedClock(tomorrow + timedelta(minutes=1)))
    assert after.ids(MailQuery(MailView.TODO)) == [put_off]


def test_setting_what_is_already_so_queues_nothing(store: Store) -> None:
    f = folders(store)
    read = mail(store, f.inbox, "Gelezen", is_read=True)

    step = _triage(store).set_read([read], True)

    assert _entries(store) == [] and not step.changes.touched(Kind.OUTBOX)


def test_outcomes_have_defaults_and_can_be_reconfigured(store: Store) -> None:
    service = OutcomeService(store.session_factory)
    assert service.outcomes() == list(DEFAULT_OUTCOMES)
    assert len({o.colour for o in service.outcomes()}) == 6

    service.save([Outcome("Bespreken", "b", "#123456", 9), Outcome("Ter info", "3", "#2471a3", 0)])

    assert [(o.name, o.position) for o in service.outcomes()] == [("Bespreken", 0),
                                                                  ("Ter info", 1)]
    with pytest.raises(UserFacingError, match="'ter info' staat er twee keer in"):
        service.save([Outcome("Ter info", "1", "", 0), Outcome("ter info", "2", "", 1)])
    with pytest.raises(UserFacingError, match="toets 'B' van 'B' hoort al bij 'A'"):
        service.save([Outcome("A", "b", "", 0), Outcome("B", "B", "", 1)])


def _on_server(mailbox: Mailbox):  # type: ignore[no-untyped-def]
    [item] = [i for f in mailbox.folders for i in f.items if i.subject == "Nota BBC"]
    return item


def test_undo_after_the_push_pushes_the_reverse(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    item = mailbox.add_message("inbox", subject="Nota BBC", categories=["Rood"],
                               sender=("Els Vandamme", "els.vandamme@kortrijk.be"),
                               received=NOW)
    mailbox.update_item(item, is_read=False)
    SyncEngine(store.session_factory, backend, clock).sync()
    with store.session() as s:
        mail_id = s.scalar(select(Mail.id).where(Mail.exchange_id == item))
        done = s.scalar(select(MailFolder.id).where(MailFolder.display_name == "Behandeld"))
    assert mail_id is not None and done is not None
    triage = TriageService(store.session_factory, clock)
    pusher = OutboxPusher(store.session_factory, backend, clock)
    steps = [triage.apply_outcome([mail_id], "Agenderen MAT"),
             triage.flag([mail_id], NOW + timedelta(days=2)),
             triage.file([mail_id], done)]
    assert pusher.push().pushed == 4
    moved = _on_server(mailbox)
    assert (moved.folder, moved.categories, moved.flag_status) == (
        "Behandeld", ["Agenderen MAT", "Rood"], "Flagged")

    for step in reversed(steps):
        triage.undo(step)
    assert pusher.push().pushed == 4

    back = _on_server(mailbox)
    assert (back.folder, back.categories, back.flag_status, back.is_read) == (
        "inbox", ["Rood"], "NotFlagged", False)


def test_undo_leaves_what_the_director_changed_in_outlook_since(
        store: Store, backend: EwsBackend, mailbox: Mailbox, clock: FixedClock) -> None:
    sender = ("Els Vandamme", "els.vandamme@kortrijk.be")
    nota = mailbox.add_message("inbox", subject="Nota BBC", categories=["Rood"], sender=sender,
                               received=NOW)
    invite = mailbox.add_message("inbox", subject="Receptie", sender=sender, received=NOW)
    SyncEngine(store.session_factory, backend, clock).sync()
    with store.session() as s:
        ids = {ex: i for ex, i in s.execute(select(Mail.exchange_id, Mail.id))}
    triage = TriageService(store.session_factory, clock)
    pusher = OutboxPusher(store.session_factory, backend, clock)
    outcome = triage.apply_outcome([ids[nota]], "Agenderen MAT")
    read = triage.set_read([ids[invite]], True)
    assert pusher.push().pushed == 3
    # Then the director, in Outlook: a category of his own, a follow-up flag.
    mailbox.update_item(nota, categories=["Agenderen MAT", "Persoonlijk", "Rood"])
    mailbox.update_item(invite, flag_status="Flagged")
    SyncEngine(store.session_factory, backend, clock).sync()

    triage.undo(outcome)
    triage.undo(read)
    assert pusher.push().pushed == 3  # nota: categories and unread; invite: unread

    on_server = {i.id: i for f in mailbox.folders for i in f.items}
    assert (sorted(on_server[nota].categories), on_server[nota].is_read) == (
        ["Persoonlijk", "Rood"], False)
    assert (on_server[invite].flag_status, on_server[invite].is_read) == ("Flagged", False)
    assert _mail(store, ids[nota]).categories == ["Persoonlijk", "Rood"]
    assert _mail(store, ids[invite]).flag_status == FlagStatus.FLAGGED


def test_undo_reverts_only_what_still_holds_the_steps_value(store: Store) -> None:
    f = folders(store)
    first = mail(store, f.inbox, "Eén", categories=["Rood"])
    triage = _triage(store)
    tomorrow = NOW + timedelta(days=1)

    step = triage.apply_outcome([first], "Actie AD")  # adds the outcome, marks it read
    triage.set_read([first], False)  # and she marked it unread again since
    triage.snooze([first], tomorrow)
    triage.undo(step)

    row = _mail(store, first)
    assert (row.categories, row.is_read, row.snoozed_until) == (["Rood"], False, tomorrow)


def test_a_bulk_step_locks_and_flushes_per_chunk_in_one_transaction(store: Store) -> None:
    f = folders(store)
    ids = [mail(store, f.inbox, f"Mail {n}", hours_ago=n) for n in range(300)]
    triage = _triage(store)
    waiting = triage.categorize(ids[0], ["Rood"])  # an entry still waiting: merged into
    outbox_reads: list[str] = []
    flushes: list[bool] = []
    commits: list[bool] = []

    def executed(conn, cursor, sql, params, context, many) -> None:  # type: ignore[no-untyped-def]
        if sql.startswith("UPDATE outbox_entries SET kind=") or (
                sql.startswith("SELECT") and "FROM outbox_entries" in sql):
            outbox_reads.append(sql)  # the lock (a no-op UPDATE) and the select of entries

    engine = store.engine
    event.listen(engine, "before_cursor_execute", executed)
    event.listen(engine, "commit", lambda conn: commits.append(True))
    event.listen(store.session_factory, "after_flush", lambda s, ctx: flushes.append(True))
    try:
        step = triage.apply_outcome(ids, "Ter info")
    finally:
        event.remove(engine, "before_cursor_execute", executed)

    assert len(commits) == 1 and len(flushes) == 1
    # One lock and one select for the whole selection (a chunk), not two per mail and kind:
    # those scanned the waiting entries each time and held the write lock for minutes.
    assert len(outbox_reads) == 2, outbox_reads
    entries = _entries(store)
    assert len(entries) == 600  # categories and read for each mail, the waiting one merged
    assert len(step.changes.rows(Kind.OUTBOX).created) == 599
    assert step.changes.rows(Kind.OUTBOX).updated == waiting.changes.rows(Kind.OUTBOX).created
    by_mail = {(m, kind): payload for m, kind, payload in entries}
    assert by_mail[(ids[0], "set_categories")]["categories"] == ["Rood", "Ter info"]
    assert by_mail[(ids[0], "set_categories")]["before"] == {"categories": []}
    assert all(by_mail[(i, "set_categories")]["categories"] == ["Ter info"] for i in ids[1:])
    assert all(by_mail[(i, "set_read")]["is_read"] is True for i in ids)
