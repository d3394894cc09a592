"""Replies, forwards and meeting answers on behalf of the director, from the office's
standard texts.

`draft` prepares what the compose dialog shows (recipients, "Antw:"/"Doorst:"
subject, a standard text with its placeholders filled, the director's signature,
the original quoted below); `send` queues it for Exchange through the outbox. The
standard texts live in the store (`TextTemplate`); the first call writes a set
of defaults. Qt-free; user-facing messages are Dutch.
"""

from __future__ import annotations

import enum
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.domain import AuditEntry, Mail, Meeting, TextTemplate
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.exchange.outbox_kinds import (
    OutboxKind,
    answer_meeting,
    mail_values,
    queue,
)
from kortrijk_cockpit.exchange.records import MEETING_ANSWERS, OutgoingMail, ResponseKind
from kortrijk_cockpit.services.defaults_lock import lock_for_defaults

REPLY_KIND = "reply"
SEEDED = "text_templates_seeded"  # the audit row that says the defaults were made once
SIGNATURE_KIND = "signature"
_PREFIXES = re.compile(r"^\s*((re|fw|fwd|antw|tr|doorst|wg)\s*:\s*)+", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class ComposeMode(enum.StrEnum):
    REPLY = "reply"
    REPLY_ALL = "reply_all"
    FORWARD = "forward"


_KINDS = {ComposeMode.REPLY: OutboxKind.REPLY, ComposeMode.REPLY_ALL: OutboxKind.REPLY_ALL,
          ComposeMode.FORWARD: OutboxKind.FORWARD}


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    kind: str  # "reply" or "signature"
    body: str
    position: int = 0


@dataclass(frozen=True)
class Draft:
    """What the compose dialog edits; `body` is plain text, the quote included."""

    mail_id: int
    mode: ComposeMode
    to: tuple[str, ...]  # "Naam <adres>" or "adres"
    cc: tuple[str, ...]
    subject: str
    body: str


DEFAULT_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("Ontvangstbevestiging",
     "Beste {voornaam},\n\nDank u voor uw bericht over \"{onderwerp}\". De algemeen directeur "
     "heeft het goed ontvangen; u krijgt zo snel mogelijk een antwoord."),
    ("Doorgestuurd ter behandeling",
     "Beste {voornaam},\n\nDe algemeen directeur heeft uw vraag over \"{onderwerp}\" "
     "doorgestuurd naar de bevoegde directeur, die ze verder behandelt en u rechtstreeks "
     "antwoordt."),
    ("Uitnodiging: verhinderd",
     "Beste {voornaam},\n\nDank u voor de uitnodiging voor {vergadering}. Helaas is de algemeen "
     "directeur dan verhinderd. Wij laten u nog weten wie van Stad en OCMW Kortrijk in haar of "
     "zijn plaats aanwezig kan zijn."),
    ("Agendering op het MAT",
     "Beste {voornaam},\n\nUw punt \"{onderwerp}\" wordt geagendeerd op {vergadering} van het "
     "managementteam. Bezorg ons de stukken graag uiterlijk drie werkdagen vooraf."),
    ("Vraag om stukken",
     "Beste {voornaam},\n\nMet het oog op {vergadering} vragen wij u de stukken over "
     "\"{onderwerp}\" te bezorgen, uiterlijk drie werkdagen vooraf. Alvast bedankt."),
)


def default_signature(director_name: str) -> str:
    return (f"Met vriendelijke groeten\n\n{director_name or '[naam algemeen directeur]'}\n"
            "algemeen directeur\nStad en OCMW Kortrijk\nGrote Markt 54, 8500 Kortrijk")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill {placeholders}; an unknown or empty one stays visible for her to fill in."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or m.group(0), text)


def address_of(person: str) -> str:
    """The mail address in "Naam <adres>" (or the text itself)."""
    name, _, rest = person.rpartition("<")
    return rest.rstrip(">").strip() if name or person.strip().startswith("<") else person.strip()


def text_to_html(text: str) -> str:
    return "<div>" + "<br>".join(html.escape(line) for line in text.splitlines()) + "</div>"


def _topic(subject: str) -> str:
    return _PREFIXES.sub("", subject).strip()


def _person(name: str, email: str) -> str:
    return f"{name} <{email}>" if name and email and name != email else (email or name)


# pg_advisory_xact_lock key for writing the default standard texts ("KCtt").


def _template(row: TextTemplate) -> Template:
    return Template(row.id, row.name, row.kind, row.body, row.position)


