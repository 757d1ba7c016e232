"""Handoff actions against a real officers' dashboard process on loopback and a real outbox."""
import asyncio
from datetime import datetime, timedelta

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionRequestHuman, within_office_hours
from actions.handoff_relay import ActionCloseHandoff, ActionLeaveHandoff, ActionRelayToOfficer, ActionTellOfficerReply
from actions.submissions.notifier import RasaNotifier
from actions.submissions.outbox import DONE, PENDING, SubmissionOutbox
from actions.submissions.worker import run_once
from common.clock import INDIA, utc_now_naive
from officer_dashboard.db import open_dashboard_db
from officer_dashboard.handoffs import Handoffs
from tests.servers import RecordingServer, free_port, running

WA_ID = "919876543210"
PROFILE = {"whatsapp": {"profile_name": "सुनीता", "type": "text"}}


@pytest.fixture
def outbox_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'actions.db'}"
    monkeypatch.setenv("ACTIONS_DB_URL", url)
    return url


@pytest.fixture
def dashboard_address(monkeypatch):
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("DASHBOARD_URL", url)
    return url


@pytest.fixture
def dashboard(dashboard_address, tmp_path):
    """The dashboard process; yields its handoffs (read from its database)."""
    db_url = f"sqlite:///{tmp_path / 'dashboard.db'}"
    env = {"DASHBOARD_PORT": dashboard_address.rsplit(":", 1)[1], "DASHBOARD_DB_URL": db_url}
    with running(["officer_dashboard"], env, f"{dashboard_address}/health", tmp_path / "dashboard.log"):
        yield Handoffs(open_dashboard_db(db_url))


def citizen(text="", intent="human_handoff", slots=None, events=(), entities=(), loop=None):
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": list(entities),
              "metadata": PROFILE}
    return Tracker(WA_ID, {"language": "hi", **(slots or {})}, latest, list(events), False, None,
                   {"name": loop} if loop else {}, "action_listen")


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def test_a_request_reaches_the_inbox_and_opens_the_handoff(outbox_url, dashboard):
    messages, events = run(ActionRequestHuman(), citizen("adhikari se baat karao", slots={"language": "en"}))
    assert messages[0]["response"] in {"utter_handoff_recorded", "utter_handoff_recorded_after_hours"}
    slots = {event["name"]: event["value"] for event in events}
    assert slots["handoff_active"] is True
    requested = datetime.fromisoformat(slots["handoff_requested_at"])
    assert requested.utcoffset() == requested.astimezone(INDIA).utcoffset()  # told in India time
    [handoff] = dashboard.open_ones()
    assert (handoff.wa_id, handoff.name, handoff.language) == (WA_ID, "सुनीता", "en")
    assert SubmissionOutbox(outbox_url).due(utc_now_naive() + timedelta(hours=1)) == []  # nothing left to retry


def test_a_request_in_progress_is_left_for_the_officer(outbox_url, dashboard):
    _, events = run(ActionRequestHuman(), citizen("officer", slots={"task": {"kind": "application", "values": {}}}))
    assert {"event": "slot", "timestamp": None, "name": "task", "value": None} in events


def test_a_request_made_while_the_dashboard_is_down_is_delivered_by_the_worker(outbox_url, dashboard_address,
                                                                                tmp_path):
    messages, events = run(ActionRequestHuman(), citizen("kisi insaan se baat karni hai"))
    assert messages and events  # the citizen is told and the bot steps back all the same
    outbox = SubmissionOutbox(outbox_url)
    later = utc_now_naive() + timedelta(minutes=2)
    [kept] = outbox.due(later)
    assert kept.kind == "handoff" and kept.status == PENDING and kept.payload["sender_id"] == WA_ID

    rasa = RecordingServer()
    db_url = f"sqlite:///{tmp_path / 'dashboard.db'}"
    env = {"DASHBOARD_PORT": dashboard_address.rsplit(":", 1)[1], "DASHBOARD_DB_URL": db_url}
    try:
        with running(["officer_dashboard"], env, f"{dashboard_address}/health", tmp_path / "dashboard.log"):
            run_once(outbox, RasaNotifier(rasa.url), now=later)
            run_once(outbox, RasaNotifier(rasa.url), now=later)  # a second round changes nothing
            [handoff] = Handoffs(open_dashboard_db(db_url)).open_ones()
    finally:
        rasa.close()
    assert handoff.wa_id == WA_ID and outbox.get(kept.idempotency_key).status == DONE
    assert [body["name"] for _, body in rasa.requests] == ["EXTERNAL_handoff_submitted"]


