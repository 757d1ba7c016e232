"""Files citizens send: Graph media download, checks, file store.

Flow: the webhook names a media id -> GET /{version}/{media-id} (bearer
token) gives a short-lived url, mime type and size -> GET url (bearer
token) gives the bytes. Types and sizes allowed are in data/media_rules.yml;
a file is refused before downloading when its declared type or size is not
allowed, and after downloading when it is larger than announced or its
content is not what its type claims. Network and Graph failures are retried
with backoff before the file is reported as `download_failed`.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from jan_seva.whatsapp.data_files import load_data
from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.graph_client import GraphClient, GraphError, MediaTooLarge
from jan_seva.whatsapp.retry import RetryPolicy, retrying

logger = logging.getLogger(__name__)

TOO_LARGE, UNSUPPORTED_TYPE, DOWNLOAD_FAILED = "too_large", "unsupported_type", "download_failed"

# What the first bytes of each allowed type look like: a renamed .exe is not a PDF.
_CONTENT_CHECKS: Dict[str, Callable[[bytes], bool]] = {
    "image/jpeg": lambda data: data.startswith(b"\xff\xd8\xff"),
    "image/png": lambda data: data.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/webp": lambda data: data[:4] == b"RIFF" and data[8:12] == b"WEBP",
    "application/pdf": lambda data: data.startswith(b"%PDF-"),
}


@dataclass(frozen=True)
class MediaRule:
    mime_type: str
    extension: str
    max_bytes: int


def media_rules() -> Dict[str, MediaRule]:
    return {
        mime: MediaRule(mime, rule["extension"], int(rule["max_bytes"]))
        for mime, rule in load_data("media_rules")["allowed"].items()
    }


@dataclass(frozen=True)
class MediaOutcome:
    """A stored file (`file_id` set) or the reason it was refused."""

    file_id: Optional[str] = None
    reason: Optional[str] = None
    details: Dict[str, Any] = field(default_factory=dict)  # for the message metadata


class MediaRejected(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def _base_type(mime_type: Any) -> str:
    return str(mime_type or "").split(";")[0].strip().lower()


class MediaDownloader:
    def __init__(self, client: GraphClient, store: FileStore, policy: RetryPolicy = RetryPolicy(attempts=3)) -> None:
        self._client = client
        self._store = store
        self._policy = policy
        self._rules = media_rules()

    def _rule(self, mime_type: str) -> MediaRule:
        rule = self._rules.get(mime_type)
        if rule is None:
            raise MediaRejected(UNSUPPORTED_TYPE, mime_type or "no type")
        return rule

    async def _download(self, media_id: str, declared_type: str) -> Tuple[bytes, MediaRule]:
        info = await self._client.media_info(media_id)
        rule = self._rule(_base_type(info.get("mime_type")) or declared_type)
        announced = int(info.get("file_size") or 0)
        if announced > rule.max_bytes:
            raise MediaRejected(TOO_LARGE, f"{announced} bytes announced")
        if not info.get("url"):
            raise GraphError(None, None, "media information without a url")
        try:
            data = await self._client.download(info["url"], rule.max_bytes)
        except MediaTooLarge as error:
            raise MediaRejected(TOO_LARGE, str(error)) from error
        if not _CONTENT_CHECKS[rule.mime_type](data):
            raise MediaRejected(UNSUPPORTED_TYPE, f"content is not {rule.mime_type}")
        return data, rule

    async def fetch(self, media_type: str, media: Mapping[str, Any]) -> MediaOutcome:
        described = {key: media[key] for key in ("caption", "filename") if media.get(key)}
        declared_type = _base_type(media.get("mime_type"))
        try:
            self._rule(declared_type)
            data, rule = await retrying(
                lambda: self._download(str(media["id"]), declared_type),
                is_retryable=lambda error: isinstance(error, GraphError),
                policy=self._policy,
                what=f"download of WhatsApp {media_type} {media.get('id')}",
            )
        except MediaRejected as rejection:
            logger.info("WhatsApp %s refused: %s", media_type, rejection)
            return MediaOutcome(reason=rejection.reason, details={**described, "mime_type": declared_type})
        except (GraphError, KeyError) as error:
            logger.error("WhatsApp %s could not be downloaded: %s", media_type, error)
            return MediaOutcome(reason=DOWNLOAD_FAILED, details={**described, "mime_type": declared_type})
        stored = await asyncio.to_thread(self._store.save, data, rule.extension)
        details = {
            **described,
            "file_id": stored.file_id,
            "path": str(stored.path),
            "mime_type": rule.mime_type,
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        return MediaOutcome(file_id=stored.file_id, details=details)
