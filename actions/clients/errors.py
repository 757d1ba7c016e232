"""A backend's refusal, as the bot tells it to the citizen.

BackendUnavailable (common.backend_call): worth trying again later.
BackendRejected: the backend said no (4xx) and says why in both languages;
trying again will not help.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from common.backend_call import BackendError


class BackendRejected(BackendError):
    def __init__(self, status: int, code: str, message_hi: str, message_en: str,
                 fields: Optional[List[Dict[str, Any]]] = None):
        super().__init__("backend", f"rejected with {status} {code}", status)
        self.code = code
        self.message_hi = message_hi
        self.message_en = message_en
        self.fields = fields or []

    def message(self, language: str) -> str:
        return self.message_en if language == "en" else self.message_hi

    def precise_message(self, language: str) -> str:
        """The first field's message where the backend named one, else the general message."""
        key = "message_en" if language == "en" else "message_hi"
        return next((field[key] for field in self.fields if field.get(key)), self.message(language))

    def as_dict(self) -> Dict[str, str]:
        """The refusal as kept and passed on (the most precise message in each language)."""
        return {"error_code": self.code, "message_hi": self.precise_message("hi"),
                "message_en": self.precise_message("en")}
