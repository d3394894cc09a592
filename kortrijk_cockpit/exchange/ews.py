"""MailboxBackend over EWS, with exchangelib.

The assistant signs in as herself and opens the director's mailbox as a
delegate. Folders are opened by DistinguishedFolderId + Mailbox, never through
the mailbox root, so a delegate with rights on Inbox and Calendar only works
(exchangelib #1282). The retry policy is FailFast: throttling comes back as
`Throttled` with the server's wait, so the sync worker can show and cancel it
instead of sleeping inside exchangelib.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

import requests
from exchangelib import (
    BASIC,
    DELEGATE,
    NTLM,
    OAUTH2,
    Account,
    Attendee,
    Body,
    Build,
    CalendarItem,
    Configuration,
    Credentials,
    EWSDateTime,
    FailFast,
    FileAttachment,
    HTMLBody,
    Mailbox,
    Message,
    OAuth2AuthorizationCodeCredentials,
    Version,
)
from exchangelib import errors as ews_errors
from exchangelib.extended_properties import ExtendedProperty
from exchangelib.folders import (
    Calendar,
    DeletedItems,
    Drafts,
    Folder,
    FolderCollection,
    Inbox,
    MsgFolderRoot,
    Outbox,
    Root,
    SentItems,
)
from exchangelib.items import (
    SAVE_ONLY,
    SEND_TO_ALL_AND_SAVE_COPY,
    AcceptItem,
    DeclineItem,
    ForwardItem,
    MeetingCancellation,
    MeetingRequest,
    MeetingResponse,
    ReplyAllToItem,
    ReplyToItem,
    TentativelyAcceptItem,
)
from exchangelib.properties import (
    DistinguishedFolderId,
    ItemId,
    RecurringMasterItemId,
    ReferenceItemId,
)
from exchangelib.protocol import BaseProtocol
from exchangelib.services import SendItem, SyncFolderItems

from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.domain import FlagStatus, FolderKind, Importance, Sensitivity
from kortrijk_cockpit.exchange.errors import (
    LATER,
    AccessDenied,
    AuthenticationFailed,
    BackendError,
    ItemConflict,
    ItemGone,
    Offline,
    SendDenied,
    SignInRequired,
    SyncStateInvalid,
    Throttled,
    network_failure,
)
from kortrijk_cockpit.exchange.html_text import html_to_text
from kortrijk_cockpit.exchange.records import (
    MEETING_ANSWERS,
    AttachmentRecord,
    BusyBlock,
    BusyStatus,
    Change,
    EventDraft,
    EventRecord,
    FlagUpdate,
    FolderRecord,
    ItemFiles,
    MailBody,
    MailSummary,
    OutgoingAttachment,
    OutgoingMail,
    OutgoingResponse,
    ReadFlagChanged,
    Removed,
    ResponseKind,
    SyncPage,
    Upserted,
)
from kortrijk_cockpit.exchange.tls import OrganisationCaAdapter

log = logging.getLogger(__name__)
BRUSSELS = ZoneInfo("Europe/Brussels")
FREE_BUSY_MAX_WINDOW = timedelta(days=42)  # GetUserAvailability's limit
T = TypeVar("T")


# The follow-up flag as Outlook stores it; exchangelib does not model it (#85, #324).
class FlagStatusProperty(ExtendedProperty):
    property_tag = 0x1090  # PidTagFlagStatus: 1 complete, 2 flagged
    property_type = "Integer"


class FlagDueProperty(ExtendedProperty):
    distinguished_property_set_id = "Task"
    property_id = 0x8105  # PidLidTaskDueDate
    property_type = "SystemTime"


class FlagStartProperty(ExtendedProperty):
    distinguished_property_set_id = "Task"
    property_id = 0x8104  # PidLidTaskStartDate
    property_type = "SystemTime"


class FlagRequestProperty(ExtendedProperty):
    distinguished_property_set_id = "Common"
    property_id = 0x8530  # PidLidFlagRequest: the text Outlook shows ("Opvolgen")
    property_type = "String"


class FlagCompletedProperty(ExtendedProperty):
    property_tag = 0x1091  # PidTagFlagCompleteTime
    property_type = "SystemTime"


_FLAG_FIELDS = {
    "flag_status": FlagStatusProperty,
    "flag_due": FlagDueProperty,
    "flag_start": FlagStartProperty,
    "flag_request": FlagRequestProperty,
    "flag_completed": FlagCompletedProperty,
}
for _name, _cls in _FLAG_FIELDS.items():
    if _name not in {f.name for f in Message.FIELDS}:
        Message.register(_name, _cls)


class OutboxMarkerProperty(ExtendedProperty):
    """Our own mark on what the outbox creates or sends: the entry's marker.

    After a write whose answer was lost, the pusher looks it up instead of
    writing again, so nothing is created or sent twice."""

    distinguished_property_set_id = "PublicStrings"
    property_name = "KortrijkCockpitOutboxMarker"
    property_type = "String"


MARKER_FIELD = "cockpit_marker"
# A reply or meeting answer is marked on its draft, before it is sent (a response
# object itself cannot carry extended properties).
for _item_class in (Message, CalendarItem, MeetingResponse):
    if MARKER_FIELD not in {f.name for f in _item_class.FIELDS}:
        _item_class.register(MARKER_FIELD, OutboxMarkerProperty)

SUMMARY_FIELDS = [
    "subject", "author", "sender", "datetime_received", "datetime_sent", "is_read", "categories",
    "importance", "sensitivity", "has_attachments", "conversation_id", "flag_status", "flag_due",
    "item_class", "message_id",
    # a meeting request's appointment (other mail has none of these)
    "start", "end", "location", "organizer", "is_all_day", "my_response_type",
]
_MAIL_ITEMS = (Message, MeetingRequest, MeetingCancellation, MeetingResponse)
_REPLY_OBJECTS = {ResponseKind.REPLY: ReplyToItem, ResponseKind.REPLY_ALL: ReplyAllToItem,
                  ResponseKind.FORWARD: ForwardItem}
_ANSWER_OBJECTS = {ResponseKind.ACCEPT: AcceptItem, ResponseKind.TENTATIVE: TentativelyAcceptItem,
                   ResponseKind.DECLINE: DeclineItem}
# MyResponseType -> the answer as the app names it (ResponseKind values)
_ANSWERED = {"Accept": "accept", "Tentative": "tentative", "Decline": "decline"}
# Reply-To rides on the body's GetItem (no request of its own; the summary stays small).
BODY_FIELDS = ["body", "to_recipients", "cc_recipients", "reply_to", "attachments"]
# CalendarView (FindItem) returns the simple fields; the complex ones need a
# GetItem, which we issue ourselves so it does not go through the mailbox root.
EVENT_VIEW_FIELDS = ["subject", "start", "end", "is_all_day", "sensitivity", "is_cancelled", "type"]
EVENT_DETAIL_FIELDS = ["location", "organizer", "required_attendees", "optional_attendees",
                       "categories", "uid", "body"]  # body: the invitation text (fiches)
SERIES_TYPES = ("Occurrence", "Exception")  # CalendarItemType of a series' member
# EventDraft's fields -> exchangelib's, for a change of some of them only
_EVENT_FIELDS = {"subject": ["subject"], "start_at": ["start"], "end_at": ["end"],
                 "is_all_day": ["is_all_day"], "location": ["location"], "body_html": ["body"],
                 "sensitivity": ["sensitivity"],
                 "required": ["required_attendees"], "optional": ["optional_attendees"]}
EVENT_FIELDS = EVENT_VIEW_FIELDS + EVENT_DETAIL_FIELDS
GET_ITEM_BATCH = 100

_FLAG_FROM_EWS = {2: FlagStatus.FLAGGED, 1: FlagStatus.COMPLETE}
_FLAG_TO_EWS = {FlagStatus.FLAGGED: 2, FlagStatus.COMPLETE: 1}
_SENSITIVITY = {s.value.capitalize(): s for s in Sensitivity}
_IMPORTANCE = {i.value.capitalize(): i for i in Importance}


@dataclass(frozen=True)
class EwsSettings:
    """How to reach the director's mailbox. No secret in here: see `auth.py`."""

    endpoint: str  # https://mail.example.be/EWS/Exchange.asmx
    mailbox: str  # the director's SMTP address
    username: str  # the assistant's own account (DOMAIN\\user or UPN)
    auth: str = "ntlm"  # "ntlm", "basic" or "oauth2" (Microsoft 365)
    server_build: tuple[int, int] | None = (15, 2)  # None: ask the server (one extra round trip)
    ca_bundle: str = ""
    authority: str = ""  # oauth2: https://login.microsoftonline.com/<tenant>
    client_id: str = ""  # oauth2: the app registration of the city's IT

    @classmethod
    def from_profile(cls, settings: Settings) -> EwsSettings:
        """The connection profile saved in the settings (its secret is in the keyring)."""
        return cls(endpoint=settings.exchange_endpoint, mailbox=settings.exchange_mailbox,
                   username=settings.exchange_username, auth=settings.exchange_auth,
                   ca_bundle=settings.exchange_ca_bundle, authority=settings.exchange_authority,
                   client_id=settings.exchange_client_id)

    @property
    def uses_oauth(self) -> bool:
        return self.auth == "oauth2"


