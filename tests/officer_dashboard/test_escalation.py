"""SLA escalation passes against real Lok Seva and 311 APIs of their own (their databases are
known, so the tests can make work overdue by moving its deadline into the past)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Dict, Iterator

import pytest
import requests
from dashboard_helpers import CITIZEN_WA_ID, OPEN311_CLIENT_KEY, act
from sqlalchemy import create_engine, text

from officer_dashboard.escalation import Escalator, run_once
from officer_dashboard.settings import Settings
from tests.lokseva_api.lokseva_helpers import CLIENT
from tests.servers import free_port, running

OPERATOR = {"X-API-Key": "dev-operator-key"}
COMPLAINANT_WA_ID = "919827012345"


@pytest.fixture(scope="module")
def backends(tmp_path_factory) -> Iterator[Dict[str, str]]:
    """Overrides the shared backends: these tests write to the backends' databases."""
    tmp = tmp_path_factory.mktemp("escalation")
    lokseva_port, open311_port = free_port(), free_port()
    dbs = {"lokseva_db": f"sqlite:///{tmp / 'lokseva.db'}", "open311_db": f"sqlite:///{tmp / 'open311.db'}"}
    lokseva, open311 = f"http://127.0.0.1:{lokseva_port}", f"http://127.0.0.1:{open311_port}"
    with running(["lokseva_api"], {"LOKSEVA_PORT": str(lokseva_port), "LOKSEVA_DB_URL": dbs["lokseva_db"],
                                   "FILE_STORE_DIR": str(tmp / "files")}, f"{lokseva}/api/v1/health", tmp / "lokseva.log"), \
            running(["open311_api"], {"OPEN311_PORT": str(open311_port), "OPEN311_DB_URL": dbs["open311_db"],
                                      "OPEN311_API_KEYS": OPEN311_CLIENT_KEY, "OPEN311_BOT_API_KEYS": OPEN311_CLIENT_KEY},
                     f"{open311}/health", tmp / "open311.log"):
        yield {"lokseva": lokseva, "open311": open311, **dbs}


@pytest.fixture
def escalator(settings: Settings) -> Escalator:
    return Escalator.from_settings(settings)  # the same dashboard database as `app`


def _update(db_url: str, statement: str, **values) -> None:
    engine = create_engine(db_url, future=True)
    with engine.begin() as connection:
        assert connection.execute(text(statement), values).rowcount == 1
    engine.dispose()


def make_complaint_overdue(backends, request_id: str) -> None:
    an_hour_ago = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(hours=1)
    _update(backends["open311_db"], "UPDATE open311_requests SET expected_at = :at WHERE service_request_id = :id",
            at=an_hour_ago.strftime("%Y-%m-%d %H:%M:%S.%f"), id=request_id)


def make_application_overdue(backends, number: str) -> None:
    two_days_ago = (date.today() - timedelta(days=2)).isoformat()  # past in India whatever the local zone
    _update(backends["lokseva_db"], "UPDATE lokseva_applications SET due_date = :day WHERE application_number = :n",
            day=two_days_ago, n=number)


def complaint(backends, request_id: str) -> dict:
    return requests.get(f"{backends['open311']}/api/v1/requests/{request_id}", headers=OPERATOR, timeout=10).json()


