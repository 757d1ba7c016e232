"""One error shape for every failure: {"error": {code, message_en, message_hi}}.

Clients (the chatbot) branch on the stable `code` and show the message in
the citizen's language; validation errors list the offending fields.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .schemas.common import ErrorResponse
from .texts import Bilingual, messages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: Bilingual

    def as_json(self) -> Dict[str, str]:
        return {"field": self.field, "code": self.code, "message_en": self.message.en, "message_hi": self.message.hi}


class ApiError(Exception):
    def __init__(self, status_code: int, code: str, fields: Sequence[FieldError] = (), **params: Any):
        super().__init__(code)
        self.status_code = status_code
        self.code = code
        self.fields = list(fields)
        self.params = params


def validation_failed(fields: Sequence[FieldError]) -> ApiError:
    return ApiError(422, "validation_failed", fields=fields)


def error_body(code: str, fields: Sequence[FieldError] = (), **params: Any) -> Dict[str, Any]:
    message = messages().error(code, **params)
    body: Dict[str, Any] = {"code": code, "message_en": message.en, "message_hi": message.hi}
    if fields:
        body["fields"] = [field.as_json() for field in fields]
    return {"error": body}


def _json(status_code: int, code: str, fields: Sequence[FieldError] = (), **params: Any) -> JSONResponse:
    return JSONResponse(error_body(code, fields, **params), status_code=status_code)


def _request_field_errors(exc: RequestValidationError) -> List[FieldError]:
    """FastAPI's own validation (body shape, query types) in our shape; input values are never echoed."""
    errors = []
    for item in exc.errors():
        location = [str(part) for part in item["loc"] if part not in ("body", "query", "path", "header")]
        field = ".".join(location) or "body"
        code = "required" if item["type"] == "value_error.missing" else "invalid_value"
        errors.append(FieldError(field, code, messages().field_error(code, label=field)))
    return errors


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 413: "request_too_large"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _json(exc.status_code, exc.code, exc.fields, **exc.params)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _json(422, "validation_failed", _request_field_errors(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _json(exc.status_code, _HTTP_CODES.get(exc.status_code, "internal_error"))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _json(500, "internal_error")


def error_responses(*status_codes: int) -> Dict[int, Dict[str, Any]]:
    """OpenAPI documentation of the error shape for a route."""
    return {code: {"model": ErrorResponse, "description": "error"} for code in status_codes}
