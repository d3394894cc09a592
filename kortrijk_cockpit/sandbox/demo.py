"""The director's mailbox for `--demo`, the tests and the benchmarks, built from the demo office.

Mails and calendar come from `kortrijk_cockpit.demo_office`, which the store's
demo office reads too, so both tell one story. The content is a function of
`seed` and `now` (by default today 08:00), so two builds on the same day are
identical.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from kortrijk_cockpit.demo_office import (
    BRUSSELS,
    DemoEvent,
    DemoFile,
    DemoMail,
    Member,
    demo_calendar,
    demo_mails,
    render,
)
from kortrijk_cockpit.demo_office import (
    DELEGATE as DELEGATE_MEMBER,
)
from kortrijk_cockpit.demo_office import (
    OWNER as OWNER_MEMBER,
)
from kortrijk_cockpit.demo_office.colleagues import COLLEAGUES, colleague_calendar
from kortrijk_cockpit.sandbox.mailbox import Mailbox
from kortrijk_cockpit.sandbox.model import Address, BusyEntry

OWNER = Address(OWNER_MEMBER.name, OWNER_MEMBER.email)
DELEGATE = Address(DELEGATE_MEMBER.name, DELEGATE_MEMBER.email)

# Names people really give files, which a file system may refuse: every fourth
# attachment gets one (of its own type), so --demo exercises the name sanitising.
ODD_NAMES = {
    "pdf": ("Nota ../../rapport:2026?.pdf", "Ëxtra bijlage – overzicht.pdf",
            "   spatie vooraan.pdf", "nota.PDF", "rapport" + "_lang" * 40 + ".pdf"),
    "docx": ("CON.docx", "verslag <concept> & opmerkingen.docx"),
    "xlsx": ("begroting 2026 (definitief) v3.xlsx", "aux.xlsx"),
}


def _address(person: Member) -> Address:
    return Address(person.name, person.email)


def demo_mailbox(mails: int = 300, events: int = 60, seed: int = 1,
                 now: datetime | None = None) -> Mailbox:
    """The director's mailbox with `mails` messages and `events` calendar items."""
    now = now or datetime.combine(date.today(), time(8, 0), BRUSSELS)
    mailbox = Mailbox(OWNER.email, owner_name=OWNER.name, delegate=DELEGATE.email,
                      delegate_name=DELEGATE.name)
    odd = {kind: 0 for kind in ODD_NAMES}
    for index, mail in enumerate(demo_mails(mails, seed, now)):
        _add_mail(mailbox, mail, [_attachment(f, index, odd) for f in mail.attachments])
    for event in demo_calendar(events, seed, now):
        _add_event(mailbox, event)
    for person in COLLEAGUES:
        mailbox.colleague_calendars[person.email.lower()] = [
            _busy(e) for e in colleague_calendar(person, seed, now)]
    return mailbox


def _busy(event: DemoEvent) -> BusyEntry:
    return BusyEntry(event.start.astimezone(UTC), event.end.astimezone(UTC), event.free_busy,
                     event.subject, event.location, event.private, len(event.attendees) > 1)


def _attachment(file: DemoFile, index: int, odd: dict[str, int]) -> tuple[str, bytes, str]:
    name = file.name
    if index % 4 == 0:
        names = ODD_NAMES[file.kind]
        name = names[odd[file.kind] % len(names)]
        odd[file.kind] += 1
    return name, render(file), file.content_type


def _add_mail(mailbox: Mailbox, mail: DemoMail, attachments: list[tuple[str, bytes, str]]) -> None:
    if mail.meeting is not None:  # an invitation: the request, and a tentative appointment
        mailbox.deliver_meeting_request(
            mail.subject, mail.meeting.start, mail.meeting.end, organizer=_address(mail.author),
            location=mail.meeting.location, body_html=mail.html,
            received=mail.sent + timedelta(seconds=2), sent=mail.sent)
        return
    mailbox.add_message(
        mail.folder, mail.subject, body_html=mail.html, sender=_address(mail.sender),
        author=_address(mail.author), to=[_address(p) for p in mail.to],
        cc=[_address(p) for p in mail.cc], categories=mail.categories, is_read=mail.is_read,
        importance=mail.importance, sensitivity="Private" if mail.private else "Normal",
        received=mail.sent + timedelta(seconds=2), sent=mail.sent, attachments=attachments,
        conversation_id=mail.thread, flag_status=mail.flag, flag_due=mail.flag_due)


def _add_event(mailbox: Mailbox, event: DemoEvent) -> None:
    mailbox.add_event(
        event.subject, event.start, event.end, location=event.location,
        attendees=[_address(p) for p in event.attendees], organizer=_address(event.organizer),
        sensitivity="Private" if event.private else "Normal", is_all_day=event.all_day,
        body_html=f"<p>{event.body}</p>" if event.body else "",
        recurrence_weekly_until=event.until, categories=event.categories,
        free_busy=event.free_busy)


__all__ = ["DELEGATE", "ODD_NAMES", "OWNER", "demo_mailbox"]
