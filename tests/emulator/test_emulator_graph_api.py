"""The Graph API endpoints over real HTTP: token, paths, success and error shapes,
the 24-hour window, read receipts, status webhooks and injected faults."""
from __future__ import annotations

import pytest
from emulator_harness import (
    CITIZEN,
    GRAPH_VERSION,
    PHONE_NUMBER_ID,
    EmulatorClient,
    WebhookReceiver,
    assert_graph_error,
    text_to,
    update_template_to,
)


def test_missing_or_wrong_token_is_401_with_code_190(emulator: EmulatorClient, open_window: dict) -> None:
    for token in (None, "wrong-token"):
        error = assert_graph_error(emulator.send_message(text_to("hi"), token=token), 401, 190)
        assert "access token" in error["message"]
    assert_graph_error(emulator.graph("GET", f"/{GRAPH_VERSION}/123", token=None), 401, 190)


def test_token_may_also_come_as_query_parameter(emulator: EmulatorClient, open_window: dict) -> None:
    response = emulator.http.post(f"/{GRAPH_VERSION}/{PHONE_NUMBER_ID}/messages",
                                  params={"access_token": "test-access-token"}, json=text_to("hi"))
    assert response.status_code == 200, response.text


def test_success_shape_like_meta(emulator: EmulatorClient, open_window: dict) -> None:
    response = emulator.send_message({**text_to("नमस्ते, आपका आवेदन स्वीकृत है"), "to": "+" + CITIZEN})
    assert response.status_code == 200
    body = response.json()
    assert body["messaging_product"] == "whatsapp"
    assert body["contacts"] == [{"input": "+" + CITIZEN, "wa_id": CITIZEN}]
    assert body["messages"][0]["id"].startswith("wamid.")


def test_any_graph_version_is_accepted_but_not_garbage(emulator: EmulatorClient, open_window: dict) -> None:
    for version in ("v17.0", "v22.0"):
        assert emulator.graph("POST", f"/{version}/{PHONE_NUMBER_ID}/messages", json=text_to("x")).status_code == 200
    response = emulator.graph("POST", f"/latest/{PHONE_NUMBER_ID}/messages", json=text_to("x"))
    assert_graph_error(response, 400, 100)


def test_unknown_phone_number_id_is_unsupported_post_request(emulator: EmulatorClient) -> None:
    response = emulator.graph("POST", f"/{GRAPH_VERSION}/999/messages", json=text_to("x"))
    error = assert_graph_error(response, 400, 100)
    assert error["error_subcode"] == 33
    assert "Unsupported post request" in error["message"]


def test_invalid_message_is_400_with_details(emulator: EmulatorClient, open_window: dict) -> None:
    error = assert_graph_error(emulator.send_message(text_to("x" * 4097)), 400, 100)
    assert error["error_data"] == {"messaging_product": "whatsapp",
                                   "details": "Param text['body'] must be at most 4096 characters long."}
    response = emulator.send_message({**text_to("x"), "type": "hologram"})
    assert_graph_error(response, 400, 100)
    response = emulator.graph("POST", f"/{GRAPH_VERSION}/{PHONE_NUMBER_ID}/messages", content=b"{not json")
    assert_graph_error(response, 400, 100)


def test_closed_window_refuses_free_form_but_allows_templates(emulator: EmulatorClient,
                                                                receiver: WebhookReceiver) -> None:
    error = assert_graph_error(emulator.send_message(text_to("hello")), 400, 131047)
    assert error["message"] == "(#131047) Re-engagement message"
    accepted = emulator.send_message(update_template_to("आपका आवेदन स्वीकृत हुआ"))
    assert accepted.status_code == 200
    assert accepted.json()["messages"][0]["message_status"] == "accepted"


def test_citizen_message_opens_and_control_api_closes_the_window(emulator: EmulatorClient,
                                                                  open_window: dict) -> None:
    assert emulator.send_message(text_to("reply")).status_code == 200
    closed = emulator.http.post(f"/emulator/users/{CITIZEN}/window", json={"open": False})
    assert closed.json() == {"wa_id": CITIZEN, "window_open": False}
    assert_graph_error(emulator.send_message(text_to("too late")), 400, 131047)
    emulator.citizen_sends({"type": "text", "text": "फिर से नमस्ते"})
    assert emulator.send_message(text_to("welcome back")).status_code == 200