class TokenSource(Protocol):
    """Microsoft 365 access tokens (`m365.M365Session`)."""

    def access_token(self, *, force_refresh: bool = False) -> dict[str, Any]: ...


# What signs the assistant in: her password, or Microsoft 365 tokens.
Secret = str | TokenSource


class _TokenCredentials(OAuth2AuthorizationCodeCredentials):
    """OAuth credentials whose token comes from MSAL, which refreshes it (no client secret here)."""

    def __init__(self, tokens: TokenSource) -> None:
        super().__init__(access_token=tokens.access_token())
        self.tokens = tokens

    def refresh(self, session: Any) -> None:
        # exchangelib calls this when the token it holds has expired.
        self.access_token = self.tokens.access_token(force_refresh=True)


BaseProtocol.HTTP_ADAPTER_CLS = OrganisationCaAdapter


def _aware(value: Any) -> datetime | None:
    """A plain, aware datetime: exchangelib's EWSDateTime refuses stdlib time zones."""
    if not isinstance(value, datetime):
        return None
    plain = datetime.fromisoformat(value.isoformat())
    return plain if plain.tzinfo else plain.replace(tzinfo=UTC)


def _ews_time(value: datetime | None, zone: Any = UTC) -> EWSDateTime | None:
    """exchangelib's own datetime type, in a zone it can name (not a bare UTC offset)."""
    return EWSDateTime.from_datetime(value.astimezone(zone)) if value else None


_BUSY_STATUS = {"Free": BusyStatus.FREE, "Tentative": BusyStatus.TENTATIVE,
                "Busy": BusyStatus.BUSY, "OOF": BusyStatus.OOF,
                "WorkingElsewhere": BusyStatus.WORKING_ELSEWHERE, "NoData": BusyStatus.NO_DATA}


