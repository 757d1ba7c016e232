"""Control API for the chat page, tests and the benchmark (no token; loopback only).

See the package docstring for the request and response shapes.
"""
from __future__ import annotations

from typing import Any, Dict

from fastapi import APIRouter, HTTPException, Request, Response

from . import strict_json
from .data_files import load
from .emulator import Emulator
from .faults import KINDS, Fault
from .graph_api import media_response
from .identity import is_valid
from .inbound import InboundError

MAX_WAIT_SECONDS = 60.0


def _user(wa_id: Any) -> str:
    if not isinstance(wa_id, str) or not is_valid(wa_id):
        raise HTTPException(400, "the user must be a wa_id (7 to 15 digits, country code first, no '+') "
                                 "or a business-scoped user id such as IN.1648738043044942")
    return wa_id


async def _json_object(request: Request) -> Dict[str, Any]:
    try:
        body = strict_json.loads(await request.body())
    except ValueError:
        raise HTTPException(400, "the body must be JSON (no NaN or Infinity)") from None
    if not isinstance(body, dict):
        raise HTTPException(400, "the body must be a JSON object")
    return body


def _fault(body: Dict[str, Any]) -> Fault:
    try:
        fault = Fault(
            code=int(body["code"]),
            kind=body.get("kind", "error"),
            http_status=int(body["http_status"]) if body.get("http_status") else None,
            details=body.get("details"),
            wa_id=body.get("wa_id"),
            remaining=int(body.get("count", 1)),
        )
    except (KeyError, TypeError, ValueError):
        problem = "a fault needs an integer 'code'; 'count' and 'http_status' must be integers"
        raise HTTPException(400, problem) from None
    if fault.kind not in KINDS or fault.remaining < 1:
        raise HTTPException(400, f"'kind' must be one of {list(KINDS)} and 'count' at least 1")
    if fault.wa_id is not None:
        _user(fault.wa_id)  # a fault for no possible user would wait forever
    return fault


def control_router(emulator: Emulator) -> APIRouter:
    router = APIRouter(prefix="/emulator")
    settings = emulator.settings

    @router.post("/users/{wa_id}/send")
    async def send(wa_id: str, request: Request) -> Dict[str, Any]:
        body = await _json_object(request)
        if body.get("type") == "raw":
            if not isinstance(body.get("payload"), dict):
                raise HTTPException(400, "'payload' must be the webhook body, a JSON object")
            await emulator.deliver_raw(_user(wa_id), body["payload"])
            return {"queued": True}
        try:
            entry, webhook = await emulator.receive(_user(wa_id), body)
        except InboundError as error:
            raise HTTPException(400, str(error)) from None
        return {"id": entry.id, "seq": entry.seq, "message": entry.message, "webhook": webhook}

    @router.get("/users/{wa_id}/messages")
    async def messages(wa_id: str, since: int = 0, wait: float = 0.0) -> Dict[str, Any]:
        seq, changed = await emulator.store.since(_user(wa_id), since, min(max(wait, 0.0), MAX_WAIT_SECONDS))
        return {"wa_id": wa_id, "seq": seq, "window_open": emulator.store.window_open(wa_id), "messages": changed}

    @router.post("/users/{wa_id}/window")
    async def window(wa_id: str, request: Request) -> Dict[str, Any]:
        body = await _json_object(request)
        if not isinstance(body.get("open"), bool):
            raise HTTPException(400, "'open' must be true or false")
        emulator.store.set_window(_user(wa_id), body["open"])
        return {"wa_id": wa_id, "window_open": emulator.store.window_open(wa_id)}

    @router.post("/faults")
    async def add_fault(request: Request) -> Dict[str, Any]:
        emulator.faults.add(_fault(await _json_object(request)))
        return {"pending": emulator.faults.pending()}

    @router.get("/faults")
    async def list_faults() -> Dict[str, Any]:
        return {"pending": emulator.faults.pending()}

    @router.post("/webhook/verify")
    async def verify_webhook() -> Dict[str, Any]:
        return await emulator.delivery.verify(settings.verify_token)

    @router.post("/reset")
    async def reset() -> Dict[str, bool]:
        await emulator.reset()
        return {"reset": True}

    @router.get("/config")
    async def config() -> Dict[str, Any]:
        return {
            "display_number": settings.display_number,
            "phone_number_id": settings.phone_number_id,
            "places": load("places"),
        }

    @router.get("/media/{media_id}")
    async def media(media_id: str) -> Response:
        found = emulator.media.get(media_id)
        if found is None:
            raise HTTPException(404, "no such media")
        return media_response(emulator, found)

    return router
