"""The EWS sandbox, driven by the real exchangelib over HTTP (nothing of exchangelib is mocked)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import exchangelib
import pytest
import requests
from exchangelib import (
    Account,
    Attendee,
    CalendarItem,
    EWSDateTime,
    EWSTimeZone,
    FaultTolerance,
    FileAttachment,
    HTMLBody,
    Message,
)
from exchangelib import Mailbox as EwsMailbox
from exchangelib.errors import (
    ErrorAccessDenied,
    ErrorInvalidSyncStateData,
    ErrorIrresolvableConflict,
    ErrorItemNotFound,
    ErrorNameResolutionNoResults,
    ErrorSendAsDenied,
    ErrorServerBusy,
    ErrorTimeoutExpired,
    UnauthorizedError,
)
from exchangelib.folders import Calendar, FolderCollection, Inbox, MsgFolderRoot, SentItems
from exchangelib.folders.queryset import DEEP, SHALLOW
from exchangelib.items import ALWAYS_OVERWRITE, SEND_TO_ALL_AND_SAVE_COPY
from exchangelib.properties import ItemId
from exchangelib.services import SyncFolderItems

from kortrijk_cockpit.sandbox import Mailbox, SandboxServer, demo_mailbox
from tests.integration.sandbox_fixtures import (
    BXL,
    EVELIEN,
    FLAG_FIELDS,
    NOW,
    ODD_NAME,
    OWNER,
    PDF,
    SOFIE,
    build_mailbox,
    local,
    make_account,
    standalone_root,
    week_of,
)


@pytest.fixture
def flag_fields() -> Iterator[None]:
    for name, cls in FLAG_FIELDS.items():
        Message.register(name, cls)
    yield
    for name in FLAG_FIELDS:
        Message.deregister(name)


@pytest.fixture
def mailbox() -> Mailbox:
    return build_mailbox()


@pytest.fixture
def server(mailbox: Mailbox) -> Iterator[SandboxServer]:
    with SandboxServer(mailbox) as running:
        yield running
    assert running.errors == [], "the sandbox failed on a request"


@pytest.fixture
def account(server: SandboxServer) -> Iterator[Account]:
    yield make_account(server)
    exchangelib.close_connections()


def subjects(items: object) -> list[str]:
    return [i.subject for i in items]  # type: ignore[attr-defined]


def sync_all(folder: object, state: str | None = None, **kwargs: object) -> tuple[list, str]:
    changes = list(folder.sync_items(sync_state=state, **kwargs))  # type: ignore[attr-defined]
    return changes, folder.item_sync_state  # type: ignore[attr-defined]


# -- folders -----------------------------------------------------------------------------------
def test_distinguished_folders(account: Account, server: SandboxServer) -> None:
    assert account.inbox.name == "Postvak IN"
    assert account.inbox.total_count == 5 and account.inbox.unread_count == 3
    assert isinstance(account.sent, SentItems)
    assert isinstance(account.calendar, Calendar)
    assert account.trash.name == "Verwijderde items"
    assert server.requests[0] == "GetFolder"


def test_custom_folder_by_find_folder_and_hierarchy_sync(account: Account, server: SandboxServer,
                                                         mailbox: Mailbox) -> None:
    top = account.msg_folder_root
    names = {f.name for f in top.children}
    assert {"Postvak IN", "Agenda", "Behandeld"} <= names
    assert "FindFolder" in server.requests
    behandeld = next(f for f in top.children if f.name == "Behandeld")
    assert behandeld.id == mailbox.folder("Behandeld").id
    assert behandeld.total_count == 1

    created = [f.name for change, f in account.root.sync_hierarchy() if change == "create"]
    assert "Behandeld" in created and "Postvak IN" in created
    state = account.root.folder_sync_state
    mailbox.add_folder("Projecten", parent="inbox")
    changes = [(change, f.name) for change, f in account.root.sync_hierarchy(sync_state=state)]
    assert changes == [("create", "Projecten")]

    # The same through a root that is never fetched (as a delegate without root rights would).
    standalone = MsgFolderRoot.get_distinguished(root=standalone_root(make_account(server)))
    assert "Behandeld" in {f.name for f in standalone.children}

    def found(depth: str) -> set[str]:
        return {f.name for f in FolderCollection(account=account, folders=[top]).find_folders(depth=depth)}

    assert "Behandeld" in found(SHALLOW) and "Projecten" not in found(SHALLOW)
    assert "Projecten" in found(DEEP)


def test_delegate_without_root_rights_opens_inbox_and_calendar_directly(
        account: Account, server: SandboxServer, mailbox: Mailbox) -> None:
    server.faults.deny_root = True
    with pytest.raises(ErrorAccessDenied):
        account.root  # noqa: B018 - the property does the GetFolder
    # exchangelib reaches for account.root in account.inbox, account.fetch() (so also
    # folder.get(id=...) and queries with complex fields) and send_and_save(): seed
    # the cached property with a root that is never fetched.
    account.root = standalone_root(account)
    inbox, calendar = account.inbox, account.calendar
    assert inbox.total_count == 5 and calendar.name == "Agenda"
    assert isinstance(Inbox.get_distinguished(root=account.root), Inbox)
    assert len(list(inbox.all())) == 5
    assert inbox.get(id=mailbox.folder("inbox").items[0].id).body.startswith("<p>")
    changes, _ = sync_all(inbox, only_fields=["subject"])
    assert len(changes) == 5
    assert len(list(calendar.view(*week_of(NOW.date())))) == 3
    inbox_subfolders = FolderCollection(account=account, folders=[inbox]).find_folders(depth=SHALLOW)
    assert list(inbox_subfolders) == []  # FindFolder on the inbox itself is allowed...
    with pytest.raises(ErrorAccessDenied):
        list(inbox.children)  # ...but .children goes through a FindFolder on the root
    with pytest.raises(ErrorAccessDenied):
        MsgFolderRoot.get_distinguished(root=account.root)
    with pytest.raises(ErrorAccessDenied):
        account.msg_folder_root  # noqa: B018
    with pytest.raises(ErrorAccessDenied):
        list(account.root.sync_hierarchy())
    assert "GetFolder" in server.requests


# -- sync ----------------------------------------------------------------------------------------
def test_sync_pages_with_a_new_state_each_call(account: Account, server: SandboxServer) -> None:
    inbox = account.inbox
    service = SyncFolderItems(account=account)
    states, pages = [], []
    state = None
    while True:
        page = list(service.call(folder=inbox, shape="IdOnly", additional_fields=None,
                                 sync_state=state, ignore=None, max_changes_returned=2,
                                 sync_scope=None))
        pages.append(page)
        states.append(service.sync_state)
        state = service.sync_state
        if service.includes_last_item_in_range:
            break
    assert [len(p) for p in pages] == [2, 2, 1]
    assert len(set(states)) == 3
    # Nothing changed: still a new state, no changes, last page.
    assert list(service.call(folder=inbox, shape="IdOnly", additional_fields=None, sync_state=state,
                             ignore=None, max_changes_returned=2, sync_scope=None)) == []
    assert service.sync_state != state and service.includes_last_item_in_range


def test_sync_reports_outlook_and_server_changes(account: Account, server: SandboxServer,
                                                 mailbox: Mailbox) -> None:
    inbox = account.inbox
    first, state = sync_all(inbox, max_changes_returned=2)
    assert [c for c, _ in first] == ["create"] * 5
    assert all(item.body is None and not item.attachments for _, item in first), \
        "sync never carries bodies or attachments"
    by_subject = {item.subject: item for _, item in first}
    ids = {s: i.id for s, i in by_subject.items()}

    # "In Outlook": a new mail, a subject change, a read flag, a move out, a hard delete.
    new_id = mailbox.add_message("inbox", "Nieuw: vraag van de schepen", sender=SOFIE, to=[("", OWNER)])
    mailbox.update_item(ids["Stukken voor het MAT"], subject="Stukken voor het MAT (aangepast)")
    mailbox.update_item(ids["Netwerkmoment Voka"], is_read=True)
    moved_id = mailbox.move_item(ids["BBC 2026: rapportering"], "Behandeld")
    mailbox.delete_item(ids["Personeelsplan: ontwerp"])
    # Through the server: mark the private mail read.
    private = by_subject["Persoonlijk: afspraak huisarts"]
    private.is_read = True
    private.save(update_fields=["is_read"])

    changes, state = sync_all(inbox, state)
    kinds = {}
    for kind, value in changes:
        key = value[0].id if kind == "read_flag_change" else value.id
        kinds[key] = kind
    assert kinds == {
        new_id: "create",
        ids["Stukken voor het MAT"]: "update",
        ids["Netwerkmoment Voka"]: "read_flag_change",
        ids["Persoonlijk: afspraak huisarts"]: "read_flag_change",
        ids["BBC 2026: rapportering"]: "delete",
        ids["Personeelsplan: ontwerp"]: "delete",
    }
    read_flags = {v[0].id: v[1] for k, v in changes if k == "read_flag_change"}
    assert read_flags[ids["Netwerkmoment Voka"]] is True
    updated = next(v for k, v in changes if k == "update")
    assert updated.subject == "Stukken voor het MAT (aangepast)"
    assert sync_all(inbox, state)[0] == []

    behandeld = account.msg_folder_root / "Behandeld"
    created = [v.id for k, v in sync_all(behandeld)[0] if k == "create"]
    assert moved_id in created


def test_invalid_sync_states(account: Account, server: SandboxServer) -> None:
    inbox = account.inbox
    _, inbox_state = sync_all(inbox, only_fields=["subject"])
    server.faults.invalid_sync_state(folder="inbox")
    with pytest.raises(ErrorInvalidSyncStateData):
        sync_all(inbox, inbox_state, only_fields=["subject"])
    assert sync_all(inbox, inbox_state, only_fields=["subject"])[0] == []  # consumed
    with pytest.raises(ErrorInvalidSyncStateData):
        sync_all(account.calendar, inbox_state, only_fields=["subject"])  # another folder's state
    with pytest.raises(ErrorInvalidSyncStateData):
        sync_all(inbox, "bm90IGEgc3RhdGU=", only_fields=["subject"])
    inbox.item_sync_state = None  # sync_items(sync_state=None) would reuse the stored state
    assert len(sync_all(inbox, None, only_fields=["subject"])[0]) == 5  # a full resync works


# -- reading -------------------------------------------------------------------------------------
def test_get_item_bodies_attachments_and_missing_ids(account: Account, mailbox: Mailbox) -> None:
    items = sorted(mailbox.folder("inbox").items, key=lambda i: i.received)
    with_files = items[2]
    gone = items[1].id
    mailbox.delete_item(gone)
    fetched = list(account.fetch(ids=[ItemId(with_files.id), ItemId(gone), ItemId(items[4].id)],
                                 only_fields=["subject", "body", "attachments", "sender",
                                              "to_recipients", "sensitivity"]))
    assert len(fetched) == 3
    first, missing, private = fetched
    assert isinstance(missing, ErrorItemNotFound)
    assert isinstance(first.body, HTMLBody) and "Bericht 2" in first.body
    assert first.sender.email_address == SOFIE[1]
    assert [r.email_address for r in first.to_recipients] == [OWNER]
    attachments = {a.name: a for a in first.attachments}
    assert set(attachments) == {ODD_NAME, "CON.docx"}
    assert attachments[ODD_NAME].size == len(PDF)
    assert attachments[ODD_NAME].content_type == "application/pdf"
    assert attachments[ODD_NAME].content == PDF  # GetAttachment
    assert private.sensitivity == "Private"


def test_all_fields_get_item_parses(account: Account, mailbox: Mailbox) -> None:
    item_id = mailbox.folder("inbox").items[2].id
    event_id = mailbox.folder("calendar").items[0].id
    message, event = account.fetch(ids=[ItemId(item_id), ItemId(event_id)])
    assert message.mime_content.startswith(b"From: ") or b"Subject:" in message.mime_content
    assert message.effective_rights.view_private_items is False
    assert message.conversation_id is not None and message.has_attachments
    assert message.parent_folder_id.id == mailbox.folder("inbox").id
    assert event.type == "RecurringMaster" and event.recurrence.pattern.weekdays == [2]
    assert event.recurrence.boundary.end == (NOW.date() - timedelta(days=13) + timedelta(weeks=10))
    assert [a.mailbox.email_address for a in event.required_attendees] == [SOFIE[1], "pieter.declercq@kortrijk.be"]
    assert event.first_occurrence.start == event.start


def test_calendar_view_expands_weekly_series(account: Account) -> None:
    start, end = week_of(NOW.date())
    week = list(account.calendar.view(start=start - timedelta(days=7), end=end + timedelta(days=14)))
    mat = [e for e in week if e.subject.startswith("MAT")]
    assert [e.type for e in mat] == ["Occurrence"] * 4
    # 9:00 in Brussels, before and after the switch to summer time.
    assert {local(e.start).hour for e in mat} == {9}
    assert {local(e.start).weekday() for e in mat} == {1}
    assert len({e.id for e in mat}) == 4
    singles = {e.subject: e for e in week if e.type == "Single"}
    assert singles["Netwerkmoment Voka"].organizer.email_address == EVELIEN[1]
    assert singles["Tandarts"].sensitivity == "Private"
    assert [local(e.start) for e in week] == sorted(local(e.start) for e in week)
    # An occurrence id can be fetched like any item.
    fetched = list(account.fetch(ids=[ItemId(mat[0].id)], only_fields=["subject", "start", "type"]))
    assert fetched[0].type == "Occurrence" and fetched[0].start == mat[0].start
    # Without a view, FindItem lists the series once, as its master.
    masters = [e for e in account.calendar.all() if e.subject.startswith("MAT")]
    assert [e.type for e in masters] == ["RecurringMaster"]


def test_indexed_paging_and_ordering(account: Account, server: SandboxServer, mailbox: Mailbox) -> None:
    for i in range(15):
        mailbox.add_message("inbox", f"Bericht {i:02d}", sender=SOFIE, to=[("", OWNER)],
                            received=NOW + timedelta(minutes=i))
    server.requests.clear()
    qs = account.inbox.all().order_by("-datetime_received").only("subject", "datetime_received")
    qs.page_size = 6
    found = list(qs)
    assert len(found) == 20 and server.requests.count("FindItem") == 4
    assert found[0].subject == "Bericht 14"
    received = [i.datetime_received for i in found]
    assert received == sorted(received, reverse=True)
    assert account.inbox.all().count() == 20
    assert subjects(account.inbox.filter(subject__contains="Bericht 1")) == \
        [f"Bericht {i}" for i in range(14, 9, -1)]
    assert account.inbox.filter(is_read=False).count() == 18


# -- writing -------------------------------------------------------------------------------------
def test_update_categories_read_state_and_flag(account: Account, mailbox: Mailbox,
                                               flag_fields: None) -> None:
    item = mailbox.folder("inbox").items[3]
    message = account.inbox.get(id=item.id)
    old_key = message.changekey
    message.categories = ["Opvolgen", "MAT"]
    message.save(update_fields=["categories"])
    assert message.changekey != old_key and message.changekey == item.change_key
    assert mailbox.get(item.id).categories == ["Opvolgen", "MAT"]
    message.is_read = True
    message.save(update_fields=["is_read"])
    assert mailbox.get(item.id).is_read

    due = EWSDateTime(2026, 3, 20, 17, 0, tzinfo=EWSTimeZone("UTC"))  # plain datetimes are refused
    message.sbx_flag_status = 2
    message.sbx_flag_due = due
    message.save(update_fields=["sbx_flag_status", "sbx_flag_due"])
    assert item.flag_status == "Flagged" and item.flag_due == due
    message.sbx_flag_status = 1
    message.sbx_flag_completed = EWSDateTime(2026, 3, 17, 10, 0, tzinfo=EWSTimeZone("UTC"))
    message.save(update_fields=["sbx_flag_status", "sbx_flag_completed"])
    assert item.flag_status == "Complete"
    message.categories = None
    message.sbx_flag_status = None
    message.save(update_fields=["categories", "sbx_flag_status"])  # DeleteItemField
    assert item.flag_status == "NotFlagged" and item.categories == []

    # A flag set "in Outlook" comes back through sync and GetItem.
    mailbox.update_item(item.id, flag_status="Flagged", flag_due=due)
    fresh = account.inbox.get(id=item.id)
    assert fresh.sbx_flag_status == 2 and fresh.sbx_flag_due == due
    synced = {i.id: i for _, i in account.inbox.sync_items(only_fields=["subject", "sbx_flag_status"])}
    assert synced[item.id].sbx_flag_status == 2


def test_saving_every_field_round_trips(account: Account, mailbox: Mailbox) -> None:
    item = mailbox.folder("inbox").items[2]
    message = account.inbox.get(id=item.id)
    message.subject = "Stukken voor het MAT (herzien)"
    message.importance = "High"
    message.save()  # no update_fields: exchangelib sends every writable field
    assert (item.subject, item.importance, item.sender.email) == \
        ("Stukken voor het MAT (herzien)", "High", SOFIE[1])
    assert [a.name for a in item.attachments] == [ODD_NAME, "CON.docx"]
    assert "Bericht 2" in item.body_html

    series = next(i for i in mailbox.folder("calendar").items if i.recurrence)
    event = account.calendar.get(id=series.id)
    event.location = "Stadhuis, zaal Broel"
    event.save()
    assert series.location == "Stadhuis, zaal Broel" and series.recurrence.weekdays == (1,)
    assert local(series.start).hour == 9 and series.recurrence.until == event.recurrence.boundary.end


def test_stale_change_key_conflicts_unless_overwriting(account: Account, mailbox: Mailbox) -> None:
    item = mailbox.folder("inbox").items[0]
    message = account.inbox.get(id=item.id)
    mailbox.update_item(item.id, subject="Intussen aangepast in Outlook")
    message.categories = ["Financiën"]
    with pytest.raises(ErrorIrresolvableConflict):
        message.save(update_fields=["categories"])
    assert item.categories == []
    message.save(update_fields=["categories"], conflict_resolution=ALWAYS_OVERWRITE)
    assert item.categories == ["Financiën"] and message.changekey == item.change_key


def test_move_gives_a_new_id(account: Account, mailbox: Mailbox) -> None:
    item = mailbox.folder("inbox").items[0]
    old_id = item.id
    message = account.inbox.get(id=old_id)
    message.move(account.msg_folder_root / "Behandeld")
    assert message.id != old_id
    assert mailbox.get(message.id).folder == "Behandeld"
    with pytest.raises(KeyError):
        mailbox.get(old_id)


def test_delete_and_move_to_trash(account: Account, mailbox: Mailbox) -> None:
    first, second = mailbox.folder("inbox").items[:2]
    account.inbox.get(id=first.id).delete()
    assert mailbox.find(first.id) is None
    trashed = account.inbox.get(id=second.id)
    trashed.move_to_trash()
    assert [i.subject for i in mailbox.folder("deleteditems").items] == [second.subject]


def test_send_on_behalf_with_attachments(account: Account, server: SandboxServer,
                                         mailbox: Mailbox) -> None:
    message = Message(account=account, folder=account.sent, subject="Antwoord: stukken MAT",
                      body=HTMLBody("<p>Beste Sofie, in bijlage de nota.</p>"),
                      to_recipients=[EwsMailbox(email_address=SOFIE[1])],
                      cc_recipients=[EwsMailbox(email_address=EVELIEN[1])],
                      author=EwsMailbox(email_address=OWNER))
    message.attach(FileAttachment(name=ODD_NAME, content=PDF, content_type="application/pdf"))
    message.send_and_save()
    assert server.requests[-1] == "CreateItem"
    sent = mailbox.sent[-1]
    assert sent.subject == "Antwoord: stukken MAT"
    assert sent.author.email == OWNER and sent.sender.email == mailbox.delegate
    assert [a.email for a in sent.to] == [SOFIE[1]] and [a.email for a in sent.cc] == [EVELIEN[1]]
    assert sent.attachments == [(ODD_NAME, PDF)] and sent.attachments[0].name == ODD_NAME
    assert "nota" in sent.body_html
    copy = mailbox.get(sent.saved_item_id)
    assert copy.folder == "sentitems" and copy.attachments[0].content == PDF

    with pytest.raises(ErrorSendAsDenied):  # no author: the delegate may not send as herself
        Message(account=account, folder=account.sent, subject="Zonder afzender",
                to_recipients=[EwsMailbox(email_address=SOFIE[1])]).send_and_save()
    server.faults.send_as_denied = True
    with pytest.raises(ErrorSendAsDenied):
        Message(account=account, folder=account.sent, subject="Geweigerd",
                to_recipients=[EwsMailbox(email_address=SOFIE[1])],
                author=EwsMailbox(email_address=OWNER)).send_and_save()
    assert len(mailbox.sent) == 1


def test_draft_then_send(account: Account, mailbox: Mailbox) -> None:
    draft = Message(account=account, folder=account.drafts, subject="Concept nota",
                    body=HTMLBody("<p>concept</p>"), to_recipients=[EwsMailbox(email_address=SOFIE[1])])
    draft.attach(FileAttachment(name="CON.docx", content=b"docx"))
    draft.save()
    stored = mailbox.get(draft.id)
    assert stored.folder == "drafts" and stored.is_draft and draft.attachments[0].attachment_id
    draft.send()
    assert mailbox.sent[-1].subject == "Concept nota" and mailbox.find(draft.id) is None


def test_meeting_create_update_and_cancel(account: Account, mailbox: Mailbox) -> None:
    start = NOW.replace(day=24, hour=14)
    event = CalendarItem(account=account, folder=account.calendar, subject="Overleg Leiedal",
                         start=start, end=start + timedelta(hours=1), location="Stadhuis",
                         required_attendees=[Attendee(mailbox=EwsMailbox(email_address=EVELIEN[1]),
                                                      response_type="Unknown")],
                         body=HTMLBody("<p>Agenda volgt.</p>"), sensitivity="Normal")
    event.save(send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY)
    stored = mailbox.get(event.id)
    assert stored.start == start and stored.organizer.email == OWNER
    assert [(i.kind, [r.email for r in i.recipients]) for i in mailbox.invitations] == \
        [("request", [EVELIEN[1]])]

    event.location = "Leiedal, Kortrijk"
    event.save(update_fields=["location"], send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY)
    assert stored.location == "Leiedal, Kortrijk" and mailbox.invitations[-1].kind == "update"
    week = list(account.calendar.view(start=start - timedelta(hours=1), end=start + timedelta(hours=2)))
    assert [e.location for e in week if e.subject == "Overleg Leiedal"] == ["Leiedal, Kortrijk"]

    event.cancel()
    assert mailbox.invitations[-1].kind == "cancellation"
    assert [i.subject for i in mailbox.folder("calendar").items].count("Overleg Leiedal") == 0

    private = CalendarItem(account=account, folder=account.calendar, subject="Privé",
                           start=start, end=start + timedelta(minutes=30), sensitivity="Private")
    private.save()
    assert mailbox.get(private.id).sensitivity == "Private" and len(mailbox.invitations) == 3
    private.delete(send_meeting_cancellations=SEND_TO_ALL_AND_SAVE_COPY)
    assert mailbox.find(private.id) is None and len(mailbox.invitations) == 3  # no attendees

    meeting_id = mailbox.add_event("Overleg VVSG", start, start + timedelta(hours=1),
                                   attendees=[EVELIEN])
    account.calendar.get(id=meeting_id).delete(send_meeting_cancellations=SEND_TO_ALL_AND_SAVE_COPY)
    assert mailbox.invitations[-1].kind == "cancellation" and mailbox.find(meeting_id) is None


def test_all_day_events_come_back_as_dates(account: Account, mailbox: Mailbox) -> None:
    day = NOW.date() + timedelta(days=3)
    midnight = datetime.combine(day, datetime.min.time(), BXL)
    mailbox.add_event("Verlof", midnight, midnight + timedelta(days=1), is_all_day=True)
    [leave] = [e for e in account.calendar.view(*week_of(day)) if e.subject == "Verlof"]
    assert leave.is_all_day and leave.start == day and leave.end == day


def test_weekly_series_created_through_the_server(account: Account) -> None:
    from exchangelib.recurrence import EndDatePattern, Recurrence, WeeklyPattern

    start = NOW.replace(hour=10)
    series = CalendarItem(account=account, folder=account.calendar, subject="Jour fixe stafdienst",
                          start=start, end=start + timedelta(hours=1),
                          recurrence=Recurrence(pattern=WeeklyPattern(interval=1, weekdays=[1]),
                                                boundary=EndDatePattern(start=start.date(),
                                                                        end=start.date() + timedelta(weeks=3))))
    series.save()
    found = [e for e in account.calendar.view(start=start - timedelta(days=1), end=start + timedelta(weeks=5))
             if e.subject == "Jour fixe stafdienst"]
    assert len(found) == 4 and {local(e.start).hour for e in found} == {10}


# -- directory -------------------------------------------------------------------------------------
def test_resolve_names(account: Account) -> None:
    [found] = account.protocol.resolve_names(["sofie"])
    assert (found.name, found.email_address) == SOFIE
    many = account.protocol.resolve_names(["p"])  # Pieter Declercq, Prof. ..., and more
    assert len(many) >= 1 and all(m.email_address for m in many)
    [(person, contact)] = account.protocol.resolve_names([EVELIEN[1]], return_full_contact_data=True)
    assert person.email_address == EVELIEN[1] and contact.display_name == EVELIEN[0]
    [missing] = account.protocol.resolve_names(["onbekende persoon"])
    assert isinstance(missing, ErrorNameResolutionNoResults)


def test_resolve_names_multiple_results(account: Account) -> None:
    found = account.protocol.resolve_names(["declercq", "so"])
    emails = {m.email_address for m in found}
    assert "pieter.declercq@kortrijk.be" in emails and SOFIE[1] in emails


def test_get_delegate(account: Account, mailbox: Mailbox) -> None:
    [delegate] = account.delegates
    assert delegate.user_id.primary_smtp_address == mailbox.delegate
    assert delegate.delegate_permissions.inbox_folder_permission_level == "Editor"
    assert delegate.delegate_permissions.calendar_folder_permission_level == "Editor"
    assert delegate.view_private_items is False
    mailbox.view_private_items = True
    assert account.delegates[0].view_private_items is True


def test_version_probe_reads_the_header(server: SandboxServer) -> None:
    unversioned = make_account(server, version=False)
    try:
        assert unversioned.version.build.major_version == 15
        assert unversioned.version.build.minor_version == 2
        # Offered Basic and NTLM (as IIS does), exchangelib prefers NTLM.
        assert unversioned.protocol.auth_type == "NTLM"
        assert "ConvertId" in server.requests
    finally:
        exchangelib.close_connections()


# -- faults ----------------------------------------------------------------------------------------
def test_server_busy_is_retried_after_the_requested_back_off(server: SandboxServer,
                                                             mailbox: Mailbox) -> None:
    tolerant = make_account(server, retry_policy=FaultTolerance(max_wait=5))
    try:
        item_id = mailbox.folder("inbox").items[0].id
        server.faults.server_busy(count=2, backoff_ms=150, operation="GetItem")
        started = time.monotonic()
        [item] = tolerant.fetch(ids=[ItemId(item_id)], only_fields=["subject"])
        assert item.subject == mailbox.get(item_id).subject
        assert time.monotonic() - started >= 0.3
        assert server.requests.count("GetItem") == 3
    finally:
        exchangelib.close_connections()


def test_server_busy_fails_fast_with_the_back_off(account: Account, server: SandboxServer) -> None:
    server.faults.server_busy(backoff_ms=2500)
    with pytest.raises(ErrorServerBusy) as caught:
        account.inbox  # noqa: B018
    assert caught.value.back_off == 2.5


def test_http_503(server: SandboxServer, account: Account) -> None:
    server.faults.http_status(503)
    with pytest.raises(ErrorServerBusy):
        account.inbox  # noqa: B018
    assert account.inbox.total_count == 5  # consumed

    # Protocols are cached per (endpoint, credentials): without this the new
    # account would silently keep the FailFast policy of the first one.
    exchangelib.close_connections()
    tolerant = make_account(server, retry_policy=FaultTolerance(max_wait=5))
    server.faults.http_status(503, retry_after=1, operation="FindItem")
    assert len(list(tolerant.inbox.all())) == 5
    assert server.requests.count("FindItem") == 2


def test_http_401_and_wrong_password(server: SandboxServer, account: Account) -> None:
    server.faults.http_status(401)
    with pytest.raises(UnauthorizedError):
        account.inbox  # noqa: B018
    exchangelib.close_connections()
    with pytest.raises(UnauthorizedError):
        make_account(server, password="fout").inbox  # noqa: B018


def test_dropped_connection(account: Account, server: SandboxServer) -> None:
    inbox = account.inbox
    server.faults.drop_connection(operation="FindItem")
    with pytest.raises(ErrorTimeoutExpired):
        list(inbox.all())
    assert len(list(inbox.all())) == 5


def test_slow_response(account: Account, server: SandboxServer) -> None:
    inbox = account.inbox
    server.faults.slow(0.3, operation="FindItem")
    started = time.monotonic()
    assert len(list(inbox.all())) == 5
    assert time.monotonic() - started >= 0.3
    account.protocol.TIMEOUT = 0.3
    server.faults.slow(30, operation="FindItem")
    with pytest.raises(ErrorTimeoutExpired):
        list(inbox.all())
    # stop() must not wait for the 30 s: the fixture's teardown proves it within the test timeout.


def test_unknown_operation_and_malformed_xml_are_soap_faults(server: SandboxServer) -> None:
    envelope = ('<?xml version="1.0" encoding="utf-8"?><s:Envelope '
                'xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
                'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">'
                "<s:Body><m:GetUserOofSettingsRequest/></s:Body></s:Envelope>")
    with requests.Session() as session:
        session.auth = (server.username, server.password)
        unknown = session.post(server.url, data=envelope.encode(), timeout=10)
        malformed = session.post(server.url, data=b"<s:Envelope><niet-af", timeout=10)
        wrong = requests.post(server.url, data=envelope.encode(), auth=("assistent", "fout"), timeout=10)
    assert unknown.status_code == 500 and b"ErrorInvalidRequest" in unknown.content
    assert b"s:Fault" in unknown.content and b"Traceback" not in unknown.content
    assert malformed.status_code == 500 and b"s:Fault" in malformed.content
    assert wrong.status_code == 401 and wrong.headers["WWW-Authenticate"].startswith("Basic")


def test_faults_are_limited_to_their_operation(account: Account, server: SandboxServer) -> None:
    server.faults.server_busy(operation="GetItem")
    assert account.inbox.total_count == 5  # GetFolder: untouched
    assert server.faults.pending == 1
    server.faults.clear()
    assert server.faults.pending == 0


# -- demo content and command line ---------------------------------------------------------------
def test_demo_mailbox_is_realistic_and_deterministic() -> None:
    one = demo_mailbox(mails=300, events=60, seed=1, now=NOW)
    two = demo_mailbox(mails=300, events=60, seed=1, now=NOW)
    other = demo_mailbox(mails=300, events=60, seed=2, now=NOW)
    mails = [i for f in ("inbox", "sentitems", "deleteditems", "Behandeld") for i in one.folder(f).items]
    # 60 events, and the tentative appointments Exchange made for the invitations in the inbox
    invitations = sum(i.item_class == "IPM.Schedule.Meeting.Request" for i in mails)
    assert len(mails) == 300 and len(one.folder("calendar").items) == 60 + invitations == 63
    assert [i.subject for i in mails] == \
        [i.subject for f in ("inbox", "sentitems", "deleteditems", "Behandeld") for i in two.folder(f).items]
    assert [i.subject for i in one.folder("inbox").items] != [i.subject for i in other.folder("inbox").items]
    with_files = [i for i in mails if i.attachments]
    assert 0.08 < len(with_files) / len(mails) < 0.3
    names = {a.name for i in with_files for a in i.attachments}
    assert names & {ODD_NAME, "CON.docx"}
    assert any(i.sensitivity == "Private" for i in mails)
    assert any(i.sensitivity == "Private" for i in one.folder("calendar").items)
    assert any(i.flag_status == "Flagged" for i in mails) and any(i.categories for i in mails)
    assert any(i.is_read for i in mails) and any(not i.is_read for i in mails)
    series = {i.subject for i in one.folder("calendar").items if i.recurrence}
    assert {s.split()[0] for s in series} == {"MAT", "DC", "College"}
    assert any(len(i.attendees) > 2 and i.organizer.email.endswith("voka.be")
               for i in one.folder("calendar").items)
    started = time.monotonic()
    big = demo_mailbox(mails=5000, events=1000)
    assert time.monotonic() - started < 10
    assert sum(f.total_count for f in big.folders if f.key != "calendar") == 5000


def test_demo_mailbox_syncs_through_exchangelib() -> None:
    box = demo_mailbox(mails=300, events=60, seed=4, now=NOW)
    with SandboxServer(box) as running:
        client = make_account(running)
        try:
            synced, _ = sync_all(client.inbox, max_changes_returned=100)
            assert len(synced) == box.folder("inbox").total_count
            ids = [item.id for _, item in synced[:40]]
            bodies = list(client.fetch(ids=[ItemId(i) for i in ids], only_fields=["body", "attachments"]))
            assert all(b.body.startswith("<p>") for b in bodies)
            start, end = week_of(NOW.date())
            assert {"MAT", "DC", "College"} <= {e.subject.split()[0] for e in client.calendar.view(start, end)}
        finally:
            exchangelib.close_connections()
        assert running.errors == []


def test_command_line_serves_until_terminated() -> None:
    code = "from kortrijk_cockpit.sandbox.cli import run; raise SystemExit(run(mails=20, events=5))"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ})
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        address = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/EWS/Exchange.asmx")
        assert address == "algemeen.directeur@kortrijk.be"
        with requests.Session() as session:
            answer = session.post(url, data=b"<kapot", auth=("assistent", "sandbox-wachtwoord"),
                                  timeout=10)
        assert answer.status_code == 500
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
        assert process.returncode == 0, stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
