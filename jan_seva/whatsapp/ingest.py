"""`python -m jan_seva.whatsapp.ingest`: the WhatsApp webhook in a process of its own (production).

It only checks a delivery's signature, keeps its messages and statuses in
the inbound journal and answers 200, on WHATSAPP_INGEST_HOST:WHATSAPP_INGEST_PORT
(127.0.0.1:5006). Nothing else runs on its event loop, so Meta's webhook is
acknowledged in milliseconds however busy the Rasa workers are; they claim
the kept messages (woken by PostgreSQL NOTIFY), each citizen's in order.
Register `https://<host>/webhooks/whatsapp/webhook` of this process at Meta.

Routes, as the channel inside Rasa has them, under /webhooks/whatsapp/:
GET / (health), GET /webhook (Meta's handshake), POST /webhook (deliveries).
"""
from __future__ import annotations

import logging.config
import os

import uvicorn
from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from common.body_limit import BodyLimit
from common.exposure import refuse_unsafe_start
from common.log_config import uvicorn_log_config
from jan_seva.whatsapp.inbound_journal import InboundJournal
from jan_seva.whatsapp.settings import WhatsAppSettings, webhook_secrets
from jan_seva.whatsapp.signature import SIGNATURE_HEADER
from jan_seva.whatsapp.state_db import state_engine
from jan_seva.whatsapp.webhook_reading import Refused, handshake, read_delivery

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024  # Meta's deliveries are a few kB; media come by id, not in the body


def create_app(settings: WhatsAppSettings) -> BodyLimit:
    journal = InboundJournal(state_engine(settings.state_db_url))

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def verify(request: Request) -> Response:
        status, body = handshake(request.query_params, settings)
        return PlainTextResponse(body, status_code=status)

    async def receive(request: Request) -> Response:
        try:
            batch = read_delivery(await request.body(), request.headers.get(SIGNATURE_HEADER), settings)
        except Refused as refusal:
            return PlainTextResponse(refusal.reason, status_code=refusal.status)
        if batch.messages and await journal.full():
            return PlainTextResponse("too many messages waiting; send again later", status_code=503)
        try:
            await journal.keep(batch)
        except SQLAlchemyError:
            logger.exception("WhatsApp delivery could not be kept; refused for Meta to send again")
            return PlainTextResponse("could not keep the delivery; send again later", status_code=503)
        return PlainTextResponse("EVENT_RECEIVED")

    app = Starlette(routes=[
        Route("/webhooks/whatsapp/", health, methods=["GET"]),
        Route("/webhooks/whatsapp/webhook", verify, methods=["GET"]),
        Route("/webhooks/whatsapp/webhook", receive, methods=["POST"]),
    ])
    return BodyLimit(app, MAX_BODY_BYTES)


def main() -> None:
    host = os.environ.get("WHATSAPP_INGEST_HOST", "127.0.0.1")
    port = int(os.environ.get("WHATSAPP_INGEST_PORT", 5006))
    refuse_unsafe_start("whatsapp ingest", [host], webhook_secrets())
    config = uvicorn_log_config(["jan_seva"])
    logging.config.dictConfig(config)
    settings = WhatsAppSettings.from_sources()
    settings.log_mode()
    uvicorn.run(create_app(settings), host=host, port=port, log_config=config, access_log=False)


if __name__ == "__main__":
    main()
