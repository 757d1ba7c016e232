"""Documents a citizen sends on WhatsApp during an application.

The channel stores the file in FILE_STORE_DIR and sends
`/share_media{"media_type", "file_id"}` with the file's details in the
message metadata (whatsapp.media: path, mime_type, filename). The file is
uploaded to the Lok Seva API at once; if the API is away, the file's place
is kept and it is uploaded with the application later.
"""
from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Any, Dict, Optional

from jan_seva.whatsapp.file_store import FileOutsideStore, FileStore
from jan_seva.whatsapp.settings import DEFAULT_FILE_STORE_DIR

from actions.clients.errors import BackendUnavailable
from actions.lok_seva.citizen import wa_id
from actions.lok_seva.questions import Ask
from actions.lok_seva.replies import Reply

DEFAULT_MIME_TYPE = "application/octet-stream"


def file_store() -> FileStore:
    return FileStore(Path(os.environ.get("FILE_STORE_DIR") or DEFAULT_FILE_STORE_DIR))


def _media(reply: Reply) -> Dict[str, Any]:
    return (reply.metadata.get("whatsapp") or {}).get("media") or {}


def received_file(reply: Reply) -> Optional[Path]:
    """The file a share_media message names, only if it lies inside the file store."""
    store = file_store()
    reference = _media(reply).get("path")
    if reference:
        try:
            return store.resolve(str(reference))
        except (FileOutsideStore, FileNotFoundError):
            return None
    file_id = reply.entity("file_id")
    return store.path_of(str(file_id)) if file_id else None


def describe(path: Path, reply: Reply) -> Dict[str, str]:
    media = _media(reply)
    original = str(media.get("filename") or "")
    # The API checks the name's extension against the content: keep the original name only when it agrees.
    filename = original if original and Path(original).suffix.lower() == path.suffix.lower() else path.name
    mime_type = media.get("mime_type") or mimetypes.guess_type(path.name)[0] or DEFAULT_MIME_TYPE
    return {"path": str(path), "filename": filename, "mime_type": str(mime_type)}


def keep_document(ask: Ask, path: Path, reply: Reply) -> None:
    """Uploads the file; BackendRejected (wrong type, too large) reaches the caller."""
    document = describe(path, reply)
    try:
        uploaded = ask.client.upload_document(path, document["filename"], document["mime_type"], wa_id(ask.sender_id))
    except BackendUnavailable:
        ask.state.documents.append(document)  # uploaded with the application
        return
    ask.state.documents.append({"document_id": uploaded["document_id"], "filename": document["filename"]})
