"""Media files (uploaded by the bot or attached on the chat page) kept in a folder.

Each file is stored under its media id, with a JSON sidecar describing it, so
the channel can still download it after the emulator restarts.
"""
from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, Optional

from .data_files import load
from .graph_errors import GraphError


@dataclass(frozen=True)
class Media:
    id: str
    kind: str
    mime_type: str
    sha256: str  # hex digest, as the media URL endpoint reports it
    file_size: int
    filename: str = ""

    @property
    def sha256_base64(self) -> str:
        """Inbound webhooks carry the digest base64-encoded."""
        return base64.b64encode(bytes.fromhex(self.sha256)).decode("ascii")


def base_mime(mime_type: str) -> str:
    return mime_type.split(";")[0].strip().lower()


def kind_of(mime_type: str) -> str:
    for kind, rules in load("media_types").items():
        if base_mime(mime_type) in rules["mime_types"]:
            return kind
    supported = sorted(t for rules in load("media_types").values() for t in rules["mime_types"])
    raise GraphError(100, f"Param file must be a file with one of the following types: {', '.join(supported)}. "
                          f"Received file of type '{mime_type}'.")


def check(content: bytes, mime_type: str, kind: Optional[str] = None) -> str:
    """The media kind of a file, or the Graph error Meta gives for it."""
    found = kind_of(mime_type)
    if kind is not None and found != kind:
        raise GraphError(131053, f"Media type '{mime_type}' cannot be sent as {kind}.")
    limit = load("media_types")[found]["max_bytes"]
    if len(content) > limit:
        raise GraphError(131053, f"{found} file is {len(content)} bytes; the limit for {found} is {limit} bytes.")
    if not content:
        raise GraphError(131053, "The uploaded file is empty.")
    return found


class MediaStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self._index: Dict[str, Media] = {}
        self._lock = threading.Lock()

    def save(self, content: bytes, mime_type: str, filename: str = "", kind: Optional[str] = None) -> Media:
        media = Media(
            id=str(secrets.randbelow(9 * 10**15) + 10**15),
            kind=check(content, mime_type, kind),
            mime_type=mime_type,
            sha256=hashlib.sha256(content).hexdigest(),
            file_size=len(content),
            filename=filename,
        )
        self._file(media.id).write_bytes(content)
        self._sidecar(media.id).write_text(json.dumps(asdict(media)), encoding="utf-8")
        with self._lock:
            self._index[media.id] = media
        return media

    def get(self, media_id: str) -> Optional[Media]:
        with self._lock:
            media = self._index.get(media_id)
        if media is None and media_id.isdigit() and self._sidecar(media_id).exists():
            media = Media(**json.loads(self._sidecar(media_id).read_text(encoding="utf-8")))
            with self._lock:
                self._index[media_id] = media
        return media

    def read(self, media: Media) -> bytes:
        return self._file(media.id).read_bytes()

    def _file(self, media_id: str) -> Path:
        return self.directory / f"{media_id}.bin"

    def _sidecar(self, media_id: str) -> Path:
        return self.directory / f"{media_id}.json"
