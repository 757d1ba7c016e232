"""Errors as GeoReport v2 describes them: a list of {code, description},
HTTP 404 for what does not exist, 403 for a wrong or missing key, 400 for
anything else the client got wrong. The same shape serves the operator API.
"""
from __future__ import annotations

import logging
from typing import Iterable, List

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .responses import respond

log = logging.getLogger(__name__)


class ApiError(Exception):
    status_code = 400

    def __init__(self, *descriptions: str) -> None:
        super().__init__("; ".join(descriptions))
        self.descriptions = list(descriptions)


class BadRequest(ApiError):
    status_code = 400


class Forbidden(ApiError):
    status_code = 403


class NotFound(ApiError):
    status_code = 404


class Conflict(ApiError):
    status_code = 409


_ERRORS_SCHEMA = {"type": "array", "items": {"type": "object", "required": ["code", "description"], "properties": {
    "code": {"type": "integer"}, "description": {"type": "string"}}}}
# Every route may refuse with these, in this shape (JSON, or XML for .xml): documented once for all.
ERROR_RESPONSES = {
    status: {"description": description, "content": {"application/json": {"schema": _ERRORS_SCHEMA}, "text/xml": {}}}
    for status, description in ((400, "the request is not valid"), (403, "a wrong or missing key"),
                                (404, "no such thing, or an unknown format"), (409, "not possible in its state"),
                                (413, "the body is too large"))}


def validation_messages(errors: Iterable[dict]) -> List[str]:
    """Pydantic's errors as "field: problem" lines a person can act on."""
    messages = []
    for error in errors:
        where = ".".join(str(part) for part in error["loc"] if part not in ("body", "query", "path", "__root__"))
        messages.append(f"{where}: {error['msg']}" if where else error["msg"])
    return messages


def error_response(request: Request, status_code: int, descriptions: List[str]):
    fmt = "xml" if request.url.path.endswith(".xml") else "json"
    payload = [{"code": status_code, "description": description} for description in descriptions]
    return respond(payload, fmt, "errors", status_code)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError):
        return error_response(request, error.status_code, error.descriptions)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, error: RequestValidationError):
        return error_response(request, 400, validation_messages(error.errors()))

    @app.exception_handler(ValidationError)
    async def _invalid_data(request: Request, error: ValidationError):
        return error_response(request, 400, validation_messages(error.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException):
        return error_response(request, error.status_code, [str(error.detail)])

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, ["internal error; the 311 service could not complete the request"])
