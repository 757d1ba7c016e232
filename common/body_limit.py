"""A cap on request bodies for the HTTP APIs (ASGI middleware).

The body is counted as the application reads it, so a request refused
before its body is read (no API key) costs nothing, and one announcing or
sending more than the cap gets 413 from inside the application: each API's
own error handler words it in its own error format."""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, MutableMapping

from starlette.exceptions import HTTPException

Scope = MutableMapping[str, Any]
Message = Dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOO_LARGE = 413


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = dict(scope.get("headers") or []).get(b"content-length", b"")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if announced.isdigit() and int(announced) > self.max_bytes:
                raise HTTPException(TOO_LARGE, f"the request body is larger than {self.max_bytes} bytes")
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:  # a chunked body, or one longer than it announced
                raise HTTPException(TOO_LARGE, f"the request body is larger than {self.max_bytes} bytes")
            return message

        await self.app(scope, limited_receive, send)
