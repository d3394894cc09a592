"""The demo office reads like a real week: rhythm, office hours, Dutch text, files, one cast."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from kortrijk_cockpit.demo_office import (
    CAST,
    COLLEGE,
    DC,
    MAT,
    ORGANISATIONS,
    OWNER,
    briefing_events,
    demo_calendar,
    demo_mails,
    render,
)
from tests.demo_checks import MENTIONS_FILE, file_text, glued

BXL = ZoneInfo("Europe/Brussels")
# A Monday two weeks before summer time; the calendar reaches back past Christmas
# and ahead past Easter, Ascension and Whit Monday.
NOW = datetime(2026, 3, 16, 8, 0, tzinfo=BXL)


def belgian_holiday(day: date) -> bool:
    return day in holidays.country_holidays("BE", years=day.year)


def occurrences(until: date, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    found, day = [], start.astimezone(BXL).date()
    while day <= until:
        found.append((datetime.combine(day, start.astimezone(BXL).time(), BXL),
                      datetime.combine(day, end.astimezone(BXL).time(), BXL)))
        day += timedelta(weeks=1)
    return found


def test_mat_dc_and_college_meet_on_their_weekday_and_time_never_on_a_holiday() -> None:
    events = demo_calendar(60, 1, NOW)
    for slot in (MAT, DC, COLLEGE):
        runs = [e for e in events if e.subject == slot.subject]
        assert runs and all(e.until is not None for e in runs)
        days = []
        for run in runs:
            for start, end in occurrences(run.until, run.start, run.end):  # type: ignore[arg-type]
                assert (start.weekday(), start.time(), end.time()) == \
                    (slot.weekday, slot.start, slot.end), start
                assert not belgian_holiday(start.date()), f"{slot.code} on a holiday: {start}"
                days.append(start.date())
        assert len(days) > 30 and len(set(days)) == len(days)
    assert (MAT.weekday, MAT.start, DC.weekday, DC.start) == (1, time(9), 3, time(9))
    # Ascension Day is a Thursday: that week has no DC, and the weeks around it do.
    dc_days = {s.date() for e in events if e.subject == DC.subject
               for s, _ in occurrences(e.until, e.start, e.end)}  # type: ignore[arg-type]
    assert date(2026, 5, 14) not in dc_days and {date(2026, 5, 7), date(2026, 5, 21)} <= dc_days


def test_every_mail_is_sent_in_office_hours_on_a_working_day() -> None:
    mails = demo_mails(3000, 5, NOW)  # a year back: every holiday comes by
    assert len(mails) == 3000 and mails[-1].sent < NOW
    for mail in mails:
        local = mail.sent.astimezone(BXL)
        assert local.weekday() < 5, mail.sent
        assert not belgian_holiday(local.date()), mail.sent
        assert time(7, 30) <= local.time() <= time(18, 30), mail.sent
    assert len({m.sent.date() for m in mails}) > 200


def test_bodies_are_whole_sentences_with_paragraphs_and_a_signature_of_its_own() -> None:
    for mail in demo_mails(600, 2, NOW):
        text = mail.text
        assert not glued(text), glued(text)
        assert "groetMet" not in text and "\n\n\n" not in text
        paragraphs = text.split("\n\n")
        assert paragraphs[0] == mail.greeting and paragraphs[0].endswith(",")
        assert paragraphs[-1].splitlines() == [mail.closing, mail.author.name,
                                               mail.author.function, mail.author.organisation]
        for sentence_block in mail.paragraphs:
            assert sentence_block[0].isupper() and sentence_block[-1] in ".?!", sentence_block
        assert "{" not in text + mail.subject, "a placeholder was left in"


def test_a_mail_that_mentions_a_file_carries_one_that_opens_and_no_other_does() -> None:
    mails = demo_mails(600, 3, NOW)
    with_files = [m for m in mails if m.attachments]
    assert 0.08 < len(with_files) / len(mails) < 0.3
    for mail in mails:
        assert bool(MENTIONS_FILE.search(mail.text)) == bool(mail.attachments), mail.text
        assert not MENTIONS_FILE.search(mail.subject) or mail.attachments
    kinds = Counter(f.kind for m in with_files for f in m.attachments)
    assert set(kinds) == {"docx", "xlsx", "pdf"}
    for file in {f for m in with_files for f in m.attachments}:
        inside = file_text(file.name, render(file))
        assert file.title in inside, file.name


def test_everyone_in_mails_and_calendar_is_in_the_cast_with_function_and_organisation() -> None:
    organisations = {name for name, _ in ORGANISATIONS}
    assert all(m.function and m.organisation in organisations for m in CAST)
    assert len({m.email for m in CAST}) == len(CAST) == len({m.name for m in CAST})
    people = set(CAST)
    for mail in demo_mails(600, 4, NOW):
        assert {mail.sender, mail.author, *mail.to, *mail.cc} <= people
        first_names = {m.first_name for m in CAST}
        assert mail.greeting.split()[1].rstrip(",") in first_names | {"mevrouw"}
    for event in demo_calendar(80, 4, NOW):
        assert {event.organizer, *event.attendees} <= people


def test_external_events_have_an_organiser_outside_the_city_and_an_attendee_list() -> None:
    events = briefing_events(NOW.date())
    assert len(events) >= 5
    for event in events:
        assert not event.organizer.is_internal and event.location
        assert OWNER in event.attendees and event.organizer in event.attendees
        assert len(event.attendees) >= 4
        assert event.start.astimezone(BXL).weekday() < 5
        assert not belgian_holiday(event.start.astimezone(BXL).date())
    assert {e.key for e in events if e in demo_calendar(60, 1, NOW)} == {e.key for e in events}


def test_older_mails_carry_a_triage_history_and_the_last_week_is_untouched() -> None:
    mails = [m for m in demo_mails(300, 1, NOW) if m.folder != "sentitems" and not m.private]
    older = [m for m in mails if NOW - m.sent > timedelta(days=7)]
    recent = [m for m in mails if NOW - m.sent < timedelta(days=7)]
    assert len(recent) > 20
    assert all(not m.categories and m.flag == "NotFlagged" for m in recent)
    assert sum(bool(m.categories) for m in older) > 100
    flags = Counter(m.flag for m in older)
    assert flags["Flagged"] >= 5 and flags["Complete"] >= 3
    assert all("Opvolging" in m.categories for m in older if m.flag != "NotFlagged")
    assert any(m.folder == "Behandeld" for m in older)
    # Categories follow the content, so there is something to learn from.
    for mail in older:
        if mail.subject.startswith("Agenda DC") and mail.categories:
            assert "DC" in mail.categories
        if "MAT" in mail.subject.split(":")[0] and mail.categories:
            assert "MAT" in mail.categories


def test_on_any_day_the_waiting_mails_carry_no_other_outcome() -> None:
    """Else "Actie AD" would win over "Wacht op antwoord" and --demo would show no
    "Geen antwoord" mark on that day."""
    from kortrijk_cockpit.demo_office.mails import OUTCOMES, WAITING

    for day in range(40):
        waiting = [m for m in demo_mails(150, 1, NOW + timedelta(days=day))
                   if WAITING in m.categories]
        assert len(waiting) == 2
        assert not any(c in OUTCOMES for m in waiting for c in m.categories), day


def test_the_same_seed_and_day_give_the_same_office() -> None:
    assert demo_mails(200, 1, NOW) == demo_mails(200, 1, NOW)
    assert demo_calendar(60, 1, NOW) == demo_calendar(60, 1, NOW)
    assert [m.subject for m in demo_mails(200, 1, NOW)] != \
        [m.subject for m in demo_mails(200, 2, NOW)]
    files = [f for m in demo_mails(200, 1, NOW) for f in m.attachments]
    assert [render(f) for f in files] == [render(f) for f in files]
