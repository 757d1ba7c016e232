"""The 311 API slow or down: the complaint is kept in the outbox, the worker
sends it later and the citizen gets the number through trigger_intent; a
retry after a lost answer does not file the complaint twice."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from complaint_chat import TRACKING_NUMBER, at_confirmation

from actions.clients.errors import BackendRejected
from actions.complaints.backend import open311
from actions.complaints.delivery import submit_complaint
from actions.complaints.flow import ActionTellComplaintResult
from actions.complaints.operations import KIND, create_payload
from actions.submissions.notifier import RasaNotifier
from actions.submissions.outbox import DONE, FAILED, PENDING, shared_outbox
from actions.submissions.registry import SUBMITTERS
from actions.submissions.worker import notify_citizen, send_submission
from tests.actions.citizen_chat import Chat, keys, message, texts
from tests.servers import RecordingServer, free_port


@pytest.fixture
def rasa():
    server = RecordingServer()
    yield server
    server.close()


def point_at(monkeypatch, url: str) -> None:
    monkeypatch.setenv("OPEN311_API_URL", f"{url}/open311/v2")
    open311.cache_clear()


def test_a_complaint_made_while_the_api_is_down_is_sent_later(open311_server, settings_env, monkeypatch, spot,
                                                              operator, rasa):
    point_at(monkeypatch, f"http://127.0.0.1:{free_port()}")  # nothing listens there
    chat = Chat(sender="919800000031", language="hi")
    at_confirmation(chat, spot, "सड़क पर बड़ा गड्ढा है")
    key = chat.task["key"]
    answer = texts(chat.taps("affirm", do="submit"))
    assert answer and not TRACKING_NUMBER.search(answer) and chat.task is None

    outbox = shared_outbox()
    kept = outbox.get(key)
    assert (kept.kind, kept.status, kept.sender_id, kept.language) == (KIND, PENDING, "919800000031", "hi")
    assert kept.payload["description"] == "सड़क पर बड़ा गड्ढा है"

    point_at(monkeypatch, open311_server)  # the 311 API is back
    send_submission(outbox, outbox.get(key), SUBMITTERS)
    notify_citizen(outbox, outbox.get(key), RasaNotifier(rasa_url=rasa.url))

    settled = outbox.get(key)
    number = settled.result["complaint_id"]
    assert settled.status == DONE and settled.payload is None and not settled.notify_pending
    assert operator.complaint(number)["description"] == "सड़क पर बड़ा गड्ढा है"
    path, body = rasa.requests[0]
    assert path == "/conversations/919800000031/trigger_intent?output_channel=whatsapp"
    assert body["name"] == "EXTERNAL_complaint_submitted" and body["entities"] == settled.result

    # Rasa runs the rule for the intent: the citizen gets the number in their language.
    told = chat.run(ActionTellComplaintResult(), message("EXTERNAL: EXTERNAL_complaint_submitted",
                                                         "EXTERNAL_complaint_submitted", **body["entities"]))
    assert number in texts(told) and keys(told)[0] == "complaints.texts.registered"
    assert chat.slots["my_complaint_ids"] == [number]


def test_a_refused_kept_complaint_is_reported(open311_server, settings_env, monkeypatch, spot, rasa):
    point_at(monkeypatch, open311_server)
    outbox = shared_outbox()
    payload_ = create_payload("no_such_service", {"lat": spot[0], "long": spot[1]}, "x" * 10, [], "919800000032",
                              "en", datetime.now(timezone.utc))
    outbox.add(KIND, "919800000032", "en", payload_, "refused-1")
    send_submission(outbox, outbox.get("refused-1"), SUBMITTERS)
    notify_citizen(outbox, outbox.get("refused-1"), RasaNotifier(rasa_url=rasa.url))
    assert outbox.get("refused-1").status == FAILED
    name, entities = rasa.requests[0][1]["name"], rasa.requests[0][1]["entities"]
    assert name == "EXTERNAL_complaint_failed"

    told = Chat(sender="919800000032", language="en").run(
        ActionTellComplaintResult(), message("EXTERNAL: EXTERNAL_complaint_failed", name, **entities))
    assert len(told) == 1 and not TRACKING_NUMBER.search(texts(told))


@pytest.mark.parametrize("extras", ["on", "off"])
def test_a_retry_after_a_lost_answer_finds_the_complaint_instead_of_posting_again(api, spot, operator,
                                                                                   monkeypatch, extras):
    if extras == "off":  # plain GeoReport: found by requests.json search instead of by phone
        monkeypatch.setenv("OPEN311_EXTRAS_URL", "off")
        open311.cache_clear()
    draft = create_payload("streetlight", {"lat": spot[0], "long": spot[1], "address": "Sarafa"},
                           f"light off near shop ({extras})", [], "919800000033", "en", datetime.now(timezone.utc))
    first = submit_complaint(draft, "lost-answer")  # its answer "never arrived"
    before = operator.count()

    again = submit_complaint(draft, "lost-answer")
    assert again["complaint_id"] == first["complaint_id"] and operator.count() == before

    other = dict(draft, description="another light off")
    assert submit_complaint(other, "other")["complaint_id"] != first["complaint_id"]


def test_the_worker_does_not_retry_what_the_311_system_cannot_do(api, monkeypatch):
    monkeypatch.setenv("OPEN311_EXTRAS_URL", "off")
    open311.cache_clear()
    with pytest.raises(BackendRejected):
        submit_complaint({"operation": "reopen", "service_request_id": "CMP-2026-000001",
                          "phone": "919800000034", "locale": "en"}, "reopen-1")
