"""Actions' custom JSON (`json_message` / response `custom`) -> Graph message content.

The contract for actions: `dispatcher.utter_message(json_message={"whatsapp": SPEC})`
where SPEC is one of

    {"type": "document", "path": "<file in FILE_STORE_DIR>" | "link": "https://…",
     "filename": "certificate.pdf", "caption": "…"}
    {"type": "image", "path": … | "link": …, "caption": "…"}
    {"type": "location_request", "text": "Please share your location"}
    {"type": "template", "name": "<approved template>", "language": "hi",
     "components": [<Graph API template components>]}

`path` is relative to FILE_STORE_DIR (or an absolute path inside it); the
file is uploaded to WhatsApp and sent by media id. `link` must be public
HTTPS. Other channels ignore the `whatsapp` key.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Any, Dict, Mapping

from jan_seva.whatsapp.outbound import (
    LOCAL_FILE,
    location_request_content,
    media_content,
    template_content,
)

CUSTOM_KEY = "whatsapp"


class InvalidCustomMessage(ValueError):
    pass


def _media(spec: Mapping[str, Any]) -> Dict[str, Any]:
    kind = spec["type"]
    if spec.get("link"):
        source, default_name = {"link": str(spec["link"])}, PurePath(str(spec["link"]).split("?")[0]).name
    elif spec.get("path"):
        source, default_name = {LOCAL_FILE: str(spec["path"])}, PurePath(str(spec["path"])).name
    else:
        raise InvalidCustomMessage(f"a {kind} needs a 'path' or a 'link'")
    return media_content(kind, source, spec.get("caption"), spec.get("filename") or default_name)


def _location_request(spec: Mapping[str, Any]) -> Dict[str, Any]:
    if not spec.get("text"):
        raise InvalidCustomMessage("a location_request needs a 'text'")
    return location_request_content(str(spec["text"]))


def _template(spec: Mapping[str, Any]) -> Dict[str, Any]:
    language = spec.get("language")
    code = language.get("code") if isinstance(language, dict) else language
    if not spec.get("name") or not code:
        raise InvalidCustomMessage("a template needs a 'name' and a 'language'")
    return template_content(str(spec["name"]), str(code), spec.get("components"))


_BUILDERS = {
    "document": _media,
    "image": _media,
    "location_request": _location_request,
    "template": _template,
}


def custom_content(json_message: Mapping[str, Any]) -> Dict[str, Any]:
    spec = json_message.get(CUSTOM_KEY) if isinstance(json_message, Mapping) else None
    if not isinstance(spec, Mapping):
        raise InvalidCustomMessage(f"custom JSON has no '{CUSTOM_KEY}' object")
    builder = _BUILDERS.get(spec.get("type"))
    if builder is None:
        raise InvalidCustomMessage(f"unknown custom WhatsApp message type {spec.get('type')!r}")
    return builder(spec)
