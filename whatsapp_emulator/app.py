"""Application factory: Graph API, control API and chat page on one FastAPI app."""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator, Optional

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .control_api import control_router
from .emulator import Emulator
from .graph_api import graph_router
from .graph_errors import GraphError
from .page import mount_page
from .settings import Settings


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    emulator = Emulator(settings or Settings.from_env())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await emulator.close()

    app = FastAPI(title="WhatsApp Cloud API emulator", lifespan=lifespan,
                  docs_url="/emulator/docs", redoc_url=None, openapi_url="/emulator/openapi.json")
    app.state.emulator = emulator

    @app.exception_handler(GraphError)
    async def graph_error(request: Request, error: GraphError) -> JSONResponse:
        return error.response()

    # Order matters: the Graph route GET /{version}/{media_id} would match /static/x and /emulator/x.
    mount_page(app)
    app.include_router(control_router(emulator))
    app.include_router(graph_router(emulator))
    return app
