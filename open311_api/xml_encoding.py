"""GeoReport v2 XML from the same dicts and lists that make the JSON.

Lists become a container holding one element per item, named as the spec
names them (<services><service>, <service_requests><request>, ...). None
becomes an empty element, booleans true/false.
"""
from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

# Characters XML 1.0 cannot carry at all (an error message may echo them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
    "notes": "note",
    "photos": "photo",
    "likely_duplicates": "request",
}


def _fill(element: ElementTree.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _fill(ElementTree.SubElement(element, key), item)
    elif isinstance(value, (list, tuple)):
        item_tag = ITEM_TAGS.get(element.tag, "item")
        for item in value:
            _fill(ElementTree.SubElement(element, item_tag), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = _NOT_XML.sub("\ufffd", str(value))


def to_xml(root_tag: str, value: Any) -> bytes:
    root = ElementTree.Element(root_tag)
    _fill(root, value)
    ElementTree.indent(root)
    return XML_DECLARATION + ElementTree.tostring(root, encoding="unicode").encode("utf-8")
