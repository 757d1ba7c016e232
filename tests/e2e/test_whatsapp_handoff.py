"""Human handoff end to end: a citizen on the WhatsApp emulator asks for a person, an
officer answers from the dashboard's inbox, and the bot keeps out until the officer closes."""
from __future__ import annotations

import re

import pytest
import requests

from common.rasa_api import auth_headers
from officer_dashboard.masking import masked_phone
from tests.e2e.conftest import DASHBOARD_URL, RASA_TOKEN
from tests.e2e.test_whatsapp_conversation import WhatsAppCitizen
from whatsapp_emulator.client import options_of, text_of

DEV_PASSWORD = "dev-password"  # officer_dashboard/users.yml's development default
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Officer:
    """An officer in the dashboard, through its pages and forms (CSRF token included)."""

    def __init__(self, username: str):
        self.http = requests.Session()
        token = CSRF.search(self.page("/login")).group(1)
        form = {"username": username, "password": DEV_PASSWORD, "csrf_token": token}
        # Not followed: the overview behind it needs the Lok Seva and 311 APIs, which this system lacks.
        response = self.http.post(f"{DASHBOARD_URL}/login", data=form, allow_redirects=False, timeout=30)
        assert response.status_code == 303, response.text[:500]

    def page(self, path: str) -> str:
        response = self.http.get(f"{DASHBOARD_URL}{path}", timeout=30)
        assert response.status_code == 200, response.text[:500]
        return response.text

    def post(self, page: str, path: str, **form: str) -> str:
        token = CSRF.search(self.page(page)).group(1)
        response = self.http.post(f"{DASHBOARD_URL}{path}", data={**form, "csrf_token": token}, timeout=60)
        assert response.status_code == 200, response.text[:500]  # after the redirect to the page
        return response.text

    def handoff_of(self, wa_id: str) -> str:
        """The inbox page of the citizen's open handoff: the newest with their masked number (another
        test's citizen may share its first and last digits)."""
        inbox = self.page("/inbox")
        found = re.findall(r'href="/inbox/(\d+)">' + re.escape(masked_phone(wa_id)), inbox)
        assert found, f"{masked_phone(wa_id)} is not in the inbox"
        return f"/inbox/{max(map(int, found))}"


def words(replies: list) -> str:
    return " ".join(map(text_of, replies))


@pytest.fixture
def citizen(rasa_server):
    return WhatsAppCitizen()


def test_an_officer_talks_to_the_citizen_from_the_inbox_and_gives_the_bot_back(citizen, rasa_server):
    asked = citizen.says(type="text", text="किसी अधिकारी से बात कराइए", profile_name="सुनीता")
    assert "अधिकारी" in words(asked)
    assert any(option["id"] == "/leave_handoff" for reply in asked for option in options_of(reply))

    officer = Officer("urban_officer")
    handoff = officer.handoff_of(citizen.wa_id)
    conversation = officer.page(f"{handoff}/conversation")
    assert "किसी अधिकारी से बात कराइए" in conversation

    passed = citizen.says(type="text", text="मेरी पेंशन तीन महीने से नहीं आई")
    assert "अधिकारी तक पहुँचा" in words(passed)  # relayed, not answered by the bot's own flows
    assert "मेरी पेंशन तीन महीने से नहीं आई" in officer.page(f"{handoff}/conversation")

    officer.post(handoff, f"{handoff}/reply", text="आपकी पेंशन फ़ाइल देख रहा हूँ, कल तक बताऊँगा।")
    reply = citizen.replies()
    assert "👤 अधिकारी का संदेश:\nआपकी पेंशन फ़ाइल देख रहा हूँ, कल तक बताऊँगा।" in words(reply)

    officer.post(handoff, f"{handoff}/close")
    back = citizen.replies()
    assert "जन सेवा सहायक फिर से" in words(back) and any(options_of(reply) for reply in back)
    assert f'href="{handoff}"' not in officer.page("/inbox")  # closed: off the list
    assert "नमस्ते" in words(citizen.says(type="text", text="नमस्ते"))  # the bot answers again


def test_the_citizen_can_go_back_to_the_assistant_without_waiting_for_an_officer(citizen):
    citizen.says(type="text", text="talk to a person please")
    officer = Officer("admin")
    handoff = officer.handoff_of(citizen.wa_id)
    back = citizen.says(type="button_reply", id="/leave_handoff", title="🤖 Back to assistant")
    assert "back with Jan Seva Sahayak" in words(back)
    assert "Namaste" in words(citizen.says(type="text", text="hello"))
    assert f'href="{handoff}"' not in officer.page("/inbox")


def test_rasa_s_http_api_needs_a_jwt_signed_with_its_token(rasa_server, citizen):
    citizen.says(type="text", text="hello")
    tracker = f"{rasa_server}/conversations/{citizen.wa_id}/tracker"
    assert requests.get(tracker, timeout=30).status_code == 401
    assert requests.get(tracker, params={"token": RASA_TOKEN}, timeout=30).status_code == 401  # never in a URL
    assert requests.get(tracker, headers=auth_headers("e2e", "another-token"), timeout=30).status_code == 401
    signed = requests.get(tracker, headers=auth_headers("e2e", RASA_TOKEN), timeout=30)
    assert signed.json()["sender_id"] == citizen.wa_id
