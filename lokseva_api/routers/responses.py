"""Response helpers shared by the routers."""
from __future__ import annotations

from fastapi.responses import FileResponse

from ..context import ApiContext

PDF_RESPONSE = {200: {"content": {"application/pdf": {}}, "description": "PDF document"}}


def pdf_file(ctx: ApiContext, storage_key: str, filename: str) -> FileResponse:
    # inline: opens in a browser; WhatsApp and the bot read the file name from here.
    return FileResponse(
        ctx.store.path(storage_key),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )
