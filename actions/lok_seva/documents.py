"""Documents a citizen sends on WhatsApp during an application.

The channel stores the file in FILE_STORE_DIR and sends
`/share_media{"media_type", "file_id"}` with the file's details in the
message metadata (whatsapp.media: mime_type, filename). The file is found by
its id only, never by a path a message names. It is uploaded to the Lok Seva
API at once; if the API is away, the file's place is kept and it is uploaded
with the application later.
"""
from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Any, Dict, Optional

from actions.clients.lokseva import LokSevaClient
from actions.tasks.message import Message
from actions.tasks.state import Task
from common.backend_call import BackendUnavailable
from jan_seva.whatsapp.file_store import FileStore
from jan_seva.whatsapp.settings import DEFAULT_FILE_STORE_DIR

DEFAULT_MIME_TYPE = "application/octet-stream"


def file_store() -> FileStore:
    return FileStore(Path(os.environ.get("FILE_STORE_DIR") or DEFAULT_FILE_STORE_DIR))


def _media(message: Message) -> Dict[str, Any]:
    return message.whatsapp.get("media") or {}


def received_file(message: Message) -> Optional[Path]:
    """The file a share_media message names by its id, if the file store has it."""
    return file_store().path_of(message.file_id) if message.file_id else None


def describe(path: Path, message: Message) -> Dict[str, str]:
    media = _media(message)
    original = str(media.get("filename") or "")
    # The API checks the name's extension against the content: keep the original name only when it agrees.
    filename = original if original and Path(original).suffix.lower() == path.suffix.lower() else path.name
    mime_type = media.get("mime_type") or mimetypes.guess_type(path.name)[0] or DEFAULT_MIME_TYPE
    return {"path": str(path), "filename": filename, "mime_type": str(mime_type)}


def keep_document(sender_id: str, task: Task, path: Path, message: Message) -> None:
    """Uploads the file and notes it in the task; BackendRejected (wrong type, too large) reaches the caller."""
    document = describe(path, message)
    try:
        uploaded = LokSevaClient().upload_document(path, document["filename"], document["mime_type"], sender_id[:32])
    except BackendUnavailable:
        task.files.append(document)  # uploaded with the application
        return
    task.files.append({"document_id": uploaded["document_id"], "filename": document["filename"]})
