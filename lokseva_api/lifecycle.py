"""Allowed status changes of applications and doorstep deliveries."""
from __future__ import annotations

from typing import Dict, FrozenSet, Tuple


class IllegalTransition(Exception):
    def __init__(self, status: str, action: str):
        super().__init__(f"{action} is not allowed from {status}")
        self.status = status
        self.action = action


class StateMachine:
    def __init__(self, transitions: Dict[str, Tuple[FrozenSet[str], str]]):
        self.transitions = transitions

    @property
    def actions(self) -> Tuple[str, ...]:
        return tuple(self.transitions)

    def next_status(self, status: str, action: str) -> str:
        sources, target = self.transitions[action]
        if status not in sources:
            raise IllegalTransition(status, action)
        return target

    def allowed_actions(self, status: str) -> Tuple[str, ...]:
        return tuple(action for action, (sources, _) in self.transitions.items() if status in sources)


SUBMITTED = "submitted"
UNDER_REVIEW = "under_review"
DOCUMENTS_REQUESTED = "documents_requested"
APPROVED = "approved"
REJECTED = "rejected"
ISSUED = "issued"
DELIVERED = "delivered"

ALL_STATUSES = (SUBMITTED, UNDER_REVIEW, DOCUMENTS_REQUESTED, APPROVED, REJECTED, ISSUED, DELIVERED)

# submitted → under_review → documents_requested → approved | rejected(reason) → issued → delivered
APPLICATION = StateMachine(
    {
        "start_review": (frozenset({SUBMITTED, DOCUMENTS_REQUESTED}), UNDER_REVIEW),
        "request_documents": (frozenset({UNDER_REVIEW}), DOCUMENTS_REQUESTED),
        "approve": (frozenset({UNDER_REVIEW}), APPROVED),
        "reject": (frozenset({SUBMITTED, UNDER_REVIEW, DOCUMENTS_REQUESTED}), REJECTED),
        "issue": (frozenset({APPROVED}), ISSUED),
        "deliver": (frozenset({ISSUED}), DELIVERED),
    }
)
# The service is rendered (or refused): the time limit no longer runs.
SETTLED = frozenset({REJECTED, ISSUED, DELIVERED})
DECISIONS = (APPROVED, REJECTED)  # the designated officer's decision on an application
# The citizen may still add documents.
OPEN_FOR_DOCUMENTS = frozenset({SUBMITTED, UNDER_REVIEW, DOCUMENTS_REQUESTED})

DELIVERY_REQUESTED = "requested"
DELIVERY_DISPATCHED = "dispatched"
DELIVERY_DELIVERED = "delivered"
DELIVERY = StateMachine(
    {
        "dispatch": (frozenset({DELIVERY_REQUESTED}), DELIVERY_DISPATCHED),
        "deliver": (frozenset({DELIVERY_DISPATCHED}), DELIVERY_DELIVERED),
    }
)
