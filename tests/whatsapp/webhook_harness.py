"""The channel inside a real Sanic server on loopback, registered the way
Rasa registers input channels; only Rasa's agent (the edge where messages
enter the dialogue engine) is replaced by a recorder that can reply."""
from __future__ import annotations

import json
import socket
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple, Union

import aiohttp
from rasa.core.channels.channel import UserMessage, register
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from sanic import Sanic

from jan_seva.whatsapp.connector import WhatsAppInput
from jan_seva.whatsapp.signature import signature_for

Reply = Callable[[UserMessage], Awaitable[None]]
AUTO = "auto"


class RecordingAgent:
    """Stands in for rasa.core.agent.Agent.handle_message."""

    def __init__(self, reply: Optional[Reply] = None) -> None:
        self.received: List[UserMessage] = []
        self.reply = reply
        self.tracker_store = InMemoryTrackerStore(Domain.empty())  # what an erasure empties

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        if self.reply:
            await self.reply(message)


class WebhookServer:
    def __init__(self, channel: WhatsAppInput, agent: RecordingAgent) -> None:
        self.channel = channel
        self.agent = agent
        self.url = ""
        self._server: Any = None

    async def start(self) -> "WebhookServer":
        # Sanic's own test switch: several apps in one process (sanic-testing sets it too)
        Sanic.test_mode = True
        app = Sanic(f"whatsapp_test_{uuid.uuid4().hex}", configure_logging=False)
        app.ctx.agent = self.agent
        register([self.channel], app, route="/webhooks/")
        listening = socket.socket()
        listening.bind(("127.0.0.1", 0))  # a free port (Sanic reads port=0 as "the default 8000")
        port = listening.getsockname()[1]
        self._server = await app.create_server(sock=listening, return_asyncio_server=True, access_log=False)
        await self._server.startup()
        await self._server.after_start()
        self.url = f"http://127.0.0.1:{port}/webhooks/whatsapp"
        return self

    async def stop(self) -> None:
        await self._server.before_stop()
        self._server.close()
        await self._server.wait_closed()
        await self._server.after_stop()

    async def post(self, payload: Union[Dict[str, Any], bytes], signature: Optional[str] = AUTO) -> Tuple[int, str]:
        body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if signature == AUTO:
            signature = signature_for(body, self.channel.settings.app_secret)
        if signature is not None:
            headers["X-Hub-Signature-256"] = signature
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{self.url}/webhook", data=body, headers=headers) as response:
                return response.status, await response.text()

    async def deliver(self, payload: Dict[str, Any]) -> None:
        """A signed delivery, acknowledged, then handled to the end."""
        status, _ = await self.post(payload)
        assert status == 200
        await self.channel.finish_deliveries()

    async def get(self, path: str, params: Dict[str, str]) -> Tuple[int, str, str]:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{self.url}{path}", params=params) as response:
                return response.status, await response.text(), response.content_type
