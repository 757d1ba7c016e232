"""While a citizen's request is being filled in, every message goes to it.

A request (an application, a certified copy, a home delivery, a complaint)
is a task kept in the slot `task` and driven by one action, `action_task`
(actions/tasks): it reads each message against every open question, answers
side questions itself and asks the next question, all in one call to the
action server. Rules start a task; from then on this policy sends each
citizen message to `action_task` until the task is submitted or dropped.

Messages from the system (EXTERNAL_ intents: a status change, a settled
submission) keep their rules; afterwards the task asks its question again,
so the citizen knows where they were.
"""
from __future__ import annotations

from typing import Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from jan_seva.policies.deterministic import DeterministicPolicy, awaits_first_action, latest_intent

TASK_SLOT = "task"
TASK_ACTION = "action_task"
EXTERNAL_PREFIX = "EXTERNAL_"


def task_action(tracker: DialogueStateTracker) -> Optional[Text]:
    if tracker.latest_action_name == TASK_ACTION:
        return ACTION_LISTEN_NAME
    if not tracker.get_slot(TASK_SLOT):
        return None
    intent = latest_intent(tracker) or ""
    from_system = intent.startswith(EXTERNAL_PREFIX)
    if awaits_first_action(tracker):
        return None if from_system or not intent else TASK_ACTION
    # The system's message has been told by its rule's action: back to the question.
    return TASK_ACTION if from_system and tracker.latest_action_name != ACTION_LISTEN_NAME else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class TaskPolicy(DeterministicPolicy):
    """Nothing to learn: the decision is the slot's (see the module docstring)."""

    def decide(self, tracker: DialogueStateTracker) -> Optional[Text]:
        return task_action(tracker)