class ComposeService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, mailbox_name: str,
                 *, director_name: str = "") -> None:
        """`mailbox_name`: the director's mail address (never answered to himself); ""
        until a connection is set up (`set_mailbox`)."""
        self._sessions = sessions
        self._clock = clock
        self._me: frozenset[str] = frozenset()
        self.set_mailbox(mailbox_name)
        self._director_name = director_name

    def set_mailbox(self, address: str, *aliases: str) -> None:
        """The director's mailbox now in use (and his other addresses, when known): reply
        all leaves them out. Called when a connection is made or changed."""
        self._me = frozenset(a.strip().lower() for a in (address, *aliases) if a.strip())

    # -- standard texts ---------------------------------------------------------------
    def templates(self, kind: str = REPLY_KIND) -> list[Template]:
        with self._sessions.begin() as s:
            self._ensure_defaults(s)
            rows = s.scalars(select(TextTemplate).where(TextTemplate.kind == kind)
                             .order_by(TextTemplate.position, TextTemplate.id))
            return [_template(r) for r in rows]

    def signature(self) -> str:
        found = self.templates(SIGNATURE_KIND)
        return found[0].body if found else ""

    def _ensure_defaults(self, s: Session) -> None:
        """The office's first standard texts, once: texts she deleted stay deleted."""
        def seeded() -> bool:
            return bool(s.scalar(select(func.count()).select_from(TextTemplate))) or \
                s.scalar(select(AuditEntry.id).where(AuditEntry.action == SEEDED).limit(1)) \
                is not None

        if seeded():
            return
        # Two first calls at once (a team on one PostgreSQL store) must not both write
        # the defaults: take a write lock, then look again.
        lock_for_defaults(s, TextTemplate.__table__, TextTemplate.kind)
        if seeded():
            return
        s.add(AuditEntry(action=SEEDED, entity="text_templates"))
        for position, (name, body) in enumerate(DEFAULT_TEMPLATES):
            s.add(TextTemplate(name=name, kind=REPLY_KIND, body=body, position=position))
        s.add(TextTemplate(name="Handtekening", kind=SIGNATURE_KIND,
                           body=default_signature(self._director_name)))
        s.flush()

    def save_template(self, template: Template) -> Template:
        """Add (id 0) or change a standard text; returns it as stored."""
        if not template.name.strip():
            raise UserFacingError("Geef de standaardtekst een naam.")
        with self._sessions.begin() as s:
            self._ensure_defaults(s)  # the defaults first, so adding one never hides them
            if template.id:
                row = s.get(TextTemplate, template.id)
                if row is None:
                    raise UserFacingError("Deze standaardtekst bestaat niet meer.")
            else:
                last = s.scalar(select(func.max(TextTemplate.position))
                                .where(TextTemplate.kind == template.kind))
                row = TextTemplate(kind=template.kind, position=(last or 0) + 1)
                s.add(row)
            row.name, row.body = template.name.strip(), template.body
            s.flush()
            return _template(row)

    def delete_template(self, template_id: int) -> None:
        with self._sessions.begin() as s:
            row = s.get(TextTemplate, template_id)
            if row is not None:
                s.delete(row)

    # -- a draft ------------------------------------------------------------------------
    def draft(self, mail_id: int, mode: ComposeMode, template_id: int | None = None) -> Draft:
        templates = {t.id: t for t in self.templates()}
        signature = self.signature()
        with self._sessions() as s:
            mail = self._mail(s, mail_id)
            values = self._placeholders(s, mail)
            to, cc = self._recipients(mail, mode)
            prefix = "Doorst: " if mode == ComposeMode.FORWARD else "Antw: "
            quote = self._quote(mail)
        text = fill(templates[template_id].body, values) if template_id in templates else ""
        body = "\n\n".join(part for part in (text, fill(signature, values)) if part)
        return Draft(mail_id, mode, to, cc, prefix + _topic(mail.subject),
                     f"{body}\n\n{quote}" if body else f"\n\n{quote}")

    def fill_template(self, mail_id: int, template_id: int) -> str:
        """A standard text with this mail's placeholders filled (the dialog inserts it)."""
        body = next((t.body for t in self.templates() if t.id == template_id), "")
        with self._sessions() as s:
            return fill(body, self._placeholders(s, self._mail(s, mail_id)))

    def _recipients(self, mail: Mail, mode: ComposeMode) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if mode == ComposeMode.FORWARD:
            return (), ()
        # As Outlook and Exchange's ReplyToItem: the Reply-To addresses when the mail has
        # them (forms, ticket systems, lists), else From (sender_*: on whose behalf).
        sender = _person(mail.sender_name, mail.sender_email)
        answer_to = [p for p in mail.reply_to or () if p.strip()] or ([sender] if sender else [])
        if mode == ComposeMode.REPLY:
            return tuple(answer_to), ()
        me, seen = self._me, set()  # one read of `_me`: a connection may change it meanwhile

        def keep(people: list[str]) -> tuple[str, ...]:
            """Without the director, and nobody twice (however the address is written)."""
            kept = []
            for person in people:
                key = address_of(person).strip().lower()
                if key and key not in me and key not in seen:
                    seen.add(key)
                    kept.append(person)
            return tuple(kept)

        return keep([*answer_to, *mail.to_recipients]), keep(list(mail.cc_recipients))

    def _placeholders(self, s: Session, mail: Mail) -> dict[str, str]:
        today = self._clock.now().astimezone(BRUSSELS)
        name = mail.sender_name or ""
        return {"naam": name, "voornaam": name.split()[0] if name else "",
                "datum": f"{today:%d/%m/%Y}", "onderwerp": _topic(mail.subject),
                "vergadering": self._meeting_words(s, mail)}

    def _meeting_words(self, s: Session, mail: Mail) -> str:
        """The meeting a text is about: the invitation's, else the next planned one."""
        if mail.meeting and mail.meeting.get("start"):
            start = datetime.fromisoformat(str(mail.meeting["start"])).astimezone(BRUSSELS)
            return f"\"{_topic(mail.subject)}\" van {start:%d/%m/%Y} om {start:%H:%M}"
        upcoming = s.scalar(select(Meeting).where(Meeting.starts_at > self._clock.now())
                            .order_by(Meeting.starts_at).limit(1))
        if upcoming is None:
            return ""
        return f"{upcoming.title} van {upcoming.starts_at.astimezone(BRUSSELS):%d/%m/%Y}"

    @staticmethod
    def _quote(mail: Mail) -> str:
        when = mail.sent_at or mail.received_at
        lines = [f"Van: {_person(mail.sender_name, mail.sender_email)}",
                 f"Verzonden: {when.astimezone(BRUSSELS):%d/%m/%Y %H:%M}" if when else "",
                 f"Aan: {'; '.join(mail.to_recipients)}" if mail.to_recipients else "",
                 f"Onderwerp: {mail.subject}"]
        head = "\n".join(line for line in lines if line)
        return f"-----Oorspronkelijk bericht-----\n{head}\n\n{mail.body_text}".rstrip()

    # -- sending ------------------------------------------------------------------------
    def send(self, draft: Draft) -> Changes:
        """Queue it for Exchange. A mail that never came from Exchange (an import) goes
        as a new mail instead. Raises a Dutch UserFacingError for missing or wrong
        recipients; nothing is queued then."""
        to = [p.strip() for p in draft.to if p.strip()]
        cc = [p.strip() for p in draft.cc if p.strip()]
        if not to and not cc:
            raise UserFacingError("Geef minstens één ontvanger op.")
        wrong = [p for p in (*to, *cc) if not _ADDRESS.match(address_of(p))]
        if wrong:
            raise UserFacingError(f"Dit is geen geldig mailadres: {wrong[0]}")
        body_html = text_to_html(draft.body)
        with self._sessions.begin() as s:
            mail = self._mail(s, draft.mail_id)
            if mail.exchange_id:
                entry = queue(s, _KINDS[draft.mode], {"subject": draft.subject,
                                                       "body_html": body_html, "to": to,
                                                       "cc": cc}, mail=mail)
            else:
                outgoing = OutgoingMail(subject=draft.subject, body_html=body_html,
                                        to=tuple(address_of(p) for p in to),
                                        cc=tuple(address_of(p) for p in cc))
                entry = queue(s, OutboxKind.SEND_MAIL, mail_values(outgoing))
            s.flush()
            return Changes.of(Kind.OUTBOX, created=[entry.id])

    def respond_to_meeting(self, mail_id: int, response: ResponseKind | str,
                           message: str = "") -> Changes:
        """Accept, tentatively accept or decline an invitation for the director.
        `response` as the reading pane names it ("accept", "tentative", "decline")."""
        kind = next((k for k in MEETING_ANSWERS if k.value == response), None)
        if kind is None:
            raise UserFacingError(f"Onbekend antwoord op een uitnodiging: {response}")
        with self._sessions.begin() as s:
            mail = self._mail(s, mail_id)
            if not mail.meeting or mail.meeting.get("is_cancellation"):
                raise UserFacingError("Deze mail is geen uitnodiging voor een vergadering.")
            if not mail.exchange_id:
                raise UserFacingError("Een geïmporteerde uitnodiging kan niet vanuit Exchange "
                                      "beantwoord worden.")
            entry = answer_meeting(s, mail, kind, message.strip())
            s.flush()
            return Changes.of(Kind.OUTBOX, created=[entry.id]) | \
                Changes.of(Kind.MAIL, updated=[mail.id])

    @staticmethod
    def _mail(s: Session, mail_id: int) -> Mail:
        mail = s.get(Mail, mail_id)
        if mail is None:
            raise UserFacingError("Deze mail bestaat niet meer.")
        return mail

