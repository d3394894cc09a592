"""Items to EWS XML, property by property, as a shape asks for them.

A `Plan` is built once per request (shape x item kind) and then applied to
every item, so rendering thousands of items costs a list of small string
functions each.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from functools import lru_cache
from zoneinfo import ZoneInfo

from kortrijk_cockpit.sandbox import recurrence
from kortrijk_cockpit.sandbox.ews.extended import PropertyRef
from kortrijk_cockpit.sandbox.ews.shapes import Shape
from kortrijk_cockpit.sandbox.ews.soapxml import attr, esc, fmt_dt, xml_bool
from kortrijk_cockpit.sandbox.ids import occurrence_id
from kortrijk_cockpit.sandbox.model import CALENDAR_ITEM, MESSAGE, Address, Item
from kortrijk_cockpit.sandbox.recurrence import WEEKDAYS, Occurrence

# Properties SyncFolderItems and FindItem never return (Microsoft: use GetItem).
CONTENT_FIELDS = frozenset({"item:Body", "item:Attachments", "item:MimeContent", "item:TextBody",
                            "item:UniqueBody"})
IANA_TO_MS_ZONE = {"Europe/Brussels": "Romance Standard Time", "Europe/Paris": "Romance Standard Time",
                   "Europe/Amsterdam": "W. Europe Standard Time", "UTC": "UTC"}
MS_TO_IANA_ZONE = {"Romance Standard Time": "Europe/Brussels",
                   "W. Europe Standard Time": "Europe/Amsterdam", "UTC": "UTC"}


@dataclass(frozen=True)
class RenderContext:
    owner: Address
    view_private_items: bool
    body_type: str = "Best"


Renderer = Callable[[Item, Occurrence | None, RenderContext], str]


@lru_cache(maxsize=4096)
def mailbox_xml(person: Address) -> str:
    kind = "Mailbox" if person.email.lower().endswith("@kortrijk.be") else "OneOff"
    return (f"<t:Mailbox><t:Name>{esc(person.name)}</t:Name>"
            f"<t:EmailAddress>{esc(person.email)}</t:EmailAddress>"
            f"<t:RoutingType>SMTP</t:RoutingType><t:MailboxType>{kind}</t:MailboxType></t:Mailbox>")


def _wrapped(tag: str, person: Address | None) -> str:
    return f"<t:{tag}>{mailbox_xml(person)}</t:{tag}>" if person else ""


def _list(tag: str, people: list[Address]) -> str:
    if not people:
        return ""
    return f"<t:{tag}>{''.join(mailbox_xml(p) for p in people)}</t:{tag}>"


def _attendees(tag: str, people: list[Address]) -> str:
    if not people:
        return ""
    inner = "".join(f"<t:Attendee>{mailbox_xml(p)}<t:ResponseType>Unknown</t:ResponseType></t:Attendee>"
                    for p in people)
    return f"<t:{tag}>{inner}</t:{tag}>"


def _simple(tag: str, value: str) -> str:
    return f"<t:{tag}>{esc(value)}</t:{tag}>"


_TAGS = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|tr)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(body: str) -> str:
    text = _BLOCK_END.sub("\n", body)
    return html.unescape(_TAGS.sub("", text)).strip()


def _body(tag: str, item: Item, ctx: RenderContext) -> str:
    if ctx.body_type == "Text":
        return f'<t:{tag} BodyType="Text">{esc(html_to_text(item.body_html))}</t:{tag}>'
    return f'<t:{tag} BodyType="HTML">{esc(item.body_html)}</t:{tag}>'


def _item_id(item: Item, occ: Occurrence | None, ctx: RenderContext) -> str:
    item_id = occurrence_id(item.number, occ.original_date) if occ else item.id
    return f'<t:ItemId Id="{attr(item_id)}" ChangeKey="{attr(item.change_key)}"/>'


def _attachments(item: Item, occ: Occurrence | None, ctx: RenderContext) -> str:
    if not item.attachments:
        return ""
    parts = []
    for a in item.attachments:
        content_id = f"<t:ContentId>{esc(a.content_id)}</t:ContentId>" if a.content_id else ""
        parts.append(
            f'<t:FileAttachment><t:AttachmentId Id="{attr(a.attachment_id)}"/>'
            f"<t:Name>{esc(a.name)}</t:Name><t:ContentType>{esc(a.content_type)}</t:ContentType>"
            f"{content_id}<t:Size>{a.size}</t:Size>"
            f"<t:LastModifiedTime>{fmt_dt(a.last_modified)}</t:LastModifiedTime>"
            f"<t:IsInline>{xml_bool(a.is_inline)}</t:IsInline>"
            f"<t:IsContactPhoto>false</t:IsContactPhoto></t:FileAttachment>")
    return f"<t:Attachments>{''.join(parts)}</t:Attachments>"


def mime_content(item: Item, owner: Address) -> bytes:
    message = EmailMessage()
    author = item.author or item.organizer or owner
    message["From"] = formataddr((author.name, author.email))
    if item.to:
        message["To"] = ", ".join(formataddr(a) for a in item.to)
    if item.cc:
        message["Cc"] = ", ".join(formataddr(a) for a in item.cc)
    if item.reply_to:
        message["Reply-To"] = ", ".join(formataddr(a) for a in item.reply_to)
    message["Subject"] = item.subject
    message["Date"] = format_datetime(item.sent or item.received)
    message["Message-ID"] = item.internet_message_id or f"<{item.number}.sandbox@kortrijk.be>"
    message.set_content(item.body_html or "<p></p>", subtype="html")
    for a in item.attachments:
        main, _, sub = a.content_type.partition("/")
        message.add_attachment(a.content, maintype=main or "application",
                               subtype=sub or "octet-stream", filename=a.name)
    return message.as_bytes()


def _mime(item: Item, occ: Occurrence | None, ctx: RenderContext) -> str:
    data = base64.b64encode(mime_content(item, ctx.owner)).decode("ascii")
    return f'<t:MimeContent CharacterSet="UTF-8">{data}</t:MimeContent>'


def _size(item: Item) -> int:
    return len(item.body_html.encode("utf-8")) + sum(a.size for a in item.attachments) + 512


def _effective_rights(ctx: RenderContext) -> str:
    return ("<t:EffectiveRights><t:CreateAssociated>false</t:CreateAssociated>"
            "<t:CreateContents>false</t:CreateContents><t:CreateHierarchy>false</t:CreateHierarchy>"
            "<t:Delete>true</t:Delete><t:Modify>true</t:Modify><t:Read>true</t:Read>"
            f"<t:ViewPrivateItems>{xml_bool(ctx.view_private_items)}</t:ViewPrivateItems>"
            "</t:EffectiveRights>")


def _topic(subject: str) -> str:
    return re.sub(r"^((re|fw|fwd|antw|tr|doorst)\s*:\s*)+", "", subject, flags=re.IGNORECASE)


def _start(item: Item, occ: Occurrence | None) -> datetime | None:
    return occ.start if occ else item.start


def _end(item: Item, occ: Occurrence | None) -> datetime | None:
    return occ.end if occ else item.end


def _subject(item: Item, occ: Occurrence | None) -> str:
    return occ.subject if occ is not None and occ.subject is not None else item.subject


def _location(item: Item, occ: Occurrence | None) -> str:
    return occ.location if occ is not None and occ.location is not None else item.location


def calendar_type(item: Item, occ: Occurrence | None) -> str:
    if occ:
        return "Exception" if occ.is_exception else "Occurrence"
    return "RecurringMaster" if item.recurrence else "Single"


def _duration(item: Item) -> str:
    if item.start is None or item.end is None:
        return "PT0M"
    minutes = int((item.end - item.start).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    text = "P" + (f"{days}D" if days else "") + "T"
    return text + (f"{hours}H" if hours else "") + (f"{mins}M" if mins or not hours else "")


def _local_date(zone: str, value: date) -> str:
    # Recurrence dates carry the zone's offset, as Exchange writes them ("2026-01-06+01:00").
    noon = datetime.combine(value, datetime.min.time().replace(hour=12), ZoneInfo(zone))
    offset = noon.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{value.isoformat()}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _recurrence(item: Item, occ: Occurrence | None, ctx: RenderContext) -> str:
    rec = item.recurrence
    if rec is None or occ is not None:
        return ""
    days = " ".join(WEEKDAYS[d] for d in rec.weekdays)
    pattern = (f"<t:WeeklyRecurrence><t:Interval>{rec.interval}</t:Interval>"
               f"<t:DaysOfWeek>{days}</t:DaysOfWeek><t:FirstDayOfWeek>Monday</t:FirstDayOfWeek>"
               "</t:WeeklyRecurrence>")
    start = _local_date(item.timezone, rec.start)
    if rec.until is None:
        boundary = f"<t:NoEndRecurrence><t:StartDate>{start}</t:StartDate></t:NoEndRecurrence>"
    else:
        end = _local_date(item.timezone, rec.until)
        boundary = (f"<t:EndDateRecurrence><t:StartDate>{start}</t:StartDate>"
                    f"<t:EndDate>{end}</t:EndDate></t:EndDateRecurrence>")
    return f"<t:Recurrence>{pattern}{boundary}</t:Recurrence>"


def _occurrence_xml(tag: str, item: Item, occ: Occurrence | None) -> str:
    if occ is None:
        return ""
    return (f'<t:{tag}><t:ItemId Id="{attr(occurrence_id(item.number, occ.original_date))}" '
            f'ChangeKey="{attr(item.change_key)}"/><t:Start>{fmt_dt(occ.start)}</t:Start>'
            f"<t:End>{fmt_dt(occ.end)}</t:End><t:OriginalStart>{fmt_dt(occ.series_start)}</t:OriginalStart>"
            f"</t:{tag}>")


def _first_occurrence(item: Item, occ: Occurrence | None, ctx: RenderContext) -> str:
    if occ is not None or item.recurrence is None:
        return ""
    return _occurrence_xml("FirstOccurrence", item, recurrence.first_and_last(item)[0])


def _last_occurrence(item: Item, occ: Occurrence | None, ctx: RenderContext) -> str:
    if occ is not None or item.recurrence is None:
        return ""
    return _occurrence_xml("LastOccurrence", item, recurrence.first_and_last(item)[1])


def _zone(tag: str, item: Item) -> str:
    ms_id = IANA_TO_MS_ZONE.get(item.timezone, "Romance Standard Time")
    return f'<t:{tag} Id="{ms_id}"/>'


def _appointment_state(item: Item, ctx: RenderContext) -> int:
    state = 1 if item.is_meeting else 0
    if item.is_meeting and item.organizer and item.organizer.email.lower() != ctx.owner.email.lower():
        state |= 2
    if item.is_cancelled:
        state |= 4
    return state


def _my_response(item: Item, ctx: RenderContext) -> str:
    if item.response:  # an invitation the director received (answered or not)
        return item.response
    if not item.is_meeting:
        return "Organizer"
    if item.organizer and item.organizer.email.lower() != ctx.owner.email.lower():
        return "Accept"
    return "Organizer"


def _opt(tag: str, value: datetime | None) -> str:
    return f"<t:{tag}>{fmt_dt(value)}</t:{tag}>" if value else ""


# Field URI -> renderer, in the schema's element order (ItemType, then MessageType / CalendarItemType).
_ITEM_FIELDS: list[tuple[str, Renderer]] = [
    ("item:MimeContent", _mime),
    ("item:ItemId", _item_id),
    ("item:ParentFolderId", lambda i, o, c: ""),  # filled in by the plan (needs the folder id)
    ("item:ItemClass", lambda i, o, c: _simple(
        "ItemClass", i.item_class if i.kind == MESSAGE else "IPM.Appointment")),
    ("item:Subject", lambda i, o, c: _simple("Subject", _subject(i, o))),
    ("item:Sensitivity", lambda i, o, c: _simple("Sensitivity", i.sensitivity)),
    ("item:Body", lambda i, o, c: _body("Body", i, c)),
    ("item:Attachments", _attachments),
    ("item:DateTimeReceived", lambda i, o, c: _opt("DateTimeReceived", i.received)),
    ("item:Size", lambda i, o, c: f"<t:Size>{_size(i)}</t:Size>"),
    ("item:Categories", lambda i, o, c: (
        "<t:Categories>" + "".join(_simple("String", x) for x in i.categories) + "</t:Categories>"
        if i.categories else "")),
    ("item:Importance", lambda i, o, c: _simple("Importance", i.importance)),
    ("item:IsSubmitted", lambda i, o, c: f"<t:IsSubmitted>{xml_bool(i.folder == 'outbox')}</t:IsSubmitted>"),
    ("item:IsDraft", lambda i, o, c: f"<t:IsDraft>{xml_bool(i.is_draft)}</t:IsDraft>"),
    ("item:IsFromMe", lambda i, o, c: "<t:IsFromMe>" + xml_bool(
        i.author is not None and i.author.email.lower() == c.owner.email.lower()) + "</t:IsFromMe>"),
    ("item:IsResend", lambda i, o, c: "<t:IsResend>false</t:IsResend>"),
    ("item:IsUnmodified", lambda i, o, c: f"<t:IsUnmodified>{xml_bool(i.version == 1)}</t:IsUnmodified>"),
    ("item:DateTimeSent", lambda i, o, c: _opt("DateTimeSent", i.sent or i.created)),
    ("item:DateTimeCreated", lambda i, o, c: _opt("DateTimeCreated", i.created)),
    ("item:ReminderDueBy", lambda i, o, c: _opt("ReminderDueBy", _start(i, o))
        if i.kind == CALENDAR_ITEM else ""),
    ("item:ReminderIsSet", lambda i, o, c: "<t:ReminderIsSet>"
        + xml_bool(i.kind == CALENDAR_ITEM and not i.is_all_day) + "</t:ReminderIsSet>"),
    ("item:ReminderMinutesBeforeStart", lambda i, o, c: "<t:ReminderMinutesBeforeStart>15"
        "</t:ReminderMinutesBeforeStart>"),
    ("item:DisplayCc", lambda i, o, c: _simple("DisplayCc", "; ".join(a.name for a in i.cc))),
    ("item:DisplayTo", lambda i, o, c: _simple("DisplayTo", "; ".join(a.name for a in i.to))),
    ("item:HasAttachments", lambda i, o, c: f"<t:HasAttachments>{xml_bool(i.has_attachments)}</t:HasAttachments>"),
    ("item:ExtendedProperty", lambda i, o, c: ""),  # filled in by the plan (needs the refs)
    ("item:Culture", lambda i, o, c: "<t:Culture>nl-BE</t:Culture>"),
    ("item:EffectiveRights", lambda i, o, c: _effective_rights(c)),
    ("item:LastModifiedName", lambda i, o, c: _simple("LastModifiedName", c.owner.name)),
    ("item:LastModifiedTime", lambda i, o, c: _opt("LastModifiedTime", i.last_modified)),
    ("item:IsAssociated", lambda i, o, c: "<t:IsAssociated>false</t:IsAssociated>"),
    ("item:ConversationId", lambda i, o, c: f'<t:ConversationId Id="{attr(i.conversation_id)}"/>'
        if i.conversation_id else ""),
    ("item:UniqueBody", lambda i, o, c: _body("UniqueBody", i, c)),
]

_MESSAGE_FIELDS: list[tuple[str, Renderer]] = [
    ("message:Sender", lambda i, o, c: _wrapped("Sender", i.sender)),
    ("message:ToRecipients", lambda i, o, c: _list("ToRecipients", i.to)),
    ("message:CcRecipients", lambda i, o, c: _list("CcRecipients", i.cc)),
    ("message:BccRecipients", lambda i, o, c: _list("BccRecipients", i.bcc)),
    ("message:IsReadReceiptRequested", lambda i, o, c: "<t:IsReadReceiptRequested>false</t:IsReadReceiptRequested>"),
    ("message:IsDeliveryReceiptRequested", lambda i, o, c: "<t:IsDeliveryReceiptRequested>false"
        "</t:IsDeliveryReceiptRequested>"),
    ("message:ConversationTopic", lambda i, o, c: _simple("ConversationTopic", _topic(i.subject))),
    ("message:From", lambda i, o, c: _wrapped("From", i.author)),
    ("message:InternetMessageId", lambda i, o, c: _simple("InternetMessageId", i.internet_message_id)
        if i.internet_message_id else ""),
    ("message:IsRead", lambda i, o, c: f"<t:IsRead>{xml_bool(i.is_read)}</t:IsRead>"),
    ("message:IsResponseRequested", lambda i, o, c: "<t:IsResponseRequested>false</t:IsResponseRequested>"),
    ("message:ReplyTo", lambda i, o, c: _list("ReplyTo", i.reply_to)),
    ("message:ReceivedBy", lambda i, o, c: _wrapped("ReceivedBy", c.owner)),
    ("message:InReplyTo", lambda i, o, c: _simple("InReplyTo", i.in_reply_to)
        if i.in_reply_to else ""),
    ("message:ReceivedRepresenting", lambda i, o, c: _wrapped("ReceivedRepresenting", c.owner)),
]

_CALENDAR_FIELDS: list[tuple[str, Renderer]] = [
    ("calendar:UID", lambda i, o, c: _simple("UID", i.uid) if i.uid else ""),
    ("calendar:RecurrenceId", lambda i, o, c: _opt("RecurrenceId", o.series_start) if o else ""),
    ("calendar:Start", lambda i, o, c: _opt("Start", _start(i, o))),
    ("calendar:End", lambda i, o, c: _opt("End", _end(i, o))),
    ("calendar:OriginalStart", lambda i, o, c: _opt("OriginalStart", o.series_start) if o else ""),
    ("calendar:IsAllDayEvent", lambda i, o, c: f"<t:IsAllDayEvent>{xml_bool(i.is_all_day)}</t:IsAllDayEvent>"),
    ("calendar:LegacyFreeBusyStatus", lambda i, o, c: _simple("LegacyFreeBusyStatus", i.free_busy)),
    ("calendar:Location", lambda i, o, c: _simple("Location", _location(i, o)) if _location(i, o) else ""),
    ("calendar:IsMeeting", lambda i, o, c: f"<t:IsMeeting>{xml_bool(i.is_meeting)}</t:IsMeeting>"),
    ("calendar:IsCancelled", lambda i, o, c: f"<t:IsCancelled>{xml_bool(i.is_cancelled)}</t:IsCancelled>"),
    ("calendar:IsRecurring", lambda i, o, c: f"<t:IsRecurring>{xml_bool(i.recurrence is not None)}</t:IsRecurring>"),
    ("calendar:MeetingRequestWasSent", lambda i, o, c: "<t:MeetingRequestWasSent>"
        + xml_bool(i.is_meeting) + "</t:MeetingRequestWasSent>"),
    ("calendar:IsResponseRequested", lambda i, o, c: "<t:IsResponseRequested>"
        + xml_bool(i.is_meeting) + "</t:IsResponseRequested>"),
    ("calendar:CalendarItemType", lambda i, o, c: _simple("CalendarItemType", calendar_type(i, o))),
    ("calendar:MyResponseType", lambda i, o, c: _simple("MyResponseType", _my_response(i, c))),
    ("calendar:Organizer", lambda i, o, c: _wrapped("Organizer", i.organizer)),
    ("calendar:RequiredAttendees", lambda i, o, c: _attendees("RequiredAttendees", i.attendees)),
    ("calendar:OptionalAttendees", lambda i, o, c: _attendees("OptionalAttendees", i.optional_attendees)),
    ("calendar:ConflictingMeetingCount", lambda i, o, c: "<t:ConflictingMeetingCount>0</t:ConflictingMeetingCount>"),
    ("calendar:AdjacentMeetingCount", lambda i, o, c: "<t:AdjacentMeetingCount>0</t:AdjacentMeetingCount>"),
    ("calendar:Duration", lambda i, o, c: _simple("Duration", _duration(i))),
    ("calendar:AppointmentSequenceNumber", lambda i, o, c: "<t:AppointmentSequenceNumber>"
        f"{i.meeting_sequence}</t:AppointmentSequenceNumber>"),
    ("calendar:AppointmentState", lambda i, o, c: f"<t:AppointmentState>{_appointment_state(i, c)}</t:AppointmentState>"),
    ("calendar:Recurrence", _recurrence),
    ("calendar:FirstOccurrence", _first_occurrence),
    ("calendar:LastOccurrence", _last_occurrence),
    ("calendar:StartTimeZone", lambda i, o, c: _zone("StartTimeZone", i)),
    ("calendar:EndTimeZone", lambda i, o, c: _zone("EndTimeZone", i)),
    ("calendar:AllowNewTimeProposal", lambda i, o, c: "<t:AllowNewTimeProposal>true</t:AllowNewTimeProposal>"),
    ("calendar:IsOnlineMeeting", lambda i, o, c: "<t:IsOnlineMeeting>false</t:IsOnlineMeeting>"),
]

def _meeting_response_type(item: Item, ctx: RenderContext) -> str:
    """A request shows the attendee's answer so far (its appointment's), a response its own."""
    return item.response or "NoResponseReceived"


# MeetingMessageType adds these after the message fields; a request also carries the
# appointment's fields (its start, end, location, organizer ...).
_MEETING_FIELDS: list[tuple[str, Renderer]] = [
    ("meeting:ResponseType", lambda i, o, c: _simple("ResponseType", _meeting_response_type(i, c))),
]
_REQUEST_CALENDAR_URIS = ("calendar:UID", "calendar:Start", "calendar:End",
                          "calendar:IsAllDayEvent", "calendar:LegacyFreeBusyStatus",
                          "calendar:Location", "calendar:IsMeeting", "calendar:IsCancelled",
                          "calendar:CalendarItemType", "calendar:MyResponseType",
                          "calendar:Organizer", "calendar:RequiredAttendees")
_REQUEST_CALENDAR_FIELDS = [(uri, r) for uri, r in _CALENDAR_FIELDS if uri in _REQUEST_CALENDAR_URIS]
MEETING_TAGS = {"IPM.Schedule.Meeting.Request": "t:MeetingRequest",
                "IPM.Schedule.Meeting.Canceled": "t:MeetingCancellation",
                "IPM.Schedule.Meeting.Resp": "t:MeetingResponse"}


def element_tag(item: Item) -> str:
    """t:Message, t:MeetingRequest (and the other meeting messages) or t:CalendarItem."""
    if item.kind != MESSAGE:
        return "t:CalendarItem"
    for prefix, tag in MEETING_TAGS.items():
        if item.item_class.startswith(prefix):
            return tag
    return "t:Message"


_DEFAULT = {
    MESSAGE: {"item:Subject", "item:Sensitivity", "item:DateTimeReceived", "item:Size",
              "item:Importance", "item:HasAttachments", "item:DateTimeSent", "item:DateTimeCreated",
              "message:From", "message:IsRead", "message:ToRecipients", "item:Categories"},
    CALENDAR_ITEM: {"item:Subject", "item:Sensitivity", "item:Size", "item:HasAttachments",
                    "calendar:Start", "calendar:End", "calendar:IsAllDayEvent", "calendar:Location",
                    "calendar:CalendarItemType", "calendar:Organizer", "calendar:IsRecurring",
                    "calendar:LegacyFreeBusyStatus", "item:Categories"},
}
_ORDER = {"t:Message": _ITEM_FIELDS + _MESSAGE_FIELDS,
          "t:MeetingRequest": _ITEM_FIELDS + _MESSAGE_FIELDS + _MEETING_FIELDS
          + _REQUEST_CALENDAR_FIELDS,
          "t:MeetingCancellation": _ITEM_FIELDS + _MESSAGE_FIELDS + _MEETING_FIELDS
          + _REQUEST_CALENDAR_FIELDS,
          "t:MeetingResponse": _ITEM_FIELDS + _MESSAGE_FIELDS + _MEETING_FIELDS,
          "t:CalendarItem": _ITEM_FIELDS + _CALENDAR_FIELDS}


def _extended(refs: list[PropertyRef]) -> Renderer:
    def render(item: Item, occ: Occurrence | None, ctx: RenderContext) -> str:
        parts = []
        props = item.extended_properties
        for ref in refs:
            value = props.get(ref.key)
            if value is None:
                continue
            if isinstance(value, list):
                inner = "<t:Values>" + "".join(_simple("Value", v) for v in value) + "</t:Values>"
            else:
                inner = _simple("Value", value)
            parts.append(f"<t:ExtendedProperty>{ref.uri_xml}{inner}</t:ExtendedProperty>")
        return "".join(parts)

    return render


class Plan:
    """What to render for one item kind under one shape."""

    def __init__(self, shape: Shape, tag: str, *, with_content: bool,
                 folder_ids: dict[str, str]) -> None:
        """`folder_ids` maps folder keys to their ready t:ParentFolderId elements."""
        self.tag = tag
        kind = CALENDAR_ITEM if tag == "t:CalendarItem" else MESSAGE
        if shape.base == "AllProperties":
            wanted = {uri for uri, _ in _ORDER[tag]} - {"item:MimeContent"}
        elif shape.base == "Default":
            wanted = set(_DEFAULT[kind])
        else:
            wanted = set()
        wanted |= shape.fields
        wanted.add("item:ItemId")
        if not with_content:
            wanted -= CONTENT_FIELDS
        self.renderers: list[Renderer] = []
        for uri, renderer in _ORDER[tag]:
            if uri == "item:ExtendedProperty":
                if shape.extended:
                    self.renderers.append(_extended(shape.extended))
            elif uri == "item:ParentFolderId":
                if uri in wanted:
                    self.renderers.append(lambda i, o, c: folder_ids[i.folder])
            elif uri in wanted:
                self.renderers.append(renderer)

    def render(self, item: Item, ctx: RenderContext, occ: Occurrence | None = None) -> str:
        return f"<{self.tag}>{''.join(r(item, occ, ctx) for r in self.renderers)}</{self.tag}>"


class ItemRenderer:
    """Renders a mix of messages and calendar items under one shape (plans made on demand)."""

    def __init__(self, shape: Shape, ctx: RenderContext, *, with_content: bool,
                 folder_ids: dict[str, str]) -> None:
        self.shape = shape
        self.ctx = ctx
        self.with_content = with_content
        self.folder_ids = folder_ids
        self._plans: dict[str, Plan] = {}

    def render(self, item: Item, occ: Occurrence | None = None) -> str:
        tag = element_tag(item)
        plan = self._plans.get(tag)
        if plan is None:
            plan = self._plans[tag] = Plan(self.shape, tag, with_content=self.with_content,
                                           folder_ids=self.folder_ids)
        return plan.render(item, self.ctx, occ)
