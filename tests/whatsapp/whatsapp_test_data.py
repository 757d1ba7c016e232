"""Test data of the WhatsApp channel tests: webhook payloads and credentials."""
from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any, Dict

from jan_seva.whatsapp.retry import RetryPolicy

FIXTURES = Path(__file__).with_name("fixtures")
FAST_RETRIES = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"


def load_payload(name: str) -> Dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def with_fresh_ids(payload: Dict[str, Any]) -> Dict[str, Any]:
    """The payload with message ids no earlier run used (the PostgreSQL tables persist)."""
    fresh = copy.deepcopy(payload)
    suffix = uuid.uuid4().hex[:12]
    for entry in fresh["entry"]:
        for change in entry["changes"]:
            for message in change["value"].get("messages", []):
                message["id"] = f"{message['id']}.{suffix}"
    return fresh


def text_payload(body: str) -> Dict[str, Any]:
    """A citizen's typed text, under a message id no earlier delivery used."""
    payload = with_fresh_ids(load_payload("text"))
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = body
    return payload


def failed_status_payload(message_id: str, code: int, title: str, recipient: str = "919876543210") -> Dict[str, Any]:
    """Meta's "failed" status webhook for one of the bot's messages."""
    payload = load_payload("status_failed")
    status = payload["entry"][0]["changes"][0]["value"]["statuses"][0]
    status.update(id=message_id, recipient_id=recipient)
    status["errors"][0].update(code=code, title=title, message=title)
    return payload