def test_statuses_sent_delivered_read_are_signed_webhooks(emulator: EmulatorClient, receiver: WebhookReceiver,
                                                          open_window: dict) -> None:
    message_id = emulator.send_message(text_to("आपकी शिकायत दर्ज हो गई")).json()["messages"][0]["id"]
    receiver.wait_for(lambda d: any(s["id"] == message_id and s["status"] == "read"
                                    for s in d.value.get("statuses", [])))
    statuses = receiver.statuses(message_id)
    assert [s["status"] for s in statuses] == ["sent", "delivered", "read"]
    sent = statuses[0]
    assert sent["recipient_id"] == CITIZEN
    assert sent["conversation"]["origin"]["type"] == "service"
    assert sent["pricing"] == {"billable": True, "pricing_model": "CBP", "category": "service"}
    for delivery in receiver.deliveries:
        assert delivery.signature_valid()
        assert delivery.payload["object"] == "whatsapp_business_account"
        assert delivery.value["metadata"]["phone_number_id"] == PHONE_NUMBER_ID
    entry = [m for m in emulator.conversation()["messages"] if m["id"] == message_id][0]
    assert entry["status"] == "read"
    assert entry["message"]["text"]["body"] == "आपकी शिकायत दर्ज हो गई"


def test_mark_as_read_marks_the_citizen_message(emulator: EmulatorClient, open_window: dict) -> None:
    response = emulator.send_message({"messaging_product": "whatsapp", "status": "read",
                                      "message_id": open_window["id"]})
    assert response.status_code == 200 and response.json() == {"success": True}
    entry = [m for m in emulator.conversation()["messages"] if m["id"] == open_window["id"]][0]
    assert entry["status"] == "read"
    unknown = emulator.send_message({"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.nope"})
    assert_graph_error(unknown, 400, 100)


def test_injected_errors_answer_the_next_sends(emulator: EmulatorClient, open_window: dict) -> None:
    emulator.inject(code=130429, count=2)
    assert_graph_error(emulator.send_message(text_to("1")), 400, 130429)
    assert_graph_error(emulator.send_message(text_to("2")), 400, 130429)
    assert emulator.send_message(text_to("3")).status_code == 200

    emulator.inject(code=131056, http_status=429, details="pair limit")
    error = assert_graph_error(emulator.send_message(text_to("4")), 429, 131056)
    assert error["error_data"]["details"] == "pair limit"

    emulator.inject(code=131000)
    assert_graph_error(emulator.send_message(text_to("5")), 500, 131000)


def test_injected_fault_for_one_user_spares_others(emulator: EmulatorClient, open_window: dict) -> None:
    other = "919000000001"
    emulator.citizen_sends({"type": "text", "text": "hi"}, wa_id=other)
    emulator.inject(code=131026, wa_id=other)
    assert emulator.send_message(text_to("for the first citizen")).status_code == 200
    assert_graph_error(emulator.send_message(text_to("for the other", wa_id=other)), 400, 131026)
    assert emulator.http.get("/emulator/faults").json() == {"pending": []}


def test_injected_failed_status_is_reported_by_webhook(emulator: EmulatorClient, receiver: WebhookReceiver,
                                                       open_window: dict) -> None:
    emulator.inject(code=131026, kind="failed")
    response = emulator.send_message(text_to("undeliverable"))
    assert response.status_code == 200
    message_id = response.json()["messages"][0]["id"]
    delivery = receiver.wait_for(lambda d: any(s["id"] == message_id for s in d.value.get("statuses", [])))
    status = delivery.value["statuses"][0]
    assert status["status"] == "failed"
    assert status["errors"] == [{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable",
                                 "error_data": {"details": status["errors"][0]["error_data"]["details"]}}]
    assert delivery.signature_valid()
    entry = [m for m in emulator.conversation()["messages"] if m["id"] == message_id][0]
    assert entry["status"] == "failed" and entry["errors"][0]["code"] == 131026


