"""The officers' inbox: open handoffs, one citizen's conversation with a reply
box, taking and closing; and the conversation behind an application or a complaint."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, Response

from common.backend_call import BackendError
from common.clock import utc_now_naive

from ..backends import for_officer
from ..context import Dashboard, get_dashboard
from ..conversation import conversation
from ..inbox import Inbox
from ..items import NotVisible
from ..masking import masked_phone
from ..security import require_csrf
from ..users import User
from ..web import current_user, render
from ..workflow import KINDS
from .handoff_api import get_inbox
from .item_pages import respond

router = APIRouter()


@router.get("/inbox")
def inbox_list(request: Request, user: User = Depends(current_user), inbox: Inbox = Depends(get_inbox)) -> Response:
    return render(request, "inbox.html", handoffs=inbox.handoffs.open_ones(), now=utc_now_naive())


@router.get("/inbox/{handoff_id}")
def inbox_handoff(request: Request, handoff_id: int, user: User = Depends(current_user),
                  inbox: Inbox = Depends(get_inbox)) -> Response:
    handoff = inbox.handoffs.get(handoff_id)
    return render(request, "inbox_handoff.html", handoff=handoff, phone=masked_phone(handoff.wa_id),
                  now=utc_now_naive(), conversation_url=f"/inbox/{handoff_id}/conversation",
                  audit=inbox.audit.entries(kind="handoff", item_id=str(handoff_id)))


def _conversation_page(request: Request, wa_id: str, inbox: Inbox) -> Response:
    """Framed into the handoff and item pages, so Rasa being away does not break them."""
    try:
        lines, error = conversation(inbox.rasa.events(wa_id)), None
    except BackendError as failure:
        lines, error = [], for_officer(failure)
    return render(request, "inbox_conversation.html", lines=lines, error=error)


@router.get("/inbox/{handoff_id}/conversation")
def handoff_conversation(request: Request, handoff_id: int, user: User = Depends(current_user),
                         inbox: Inbox = Depends(get_inbox)) -> Response:
    return _conversation_page(request, inbox.handoffs.get(handoff_id).wa_id, inbox)


@router.get("/inbox/conversations/{kind}/{item_id}")
def item_conversation(request: Request, kind: str, item_id: str, user: User = Depends(current_user),
                      dashboard: Dashboard = Depends(get_dashboard), inbox: Inbox = Depends(get_inbox)) -> Response:
    """The conversation of the citizen who filed an item the officer may see (their department's)."""
    if kind not in KINDS:
        raise NotVisible(item_id)
    citizens = KINDS[kind].citizens(getattr(dashboard.items, kind)(user, item_id))
    if not citizens:
        return render(request, "inbox_conversation.html", lines=[], error=None)
    return _conversation_page(request, citizens[0], inbox)  # the one who filed it


@router.get("/inbox/files/{file_id}")
def citizen_file(file_id: str, user: User = Depends(current_user), inbox: Inbox = Depends(get_inbox)) -> Response:
    path = inbox.files.path_of(file_id)
    if path is None:
        raise NotVisible(file_id)
    return FileResponse(path, filename=path.name, content_disposition_type="inline")  # with its extension


@router.post("/inbox/{handoff_id}/reply", dependencies=[Depends(require_csrf)])
def reply(request: Request, handoff_id: int, text: str = Form(""), user: User = Depends(current_user),
          inbox: Inbox = Depends(get_inbox)) -> Response:
    return respond(request, f"/inbox/{handoff_id}", lambda: inbox.reply(user, handoff_id, text))


@router.post("/inbox/{handoff_id}/take", dependencies=[Depends(require_csrf)])
def take(request: Request, handoff_id: int, user: User = Depends(current_user),
         inbox: Inbox = Depends(get_inbox)) -> Response:
    return respond(request, f"/inbox/{handoff_id}", lambda: inbox.take(user, handoff_id))


@router.post("/inbox/{handoff_id}/close", dependencies=[Depends(require_csrf)])
def close(request: Request, handoff_id: int, user: User = Depends(current_user),
          inbox: Inbox = Depends(get_inbox)) -> Response:
    return respond(request, f"/inbox/{handoff_id}", lambda: inbox.close(user, handoff_id))
