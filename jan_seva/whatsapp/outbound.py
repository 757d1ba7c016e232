"""Bot responses -> Graph API message contents (pure functions).

A "content" is a Graph `/messages` body without the addressing fields
(`messaging_product`, `to`), e.g. `{"type": "text", "text": {"body": …}}`.
A file still on this server is referenced as `{LOCAL_FILE: path}` in place
of `link`/`id`; the sender uploads it just before sending.

Options (Rasa buttons) become, by count: ≤3 reply buttons (when every
title fits a button whole), else ≤10 a list (a long title cut in the row,
whole in its description), more a numbered text; a body over 1024
characters, ids over WhatsApp's limits or titles that clash once shortened
also fall back to numbered text.

Outside WhatsApp's 24-hour window only the approved template goes out
(`outside_window_template`): one line carrying the message's words, its
options numbered as typed replies expect them, or word that a file waits.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from jan_seva.whatsapp.data_files import bot_text_language, load_data, localized
from jan_seva.whatsapp.numbered_options import Option, numbered_text
from jan_seva.whatsapp.text_units import split_text, truncate

TEXT_LIMIT = 4096
INTERACTIVE_BODY_LIMIT = 1024
CAPTION_LIMIT = 1024
MAX_REPLY_BUTTONS = 3
MAX_LIST_ROWS = 10
BUTTON_TITLE_LIMIT = 20
BUTTON_ID_LIMIT = 256
ROW_TITLE_LIMIT = 24
ROW_DESCRIPTION_LIMIT = 72
ROW_ID_LIMIT = 200
LIST_BUTTON_LIMIT = 20

LOCAL_FILE = "local_path"
MEDIA_KINDS = ("image", "document", "video", "audio")


def text_contents(text: str) -> List[Dict[str, Any]]:
    return [{"type": "text", "text": {"body": chunk}} for chunk in split_text(text, TEXT_LIMIT)]


def _fits(options: Sequence[Option], title_limit: int, id_limit: int) -> bool:
    titles = {truncate(option.title, title_limit) for option in options}
    ids = {option.payload for option in options}
    # WhatsApp rejects duplicate titles or ids within one message
    return (
        len(titles) == len(ids) == len(options)
        and all(len(option.payload) <= id_limit for option in options)
    )


def _reply_buttons(body: str, options: Sequence[Option]) -> Dict[str, Any]:
    buttons = [{"type": "reply", "reply": {"id": option.payload, "title": option.title}} for option in options]
    interactive = {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}}
    return {"type": "interactive", "interactive": interactive}


def _list_row(option: Option) -> Dict[str, Any]:
    row = {"id": option.payload, "title": truncate(option.title, ROW_TITLE_LIMIT)}
    if len(option.title) > ROW_TITLE_LIMIT:  # the full title, where the row title had to be cut
        row["description"] = truncate(option.title, ROW_DESCRIPTION_LIMIT)
    return row


def _list(body: str, options: Sequence[Option], button_label: str) -> Dict[str, Any]:
    action = {
        "button": truncate(button_label, LIST_BUTTON_LIMIT),
        "sections": [{"rows": [_list_row(option) for option in options]}],
    }
    return {"type": "interactive", "interactive": {"type": "list", "body": {"text": body}, "action": action}}


def choice_contents(
    body: str, options: Sequence[Option], list_button: Optional[str] = None
) -> List[Dict[str, Any]]:
    """The message(s) offering `options` under `body`."""
    if not options:
        return text_contents(body)
    body = body.strip()
    interactive = bool(body) and len(body) <= INTERACTIVE_BODY_LIMIT
    # a cut button title ("निःशक्तता प्रमाण प…") hides which service it is: a list row shows it whole
    whole_titles = all(len(option.title) <= BUTTON_TITLE_LIMIT for option in options)
    as_buttons = whole_titles and _fits(options, BUTTON_TITLE_LIMIT, BUTTON_ID_LIMIT)
    if interactive and len(options) <= MAX_REPLY_BUTTONS and as_buttons:
        return [_reply_buttons(body, options)]
    if interactive and len(options) <= MAX_LIST_ROWS and _fits(options, ROW_TITLE_LIMIT, ROW_ID_LIMIT):
        label = list_button or localized(load_data("labels")["list_button"], body)
        return [_list(body, options, label)]
    return text_contents(numbered_text(body, [option.title for option in options], _numbered_hint(body)))


def _numbered_hint(body: str) -> str:
    return localized(load_data("labels")["numbered_hint"], body)


def media_source(reference: str) -> Dict[str, str]:
    """A public URL is sent by link; anything else is a file in the file store."""
    if reference.startswith(("https://", "http://")):
        return {"link": reference}
    return {LOCAL_FILE: reference}


def media_content(
    kind: str, source: Mapping[str, str], caption: Optional[str] = None, filename: Optional[str] = None
) -> Dict[str, Any]:
    media: Dict[str, Any] = dict(source)
    if caption and kind != "audio":
        media["caption"] = truncate(caption, CAPTION_LIMIT)
    if filename and kind == "document":
        media["filename"] = filename
    return {"type": kind, kind: media}


def location_request_content(text: str) -> Dict[str, Any]:
    interactive = {
        "type": "location_request_message",
        "body": {"text": truncate(text, INTERACTIVE_BODY_LIMIT)},
        "action": {"name": "send_location"},
    }
    return {"type": "interactive", "interactive": interactive}


def template_content(name: str, language: str, components: Optional[list] = None) -> Dict[str, Any]:
    template: Dict[str, Any] = {"name": name, "language": {"code": language}}
    if components:
        template["components"] = components
    return {"type": "template", "template": template}


def carries_file(content: Mapping[str, Any]) -> bool:
    return content.get("type") in MEDIA_KINDS


def content_text(content: Mapping[str, Any]) -> str:
    """The words a content carries (its text, body or caption), for a template stand-in."""
    kind = content.get("type")
    inner = content.get(kind) if isinstance(content.get(kind), dict) else {}
    if kind == "text":
        return inner.get("body", "")
    if kind == "interactive":
        return (inner.get("body") or {}).get("text", "")
    return inner.get("caption", "")


def _choices(content: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """The reply buttons' `reply` objects or the list rows of an interactive content."""
    interactive = content.get("interactive") if content.get("type") == "interactive" else None
    action = (interactive.get("action") or {}) if isinstance(interactive, dict) else {}
    buttons = [button["reply"] for button in action.get("buttons", [])]
    return buttons + [row for section in action.get("sections", []) for row in section["rows"]]


