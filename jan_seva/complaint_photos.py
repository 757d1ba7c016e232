"""Photos attached to complaints get a URL, because Open311 takes `media_url`.

The 311 API accepts no uploads. So a photo the citizen sent on WhatsApp (kept
by the channel in its file store, FILE_STORE_DIR), or the after-photo an
officer uploads in the dashboard, is written into COMPLAINT_PHOTO_DIR under a
new random name, and the complaint carries `<COMPLAINT_PHOTO_BASE_URL>/<name>`,
served read-only by `python -m actions.complaints.photo_server`. Only photos
attached to a complaint are copied there, drawn afresh without their metadata
(EXIF GPS positions, camera, time): documents sent for Lok Seva (ID
scans) never become reachable by URL. A citizen's photo is found by its file id
in the channel's store, never by a path from the message, so a crafted message
cannot publish another file of the server.
"""
from __future__ import annotations

import io
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Optional

from PIL import Image, ImageOps

from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.settings import DEFAULT_FILE_STORE_DIR

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PHOTO_EXTENSIONS = (".jpg", ".png", ".webp")
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # WhatsApp's own limit for images is 5 MB; phone cameras make more
# How each kind of photo begins (the extension is chosen from the content, never from a name).
_SIGNATURES = ((b"\xff\xd8\xff", ".jpg"), (b"\x89PNG\r\n\x1a\n", ".png"))
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


def _published(settings: PhotoSettings, extension: str, write: Callable[[Path], None]) -> str:
    settings.photo_dir.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{extension}"
    partial = settings.photo_dir / f"{name}.part"
    write(partial)
    os.replace(partial, settings.photo_dir / name)  # the server never sees half a file
    return f"{settings.base_url}/{name}"


def publish_photo(file_id: str, settings: Optional[PhotoSettings] = None) -> str:
    """The public URL of a copy of the citizen's photo `file_id`, without its metadata."""
    settings = settings or PhotoSettings.from_env()
    source = FileStore(settings.file_store_dir).path_of(file_id)
    if source is None or not source.is_file():
        raise PhotoUnavailable(file_id)
    extension = source.suffix.lower()
    if extension not in PHOTO_EXTENSIONS:
        raise NotAPhoto(file_id)
    clean = without_metadata(source.read_bytes(), extension)
    return _published(settings, extension, lambda target: target.write_bytes(clean))


_FORMATS = {".jpg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
JPEG_QUALITY = 90


def without_metadata(data: bytes, extension: str) -> bytes:
    """The picture alone, drawn afresh: published photos must not carry the GPS position of the citizen's
    home, the phone's make or the time it was taken (EXIF, XMP, text chunks). NotAPhoto if it does not decode."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            upright = ImageOps.exif_transpose(image)  # the orientation tag goes: turn the pixels instead
            out = io.BytesIO()
            options = {"quality": JPEG_QUALITY} if extension == ".jpg" else {}
            upright.save(out, format=_FORMATS[extension], **options)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:  # Pillow's ways to fail
        raise NotAPhoto(str(error)) from error
    return out.getvalue()


def photo_extension(data: bytes) -> Optional[str]:
    """.jpg, .png or .webp by what the bytes are; None for anything else."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return next((extension for signature, extension in _SIGNATURES if data.startswith(signature)), None)


def publish_upload(data: bytes, settings: Optional[PhotoSettings] = None) -> str:
    """The public URL of an uploaded photo (an officer's after-photo); NotAPhoto when it is none
    or larger than MAX_UPLOAD_BYTES."""
    extension = photo_extension(data)
    if extension is None or len(data) > MAX_UPLOAD_BYTES:
        raise NotAPhoto(f"{len(data)} bytes")
    clean = without_metadata(data, extension)
    return _published(settings or PhotoSettings.from_env(), extension, lambda target: target.write_bytes(clean))