def _busy_block(event: Any) -> BusyBlock:
    details = event.details
    start, end = _aware(event.start), _aware(event.end)
    if start is None or end is None:
        raise ValueError(f"A free/busy block without times: {event!r}")
    return BusyBlock(
        start_at=start, end_at=end, status=_BUSY_STATUS.get(event.busy_type, BusyStatus.BUSY),
        subject=(details.subject or "") if details else "",
        location=(details.location or "") if details else "")


def _windows(start: datetime, end: datetime,
             longest: timedelta) -> Iterator[tuple[datetime, datetime]]:
    while start < end:
        yield start, min(start + longest, end)
        start += longest


def _iso_utc(value: Any) -> str | None:
    moment = _aware(value)
    if moment is None and value is not None and hasattr(value, "year"):  # an all-day date
        moment = datetime(value.year, value.month, value.day, tzinfo=BRUSSELS)
    return moment.astimezone(UTC).isoformat() if moment else None


def _meeting(item: Any) -> dict[str, Any] | None:
    """A meeting request's or cancellation's appointment, for the reading pane."""
    if not isinstance(item, MeetingRequest | MeetingCancellation):
        return None
    meeting: dict[str, Any] = {
        "start": _iso_utc(getattr(item, "start", None)),
        "end": _iso_utc(getattr(item, "end", None)),
        "location": getattr(item, "location", None) or "",
        "organizer": _address(getattr(item, "organizer", None) or getattr(item, "sender", None)),
        "is_all_day": bool(getattr(item, "is_all_day", False)),
        "is_cancellation": isinstance(item, MeetingCancellation),
    }
    answered = _ANSWERED.get(getattr(item, "my_response_type", None) or "")
    if answered:
        meeting["response"] = answered
    return meeting


def _mailboxes(people: tuple[str, ...]) -> list[Mailbox]:
    """exchangelib mailboxes of "Name <address>" or bare addresses."""
    found = []
    for person in people:
        name, _, rest = person.rpartition("<")
        email = rest.rstrip(">").strip() if rest.endswith(">") else person.strip()
        found.append(Mailbox(name=name.strip().strip('"').strip() or None, email_address=email))
    return found


def _address(mailbox: Any) -> str:
    if mailbox is None:
        return ""
    name, email = getattr(mailbox, "name", "") or "", getattr(mailbox, "email_address", "") or ""
    return f"{name} <{email}>" if name and email else (email or name)


def _event_text(body: Any) -> str:
    if not body:
        return ""
    return html_to_text(str(body)) if isinstance(body, HTMLBody) else str(body)


def _sent_by(sender: Any, author: Any) -> str:
    """The Sender of mail sent on someone else's behalf ("X namens Y"), else ""."""
    sender_email = (getattr(sender, "email_address", "") or "").lower()
    author_email = (getattr(author, "email_address", "") or "").lower()
    return _address(sender) if sender_email and sender_email != author_email else ""


