"""The kinds of task by name, and the request that starts each."""
from __future__ import annotations

from typing import Dict, Optional

from actions.tasks.kinds.application import ApplicationKind, service_requested
from actions.tasks.kinds.base import TaskKind
from actions.tasks.kinds.certified_copy import CertifiedCopyKind
from actions.tasks.kinds.complaint import ComplaintKind
from actions.tasks.kinds.delivery import DeliveryKind
from actions.tasks.message import Message

KINDS: Dict[str, TaskKind] = {kind.name: kind for kind in (ApplicationKind(), CertifiedCopyKind(), DeliveryKind(),
                                                             ComplaintKind())}
KIND_OF_REQUEST = {"apply_service": "application", "certified_copy": "certified_copy",
                   "doorstep_delivery": "delivery", "register_complaint": "complaint"}
# A copy of a land record asked for as a service is the certified copy, made at once.
KIND_OF_SERVICE = {CertifiedCopyKind.service: CertifiedCopyKind.name}


def kind_for(message: Message) -> Optional[TaskKind]:
    """The kind of task a request starts: by the service asked for ("khasra 45/2 ka mutation karwana hai" is an
    application, not a copy of the khasra), else by the request."""
    service = service_requested(message) if message.intent == "apply_service" else None
    name = KIND_OF_SERVICE.get(service or "") or KIND_OF_REQUEST.get(message.intent)
    return KINDS.get(name) if name else None
