"""A small Graph API server on loopback that behaves like Meta's for the calls
the channel makes: bearer-token checks, /messages with WhatsApp's length
limits, read receipts, media information, media download and upload, and
Meta's error shape `{"error": {"message", "type", "code", "error_data", "fbtrace_id"}}`.

Tests script failures: `fail_next(...)` for the next /messages calls,
`close_window(recipient)` / `open_window(recipient)` for the 24-hour window (error 131047),
`download_failures[media_id]` for media downloads answering 500.
"""
from __future__ import annotations

import itertools
import uuid
from collections import deque
from dataclasses import dataclass
from typing import Any, Deque, Dict, List, Optional, Set, Tuple

from aiohttp import web

VERSION = "v20.0"
PHONE_NUMBER_ID = "100000000000077"
ACCESS_TOKEN = "test-access-token"


def graph_error(status: int, code: int, message: str, details: str = "") -> web.Response:
    body = {"error": {"message": f"(#{code}) {message}", "type": "OAuthException", "code": code,
                      "error_data": {"messaging_product": "whatsapp", "details": details},
                      "fbtrace_id": "AbCdEfGhIjKlMnOp"}}
    return web.json_response(body, status=status)


@dataclass
class StoredMedia:
    data: bytes
    mime_type: str
    announced_size: int


def _limit_errors(body: Dict[str, Any]) -> List[str]:
    """WhatsApp's documented limits on the messages the channel sends."""
    problems = []
    kind = body.get("type")
    if kind == "text" and not 0 < len(body["text"]["body"]) <= 4096:
        problems.append("text body length")
    if kind == "interactive":
        interactive = body["interactive"]
        if len(interactive.get("body", {}).get("text", "")) > 1024:
            problems.append("interactive body length")
        action = interactive.get("action", {})
        buttons = action.get("buttons", [])
        if len(buttons) > 3 or any(len(b["reply"]["title"]) > 20 or len(b["reply"]["id"]) > 256 for b in buttons):
            problems.append("reply buttons")
        rows = [row for section in action.get("sections", []) for row in section["rows"]]
        if len(rows) > 10 or any(len(r["title"]) > 24 or len(r.get("description", "")) > 72 for r in rows):
            problems.append("list rows")
        if interactive.get("type") == "list" and not 0 < len(action.get("button", "")) <= 20:
            problems.append("list button")
    return problems


class GraphApiStub:
    def __init__(self) -> None:
        self.messages: List[Dict[str, Any]] = []  # accepted /messages bodies, read receipts and notices excluded
        self.notices: List[Dict[str, Any]] = []  # the channel's own notices (privacy, Aadhaar advice), kept apart
        self.message_ids: List[str] = []  # the ids given to them, in the same order
        self.read_receipts: List[str] = []
        self.uploads: List[Dict[str, Any]] = []
        self.media: Dict[str, StoredMedia] = {}
        self.download_failures: Dict[str, int] = {}
        self.media_info_calls = 0
        self.message_attempts = 0
        self._failures: Deque[Tuple[int, int, str]] = deque()
        self._closed_windows: Set[str] = set()
        self._ids = itertools.count(1)
        self._run = uuid.uuid4().hex[:8]  # message ids unique across runs: the PostgreSQL state persists
        self._runner: Optional[web.AppRunner] = None
        self.url = ""

    # -- scripting -------------------------------------------------------
    def fail_next(self, times: int, status: int, code: int, message: str = "scripted failure") -> None:
        self._failures.extend([(status, code, message)] * times)

    def close_window(self, recipient: str) -> None:
        self._closed_windows.add(recipient)

    def open_window(self, recipient: str) -> None:
        self._closed_windows.discard(recipient)

    def add_media(self, media_id: str, data: bytes, mime_type: str, announced_size: Optional[int] = None) -> None:
        self.media[media_id] = StoredMedia(data, mime_type, len(data) if announced_size is None else announced_size)

    # -- server ----------------------------------------------------------
    async def start(self) -> "GraphApiStub":
        app = web.Application()
        app.router.add_get("/download/{media_id}", self._download)
        app.router.add_post(f"/{VERSION}/{{phone}}/messages", self._send)
        app.router.add_post(f"/{VERSION}/{{phone}}/media", self._upload)
        app.router.add_get(f"/{VERSION}/{{media_id}}", self._media_info)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    # -- handlers --------------------------------------------------------
    @staticmethod
    def _unauthorized(request: web.Request) -> Optional[web.Response]:
        if request.headers.get("Authorization") != f"Bearer {ACCESS_TOKEN}":
            return graph_error(401, 190, "Invalid OAuth access token - Cannot parse access token")
        return None

    async def _send(self, request: web.Request) -> web.Response:
        refused = self._unauthorized(request)
        if refused:
            return refused
        if request.match_info["phone"] != PHONE_NUMBER_ID:
            return graph_error(400, 100, "Unsupported post request")
        body = await request.json()
        if body.get("status") == "read":
            self.read_receipts.append(body["message_id"])
            return web.json_response({"success": True})
        self.message_attempts += 1
        recipient = body.get("to") or body.get("recipient")
        if body.get("messaging_product") != "whatsapp" or not recipient or body.get("type") not in body:
            return graph_error(400, 100, "Invalid parameter")
        problems = _limit_errors(body)
        if problems:
            return graph_error(400, 131009, "Parameter value is not valid", ", ".join(problems))
        if self._failures:
            status, code, message = self._failures.popleft()
            return graph_error(status, code, message)
        if recipient in self._closed_windows and body["type"] != "template":
            return graph_error(400, 131047, "Re-engagement message", "more than 24 hours have passed")
        message_id = f"wamid.stub{self._run}.{next(self._ids)}"
        if str(body.get("biz_opaque_callback_data") or "").startswith("notice."):
            self.notices.append(body)
        else:
            self.messages.append(body)
            self.message_ids.append(message_id)
        return web.json_response({"messaging_product": "whatsapp",
                                  "contacts": [{"input": recipient, "wa_id": recipient}],
                                  "messages": [{"id": message_id}]})

    async def _media_info(self, request: web.Request) -> web.Response:
        refused = self._unauthorized(request)
        if refused:
            return refused
        self.media_info_calls += 1
        media_id = request.match_info["media_id"]
        stored = self.media.get(media_id)
        if stored is None:
            return graph_error(400, 100, f"Unsupported get request. Object with ID '{media_id}' does not exist")
        return web.json_response({"messaging_product": "whatsapp", "url": f"{self.url}/download/{media_id}",
                                  "mime_type": stored.mime_type, "sha256": "not-checked",
                                  "file_size": stored.announced_size, "id": media_id})

    async def _download(self, request: web.Request) -> web.Response:
        refused = self._unauthorized(request)
        if refused:
            return refused
        media_id = request.match_info["media_id"]
        if self.download_failures.get(media_id, 0) > 0:
            self.download_failures[media_id] -= 1
            return web.Response(status=500, text="Internal Server Error")
        stored = self.media[media_id]
        return web.Response(body=stored.data, content_type=stored.mime_type)

    async def _upload(self, request: web.Request) -> web.Response:
        refused = self._unauthorized(request)
        if refused:
            return refused
        form = await request.post()
        upload = form.get("file")
        if form.get("messaging_product") != "whatsapp" or upload is None or not form.get("type"):
            return graph_error(400, 100, "Invalid parameter")
        media_id = f"stubmedia{next(self._ids)}"
        self.uploads.append({"id": media_id, "filename": upload.filename, "type": form["type"],
                             "data": upload.file.read()})
        return web.json_response({"id": media_id})
