"""Test harness for the WhatsApp emulator: a real webhook receiver on loopback and an
HTTP client of the emulator's Graph and control APIs."""
from __future__ import annotations

import hashlib
import hmac
import json
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import parse_qs, urlparse

import httpx

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-access-token"
APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
PHONE_NUMBER_ID = "123456789012345"
GRAPH_VERSION = "v21.0"
CITIZEN = "919876543210"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Delivery:
    headers: Dict[str, str]
    body: bytes

    @property
    def payload(self) -> Dict[str, Any]:
        return json.loads(self.body)

    @property
    def value(self) -> Dict[str, Any]:
        return self.payload["entry"][0]["changes"][0]["value"]

    def signature_valid(self, secret: str = APP_SECRET) -> bool:
        expected = "sha256=" + hmac.new(secret.encode(), self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(self.headers.get("x-hub-signature-256", ""), expected)


class WebhookReceiver:
    """A tiny real HTTP server standing in for Rasa's webhook: records every POST."""

    def __init__(self) -> None:
        self.deliveries: List[Delivery] = []
        self.attempts = 0
        self.statuses_to_answer: List[int] = []  # answered in order, then 200
        self.verify_token = VERIFY_TOKEN  # what the handshake accepts
        self._changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver._changed:
                    receiver.attempts += 1
                    status = receiver.statuses_to_answer.pop(0) if receiver.statuses_to_answer else 200
                    if status == 200:
                        headers = {key.lower(): value for key, value in self.headers.items()}
                        receiver.deliveries.append(Delivery(headers, body))
                    receiver._changed.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def do_GET(self) -> None:  # noqa: N802 -- the subscription handshake, as the channel answers it
                query = parse_qs(urlparse(self.path).query)
                accepted = (query.get("hub.verify_token") == [receiver.verify_token]
                            and query.get("hub.mode") == ["subscribe"])
                answer = query["hub.challenge"][0].encode() if accepted else b"forbidden"
                self.send_response(200 if accepted else 403)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/webhooks/whatsapp/webhook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def clear(self) -> None:
        with self._changed:
            self.deliveries.clear()
            self.statuses_to_answer.clear()
            self.attempts = 0
            self.verify_token = VERIFY_TOKEN

    def wait_for(self, matches: Callable[[Delivery], bool], timeout: float = 15.0) -> Delivery:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [delivery for delivery in self.deliveries if matches(delivery)]
                if found:
                    return found[0]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no matching webhook within {timeout}s; got {len(self.deliveries)}")
                self._changed.wait(remaining)

    def message(self, message_type: Optional[str] = None, timeout: float = 15.0) -> Delivery:
        """The first delivered inbound-message webhook (of a type)."""
        return self.wait_for(lambda d: any(
            message_type in (None, m["type"]) for m in d.value.get("messages", [])), timeout)

    def statuses(self, message_id: str) -> List[Dict[str, Any]]:
        with self._changed:
            return [status for delivery in self.deliveries for status in delivery.value.get("statuses", [])
                    if status["id"] == message_id]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class EmulatorClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.Client(base_url=base_url, timeout=10.0)

    def graph(self, method: str, path: str, token: Optional[str] = TOKEN, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.http.request(method, path, headers=headers, **kwargs)

    def send_message(self, body: Dict[str, Any], token: Optional[str] = TOKEN) -> httpx.Response:
        return self.graph("POST", f"/{GRAPH_VERSION}/{PHONE_NUMBER_ID}/messages", token, json=body)

    def citizen_sends(self, body: Dict[str, Any], wa_id: str = CITIZEN) -> Dict[str, Any]:
        response = self.http.post(f"/emulator/users/{wa_id}/send", json=body)
        assert response.status_code == 200, response.text
        return response.json()

    def conversation(self, wa_id: str = CITIZEN, since: int = 0, wait: float = 0) -> Dict[str, Any]:
        response = self.http.get(f"/emulator/users/{wa_id}/messages", params={"since": since, "wait": wait})
        assert response.status_code == 200, response.text
        return response.json()

    def wait_for_status(self, message_id: str, status: str, wa_id: str = CITIZEN,
                        timeout: float = 15.0) -> Dict[str, Any]:
        """Long-polls the conversation until the message has this status; returns its entry."""
        deadline = time.monotonic() + timeout
        since = 0
        while time.monotonic() < deadline:
            page = self.conversation(wa_id, since=since, wait=max(0.0, deadline - time.monotonic()))
            since = page["seq"]
            for entry in page["messages"]:
                if entry["id"] == message_id and entry["status"] == status:
                    return entry
        raise AssertionError(f"message never reached status {status!r} within {timeout}s")

    def inject(self, **fault: Any) -> None:
        assert self.http.post("/emulator/faults", json=fault).status_code == 200

    def upload(self, content: bytes, mime_type: str, filename: str = "file") -> httpx.Response:
        return self.graph("POST", f"/{GRAPH_VERSION}/{PHONE_NUMBER_ID}/media",
                          data={"messaging_product": "whatsapp", "type": mime_type},
                          files={"file": (filename, content, mime_type)})

    def download(self, media_id: str) -> bytes:
        """The channel's media flow: GET /{media_id} for the URL, then GET the URL with the token."""
        info = self.graph("GET", f"/{GRAPH_VERSION}/{media_id}")
        assert info.status_code == 200, info.text
        content = self.graph("GET", info.json()["url"])
        assert content.status_code == 200, content.text
        return content.content


def assert_graph_error(response: httpx.Response, http_status: int, code: int) -> Dict[str, Any]:
    """The Graph error body of a response, checked against Meta's shape."""
    assert response.status_code == http_status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["type"] == "OAuthException"
    assert error["fbtrace_id"]
    return error


def text_to(body: str, wa_id: str = CITIZEN) -> Dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": wa_id, "type": "text", "text": {"body": body}}


def update_template_to(text: str, wa_id: str = CITIZEN, language: str = "hi") -> Dict[str, Any]:
    """The channel's approved template (one body variable), as it sends it outside the 24-hour window."""
    return {"messaging_product": "whatsapp", "to": wa_id, "type": "template", "template": {
        "name": "jan_seva_update", "language": {"code": language},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": text}]}]}}


def wait_until_listening(url: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the emulator exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/emulator/config", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the emulator did not start listening")


