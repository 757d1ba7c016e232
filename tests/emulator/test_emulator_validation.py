"""Outbound message validation: every type the channel sends, every limit, Meta's codes."""
from __future__ import annotations

import copy
from typing import Any, Callable, Dict

import pytest

from whatsapp_emulator.graph_errors import GraphError
from whatsapp_emulator.validation import validate_outbound

TO = "919876543210"


def message(kind: str, content: Dict[str, Any]) -> Dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": TO, "type": kind, kind: content}


def buttons(*titles: str) -> Dict[str, Any]:
    return message("interactive", {
        "type": "button",
        "header": {"type": "text", "text": "जन सेवा सहायक"},
        "body": {"text": "आप क्या करना चाहेंगे?"},
        "footer": {"text": "Lok Seva"},
        "action": {"buttons": [
            {"type": "reply", "reply": {"id": f"option_{index}", "title": title}} for index, title in enumerate(titles)
        ]},
    })


def list_message(rows_per_section: int = 2, sections: int = 2) -> Dict[str, Any]:
    return message("interactive", {
        "type": "list",
        "header": {"type": "text", "text": "Complaints"},
        "body": {"text": "Choose a category"},
        "action": {"button": "Categories", "sections": [
            {"title": f"Section {s}", "rows": [
                {"id": f"row_{s}_{r}", "title": f"Row {r}", "description": "Garbage not collected"}
                for r in range(rows_per_section)
            ]} for s in range(sections)
        ]},
    })


VALID = {
    "text": message("text", {"body": "नमस्ते " * 500, "preview_url": True}),
    "text_max": message("text", {"body": "क" * 4096}),
    "buttons": buttons("लोक सेवा", "शिकायत", "Status"),
    "buttons_limits": message("interactive", {
        "type": "button", "body": {"text": "b" * 1024}, "footer": {"text": "f" * 60},
        "header": {"type": "text", "text": "h" * 60},
        "action": {"buttons": [{"type": "reply", "reply": {"id": "i" * 256, "title": "t" * 20}}]},
    }),
    "list": list_message(),
    "list_ten_rows": list_message(rows_per_section=5, sections=2),
    "location_request": message("interactive", {
        "type": "location_request_message", "body": {"text": "कृपया स्थान भेजें"}, "action": {"name": "send_location"},
    }),
    "image_link": message("image", {"link": "https://example.org/a.jpg", "caption": "c" * 1024}),
    "image_id": message("image", {"id": "1234567890"}),
    "document": message("document", {"id": "1", "caption": "प्रमाण पत्र", "filename": "certificate.pdf"}),
    "audio": message("audio", {"id": "1"}),
    "video": message("video", {"link": "https://example.org/v.mp4", "caption": "v"}),
    "sticker": message("sticker", {"id": "1"}),
    "template": message("template", {
        "name": "jan_seva_update", "language": {"code": "hi"},
        "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "LS-2026-000123"}]},
            {"type": "button", "sub_type": "quick_reply", "index": "0",
             "parameters": [{"type": "payload", "payload": "status"}]},
        ],
    }),
    "template_english": message("template", {
        "name": "jan_seva_update", "language": {"code": "en"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "Your application is approved."}]}],
    }),
    "location": message("location", {"latitude": 22.7196, "longitude": "75.8577", "name": "Rajwada"}),
    "reaction": message("reaction", {"message_id": "wamid.abc", "emoji": "👍"}),
    "reaction_removed": message("reaction", {"message_id": "wamid.abc", "emoji": ""}),
    "plus_number": {**message("text", {"body": "hi"}), "to": "+919876543210"},
    "phone_wins_over_bsuid": {**message("text", {"body": "hi"}), "recipient": "IN.1648738043044942"},
    "reply_context": {**message("text", {"body": "hi"}), "context": {"message_id": "wamid.abc"}},
    "type_defaults_to_text": {"messaging_product": "whatsapp", "to": TO, "text": {"body": "hi"}},
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_messages_are_accepted(name: str) -> None:
    outbound = validate_outbound(copy.deepcopy(VALID[name]))
    assert outbound.wa_id == TO
    assert not outbound.is_read_receipt


