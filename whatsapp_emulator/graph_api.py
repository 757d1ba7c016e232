"""The Graph API endpoints the channel calls, as graph.facebook.com answers them.

POST /{version}/{phone_number_id}/messages   send a message or a read receipt
POST /{version}/{phone_number_id}/media      upload media (multipart) -> {"id"}
GET  /{version}/{media_id}                   media URL and metadata
GET  /whatsapp_business/attachments/?mid=..  the media bytes (the URL above; like lookaside.fbsbx.com)

All of them need `Authorization: Bearer <WHATSAPP_ACCESS_TOKEN>` (or
`?access_token=`), else HTTP 401 with Graph error 190.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import time
from typing import Any, Dict
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from starlette.datastructures import UploadFile

from . import strict_json
from .emulator import Emulator
from .graph_errors import GraphError
from .media_store import Media

VERSION = re.compile(r"^v\d+\.\d+$")
MEDIA_URL_SECONDS = 5 * 60  # Meta's media URLs expire after five minutes


def graph_router(emulator: Emulator) -> APIRouter:
    settings = emulator.settings
    router = APIRouter()

    def authorize(request: Request, version: str = "v0.0") -> None:
        if not VERSION.match(version):
            raise GraphError(100, f"Unknown path components: /{version}")
        header = request.headers.get("authorization", "")
        token = header[len("Bearer "):] if header.startswith("Bearer ") else request.query_params.get("access_token")
        if not token or not hmac.compare_digest(token.encode(), settings.access_token.encode()):
            raise GraphError(190)

    def unknown_object(object_id: str, method: str) -> GraphError:
        text = (f"Unsupported {method} request. Object with ID '{object_id}' does not exist, cannot be loaded "
                "due to missing permissions, or does not support this operation.")
        return GraphError(100, text, title=text, subcode=33)

    def own_number(phone_number_id: str) -> None:
        if phone_number_id != settings.phone_number_id:
            raise unknown_object(phone_number_id, "post")

    def url_hash(media_id: str, expires: str) -> str:
        return hmac.new(settings.app_secret.encode(), f"{media_id}:{expires}".encode(), hashlib.sha256).hexdigest()

    def media_url(request: Request, media: Media) -> str:
        expires = str(int(time.time()) + MEDIA_URL_SECONDS)
        return (f"{str(request.base_url).rstrip('/')}/whatsapp_business/attachments/"
                f"?mid={media.id}&ext={expires}&hash={url_hash(media.id, expires)}")

    @router.post("/{version}/{phone_number_id}/messages")
    async def send_message(version: str, phone_number_id: str, request: Request) -> Dict[str, Any]:
        authorize(request, version)
        own_number(phone_number_id)
        try:
            body = strict_json.loads(await request.body())
        except ValueError:
            raise GraphError(100, "The request body is not valid JSON.") from None
        return await emulator.send(body)

    @router.post("/{version}/{phone_number_id}/media")
    async def upload_media(version: str, phone_number_id: str, request: Request) -> Dict[str, str]:
        authorize(request, version)
        own_number(phone_number_id)
        form = await request.form()
        if form.get("messaging_product") != "whatsapp":
            raise GraphError(100, "The parameter messaging_product is required and must be 'whatsapp'.")
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise GraphError(100, "The parameter file is required.")
        mime_type = form.get("type") or upload.content_type or ""
        media = emulator.media.save(await upload.read(), str(mime_type), upload.filename or "")
        return {"id": media.id}

    @router.get("/{version}/{media_id}")
    async def retrieve_media_url(version: str, media_id: str, request: Request) -> Dict[str, Any]:
        authorize(request, version)
        media = emulator.media.get(media_id)
        if media is None:
            raise unknown_object(media_id, "get")
        return {
            "messaging_product": "whatsapp",
            "url": media_url(request, media),
            "mime_type": media.mime_type,
            "sha256": media.sha256,
            "file_size": media.file_size,
            "id": media.id,
        }

    @router.get("/whatsapp_business/attachments/")
    async def download_media(request: Request, mid: str = "", ext: str = "0", hash: str = "") -> Response:
        authorize(request)
        media = emulator.media.get(mid)
        valid = hmac.compare_digest(hash.encode(), url_hash(mid, ext).encode())
        if media is None or not valid or not ext.isdigit() or int(ext) < time.time():
            raise GraphError(100, "The media URL is unknown or has expired; ask GET /{version}/{media_id} again.",
                             http_status=404)
        return media_response(emulator, media)

    return router


def media_response(emulator: Emulator, media: Media) -> Response:
    # RFC 5987 form, so Hindi file names survive the latin-1 header encoding.
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(media.filename or media.id)}"}
    return Response(emulator.media.read(media), media_type=media.mime_type, headers=headers)
