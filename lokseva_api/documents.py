"""Uploaded documents: photos (JPEG, PNG) and PDFs, told apart by their
content, not by the name or type the client claims."""
from __future__ import annotations

import hashlib
import os
import secrets
from typing import Optional

from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from .clock import to_db
from .context import ApiContext
from .errors import ApiError
from .models import Document

# (leading bytes, media type, file extension)
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"%PDF-", "application/pdf", ".pdf"),
)
EXTENSION_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".pdf": "application/pdf"}
_CHUNK = 64 * 1024


def sniff(data: bytes) -> Optional[str]:
    return next((media_type for magic, media_type, _ in SIGNATURES if data.startswith(magic)), None)


def _extension(media_type: str) -> str:
    return next(extension for _, known, extension in SIGNATURES if known == media_type)


def _limit_error(ctx: ApiContext) -> ApiError:
    return ApiError(413, "document_too_large", limit_mb=round(ctx.settings.max_upload_bytes / (1024 * 1024), 1))


def read_limited(upload: UploadFile, ctx: ApiContext) -> bytes:
    """The upload's bytes, refusing it as soon as it passes the limit."""
    limit = ctx.settings.max_upload_bytes
    chunks, size = [], 0
    while True:
        chunk = upload.file.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise _limit_error(ctx)
        chunks.append(chunk)
    return b"".join(chunks)


def _safe_filename(name: Optional[str]) -> Optional[str]:
    # Kept for the officer's eyes only; never used as a path.
    return os.path.basename(name)[-200:] if name else None


def store_upload(session: Session, ctx: ApiContext, upload: UploadFile, wa_id: Optional[str]) -> Document:
    data = read_limited(upload, ctx)
    if not data:
        raise ApiError(422, "document_empty")
    media_type = sniff(data)
    if media_type is None:
        raise ApiError(415, "unsupported_document_type")
    filename = _safe_filename(upload.filename)
    declared = EXTENSION_TYPES.get(os.path.splitext(filename or "")[1].lower())
    if declared is not None and declared != media_type:
        raise ApiError(415, "document_type_mismatch", declared=declared, actual=media_type)

    document_id = "doc_" + secrets.token_urlsafe(18)
    document = Document(
        id=document_id,
        content_type=media_type,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        filename=filename,
        storage_key=ctx.store.save("documents", document_id + _extension(media_type), data),
        wa_id=wa_id,
        uploaded_at=to_db(ctx.clock()),
    )
    session.add(document)
    session.commit()
    return document


def find_document(session: Session, document_id: str) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise ApiError(404, "document_not_found", document_id=document_id)
    return document
