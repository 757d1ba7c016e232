"""A Graph API sink for the benchmark: accepts the bot's messages as Meta would and notes when each arrived.

Only what the bot calls during a benchmark is answered: sending a message
(and read receipts, which are not counted as replies).
"""
from __future__ import annotations

import itertools
import time
from collections import defaultdict
from typing import Dict, List, Optional

from aiohttp import web


class GraphSink:
    def __init__(self) -> None:
        self.arrivals: Dict[str, List[float]] = defaultdict(list)  # recipient -> monotonic times of replies
        self._ids = itertools.count(1)
        self._runner: Optional[web.AppRunner] = None
        self.url = ""

    async def start(self) -> "GraphSink":
        app = web.Application()
        app.router.add_post("/{version}/{phone}/messages", self._message)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _message(self, request: web.Request) -> web.Response:
        body = await request.json()
        if body.get("status") == "read":
            return web.json_response({"success": True})
        self.arrivals[str(body.get("to"))].append(time.monotonic())
        return web.json_response({"messaging_product": "whatsapp", "contacts": [{"wa_id": body.get("to")}],
                                  "messages": [{"id": f"wamid.bench.{next(self._ids)}"}]})

    def first_reply_after(self, recipient: str, sent_at: float) -> Optional[float]:
        return next((at for at in self.arrivals.get(recipient, []) if at >= sent_at), None)
