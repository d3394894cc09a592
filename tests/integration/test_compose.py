"""Standard texts and compose: the draft a reply starts from, and what `send` queues.
Store tests on SQLite and PostgreSQL; the sending ones end in the sandbox's Sent Items."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import Mail, MailFolder, OutboxEntry, TextTemplate
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.ews import EwsBackend
from kortrijk_cockpit.exchange.outbox import OutboxPusher
from kortrijk_cockpit.exchange.records import ResponseKind
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.sandbox import Mailbox
from kortrijk_cockpit.services.compose import ComposeMode, ComposeService, Template, fill
from kortrijk_cockpit.store import Store
from tests.integration.exchange_fixtures import NOW, stored_as

OWNER = "algemeen.directeur@kortrijk.be"
ELS = ("Els Vandamme", "els.vandamme@kortrijk.be")
JAN = ("Jan Vercruysse", "jan.vercruysse@kortrijk.be")


def service(store: Store) -> ComposeService:
    return ComposeService(store.session_factory, FixedClock(NOW), OWNER,
                          director_name="Hilde Vanthuyne")


def local_mail(store: Store, *, exchange_id: str | None = "AAMk-1", subject: str = "Re: Nota BBC",
               to: list[str] | None = None, cc: list[str] | None = None) -> int:
    with store.session_factory.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX, exchange_id="f-in")
        s.add(folder)
        s.flush()
        mail = Mail(folder_id=folder.id, exchange_id=exchange_id, subject=subject,
                    sender_name=ELS[0], sender_email=ELS[1], received_at=NOW - timedelta(hours=3),
                    to_recipients=to or [f"Hilde Vanthuyne <{OWNER}>"], cc_recipients=cc or [],
                    body_text="Hierbij de nota voor het MAT.", body_html="<p>Hierbij</p>")
        s.add(mail)
        s.flush()
        return mail.id


def test_default_standard_texts_and_signature_are_written_once(store: Store) -> None:
    compose = service(store)
    names = [t.name for t in compose.templates()]
    assert names == ["Ontvangstbevestiging", "Doorgestuurd ter behandeling",
                     "Uitnodiging: verhinderd", "Agendering op het MAT", "Vraag om stukken"]
    assert [t.name for t in compose.templates()] == names  # not doubled on a second call
    signature = compose.signature()
    for line in ("Hilde Vanthuyne", "algemeen directeur", "Stad en OCMW Kortrijk",
                 "Grote Markt 54, 8500 Kortrijk"):
        assert line in signature


def test_templates_can_be_added_changed_and_deleted(store: Store) -> None:
    compose = service(store)
    first = compose.templates()[0]
    added = compose.save_template(Template(0, "Felicitaties", "reply", "Proficiat, {voornaam}!"))
    compose.save_template(Template(first.id, "Bevestiging", "reply", first.body))
    compose.delete_template(compose.templates()[1].id)
    assert [t.name for t in compose.templates()] == [
        "Bevestiging", "Uitnodiging: verhinderd", "Agendering op het MAT", "Vraag om stukken",
        "Felicitaties"]
    assert added.body == "Proficiat, {voornaam}!"
    with pytest.raises(UserFacingError, match="naam"):
        compose.save_template(Template(0, "  ", "reply", "x"))


def test_standard_texts_she_deleted_stay_deleted(store: Store) -> None:
    from kortrijk_cockpit.services.compose import SIGNATURE_KIND

    compose = service(store)
    for template in [*compose.templates(), *compose.templates(SIGNATURE_KIND)]:
        compose.delete_template(template.id)
    assert compose.templates() == []
    assert service(store).templates() == []  # the next start does not bring them back


def test_a_reply_draft_fills_placeholders_signs_and_quotes(store: Store) -> None:
    compose = service(store)
    mail_id = local_mail(store)
    template = compose.save_template(Template(
        0, "Test", "reply", "Beste {voornaam} ({naam}), over {onderwerp} op {datum}: {onbekend}"))

    draft = compose.draft(mail_id, ComposeMode.REPLY, template.id)

    assert draft.subject == "Antw: Nota BBC"  # "Re:" is not doubled
    assert draft.to == ("Els Vandamme <els.vandamme@kortrijk.be>",) and draft.cc == ()
    text, _, quote = draft.body.partition("-----Oorspronkelijk bericht-----")
    assert text.startswith("Beste Els (Els Vandamme), over Nota BBC op 23/11/2026: {onbekend}")
    assert "Hilde Vanthuyne\nalgemeen directeur" in text
    assert "Van: Els Vandamme <els.vandamme@kortrijk.be>" in quote
    assert "Verzonden: 23/11/2026 07:00" in quote and "Onderwerp: Re: Nota BBC" in quote
    assert quote.rstrip().endswith("Hierbij de nota voor het MAT.")
    assert compose.draft(mail_id, ComposeMode.FORWARD).subject == "Doorst: Nota BBC"
    assert fill("{naam", {"naam": "x"}) == "{naam"  # a broken placeholder never crashes


def test_reply_all_leaves_out_the_director(store: Store) -> None:
    mail_id = local_mail(store, to=[f"Hilde Vanthuyne <{OWNER}>", "Jan Vercruysse <jan.vercruysse@kortrijk.be>"],
                         cc=[OWNER.upper(), "mat@kortrijk.be"])
    draft = service(store).draft(mail_id, ComposeMode.REPLY_ALL)
    assert draft.to == ("Els Vandamme <els.vandamme@kortrijk.be>",
                        "Jan Vercruysse <jan.vercruysse@kortrijk.be>")
    assert draft.cc == ("mat@kortrijk.be",)


def test_sending_without_recipients_queues_nothing(store: Store) -> None:
    compose = service(store)
    mail_id = local_mail(store)
    draft = compose.draft(mail_id, ComposeMode.FORWARD)
    with pytest.raises(UserFacingError, match="ontvanger"):
        compose.send(draft)
    with pytest.raises(UserFacingError, match="geen geldig mailadres"):
        compose.send(draft.__class__(**{**draft.__dict__, "to": ("Jan Vercruysse",)}))
    with store.session() as s:
        assert s.scalars(select(OutboxEntry)).all() == []


def test_an_imported_mail_is_answered_as_a_new_mail(store: Store) -> None:
    compose = service(store)
    mail_id = local_mail(store, exchange_id=None)
    draft = compose.draft(mail_id, ComposeMode.REPLY)
    changes = compose.send(draft)
    with store.session() as s:
        entry = s.scalars(select(OutboxEntry)).one()
    assert entry.kind == "send_mail" and entry.id in changes.outbox.created
    assert entry.payload["to"] == ["els.vandamme@kortrijk.be"]
    assert entry.payload["subject"] == "Antw: Nota BBC"


@pytest.mark.both_protocols
def test_a_reply_from_compose_reaches_sent_items_and_an_invitation_is_answered(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    item = mailbox.add_message("inbox", "Nota BBC", sender=ELS, received=NOW,
                               to=[("Hilde Vanthuyne", OWNER)], body_html="<p>Hierbij.</p>")
    mailbox.deliver_meeting_request("Stuurgroep Leiedal", NOW + timedelta(days=2),
                                    NOW + timedelta(days=2, hours=1),
                                    organizer=("Tom Desmet", "tom.desmet@leiedal.be"),
                                    received=NOW)
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    compose = service(store)
    with store.session() as s:
        mail_id = s.scalars(select(Mail.id).where(Mail.exchange_id.in_(stored_as(item)))).one()
        invitation = s.scalars(select(Mail.id).where(Mail.meeting.is_not(None))).one()
    template = compose.templates()[0].id
    compose.send(compose.draft(mail_id, ComposeMode.REPLY, template))
    compose.respond_to_meeting(invitation, ResponseKind.TENTATIVE, "Onder voorbehoud.")
    with pytest.raises(UserFacingError, match="geen uitnodiging"):
        compose.respond_to_meeting(mail_id, ResponseKind.ACCEPT)

    OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    by_subject = {i.subject: i for i in mailbox.folder("sentitems").items}
    reply = by_subject["Antw: Nota BBC"]
    assert reply.to == [ELS]
    assert "Beste Els," in reply.body_html and "Grote Markt 54, 8500 Kortrijk" in reply.body_html
    assert reply.conversation_id == mailbox.get(item).conversation_id
    assert "Voorlopig geaccepteerd: Stuurgroep Leiedal" in by_subject


@pytest.mark.both_protocols
def test_a_meeting_answer_as_the_reading_pane_names_it_reaches_the_organiser(
        store: Store, backend: EwsBackend, mailbox: Mailbox) -> None:
    _, event = mailbox.deliver_meeting_request(
        "Stuurgroep Leiedal", NOW + timedelta(days=2), NOW + timedelta(days=2, hours=1),
        organizer=("Tom Desmet", "tom.desmet@leiedal.be"), received=NOW)
    SyncEngine(store.session_factory, backend, FixedClock(NOW)).sync()
    compose = service(store)
    with store.session() as s:
        invitation = s.scalars(select(Mail.id).where(Mail.meeting.is_not(None))).one()
    with pytest.raises(UserFacingError, match="Onbekend antwoord"):
        compose.respond_to_meeting(invitation, "maybe")
    with pytest.raises(UserFacingError, match="Onbekend antwoord"):
        compose.respond_to_meeting(invitation, "reply")

    compose.respond_to_meeting(invitation, "accept", "Ik kom graag.")  # the pane's plain str
    report = OutboxPusher(store.session_factory, backend, FixedClock(NOW)).push()

    assert (report.pushed, report.failed) == (1, 0)
    assert mailbox.get(event).response == "Accept"
    [sent] = mailbox.folder("sentitems").items
    assert sent.subject == "Geaccepteerd: Stuurgroep Leiedal"


def test_reply_all_leaves_out_the_mailbox_connected_after_start(store: Store) -> None:
    compose = ComposeService(store.session_factory, FixedClock(NOW), "")  # no connection yet
    mail_id = local_mail(store, to=[f"Hilde Vanthuyne <{OWNER}>", "jan.vercruysse@kortrijk.be"],
                         cc=["Jan Vercruysse <Jan.Vercruysse@kortrijk.be>",
                             "hilde.vanthuyne@kortrijk.be", "mat@kortrijk.be"])

    compose.set_mailbox(f" {OWNER.upper()} ", "hilde.vanthuyne@kortrijk.be")  # connection made
    draft = compose.draft(mail_id, ComposeMode.REPLY_ALL)

    assert draft.to == ("Els Vandamme <els.vandamme@kortrijk.be>", "jan.vercruysse@kortrijk.be")
    assert draft.cc == ("mat@kortrijk.be",)  # nobody twice, never the director


def test_two_first_calls_at_once_write_the_standard_texts_once(store: Store) -> None:
    """Two assistants open the compose dialog at the same moment on a fresh store: both
    see no texts yet (the barrier holds each after that first look)."""
    import threading

    from sqlalchemy import event

    barrier, local = threading.Barrier(2, timeout=20), threading.local()

    def after_execute(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "count(*)" in statement and "text_templates" in statement \
                and not getattr(local, "looked", False):
            local.looked = True
            barrier.wait()

    engine = store.engine
    event.listen(engine, "after_cursor_execute", after_execute)
    results: list[object] = []

    def first_call() -> None:
        try:
            results.append([t.name for t in service(store).templates()])
        except Exception as exc:  # noqa: BLE001 - reported below
            results.append(exc)

    try:
        threads = [threading.Thread(target=first_call) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        event.remove(engine, "after_cursor_execute", after_execute)

    assert len(results) == 2 and all(isinstance(r, list) and len(r) == 5 for r in results), results
    with store.session() as s:
        assert len(s.scalars(select(TextTemplate)).all()) == 6  # five texts and the signature
