"""Injected send failures: the next N message sends fail with a chosen Graph error.

kind "error": the send request itself is answered with the error (HTTP status
from errors.yml unless given). kind "failed": the send is accepted, then a
"failed" status webhook carries the error, as Meta does for undeliverable
messages. Faults apply in the order they were injected, and a fault is used
up only by a send it applies to: a "failed" fault waits through sends that
are refused (window closed, rate limit) for one that is accepted.
"""
from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any, Dict, List, Optional

KINDS = ("error", "failed")


@dataclass
class Fault:
    code: int
    kind: str = "error"
    http_status: Optional[int] = None
    details: Optional[str] = None
    wa_id: Optional[str] = None  # only sends to this user; None: any send
    remaining: int = 1


class FaultInjector:
    def __init__(self) -> None:
        self._faults: List[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def take(self, wa_id: str, kind: str) -> Optional[Fault]:
        """The next fault for a send to `wa_id`, used up, if it is of this kind; else None."""
        with self._lock:
            fault = next((fault for fault in self._faults if fault.wa_id in (None, wa_id)), None)
            if fault is None or fault.kind != kind:
                return None
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._faults.remove(fault)
            return fault

    def pending(self) -> List[Dict[str, Any]]:
        with self._lock:
            return [asdict(fault) for fault in self._faults]

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
