"""HTTP calls to the Graph API (Meta's or the emulator), one attempt each.

Every failure becomes a `GraphError` carrying Meta's error code, classified
so that callers can decide: retry (rate limits, 5xx, network), re-send as a
template (131047, outside the 24-hour window) or give up (other 4xx).
Graph errors look like `{"error": {"message", "type", "code",
"error_data": {"details"}, "fbtrace_id"}}`.
"""
from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

import aiohttp

from jan_seva.whatsapp.settings import WhatsAppSettings

OUTSIDE_WINDOW = 131047  # "Re-engagement message": last user message older than 24 hours
RATE_LIMITS = frozenset({4, 80007, 130429, 131056})  # app, account, throughput, per-user pair
# "API Unknown", "API Service", "Something went wrong", "Service unavailable": Meta asks to retry later
TEMPORARY = frozenset({1, 2, 131000, 131016})
DEFAULT_TIMEOUT = aiohttp.ClientTimeout(total=30, connect=5, sock_read=20)


def is_transient(code: Optional[int]) -> bool:
    """Whether an error code (of a refused send or of a "failed" status) may pass on a later try."""
    return code in RATE_LIMITS or code in TEMPORARY


class GraphError(Exception):
    def __init__(self, status: Optional[int], code: Optional[int], message: str, details: str = "") -> None:
        super().__init__(f"HTTP {status or '-'} code {code or '-'}: {message}{' — ' + details if details else ''}")
        self.status = status
        self.code = code

    @property
    def retryable(self) -> bool:
        return self.status is None or self.status >= 500 or is_transient(self.code)

    @property
    def outside_window(self) -> bool:
        return self.code == OUTSIDE_WINDOW


class MediaTooLarge(Exception):
    pass


def graph_error(status: int, body: Any) -> GraphError:
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return GraphError(status, None, str(body)[:200] if body else "no error body")
    code = error.get("code")
    details = (error.get("error_data") or {}).get("details", "") if isinstance(error.get("error_data"), dict) else ""
    return GraphError(status, int(code) if str(code).isdigit() else None, str(error.get("message", "")), details)


def _decoded(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:  # e.g. a proxy's HTML error page
        return text


def addressed(recipient_id: str, content: Mapping[str, Any]) -> Dict[str, Any]:
    """A full /messages body. Phone numbers go in `to`; business-scoped user ids
    (BSUIDs such as `IN.1234…`, sent for users who hide their number) in `recipient`."""
    address_field = "to" if recipient_id.isdigit() else "recipient"
    return {"messaging_product": "whatsapp", "recipient_type": "individual", address_field: recipient_id, **content}


MEDIA_ID = re.compile(r"[A-Za-z0-9_-]{1,128}")


class GraphClient:
    def __init__(self, settings: WhatsAppSettings, timeout: aiohttp.ClientTimeout = DEFAULT_TIMEOUT) -> None:
        self._settings = settings
        self._timeout = timeout
        self._session: Optional[aiohttp.ClientSession] = None

    def _http(self) -> aiohttp.ClientSession:
        # created lazily: a session belongs to the event loop of the (forked) worker using it
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=self._timeout,
                headers={"Authorization": f"Bearer {self._settings.access_token}"},
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    def _url(self, path: str) -> str:
        return f"{self._settings.graph_base}/{path}"

    async def _json(self, method: str, url: str, **options: Any) -> Dict[str, Any]:
        try:
            async with self._http().request(method, url, **options) as response:
                body = _decoded(await response.text())
                if response.status >= 400:
                    raise graph_error(response.status, body)
                return body if isinstance(body, dict) else {}
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise GraphError(None, None, f"{type(error).__name__}: {error}") from error

    async def send(self, recipient_id: str, content: Mapping[str, Any]) -> Optional[str]:
        """Sends one message; returns its WhatsApp message id (wamid)."""
        url = self._url(f"{self._settings.phone_number_id}/messages")
        body = await self._json("POST", url, json=addressed(recipient_id, content))
        messages = body.get("messages") or [{}]
        return messages[0].get("id")

    async def mark_read(self, message_id: str) -> None:
        url = self._url(f"{self._settings.phone_number_id}/messages")
        receipt = {"messaging_product": "whatsapp", "status": "read", "message_id": message_id}
        await self._json("POST", url, json=receipt)

    async def media_info(self, media_id: str) -> Dict[str, Any]:
        """`{"url", "mime_type", "sha256", "file_size", "id"}`; the url is short-lived."""
        if not MEDIA_ID.fullmatch(media_id):  # an id is one path segment: "../" must not reach other Graph paths
            raise GraphError(None, None, "not a media id")
        return await self._json("GET", self._url(media_id))

    async def download(self, url: str, max_bytes: int) -> bytes:
        """The file at a media url (needs the bearer token), refused beyond `max_bytes`."""
        try:
            async with self._http().get(url) as response:
                if response.status >= 400:
                    raise GraphError(response.status, None, f"media download answered {response.status}")
                if (response.content_length or 0) > max_bytes:
                    raise MediaTooLarge(f"{response.content_length} bytes")
                data = bytearray()
                async for chunk in response.content.iter_chunked(64 * 1024):
                    data.extend(chunk)
                    if len(data) > max_bytes:
                        raise MediaTooLarge(f"more than {max_bytes} bytes")
                return bytes(data)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise GraphError(None, None, f"{type(error).__name__}: {error}") from error

    async def upload(self, path: Path, mime_type: str) -> str:
        """Uploads a file for sending; returns its media id."""
        data = await asyncio.to_thread(path.read_bytes)
        form = aiohttp.FormData()
        form.add_field("messaging_product", "whatsapp")
        form.add_field("type", mime_type)
        form.add_field("file", data, filename=path.name, content_type=mime_type)
        body = await self._json("POST", self._url(f"{self._settings.phone_number_id}/media"), data=form)
        if not body.get("id"):
            raise GraphError(200, None, "media upload answered without an id")
        return str(body["id"])
