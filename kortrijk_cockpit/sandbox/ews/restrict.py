"""FindItem restrictions and sort orders over the properties the sandbox stores.

Enough of the EWS restriction grammar for exchangelib's `filter()`: And, Or,
Not, Exists, the six comparisons and Contains. A path it does not know gets
ErrorUnsupportedPathForQuery, as from Exchange, rather than a silent match.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from kortrijk_cockpit.sandbox.ews.extended import property_ref
from kortrijk_cockpit.sandbox.ews.render_items import html_to_text
from kortrijk_cockpit.sandbox.ews.soapxml import EwsError, parse_bool, parse_dt, t
from kortrijk_cockpit.sandbox.model import Item
from kortrijk_cockpit.sandbox.recurrence import Occurrence

Getter = Callable[[Item, Occurrence | None], Any]
Matcher = Callable[[Item, Occurrence | None], bool]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _email(person: Any) -> str:
    return person.email if person else ""


_GETTERS: dict[str, Getter] = {
    "item:Subject": lambda i, o: o.subject if o and o.subject is not None else i.subject,
    "item:DateTimeReceived": lambda i, o: i.received,
    "item:DateTimeSent": lambda i, o: i.sent or i.created,
    "item:DateTimeCreated": lambda i, o: i.created,
    "item:LastModifiedTime": lambda i, o: i.last_modified,
    "item:Categories": lambda i, o: i.categories,
    "item:Sensitivity": lambda i, o: i.sensitivity,
    "item:Importance": lambda i, o: i.importance,
    "item:HasAttachments": lambda i, o: i.has_attachments,
    "item:ItemClass": lambda i, o: i.item_class if i.is_message else "IPM.Appointment",
    "item:Body": lambda i, o: html_to_text(i.body_html),
    "message:IsRead": lambda i, o: i.is_read,
    "message:From": lambda i, o: _email(i.author),
    "message:Sender": lambda i, o: _email(i.sender),
    "calendar:Start": lambda i, o: o.start if o else i.start,
    "calendar:End": lambda i, o: o.end if o else i.end,
    "calendar:Location": lambda i, o: o.location if o and o.location is not None else i.location,
    "calendar:IsAllDayEvent": lambda i, o: i.is_all_day,
    "calendar:IsCancelled": lambda i, o: i.is_cancelled,
}
_DATES = {"item:DateTimeReceived", "item:DateTimeSent", "item:DateTimeCreated",
          "item:LastModifiedTime", "calendar:Start", "calendar:End"}
_BOOLS = {"item:HasAttachments", "message:IsRead", "calendar:IsAllDayEvent", "calendar:IsCancelled"}
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "IsEqualTo": lambda a, b: a == b,
    "IsNotEqualTo": lambda a, b: a != b,
    "IsGreaterThan": lambda a, b: a > b,
    "IsGreaterThanOrEqualTo": lambda a, b: a >= b,
    "IsLessThan": lambda a, b: a < b,
    "IsLessThanOrEqualTo": lambda a, b: a <= b,
}


_EXTENDED = "extended:"


def _getter(uri: str) -> Getter:
    if uri.startswith(_EXTENDED):
        key = uri.removeprefix(_EXTENDED)
        return lambda item, occ: item.extended_properties.get(key)
    return _GETTERS[uri]


def _path(elem: etree._Element) -> str:
    extended = elem.find(t("ExtendedFieldURI"))
    if extended is not None:  # a MAPI property, e.g. the client's own marker on what it made
        return _EXTENDED + property_ref(extended).key
    path = elem.find(t("FieldURI"))
    uri = path.get("FieldURI", "") if path is not None else ""
    if uri not in _GETTERS:
        raise EwsError("ErrorUnsupportedPathForQuery", f"The property path {uri or '?'} cannot be "
                       "used in a restriction in this sandbox.")
    return uri


def _constant(uri: str, text: str) -> Any:
    if uri in _DATES:
        return parse_dt(text)
    if uri in _BOOLS:
        return parse_bool(text)
    return text.lower()


def _norm(uri: str, value: Any) -> Any:
    if isinstance(value, str):
        return value.lower()
    if value is None and uri in _DATES:
        return _EPOCH
    return value


def matcher(elem: etree._Element | None) -> Matcher:
    if elem is None:
        return lambda item, occ: True
    name = etree.QName(elem).localname
    if name in ("And", "Or"):
        parts = [matcher(child) for child in elem]
        if name == "And":
            return lambda item, occ: all(p(item, occ) for p in parts)
        return lambda item, occ: any(p(item, occ) for p in parts)
    if name == "Not":
        inner = matcher(elem[0])
        return lambda item, occ: not inner(item, occ)
    if name == "Exists":
        uri = _path(elem)
        getter = _getter(uri)
        return lambda item, occ: getter(item, occ) not in (None, "", [])
    if name in _COMPARE:
        uri = _path(elem)
        getter, compare = _getter(uri), _COMPARE[name]
        constant = elem.find(f"{t('FieldURIOrConstant')}/{t('Constant')}")
        if constant is None:
            raise EwsError("ErrorInvalidRestriction", "Only comparisons with a constant are supported.")
        wanted = _constant(uri, constant.get("Value", ""))

        def compare_value(item: Item, occ: Occurrence | None) -> bool:
            value = getter(item, occ)
            if isinstance(value, list):  # categories: any of them
                return any(compare(v.lower(), wanted) for v in value)
            return compare(_norm(uri, value), wanted)

        return compare_value
    if name == "Contains":
        uri = _path(elem)
        getter = _getter(uri)
        constant = elem.find(t("Constant"))
        needle = (constant.get("Value", "") if constant is not None else "").lower()
        mode = elem.get("ContainmentMode", "Substring")

        def contains(item: Item, occ: Occurrence | None) -> bool:
            value = getter(item, occ)
            values = value if isinstance(value, list) else [value or ""]
            for v in values:
                v = str(v).lower()
                if (mode == "FullString" and v == needle) or (mode == "Prefixed" and v.startswith(needle)) \
                        or (mode not in ("FullString", "Prefixed") and needle in v):
                    return True
            return False

        return contains
    raise EwsError("ErrorInvalidRestriction", f"Restriction {name} is not supported in this sandbox.")


def sort_key(uri: str) -> Callable[[Item], Any]:
    if uri not in _GETTERS:
        raise EwsError("ErrorUnsupportedPathForQuery", f"Cannot sort on {uri}.")
    getter = _getter(uri)
    if uri in _DATES:
        return lambda item: getter(item, None) or _EPOCH
    return lambda item: _norm(uri, getter(item, None)) if not isinstance(getter(item, None), list) \
        else ",".join(getter(item, None)).lower()
