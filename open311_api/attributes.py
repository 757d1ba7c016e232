"""Submitted attribute[code] values checked against the service definition."""
from __future__ import annotations

import math
from typing import Dict, List, Union
from zoneinfo import ZoneInfo

from .errors import BadRequest
from .profile import Attribute, Category
from .timefmt import parse_w3

Value = Union[str, List[str]]


def _problem(attribute: Attribute, value: str, tz: ZoneInfo) -> str:
    """What is wrong with one value, or "" when nothing is."""
    if attribute.datatype in ("singlevaluelist", "multivaluelist"):
        return "" if value in attribute.values else f"must be one of {', '.join(attribute.values)}"
    if attribute.datatype == "number":
        try:
            return "" if math.isfinite(float(value)) else "must be a number"
        except ValueError:
            return "must be a number"
    if attribute.datatype == "datetime":
        try:
            parse_w3(value, tz)
        except ValueError as error:
            return str(error)
        return ""
    if attribute.datatype == "string" and ("\n" in value or "\r" in value):
        return "must be a single line"
    return ""


def checked_attributes(category: Category, submitted: Dict[str, List[str]], tz: ZoneInfo) -> Dict[str, Value]:
    problems: List[str] = []
    accepted: Dict[str, Value] = {}
    for code, values in submitted.items():
        attribute = category.attribute(code)
        if attribute is None or not attribute.variable:
            problems.append(f"attribute[{code}]: service {category.code} has no such attribute")
            continue
        if attribute.datatype != "multivaluelist" and len(values) > 1:
            problems.append(f"attribute[{code}]: takes a single value")
            continue
        problems += [f"attribute[{code}]: {p}" for p in (_problem(attribute, v, tz) for v in values) if p]
        accepted[code] = values if attribute.datatype == "multivaluelist" else values[0]
    problems += [
        f"attribute[{attribute.code}]: required for service {category.code}"
        for attribute in category.attributes
        if attribute.required and attribute.variable and attribute.code not in submitted
    ]
    if problems:
        raise BadRequest(*problems)
    return accepted
