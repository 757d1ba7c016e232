"""Where a citizen's request stands, kept in the slot `task` (a plain dict).

`values` holds the answers by field name (None: skipped); `context` what the
kind of task fetched or decided on the way (the chosen service and its
fields, the village, a likely duplicate ...); `asking` the field asked last
and how many times in a row, so no question is asked a third time unchanged;
`offer` a value the bot proposed for the field asked (the WhatsApp number as
the mobile number) that a "yes" accepts.
"""
from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional

TASK_SLOT = "task"
SKIPPED = None


@dataclass
class Task:
    kind: str
    # Idempotency key of the submission, made once per task: retries never submit twice.
    key: str
    fields: List[Dict[str, Any]] = field(default_factory=list)
    values: Dict[str, Any] = field(default_factory=dict)
    context: Dict[str, Any] = field(default_factory=dict)
    files: List[Dict[str, Any]] = field(default_factory=list)  # documents or photos received
    asking: Optional[str] = None
    times_asked: int = 0
    offer: Optional[Dict[str, Any]] = None  # {"field": name, "value": value, "shown": text}
    started_with: Optional[str] = None  # the request ("apply_service" ...) that opened it

    @classmethod
    def new(cls, kind: str, started_with: Optional[str] = None) -> "Task":
        return cls(kind=kind, key=f"{kind}-{uuid.uuid4().hex}", started_with=started_with)

    @classmethod
    def from_slot(cls, value: Any) -> Optional["Task"]:
        if not isinstance(value, dict) or not value.get("kind"):
            return None
        known = {name: value[name] for name in cls.__dataclass_fields__ if name in value}
        return cls(**known)

    def to_slot(self) -> Dict[str, Any]:
        return asdict(self)

    def answered(self, name: str) -> bool:
        return name in self.values

    def value(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)