class EwsBackend:
    """A MailboxBackend for one delegate session. Used from one thread only."""

    def __init__(self, settings: EwsSettings, secret: Secret) -> None:
        self.mailbox = settings.mailbox
        self._settings = settings
        OrganisationCaAdapter.trust(settings.endpoint, settings.ca_bundle)
        self._credentials: _TokenCredentials | None = None
        credentials: Credentials | _TokenCredentials
        if isinstance(secret, str):
            credentials = Credentials(settings.username, secret)
        else:
            with translated_errors():
                credentials = self._credentials = _TokenCredentials(secret)
        config = Configuration(
            service_endpoint=settings.endpoint,
            credentials=credentials,
            auth_type={"ntlm": NTLM, "oauth2": OAUTH2}.get(settings.auth, BASIC),
            version=Version(build=Build(*settings.server_build)) if settings.server_build else None,
            retry_policy=FailFast(),
            max_connections=2,
        )
        self._account = Account(
            primary_smtp_address=settings.mailbox,
            config=config,
            autodiscover=False,
            access_type=DELEGATE,
            default_timezone=BRUSSELS,
            locale="nl_BE",
        )
        # A stand-in root that is never fetched: the delegate may have no rights on
        # it. It carries its distinguished id (without one exchangelib loses track
        # of it in FindFolder paging) and replaces `account.root`, so nothing in
        # exchangelib falls back to a GetFolder on the real root.
        self._root = Root(
            account=self._account,
            _distinguished_id=DistinguishedFolderId(
                id="root", mailbox=Mailbox(email_address=settings.mailbox)),
        )
        self._account.root = self._root
        # For validating field names in GetItem without touching the root (account.fetch would).
        self._any_folder = Folder(root=self._root)
        self._folders: dict[str, Folder] = {}

    # -- folders ---------------------------------------------------------------
    def _distinguished(self, cls: type[Folder]) -> Folder:
        key = cls.DISTINGUISHED_FOLDER_ID
        if key not in self._folders:
            self._folders[key] = self._call(lambda: cls.get_distinguished(root=self._root))
        return self._folders[key]

    def _folder(self, exchange_id: str) -> Folder:
        for folder in self._folders.values():
            if folder.id == exchange_id:
                return folder
        return Folder(root=self._root, id=exchange_id)

    def folders(self) -> list[FolderRecord]:
        kinds = [(Inbox, FolderKind.INBOX), (SentItems, FolderKind.SENT),
                 (DeletedItems, FolderKind.DELETED), (Calendar, FolderKind.CALENDAR)]
        records = []
        for cls, kind in kinds:
            try:
                folder = self._distinguished(cls)
            except AccessDenied:
                if kind in (FolderKind.INBOX, FolderKind.CALENDAR):
                    raise
                log.info("no access to the director's %s folder; skipped", kind.value)
                continue
            records.append(self._record(folder, kind))
        records += self._custom_folders()
        return records

    def _custom_folders(self) -> list[FolderRecord]:
        """Mail folders below the inbox's parent; none when the delegate may not list them."""
        try:
            top = self._call(lambda: MsgFolderRoot.get_distinguished(root=self._root))
            # FindFolder directly: `top.children` would go through the root's folder cache.
            children = self._call(lambda: [
                f for f in FolderCollection(account=self._account, folders=[top])
                .find_folders(depth="Shallow") if isinstance(f, Folder)
            ])
        except (AccessDenied, ItemGone):
            return []
        # Distinguished folders only: the custom ones cached by an earlier round (keyed by
        # their id) must be listed again, or a long session stops syncing them.
        well_known = {f.id for key, f in self._folders.items() if key != f.id}
        records = []
        for child in children:
            if child.id in well_known or getattr(child, "folder_class", "") not in ("IPF.Note", None):
                continue
            self._folders[child.id] = child
            records.append(self._record(child, FolderKind.CUSTOM))
        return records

    @staticmethod
    def _record(folder: Folder, kind: FolderKind) -> FolderRecord:
        return FolderRecord(
            exchange_id=folder.id, change_key=folder.changekey or "", name=folder.name or "",
            kind=kind, parent_exchange_id=getattr(folder.parent_folder_id, "id", "") or "",
            total_count=folder.total_count or 0, unread_count=folder.unread_count or 0,
        )

    # -- reading ---------------------------------------------------------------
    def sync_page(self, folder: FolderRecord, sync_state: str, *, max_changes: int,
                  window: tuple[datetime, datetime] | None = None) -> SyncPage:
        ews_folder = self._folder(folder.exchange_id)
        # For the calendar only *whether* something changed matters (the window
        # is then re-read with CalendarView), so ask for as little as possible.
        wanted = ["subject"] if folder.kind == FolderKind.CALENDAR else SUMMARY_FIELDS
        fields = {f for f in ews_folder.normalize_fields(fields=wanted)
                  if not f.field.is_attribute}
        service = SyncFolderItems(account=self._account)

        def run() -> list[Change]:
            changes: list[Change] = []
            for change_type, item in service.call(
                folder=ews_folder, shape="IdOnly", additional_fields=fields,
                sync_state=sync_state or None, ignore=None,
                max_changes_returned=max_changes, sync_scope=None,
            ):
                if change_type in (SyncFolderItems.CREATE, SyncFolderItems.UPDATE):
                    if folder.kind != FolderKind.CALENDAR and not isinstance(item, _MAIL_ITEMS):
                        continue  # an appointment in Deleted Items (a declined meeting) is no mail
                    changes.append(Upserted(self._summary(item)))
                elif change_type == SyncFolderItems.DELETE:
                    changes.append(Removed(item.id))
                elif change_type == SyncFolderItems.READ_FLAG_CHANGE:
                    item_id, is_read = item
                    changes.append(ReadFlagChanged(item_id.id, bool(is_read)))
            return changes

        changes = self._call(run)
        return SyncPage(changes=changes, sync_state=service.sync_state or "",
                        last_page=bool(service.includes_last_item_in_range))

    def _summary(self, item: Any) -> MailSummary:
        status = getattr(item, "flag_status", None)
        sender = getattr(item, "sender", None)
        author = getattr(item, "author", None) or sender  # From; Sender when From is missing
        return MailSummary(
            exchange_id=item.id,
            change_key=item.changekey or "",
            subject=item.subject or "",
            sender_name=getattr(author, "name", "") or "",
            sender_email=getattr(author, "email_address", "") or "",
            sent_by=_sent_by(sender, author),
            received_at=_aware(getattr(item, "datetime_received", None)),
            sent_at=_aware(getattr(item, "datetime_sent", None)),
            is_read=bool(getattr(item, "is_read", False)),
            categories=tuple(item.categories or ()),
            flag_status=_FLAG_FROM_EWS.get(status or 0, FlagStatus.NONE),
            flag_due_at=_aware(getattr(item, "flag_due", None)),
            importance=_IMPORTANCE.get(getattr(item, "importance", "") or "", Importance.NORMAL),
            sensitivity=_SENSITIVITY.get(item.sensitivity or "", Sensitivity.NORMAL),
            has_attachments=bool(getattr(item, "has_attachments", False)),
            conversation_id=getattr(getattr(item, "conversation_id", None), "id", "") or "",
            item_class=getattr(item, "item_class", None) or "IPM.Note",
            internet_message_id=getattr(item, "message_id", None) or "",
            meeting=_meeting(item),
        )

    def fetch_bodies(self, exchange_ids: list[str]) -> list[MailBody | None]:
        ids = [ItemId(id=i) for i in exchange_ids]
        fetched = self._call(lambda: list(self._account.fetch(ids=ids, folder=self._any_folder, only_fields=BODY_FIELDS)))
        bodies: list[MailBody | None] = []
        for item in fetched:
            if isinstance(item, Exception):
                if not isinstance(item, ews_errors.ErrorItemNotFound):
                    raise _translate(item)
                bodies.append(None)
                continue
            body = str(item.body or "")
            is_html = isinstance(item.body, HTMLBody)
            bodies.append(MailBody(
                exchange_id=item.id,
                change_key=item.changekey or "",
                body_html=body if is_html else f"<pre>{html.escape(body)}</pre>",
                body_text=html_to_text(body) if is_html else body,
                to_recipients=tuple(_address(m) for m in getattr(item, "to_recipients", None) or ()),
                cc_recipients=tuple(_address(m) for m in getattr(item, "cc_recipients", None) or ()),
                reply_to=tuple(_address(m) for m in getattr(item, "reply_to", None) or ()),
                attachments=tuple(
                    AttachmentRecord(
                        exchange_id=a.attachment_id.id if a.attachment_id else "",
                        name=a.name or "",
                        content_type=a.content_type or "application/octet-stream",
                        size=a.size or 0,
                        is_inline=bool(a.is_inline),
                        content_id=a.content_id or "",
                    )
                    for a in item.attachments or ()
                    if isinstance(a, FileAttachment)
                ),
            ))
        return bodies

    def may_view_private(self) -> bool:
        me = self._settings.username.lower().split("\\")[-1]

        def run() -> bool:
            for delegate in self._account.delegates:
                smtp = (getattr(delegate.user_id, "primary_smtp_address", "") or "").lower()
                if me in (smtp, smtp.split("@")[0]):
                    return bool(delegate.view_private_items)
            return False

        try:
            return self._call(run)
        except (AccessDenied, BackendError):
            return False  # not knowing means not showing

    def _fetch_one(self, exchange_id: str, folder: Folder, fields: list[str],
                   id_cls: type[ItemId] = ItemId) -> Any | None:
        """One item as the server has it now; None when it is gone."""
        def run() -> Any | None:
            fetched = list(self._account.fetch(ids=[id_cls(id=exchange_id)], folder=folder,
                                               only_fields=fields))
            item = fetched[0] if fetched else None
            if item is None or isinstance(item, ews_errors.ErrorItemNotFound):
                return None
            if isinstance(item, Exception):
                raise item
            return item

        return self._call(run)

    def item_summary(self, exchange_id: str) -> MailSummary | None:
        item = self._fetch_one(exchange_id, self._any_folder, SUMMARY_FIELDS)
        return self._summary(item) if item is not None else None

    def calendar_view(self, start: datetime, end: datetime) -> list[EventRecord]:
        calendar = self._distinguished(Calendar)

        def run() -> list[EventRecord]:
            found = list(calendar.view(start=start, end=end).only(*EVENT_VIEW_FIELDS))
            details: dict[str, Any] = {}
            for i in range(0, len(found), GET_ITEM_BATCH):
                ids = [ItemId(id=e.id) for e in found[i:i + GET_ITEM_BATCH]]
                for item in self._account.fetch(ids=ids, folder=calendar,
                                                only_fields=EVENT_DETAIL_FIELDS):
                    if not isinstance(item, Exception):
                        details[item.id] = item
            series = self._series_of(calendar, found, details)
            return [self._event(e, details.get(e.id), series.get(e.id, "")) for e in found]

        return self._call(run)

    def _series_of(self, calendar: Folder, found: list[Any],
                   details: dict[str, Any]) -> dict[str, str]:
        """Each occurrence's series (its master's id): one lookup per series, by UID."""
        by_series: dict[str, list[str]] = {}
        for item in found:
            if getattr(item, "type", None) in SERIES_TYPES:
                uid = getattr(details.get(item.id), "uid", None) or item.id
                by_series.setdefault(uid, []).append(item.id)
        members = list(by_series.values())
        masters: dict[str, str] = {}
        for i in range(0, len(members), GET_ITEM_BATCH):
            batch = members[i:i + GET_ITEM_BATCH]
            asked = [RecurringMasterItemId(id=occurrences[0]) for occurrences in batch]
            for occurrences, master in zip(batch, self._account.fetch(
                    ids=asked, folder=calendar, only_fields=["subject"]), strict=True):
                if not isinstance(master, Exception) and master.id:
                    masters.update(dict.fromkeys(occurrences, master.id))
        return masters

    def free_busy(self, addresses: list[str], start: datetime,
                  end: datetime) -> dict[str, list[BusyBlock]]:
        wanted = list(dict.fromkeys(a.strip().lower() for a in addresses if a.strip()))

        def run() -> dict[str, list[BusyBlock]]:
            # Exchange answers at most 42 days at a time; an appointment across the
            # edge of two windows comes back in both, once kept.
            found: dict[str, dict[BusyBlock, None]] = {}
            known: set[str] = set()
            for window_start, window_end in _windows(start, end, FREE_BUSY_MAX_WINDOW):
                views = self._account.protocol.get_free_busy_info(
                    accounts=[(address, "Required", False) for address in wanted],
                    start=_ews_time(window_start, BRUSSELS), end=_ews_time(window_end, BRUSSELS),
                    requested_view="DetailedMerged")
                for address, view in zip(wanted, views, strict=True):
                    if isinstance(view, ews_errors.ErrorMailRecipientNotFound):
                        continue  # not in the organisation (an external guest): no free/busy
                    if isinstance(view, Exception):
                        raise view
                    known.add(address)
                    blocks = found.setdefault(address, {})
                    blocks.update((_busy_block(e), None) for e in view.calendar_events or ()
                                  if e.busy_type != "Free")
            return {address: list(found[address]) for address in wanted if address in known}

        return self._call(run)

    @staticmethod
    def _event(item: Any, detail: Any, series_id: str = "") -> EventRecord:
        detail = detail or item
        attendees = [*(detail.required_attendees or ()), *(detail.optional_attendees or ())]
        start, end = _aware(item.start), _aware(item.end)
        if start is None or end is None:  # all-day items come back as dates
            start = datetime(item.start.year, item.start.month, item.start.day, tzinfo=BRUSSELS)
            end = datetime(item.end.year, item.end.month, item.end.day, tzinfo=BRUSSELS)
        return EventRecord(
            exchange_id=item.id,
            change_key=item.changekey or "",
            subject=item.subject or "",
            start_at=start,
            end_at=end,
            is_all_day=bool(item.is_all_day),
            location=detail.location or "",
            organizer=_address(detail.organizer),
            attendees=tuple(_address(a.mailbox) for a in attendees),
            categories=tuple(detail.categories or ()),
            body_text=_event_text(getattr(detail, "body", None)),
            sensitivity=_SENSITIVITY.get(item.sensitivity or "", Sensitivity.NORMAL),
            is_cancelled=bool(item.is_cancelled),
            series_exchange_id=series_id,
        )

    def fetch_attachment(self, attachment_id: str) -> bytes:
        from exchangelib.attachments import AttachmentId
        from exchangelib.services import GetAttachment

        def run() -> bytes:
            for attachment in GetAttachment(account=self._account).call(
                items=[AttachmentId(id=attachment_id)], include_mime_content=False,
                body_type=None, filter_html_content=None, additional_fields=None,
            ):
                if isinstance(attachment, Exception):
                    raise attachment
                return bytes(attachment.content or b"")
            raise ItemGone("De bijlage bestaat niet meer op de server.")

        return self._call(run)

    def event(self, exchange_id: str) -> EventRecord | None:
        item = self._fetch_one(exchange_id, self._distinguished(Calendar), EVENT_FIELDS)
        return self._event(item, item) if item is not None else None

    def find_marked(self, folder: FolderKind, marker: str) -> tuple[str, str] | None:
        # What was sent can still wait in the Outbox until transport submits it.
        places = (SentItems, Outbox) if folder == FolderKind.SENT else (Calendar,)
        for cls in places:
            found = self._marked_in(cls, marker)
            if found is not None:
                return found.id or "", found.changekey or ""
        return None

    def find_in_folder(self, folder_exchange_id: str, subject: str,
                       received_at: datetime | None) -> str | None:
        folder = self._folder(folder_exchange_id)

        def run() -> str | None:
            for item in folder.filter(subject=subject).only("datetime_received"):
                received = _aware(item.datetime_received)
                if received_at is None or (received is not None
                                           and abs((received - received_at).total_seconds()) < 1):
                    return item.id or None
            return None

        return self._call(run)

    # -- writing ---------------------------------------------------------------
    def _message(self, exchange_id: str, change_key: str) -> Message:
        return Message(account=self._account, id=exchange_id, changekey=change_key)

    def _save(self, message: Message, fields: list[str]) -> str:
        self._call(lambda: message.save(update_fields=fields))
        return message.changekey or ""

    def set_categories(self, exchange_id: str, change_key: str, categories: list[str]) -> str:
        message = self._message(exchange_id, change_key)
        message.categories = list(categories) or None
        return self._save(message, ["categories"])

    def set_read(self, exchange_id: str, change_key: str, is_read: bool) -> str:
        message = self._message(exchange_id, change_key)
        message.is_read = is_read
        return self._save(message, ["is_read"])

    def set_flag(self, exchange_id: str, change_key: str, flag: FlagUpdate) -> str:
        message = self._message(exchange_id, change_key)
        status = _FLAG_TO_EWS.get(flag.status)
        message.flag_status = status  # type: ignore[attr-defined]
        if flag.status == FlagStatus.FLAGGED:
            message.flag_request = "Opvolgen"  # type: ignore[attr-defined]
            message.flag_due = _ews_time(flag.due_at)  # type: ignore[attr-defined]
            message.flag_start = _ews_time(flag.due_at)  # type: ignore[attr-defined]
            message.flag_completed = None  # type: ignore[attr-defined]
        elif flag.status == FlagStatus.COMPLETE:
            message.flag_completed = _ews_time(datetime.now(UTC))  # type: ignore[attr-defined]
        else:
            message.flag_request = message.flag_due = message.flag_start = None  # type: ignore[attr-defined]
            message.flag_completed = None  # type: ignore[attr-defined]
        return self._save(message, list(_FLAG_FIELDS))

    def move(self, exchange_id: str, folder_exchange_id: str) -> str:
        message = self._message(exchange_id, "")
        target = self._folder(folder_exchange_id)
        self._call(lambda: message.move(target))
        return message.id or ""

    def send_mail(self, mail: OutgoingMail) -> None:
        sent = self._distinguished(SentItems)
        message = Message(
            account=self._account,
            folder=sent,
            subject=mail.subject,
            body=HTMLBody(mail.body_html),
            to_recipients=[Mailbox(email_address=a) for a in mail.to],
            cc_recipients=[Mailbox(email_address=a) for a in mail.cc] or None,
            bcc_recipients=[Mailbox(email_address=a) for a in mail.bcc] or None,
            author=Mailbox(email_address=self.mailbox),
        )
        if mail.marker:
            setattr(message, MARKER_FIELD, mail.marker)
        for attachment in mail.attachments:
            message.attach(FileAttachment(name=attachment.name, content=attachment.content,
                                          content_type=attachment.content_type))
        self._call(message.send_and_save)

    def send_response(self, response: OutgoingResponse) -> None:
        """Three steps, as Outlook does on behalf of someone: Exchange makes the response
        as a draft (keeping the conversation and In-Reply-To, or the meeting link); we
        put our marker, her body and her recipients on the draft; then it is sent with a
        copy in Sent Items.

        Exactly once: an earlier attempt is looked up first (`resume_response`: sent,
        on its way in the Outbox, or a marked draft, which is sent instead of making a
        new one); a failure between making the draft and marking it removes the draft
        again, so retries do not fill the director's Drafts."""
        if response.marker and self.resume_response(response.marker):
            return
        drafts = self._distinguished(Drafts)
        ref = ReferenceItemId(id=response.reference_id)
        if response.kind in MEETING_ANSWERS:
            answer = _ANSWER_OBJECTS[response.kind](
                account=self._account, reference_item_id=ref,
                body=HTMLBody(response.body_html) if response.body_html else None)
            answer.folder = drafts
            made = self._call(lambda: answer.send(message_disposition=SAVE_ONLY))
            draft: Message | MeetingResponse = MeetingResponse(
                account=self._account, id=made.id, changekey=made.changekey)
            fields = [MARKER_FIELD] if response.marker else []
        else:
            # Exchange works the recipients out itself and would add any we name here
            # (ews-managed-api #123): so none here, and exactly hers in the UpdateItem.
            reply = _REPLY_OBJECTS[response.kind](
                account=self._account, reference_item_id=ref, subject=response.subject,
                author=Mailbox(email_address=self.mailbox))
            made = self._call(lambda: reply.save(folder=drafts))
            draft = Message(account=self._account, id=made.id, changekey=made.changekey)
            # Her text is the whole body (she saw and may have edited the quote).
            draft.body = HTMLBody(response.body_html)
            draft.to_recipients = _mailboxes(response.to) or None
            draft.cc_recipients = _mailboxes(response.cc) or None
            fields = ["body", "to_recipients", "cc_recipients", MARKER_FIELD]
        if fields:
            setattr(draft, MARKER_FIELD, response.marker or None)
            try:
                self._call(lambda: draft.save(update_fields=fields))
            except BackendError:
                self._delete_draft(made.id or "")
                raise
        self._send_draft(draft)

    def _send_draft(self, draft: Any) -> None:
        sent = self._distinguished(SentItems)
        self._call(lambda: SendItem(account=self._account).get(items=[draft],
                                                               saved_item_folder=sent))

    def _delete_draft(self, exchange_id: str) -> None:
        """Best effort: a draft of ours that will not be sent (what fails stays for the
        marker lookup, or is an unmarked draft the director can delete)."""
        if not exchange_id:
            return
        draft = Message(account=self._account, id=exchange_id, changekey=None)
        try:
            self._call(lambda: draft.delete())
        except BackendError as exc:
            log.info("could not remove an unsent draft: %s", type(exc).__name__)

    def _marked_in(self, cls: type[Folder], marker: str) -> Any | None:
        """The item carrying our marker in this folder, or None (also when the delegate
        may not look in the Outbox: it is not always shared)."""
        try:
            folder = self._distinguished(cls)
        except AccessDenied:
            if cls is not Outbox:
                raise
            log.info("no access to the director's Outbox; not looked in")
            return None
        found = self._call(lambda: list(folder.filter(**{MARKER_FIELD: marker})
                                        .only("subject")[:1]))
        return found[0] if found else None

    def resume_response(self, marker: str) -> bool:
        # Right after SendItem the message waits in the Outbox until transport submits
        # it, and only then is its copy in Sent Items: both mean it went.
        if self.find_marked(FolderKind.SENT, marker) is not None:
            return True
        draft = self._marked_in(Drafts, marker)
        if draft is None:
            return False  # no draft with our marker: nothing was sent
        self._send_draft(draft)
        return True

    def discard_response(self, marker: str) -> None:
        draft = self._marked_in(Drafts, marker)
        if draft is not None:
            self._call(lambda: draft.delete())

    def _calendar_item(self, event: EventDraft, item: CalendarItem) -> CalendarItem:
        item.subject = event.subject
        item.start = _ews_time(event.start_at, BRUSSELS)
        item.end = _ews_time(event.end_at, BRUSSELS)
        item.is_all_day = event.is_all_day
        item.location = event.location or None
        item.body = HTMLBody(event.body_html) if event.body_html else None
        item.sensitivity = event.sensitivity.value.capitalize()
        item.required_attendees = [Attendee(mailbox=m, response_type="Unknown")
                                   for m in _mailboxes(event.required)] or None
        item.optional_attendees = [Attendee(mailbox=m, response_type="Unknown")
                                   for m in _mailboxes(event.optional)] or None
        return item

    def create_event(self, event: EventDraft) -> tuple[str, str]:
        calendar = self._distinguished(Calendar)
        item = self._calendar_item(event, CalendarItem(account=self._account, folder=calendar))
        if event.marker:
            setattr(item, MARKER_FIELD, event.marker)
        self._call(lambda: item.save(send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY))
        return item.id or "", item.changekey or ""

    def update_event(self, exchange_id: str, change_key: str, event: EventDraft,
                     fields: Collection[str] | None = None) -> str:
        item = self._calendar_item(
            event, CalendarItem(account=self._account, id=exchange_id, changekey=change_key))
        names = [ews for name in (fields if fields is not None else _EVENT_FIELDS)
                 for ews in _EVENT_FIELDS[name]]
        self._call(lambda: item.save(update_fields=names,
                                     send_meeting_invitations=SEND_TO_ALL_AND_SAVE_COPY))
        return item.changekey or ""

    def cancel_event(self, exchange_id: str, change_key: str, message: str = "") -> None:
        item = CalendarItem(account=self._account, id=exchange_id, changekey=change_key)
        if message:  # CancelCalendarItem carries her words to the attendees
            self._call(lambda: item.cancel(new_body=Body(message)))
        else:
            self._call(lambda: item.delete(send_meeting_cancellations=SEND_TO_ALL_AND_SAVE_COPY))

    def event_files(self, exchange_id: str) -> ItemFiles | None:
        item = self._fetch_one(exchange_id, self._distinguished(Calendar), ["attachments"])
        if item is None:
            return None
        return ItemFiles(item.changekey or "", tuple(
            AttachmentRecord(exchange_id=a.attachment_id.id if a.attachment_id else "",
                             name=a.name or "", content_type=a.content_type or "",
                             size=a.size or 0)
            for a in item.attachments or () if isinstance(a, FileAttachment)))

    def attach_to_event(self, exchange_id: str, change_key: str,
                        attachment: OutgoingAttachment) -> str:
        item = CalendarItem(account=self._account, id=exchange_id, changekey=change_key)
        file = FileAttachment(name=attachment.name, content=attachment.content,
                              content_type=attachment.content_type)
        self._call(lambda: item.attach(file))  # CreateAttachment: attendees are not told
        return item.changekey or ""

    def remove_attachment(self, attachment_id: str) -> str | None:
        from exchangelib.attachments import AttachmentId
        from exchangelib.services import DeleteAttachment

        def run() -> str | None:
            for root in DeleteAttachment(account=self._account).call(
                    items=[AttachmentId(id=attachment_id)]):
                if isinstance(root, ews_errors.ErrorInvalidAttachmentId):
                    return None  # gone already (an earlier attempt removed it)
                if isinstance(root, Exception):
                    raise root
                return str(root.changekey or "") or None
            return None

        return self._call(run)

    def series_master(self, exchange_id: str) -> EventRecord | None:
        item = self._fetch_one(exchange_id, self._distinguished(Calendar), EVENT_FIELDS,
                               id_cls=RecurringMasterItemId)
        return self._event(item, item) if item is not None else None

    def close(self) -> None:
        self._account.protocol.close()

    # -- errors ----------------------------------------------------------------
    def _call(self, fn: Callable[[], T]) -> T:
        try:
            with translated_errors(self._settings.endpoint):
                return fn()
        except SignInRequired:
            raise
        except AuthenticationFailed:
            if self._credentials is None:
                raise
        # Exchange refused a token that had not expired yet (revoked, or the clocks
        # disagree): take a fresh one and try once more; new sessions carry it.
        with translated_errors(self._settings.endpoint):
            self._credentials.refresh(session=None)
            self._account.protocol.close()
            return fn()