def test_business_scoped_user_id_goes_in_recipient() -> None:
    body = message("text", {"body": "hi"})
    del body["to"]
    body["recipient"] = "IN.1648738043044942"
    assert validate_outbound(body).wa_id == "IN.1648738043044942"
    body["recipient"] = "1648738043044942"
    with pytest.raises(GraphError) as raised:
        validate_outbound(body)
    assert raised.value.code == 100 and "recipient" in raised.value.details


def test_read_receipt_is_recognised() -> None:
    outbound = validate_outbound({"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.x"})
    assert outbound.is_read_receipt and outbound.message_id == "wamid.x"


def _set(path: str, value: Any) -> Callable[[Dict[str, Any]], None]:
    """A mutation setting (or, for value None, deleting) a dotted path; digits index lists."""
    def mutate(target: Dict[str, Any]) -> None:
        *parents, last = [int(part) if part.isdigit() else part for part in path.split(".")]
        for part in parents:
            target = target[part]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return mutate


def _append_button(target: Dict[str, Any]) -> None:
    target["interactive"]["action"]["buttons"].append({"type": "reply", "reply": {"id": "x", "title": "Four"}})


INVALID = [
    # (base, mutation, expected code, words in the details)
    ("text", _set("messaging_product", "sms"), 100, "messaging_product"),
    ("text", _set("messaging_product", None), 100, "messaging_product"),
    ("text", _set("to", "98765-43210"), 100, "to"),
    ("text", _set("to", None), 100, "to"),
    ("text", _set("type", "carousel_of_doom"), 100, "type"),
    ("text", _set("recipient_type", "group"), 100, "recipient_type"),
    ("text", _set("text.body", "क" * 4097), 100, "4096"),
    ("text", _set("text.body", None), 100, "text['body']"),
    ("text", _set("text", "just a string"), 100, "text"),
    ("text", _set("text.preview_url", "yes"), 100, "preview_url"),
    ("buttons", _append_button, 131009, "between 1 and 3"),
    ("buttons", _set("interactive.action.buttons", []), 131009, "between 1 and 3"),
    ("buttons", _set("interactive.action.buttons.0.reply.title", "t" * 21), 131009, "20"),
    ("buttons", _set("interactive.action.buttons.0.reply.title", "  "), 131009, "empty"),
    ("buttons", _set("interactive.action.buttons.0.reply.id", "i" * 257), 131009, "256"),
    ("buttons", _set("interactive.action.buttons.1.reply.id", "option_0"), 131009, "unique"),
    ("buttons", _set("interactive.action.buttons.1.reply.title", "लोक सेवा"), 131009, "unique"),
    ("buttons", _set("interactive.action.buttons.0.type", "url"), 100, "reply"),
    ("buttons", _set("interactive.body.text", "b" * 1025), 131009, "1024"),
    ("buttons", _set("interactive.body", None), 100, "body"),
    ("buttons", _set("interactive.header.text", "h" * 61), 131009, "60"),
    ("buttons", _set("interactive.footer.text", "f" * 61), 131009, "60"),
    ("buttons", _set("interactive.type", "carousel"), 100, "interactive['type']"),
    ("list", _set("interactive.action.button", "b" * 21), 131009, "20"),
    ("list", _set("interactive.action.sections.0.title", "s" * 25), 131009, "24"),
    ("list", _set("interactive.action.sections.0.title", None), 100, "title"),
    ("list", _set("interactive.action.sections.0.rows.0.title", "r" * 25), 131009, "24"),
    ("list", _set("interactive.action.sections.0.rows.0.description", "d" * 73), 131009, "72"),
    ("list", _set("interactive.action.sections.0.rows.0.id", "i" * 201), 131009, "200"),
    ("list", _set("interactive.action.sections.1.rows.0.id", "row_0_0"), 131009, "unique"),
    ("list", _set("interactive.header.type", "image"), 100, "header"),
    ("list_ten_rows", lambda m: m["interactive"]["action"]["sections"][0]["rows"].append(
        {"id": "eleven", "title": "Eleven"}), 131009, "between 1 and 10"),
    ("list", _set("interactive.action.sections", [{"title": f"S{i}", "rows": [{"id": f"r{i}", "title": "R"}]}
                                                  for i in range(11)]), 131009, "between 1 and 10"),
    ("location_request", _set("interactive.action.name", "send_pizza"), 100, "send_location"),
    ("image_link", _set("image.caption", "c" * 1025), 100, "1024"),
    ("image_link", _set("image.link", "ftp://example.org/a.jpg"), 100, "link"),
    ("image_link", _set("image.id", "123"), 100, "exactly one"),
    ("image_id", _set("image.id", None), 100, "exactly one"),
    ("audio", _set("audio.caption", "no captions on audio"), 100, "caption"),
    ("sticker", _set("sticker.caption", "no captions on stickers"), 100, "caption"),
    ("image_id", _set("image.filename", "a.jpg"), 100, "filename"),
    ("template", _set("template.name", None), 100, "name"),
    ("template", _set("template.language", None), 100, "language"),
    ("template", _set("template.language.code", None), 100, "code"),
    ("template", _set("template.components.0.type", "sidebar"), 100, "type"),
    ("template", _set("template.components.0.parameters.0.type", "emoji"), 100, "type"),
    ("template", _set("template.components.1.sub_type", None), 100, "sub_type"),
    ("template", _set("template.name", "application_status_update"), 132001, "does not exist"),
    ("template", _set("template.language.code", "fr"), 132001, "does not exist in fr"),
    ("template", _set("template.components.0.parameters", []), 132000, "(0)"),
    ("template", lambda m: m["template"]["components"][0]["parameters"].append({"type": "text", "text": "two"}),
     132000, "(2)"),
    ("template", _set("template.components", None), 132000, "(0)"),
    ("template", _set("template.components.0.parameters", "LS-2026-000123"), 100, "parameters"),
    ("location", _set("location.latitude", "NaN"), 100, "finite"),
    ("location", _set("location.longitude", float("nan")), 100, "finite"),
    ("location", _set("location.latitude", float("-inf")), 100, "finite"),
    ("location", _set("location.latitude", 90.5), 131009, "90"),
    ("reaction", _set("reaction.message_id", None), 100, "message_id"),
    ("reaction", _set("reaction.emoji", None), 100, "emoji"),
    ("reply_context", _set("context.message_id", None), 100, "message_id"),
]


@pytest.mark.parametrize("base, mutate, code, words", INVALID)
def test_invalid_messages_get_meta_error_codes(base: str, mutate: Callable, code: int, words: str) -> None:
    body = copy.deepcopy(VALID[base])
    mutate(body)
    with pytest.raises(GraphError) as raised:
        validate_outbound(body)
    assert raised.value.code == code
    assert words in raised.value.details


def test_error_body_has_meta_shape() -> None:
    error = GraphError(131009, "Button title length invalid.")
    body = error.body()["error"]
    assert body["message"] == "(#131009) Parameter value is not valid"
    assert body["type"] == "OAuthException"
    assert body["code"] == 131009
    assert body["error_data"] == {"messaging_product": "whatsapp", "details": "Button title length invalid."}
    assert body["fbtrace_id"]
    assert error.http_status == 400


def test_read_receipt_needs_message_id() -> None:
    with pytest.raises(GraphError) as raised:
        validate_outbound({"messaging_product": "whatsapp", "status": "read"})
    assert raised.value.code == 100


def test_non_object_body_is_rejected() -> None:
    with pytest.raises(GraphError) as raised:
        validate_outbound(["not", "an", "object"])
    assert raised.value.code == 100
