"""The store's demo office, made in one transaction from `kortrijk_cockpit.demo_office`.

Used by `--demo` and by tests and benchmarks that need a populated store. The
cast, the MAT/DC days and the external events are those of the sandbox
mailbox, so the records here and the synced mail and calendar agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit import demo_office as office
from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.demo_office.calendar import BRIEFED, TOUR_SUBJECT, VISIT_SUBJECT
from kortrijk_cockpit.demo_office.cast import find
from kortrijk_cockpit.demo_office.rhythm import (
    MEETING_WEEKS,
    SECRETARY,
    at,
    meeting_days,
    monday_of,
)
from kortrijk_cockpit.domain import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    Attachment,
    Brief,
    BriefPerson,
    BriefStatus,
    CalendarEvent,
    Deliverable,
    DeliverableStatus,
    DocumentRequest,
    FlagStatus,
    FolderKind,
    Importance,
    Mail,
    MailFolder,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    Person,
    Project,
    ProjectLink,
    ProjectMilestone,
    ProjectStatus,
    RequestStatus,
    Sensitivity,
)

if TYPE_CHECKING:
    from kortrijk_cockpit.services.verslag import VerslagService

DIRECTOR = office.OWNER.email
_FLAGS = {"NotFlagged": FlagStatus.NONE, "Flagged": FlagStatus.FLAGGED,
          "Complete": FlagStatus.COMPLETE}
_FOLDERS = (("inbox", "Postvak IN", FolderKind.INBOX), ("sentitems", "Verzonden items",
            FolderKind.SENT), ("deleteditems", "Verwijderde items", FolderKind.DELETED),
            ("Behandeld", "Behandeld", FolderKind.CUSTOM))


def _address(person: office.Member) -> str:
    return f"{person.name} <{person.email}>"


def seed_demo(sessions: sessionmaker[Session], today: date, *, mails: int = 300,
              with_mailbox: bool = True) -> None:
    """Fill an empty store with the demo office around `today`.

    `with_mailbox=False` leaves mail and calendar out: they then come from the
    sandbox Exchange server through the normal sync (`demo_mailbox` with the
    same day tells the same story).
    """
    now = at(today, time(8))
    with sessions.begin() as s:
        if with_mailbox:
            folders = {key: MailFolder(display_name=name, kind=kind, exchange_id=f"demo-{key}")
                       for key, name, kind in _FOLDERS}
            s.add_all(folders.values())
            s.flush()
            s.add_all(_demo_mails(office.demo_mails(mails, 1, now), folders))
            s.add_all(_demo_calendar(office.demo_calendar(60, 1, now)))

        orgs = {name: Organisation(name=name, kind=kind) for name, kind in office.ORGANISATIONS}
        s.add_all(orgs.values())
        people = {m.name: Person(full_name=m.name, email=m.email, function=m.function,
                                 organisation=orgs[m.organisation], is_internal=m.is_internal,
                                 purpose="contact voor overleg en netwerkmomenten",
                                 retain_until=today + timedelta(days=365 * 2))
                  for m in office.CAST if m != office.OWNER}
        # The director chairs MAT and DC, so she is a person of the store too.
        people[office.OWNER.name] = Person(
            full_name=office.OWNER.name, email=office.OWNER.email,
            function=office.OWNER.function, organisation=orgs[office.OWNER.organisation],
            is_internal=True, purpose="voorzitter van MAT en DC")
        s.add_all(people.values())

        series = {slot.code: MeetingSeries(code=slot.code, name=slot.name, weekday=slot.weekday,
                                           start_time=f"{slot.start:%H:%M}",
                                           duration_minutes=slot.duration_minutes,
                                           location=slot.location)
                  for slot in (office.MAT, office.DC)}
        s.add_all(series.values())
        s.flush()
        _demo_series_setup(series, people, today)
        meetings = list(_demo_meetings(today, series))
        s.add_all(meetings)
        s.flush()
        s.add_all(_demo_agenda(meetings, today))
        s.add_all(_demo_actions(meetings, today, series, people))
        s.flush()
        _demo_minutes(s, meetings, today, series, people)
        s.add_all(_demo_briefs(today, people))
        s.add_all(_demo_projects(s, today, people))
    seed_demo_reporting(sessions, today)
    if with_mailbox:
        seed_demo_visits(sessions, today)


# The demo's partly done checklists: (kind, subject, {item: (owner, done, note)}).
_VISIT_PROGRESS = (
    ("bezoek", VISIT_SUBJECT, {"zaal": ("Jens Maes", True, "Schepenzaal gereserveerd"),
                               "catering": ("Griet Callewaert", False, "broodjeslunch voor 12"),
                               "parking": ("", True, "")}),
    ("rondleiding", TOUR_SUBJECT, {"zaal": ("", True, ""),
                                   "gids": ("Els Dejonghe", False, "")}),
)


def seed_demo_visits(sessions: sessionmaker[Session], today: date) -> Changes:
    """Mark the demo's bezoek and rondleiding, their checklists partly done.

    Once: an appointment already marked (or since unmarked: only the first call
    finds none) is left as it is. With `--demo` the appointments arrive with the
    first sync, so the window calls this after that round.
    """
    from sqlalchemy import select

    from kortrijk_cockpit.clock import FixedClock
    from kortrijk_cockpit.domain import Visit, VisitKind
    from kortrijk_cockpit.services.visits import VisitService

    visits = VisitService(sessions, FixedClock(at(today, time(8))))
    changes = Changes()
    for kind, subject, progress in _VISIT_PROGRESS:
        with sessions() as s:
            event_id = s.scalar(select(CalendarEvent.id).where(
                CalendarEvent.subject == subject,
                CalendarEvent.start_at >= at(today, time(0))).order_by(CalendarEvent.start_at)
                .limit(1))
            if event_id is None or s.scalar(select(Visit.id).where(Visit.event_id == event_id)):
                continue
        changes |= visits.mark(event_id, VisitKind(kind)).changes
        checklist = visits.checklist(event_id)
        assert checklist is not None
        for item in checklist.items:
            if item.label in progress:
                owner, done, note = progress[item.label]
                changes |= visits.update_item(item.id, owner_name=owner, done=done, note=note)
    return changes | link_demo_briefs(sessions) | link_demo_reporting(sessions)


def link_demo_briefs(sessions: sessionmaker[Session]) -> Changes:
    """The demo's fiches belong to their appointments, which arrive with the first sync:
    link each to the appointment with its subject and start (once)."""
    from sqlalchemy import select

    linked: list[int] = []
    with sessions.begin() as s:
        for brief in s.scalars(select(Brief).where(Brief.calendar_event_id.is_(None),
                                                   Brief.starts_at.is_not(None))):
            event_id = s.scalar(select(CalendarEvent.id).where(
                CalendarEvent.subject == brief.title,
                CalendarEvent.start_at == brief.starts_at).limit(1))
            if event_id is not None:
                brief.calendar_event_id = event_id
                linked.append(brief.id)
    return Changes.of(Kind.BRIEF, updated=linked) if linked else Changes()


# (name, directorate, owner, kind, minutes, (month, day) of the deadline): the BBC
# milestones of DOMAIN.md, on the MAT (the financieel directeur sits there).
BBC_THEMES = (
    ("Overdracht niet-gebruikte investeringskredieten", "Financiën", "Sofie Vandenbroucke",
     AgendaItemKind.DECISION, 30, (3, 1)),
    ("Jaarrekening en beleidsevaluatie", "Financiën", "Sofie Vandenbroucke",
     AgendaItemKind.DECISION, 45, (6, 30)),
    ("Opvolgingsrapportering eerste semester", "Financiën", "Nathalie Claeys",
     AgendaItemKind.DISCUSSION, 45, (9, 30)),
    ("Aanpassing meerjarenplan: kredieten volgend jaar", "Financiën", "Sofie Vandenbroucke",
     AgendaItemKind.DECISION, 60, (12, 15)),
)
# (series, name, directorate, owner, kind, minutes, every so many weeks)
RECURRING_THEMES = (
    ("MAT", "Stand van de begroting", "Financiën", "Nathalie Claeys",
     AgendaItemKind.INFORMATION, 15, 4),
    ("MAT", "Organisatiebeheersing en audit", "Algemene directie", "Wouter Lambrecht",
     AgendaItemKind.DISCUSSION, 20, 8),
    ("DC", "HR-dashboard: verzuim en vacatures", "Organisatieontwikkeling", "Pieter Declercq",
     AgendaItemKind.INFORMATION, 15, 6),
    ("DC", "Projecten Omgeving: stand van zaken", "Omgeving", "Annelies Verhaeghe",
     AgendaItemKind.DISCUSSION, 20, 4),
    ("DC", "Lokaal sociaal beleid", "Welzijn", "Bart Vanneste", AgendaItemKind.DISCUSSION, 20, 6),
    ("DC", "Informatieveiligheid en ICT-projecten", "Facility en ICT", "Karen Vanhee",
     AgendaItemKind.INFORMATION, 15, 8),
    ("DC", "Dienstverlening en klachten", "Samenleving", "Hannes Deprez",
     AgendaItemKind.DISCUSSION, 15, 12),
    ("DC", "Communicatie: wat komt eraan", "Samenleving", "Jens Maes",
     AgendaItemKind.INFORMATION, 10, 4),
)


def _demo_series_setup(series: dict[str, MeetingSeries], people: dict[str, Person],
                       today: date) -> None:
    """MAT and DC as the office runs them: members, chair and secretary, the standard
    sections, the summer and Christmas closures, and their themes."""
    from kortrijk_cockpit.domain.meetings import SeriesMember, Theme
    from kortrijk_cockpit.services.series import STANDARD_SECTIONS

    def next_on(month: int, day: int) -> date:
        this_year = date(today.year, month, day)
        return this_year if this_year >= today else date(today.year + 1, month, day)

    closures = [f"{year}-07-20/{year}-08-14" for year in (today.year, today.year + 1)]
    closures += [f"{year}-12-24/{year + 1}-01-02" for year in (today.year, today.year + 1)]
    for slot in (office.MAT, office.DC):
        row = series[slot.code]
        row.members = [SeriesMember(person_id=people[m.name].id, position=i)
                       for i, m in enumerate(slot.attendees)]
        row.chair_person_id = people[office.OWNER.name].id
        row.minute_taker_person_id = people[SECRETARY.name].id
        # Members get everything; two colleagues beyond them get the copy without the
        # confidential items (the wider list).
        wider = [m for m in office.CAST if m.is_internal and m not in slot.attendees
                 and m not in (office.OWNER, SECRETARY)][:2]
        row.distribution = [_address(m) for m in (*slot.attendees, *wider)]
        row.agenda_sections = list(STANDARD_SECTIONS)
        row.closures = closures
        row.agenda_close_days, row.agenda_close_time = 3, "12:00"  # Thursday noon for Tuesday
        row.stukken_lead_days = 4
    mat = series[office.MAT.code]
    mat.themes = [Theme(name=name, directorate=directorate, owner_name=owner, kind=kind,
                        duration_minutes=minutes, deadline=next_on(*deadline), is_bbc=True,
                        position=i)
                  for i, (name, directorate, owner, kind, minutes, deadline)
                  in enumerate(BBC_THEMES)]
    for code, name, directorate, owner, kind, minutes, weeks in RECURRING_THEMES:
        row = series[code]
        row.themes.append(Theme(name=name, directorate=directorate, owner_name=owner, kind=kind,
                                duration_minutes=minutes, cadence_weeks=weeks,
                                position=len(row.themes)))


def _demo_mails(mails: list[office.DemoMail], folders: dict[str, MailFolder]) -> Iterator[Mail]:
    for i, m in enumerate(mails):
        if m.private:
            continue  # private mail is never stored (as the sync does)
        files = [Attachment(name=f.name, content_type=f.content_type,
                            size=len(office.render(f)), exchange_id=f"demo-att-{i}-{k}")
                 for k, f in enumerate(m.attachments)]
        yield Mail(
            folder_id=folders[m.folder].id, exchange_id=f"demo-mail-{i}",
            conversation_id=m.thread, subject=m.subject, sender_name=m.author.name,
            sender_email=m.author.email, to_recipients=[_address(p) for p in m.to],
            cc_recipients=[_address(p) for p in m.cc], received_at=m.sent, sent_at=m.sent,
            body_text=m.text, body_html=m.html, is_read=m.is_read, flag_status=_FLAGS[m.flag],
            flag_due_at=m.flag_due, importance=Importance(m.importance.lower()),
            categories=list(m.categories), has_attachments=bool(files), attachments=files)


def _demo_calendar(events: list[office.DemoEvent]) -> Iterator[CalendarEvent]:
    for event in events:
        starts = [event.start]
        if event.until is not None:  # a weekly series: one row per occurrence, as synced
            day = event.start.date()
            while (day := day + timedelta(weeks=1)) <= event.until:
                starts.append(at(day, event.start.timetz().replace(tzinfo=None)))
        for start in starts:
            end = start + (event.end - event.start)
            key = f"demo-{event.key}-{start:%Y%m%d}"
            if event.private:
                yield CalendarEvent(subject="Privé", start_at=start, end_at=end,
                                    sensitivity=Sensitivity.PRIVATE, is_private_block=True,
                                    exchange_id=key)
                continue
            yield CalendarEvent(
                subject=event.subject, start_at=start, end_at=end, is_all_day=event.all_day,
                location=event.location, organizer=_address(event.organizer),
                attendees=[_address(p) for p in event.attendees],
                categories=list(event.categories), body_text=event.body, exchange_id=key)


def _demo_meetings(today: date, series: dict[str, MeetingSeries]) -> Iterator[Meeting]:
    monday = monday_of(today)
    first, last = (monday + timedelta(weeks=w) for w in MEETING_WEEKS)
    for slot in (office.MAT, office.DC):
        for day in meeting_days(slot, first, last + timedelta(days=6)):
            yield Meeting(
                series=series[slot.code], title=f"{slot.code} {day:%d/%m/%Y}",
                starts_at=at(day, slot.start), ends_at=at(day, slot.end),
                location=slot.location,
                status=MeetingStatus.MINUTES_SENT if day < today else MeetingStatus.PLANNED)


# Every MAT and DC opens and closes with these.
STANDING = [
    ("Goedkeuring verslag vorige vergadering", AgendaItemKind.APPROVAL),
    ("Opvolging actielijst", AgendaItemKind.DISCUSSION),
]
CLOSING = ("Vooruitblik college en gemeenteraad", AgendaItemKind.INFORMATION)

# (title, kind, directorate, owner): each topic is on one meeting's agenda, its
# owner the directorate's director (or the team lead who carries the dossier).
TOPICS = [
    ("Aanpassing meerjarenplan 2026-2031: kredieten 2027", AgendaItemKind.DECISION, "Financiën",
     "Sofie Vandenbroucke"),
    ("Personeelsplan 2027", AgendaItemKind.ADVICE, "Organisatieontwikkeling", "Pieter Declercq"),
    ("Stand van zaken stadsvernieuwing Leieboorden", AgendaItemKind.INFORMATION, "Omgeving",
     "Annelies Verhaeghe"),
    ("Samenwerking met het CAW: lokaal sociaal beleid", AgendaItemKind.DISCUSSION, "Welzijn",
     "Bart Vanneste"),
    ("Migratie mailplatform: planning en impact", AgendaItemKind.DECISION, "Facility en ICT",
     "Karen Vanhee"),
    ("Wachttijden loket Burgerzaken", AgendaItemKind.INFORMATION, "Samenleving",
     "Els Dejonghe"),
    ("Organisatiebeheersing: zelfevaluatie 2026", AgendaItemKind.ADVICE, "Algemene directie",
     "Wouter Lambrecht"),
    ("Opvolgingsrapportering: timing voor de gemeenteraad", AgendaItemKind.DECISION,
     "Financiën", "Nathalie Claeys"),
    ("Communicatieplan werken Leieboorden", AgendaItemKind.ADVICE, "Samenleving", "Jens Maes"),
    ("Rechtspositieregeling: verlofregeling", AgendaItemKind.DECISION, "Organisatieontwikkeling",
     "Pieter Declercq"),
    ("Informatieveiligheid: jaarrapport DPO", AgendaItemKind.INFORMATION, "Facility en ICT",
     "Karen Vanhee"),
    ("Jaarverslag OCMW 2026: opzet", AgendaItemKind.DISCUSSION, "Welzijn", "Bart Vanneste"),
]
TOPICS_PER_MEETING = 2
# Stukken are asked about two weeks ahead; later meetings have none requested yet.
REQUEST_HORIZON = timedelta(days=14)


def _demo_agenda(meetings: list[Meeting], today: date) -> Iterator[AgendaItem]:
    topics = iter(TOPICS * (1 + len(meetings) * TOPICS_PER_MEETING // len(TOPICS)))
    for meeting in sorted(meetings, key=lambda m: m.starts_at):
        chosen = [next(topics) for _ in range(TOPICS_PER_MEETING)]
        days_ahead = meeting.starts_at.date() - today
        positions = iter(range(10))
        for title, kind in STANDING:
            yield AgendaItem(meeting_id=meeting.id, position=next(positions), title=title,
                             kind=kind)
        for title, kind, directorate, owner in chosen:
            item = AgendaItem(meeting_id=meeting.id, position=next(positions), title=title,
                              kind=kind, directorate=directorate, owner_name=owner)
            if timedelta(0) <= days_ahead <= REQUEST_HORIZON:
                due = meeting.starts_at - timedelta(days=4)
                # A nota is in when its deadline has passed by more than a day, mostly.
                received = due.date() < today - timedelta(days=1) and len(title) % 3 != 0
                item.document_requests.append(DocumentRequest(
                    title=f"Nota: {title}", requested_from=owner,
                    requested_from_email=office.member(owner).email, due_at=due,
                    reminder_at=due - timedelta(days=2),
                    status=RequestStatus.RECEIVED if received else RequestStatus.REQUESTED))
            yield item
        yield AgendaItem(meeting_id=meeting.id, position=next(positions), title=CLOSING[0],
                         kind=CLOSING[1])


# (title, owner, days until due): some overdue, the last one done.
ACTIONS = [
    ("Nota personeelsplan aanpassen na advies DC", "Pieter Declercq", -6),
    ("Timing jaarrekening afstemmen met de schepen van Financiën", "Sofie Vandenbroucke", 12),
    ("Communicatie over de werken aan de Leieboorden voorbereiden", "Jens Maes", 3),
    ("Terugkoppeling aan Leiedal over de woonbehoeftestudie", "Annelies Verhaeghe", -2),
    ("Planning opvolgingsrapportering bevestigen aan de teams", "Nathalie Claeys", 20),
    ("Evaluatie thuiswerkbeleid agenderen", "Griet Callewaert", 9),
    ("Budgetaanvraag digitalisering herbekijken", "Karen Vanhee", 27),
    ("Deelname VVSG-studiedag bevestigen", "Nathalie Goethals", -12),
]


def _demo_actions(meetings: list[Meeting], today: date, series: dict[str, MeetingSeries],
                  people: dict[str, Person]) -> Iterator[ActionPoint]:
    past = [m for m in meetings if m.starts_at.date() < today]
    for i, (title, owner, days) in enumerate(ACTIONS):
        yield ActionPoint(
            title=title, owner_name=owner, owner_person_id=people[owner].id,
            due_date=today + timedelta(days=days),
            status=ActionStatus.DONE if i == len(ACTIONS) - 1 else ActionStatus.OPEN,
            origin_meeting_id=past[i % len(past)].id,
            target_series_id=series["MAT" if i % 2 else "DC"].id)


# What the minutes of a past meeting say per kind of item: (notes, besluit).
_MINUTES = {
    AgendaItemKind.DECISION: ("{owner} licht het voorstel toe. Vragen over de timing en de "
                              "impact op de teams; beantwoord.",
                              "Het voorstel wordt goedgekeurd."),
    AgendaItemKind.ADVICE: ("{owner} stelt het ontwerp voor. Het overleg vraagt de "
                            "communicatie naar de medewerkers scherper te maken.",
                            "Positief advies, met de opmerkingen uit de bespreking."),
    AgendaItemKind.INFORMATION: ("{owner} geeft een stand van zaken. Geen opmerkingen.",
                                 "Het overleg neemt kennis."),
    AgendaItemKind.DISCUSSION: ("Ruime bespreking op basis van de nota van {owner}. "
                                "Een voorstel volgt.",
                                ""),
}


def _demo_minutes(s: Session, meetings: list[Meeting], today: date,
                  series: dict[str, MeetingSeries], people: dict[str, Person]) -> None:
    """Past meetings have minutes: attendance (one member excused), notes and a besluit per
    item; each meeting's "Goedkeuring verslag" approves the one before it; the demo's
    action points were typed under an item of their meeting, with their history."""
    from sqlalchemy import select

    from kortrijk_cockpit.domain import (
        ActionEventKind,
        ActionPointEvent,
        Attendance,
        AttendanceStatus,
        ItemMinutes,
    )

    by_series: dict[int | None, list[Meeting]] = {}
    for m in sorted(meetings, key=lambda m: m.starts_at):
        by_series.setdefault(m.series_id, []).append(m)
    members = {row.id: [p for p in people.values()
                        if p.id in {sm.person_id for sm in row.members}]
               for row in series.values()}
    items = {m.id: list(s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == m.id)
                                  .order_by(AgendaItem.position))) for m in meetings}
    for row in by_series.values():
        for n, meeting in enumerate(row):
            approval = items[meeting.id][0]
            if n > 0 and approval.kind is AgendaItemKind.APPROVAL:
                approval.approves_meeting_id = row[n - 1].id
            if meeting.starts_at.date() >= today:
                continue
            order = sorted(members.get(meeting.series_id or 0, ()), key=lambda p: p.id)
            for position, person in enumerate(order):
                excused = position == (n + 2) % max(len(order), 1)
                s.add(Attendance(meeting_id=meeting.id, person_id=person.id,
                                 name=person.full_name, position=position,
                                 status=AttendanceStatus.EXCUSED if excused
                                 else AttendanceStatus.PRESENT))
            for item in items[meeting.id]:
                if not item.owner_name:
                    continue
                notes, decision = _MINUTES[item.kind]
                s.add(ItemMinutes(meeting_id=meeting.id, agenda_item_id=item.id,
                                  notes=notes.format(owner=item.owner_name), decision=decision,
                                  updated_at=meeting.ends_at, updated_by="secretariaat"))
    for point in s.scalars(select(ActionPoint).where(
            ActionPoint.origin_meeting_id.in_([m.id for m in meetings]))):
        origin = next(m for m in meetings if m.id == point.origin_meeting_id)
        topics = [i for i in items[origin.id] if i.owner_name]
        born = topics[point.id % len(topics)] if topics else None
        point.origin_agenda_item_id = born.id if born is not None else None
        point.created_at = origin.ends_at
        s.add(ActionPointEvent(action_point_id=point.id, at=origin.ends_at,
                               kind=ActionEventKind.CREATED, meeting_id=origin.id,
                               new_value=f"op {origin.title}"
                               + (f": {born.title}" if born is not None else ""),
                               actor="secretariaat"))
        if point.status is ActionStatus.DONE:
            s.add(ActionPointEvent(action_point_id=point.id, at=at(today, time(8)),
                                   kind=ActionEventKind.STATUS, old_value="open",
                                   new_value="done", actor="secretariaat"))


def seed_demo_verslagen(sessions: sessionmaker[Session], verslag: VerslagService,
                        now: datetime) -> None:
    """Verslag v1 of the last MAT and the last DC that were held (real DOCX and PDF)."""
    from sqlalchemy import select

    with sessions() as s:
        held = {}
        for meeting in s.scalars(select(Meeting).where(Meeting.ends_at < now)
                                 .order_by(Meeting.starts_at)):
            held[meeting.series_id] = meeting.id
    for meeting_id in held.values():
        verslag.finalise(meeting_id)


def _demo_briefs(today: date, people: dict[str, Person]) -> Iterator[Brief]:
    events = {e.key: e for e in office.briefing_events(today) if e.key in BRIEFED}
    voka = events["voka"]
    brief = Brief(
        title=voka.subject, starts_at=voka.start, place=voka.location,
        organiser=voka.organizer.organisation,
        director_role="Deelnemer; korte tussenkomst in het panel",
        objective="Steun van de ondernemers voor de vernieuwing van de stationsomgeving.",
        key_messages="Kortrijk investeert 40 miljoen euro in de stationsomgeving.\n"
        "Vergunningen gaan sneller dankzij het omgevingsloket.",
        status=BriefStatus.READY)
    guests = [p for p in voka.attendees if p.kind == "partner"]
    brief.people = [BriefPerson(person=people[p.name], position=i,
                                opener="Hoe kijkt u naar de mobiliteit rond het station?")
                    for i, p in enumerate(guests[:3])]
    yield brief
    vvsg = events["vvsg"]
    yield Brief(title=vvsg.subject, starts_at=vvsg.start, place=vvsg.location,
                organiser=vvsg.organizer.organisation, status=BriefStatus.DRAFT)


# Who delivers the reporting parts in the demo: (directie, team, owner).
REPORTING_TEAMS = (
    ("Financiën", "Financiën", "Nathalie Claeys"),
    ("Omgeving", "Ruimtelijke planning", "Annelies Verhaeghe"),
    ("Welzijn", "Lokaal sociaal beleid", "Bart Vanneste"),
    ("Organisatieontwikkeling", "HR", "Pieter Declercq"),
    ("Facility en ICT", "ICT", "Karen Vanhee"),
)
APPROVED_AFTER = timedelta(days=21)  # parts due longer ago than this are approved


def seed_demo_reporting(sessions: sessionmaker[Session], today: date) -> Changes:
    """This year's cycles from the template with the demo's teams; the parts of the past
    approved, the recent and coming ones in every other status."""
    from sqlalchemy import select

    from kortrijk_cockpit.clock import FixedClock
    from kortrijk_cockpit.services.reporting import ReportingService, Team
    from kortrijk_cockpit.services.reporting_plan import PlanRules, parse_periods

    closures = parse_periods([f"{today.year}-07-20/{today.year}-08-14",
                              f"{today.year}-12-24/{today.year + 1}-01-02"])
    teams = [Team(directie, team, office.member(owner).email)
             for directie, team, owner in REPORTING_TEAMS]
    reporting = ReportingService(sessions, FixedClock(at(today, time(8))),
                                 PlanRules(closures=closures), teams)
    ids, changes = reporting.create_year(today.year)
    with sessions.begin() as s:
        parts = s.scalars(select(Deliverable).where(Deliverable.cycle_id.in_(ids))
                          .order_by(Deliverable.due_date, Deliverable.id))
        for i, part in enumerate(parts):
            if part.due_date < today - APPROVED_AFTER:
                part.status = DeliverableStatus.APPROVED
            elif part.due_date < today:  # recently due: most in, one late
                part.status = DeliverableStatus.IN_PROGRESS if i % 3 == 0 \
                    else DeliverableStatus.RECEIVED
            else:
                part.status = DeliverableStatus.IN_PROGRESS if i % 2 \
                    else DeliverableStatus.REQUESTED
            if part.status in (DeliverableStatus.APPROVED, DeliverableStatus.RECEIVED):
                part.delivered_at = at(min(part.due_date, today), time(10))
            part.requested_at = at(part.due_date - timedelta(weeks=4), time(9))
    return changes


def link_demo_reporting(sessions: sessionmaker[Session]) -> Changes:
    """One received part has its document: a mail of its owner with a file (once; with
    `--demo` the mail arrives with the first sync)."""
    from sqlalchemy import select

    with sessions.begin() as s:
        if s.scalar(select(Deliverable.id).where(Deliverable.document_mail_id.is_not(None))):
            return Changes()
        for part in s.scalars(select(Deliverable).where(
                Deliverable.status == DeliverableStatus.RECEIVED)
                .order_by(Deliverable.due_date.desc(), Deliverable.id)):
            owner = find(part.owner_name)
            email = owner.email if owner is not None else ""
            found = s.execute(select(Mail.id, Attachment.name)
                              .join(Attachment, Attachment.mail_id == Mail.id)
                              .where(Mail.sender_email == email)
                              .order_by(Mail.received_at.desc()).limit(1)).first()
            if found is not None:
                part.document_mail_id, part.document_name = found
                return Changes.of(Kind.DELIVERABLE, updated=[part.id])
    return Changes()


# The office's projects: (name, owner, goal, own, status, start/end in days from today,
# milestones as (title, days from today, done), titles of action points that belong to it).
_PROJECTS = (
    ("Digitale parafeerroute voor nota's aan MAT en DC", office.DELEGATE.name,
     "Nota's voor MAT en DC digitaal laten paraferen, zonder papieren rondgang.", True,
     ProjectStatus.RUNNING, -60, 120,
     (("Startvergadering met ICT", -50, True), ("Analyse huidige route klaar", -7, False),
      ("Pilot met twee directies", 21, False), ("Evaluatie op het MAT", 90, False)),
     ("Budgetaanvraag digitalisering herbekijken",)),
    ("Onthaaltraject nieuwe diensthoofden", "Griet Callewaert",
     "Elk nieuw diensthoofd kent in de eerste maand het MAT, het DC en de BBC-kalender.", False,
     ProjectStatus.RUNNING, -20, 150,
     (("Draaiboek onthaal", 10, False), ("Eerste groep gestart", 45, False)), ()),
    ("Stadsvisie 2035: participatietraject", "Annelies Verhaeghe",
     "Inwoners en partners bouwen mee aan de stadsvisie.", False, ProjectStatus.PLANNED,
     40, 300, (("Startnota op het college", 40, False),), ()),
)


def _demo_projects(s: Session, today: date, people: dict[str, Person]) -> Iterator[Project]:
    for name, owner, goal, own, status, start, end, milestones, actions in _PROJECTS:
        person = people.get(owner)
        project = Project(name=name, owner_name=owner, goal=goal, is_own=own, status=status,
                          owner_person_id=person.id if person else None,
                          starts_on=today + timedelta(days=start),
                          ends_on=today + timedelta(days=end))
        for title, days, done in milestones:
            due = today + timedelta(days=days)
            project.milestones.append(ProjectMilestone(title=title, due_on=due,
                                                       done_on=due if done else None))
        for point_id in s.scalars(select(ActionPoint.id).where(ActionPoint.title.in_(actions))):
            project.links.append(ProjectLink(kind="action_point", ref_id=point_id))
        yield project


def bulk_insert_mails(sessions: sessionmaker[Session], count: int, *, batch: int = 5000) -> None:
    """Insert `count` plain mails fast (Core inserts), for benchmarks and load tests."""
    start = datetime(2025, 1, 1, tzinfo=office.BRUSSELS)
    sample = [m for m in office.demo_mails(200, 1, start + timedelta(days=60)) if not m.private]
    with sessions.begin() as s:
        folder = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX,
                            exchange_id="bulk-inbox")
        s.add(folder)
        s.flush()
        for offset in range(0, count, batch):
            rows = [
                {
                    "folder_id": folder.id,
                    "exchange_id": f"bulk-{i}",
                    "subject": f"{sample[i % len(sample)].subject} #{i}",
                    "sender_name": sample[i % len(sample)].author.name,
                    "sender_email": sample[i % len(sample)].author.email,
                    "to_recipients": [DIRECTOR],
                    "cc_recipients": [],
                    "categories": [],
                    "received_at": start + timedelta(minutes=7 * i),
                    "body_text": sample[i % len(sample)].text,
                    "is_read": i % 10 != 0,
                    "version": 1,
                }
                for i in range(offset, min(offset + batch, count))
            ]
            s.execute(insert(Mail), rows)
