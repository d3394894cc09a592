"""ItemShape / FolderShape: which properties a request asked for."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from kortrijk_cockpit.sandbox.ews.extended import PropertyRef, property_ref
from kortrijk_cockpit.sandbox.ews.soapxml import EwsError, t


@dataclass
class Shape:
    base: str = "IdOnly"  # IdOnly | Default | AllProperties
    fields: set[str] = field(default_factory=set)  # FieldURI values, e.g. "item:Subject"
    extended: list[PropertyRef] = field(default_factory=list)
    body_type: str = "Best"  # Best | HTML | Text


def parse_shape(elem: etree._Element | None) -> Shape:
    shape = Shape()
    if elem is None:
        return shape
    base = elem.find(t("BaseShape"))
    if base is not None and base.text:
        shape.base = base.text.strip()
    body_type = elem.find(t("BodyType"))
    if body_type is not None and body_type.text:
        shape.body_type = body_type.text.strip()
    props = elem.find(t("AdditionalProperties"))
    if props is not None:
        for child in props:
            if child.tag == t("FieldURI"):
                shape.fields.add(child.get("FieldURI", ""))
            elif child.tag == t("ExtendedFieldURI"):
                try:
                    shape.extended.append(property_ref(child))
                except ValueError as exc:
                    raise EwsError("ErrorInvalidExtendedProperty", str(exc)) from exc
            # IndexedFieldURI (contact phone numbers etc.) names nothing we store.
    return shape