def test_an_overdue_complaint_climbs_one_level_per_sla_period_up_to_the_top(backends, file_complaint, escalator,
                                                                            rasa, app, login):
    request_id = file_complaint("garbage")  # Vijay Nagar: the ward daroga (level 1), then CSI, then the head
    assert complaint(backends, request_id)["extended_attributes"]["officer"]["level"] == 1
    assert request_id not in run_once(escalator).complaints  # within its SLA

    make_complaint_overdue(backends, request_id)
    assert run_once(escalator).complaints == [request_id]
    after = complaint(backends, request_id)
    assert after["extended_attributes"]["officer"]["code"] == "swm_csi_east"
    assert rasa.requests == [(f"/conversations/{COMPLAINANT_WA_ID}/trigger_intent?output_channel=whatsapp",
                              {"name": "EXTERNAL_status_changed", "entities": {
                                  "record_kind": "complaint", "record_id": request_id, "new_status": "escalated"}})]
    entry = app.state.dashboard.audit.entries(kind="complaint", item_id=request_id)[0]
    assert (entry.username, entry.action, entry.outcome, entry.item_department) == ("sla", "escalate", "ok", "swm")
    assert entry.note.startswith("Open past its SLA")
    assert f'<td>sla</td>\n      <td><a href="/complaints/{request_id}">' in login("urban_head").get("/audit").text

    assert run_once(escalator).complaints == []  # escalated just now: the new level gets its SLA period
    sla = timedelta(hours=after["extended_attributes"]["sla_hours"])
    later = datetime.now(timezone.utc) + sla + timedelta(minutes=5)
    assert run_once(escalator, now=later).complaints == [request_id]
    assert complaint(backends, request_id)["extended_attributes"]["officer"]["code"] == "swm_head"
    assert run_once(escalator, now=later + 3 * sla).complaints == []  # the top of the ladder
    assert len(rasa.requests) == 2
    assert len(app.state.dashboard.audit.entries(kind="complaint", item_id=request_id)) == 2


def test_a_resolved_complaint_is_not_escalated(backends, file_complaint, escalator):
    request_id = file_complaint("garbage")
    requests.post(f"{backends['open311']}/api/v1/requests/{request_id}/resolve", json={}, headers=OPERATOR,
                  timeout=10).raise_for_status()
    make_complaint_overdue(backends, request_id)
    assert request_id not in run_once(escalator).complaints
    assert complaint(backends, request_id)["extended_attributes"]["officer"]["level"] == 1


def test_an_application_past_its_due_date_goes_to_the_appellate_officer_once(backends, submit_application,
                                                                              escalator, rasa, app, login):
    number, rejected = submit_application(), submit_application()
    officer = login("revenue_officer")
    act(officer, f"/applications/{rejected}", "reject", note="Income proof missing")
    rasa.requests.clear()
    assert run_once(escalator).applications == []

    make_application_overdue(backends, number)
    make_application_overdue(backends, rejected)
    assert "Overdue applications" in officer.get("/").text
    assert run_once(escalator).applications == [number]
    application = requests.get(f"{backends['lokseva']}/api/v1/applications/{number}", headers=CLIENT, timeout=10).json()
    assert application["escalated_at"] and application["history"][-1]["action"] == "escalate_to_appellate"
    assert application["history"][-1]["officer"] == "sdm_revenue"
    assert rasa.requests == [(f"/conversations/{CITIZEN_WA_ID}/trigger_intent?output_channel=whatsapp",
                              {"name": "EXTERNAL_status_changed", "entities": {
                                  "record_kind": "application", "record_id": number, "new_status": "escalated"}})]
    entry = app.state.dashboard.audit.entries(kind="application", item_id=number)[0]
    assert (entry.username, entry.action) == ("sla", "escalate")
    assert entry.note.startswith(f"Past its due date {application['due_date']} undecided")

    assert run_once(escalator).applications == []  # only once
    page = officer.get(f"/applications/{number}").text
    assert "Sent to the first appellate officer" in page and "escalate_to_appellate" not in page  # the step's label


def test_an_unreachable_backend_skips_only_its_part_of_the_pass(backends, submit_application, settings):
    number = submit_application()
    make_application_overdue(backends, number)
    cut_off = Settings.from_env({"LOKSEVA_API_URL": backends["lokseva"], "RASA_URL": settings.rasa_url,
                                 "OPEN311_OPERATOR_URL": f"http://127.0.0.1:{free_port()}/api/v1",
                                 "DASHBOARD_DB_URL": settings.db_url})
    result = run_once(Escalator.from_settings(cut_off))
    assert result.complaints == [] and result.applications == [number]
