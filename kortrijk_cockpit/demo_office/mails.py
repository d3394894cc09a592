"""The director's mail: threads on the cast's topics, sent in office hours, with a triage history.

Mails older than `UNTRIAGED_DAYS` carry the categories and flags the assistant
gave them (her history, for a later issue to learn from); newer ones are
untouched. A mail that says "in bijlage" or "bijgevoegd" carries the file it
names, and no other mail carries one.
"""

from __future__ import annotations

import html
import random
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from kortrijk_cockpit.demo_office import texts
from kortrijk_cockpit.demo_office.cast import (
    DELEGATE,
    DIRECTORS,
    OWNER,
    PARTNERS,
    POLITICIANS,
    STAFF,
    Member,
    member,
)
from kortrijk_cockpit.demo_office.files import DemoFile
from kortrijk_cockpit.demo_office.rhythm import (
    BRUSSELS,
    COLLEGE,
    DC,
    MAT,
    OFFICE_CLOSES,
    OFFICE_OPENS,
    council_days,
    is_working_day,
    next_meeting,
)

UNTRIAGED_DAYS = 7  # the assistant has not yet filed the last week
HANDLED_DAYS = 14  # older handled mail may have moved to "Behandeld"
FOLLOW_UP = "Opvolging"
HANDLED_FOLDER = "Behandeld"
# The office's triage outcomes; a sender's mail tends to get the same one (suggestions learn it).
OUTCOMES = ("Actie AD", "Actie DM", "Ter info", "Agenderen MAT", "Agenderen DC")
WAITING = "Wacht op antwoord"


@dataclass(frozen=True)
class DemoMeeting:
    """The appointment a meeting request invites the director to."""

    start: datetime
    end: datetime
    location: str


# Invitations from outside the city: (organiser, subject, working days ahead, start hour,
# hours, location, what it is about).
INVITATIONS: tuple[tuple[str, str, int, int, int, str, str], ...] = (
    ("geert.demeyere@west-vlaanderen.be", "Overleg regionale mobiliteit Zuid-West-Vlaanderen",
     6, 14, 2, "Provinciehuis Boeverbos, Brugge",
     "Graag nodig ik u uit voor een overleg over het regionale mobiliteitsplan."),
    ("katrien.degryse@leiedal.be", "Stuurgroep Leiedal: ruimtelijke visie regio Kortrijk",
     9, 10, 2, "Leiedal, President Kennedypark 10, Kortrijk",
     "Op de stuurgroep bespreken we het ontwerp van de ruimtelijke visie voor de regio."),
    ("wim.vanhoutte@voka.be", "Ontbijtsessie Voka: samenwerking stad en bedrijven",
     12, 8, 1, "Voka-huis, Kortrijk",
     "Voka brengt lokale besturen en ondernemers samen rond werk in de regio."),
)


@dataclass(frozen=True)
class DemoMail:
    folder: str  # "inbox", "sentitems", "deleteditems" or HANDLED_FOLDER
    subject: str
    sender: Member  # who pressed send (the assistant for the director, sometimes)
    author: Member  # in whose name (From)
    to: tuple[Member, ...]
    cc: tuple[Member, ...]
    sent: datetime  # aware, Europe/Brussels
    greeting: str
    paragraphs: tuple[str, ...]  # whole sentences; `points` follow the first paragraph
    points: tuple[str, ...]
    closing: str
    attachments: tuple[DemoFile, ...]
    thread: str
    topic: str
    categories: tuple[str, ...] = ()
    flag: str = "NotFlagged"  # "Flagged" | "Complete"
    flag_due: datetime | None = None
    is_read: bool = True
    importance: str = "Normal"
    private: bool = False
    meeting: DemoMeeting | None = None  # a meeting request: Exchange also puts it in the calendar

    @property
    def signature(self) -> tuple[str, ...]:
        a = self.author
        return (a.name, a.function, a.organisation)

    @property
    def text(self) -> str:
        """The body as plain text: paragraphs apart, the signature on lines of its own."""
        blocks = [self.greeting, self.paragraphs[0]]
        if self.points:
            blocks += [texts.POINTS_INTRO, "\n".join(f"- {p}" for p in self.points)]
        blocks += [*self.paragraphs[1:], "\n".join((self.closing, *self.signature))]
        return "\n\n".join(blocks)

    @property
    def html(self) -> str:
        def p(text: str) -> str:
            return f"<p>{html.escape(text, quote=False)}</p>"

        parts = [p(self.greeting), p(self.paragraphs[0])]
        if self.points:
            items = "".join(f"<li>{html.escape(x, quote=False)}</li>" for x in self.points)
            parts += [p(texts.POINTS_INTRO), f"<ul>{items}</ul>"]
        parts += [p(x) for x in self.paragraphs[1:]]
        parts.append("<p>" + "<br>".join(html.escape(x, quote=False)
                                         for x in (self.closing, *self.signature)) + "</p>")
        return "".join(parts)


