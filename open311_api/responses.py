"""Responses in the format the client asked for (.json or .xml), UTF-8 always."""
from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse, Response

from .xml_encoding import to_xml

FORMATS = ("json", "xml")


class Utf8JSONResponse(JSONResponse):
    # GeoReport v2 asks for the charset in the content type; Hindi is sent as
    # UTF-8, not as \u escapes.
    media_type = "application/json; charset=utf-8"


class XMLResponse(Response):
    media_type = "text/xml; charset=utf-8"


def respond(payload: Any, fmt: str, root_tag: str, status_code: int = 200) -> Response:
    if fmt == "xml":
        return XMLResponse(to_xml(root_tag, payload), status_code=status_code)
    return Utf8JSONResponse(payload, status_code=status_code)
