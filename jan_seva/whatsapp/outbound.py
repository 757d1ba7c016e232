"""Bot responses -> Graph API message contents (pure functions).

A "content" is a Graph `/messages` body without the addressing fields
(`messaging_product`, `to`), e.g. `{"type": "text", "text": {"body": …}}`.
A file still on this server is referenced as `{LOCAL_FILE: path}` in place
of `link`/`id`; the sender uploads it just before sending.

Options (Rasa buttons) become, by count: ≤3 reply buttons, 4-10 a list,
more a numbered text; a body over 1024 characters, ids over WhatsApp's
limits or titles that clash once shortened also fall back to numbered text.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from jan_seva.whatsapp.data_files import load_data, localized, reply_language
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
    buttons = [
        {"type": "reply", "reply": {"id": option.payload, "title": truncate(option.title, BUTTON_TITLE_LIMIT)}}
        for option in options
    ]
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
    if interactive and len(options) <= MAX_REPLY_BUTTONS and _fits(options, BUTTON_TITLE_LIMIT, BUTTON_ID_LIMIT):
        return [_reply_buttons(body, options)]
    if interactive and len(options) <= MAX_LIST_ROWS and _fits(options, ROW_TITLE_LIMIT, ROW_ID_LIMIT):
        label = list_button or localized(load_data("labels")["list_button"], body)
        return [_list(body, options, label)]
    hint = localized(load_data("labels")["numbered_hint"], body)
    return text_contents(numbered_text(body, options, hint))


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


def content_text(content: Mapping[str, Any]) -> str:
    """The words a content carries (its text, body or caption), for a template stand-in."""
    kind = content.get("type")
    inner = content.get(kind) if isinstance(content.get(kind), dict) else {}
    if kind == "text":
        return inner.get("body", "")
    if kind == "interactive":
        return (inner.get("body") or {}).get("text", "")
    return inner.get("caption", "")


def outside_window_template(content: Mapping[str, Any]) -> Dict[str, Any]:
    """The approved template (data/fallback_template.yml) carrying `content`'s words
    as {{1}}: the only kind of message WhatsApp accepts 24 hours after the
    citizen's last message."""
    config = load_data("fallback_template")
    words = " ".join(content_text(content).split())  # no line breaks or tabs in template variables
    words = words or localized(config["text_without_words"], words)
    parameter = {"type": "text", "text": truncate(words, int(config["max_parameter_length"]))}
    language = config["language"][reply_language(words)]
    return template_content(config["name"], language, [{"type": "body", "parameters": [parameter]}])
