"""An appointment shows what the office has for it: overleg, agenda, fiche, stukken,
mails and action points, and whether its preparation is booked (both backends)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    Brief,
    BriefStatus,
    CalendarEvent,
    DocumentRequest,
    LinkKind,
    Mail,
    MailFolder,
    MailLink,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    RequestStatus,
)
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.services.appointment_context import (
    AppointmentContextService,
    PreparationState,
    preparation_subject,
)
from kortrijk_cockpit.store import Store

BXL = ZoneInfo("Europe/Brussels")
MONDAY = datetime(2026, 11, 23, tzinfo=BXL)
NOW = MONDAY.replace(hour=8)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute)


def service(store: Store) -> AppointmentContextService:
    return AppointmentContextService(store.session_factory, FixedClock(NOW))


def _event(s, subject: str, start: datetime, end: datetime, **extra: object) -> CalendarEvent:  # type: ignore[no-untyped-def]
    event = CalendarEvent(subject=subject, start_at=start, end_at=end, **extra)
    s.add(event)
    s.flush()
    return event


def _mail(s, folder: MailFolder, subject: str, n: int) -> Mail:  # type: ignore[no-untyped-def]
    mail = Mail(folder_id=folder.id, subject=subject, sender_name="Sofie",
                sender_email="sofie@kortrijk.be", received_at=at(-3, 9 + n))
    s.add(mail)
    s.flush()
    return mail


def test_an_overleg_shows_its_agenda_stukken_mails_and_action_points(store: Store) -> None:
    with store.session_factory.begin() as s:
        folder = MailFolder(exchange_id="inbox", display_name="Postvak IN", kind=FolderKind.INBOX)
        s.add(folder)
        s.flush()
        series = MeetingSeries(code="MAT", name="Managementteam")
        s.add(series)
        s.flush()
        meeting = Meeting(series_id=series.id, title="MAT 24/11", starts_at=at(1, 9),
                          ends_at=at(1, 11), status=MeetingStatus.AGENDA_SENT)
        later = Meeting(series_id=series.id, title="MAT 1/12", starts_at=at(8, 9),
                        ends_at=at(8, 11))
        s.add_all([meeting, later])
        s.flush()
        first = AgendaItem(meeting_id=meeting.id, position=1, title="Begroting")
        second = AgendaItem(meeting_id=meeting.id, position=2, title="Personeel")
        s.add_all([first, second])
        s.flush()
        s.add_all([
            DocumentRequest(agenda_item_id=first.id, title="Nota", due_at=at(0, 12),
                            status=RequestStatus.RECEIVED),
            DocumentRequest(agenda_item_id=first.id, title="Tabel", due_at=at(-1, 12)),
            DocumentRequest(agenda_item_id=second.id, title="Advies", due_at=at(0, 17)),
            DocumentRequest(agenda_item_id=second.id, title="Bijlage", due_at=at(-1, 9),
                            status=RequestStatus.WAIVED),
        ])
        aimed = ActionPoint(title="Nota parkeerbeleid", target_meeting_id=meeting.id)
        for_series = ActionPoint(title="Stand audit", target_series_id=series.id)
        done = ActionPoint(title="Afgewerkt", target_meeting_id=meeting.id,
                           status=ActionStatus.DONE)
        s.add_all([aimed, for_series, done])
        s.flush()
        mail = _mail(s, folder, "Vraag agendapunt begroting", 0)
        ap_mail = _mail(s, folder, "Parkeren", 1)
        s.add_all([MailLink(mail_id=mail.id, target_kind=LinkKind.AGENDA_ITEM,
                            target_id=first.id),
                   MailLink(mail_id=ap_mail.id, target_kind=LinkKind.ACTION_POINT,
                            target_id=aimed.id)])
        event = _event(s, "MAT", at(1, 9), at(1, 11), meeting_id=meeting.id)
        next_event = _event(s, "MAT", at(8, 9), at(8, 11), meeting_id=later.id)
        ids = (event.id, next_event.id, meeting.id, aimed.id, for_series.id, mail.id,
               ap_mail.id)
    event_id, next_id, meeting_id, aimed_id, series_ap, mail_id, ap_mail_id = ids

    found = service(store).contexts([event_id, next_id])
    ctx = found[event_id]

    assert ctx.meeting is not None and ctx.meeting.ref_id == meeting_id
    assert ctx.agenda_text() == "2 agendapunten, agenda verstuurd"
    assert ctx.stukken.text() == "1/3 stukken binnen, 1 te laat"
    assert [m.ref_id for m in ctx.mails] == [mail_id, ap_mail_id]
    # Aimed at this meeting, and the series' one comes back at its first meeting shown.
    assert [a.ref_id for a in ctx.action_points] == [aimed_id, series_ap]
    assert [a.ref_id for a in found[next_id].action_points] == []
    assert ctx.preparation is PreparationState.MISSING
    assert ctx.preparation_text() == "Geen voorbereiding geboekt"


def test_a_fiche_and_its_booked_preparation(store: Store) -> None:
    with store.session_factory.begin() as s:
        event = _event(s, "Receptie VOKA", at(2, 18), at(2, 20), location="Kortrijk Xpo")
        bare = _event(s, "Bilateraal", at(2, 10), at(2, 11))
        s.add(Brief(title="Receptie VOKA", calendar_event_id=event.id,
                    status=BriefStatus.READY))
        # Named after it but on the day before: not its preparation.
        _event(s, preparation_subject("Receptie VOKA"), at(1, 16), at(1, 17))
        ids = event.id, bare.id
    event_id, bare_id = ids
    ctx = service(store).context(event_id)
    assert ctx.brief_text() == "Fiche klaar ter goedkeuring"
    assert ctx.preparation is PreparationState.MISSING
    assert service(store).context(bare_id).preparation is PreparationState.NOT_NEEDED

    with store.session_factory.begin() as s:
        block = _event(s, preparation_subject("Receptie VOKA"), at(2, 16), at(2, 17))
        block_id = block.id
    ctx = service(store).context(event_id)
    assert ctx.preparation is PreparationState.BOOKED
    assert ctx.preparation_event_id == block_id

    with store.session_factory.begin() as s:
        s.get(CalendarEvent, block_id).is_cancelled = True  # type: ignore[union-attr]
    assert service(store).context(event_id).preparation is PreparationState.MISSING


def test_a_private_appointment_shows_nothing_of_the_office(store: Store) -> None:
    with store.session_factory.begin() as s:
        event = _event(s, "Privé", at(3, 12), at(3, 13), is_private_block=True)
        s.add(Brief(title="Geheim", calendar_event_id=event.id))
        event_id = event.id
    ctx = service(store).context(event_id)
    assert not ctx.has_anything
    assert ctx.brief_text() == "Geen fiche"
    assert service(store).contexts([]) == {}
    assert service(store).contexts([event_id + 1000]) == {}



def test_an_appointment_made_in_outlook_finds_its_overleg_and_fiche_by_time(
        store: Store) -> None:
    with store.session_factory.begin() as s:
        meeting = Meeting(title="DC 26/11/2026", starts_at=at(3, 14), ends_at=at(3, 16))
        s.add(meeting)
        s.flush()
        s.add(AgendaItem(meeting_id=meeting.id, title="Personeelsplan"))
        s.add(Brief(title="Nieuwjaarsreceptie  VOKA", starts_at=at(4, 18)))
        s.add(Brief(title="Iets anders", starts_at=at(4, 18)))
        dc = _event(s, "Directiecomité", at(3, 14), at(3, 16))
        voka = _event(s, "Nieuwjaarsreceptie VOKA", at(4, 18), at(4, 20))
        other = _event(s, "Lunch", at(3, 12), at(3, 13))
        ids = dc.id, voka.id, other.id, meeting.id
    dc_id, voka_id, other_id, meeting_id = ids
    found = service(store).contexts([dc_id, voka_id, other_id])
    assert found[dc_id].meeting is not None and found[dc_id].meeting.ref_id == meeting_id
    assert found[voka_id].brief is not None
    assert found[voka_id].brief.title == "Nieuwjaarsreceptie  VOKA"
    assert not found[other_id].has_anything
