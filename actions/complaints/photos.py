"""Photos attached to complaints get a URL, because Open311 takes `media_url`.

The 311 API accepts no uploads. So a photo the citizen sent on WhatsApp (kept
by the channel in its file store, FILE_STORE_DIR) is copied into
COMPLAINT_PHOTO_DIR under a new random name, and the complaint carries
`<COMPLAINT_PHOTO_BASE_URL>/<name>`, served read-only by
`python -m actions.complaints.photo_server`. Only photos attached to a
complaint are copied there: documents sent for Lok Seva (ID scans) never
become reachable by URL. The photo is found by its file id in the channel's
store, never by a path from the message, so a crafted message cannot publish
another file of the server.
"""
from __future__ import annotations

import os
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.settings import DEFAULT_FILE_STORE_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PHOTO_EXTENSIONS = (".jpg", ".png", ".webp")
PUBLISHED_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")
URL_PATH = "/complaint-photos"


class PhotoUnavailable(Exception):
    """No such file in the channel's store (wrong id, or another machine's store)."""


class NotAPhoto(Exception):
    pass


@dataclass(frozen=True)
class PhotoSettings:
    file_store_dir: Path
    photo_dir: Path
    base_url: str

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> "PhotoSettings":
        env = os.environ if environ is None else environ
        return cls(
            file_store_dir=Path(env.get("FILE_STORE_DIR") or DEFAULT_FILE_STORE_DIR),
            photo_dir=Path(env.get("COMPLAINT_PHOTO_DIR") or PROJECT_ROOT / "var" / "complaint_photos"),
            base_url=(env.get("COMPLAINT_PHOTO_BASE_URL") or f"http://127.0.0.1:8004{URL_PATH}").rstrip("/"),
        )


def publish_photo(file_id: str, settings: Optional[PhotoSettings] = None) -> str:
    """The public URL of a copy of the citizen's photo `file_id`."""
    settings = settings or PhotoSettings.from_env()
    source = FileStore(settings.file_store_dir).path_of(file_id)
    if source is None or not source.is_file():
        raise PhotoUnavailable(file_id)
    extension = source.suffix.lower()
    if extension not in PHOTO_EXTENSIONS:
        raise NotAPhoto(file_id)
    settings.photo_dir.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{extension}"
    partial = settings.photo_dir / f"{name}.part"
    shutil.copyfile(source, partial)
    os.replace(partial, settings.photo_dir / name)  # the server never sees half a file
    return f"{settings.base_url}/{name}"
