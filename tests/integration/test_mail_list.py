"""The Mail area's list on SQLite and PostgreSQL: which mails each view shows,
in which order, and what a row and the reading pane know of a mail."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kortrijk_cockpit.clock import FixedClock
from kortrijk_cockpit.domain import (
    ActionPoint,
    Attachment,
    FlagStatus,
    LinkKind,
    MailLink,
    TrustedImageSender,
)
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.mail_list import (
    MailListService,
    MailQuery,
    MailView,
    SortKey,
    TriageState,
)
from kortrijk_cockpit.store import Store
from tests.integration.mail_world import NOW, folders, mail


def _service(store: Store) -> MailListService:
    return MailListService(store.session_factory, FixedClock(NOW))


def test_te_behandelen_shows_untriaged_inbox_and_imported_mail(store: Store) -> None:
    f = folders(store)
    new = mail(store, f.inbox, "Nieuw", hours_ago=1)
    other_category = mail(store, f.inbox, "Eigen categorie", hours_ago=2, categories=["Rood"])
    imported = mail(store, f.imported, "Uit bestand", hours_ago=3, synced=False)
    back_from_later = mail(store, f.inbox, "Later, nu terug", hours_ago=4,
                           snoozed_until=NOW - timedelta(minutes=1))
    mail(store, f.inbox, "Afgehandeld", categories=["Ter info"])
    mail(store, f.inbox, "Later", snoozed_until=NOW + timedelta(days=2))
    mail(store, f.sent, "Verzonden")
    mail(store, f.archive, "Gearchiveerd")

    assert _service(store).ids(MailQuery(MailView.TODO)) == [
        new, other_category, imported, back_from_later]


def test_waiting_mail_leaves_by_itself_when_a_reply_arrives(store: Store) -> None:
    f = folders(store)
    asked = mail(store, f.sent, "Vraag aan de brandweer", hours_ago=72, conversation_id="c1",
                 categories=["Wacht op antwoord"], waiting_due_at=NOW + timedelta(days=2))
    older = mail(store, f.inbox, "Offerte", hours_ago=96, conversation_id="c2",
                 categories=["Wacht op antwoord"], waiting_due_at=NOW + timedelta(days=1))
    # The director's own follow-up in the same conversation is not a reply.
    mail(store, f.sent, "Re: Vraag aan de brandweer", hours_ago=24, conversation_id="c1")
    service = _service(store)
    waiting = MailQuery.for_view(MailView.WAITING)
    assert service.ids(waiting) == [older, asked]  # oldest first
    assert service.rows([asked])[asked].state == TriageState.WAITING

    mail(store, f.inbox, "Re: Vraag aan de brandweer", hours_ago=2, conversation_id="c1",
         sender_email="brandweer@example.be")

    assert service.ids(waiting) == [older]
    assert service.rows([asked])[asked].state == TriageState.REPLIED
    assert service.detail(asked).state == TriageState.REPLIED  # type: ignore[union-attr]


def test_waiting_mail_without_reply_by_its_date_comes_back_marked(store: Store) -> None:
    f = folders(store)
    overdue = mail(store, f.sent, "Vraag", hours_ago=200, categories=["Wacht op antwoord"],
                   waiting_due_at=NOW - timedelta(hours=1))
    mail(store, f.inbox, "Nog niet", categories=["Wacht op antwoord"],
         waiting_due_at=NOW + timedelta(hours=1))
    service = _service(store)

    assert service.ids(MailQuery(MailView.TODO)) == [overdue]
    assert service.rows([overdue])[overdue].state == TriageState.NO_REPLY
    counts = service.counts()
    assert (counts.todo, counts.waiting, counts.no_reply) == (1, 2, 1)


def test_mail_marked_waiting_in_outlook_is_due_five_working_days_after_receipt(
        store: Store) -> None:
    """No date from triage here: NOW is Monday 23/11 10:00, so what came in the Monday
    before up to 10:00 is past its date; later that Monday, or since, is still waiting."""
    f = folders(store)
    monday = NOW - timedelta(days=7)
    overdue = mail(store, f.inbox, "Offerte", hours_ago=7 * 24 + 1, conversation_id="o",
                   categories=["Wacht op antwoord"])
    still = mail(store, f.inbox, "Vraag", hours_ago=7 * 24 - 1, conversation_id="s",
                 categories=["Wacht op antwoord"])
    answered = mail(store, f.sent, "Vraag aan de brandweer", hours_ago=30 * 24,
                    conversation_id="a", categories=["Wacht op antwoord"])
    mail(store, f.archive, "Re: Vraag aan de brandweer", hours_ago=2, conversation_id="a",
         sender_email="brandweer@example.be")
    service = _service(store)

    assert service.ids(MailQuery(MailView.TODO)) == [overdue]
    rows = service.rows([overdue, still, answered])
    assert rows[overdue].state == TriageState.NO_REPLY
    assert rows[overdue].waiting_due_at == monday - timedelta(hours=1) + timedelta(days=7)
    assert rows[still].state == TriageState.WAITING
    assert rows[answered].state == TriageState.REPLIED
    assert service.detail(overdue).state == TriageState.NO_REPLY  # type: ignore[union-attr]
    counts = service.counts()
    assert (counts.todo, counts.waiting, counts.no_reply) == (1, 2, 1)
    state_first = MailQuery(MailView.WAITING, sort=SortKey.STATE, descending=False)
    assert service.ids(state_first) == [overdue, still]


def test_opvolgen_lists_flagged_mail_by_due_date_undated_last(store: Store) -> None:
    f = folders(store)
    undated = mail(store, f.inbox, "Zonder datum", flag_status=FlagStatus.FLAGGED)
    later = mail(store, f.archive, "Later", flag_status=FlagStatus.FLAGGED,
                 flag_due_at=NOW + timedelta(days=5))
    soon = mail(store, f.inbox, "Snel", flag_status=FlagStatus.FLAGGED,
                flag_due_at=NOW + timedelta(days=1))
    mail(store, f.inbox, "Afgewerkt", flag_status=FlagStatus.COMPLETE)

    assert _service(store).ids(MailQuery.for_view(MailView.FOLLOW_UP)) == [soon, later, undated]


def test_a_category_matches_exactly_also_with_odd_characters(store: Store) -> None:
    f = folders(store)
    ad = mail(store, f.inbox, "AD", categories=["Ter info", "Actie AD"])
    mail(store, f.inbox, "ADVIES", categories=["Actie ADVIES"])
    accent = mail(store, f.archive, "Accent", categories=["Één_100%"])
    mail(store, f.inbox, "Lijkt erop", categories=["Een_100%"])
    service = _service(store)

    assert service.ids(MailQuery(MailView.CATEGORY, category="Actie AD")) == [ad]
    assert service.ids(MailQuery(MailView.CATEGORY, category="Één_100%")) == [accent]
    assert service.counts().per_category["Één_100%"] == 1
    assert service.counts().per_category["Actie AD"] == 1
    assert service.counts().per_category["Agenderen MAT"] == 0


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_sender_both_ways_ties_newest_first(store: Store, descending: bool) -> None:
    f = folders(store)
    jan_old = mail(store, f.inbox, "1", hours_ago=5, sender_name="Jan Peeters")
    anna = mail(store, f.inbox, "2", hours_ago=1, sender_name="anna Claeys")
    jan_new = mail(store, f.inbox, "3", hours_ago=2, sender_name="Jan Peeters")
    only_address = mail(store, f.inbox, "4", hours_ago=3, sender_name="",
                        sender_email="bart@example.be")
    query = MailQuery(MailView.FOLDER, folder_id=f.inbox, sort=SortKey.SENDER,
                      descending=descending)

    ids = _service(store).ids(query)

    expected = [anna, only_address, jan_new, jan_old]
    assert ids == ([jan_new, jan_old, only_address, anna] if descending else expected)


@pytest.mark.parametrize("key", list(SortKey))
def test_every_sort_key_orders_both_ways(store: Store, key: SortKey) -> None:
    f = folders(store)
    low = mail(store, f.inbox, "a onderwerp", hours_ago=10, sender_name="Anna",
               categories=["Actie AD"], flag_status=FlagStatus.FLAGGED,
               flag_due_at=NOW + timedelta(days=1), has_attachments=False)
    high = mail(store, f.inbox, "b onderwerp", hours_ago=1, sender_name="Bart",
                categories=["Ter info"], flag_status=FlagStatus.FLAGGED,
                flag_due_at=NOW + timedelta(days=2), has_attachments=True)
    if key == SortKey.STATE:  # new comes before handled
        low, high = mail(store, f.inbox, "nieuw", hours_ago=20), low
    service = _service(store)
    folder = MailQuery(MailView.FOLDER, folder_id=f.inbox, sort=key, descending=False)

    up = service.ids(folder)
    down = service.ids(MailQuery(MailView.FOLDER, folder_id=f.inbox, sort=key, descending=True))

    assert up.index(low) < up.index(high)
    assert down.index(high) < down.index(low)


def test_conversation_grouping_shows_the_newest_mail_once(store: Store) -> None:
    f = folders(store)
    mail(store, f.inbox, "Budget", hours_ago=30, conversation_id="c-budget")
    newest = mail(store, f.inbox, "Re: Budget", hours_ago=2, conversation_id="c-budget")
    mail(store, f.sent, "Re: Budget", hours_ago=10, conversation_id="c-budget")
    alone = mail(store, f.inbox, "Alleen", hours_ago=5)
    service = _service(store)
    query = MailQuery(MailView.FOLDER, folder_id=f.inbox, conversations=True)

    assert service.ids(query) == [newest, alone]
    rows = service.rows([newest, alone])
    assert (rows[newest].conversation_size, rows[alone].conversation_size) == (3, 1)


def test_a_row_shows_outcome_links_and_meeting_requests(store: Store) -> None:
    f = folders(store)
    handled = mail(store, f.inbox, "Personeelsplan", categories=["Rood", "Agenderen MAT"],
                   has_attachments=True, is_read=True)
    invite = mail(store, f.inbox, "Uitnodiging", item_class="IPM.Schedule.Meeting.Request")
    with store.session_factory.begin() as s:
        point = ActionPoint(title="Nota opmaken")
        s.add(point)
        s.flush()
        s.add(MailLink(mail_id=handled, target_kind=LinkKind.ACTION_POINT, target_id=point.id))

    rows = _service(store).rows([handled, invite, 999_999])

    assert set(rows) == {handled, invite}
    row = rows[handled]
    assert (row.state, row.outcome, row.link_count) == (TriageState.HANDLED, "Agenderen MAT", 1)
    assert (row.sender, row.has_attachments, row.is_read) == ("Els Vandamme", True, True)
    assert rows[invite].is_meeting_request and rows[invite].state == TriageState.NEW


def test_the_reading_pane_gets_headers_attachments_links_meeting_and_trust(store: Store) -> None:
    f = folders(store)
    invite = mail(store, f.inbox, "MAT extra", to_recipients=["ad@kortrijk.be"],
                  cc_recipients=["dm@kortrijk.be"], sender_email="Jan@Voka.be",
                  body_text="Graag", item_class="IPM.Schedule.Meeting.Request",
                  meeting={"start": "2026-12-01T09:00:00+01:00",
                           "end": "2026-12-01T10:00:00+01:00", "location": "Stadhuis",
                           "organizer": "Jan Peeters"})
    with store.session_factory.begin() as s:
        s.add(Attachment(mail_id=invite, name="agenda.pdf", content_type="application/pdf",
                         size=2048))
        point = ActionPoint(title="Zaal boeken", owner_name="Griet")
        s.add(point)
        s.add(TrustedImageSender(address="@voka.be"))
        s.flush()
        s.add(MailLink(mail_id=invite, target_kind=LinkKind.ACTION_POINT, target_id=point.id))

    detail = _service(store).detail(invite)

    assert detail is not None
    assert (detail.to, detail.cc, detail.folder_name) == (
        ("ad@kortrijk.be",), ("dm@kortrijk.be",), "Postvak IN")
    assert [(a.name, a.size) for a in detail.attachments] == [("agenda.pdf", 2048)]
    assert [(link.title, link.detail) for link in detail.links] == [("Zaal boeken", "Griet")]
    assert detail.meeting is not None and detail.meeting.location == "Stadhuis"
    assert detail.meeting.start.hour == 8  # 09:00 Brussels is 08:00 UTC
    assert detail.images_allowed
    assert _service(store).detail(123_456) is None


def test_free_text_narrows_a_view_and_search_covers_every_folder(store: Store) -> None:
    f = folders(store)
    inbox_hit = mail(store, f.inbox, "Fietsstraat Overleie", hours_ago=1)
    archived_hit = mail(store, f.archive, "Verslag fietsstraat", hours_ago=2)
    mail(store, f.inbox, "Personeelsplan", hours_ago=3)
    service = _service(store)

    assert service.ids(MailQuery(MailView.TODO, text="fietsstr")) == [inbox_hit]
    assert service.ids(MailQuery(MailView.SEARCH, text="fietsstraat")) == [inbox_hit,
                                                                           archived_hit]


def test_counts_per_view_and_unread_per_folder(store: Store) -> None:
    f = folders(store)
    mail(store, f.inbox, "a")
    mail(store, f.inbox, "b", is_read=True, categories=["Actie DM"],
         flag_status=FlagStatus.FLAGGED)
    mail(store, f.archive, "c", categories=["Actie DM"])
    mail(store, f.deleted, "d", categories=["Actie DM"], flag_status=FlagStatus.FLAGGED)

    counts = _service(store).counts()

    assert (counts.todo, counts.follow_up, counts.per_category["Actie DM"]) == (1, 1, 2)
    assert counts.unread_per_folder == {f.inbox: 1, f.archive: 1, f.deleted: 1}


def test_later_counts_mails_put_off_till_a_later_day(store: Store) -> None:
    """The empty Te behandelen says how many mails are still to come back."""
    f = folders(store)
    mail(store, f.inbox, "Volgende week", snoozed_until=NOW + timedelta(days=7))
    mail(store, f.imported, "Uit bestand, morgen", synced=False,
         snoozed_until=NOW + timedelta(days=1))
    mail(store, f.inbox, "Al terug", snoozed_until=NOW - timedelta(minutes=1))
    mail(store, f.inbox, "Toch afgehandeld", snoozed_until=NOW + timedelta(days=1),
         categories=["Ter info"])

    counts = _service(store).counts()

    assert (counts.todo, counts.later) == (1, 2)


def test_search_filters_narrow_the_list(store: Store) -> None:
    f = folders(store)
    wanted = mail(store, f.archive, "Personeelsplan 2027", hours_ago=24 * 3,
                  sender_name="Els Vandamme", to_recipients=["Jan Peeters <jan@kortrijk.be>"],
                  has_attachments=True, categories=["Actie AD"])
    mail(store, f.archive, "Personeelsplan zonder bijlage", hours_ago=24 * 3,
         sender_name="Els Vandamme", to_recipients=["jan@kortrijk.be"],
         categories=["Actie AD"])
    mail(store, f.inbox, "Personeelsplan in het postvak", hours_ago=24 * 3,
         sender_name="Els Vandamme", has_attachments=True, to_recipients=["jan@kortrijk.be"])
    mail(store, f.archive, "Personeelsplan te oud", hours_ago=24 * 40, has_attachments=True,
         sender_name="Els Vandamme", to_recipients=["jan@kortrijk.be"], categories=["Actie AD"])
    service = _service(store)

    def found(text: str) -> list[int]:
        return service.ids(MailQuery(MailView.SEARCH, text=text))

    assert found('personeelsplan van:"els vandamme" aan:peeters bijlage:ja map:archief '
                 'categorie:"Actie AD" na:1-11-2026 voor:vandaag') == [wanted]
    assert found("van:vandamme na:1/11 bijlage:nee") != []
    assert wanted not in found("van:vandamme na:1/11 bijlage:nee")
    with pytest.raises(UserFacingError, match="Onbekende map bij 'map:': Nergens"):
        found("map:Nergens")
    with pytest.raises(UserFacingError, match="Onbekende datum bij 'voor:': 31-02"):
        found("voor:31-02")