@contextmanager
def translated_errors(url: str = "") -> Iterator[None]:
    """exchangelib's, requests' and the network's errors as a Dutch `BackendError` (`url`: the server)."""
    try:
        yield
    except BackendError:
        raise
    except Exception as exc:
        raise _translate(exc, url) from exc


def _translate(exc: BaseException, url: str = "") -> BackendError:
    offline = network_failure(exc, url)
    if offline is not None:
        return offline
    match exc:
        case ews_errors.ErrorServerBusy():
            wait = float(getattr(exc, "back_off", None) or 10)
            return Throttled(f"De Exchange-server is druk; opnieuw over {wait:.0f} s.",
                             wait_seconds=wait)
        case ews_errors.UnauthorizedError():
            return AuthenticationFailed(
                "Aanmelden bij Exchange is mislukt: controleer gebruikersnaam en wachtwoord."
            )
        case ews_errors.ErrorNonExistentMailbox():
            return AccessDenied(
                "Die mailbox bestaat niet op de server, of u hebt er geen gedelegeerde rechten "
                "op. Controleer het adres van de algemeen directeur."
            )
        case ews_errors.ErrorAccessDenied() | ews_errors.ErrorFolderNotFound():
            return AccessDenied(
                "Geen toegang tot deze map van de algemeen directeur: vraag gedelegeerde rechten "
                "op Postvak IN en Agenda aan de informaticadienst."
            )
        case ews_errors.ErrorInvalidSyncStateData():
            return SyncStateInvalid("De synchronisatiestatus is verlopen; de map wordt opnieuw opgehaald.")
        case ews_errors.ErrorIrresolvableConflict():
            return ItemConflict("Het item werd intussen in Outlook gewijzigd.")
        case ews_errors.ErrorItemNotFound():
            return ItemGone("Het item bestaat niet meer op de server.")
        case ews_errors.ErrorSendAsDenied():
            return SendDenied(
                "U mag niet verzenden namens de algemeen directeur: vraag 'Verzenden namens'-rechten "
                "aan de informaticadienst."
            )
        case ews_errors.ErrorTimeoutExpired():  # also what a dropped connection looks like
            return Offline(f"Exchange antwoordde niet op tijd. {LATER}", reason="timeout")
        case ews_errors.ResponseMessageError():
            # A server answer we did not expect (it subclasses TransportError, so
            # it must be matched before the network errors below).
            return BackendError(f"Exchange weigerde de opdracht ({type(exc).__name__}).",
                                detail=str(exc)[:500])
        case requests.exceptions.ConnectionError() | requests.exceptions.Timeout() | \
                ews_errors.TransportError():
            return Offline(f"Exchange is niet bereikbaar. {LATER}")
    return BackendError(f"Exchange gaf een onverwachte fout ({type(exc).__name__}).",
                        detail=str(exc)[:500])
