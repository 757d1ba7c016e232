"""The WhatsApp-like chat page: GET / and its static files (no build step, no CDN)."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

PACKAGE_DIR = Path(__file__).parent


def mount_page(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    async def chat_page() -> FileResponse:
        return FileResponse(PACKAGE_DIR / "templates" / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="static")