def demo_mails(count: int = 300, seed: int = 1, now: datetime | None = None) -> list[DemoMail]:
    """`count` mails, oldest first, all sent before `now` (default: today 08:00)."""
    rng = random.Random(seed)
    now = now or datetime.combine(date.today(), time(8), BRUSSELS)
    span = max(30, count // 8)
    mails: list[DemoMail] = []
    while len(mails) < count:
        if len(mails) % 40 == 7:
            mails.append(_private(rng, _moment(rng, now, span)))
        else:
            mails += _thread(rng, now, span, len(mails))
    invitations = len(INVITATIONS) if count >= 20 else 0  # part of the count
    mails = sorted(mails[:count - invitations], key=lambda m: m.sent)
    triaged = _waiting([_triaged(rng, m, now) for m in mails])
    return sorted([*triaged, *_invitations(rng, now)[:invitations]], key=lambda m: m.sent)


def _outcome(sender: Member) -> str:
    """The outcome the assistant usually gives this sender's mail (stable per sender)."""
    return OUTCOMES[zlib.crc32(sender.email.encode()) % len(OUTCOMES)]


def _waiting(mails: list[DemoMail]) -> list[DemoMail]:
    """Two mails marked "Wacht op antwoord": one whose conversation got a reply since, and
    one still without one. The mark replaces any other outcome, as triage does, so the
    unanswered one (older than a week) is back in Te behandelen as "Geen antwoord"."""
    later = {m.thread: m.sent for m in mails if m.folder == "inbox"}  # the last inbox mail
    answered = unanswered = False
    for i, mail in enumerate(mails):
        if mail.folder != "inbox" or mail.private or not mail.categories:
            continue
        replied = later[mail.thread] > mail.sent
        if (replied and not answered) or (not replied and not unanswered):
            kept = tuple(c for c in mail.categories if c not in OUTCOMES)
            mails[i] = replace(mail, categories=(*kept, WAITING))
            answered, unanswered = answered or replied, unanswered or not replied
        if answered and unanswered:
            break
    return mails


def _invitations(rng: random.Random, now: datetime) -> list[DemoMail]:
    found = []
    for email, subject, ahead, hour, hours, location, about in INVITATIONS:
        organiser = member(email)
        day = now.astimezone(BRUSSELS).date()
        for _ in range(ahead):
            day += timedelta(days=1)
            while not is_working_day(day):
                day += timedelta(days=1)
        start = datetime.combine(day, time(hour), BRUSSELS)
        sent = _moment(rng, now, 3)
        found.append(DemoMail(
            "inbox", subject, organiser, organiser, (OWNER,), (), sent,
            f"Geachte {OWNER.first_name},",
            (about, f"Het overleg vindt plaats op {start:%d/%m} om {start:%H:%M} in {location}."),
            (), "Met vriendelijke groet,", (), f"invitation:{subject}", "",
            is_read=False, meeting=DemoMeeting(start, start + timedelta(hours=hours), location)))
    return found


def _moment(rng: random.Random, now: datetime, span: int) -> datetime:
    """A moment in office hours on a working day within `span` days before `now`."""
    today = now.astimezone(BRUSSELS).date()
    while True:
        day = today - timedelta(days=rng.randint(0, span))
        if not is_working_day(day):
            continue
        moment = _office_time(rng, day)
        if moment < now:
            return moment


def _office_time(rng: random.Random, day: date) -> datetime:
    opens = OFFICE_OPENS.hour * 60 + OFFICE_OPENS.minute
    closes = OFFICE_CLOSES.hour * 60 + OFFICE_CLOSES.minute
    minute = int(rng.triangular(opens, closes - 1, 10 * 60))  # most mail before noon
    return datetime.combine(day, time(minute // 60, minute % 60, rng.randint(0, 59)), BRUSSELS)


def _later(rng: random.Random, moment: datetime) -> datetime:
    """A reply's moment: later that day if the office is still open, else a next working day."""
    candidate = moment + timedelta(minutes=rng.randint(12, 240))
    if candidate.time() < OFFICE_CLOSES and candidate.date() == moment.date():
        return candidate
    day = moment.date() + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return max(_office_time(rng, day), candidate)


def _writer(rng: random.Random) -> Member:
    roll = rng.random()
    pool = POLITICIANS if roll < 0.2 else PARTNERS if roll < 0.35 else DIRECTORS + STAFF
    return rng.choice(pool)


@lru_cache(maxsize=4096)
def _dates(day: date) -> dict[str, str]:
    council = next(council_days(day + timedelta(days=1), day + timedelta(days=75)))
    return {"mat": f"{next_meeting(MAT, day):%d/%m}", "dc": f"{next_meeting(DC, day):%d/%m}",
            "college": f"{next_meeting(COLLEGE, day):%d/%m}", "council": f"{council:%d/%m}",
            "year": str(day.year), "next_year": str(day.year + 1),
            "month": f"{day:%m/%Y}", "quarter": str((day.month - 1) // 3 + 1)}


def _fill(template: str, when: datetime) -> str:
    return template.format(**_dates(when.date()))


def _file(doc: texts.Document, when: datetime) -> DemoFile:
    name = _fill(doc.file_name, when).replace("/", "-")
    return DemoFile(name, _fill(doc.title, when), tuple(_fill(x, when) for x in doc.lines))


def _thread(rng: random.Random, now: datetime, span: int, number: int) -> list[DemoMail]:
    author = _writer(rng)
    key = rng.choice(author.topics)
    topic = texts.TOPICS[key]
    start = _moment(rng, now, span)
    subject = _fill(rng.choice(topic.subjects), start)
    doc = topic.document if topic.document and author.kind != "politician" \
        and rng.random() < 0.3 else None
    attachments = (_file(doc, start),) if doc else ()
    about = _fill(topic.about, start)
    if author.kind == "politician":  # a schepen asks; the services answer
        body = rng.choice(texts.POLITICIAN_OPENINGS).format(about=about)
    else:
        opening = (rng.choice(texts.WITH_FILE).format(doc=_fill(doc.phrase, start)) if doc
                   else rng.choice(texts.WITHOUT_FILE).format(about=about))
        facts = rng.sample(topic.facts, min(len(topic.facts), rng.randint(1, 2)))
        body = " ".join((opening, *facts))
    greeting = rng.choice(texts.GREETINGS_INTERNAL if author.is_internal
                          else texts.GREETINGS_EXTERNAL).format(first=OWNER.first_name)
    points = tuple(rng.sample(topic.points, rng.randint(2, len(topic.points)))) \
        if topic.points and author.kind != "politician" and rng.random() < 0.4 else ()
    peers = [m for m in DIRECTORS + STAFF + POLITICIANS if key in m.topics and m != author]
    cc = (rng.choice(peers),) if peers and rng.random() < 0.35 else ()
    thread = f"{number}:{subject}"
    first = DemoMail("inbox", subject, author, author, (OWNER,), cc, start, greeting,
                     (body, _fill(rng.choice(topic.asks), start)), points,
                     rng.choice(texts.CLOSINGS), attachments, thread, key,
                     importance="High" if author.kind == "politician" and rng.random() < 0.3
                     else "Normal")
    mails = [first]
    if rng.random() < 0.45:
        when = _later(rng, start)
        if when < now:
            reply = DemoMail(
                "sentitems", "Re: " + subject, DELEGATE if rng.random() < 0.3 else OWNER, OWNER,
                (author,), cc, when, f"Beste {author.first_name},",
                (_fill(rng.choice(_replies(author)), when),), (), "Met vriendelijke groet,", (),
                thread, key)
            mails.append(reply)
            later = _later(rng, when)
            if rng.random() < 0.4 and later < now:
                mails.append(DemoMail(
                    "inbox", "Re: " + subject, author, author, (OWNER,), cc, later,
                    greeting, (rng.choice(texts.FOLLOW_UPS),), (), rng.choice(texts.CLOSINGS),
                    (), thread, key))
    return mails


def _replies(author: Member) -> tuple[str, ...]:
    if author.kind == "politician":
        return texts.REPLIES_POLITICIAN
    return texts.REPLIES if author.is_internal else texts.REPLIES_EXTERNAL


def _private(rng: random.Random, when: datetime) -> DemoMail:
    subject, lines = rng.choice(texts.PRIVATE)
    author = rng.choice(STAFF[1:])
    return DemoMail("inbox", subject, author, author, (OWNER,), (), when,
                    f"Dag {OWNER.first_name},", (" ".join(lines),), (), "Groeten,", (),
                    f"private:{subject}", "", private=True)


def _triaged(rng: random.Random, mail: DemoMail, now: datetime) -> DemoMail:
    """The mail as the assistant left it: read, filed and flagged according to its age."""
    age = (now - mail.sent).days
    if mail.folder == "sentitems":
        return replace(mail, is_read=True)
    if mail.private:
        return replace(mail, is_read=rng.random() < 0.5)
    if age < UNTRIAGED_DAYS:
        unread = rng.random() < (0.7 if age < 1 else 0.4 if age < 3 else 0.1)
        return replace(mail, is_read=not unread)
    categories = [texts.TOPICS[mail.topic].category] if rng.random() < 0.9 else []
    if rng.random() < 1 / 3:
        categories.insert(0, _outcome(mail.author))
    flag, due = "NotFlagged", None
    if rng.random() < 0.2:
        flag = "Complete" if age > 21 and rng.random() < 0.6 else "Flagged"
        due = None if flag == "Complete" else mail.sent + timedelta(days=7)
        categories.append(FOLLOW_UP)
    folder = mail.folder
    if age >= HANDLED_DAYS and rng.random() < 0.3:
        folder = HANDLED_FOLDER
    elif rng.random() < 0.02:
        folder, categories, flag, due = "deleteditems", [], "NotFlagged", None
    return replace(mail, folder=folder, categories=tuple(categories), flag=flag, flag_due=due,
                   is_read=rng.random() > 0.03)
