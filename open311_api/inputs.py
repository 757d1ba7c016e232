"""What a client sent with POST requests, in one shape.

GeoReport v2 sends form fields (application/x-www-form-urlencoded) with
attributes as attribute[code]=value and attribute[code][]=value for
multi-value lists; a JSON object is accepted too (attributes then also as
{"attribute": {"code": value or [values]}}), and so are query parameters.
Several media_url values give several photos.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple
from urllib.parse import parse_qsl

from fastapi import Request
from pydantic import AnyHttpUrl, BaseModel, Field, confloat, root_validator
from starlette.datastructures import UploadFile

from .errors import BadRequest
from .text_fields import Email, clean_text

_ATTRIBUTE_KEY = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
MAX_PHOTOS = 10


@dataclass
class Submission:
    fields: Dict[str, str] = field(default_factory=dict)
    media_urls: List[str] = field(default_factory=list)
    attributes: Dict[str, List[str]] = field(default_factory=dict)

    def get(self, name: str) -> Optional[str]:
        return self.fields.get(name)


class NewRequest(BaseModel):
    """A submission that GeoReport v2 accepts (whether the service exists is checked later)."""

    service_code: clean_text(64)
    lat: Optional[confloat(ge=-90, le=90)] = None
    long: Optional[confloat(ge=-180, le=180)] = None
    address_string: Optional[clean_text(500)] = None
    address_id: Optional[clean_text(100)] = None
    email: Optional[Email] = None
    device_id: Optional[clean_text(200)] = None
    account_id: Optional[clean_text(200)] = None
    first_name: Optional[clean_text(100)] = None
    last_name: Optional[clean_text(100)] = None
    phone: Optional[clean_text(32)] = None
    description: Optional[clean_text(4000)] = None
    media_urls: List[AnyHttpUrl] = Field([], max_items=MAX_PHOTOS)
    attributes: Dict[clean_text(64), List[clean_text(500)]] = {}

    @root_validator(skip_on_failure=True)
    def _location_given(cls, values: dict) -> dict:
        if (values["lat"] is None) != (values["long"] is None):
            raise ValueError("lat and long must be sent together")
        if values["lat"] is None and not values["address_string"] and not values["address_id"]:
            raise ValueError("a location is required: lat and long, address_string or address_id")
        return values

    @classmethod
    def from_submission(cls, submission: Submission) -> "NewRequest":
        return cls.parse_obj({**submission.fields, "media_urls": submission.media_urls, "attributes": submission.attributes})


async def read_submission(request: Request) -> Submission:
    pairs: List[Tuple[str, Any]] = list(request.query_params.multi_items())
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        pairs += list(_json_pairs(await _json_object(request)))
    elif content_type == "application/x-www-form-urlencoded":
        pairs += _form_pairs(await request.body())
    elif content_type == "multipart/form-data":
        pairs += list((await request.form()).multi_items())
    elif await request.body():
        raise BadRequest("send the fields form-encoded (application/x-www-form-urlencoded) or as a JSON object")
    return _collect(pairs)


def _form_pairs(body: bytes) -> List[Tuple[str, str]]:
    # Parsed here rather than by Starlette, which reads unescaped bytes as
    # Latin-1; GeoReport v2 says everything a client sends is UTF-8.
    try:
        return parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        raise BadRequest("the form is not UTF-8 encoded") from None


async def _json_object(request: Request) -> dict:
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("the JSON body must be an object")
    return body


def _json_pairs(body: dict) -> Iterator[Tuple[str, Any]]:
    for key, value in body.items():
        if key == "attribute" and isinstance(value, dict):
            for code, item in value.items():
                yield from ((f"attribute[{code}]", v) for v in _as_list(item))
        else:
            yield from ((key, v) for v in _as_list(value))


def _as_list(value: Any) -> Iterable[Any]:
    return value if isinstance(value, list) else [value]


def _collect(pairs: Iterable[Tuple[str, Any]]) -> Submission:
    submission = Submission()
    for key, value in pairs:
        if isinstance(value, UploadFile):
            raise BadRequest(f"{key}: file uploads are not accepted; put the photo online and send its media_url")
        if isinstance(value, (dict, list)):
            raise BadRequest(f"{key}: must be a single value")
        if value is None or (text := str(value).strip()) == "":
            continue  # GeoReport v2: an empty parameter is the same as none
        attribute = _ATTRIBUTE_KEY.match(key)
        if attribute:
            submission.attributes.setdefault(attribute.group(1), []).append(text)
        elif key == "media_url":
            submission.media_urls.append(text)
        else:
            submission.fields[key] = text  # the body, read last, wins over the query string
    return submission
