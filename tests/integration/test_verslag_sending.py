"""Sending a verslag version through the outbox, on SQLite and PostgreSQL: the members
get the full copy in To, the distribution list the copy without the confidential item
in Bcc, each recipient is logged with the outbox's state, the meeting turns verslag
verstuurd, and missing files are refused in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    DeliveryCopy,
    Meeting,
    MeetingStatus,
    MinutesDelivery,
    OutboxEntry,
    OutboxStatus,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import Payload, outgoing_mail
from kortrijk_cockpit.services.verslag_sending import DeliveryState, VerslagSendingService
from kortrijk_cockpit.store import Store
from tests.integration.verslag_sending_world import (
    NOW,
    OPEN_ITEM,
    SECRET_ITEM,
    docx_text,
    pdf_text,
    seed,
)


@pytest.fixture
def service(store: Store) -> VerslagSendingService:
    return VerslagSendingService(store.session_factory, FixedClock(NOW),
                                 director_name="Hilde Vanthuyne")


def test_recipients_split_members_from_the_wider_list_and_name_who_has_no_address(
        store: Store, service: VerslagSendingService, tmp_path: Path,
        qapp: QApplication) -> None:
    world = seed(store, tmp_path)
    who = service.recipients(world.version_id)
    assert who.title == "Verslag MAT 17/11/2026" and who.number == 1
    assert [r.address for r in who.full] == ["sofie.declercq@kortrijk.be",
                                             "koen.vandamme@kortrijk.be"]
    assert [r.text for r in who.wider] == ["Secretariaat AD <secretariaat.ad@kortrijk.be>",
                                           "diensthoofden@kortrijk.be"]
    assert who.without_address == ("Lies Zonderadres", "Politiezone Vlas")
    assert who.confidential_titles == (SECRET_ITEM,)
    assert who.sent_before == 0


def test_send_queues_the_full_copy_to_members_and_the_wider_copy_in_bcc(
        store: Store, service: VerslagSendingService, tmp_path: Path,
        qapp: QApplication) -> None:
    world = seed(store, tmp_path)
    sent = service.send(world.version_id)
    assert (sent.full, sent.wider) == (2, 2)
    assert sent.changes.meetings.updated == {world.meeting_id}
    with store.session_factory() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).all()
        assert len(entries) == 2
        full, wider = (outgoing_mail(Payload.load(e.payload)) for e in entries)
        meeting = s.get(Meeting, world.meeting_id)
        assert meeting is not None and meeting.status == MeetingStatus.MINUTES_SENT
        logged = s.scalars(select(MinutesDelivery).order_by(MinutesDelivery.id)).all()
        assert [(d.recipient, d.copy, d.outbox_entry_id) for d in logged] == [
            ("sofie.declercq@kortrijk.be", DeliveryCopy.FULL, entries[0].id),
            ("koen.vandamme@kortrijk.be", DeliveryCopy.FULL, entries[0].id),
            ("secretariaat.ad@kortrijk.be", DeliveryCopy.WIDER, entries[1].id),
            ("diensthoofden@kortrijk.be", DeliveryCopy.WIDER, entries[1].id)]
    assert full.subject == "Verslag MAT 17/11/2026 (versie 1)"
    assert full.to == ("sofie.declercq@kortrijk.be", "koen.vandamme@kortrijk.be")
    assert not full.bcc and "Hilde Vanthuyne" in full.body_html
    assert wider.to == () and wider.bcc == ("secretariaat.ad@kortrijk.be",
                                            "diensthoofden@kortrijk.be")
    assert SECRET_ITEM not in wider.body_html
    assert [a.name for a in full.attachments] == ["Verslag MAT 2026-11-17 v1.docx",
                                                  "Verslag MAT 2026-11-17 v1.pdf"]
    assert SECRET_ITEM in docx_text(full.attachments[0].content)
    assert SECRET_ITEM in pdf_text(full.attachments[1].content)
    assert OPEN_ITEM in docx_text(wider.attachments[0].content)
    assert SECRET_ITEM not in docx_text(wider.attachments[0].content)
    assert SECRET_ITEM not in pdf_text(wider.attachments[1].content)


def test_the_log_follows_the_outbox_and_a_second_send_is_logged_again(
        store: Store, service: VerslagSendingService, tmp_path: Path,
        qapp: QApplication) -> None:
    world = seed(store, tmp_path)
    assert service.log(world.meeting_id) == []
    service.send(world.version_id)
    lines = service.log(world.meeting_id)
    assert len(lines) == 4
    assert {line.state_text for line in lines} == {"in de outbox"}
    with store.session_factory.begin() as s:
        first, second = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).all()
        first.status = OutboxStatus.DONE
        second.status, second.last_error = OutboxStatus.FAILED, "Adres onbekend"
    states = {line.recipient: line.state_text for line in service.log(world.meeting_id)}
    assert states["sofie.declercq@kortrijk.be"].startswith("verstuurd")
    assert states["diensthoofden@kortrijk.be"] == "mislukt: Adres onbekend"

    assert service.recipients(world.version_id).sent_before == 1
    later = VerslagSendingService(store.session_factory, FixedClock(NOW.replace(hour=16)))
    later.send(world.version_id)
    again = service.log(world.meeting_id)
    assert len(again) == 8
    assert again[0].queued_at > again[-1].queued_at  # newest first
    assert again[0].state == DeliveryState.QUEUED
    assert service.recipients(world.version_id).sent_before == 2
    with store.session_factory() as s:
        subjects = [outgoing_mail(Payload.load(e.payload)).subject
                    for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))]
    assert subjects[-1] == "Verslag MAT 17/11/2026 (versie 1) – opnieuw"


def test_missing_files_are_refused_in_dutch_and_nothing_is_queued(
        store: Store, service: VerslagSendingService, tmp_path: Path,
        qapp: QApplication) -> None:
    world = seed(store, tmp_path)
    (tmp_path / "Verslag MAT 2026-11-17 v1 verdeellijst.pdf").unlink()
    with pytest.raises(UserFacingError, match="niet meer te vinden"):
        service.send(world.version_id)
    with store.session_factory() as s:
        assert s.scalars(select(OutboxEntry)).all() == []
        assert s.scalars(select(MinutesDelivery)).all() == []
        meeting = s.get(Meeting, world.meeting_id)
        assert meeting is not None and meeting.status == MeetingStatus.HELD


def test_without_a_wider_copy_the_full_one_never_goes_to_the_list(
        store: Store, service: VerslagSendingService, tmp_path: Path,
        qapp: QApplication) -> None:
    world = seed(store, tmp_path, wider_files=False)
    with pytest.raises(UserFacingError, match="zonder vertrouwelijke punten ontbreekt"):
        service.send(world.version_id)
