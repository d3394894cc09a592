"""The director's mailbox: folders, items, and a change log that syncs are computed from.

Every change, whether made here "as if in Outlook" or through the server,
goes through the same methods and takes the next number of the change log,
so SyncFolderItems reports both the same way. All public methods hold one
re-entrant lock: the HTTP server answers from several threads.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from kortrijk_cockpit.sandbox import ids, recurrence
from kortrijk_cockpit.sandbox.mapi import to_utc
from kortrijk_cockpit.sandbox.model import (
    CALENDAR_ITEM,
    MEETING_CANCELLATION,
    MEETING_REQUEST,
    MESSAGE,
    Address,
    Attachment,
    BusyEntry,
    Invitation,
    Item,
    SentMessage,
    WeeklyRecurrence,
    address,
)

DEFAULT_OWNER = "algemeen.directeur@kortrijk.be"
DEFAULT_DELEGATE = "assistent@kortrijk.be"
SENSITIVITIES = ("Normal", "Personal", "Private", "Confidential")
IMPORTANCES = ("Low", "Normal", "High")

# (key, display name, parent key, folder class); keys of Exchange's distinguished folders.
STANDARD_FOLDERS: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("root", "", None, None),
    ("msgfolderroot", "Bovenkant van gegevensarchief", "root", None),
    ("inbox", "Postvak IN", "msgfolderroot", "IPF.Note"),
    ("drafts", "Concepten", "msgfolderroot", "IPF.Note"),
    ("sentitems", "Verzonden items", "msgfolderroot", "IPF.Note"),
    ("deleteditems", "Verwijderde items", "msgfolderroot", "IPF.Note"),
    ("outbox", "Postvak UIT", "msgfolderroot", "IPF.Note"),
    ("junkemail", "Ongewenste e-mail", "msgfolderroot", "IPF.Note"),
    ("calendar", "Agenda", "msgfolderroot", "IPF.Appointment"),
    ("contacts", "Contactpersonen", "msgfolderroot", "IPF.Contact"),
    ("tasks", "Taken", "msgfolderroot", "IPF.Task"),
)
# The office files handled mail here; every sandbox mailbox has it.
HANDLED_FOLDER = "Behandeld"

ItemInput = tuple[str, str] | Address
AttachmentInput = tuple[str, bytes, str] | tuple[str, bytes] | Attachment


class Folder:
    """A mail or calendar folder. `key` is the distinguished id, or the name for custom folders."""

    def __init__(self, key: str, number: int, name: str, parent: str | None,
                 folder_class: str | None, *, distinguished: bool, entry_seq: int,
                 lock: threading.RLock) -> None:
        self._lock = lock  # the mailbox's: the server changes items from its threads
        self.key = key
        self.number = number
        self.id = ids.folder_id(number)
        self.change_key = ids.change_key(number, 0)
        self.name = name
        self.parent = parent
        self.folder_class = folder_class
        self.distinguished = distinguished
        self.entry_seq = entry_seq
        self.seq = entry_seq
        self._items: dict[str, Item] = {}
        # (item id, seq when it entered this folder, seq when it left)
        self.tombstones: list[tuple[str, int, int]] = []

    @property
    def items(self) -> list[Item]:
        with self._lock:
            return list(self._items.values())

    @property
    def total_count(self) -> int:
        return len(self._items)

    @property
    def unread_count(self) -> int:
        with self._lock:
            return sum(1 for i in self._items.values() if i.is_message and not i.is_read)

    def __repr__(self) -> str:
        return f"Folder({self.key!r}, {len(self._items)} items)"


@dataclass
class ChangeSet:
    """One page of item changes for SyncFolderItems."""

    changes: list[tuple[str, Any]] = field(default_factory=list)  # (kind, Item | item id)
    watermark: int = 0
    last_page: bool = True


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware")
    return to_utc(value)


class Mailbox:
    """A mailbox the sandbox server serves; the delegate (assistant) works in it."""

    def __init__(self, owner: str = DEFAULT_OWNER, *, owner_name: str = "Algemeen directeur",
                 delegate: str = DEFAULT_DELEGATE,
                 delegate_name: str = "Assistent algemeen directeur",
                 view_private_items: bool = False,
                 clock: Callable[[], datetime] = _now) -> None:
        self.owner = owner
        self.owner_name = owner_name
        self.delegate = delegate
        self.delegate_name = delegate_name
        self.view_private_items = view_private_items
        # Permission levels GetDelegate reports for the assistant.
        self.delegate_permissions: dict[str, str] = {
            "Calendar": "Editor", "Tasks": "None", "Inbox": "Editor",
            "Contacts": "None", "Notes": "None", "Journal": "None",
        }
        self.clock = clock
        self.lock = threading.RLock()
        self.sent: list[SentMessage] = []
        # Sent messages waiting in the Outbox for transport: (item id, what submits it).
        self._held: list[tuple[str, Callable[[], None]]] = []
        self.invitations: list[Invitation] = []
        # Other mailboxes in the organisation, for free/busy only (GetUserAvailability):
        # lower-case address -> their appointments.
        self.colleague_calendars: dict[str, list[BusyEntry]] = {}
        self._seq = 0
        self._numbers = itertools.count(1)
        self._folders: dict[str, Folder] = {}
        self._folders_by_id: dict[str, Folder] = {}
        self._items: dict[str, Item] = {}
        self._attachments: dict[str, tuple[Attachment, Item]] = {}
        self._conversations: dict[str, str] = {}
        self._people: dict[str, Address] = {}
        self.remember(Address(owner_name, owner))
        self.remember(Address(delegate_name, delegate))
        for key, name, parent, folder_class in STANDARD_FOLDERS:
            self._add_folder(key, name, parent, folder_class, distinguished=True)
        self._add_folder(HANDLED_FOLDER, HANDLED_FOLDER, "msgfolderroot", "IPF.Note",
                         distinguished=False)

    # -- bookkeeping -----------------------------------------------------------
    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    @property
    def seq(self) -> int:
        """The position of the last change; a sync that has seen it is up to date."""
        return self._seq

    def _add_folder(self, key: str, name: str, parent: str | None, folder_class: str | None,
                    *, distinguished: bool) -> Folder:
        folder = Folder(key, next(self._numbers), name, parent, folder_class,
                        distinguished=distinguished, entry_seq=self._next_seq(), lock=self.lock)
        self._folders[key.lower()] = folder
        self._folders_by_id[folder.id] = folder
        return folder

    def remember(self, person: Address | None) -> None:
        """Add a person to the directory ResolveNames searches."""
        if person is not None and person.email:
            self._people.setdefault(person.email.lower(), person)

    @property
    def people(self) -> list[Address]:
        with self.lock:
            return list(self._people.values())

    # -- folders -----------------------------------------------------------------
    def folder(self, key: str) -> Folder:
        """A folder by distinguished id ("inbox"), custom name ("Behandeld") or EWS id."""
        with self.lock:
            found = self._folders.get(key.lower()) or self._folders_by_id.get(key)
            if found is None:
                raise KeyError(f"No folder {key!r}")
            return found

    def find_folder(self, key: str) -> Folder | None:
        with self.lock:
            return self._folders.get(key.lower()) or self._folders_by_id.get(key)

    @property
    def folders(self) -> list[Folder]:
        with self.lock:
            return list(self._folders.values())

    def add_folder(self, name: str, parent: str = "msgfolderroot",
                   folder_class: str = "IPF.Note") -> Folder:
        with self.lock:
            if name.lower() in self._folders:
                raise ValueError(f"Folder {name!r} exists")
            return self._add_folder(name, name, self.folder(parent).key, folder_class,
                                    distinguished=False)

    def children(self, folder: Folder, *, deep: bool) -> list[Folder]:
        with self.lock:
            direct = [f for f in self._folders.values() if f.parent == folder.key]
            if not deep:
                return direct
            found = []
            for child in direct:
                found.append(child)
                found.extend(self.children(child, deep=True))
            return found

    # -- items -------------------------------------------------------------------
    def _new_item(self, kind: str, folder: Folder, **values: Any) -> Item:
        number = next(self._numbers)
        item = Item(kind=kind, id=ids.item_id(number), change_key=ids.change_key(number, 1),
                    folder=folder.key, number=number, version=1, **values)
        item.entry_seq = item.content_seq = self._next_seq()
        item.read_seq = 0
        self._place(item, folder)
        return item

    def _place(self, item: Item, folder: Folder) -> None:
        item.folder = folder.key
        folder._items[item.id] = item
        self._items[item.id] = item
        for attachment in item.attachments:
            self._attachments[attachment.attachment_id] = (attachment, item)

    def _unplace(self, item: Item) -> None:
        folder = self.folder(item.folder)
        del folder._items[item.id]
        del self._items[item.id]
        folder.tombstones.append((item.id, item.entry_seq, self._next_seq()))
        for attachment in item.attachments:
            self._attachments.pop(attachment.attachment_id, None)

    def _bump(self, item: Item, *, read_only: bool) -> None:
        item.version += 1
        item.change_key = ids.change_key(item.number, item.version)
        item.last_modified = self.clock()
        if read_only:
            item.read_seq = self._next_seq()
        else:
            item.content_seq = self._next_seq()

    def make_attachment(self, value: AttachmentInput) -> Attachment:
        if isinstance(value, Attachment):
            attachment = value
            attachment.attachment_id = ids.attachment_id(next(self._numbers))
            return attachment
        name, content = value[0], value[1]
        content_type = str(value[2]) if len(value) > 2 else "application/octet-stream"
        return Attachment(ids.attachment_id(next(self._numbers)), name, bytes(content),
                          content_type, last_modified=self.clock())

    def _conversation(self, key: str | None, number_hint: int) -> str:
        if key is None:
            return ids.conversation_id(number_hint)
        if key not in self._conversations:
            self._conversations[key] = ids.conversation_id(next(self._numbers))
        return self._conversations[key]

    def add_message(self, folder: str, subject: str, *, body_html: str = "",
                    sender: ItemInput | None = None, author: ItemInput | None = None,
                    to: Sequence[ItemInput] = (), cc: Sequence[ItemInput] = (),
                    bcc: Sequence[ItemInput] = (), categories: Sequence[str] = (),
                    is_read: bool = False, importance: str = "Normal",
                    sensitivity: str = "Normal", received: datetime | None = None,
                    sent: datetime | None = None,
                    attachments: Sequence[AttachmentInput] = (),
                    conversation_id: str | None = None, flag_status: str = "NotFlagged",
                    flag_due: datetime | None = None, is_draft: bool = False,
                    extended_properties: dict[str, str | list[str]] | None = None,
                    internet_message_id: str | None = None,
                    reply_to: Sequence[ItemInput] = ()) -> str:
        """Deliver (or file) a message as if it arrived in Outlook; returns its EWS id.

        `sender` actually sent it, `author` (From, defaults to the sender) is on whose
        behalf; `reply_to` is where answers go instead of the author."""
        _check_choice("importance", importance, IMPORTANCES)
        _check_choice("sensitivity", sensitivity, SENSITIVITIES)
        with self.lock:
            target = self.folder(folder)
            when = _aware(received, "received") if received else self.clock()
            sender_addr = address(sender)
            author_addr = address(author) or sender_addr
            people = [sender_addr, author_addr, *map(address, to), *map(address, cc)]
            for person in people:
                self.remember(person)
            item = self._new_item(
                MESSAGE, target, subject=subject, body_html=body_html, sender=sender_addr,
                author=author_addr, to=[a for a in map(address, to) if a],
                reply_to=[a for a in map(address, reply_to) if a],
                cc=[a for a in map(address, cc) if a], bcc=[a for a in map(address, bcc) if a],
                categories=list(categories), is_read=is_read, importance=importance,
                sensitivity=sensitivity, received=when,
                sent=_aware(sent, "sent") if sent else when, created=when, last_modified=when,
                attachments=[self.make_attachment(a) for a in attachments],
                extended_properties=dict(extended_properties or {}), is_draft=is_draft,
            )
            item.conversation_id = self._conversation(conversation_id, item.number)
            item.internet_message_id = internet_message_id or f"<{item.number}.sandbox@kortrijk.be>"
            if flag_status != "NotFlagged":
                item.flag_status = flag_status
            if flag_due is not None:
                item.flag_due = flag_due
            return item.id

    def add_event(self, subject: str, start: datetime, end: datetime, *, location: str = "",
                  attendees: Sequence[ItemInput] = (),
                  optional_attendees: Sequence[ItemInput] = (),
                  organizer: ItemInput | None = None, sensitivity: str = "Normal",
                  is_all_day: bool = False, body_html: str = "",
                  recurrence_weekly_until: date | None = None,
                  weekdays: Iterable[int] | None = None, categories: Sequence[str] = (),
                  timezone: str = "Europe/Brussels", folder: str = "calendar",
                  attachments: Sequence[AttachmentInput] = (), free_busy: str = "Busy") -> str:
        """Put an appointment or meeting in the calendar as if made in Outlook; returns its id.

        With `recurrence_weekly_until` it is a weekly series on `start`'s weekday
        (or on `weekdays`, 0 = Monday) until that date, inclusive.
        """
        _check_choice("sensitivity", sensitivity, SENSITIVITIES)
        start, end = _aware(start, "start"), _aware(end, "end")
        if end < start:
            raise ValueError("end must not be before start")
        with self.lock:
            target = self.folder(folder)
            organizer_addr = address(organizer) or Address(self.owner_name, self.owner)
            required = [a for a in map(address, attendees) if a]
            optional = [a for a in map(address, optional_attendees) if a]
            for person in [organizer_addr, *required, *optional]:
                self.remember(person)
            series = None
            if recurrence_weekly_until is not None:
                from zoneinfo import ZoneInfo

                first_day = start.astimezone(ZoneInfo(timezone)).date()
                days = tuple(sorted(set(weekdays))) if weekdays else (first_day.weekday(),)
                series = WeeklyRecurrence(first_day, recurrence_weekly_until, days)
            now = self.clock()
            item = self._new_item(
                CALENDAR_ITEM, target, subject=subject, body_html=body_html,
                sensitivity=sensitivity, start=start, end=end, location=location,
                organizer=organizer_addr, attendees=required, optional_attendees=optional,
                is_all_day=is_all_day, recurrence=series, timezone=timezone,
                categories=list(categories), received=now, created=now, last_modified=now,
                attachments=[self.make_attachment(a) for a in attachments], free_busy=free_busy,
            )
            item.uid = f"{item.number:08d}-sandbox-kortrijk"
            return item.id

    def deliver_meeting_request(self, subject: str, start: datetime, end: datetime, *,
                                organizer: ItemInput, location: str = "",
                                body_html: str = "", attendees: Sequence[ItemInput] = (),
                                is_all_day: bool = False, received: datetime | None = None,
                                sent: datetime | None = None,
                                categories: Sequence[str] = ()) -> tuple[str, str]:
        """An invitation from someone else arrives, as Exchange delivers one: the request
        in the inbox and a tentative appointment in the calendar (not yet answered).
        Returns (request id, appointment id)."""
        me = Address(self.owner_name, self.owner)
        invited = [a for a in map(address, attendees) if a] or [me]
        with self.lock:
            event_id = self.add_event(subject, start, end, location=location, organizer=organizer,
                                      attendees=invited, is_all_day=is_all_day,
                                      body_html=body_html, free_busy="Tentative")
            event = self._items[event_id]
            event.response = "NoResponseReceived"
            request_id = self.add_message(
                "inbox", subject, body_html=body_html, sender=organizer, to=invited,
                received=received, sent=sent, categories=categories)
            request = self._items[request_id]
            request.item_class = MEETING_REQUEST
            request.start, request.end = event.start, event.end
            request.location, request.is_all_day = location, is_all_day
            request.organizer, request.attendees = event.organizer, list(invited)
            request.uid = event.uid
            request.response = "NoResponseReceived"
            return request_id, event_id

    def deliver_meeting_cancellation(self, request_id: str, *,
                                     received: datetime | None = None) -> str:
        """The organiser cancels: a cancellation in the inbox, the appointment marked
        cancelled (it stays until the attendee removes it, as in Exchange)."""
        with self.lock:
            request = self.get(request_id)
            event = self.calendar_item_for(request)
            if event is not None:
                event.is_cancelled = True
                self._bump(event, read_only=False)
            cancel_id = self.add_message(
                "inbox", f"Geannuleerd: {request.subject}", sender=request.organizer,
                to=request.attendees, received=received)
            cancel = self._items[cancel_id]
            cancel.item_class = MEETING_CANCELLATION
            cancel.start, cancel.end, cancel.location = request.start, request.end, request.location
            cancel.organizer, cancel.uid, cancel.is_all_day = \
                request.organizer, request.uid, request.is_all_day
            return cancel_id

    def calendar_item_for(self, meeting_message: Item) -> Item | None:
        """The appointment a meeting request or cancellation is about (same UID)."""
        with self.lock:
            if not meeting_message.uid:
                return None
            return next((i for i in self._items.values() if i.kind == CALENDAR_ITEM
                         and i.uid == meeting_message.uid), None)

    def apply_meeting_response(self, request: Item, response: str) -> None:
        """What Exchange does when the attendee's response is sent: accept makes the
        appointment busy, tentative keeps it tentative, decline removes it (to Deleted
        Items); the request itself moves to Deleted Items."""
        with self.lock:
            event = self.calendar_item_for(request)
            if event is not None:
                event.response = response
                event.free_busy = {"Accept": "Busy", "Tentative": "Tentative"}.get(response, "Free")
                self._bump(event, read_only=False)
                if response == "Decline":
                    self.move_item(event.id, "deleteditems")
            request.response = response
            self._bump(request, read_only=False)
            if request.folder != "deleteditems":
                self.move_item(request.id, "deleteditems")

    def create_item(self, kind: str, folder: str, **values: Any) -> Item:
        """Store an item built by CreateItem; `values` are Item fields."""
        with self.lock:
            item = self._new_item(kind, self.folder(folder), **values)
            for person in [item.sender, item.author, item.organizer, *item.to, *item.cc,
                           *item.attendees, *item.optional_attendees]:
                self.remember(person)
            if kind == MESSAGE:
                item.conversation_id = item.conversation_id or ids.conversation_id(item.number)
                item.internet_message_id = f"<{item.number}.sandbox@kortrijk.be>"
            else:
                item.uid = item.uid or f"{item.number:08d}-sandbox-kortrijk"
            return item

    def get(self, item_id: str) -> Item:
        with self.lock:
            try:
                return self._items[item_id]
            except KeyError:
                raise KeyError(f"No item {item_id!r}") from None

    def find(self, item_id: str) -> Item | None:
        with self.lock:
            return self._items.get(item_id)

    def attachment(self, attachment_id: str) -> tuple[Attachment, Item] | None:
        with self.lock:
            return self._attachments.get(attachment_id)

    def update_item(self, item_id: str, **changes: Any) -> str:
        """Change an item as if in Outlook; returns the new change key.

        Keys are Item attributes (subject, categories, is_read, flag_status,
        flag_due, importance, sensitivity, body_html, location, start, end, ...).
        Changing only `is_read` is a read-flag change, as in Exchange.
        """
        with self.lock:
            item = self.get(item_id)
            self.apply_changes(item, changes)
            return item.change_key

    def apply_changes(self, item: Item, changes: dict[str, Any]) -> None:
        if not changes:
            return
        for name, value in changes.items():
            if name in ("flag_status", "flag_due"):
                setattr(item, name, value)
            elif name == "extended_properties":
                for key, prop in value.items():  # None deletes the property
                    if prop is None:
                        item.extended_properties.pop(key, None)
                    else:
                        item.extended_properties[key] = prop
            elif name in ("to", "cc", "bcc", "reply_to", "attendees", "optional_attendees"):
                setattr(item, name, [a for a in map(address, value) if a])
            elif name in ("sender", "author", "organizer"):
                setattr(item, name, address(value))
            elif name in ("start", "end", "received", "sent"):
                setattr(item, name, _aware(value, name) if value is not None else None)
            elif name == "categories":
                item.categories = list(value or [])
            elif name == "sensitivity":
                _check_choice(name, value, SENSITIVITIES)
                item.sensitivity = value
            elif name == "importance":
                _check_choice(name, value, IMPORTANCES)
                item.importance = value
            elif name in _PLAIN_FIELDS:
                setattr(item, name, value)
            else:
                raise TypeError(f"Cannot change {name!r}")
        self._bump(item, read_only=set(changes) == {"is_read"})

    def move_item(self, item_id: str, folder: str) -> str:
        """Move as Exchange does: the item gets a new id in the target folder; returns it."""
        with self.lock:
            item = self.get(item_id)
            target = self.folder(folder)
            if target.key == item.folder:
                return item.id
            self._unplace(item)
            number = next(self._numbers)
            item.number, item.version = number, 1
            item.id, item.change_key = ids.item_id(number), ids.change_key(number, 1)
            item.entry_seq = item.content_seq = self._next_seq()
            item.read_seq = 0
            item.last_modified = self.clock()
            self._place(item, target)
            return item.id

    def add_attachment(self, item: Item, value: AttachmentInput) -> Attachment:
        """An attachment added to an item that exists (CreateAttachment): a new change key."""
        with self.lock:
            attachment = self.make_attachment(value)
            item.attachments.append(attachment)
            self._attachments[attachment.attachment_id] = (attachment, item)
            self._bump(item, read_only=False)
            return attachment

    def remove_attachment(self, attachment_id: str) -> Item | None:
        """DeleteAttachment: the item it was on (a new change key), or None when gone."""
        with self.lock:
            found = self._attachments.pop(attachment_id, None)
            if found is None:
                return None
            attachment, item = found
            item.attachments.remove(attachment)
            self._bump(item, read_only=False)
            return item

    def delete_item(self, item_id: str) -> None:
        """Delete permanently (a hard delete; use move_item to "deleteditems" for the bin)."""
        with self.lock:
            self._unplace(self.get(item_id))

    def hold(self, item_id: str, submit: Callable[[], None]) -> None:
        """A sent message waits in the Outbox until transport takes it (`submit_outbox`)."""
        with self.lock:
            self._held.append((item_id, submit))

    def submit_outbox(self) -> int:
        """Transport takes what waits in the Outbox: it leaves, its copy goes to Sent
        Items. Returns how many went."""
        with self.lock:
            held, self._held = self._held, []
            for item_id, submit in held:
                if self.find(item_id) is not None:
                    self.delete_item(item_id)
                submit()
            return len(held)

    def record_sent(self, message: SentMessage) -> None:
        with self.lock:
            self.sent.append(message)

    def record_invitation(self, kind: str, item: Item, recipients: list[Address] | None = None,
                          *, occurrence: recurrence.Occurrence | None = None,
                          message: str = "") -> None:
        """What attendees were sent; for one occurrence of a series, about that one."""
        with self.lock:
            to = recipients if recipients is not None else [*item.attendees, *item.optional_attendees]
            if not to:
                return
            occ = occurrence
            self.invitations.append(Invitation(
                kind=kind,
                item_id=ids.occurrence_id(item.number, occ.original_date) if occ else item.id,
                subject=occ.subject if occ and occ.subject is not None else item.subject,
                start=occ.start if occ else item.start, end=occ.end if occ else item.end,
                location=occ.location if occ and occ.location is not None else item.location,
                organizer=item.organizer, recipients=list(to), sent_at=self.clock(),
                message=message))

    # -- one occurrence of a series ----------------------------------------------------
    OCCURRENCE_FIELDS = ("start", "end", "subject", "location")

    def change_occurrence(self, master: Item, occ: recurrence.Occurrence,
                          changes: dict[str, Any]) -> recurrence.Occurrence:
        """Make one occurrence an exception with these fields (start, end, subject,
        location); the master gets a new change key, as Exchange does. Returns it as now."""
        with self.lock:
            unknown = set(changes) - set(self.OCCURRENCE_FIELDS)
            if unknown:
                raise ValueError(f"an occurrence here keeps only {self.OCCURRENCE_FIELDS}, "
                                 f"not {sorted(unknown)}")
            values = {name: _aware(value, name) if name in ("start", "end") else value
                      for name, value in changes.items()}
            current = self._occurrence_values(master, occ)
            merged = {**current, **values}
            if merged["end"] < merged["start"]:
                raise ValueError("end must not be before start")
            master.modified_occurrences[occ.original_date] = merged
            self._bump(master, read_only=False)
            found = recurrence.occurrence_on(master, occ.original_date)
            assert found is not None
            return found

    @staticmethod
    def _occurrence_values(master: Item, occ: recurrence.Occurrence) -> dict[str, Any]:
        return {"start": occ.start, "end": occ.end,
                **master.modified_occurrences.get(occ.original_date, {})}

    def delete_occurrence(self, master: Item, occ: recurrence.Occurrence) -> None:
        """Take one occurrence out of its series (the others stay)."""
        with self.lock:
            master.deleted_occurrences.add(occ.original_date)
            master.modified_occurrences.pop(occ.original_date, None)
            self._bump(master, read_only=False)

    # -- sync --------------------------------------------------------------------
    def item_changes(self, folder: Folder, watermark: int, max_changes: int,
                     ignore: set[str] | None = None) -> ChangeSet:
        """Changes in `folder` after `watermark`, oldest first, at most `max_changes`.

        An item the client saw (entered the folder at or before the watermark)
        comes as update or read-flag change; otherwise as create. Items that
        came and went after the watermark are not reported at all.
        """
        with self.lock:
            pending: list[tuple[int, str, Any]] = []
            for item in folder._items.values():
                last = item.last_seq
                if last <= watermark or (ignore and item.id in ignore):
                    continue
                if item.entry_seq > watermark:
                    kind = "create"
                elif item.content_seq > watermark:
                    kind = "update"
                else:
                    kind = "read_flag_change"
                pending.append((last, kind, item))
            for item_id, entered, left in folder.tombstones:
                if left > watermark and entered <= watermark:
                    pending.append((left, "delete", item_id))
            pending.sort(key=lambda change: change[0])
            page = pending[:max_changes]
            last_page = len(pending) <= max_changes
            return ChangeSet(changes=[(kind, value) for _, kind, value in page],
                             watermark=self._seq if last_page else page[-1][0],
                             last_page=last_page)

    # -- calendar ----------------------------------------------------------------
    def occurrence(self, occurrence_id: str) -> tuple[Item, recurrence.Occurrence] | None:
        parsed = ids.parse_occurrence_id(occurrence_id)
        if parsed is None:
            return None
        number, day = parsed
        with self.lock:
            master = self._items.get(ids.item_id(number))
            if master is None or master.recurrence is None:
                return None
            occ = recurrence.occurrence_on(master, day)
            return (master, occ) if occ else None


_PLAIN_FIELDS = {
    "subject", "body_html", "is_read", "location", "is_all_day", "is_cancelled", "free_busy",
    "is_draft", "recurrence", "timezone", "uid",
}


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, not {value!r}")
