"""Where a Lok Seva form stands, kept in one slot (`lok_seva_form_state`).

The questions of a form are data (the catalogue entry of the chosen service,
the villages with land records …): what was fetched for them is kept in
`context`, so the form goes on even if the backend is briefly away.
"""
from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional

STATE_SLOT = "lok_seva_form_state"
ANSWER_SLOT = "lok_seva_answer"


@dataclass
class FormState:
    flow: str
    # Idempotency key of the submission, made once per form: retries never submit twice.
    key: str
    answers: Dict[str, Any] = field(default_factory=dict)  # question key -> value (None: skipped)
    context: Dict[str, Any] = field(default_factory=dict)
    documents: List[Dict[str, Any]] = field(default_factory=list)
    page: int = 1
    cancelled: bool = False

    @classmethod
    def new(cls, flow: str) -> "FormState":
        return cls(flow=flow, key=f"{flow}-{uuid.uuid4().hex}")

    @classmethod
    def from_slot(cls, value: Any) -> Optional["FormState"]:
        return cls(**value) if isinstance(value, dict) and value.get("flow") else None

    def to_slot(self) -> Dict[str, Any]:
        return asdict(self)
