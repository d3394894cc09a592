"""GetUserAvailability (free/busy of the director and his colleagues) and GetServerTimeZones.

Like Exchange, the answer's times are wall-clock times in the request's TimeZone.
The delegate sees the director's appointments in detail (she is his calendar's
editor); colleagues share free/busy time only (Exchange's default permission),
so a detailed view asked for them comes back as FreeBusy(Merged).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lxml import etree

from kortrijk_cockpit.sandbox import recurrence
from kortrijk_cockpit.sandbox.ews.ops.common import Context
from kortrijk_cockpit.sandbox.ews.soapxml import (
    EwsError,
    SoapFault,
    esc,
    failure,
    m,
    parse_bool,
    response,
    success,
    t,
    text_of,
    xml_bool,
)
from kortrijk_cockpit.sandbox.ews.timezones import (
    BRUSSELS,
    SERVER_ZONES,
    RuleZone,
    definition_xml,
    parse_rule_zone,
    rule_zone_xml,
)
from kortrijk_cockpit.sandbox.model import CALENDAR_ITEM, BusyEntry

MAX_WINDOW = timedelta(days=42)  # Exchange refuses longer windows
VIEWS = ("MergedOnly", "FreeBusy", "FreeBusyMerged", "Detailed", "DetailedMerged")
_MERGED_DIGIT = {"Free": 0, "Tentative": 1, "Busy": 2, "OOF": 3, "WorkingElsewhere": 4}
# Which digit wins where appointments overlap: out of office, busy, tentative, elsewhere.
_RANK = {0: 0, 4: 1, 1: 2, 2: 3, 3: 4}
_WORKING_HOURS = ("<t:WorkingPeriodArray><t:WorkingPeriod>"
                  "<t:DayOfWeek>Monday Tuesday Wednesday Thursday Friday</t:DayOfWeek>"
                  "<t:StartTimeInMinutes>480</t:StartTimeInMinutes>"
                  "<t:EndTimeInMinutes>1050</t:EndTimeInMinutes></t:WorkingPeriod>"
                  "</t:WorkingPeriodArray>")


def get_server_time_zones(ctx: Context, request: etree._Element) -> str:
    full = parse_bool(request.get("ReturnFullTimeZoneData", "true"))
    wanted = [(e.text or "").strip() for e in request.iter(t("Id"))]
    zones = [z for z in SERVER_ZONES if not wanted or z.id in wanted]
    if wanted and not zones:
        return response("GetServerTimeZones", [failure("GetServerTimeZones", EwsError(
            "ErrorTimeZone", f"Unknown time zone: {', '.join(wanted)}"))])
    body = "".join(definition_xml(z, full=full) for z in zones)
    return response("GetServerTimeZones", [success(
        "GetServerTimeZones", f"<m:TimeZoneDefinitions>{body}</m:TimeZoneDefinitions>")])


def _moment(text: str, zone: RuleZone) -> datetime:
    """A TimeWindow time: with an offset as given, without one in the request's zone."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise SoapFault("ErrorInvalidRequest", f"Invalid TimeWindow: {exc}") from exc
    return zone.to_utc(value) if value.tzinfo is None else value.astimezone(UTC)


def get_user_availability(ctx: Context, request: etree._Element) -> str:
    zone = parse_rule_zone(request.find(t("TimeZone")))
    options = request.find(t("FreeBusyViewOptions"))
    if options is None:
        options = request.find(m("FreeBusyViewOptions"))
    window = options.find(t("TimeWindow")) if options is not None else None
    if options is None or window is None:
        raise SoapFault("ErrorInvalidRequest", "FreeBusyViewOptions with a TimeWindow is required.")
    start = _moment(text_of(window, "StartTime"), zone)
    end = _moment(text_of(window, "EndTime"), zone)
    view = text_of(options, "RequestedView", "DetailedMerged")
    interval = int(text_of(options, "MergedFreeBusyIntervalInMinutes", "30") or 0)
    if not start < end <= start + MAX_WINDOW or view not in VIEWS or not 5 <= interval <= 1440:
        raise SoapFault("ErrorInvalidRequest",
                        "The time window, view or merged interval is not valid.")
    answers = []
    for data in request.iterfind(f"{m('MailboxDataArray')}/{t('MailboxData')}"):
        email = text_of(data.find(t("Email")), "Address").strip().lower()
        entries = _entries(ctx, email, start, end)
        if entries is None:
            error = EwsError("ErrorMailRecipientNotFound",
                             f"Unable to resolve e-mail address {email} to an Active Directory "
                             "object.")
            answers.append(f"<m:FreeBusyResponse>{failure('', error, tag='ResponseMessage')}"
                           "<m:FreeBusyView><t:FreeBusyViewType>None</t:FreeBusyViewType>"
                           "</m:FreeBusyView></m:FreeBusyResponse>")
            continue
        detailed = email == ctx.mailbox.owner.lower()
        granted = view if detailed else view.replace("Detailed", "FreeBusy")
        answers.append(f"<m:FreeBusyResponse>{success('')}"
                       + _view(granted, entries, start, end, interval, zone,
                               private_details=ctx.mailbox.view_private_items)
                       + "</m:FreeBusyResponse>")
    return ("<m:GetUserAvailabilityResponse><m:FreeBusyResponseArray>"
            f"{''.join(answers)}</m:FreeBusyResponseArray></m:GetUserAvailabilityResponse>")


