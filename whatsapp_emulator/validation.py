"""Validation of POST /{version}/{phone_number_id}/messages bodies, like Meta.

Structural problems (missing or misspelled parameters, wrong types, text over
its limit) are Graph error 100; values an interactive message or template
does not allow (too many buttons, titles too long, duplicate ids) are 131009.
The limits themselves are data: data/limits.yml. Templates must be among
the approved ones (data/approved_templates.yml): another name or language
is 132001, another number of body parameters 132000.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Sequence, Tuple, Union

from .data_files import load
from .graph_errors import GraphError
from .identity import is_bsuid

PathPart = Union[str, int]
MEDIA_TYPES = ("image", "document", "audio", "video", "sticker")
HEADER_MEDIA = ("image", "document", "video")
CAPTIONED_MEDIA = ("image", "document", "video")
PHONE = re.compile(r"^\+?\d{7,15}$")
TEMPLATE_COMPONENTS = ("header", "body", "footer", "button")
TEMPLATE_PARAMETERS = (
    "text", "currency", "date_time", "image", "document", "video", "location", "payload", "coupon_code", "action",
)


@dataclass(frozen=True)
class Outbound:
    """What a valid request asks for: a message of `type` to `wa_id`, or a read receipt."""

    type: str
    wa_id: str = ""
    message_id: str = ""

    @property
    def is_read_receipt(self) -> bool:
        return self.type == "read"


def _name(path: Sequence[PathPart]) -> str:
    head, *rest = path
    return str(head) + "".join(f"[{part}]" if isinstance(part, int) else f"['{part}']" for part in rest)


def _invalid(path: Sequence[PathPart], problem: str, code: int = 100) -> GraphError:
    return GraphError(code, f"Param {_name(path)} {problem}")


def _field(container: Mapping[str, Any], path: Sequence[PathPart], expected: Any = str) -> Any:
    value = container.get(path[-1])
    if value is None:
        raise GraphError(100, f"The parameter {_name(path)} is required.")
    types = expected if isinstance(expected, tuple) else (expected,)
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        raise _invalid(path, f"must be of type {' or '.join(t.__name__ for t in types)}.")
    return value


def _object(container: Mapping[str, Any], path: Sequence[PathPart]) -> Dict[str, Any]:
    return _field(container, path, dict)


def _text(
    container: Mapping[str, Any], path: Sequence[PathPart], limit: int, *, code: int = 100, required: bool = True
) -> str:
    if not required and container.get(path[-1]) is None:
        return ""
    value = _field(container, path)
    if not value.strip():
        raise _invalid(path, "must not be empty.", code)
    if len(value) > limit:
        raise _invalid(path, f"must be at most {limit} characters long.", code)
    return value


def _count(items: Sequence[Any], path: Sequence[PathPart], low: int, high: int) -> None:
    if not low <= len(items) <= high:
        raise GraphError(131009, f"{_name(path)} must have between {low} and {high} items, got {len(items)}.")


def _unique(values: Sequence[str], what: str) -> None:
    if len(set(values)) != len(values):
        raise GraphError(131009, f"{what} must be unique.")


def _text_message(message: Dict[str, Any], limits: Dict[str, Any]) -> None:
    text = _object(message, ("text",))
    _text(text, ("text", "body"), limits["text"]["body"])
    if "preview_url" in text and not isinstance(text["preview_url"], bool):
        raise _invalid(("text", "preview_url"), "must be a boolean.")


def _media_message(kind: str) -> Callable[[Dict[str, Any], Dict[str, Any]], None]:
    def validate(message: Dict[str, Any], limits: Dict[str, Any]) -> None:
        media = _object(message, (kind,))
        if ("id" in media) == ("link" in media):
            raise GraphError(100, f"Param {kind} must contain exactly one of 'id' or 'link'.")
        if "link" in media:
            link = _field(media, (kind, "link"))
            if not link.startswith(("http://", "https://")):
                raise _invalid((kind, "link"), "must be an http(s) URL.")
        else:
            _field(media, (kind, "id"))
        for key, allowed, limit in (
            ("caption", kind in CAPTIONED_MEDIA, limits["media"]["caption"]),
            ("filename", kind == "document", limits["media"]["filename"]),
        ):
            if key in media:
                if not allowed:
                    raise _invalid((kind, key), f"is not allowed for {kind} messages.")
                _text(media, (kind, key), limit)

    return validate


def _location_message(message: Dict[str, Any], limits: Dict[str, Any]) -> None:
    location = _object(message, ("location",))
    for key, bound in (("latitude", 90), ("longitude", 180)):
        value = _field(location, ("location", key), (int, float, str))
        try:
            number = float(value)
        except ValueError:
            raise _invalid(("location", key), "must be a number.") from None
        if not math.isfinite(number):  # NaN would pass the range check below
            raise _invalid(("location", key), "must be a finite number.")
        if abs(number) > bound:
            raise _invalid(("location", key), f"must be between -{bound} and {bound}.", 131009)


def _reply_buttons(action: Dict[str, Any], limits: Dict[str, Any]) -> None:
    rules = limits["interactive"]["button"]
    buttons = _field(action, ("interactive", "action", "buttons"), list)
    _count(buttons, ("interactive", "action", "buttons"), 1, rules["max_buttons"])
    ids, titles = [], []
    for index, button in enumerate(buttons):
        path = ("interactive", "action", "buttons", index)
        if not isinstance(button, dict) or button.get("type") != "reply":
            raise _invalid(path + ("type",), "must be 'reply'.")
        reply = _object(button, path + ("reply",))
        ids.append(_text(reply, path + ("reply", "id"), rules["id"], code=131009))
        titles.append(_text(reply, path + ("reply", "title"), rules["title"], code=131009))
    _unique(ids, "Button ids")
    _unique(titles, "Button titles")


def _list_sections(action: Dict[str, Any], limits: Dict[str, Any]) -> None:
    rules = limits["interactive"]["list"]
    _text(action, ("interactive", "action", "button"), rules["button"], code=131009)
    sections = _field(action, ("interactive", "action", "sections"), list)
    _count(sections, ("interactive", "action", "sections"), 1, rules["max_sections"])
    row_ids = []
    for index, section in enumerate(sections):
        path = ("interactive", "action", "sections", index)
        if not isinstance(section, dict):
            raise _invalid(path, "must be an object.")
        _text(section, path + ("title",), rules["section_title"], code=131009, required=len(sections) > 1)
        rows = _field(section, path + ("rows",), list)
        for row_index, row in enumerate(rows):
            row_path = path + ("rows", row_index)
            if not isinstance(row, dict):
                raise _invalid(row_path, "must be an object.")
            row_ids.append(_text(row, row_path + ("id",), rules["row_id"], code=131009))
            _text(row, row_path + ("title",), rules["row_title"], code=131009)
            _text(row, row_path + ("description",), rules["row_description"], code=131009, required=False)
    _count(row_ids, ("interactive", "action", "sections", "rows"), 1, rules["max_rows"])
    _unique(row_ids, "Row ids")


def _location_request(action: Dict[str, Any], limits: Dict[str, Any]) -> None:
    if action.get("name") != "send_location":
        raise _invalid(("interactive", "action", "name"), "must be 'send_location'.")


INTERACTIVE_ACTIONS = {
    "button": _reply_buttons,
    "list": _list_sections,
    "location_request_message": _location_request,
}


def _interactive_message(message: Dict[str, Any], limits: Dict[str, Any]) -> None:
    interactive = _object(message, ("interactive",))
    kind = _field(interactive, ("interactive", "type"))
    if kind not in INTERACTIVE_ACTIONS:
        raise _invalid(("interactive", "type"), f"must be one of {sorted(INTERACTIVE_ACTIONS)}, got '{kind}'.")
    rules = limits["interactive"]
    body = _object(interactive, ("interactive", "body"))
    _text(body, ("interactive", "body", "text"), rules["body_text"][kind], code=131009)
    if "header" in interactive:
        header = _object(interactive, ("interactive", "header"))
        header_type = _field(header, ("interactive", "header", "type"))
        if header_type == "text":
            _text(header, ("interactive", "header", "text"), rules["header_text"], code=131009)
        elif kind == "list" or header_type not in HEADER_MEDIA:
            raise _invalid(("interactive", "header", "type"), f"'{header_type}' is not allowed here.")
    if "footer" in interactive:
        footer = _object(interactive, ("interactive", "footer"))
        _text(footer, ("interactive", "footer", "text"), rules["footer_text"], code=131009)
    INTERACTIVE_ACTIONS[kind](_object(interactive, ("interactive", "action")), limits)


def _template_message(message: Dict[str, Any], limits: Dict[str, Any]) -> None:
    template = _object(message, ("template",))
    _text(template, ("template", "name"), limits["template"]["name"])
    language = _object(template, ("template", "language"))
    _field(language, ("template", "language", "code"))
    components = template.get("components", [])
    if not isinstance(components, list):
        raise _invalid(("template", "components"), "must be a list.")
    for index, component in enumerate(components):
        path = ("template", "components", index)
        if not isinstance(component, dict) or component.get("type") not in TEMPLATE_COMPONENTS:
            raise _invalid(path + ("type",), f"must be one of {list(TEMPLATE_COMPONENTS)}.")
        if component["type"] == "button":
            _field(component, path + ("sub_type",))
            _field(component, path + ("index",), (int, str))
        if not isinstance(component.get("parameters", []), list):
            raise _invalid(path + ("parameters",), "must be a list.")
        for param_index, parameter in enumerate(component.get("parameters", [])):
            param_path = path + ("parameters", param_index)
            if not isinstance(parameter, dict) or parameter.get("type") not in TEMPLATE_PARAMETERS:
                raise _invalid(param_path + ("type",), f"must be one of {list(TEMPLATE_PARAMETERS)}.")
            if parameter["type"] in ("text", "payload"):
                _text(parameter, param_path + (parameter["type"],), limits["template"]["text_parameter"], code=131009)
    _approved_template(template["name"], language["code"], components)


def _approved_template(name: str, language: str, components: Sequence[Dict[str, Any]]) -> None:
    approved = load("approved_templates").get(name)
    if approved is None or language not in approved["languages"]:
        raise GraphError(132001, f"template name ({name}) does not exist in {language}")
    given = sum(len(component.get("parameters", [])) for component in components if component["type"] == "body")
    if given != approved["body_parameters"]:
        raise GraphError(132000, f"body: number of localizable_params ({given}) does not match the expected "
                                 f"number of params ({approved['body_parameters']})")


def _reaction_message(message: Dict[str, Any], limits: Dict[str, Any]) -> None:
    reaction = _object(message, ("reaction",))
    _field(reaction, ("reaction", "message_id"))
    # An empty emoji removes an earlier reaction, so only its type is checked.
    if not isinstance(reaction.get("emoji"), str):
        raise GraphError(100, "The parameter reaction['emoji'] is required.")


MESSAGE_TYPES: Dict[str, Callable[[Dict[str, Any], Dict[str, Any]], None]] = {
    "text": _text_message,
    "interactive": _interactive_message,
    "template": _template_message,
    "reaction": _reaction_message,
    "location": _location_message,
    **{kind: _media_message(kind) for kind in MEDIA_TYPES},
}


def _read_receipt(message: Dict[str, Any]) -> Outbound:
    return Outbound(type="read", message_id=_field(message, ("message_id",)))


def validate_outbound(message: Any) -> Outbound:
    """Raise GraphError for anything Meta would refuse; describe the request otherwise."""
    if not isinstance(message, dict):
        raise GraphError(100, "The request body must be a JSON object.")
    product = _field(message, ("messaging_product",))
    if product != "whatsapp":
        raise _invalid(("messaging_product",), f"must be one of {{whatsapp}} - got \"{product}\".")
    if "status" in message:
        if message["status"] != "read":
            raise _invalid(("status",), "must be 'read'.")
        return _read_receipt(message)
    if message.get("recipient_type", "individual") != "individual":
        raise _invalid(("recipient_type",), "must be 'individual'.")
    if "to" in message or "recipient" not in message:
        # A phone number in `to` wins over a business-scoped user id in `recipient`, as at Meta.
        to = _field(message, ("to",))
        if not PHONE.match(to):
            raise _invalid(("to",), "must be a phone number or WhatsApp ID: digits, optionally after '+'.")
        user = to.lstrip("+")
    else:
        user = _field(message, ("recipient",))
        if not is_bsuid(user):
            raise _invalid(("recipient",), "must be a business-scoped user id such as 'IN.1648738043044942'.")
    kind = message.get("type", "text")
    if kind not in MESSAGE_TYPES:
        raise _invalid(("type",), f"must be one of {sorted(MESSAGE_TYPES)}, got '{kind}'.")
    if "context" in message:
        _field(_object(message, ("context",)), ("context", "message_id"))
    MESSAGE_TYPES[kind](message, load("limits"))
    return Outbound(type=kind, wa_id=user)


def media_reference(message: Dict[str, Any], kind: str) -> Tuple[str, str]:
    """('id', media id) or ('link', url) of a validated media message."""
    media = message[kind]
    return ("id", media["id"]) if "id" in media else ("link", media["link"])