def offered_titles(content: Mapping[str, Any]) -> List[str]:
    """The options of an interactive content, whole: a list row cut short keeps its title in the description."""
    return [choice.get("description") or choice["title"] for choice in _choices(content)]


def offered_ids(content: Mapping[str, Any]) -> List[str]:
    """The ids a reply to this content can carry: its buttons' or rows', its template quick replies' payloads."""
    template = content.get("template") if content.get("type") == "template" else None
    components = (template.get("components") or []) if isinstance(template, dict) else []
    payloads = [parameter["payload"] for component in components for parameter in component.get("parameters", [])
                if parameter.get("type") == "payload"]
    return [choice["id"] for choice in _choices(content)] + payloads


def _one_line(text: str) -> str:
    return " ".join(text.split())  # template variables may not hold line breaks, tabs or runs of spaces


def _template_words(content: Mapping[str, Any], limit: int) -> str:
    config = load_data("fallback_template")
    words = _one_line(content_text(content))
    if carries_file(content):  # the file itself waits for the citizen's next message
        addition = localized(config["file_waiting"], words)
    elif offered_titles(content):  # numbered, so that a typed "2" picks what the citizen saw
        addition = _one_line(numbered_text("", offered_titles(content), _numbered_hint(words)))
    else:
        return truncate(words or localized(config["text_without_words"], words), limit)
    room = limit - len(addition) - 1
    kept = truncate(words, room) if words and room > 0 else ""
    return truncate(" ".join(filter(None, (kept, addition))), limit)


def outside_window_template(content: Mapping[str, Any]) -> Dict[str, Any]:
    """The approved template (data/fallback_template.yml) carrying `content`'s words
    as {{1}}: the only kind of message WhatsApp accepts 24 hours after the
    citizen's last message."""
    config = load_data("fallback_template")
    words = _template_words(content, int(config["max_parameter_length"]))
    language = config["language"][bot_text_language(words)]
    parameter = {"type": "text", "text": words}
    template = template_content(config["name"], language, [{"type": "body", "parameters": [parameter]}])
    if content.get("biz_opaque_callback_data"):  # which response it carries, as the message would have said
        template["biz_opaque_callback_data"] = content["biz_opaque_callback_data"]
    return template