def _entries(ctx: Context, email: str, start: datetime, end: datetime) -> list[BusyEntry] | None:
    """The appointments of `email` overlapping [start, end), in order; None: no such mailbox."""
    box = ctx.mailbox
    if email == box.owner.lower():
        entries = []
        for item in box.folder("calendar").items:
            if item.kind != CALENDAR_ITEM or item.start is None or item.end is None \
                    or item.is_cancelled:
                continue
            spans = ([(o.start, o.end) for o in recurrence.in_window(item, start, end)]
                     if item.recurrence is not None else [(item.start, item.end)])
            entries += [BusyEntry(s, e, item.free_busy, item.subject, item.location,
                                  item.sensitivity == "Private", bool(item.attendees))
                        for s, e in spans]
    elif email in box.colleague_calendars:
        entries = box.colleague_calendars[email]
    else:
        return None
    return sorted((e for e in entries if e.start < end and e.end > start and
                   e.free_busy != "Free"), key=lambda e: (e.start, e.end))


def _view(view: str, entries: list[BusyEntry], start: datetime, end: datetime, interval: int,
          zone: RuleZone, *, private_details: bool) -> str:
    parts = [f"<t:FreeBusyViewType>{view}</t:FreeBusyViewType>"]
    if view.endswith("Merged") or view == "MergedOnly":
        parts.append(f"<t:MergedFreeBusy>{_merged(entries, start, end, interval)}"
                     "</t:MergedFreeBusy>")
    if view != "MergedOnly":
        events = "".join(_event(e, zone, detailed=view.startswith("Detailed"),
                                private_details=private_details) for e in entries)
        parts.append(f"<t:CalendarEventArray>{events}</t:CalendarEventArray>")
        parts.append(f"<t:WorkingHours>{rule_zone_xml(BRUSSELS)}{_WORKING_HOURS}"
                     "</t:WorkingHours>")
    return f"<m:FreeBusyView>{''.join(parts)}</m:FreeBusyView>"


def _merged(entries: list[BusyEntry], start: datetime, end: datetime, interval: int) -> str:
    step = timedelta(minutes=interval)
    digits = []
    slot = start
    while slot < end:
        busy = [_MERGED_DIGIT.get(e.free_busy, 2) for e in entries
                if e.start < slot + step and e.end > slot]
        digits.append(str(max(busy, key=_RANK.__getitem__, default=0)))
        slot += step
    return "".join(digits)


def _event(entry: BusyEntry, zone: RuleZone, *, detailed: bool, private_details: bool) -> str:
    times = (f"<t:StartTime>{zone.to_local(entry.start):%Y-%m-%dT%H:%M:%S}</t:StartTime>"
             f"<t:EndTime>{zone.to_local(entry.end):%Y-%m-%dT%H:%M:%S}</t:EndTime>"
             f"<t:BusyType>{entry.free_busy}</t:BusyType>")
    if not detailed:
        return f"<t:CalendarEvent>{times}</t:CalendarEvent>"
    hidden = entry.is_private and not private_details
    subject = "" if hidden else esc(entry.subject)
    location = "" if hidden else esc(entry.location)
    details = (f"<t:CalendarEventDetails><t:Subject>{subject}</t:Subject>"
               f"<t:Location>{location}</t:Location>"
               f"<t:IsMeeting>{xml_bool(entry.is_meeting)}</t:IsMeeting>"
               "<t:IsRecurring>false</t:IsRecurring><t:IsException>false</t:IsException>"
               "<t:IsReminderSet>true</t:IsReminderSet>"
               f"<t:IsPrivate>{xml_bool(entry.is_private)}</t:IsPrivate></t:CalendarEventDetails>")
    return f"<t:CalendarEvent>{times}{details}</t:CalendarEvent>"
