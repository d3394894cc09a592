"""Hand a mail on (action point, agenda, brief, person) and follow the link from
both sides; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    AgendaItem,
    Brief,
    LinkKind,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    Person,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.handing_on import HandOnService
from kortrijk_cockpit.services.mail_list import MailListService
from kortrijk_cockpit.services.records import RecordService, RelatedRecord
from kortrijk_cockpit.store import Store
from tests.integration.mail_world import NOW, folders, mail


def _related(store: Store, kind: str, ref_id: int) -> list[RelatedRecord]:
    record = RecordService(store.session_factory).detail(kind, ref_id)
    assert record is not None
    return list(record.related)


def _service(store: Store) -> HandOnService:
    return HandOnService(store.session_factory, FixedClock(NOW))


def _series_with_meetings(store: Store) -> dict[str, int]:
    with store.session_factory.begin() as s:
        mat = MeetingSeries(code="MAT", name="Managementteam")
        s.add(mat)
        s.flush()
        made = {
            "past": Meeting(series_id=mat.id, title="MAT", starts_at=NOW - timedelta(days=6),
                            ends_at=NOW - timedelta(days=6, hours=-2)),
            "cancelled": Meeting(series_id=mat.id, title="MAT", status=MeetingStatus.CANCELLED,
                                 starts_at=NOW + timedelta(days=1),
                                 ends_at=NOW + timedelta(days=1, hours=2)),
            "next": Meeting(series_id=mat.id, title="MAT", starts_at=NOW + timedelta(days=8),
                            ends_at=NOW + timedelta(days=8, hours=2)),
        }
        s.add_all(made.values())
        s.flush()
        return {name: m.id for name, m in made.items()}


def test_an_action_point_from_a_mail_is_followed_from_both_sides(store: Store) -> None:
    f = folders(store)
    asked = mail(store, f.inbox, "Nota fietsbeleid", sender_name="Els Vandamme")

    handed = _service(store).make_action_point(asked, title="Nota fietsbeleid nalezen",
                                               owner_name="Jan Peeters",
                                               due_date=date(2026, 12, 4))

    assert (handed.link.kind, handed.link.title, handed.link.detail) == (
        LinkKind.ACTION_POINT, "Nota fietsbeleid nalezen", "Jan Peeters · 04/12/2026")
    point_id = handed.link.target_id
    assert handed.changes.rows(Kind.ACTION_POINT).created == {point_id}
    assert handed.changes.rows(Kind.MAIL).updated == {asked}
    with store.session() as s:
        point = s.get(ActionPoint, point_id)
        assert point is not None and point.source_mail_id == asked
    detail = MailListService(store.session_factory, FixedClock(NOW)).detail(asked)
    assert detail is not None and detail.links == (handed.link,)
    # Each side links to the other, to be followed from the record's card.
    assert _related(store, "action_point", point_id) == [
        RelatedRecord("mail", asked, "Nota fietsbeleid", "Els Vandamme, 23/11/2026")]
    assert _related(store, "mail", asked) == [
        RelatedRecord("action_point", point_id, "Nota fietsbeleid nalezen",
                      "Jan Peeters · 04/12/2026")]
    assert [m.id for m in _service(store).mails_linked_to(LinkKind.ACTION_POINT, point_id)] == [
        asked]


def test_agenderen_op_the_next_planned_meeting_of_a_series(store: Store) -> None:
    f = folders(store)
    meetings = _series_with_meetings(store)
    asked = mail(store, f.inbox, "Personeelsplan 2027")
    service = _service(store)

    handed = service.put_on_agenda(asked, title="", series_code="MAT", owner_name="HR")

    assert handed.link.title == "Personeelsplan 2027"  # the subject when no title is given
    assert handed.changes.rows(Kind.MEETING).updated == {meetings["next"]}
    with store.session() as s:
        item = s.get(AgendaItem, handed.link.target_id)
        assert item is not None and (item.meeting_id, item.source_mail_id) == (
            meetings["next"], asked)
    assert [(r.kind, r.ref_id, r.title) for r in _related(
        store, "agenda_item", handed.link.target_id)] == [("mail", asked, "Personeelsplan 2027")]
    assert [(c.id, c.series_code) for c in service.meetings_ahead()] == [
        (meetings["next"], "MAT")]
    assert [(c.code, c.name) for c in service.series()] == [("MAT", "Managementteam")]


def test_agenderen_on_a_series_without_a_planned_meeting_says_so(store: Store) -> None:
    f = folders(store)
    asked = mail(store, f.inbox, "Vraag")
    with store.session_factory.begin() as s:
        s.add(MeetingSeries(code="DC", name="Directiecomité"))

    with pytest.raises(UserFacingError, match="geen gepland DC-overleg"):
        _service(store).put_on_agenda(asked, title="Vraag", series_code="DC")


def test_voor_fiche_and_koppel_aan_persoon_then_unlink(store: Store) -> None:
    f = folders(store)
    asked = mail(store, f.inbox, "Receptie Voka", sender_email="Jan.Peeters@voka.be")
    with store.session_factory.begin() as s:
        voka = Organisation(name="Voka")
        s.add(voka)
        s.flush()
        person = Person(full_name="Jan Peeters", function="Directeur", organisation_id=voka.id,
                        email="jan.peeters@voka.be")
        brief = Brief(title="Nieuwjaarsreceptie Voka", starts_at=NOW + timedelta(days=40))
        s.add_all([person, brief])
        s.flush()
        person_id, brief_id = person.id, brief.id
    service = _service(store)
    found = service.person_for_sender("Jan.Peeters@voka.be")
    assert found is not None and (found.id, found.organisation) == (person_id, "Voka")
    assert [p.id for p in service.people("peeters")] == [person_id]
    assert [b.id for b in service.briefs()] == [brief_id]

    on_brief = service.attach_to_brief(asked, brief_id)
    on_person = service.link_person(asked, person_id)
    service.link_person(asked, person_id)  # twice is still one link

    assert on_brief.changes.rows(Kind.BRIEF).updated == {brief_id}
    assert on_person.changes.rows(Kind.PERSON).updated == {person_id}
    assert [(link.kind, link.title) for link in service.links(asked)] == [
        (LinkKind.BRIEF, "Nieuwjaarsreceptie Voka"), (LinkKind.PERSON, "Jan Peeters")]
    for kind, ref_id in (("person", person_id), ("brief", brief_id)):
        assert [(r.kind, r.ref_id, r.title) for r in _related(store, kind, ref_id)] == [
            ("mail", asked, "Receptie Voka")]
    assert [(r.kind, r.ref_id) for r in _related(store, "mail", asked)] == [
        ("brief", brief_id), ("person", person_id)]

    changes = service.unlink(asked, LinkKind.PERSON, person_id)

    assert changes.rows(Kind.PERSON).updated == {person_id}
    assert [link.kind for link in service.links(asked)] == [LinkKind.BRIEF]
    with store.session() as s:
        assert s.scalar(select(Person.id).where(Person.id == person_id)) == person_id
