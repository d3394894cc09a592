"""ExtendedFieldURI elements of EWS requests, read into the mailbox's MAPI keys (see `mapi.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from kortrijk_cockpit.sandbox.mapi import canonical_key


@dataclass(frozen=True)
class PropertyRef:
    """An ExtendedFieldURI from a request: its canonical key and its attributes to echo back."""

    key: str
    property_type: str
    uri_xml: str  # <t:ExtendedFieldURI .../> exactly as the client named it

    @property
    def is_array(self) -> bool:
        return self.property_type.endswith("Array")


def property_ref(elem: etree._Element) -> PropertyRef:
    from kortrijk_cockpit.sandbox.ews.soapxml import attr

    attrs = {k: v for k, v in elem.attrib.items()}
    key = canonical_key(attrs)
    uri_xml = "<t:ExtendedFieldURI " + " ".join(
        f'{k}="{attr(v)}"' for k, v in attrs.items()) + "/>"
    return PropertyRef(key=key, property_type=attrs.get("PropertyType", "String"), uri_xml=uri_xml)
