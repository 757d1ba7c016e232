"""Graph API errors in Meta's shape.

{"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException",
 "code": 131047, "error_data": {"messaging_product": "whatsapp", "details": ...},
 "error_subcode": ..., "fbtrace_id": ...}}
"""
from __future__ import annotations

import secrets
from typing import Any, Dict, Optional

from fastapi.responses import JSONResponse

from .data_files import load


def catalogue_entry(code: int) -> Dict[str, Any]:
    """Title, HTTP status and details of a code; codes outside errors.yml (injected ones) get neutral text."""
    return load("errors").get(code) or {"title": f"Error {code}", "http_status": 400, "details": f"Error {code}."}


class GraphError(Exception):
    def __init__(
        self,
        code: int,
        details: Optional[str] = None,
        *,
        http_status: Optional[int] = None,
        subcode: Optional[int] = None,
        title: Optional[str] = None,
    ) -> None:
        entry = catalogue_entry(code)
        self.code = code
        self.title = title or entry["title"]
        self.details = details or entry["details"]
        self.http_status = http_status or entry["http_status"]
        self.subcode = subcode
        super().__init__(f"({code}) {self.details}")

    def body(self) -> Dict[str, Any]:
        error: Dict[str, Any] = {
            "message": f"(#{self.code}) {self.title}",
            "type": "OAuthException",
            "code": self.code,
            "error_data": {"messaging_product": "whatsapp", "details": self.details},
            "fbtrace_id": secrets.token_urlsafe(16),
        }
        if self.code == 190:
            # Token errors come straight from the Graph layer, without WhatsApp details.
            error["message"] = self.title
            del error["error_data"]
        if self.subcode is not None:
            error["error_subcode"] = self.subcode
        return {"error": error}

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.http_status)

    def status_error(self) -> Dict[str, Any]:
        """The same error as it appears in a failed-status webhook."""
        return {
            "code": self.code,
            "title": self.title,
            "message": self.title,
            "error_data": {"details": self.details},
        }
