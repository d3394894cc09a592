"""Time zones as EWS speaks them: GetServerTimeZones definitions and the availability TimeZone.

GetUserAvailability gives its zone as a Windows-style rule (Bias, StandardTime,
DaylightTime: "the last Sunday of March at 02:00") and wants the answer's times
as wall-clock times in that zone, without an offset; `RuleZone` does both ways.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from lxml import etree

from kortrijk_cockpit.sandbox.ews.soapxml import EwsError, esc, t, text_of

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Change:
    """A yearly change: the `order`th (5 = last) `weekday` of `month` at `at` (local)."""

    month: int
    weekday: int  # 0 = Monday
    order: int
    at: time
    bias: int  # minutes added to the zone's bias (0 for standard time, -60 for summer time)

    def local_moment(self, year: int) -> datetime:
        if self.order >= 5:
            last = date(year + self.month // 12, self.month % 12 + 1, 1) - timedelta(days=1)
            day = last - timedelta(days=(last.weekday() - self.weekday) % 7)
        else:
            first = date(year, self.month, 1)
            day = first + timedelta(days=(self.weekday - first.weekday()) % 7,
                                    weeks=self.order - 1)
        return datetime.combine(day, self.at)


@dataclass(frozen=True)
class RuleZone:
    """UTC = local + bias (+ the bias of the period in force), as Windows counts."""

    bias: int
    standard: Change | None = None
    daylight: Change | None = None

    def _daylight_utc(self, year: int) -> tuple[datetime, datetime] | None:
        if self.standard is None or self.daylight is None or \
                self.standard.month == self.daylight.month:
            return None
        begin = self.daylight.local_moment(year) + timedelta(minutes=self.bias + self.standard.bias)
        end = self.standard.local_moment(year) + timedelta(minutes=self.bias + self.daylight.bias)
        return begin.replace(tzinfo=UTC), end.replace(tzinfo=UTC)

    def _offset(self, moment: datetime) -> timedelta:
        """local - UTC at the UTC instant `moment`."""
        period = self._daylight_utc(moment.year)
        bias = self.bias + (self.standard.bias if self.standard else 0)
        if period is not None and self.daylight is not None:
            begin, end = period
            in_daylight = begin <= moment < end if begin < end else not end <= moment < begin
            if in_daylight:
                bias = self.bias + self.daylight.bias
        return -timedelta(minutes=bias)

    def to_local(self, moment: datetime) -> datetime:
        moment = moment.astimezone(UTC)
        return (moment + self._offset(moment)).replace(tzinfo=None)

    def to_utc(self, local: datetime) -> datetime:
        guess = local.replace(tzinfo=UTC)
        first = guess - self._offset(guess)
        return guess - self._offset(first)


def parse_rule_zone(elem: etree._Element | None) -> RuleZone:
    """The availability t:TimeZone element (UTC without one)."""
    if elem is None:
        return RuleZone(0)

    def change(name: str) -> Change | None:
        part = elem.find(t(name))
        if part is None:
            return None
        try:
            return Change(int(text_of(part, "Month")), WEEKDAYS.index(text_of(part, "DayOfWeek")),
                          int(text_of(part, "DayOrder")), time.fromisoformat(text_of(part, "Time")),
                          int(text_of(part, "Bias", "0")))
        except ValueError as exc:
            raise EwsError("ErrorInvalidRequest", f"Invalid {name}: {exc}") from exc

    try:
        bias = int(text_of(elem, "Bias", "0"))
    except ValueError as exc:
        raise EwsError("ErrorInvalidRequest", f"Invalid time zone bias: {exc}") from exc
    return RuleZone(bias, change("StandardTime"), change("DaylightTime"))


def rule_zone_xml(zone: RuleZone) -> str:
    parts = [f"<t:Bias>{zone.bias}</t:Bias>"]
    for name, change in (("StandardTime", zone.standard), ("DaylightTime", zone.daylight)):
        if change is not None:
            parts.append(f"<t:{name}><t:Bias>{change.bias}</t:Bias>"
                         f"<t:Time>{change.at:%H:%M:%S}</t:Time><t:DayOrder>{change.order}"
                         f"</t:DayOrder><t:Month>{change.month}</t:Month>"
                         f"<t:DayOfWeek>{WEEKDAYS[change.weekday]}</t:DayOfWeek></t:{name}>")
    return f"<t:TimeZone>{''.join(parts)}</t:TimeZone>"


_EU = (Change(10, 6, 5, time(3), 0), Change(3, 6, 5, time(2), -60))
BRUSSELS = RuleZone(-60, *_EU)


@dataclass(frozen=True)
class ServerZone:
    id: str
    name: str
    zone: RuleZone


SERVER_ZONES = (
    ServerZone("UTC", "(UTC) Coordinated Universal Time", RuleZone(0)),
    ServerZone("GMT Standard Time", "(UTC+00:00) Dublin, Edinburgh, Lisbon, London",
               RuleZone(0, Change(10, 6, 5, time(2), 0), Change(3, 6, 5, time(1), -60))),
    ServerZone("Romance Standard Time", "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris",
               BRUSSELS),
    ServerZone("W. Europe Standard Time",
               "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", BRUSSELS),
    ServerZone("Eastern Standard Time", "(UTC-05:00) Eastern Time (US & Canada)",
               RuleZone(300, Change(11, 6, 1, time(2), 0), Change(3, 6, 2, time(2), -60))),
    ServerZone("Tokyo Standard Time", "(UTC+09:00) Osaka, Sapporo, Tokyo", RuleZone(-540)),
)


def _duration(minutes: int) -> str:
    """An xs:duration; a Period's Bias is the Windows bias (UTC = local + bias)."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}PT{hours}H{rest}M" if rest else f"{sign}PT{hours}H"


def definition_xml(server: ServerZone, *, full: bool) -> str:
    """A t:TimeZoneDefinition; with `full`, its periods and (one group of) transitions."""
    head = f'<t:TimeZoneDefinition Id="{esc(server.id)}" Name="{esc(server.name)}"'
    if not full:
        return head + "/>"
    zone = server.zone
    std_bias = zone.bias + (zone.standard.bias if zone.standard else 0)
    periods = [f'<t:Period Bias="{_duration(std_bias)}" Name="Standard" Id="Std"/>']
    transitions = ['<t:Transition><t:To Kind="Period">Std</t:To></t:Transition>']
    if zone.standard is not None and zone.daylight is not None:
        periods.append(f'<t:Period Bias="{_duration(zone.bias + zone.daylight.bias)}" '
                       'Name="Daylight" Id="Dlt"/>')
        transitions = [
            f'<t:RecurringDayTransition><t:To Kind="Period">{target}</t:To>'
            f"<t:TimeOffset>{_duration(change.at.hour * 60 + change.at.minute)}</t:TimeOffset>"
            f"<t:Month>{change.month}</t:Month><t:DayOfWeek>{WEEKDAYS[change.weekday]}"
            f"</t:DayOfWeek><t:Occurrence>{-1 if change.order >= 5 else change.order}"
            "</t:Occurrence></t:RecurringDayTransition>"
            for target, change in (("Dlt", zone.daylight), ("Std", zone.standard))]
    return (f"{head}><t:Periods>{''.join(periods)}</t:Periods><t:TransitionsGroups>"
            f'<t:TransitionsGroup Id="0">{"".join(transitions)}</t:TransitionsGroup>'
            "</t:TransitionsGroups><t:Transitions><t:Transition>"
            '<t:To Kind="Group">0</t:To></t:Transition></t:Transitions></t:TimeZoneDefinition>')
