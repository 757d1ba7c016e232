"""The chat page in a real headless Chromium (tests/browser.py: skipped on a developer
machine without it, failing in CI)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict

import pytest
from emulator_harness import EmulatorClient, WebhookReceiver

from tests.browser import browser  # noqa: F401 (the fixture)

CITIZEN = "919111111111"
NAME = "सुनीता देवी"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_citizen_uses_the_chat_page(browser, emulator: EmulatorClient, receiver: WebhookReceiver,
                                    tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def wait(condition: Callable[[Any], Any]) -> Any:
        return WebDriverWait(browser, 15).until(condition)

    def webhook_message(message_type: str) -> Dict[str, Any]:
        delivery = receiver.message(message_type)
        receiver.clear()
        assert delivery.signature_valid()
        assert delivery.value["contacts"] == [{"profile": {"name": NAME}, "wa_id": CITIZEN}]
        return delivery.value["messages"][0]

    def bot_sends(body: Dict[str, Any]) -> str:
        response = emulator.send_message({"messaging_product": "whatsapp", "to": CITIZEN, **body})
        assert response.status_code == 200, response.text
        return response.json()["messages"][0]["id"]

    browser.get(emulator.base_url + "/")
    number, name = browser.find_element(By.ID, "wa-id"), browser.find_element(By.ID, "profile-name")
    number.clear()
    number.send_keys(CITIZEN)
    name.clear()
    name.send_keys(NAME)
    browser.find_element(By.CSS_SELECTOR, "#identity button[type=submit]").click()

    # Typing a message -> a signed text webhook; the bubble shows Devanagari, marked lang="hi".
    text_input = browser.find_element(By.ID, "text-input")
    text_input.send_keys("नमस्ते, मुझे शिकायत दर्ज करनी है")
    browser.find_element(By.ID, "send-button").click()
    assert webhook_message("text")["text"] == {"body": "नमस्ते, मुझे शिकायत दर्ज करनी है"}
    bubble = wait(lambda d: d.find_element(By.CSS_SELECTOR, ".msg.in[data-status=delivered] .text"))
    assert bubble.text == "नमस्ते, मुझे शिकायत दर्ज करनी है"
    assert bubble.get_attribute("lang") == "hi"
    assert "Noto Sans Devanagari" in bubble.value_of_css_property("font-family")

    # Three reply buttons from the bot appear; tapping one sends its id with the context.
    offer = bot_sends({"type": "interactive", "interactive": {
        "type": "button", "body": {"text": "आप क्या करना चाहेंगे?"},
        "action": {"buttons": [{"type": "reply", "reply": {"id": button_id, "title": title}} for button_id, title in (
            ("lok_seva", "लोक सेवा"), ("complaint", "शिकायत दर्ज करें"), ("status", "स्थिति देखें"))]}}})
    buttons = wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".reply-button")) == 3
                   and d.find_elements(By.CSS_SELECTOR, ".reply-button"))
    assert [button.text for button in buttons] == ["लोक सेवा", "शिकायत दर्ज करें", "स्थिति देखें"]
    assert "आप क्या करना चाहेंगे?" in browser.find_element(By.ID, "messages").text
    buttons[1].click()
    reply = webhook_message("interactive")
    assert reply["interactive"] == {"type": "button_reply",
                                    "button_reply": {"id": "complaint", "title": "शिकायत दर्ज करें"}}
    assert reply["context"]["id"] == offer

    # A list: open it, tap a row.
    bot_sends({"type": "interactive", "interactive": {
        "type": "list", "body": {"text": "श्रेणी चुनें"}, "action": {"button": "श्रेणियाँ", "sections": [
            {"title": "सफाई", "rows": [{"id": "garbage", "title": "कचरा", "description": "कचरा नहीं उठाया गया"}]}]}}})
    wait(lambda d: d.find_element(By.CSS_SELECTOR, ".list-open-button")).click()
    wait(lambda d: d.find_element(By.CSS_SELECTOR, ".list-row[data-row-id=garbage]")).click()
    assert webhook_message("interactive")["interactive"]["list_reply"] == {
        "id": "garbage", "title": "कचरा", "description": "कचरा नहीं उठाया गया"}

    # A location request: share a preset place in Indore.
    bot_sends({"type": "interactive", "interactive": {
        "type": "location_request_message", "body": {"text": "कृपया स्थान भेजें"},
        "action": {"name": "send_location"}}})
    wait(lambda d: d.find_element(By.CSS_SELECTOR, ".location-request-button")).click()
    browser.find_element(By.CSS_SELECTOR, "#location-preset option[value='0']").click()
    browser.find_element(By.ID, "location-send").click()
    location = webhook_message("location")["location"]
    assert location["name"] == "Rajwada Palace" and location["latitude"] == pytest.approx(22.7186)

    # Attaching a PDF -> a document webhook whose media the bot can download.
    pdf = tmp_path / "aadhaar.pdf"
    pdf.write_bytes(PDF)
    browser.find_element(By.ID, "file-input").send_keys(str(pdf))
    document = webhook_message("document")["document"]
    assert document["filename"] == "aadhaar.pdf" and document["mime_type"] == "application/pdf"
    assert emulator.download(document["id"]) == PDF

    # A document from the bot is shown with a download link to its bytes.
    media_id = emulator.upload(PDF, "application/pdf", "certificate.pdf").json()["id"]
    bot_sends({"type": "document", "document": {"id": media_id, "filename": "प्रमाण पत्र.pdf"}})
    link = wait(lambda d: d.find_element(By.CSS_SELECTOR, ".msg.out .document-link"))
    assert link.text == "प्रमाण पत्र.pdf"
    assert emulator.http.get(link.get_attribute("href")).content == PDF