def test_relayed_messages_mark_the_handoff_waiting_and_each_is_acknowledged(outbox_url, dashboard):
    run(ActionRequestHuman(), citizen("officer"))
    dashboard.answered(dashboard.open_ones()[0].id, "urban_officer")
    messages, events = run(ActionRelayToOfficer(), citizen("meri pension nahi aayi", "apply_service",
                                                           slots={"handoff_active": True}))
    assert [m["response"] for m in messages] == ["utter_handoff_message_passed"] and events == []
    assert dashboard.open_ones()[0].waiting_since is not None
    notice = {"event": "bot", "text": "✉️ …", "metadata": {"utter_action": "utter_handoff_message_passed"}}
    messages, _ = run(ActionRelayToOfficer(), citizen("/share_media", "share_media", events=[notice],
                                                      slots={"handoff_active": True}))
    assert [m["response"] for m in messages] == ["utter_handoff_message_passed"]  # none seems lost


def test_relaying_works_while_the_dashboard_is_down(outbox_url, dashboard_address):
    messages, _ = run(ActionRelayToOfficer(), citizen("hello?", "greet", slots={"handoff_active": True}))
    assert [m["response"] for m in messages] == ["utter_handoff_message_passed"]


@pytest.mark.parametrize("language, prefix", [("hi", "👤 अधिकारी का संदेश:"), ("en", "👤 Message from the officer:")])
def test_the_officers_reply_reaches_the_citizen_marked_as_an_officers(language, prefix):
    tracker = citizen(intent="EXTERNAL_handoff_reply", slots={"language": language, "handoff_active": True},
                      entities=[{"entity": "officer_message", "value": "Your file is with the tehsildar."}])
    [message], events = run(ActionTellOfficerReply(), tracker)
    assert message["text"] == f"{prefix}\nYour file is with the tehsildar." and events == []


def test_closing_gives_the_bot_back_with_the_menu_once():
    tracker = citizen(intent="EXTERNAL_handoff_closed",
                      slots={"handoff_active": True, "handoff_requested_at": "2026-11-20T11:00:00+05:30"})
    messages, events = run(ActionCloseHandoff(), tracker)
    assert [m["response"] for m in messages] == ["utter_handoff_closed", "utter_main_menu"]
    assert {e["name"]: e["value"] for e in events} == {"handoff_active": False, "handoff_requested_at": None}
    assert run(ActionCloseHandoff(), citizen(intent="EXTERNAL_handoff_closed")) == ([], [])


def test_the_citizen_goes_back_to_the_bot_and_the_inbox_closes_the_handoff(outbox_url, dashboard):
    run(ActionRequestHuman(), citizen("officer"))
    messages, events = run(ActionLeaveHandoff(), citizen("/leave_handoff", "leave_handoff",
                                                         slots={"handoff_active": True}))
    assert [m["response"] for m in messages] == ["utter_handoff_left", "utter_main_menu"]
    assert {e["name"]: e["value"] for e in events} == {"handoff_active": False, "handoff_requested_at": None}
    assert dashboard.open_ones() == []


def test_an_old_back_button_just_shows_the_menu_and_leaving_works_with_the_dashboard_down(outbox_url,
                                                                                          dashboard_address):
    assert [m["response"] for m in run(ActionLeaveHandoff(), citizen("/leave_handoff", "leave_handoff"))[0]] == [
        "utter_main_menu"]
    messages, events = run(ActionLeaveHandoff(), citizen("/leave_handoff", "leave_handoff",
                                                         slots={"handoff_active": True}))
    assert messages[0]["response"] == "utter_handoff_left" and events


@pytest.mark.parametrize("moment,open_", [
    (datetime(2026, 11, 23, 10, 0, tzinfo=INDIA), True),   # Monday morning
    (datetime(2026, 11, 28, 17, 59, tzinfo=INDIA), True),  # Saturday evening
    (datetime(2026, 11, 22, 12, 0, tzinfo=INDIA), False),  # Sunday
    (datetime(2026, 11, 23, 21, 0, tzinfo=INDIA), False),  # Monday night
])
def test_office_hours(moment, open_):
    assert within_office_hours(moment) is open_