@pytest.mark.parametrize("fault", [{"count": 1}, {"code": 1, "kind": "explode"}, {"code": 131026, "wa_id": 12345},
                                   {"code": 131026, "wa_id": "12345"}, {"code": 131026, "wa_id": "+919876543210"}])
def test_bad_fault_requests_are_refused(emulator: EmulatorClient, fault: dict) -> None:
    assert emulator.http.post("/emulator/faults", json=fault).status_code == 400
    assert emulator.http.get("/emulator/faults").json() == {"pending": []}


def test_a_failed_fault_waits_for_a_send_that_is_accepted(emulator: EmulatorClient, receiver: WebhookReceiver) -> None:
    emulator.inject(code=131026, kind="failed", wa_id=CITIZEN)
    assert_graph_error(emulator.send_message(text_to("window closed")), 400, 131047)
    assert [fault["remaining"] for fault in emulator.http.get("/emulator/faults").json()["pending"]] == [1]
    emulator.citizen_sends({"type": "text", "text": "नमस्ते"})
    message_id = emulator.send_message(text_to("now")).json()["messages"][0]["id"]
    emulator.wait_for_status(message_id, "failed")
    assert emulator.http.get("/emulator/faults").json() == {"pending": []}


def test_faults_apply_in_the_order_they_were_injected(emulator: EmulatorClient, open_window: dict) -> None:
    emulator.inject(code=131026, kind="failed")
    emulator.inject(code=131000)
    first = emulator.send_message(text_to("1"))
    assert first.status_code == 200
    emulator.wait_for_status(first.json()["messages"][0]["id"], "failed")
    assert_graph_error(emulator.send_message(text_to("2")), 500, 131000)


@pytest.mark.parametrize("template, code, http_status", [
    (update_template_to("x", language="fr"), 132001, 404),
    ({**update_template_to("x"), "template": {"name": "status_update", "language": {"code": "hi"}}}, 132001, 404),
    ({**update_template_to("x"), "template": {"name": "jan_seva_update", "language": {"code": "en"}}}, 132000, 400),
])
def test_only_approved_templates_with_their_parameters_are_sent(emulator: EmulatorClient, template: dict, code: int,
                                                                http_status: int) -> None:
    assert_graph_error(emulator.send_message(template), http_status, code)
    assert emulator.send_message(update_template_to("There is a new update for you.", language="en")).status_code == 200


def test_a_body_with_nan_is_no_json(emulator: EmulatorClient, open_window: dict) -> None:
    body = b'{"messaging_product": "whatsapp", "to": "919876543210", "type": "location", "location": ' \
           b'{"latitude": NaN, "longitude": 75.8}}'
    response = emulator.graph("POST", f"/{GRAPH_VERSION}/{PHONE_NUMBER_ID}/messages", content=body)
    assert_graph_error(response, 400, 100)
    assert emulator.conversation()["messages"]


def test_media_message_needs_known_media_of_its_kind(emulator: EmulatorClient, open_window: dict) -> None:
    unknown = emulator.send_message({"messaging_product": "whatsapp", "to": CITIZEN, "type": "document",
                                     "document": {"id": "4242424242424242", "filename": "x.pdf"}})
    assert_graph_error(unknown, 400, 131009)
    pdf_id = emulator.upload(b"%PDF-1.4 certificate", "application/pdf", "c.pdf").json()["id"]
    as_image = emulator.send_message({"messaging_product": "whatsapp", "to": CITIZEN, "type": "image",
                                      "image": {"id": pdf_id}})
    assert_graph_error(as_image, 400, 131009)
    as_document = emulator.send_message({"messaging_product": "whatsapp", "to": CITIZEN, "type": "document",
                                         "document": {"id": pdf_id, "filename": "प्रमाण पत्र.pdf",
                                                      "caption": "आपका प्रमाण पत्र"}})
    assert as_document.status_code == 200, as_document.text
