"""What lies outside the chat: items a citizen already has (given), an
officer's change of one (told to the citizen as the officers' dashboard does),
and what exists at the end (the outcome), all through the real backends'
HTTP APIs."""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import requests

from common.rasa_api import auth_headers

TIMEOUT = 30
# The officer's steps from "submitted" to each status of an application.
APPLICATION_STEPS = {
    "submitted": [],
    "under_review": ["start_review"],
    "documents_requested": ["start_review", "request_documents"],
    "approved": ["start_review", "approve"],
    "rejected": ["reject"],
    "issued": ["start_review", "approve", "issue"],
    "delivered": ["start_review", "approve", "issue", "deliver"],
}
EXAMPLE_VALUES = {"name": "रमेश भूरिया", "text": "ग्राम पिटोल", "date": "15-08-1990", "mobile": "9876543210",
                  "pincode": "457661", "aadhaar": "1234"}
DEFAULT_PLACE = {"latitude": 22.7196, "longitude": 75.8577, "address": "Rajwada, Indore"}


@dataclass(frozen=True)
class Backends:
    lokseva_url: str  # .../api/v1
    lokseva_client_key: str
    lokseva_officer_key: str
    open311_url: str  # .../open311/v2
    open311_extras_url: str  # .../api/v1
    open311_key: str
    open311_operator_key: str
    jurisdiction: str
    rasa_url: str
    rasa_token: str


def new_wa_id() -> str:
    return f"9197{random.randrange(10**8):08d}"


class World:
    def __init__(self, backends: Backends):
        self.b = backends
        self.http = requests.Session()

    # --- Lok Seva --------------------------------------------------------------
    def _lokseva(self, method: str, path: str, officer: bool = False, **kwargs: Any) -> Any:
        key = self.b.lokseva_officer_key if officer else self.b.lokseva_client_key
        response = self.http.request(method, f"{self.b.lokseva_url}{path}", headers={"X-API-Key": key},
                                     timeout=TIMEOUT, **kwargs)
        response.raise_for_status()
        return response.json()

    def _answers(self, service: str) -> Dict[str, Any]:
        detail = self._lokseva("GET", f"/services/{service}")
        answers = {}
        for spec in detail["fields"]:
            if spec["type"] == "choice":
                answers[spec["name"]] = spec["choices"][0]["value"]
            elif spec["type"] == "number":
                answers[spec["name"]] = str(max(spec.get("min") or 0, 1))
            elif spec.get("pattern"):
                answers[spec["name"]] = "45/2"  # a khasra number, as such fields ask
            else:
                answers[spec["name"]] = EXAMPLE_VALUES.get(spec["type"], "उदाहरण")
        return answers

    def give_application(self, wa_id: str, item: Dict[str, Any]) -> str:
        service = item.get("service", "income_certificate")
        body = {"service": service,
                "applicant": {"name": item.get("name", "सुनीता भूरिया"), "mobile": wa_id[2:], "wa_id": wa_id,
                              "address": "ग्राम कालीदेवी, तहसील झाबुआ", "pincode": "457661"},
                "answers": self._answers(service)}
        number = self._lokseva("POST", "/applications", json=body)["application_id"]
        self.move_application(number, item.get("status", "submitted"), item.get("note"))
        return number

    def move_application(self, number: str, status: str, note: Optional[str]) -> None:
        current = self._lokseva("GET", f"/applications/{number}")["status"]
        steps = APPLICATION_STEPS[status]
        done = APPLICATION_STEPS.get(current, [])
        for action in steps[len(done):] if steps[:len(done)] == done else steps:
            body: Dict[str, Any] = {"action": action}
            if action == "request_documents":
                body["note"] = note or "आय का स्व-घोषणा पत्र"
            if action == "reject":
                body["reason"] = note or "दस्तावेज़ अधूरे हैं"
            elif note:
                body["note"] = note
            self._lokseva("POST", f"/applications/{number}/actions", officer=True, json=body)

    def applications(self, wa_id: str) -> List[Dict[str, Any]]:
        listed = self._lokseva("GET", "/applications", params={"wa_id": wa_id, "page_size": 100})["items"]
        return [self._lokseva("GET", f"/applications/{item['application_id']}") for item in listed]

    # --- 311 -----------------------------------------------------------------------
    def _extras(self, method: str, path: str, operator: bool = False, **kwargs: Any) -> Any:
        key = self.b.open311_operator_key if operator else self.b.open311_key
        response = self.http.request(method, f"{self.b.open311_extras_url}{path}", headers={"X-API-Key": key},
                                     timeout=TIMEOUT, **kwargs)
        response.raise_for_status()
        return response.json()

    def give_complaint(self, wa_id: str, item: Dict[str, Any]) -> str:
        place = {**DEFAULT_PLACE, **(item.get("location") or {})}
        data = {"api_key": self.b.open311_key, "jurisdiction_id": self.b.jurisdiction,
                "service_code": item.get("category", "garbage"), "lat": place["latitude"], "long": place["longitude"],
                "address_string": place.get("address"), "description": item.get("description", "शिकायत"),
                "phone": f"+{wa_id}"}
        response = self.http.post(f"{self.b.open311_url}/requests.json", data=data, timeout=TIMEOUT)
        response.raise_for_status()
        number = response.json()[0]["service_request_id"]
        if item.get("status", "submitted") != "submitted":
            self.move_complaint(number, item["status"], item.get("note"))
        return number

    def move_complaint(self, number: str, status: str, note: Optional[str]) -> None:
        if status == "resolved":
            self._extras("POST", f"/requests/{number}/resolve", operator=True, json={"note": note})
        else:
            self._extras("POST", f"/requests/{number}/status", operator=True, json={"status": status, "note": note})

    def complaint(self, number: str) -> Dict[str, Any]:
        return self._extras("GET", f"/requests/{number}", operator=True)

    def complaints(self, wa_id: str) -> List[Dict[str, Any]]:
        return self._extras("GET", "/requests", params={"phone": f"+{wa_id}"})

    # --- officers -------------------------------------------------------------------
    def officer(self, number: str, status: str, note: Optional[str]) -> None:
        """Moves an item on and tells its citizens, as the officers' dashboard does."""
        if number.startswith("LS-"):
            self.move_application(number, status, note)
            citizens = [self._lokseva("GET", f"/applications/{number}")["applicant"]["wa_id"]]
            kind = "application"
        else:
            self.move_complaint(number, status, note)
            contact = self.complaint(number).get("contact") or {}
            citizens = [phone.lstrip("+") for phone in [contact.get("phone"), *(contact.get("supporter_phones") or [])]
                        if phone]
            kind = "complaint"
        for wa_id in citizens:
            response = self.http.post(
                f"{self.b.rasa_url}/conversations/{wa_id}/trigger_intent",
                params={"output_channel": "whatsapp"}, headers=auth_headers("conversation-tests", self.b.rasa_token),
                json={"name": "EXTERNAL_status_changed",
                      "entities": {"record_kind": kind, "record_id": number, "new_status": status}},
                timeout=TIMEOUT)
            response.raise_for_status()
