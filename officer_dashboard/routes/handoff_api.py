"""The internal API the action server calls (header X-Handoff-Key): a citizen
asked for a person; a citizen in a handoff wrote again, or went back to the assistant."""
from __future__ import annotations

import hmac
from datetime import datetime
from typing import Optional

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, constr

from ..inbox import Inbox

router = APIRouter(prefix="/internal/handoffs")


class HandoffRequest(BaseModel):
    request_id: constr(min_length=1, max_length=200)  # type: ignore[valid-type]
    sender_id: constr(min_length=1, max_length=32)  # type: ignore[valid-type]
    name: Optional[constr(max_length=128)] = None  # type: ignore[valid-type]
    language: constr(regex="^(hi|en)$") = "hi"  # type: ignore[valid-type]
    requested_at: datetime


class CitizenActivity(BaseModel):
    sender_id: constr(min_length=1, max_length=32)  # type: ignore[valid-type]
    at: datetime


def get_inbox(request: Request) -> Inbox:
    return request.app.state.inbox


def the_action_server(x_handoff_key: str = Header(""), inbox: Inbox = Depends(get_inbox)) -> None:
    if not hmac.compare_digest(x_handoff_key.encode(), inbox.api_key.encode()):
        raise HTTPException(401, "wrong or missing X-Handoff-Key")


@router.post("", status_code=201, dependencies=[Depends(the_action_server)])
def open_handoff(body: HandoffRequest, inbox: Inbox = Depends(get_inbox)) -> dict:
    handoff = inbox.handoffs.open(body.request_id, body.sender_id, body.name, body.language, body.requested_at)
    return {"id": handoff.id}


@router.post("/activity", dependencies=[Depends(the_action_server)])
def citizen_wrote(body: CitizenActivity, inbox: Inbox = Depends(get_inbox)) -> dict:
    inbox.handoffs.citizen_wrote(body.sender_id, body.at)
    return {}


@router.post("/left", dependencies=[Depends(the_action_server)])
def citizen_left(body: CitizenActivity, inbox: Inbox = Depends(get_inbox)) -> dict:
    return {"closed": inbox.handoffs.citizen_left(body.sender_id, body.at)}
