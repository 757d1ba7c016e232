"""Helpers of the Lok Seva API tests: sample applications, officer actions,
the error shape, a clock the test controls."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Dict

from fastapi.testclient import TestClient

from common.verhoeff import check_digit
from lokseva_api.settings import DEFAULT_CLIENT_API_KEY, DEFAULT_OFFICER_API_KEY, Settings

OFFICER = {"X-API-Key": DEFAULT_OFFICER_API_KEY}
CLIENT = {"X-API-Key": DEFAULT_CLIENT_API_KEY}  # the action server's key
VALID_AADHAAR = "23456789012" + check_digit("23456789012")


class FakeClock:
    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, days: int) -> None:
        self.moment += timedelta(days=days)


def postgres_schema_url(base_url: str, schema: str) -> str:
    # libpq option: every connection of the app works inside the schema.
    return f"{base_url}?options=-csearch_path%3D{schema}"


def make_settings(tmp_path, db_url: str, **env: str) -> Settings:
    return Settings.from_env({"LOKSEVA_DB_URL": db_url, "FILE_STORE_DIR": str(tmp_path / "files"), **env})


def income_application(**overrides: Any) -> Dict[str, Any]:
    body: Dict[str, Any] = {
        "service": "income_certificate",
        "applicant": {
            "name": "सुनीता भूरिया",
            "mobile": "9876543210",
            "wa_id": "919876543210",
            "aadhaar": VALID_AADHAAR,
            "address": "ग्राम कालीदेवी, तहसील झाबुआ",
            "pincode": "457661",
        },
        "answers": {
            "father_or_husband_name": "रमेश भूरिया",
            "annual_income": "1,20,000",
            "income_source": "खेती",
        },
    }
    body.update(overrides)
    return body


def submit(client: TestClient, **overrides: Any) -> Dict[str, Any]:
    response = client.post("/api/v1/applications", json=income_application(**overrides))
    assert response.status_code == 201, response.text
    return response.json()


def act(client: TestClient, application_id: str, action: str, **body: Any):
    return client.post(f"/api/v1/applications/{application_id}/actions", json={"action": action, **body}, headers=OFFICER)


# What the actions that need words get in tests.
ACTION_TEXTS = {"reject": {"reason": "income not proven"}, "request_documents": {"note": "salary slip"}}


def advance(client: TestClient, application_id: str, *actions: str) -> Dict[str, Any]:
    """Move an application through officer actions that must all succeed; its state afterwards."""
    for action in actions:
        response = act(client, application_id, action, **ACTION_TEXTS.get(action, {}))
        assert response.status_code == 200, response.text
    return client.get(f"/api/v1/applications/{application_id}").json()


def assert_error(response, status: int, code: str) -> Dict[str, Any]:
    """The error shape every failure has; messages in both languages."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message_en"] and error["message_hi"]
    assert any("\u0900" <= ch <= "\u097f" for ch in error["message_hi"])
    return error
