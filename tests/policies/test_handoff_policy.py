"""The handoff policy on trackers as Rasa builds them, with the project's domain."""
from __future__ import annotations

import pytest
from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from jan_seva.policies.handoff_policy import HandoffPolicy

DOMAIN = Domain.load("domain.yml")


@pytest.fixture
def policy(tmp_path) -> HandoffPolicy:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("handoff_policy")
    policy = HandoffPolicy.create(HandoffPolicy.get_default_config(), storage, resource,
                                  ExecutionContext(GraphSchema({}), "test"))
    assert policy.train([], DOMAIN) == resource
    return policy


def tracker(*events, active=True) -> DialogueStateTracker:
    start = [ActionExecuted(ACTION_LISTEN_NAME), SlotSet("handoff_active", active)]
    return DialogueStateTracker.from_events("919876543210", start + list(events), slots=DOMAIN.slots)


def user(intent: str, text: str = "", **entities) -> list:
    return [UserUttered(text or f"/{intent}", {"name": intent, "confidence": 1.0},
                        [{"entity": name, "value": value} for name, value in entities.items()])]


def predicted(policy: HandoffPolicy, tracker_: DialogueStateTracker):
    prediction = policy.predict_action_probabilities(tracker_, DOMAIN)
    if max(prediction.probabilities) == 0:
        return None
    assert prediction.is_no_user_prediction and prediction.policy_priority > RULE_POLICY_PRIORITY  # beats rules and forms
    return DOMAIN.action_names_or_texts[prediction.probabilities.index(max(prediction.probabilities))]


@pytest.mark.parametrize("message", [
    user("apply_service", "mujhe pension chahiye"),  # a typed text the NLU took for a flow
    user("apply_service"),  # an old menu button tapped
    user("share_media", media_type="image", file_id="wa-" + "0" * 32),
    user("share_location", latitude=22.7, longitude=75.8),
    user("nlu_fallback", "???"),
    user("human_handoff"),
    user("goodbye"),
])
def test_every_citizen_message_is_relayed_while_an_officer_has_the_conversation(policy, message):
    assert predicted(policy, tracker(*message)) == "action_relay_to_officer"


def test_the_bot_answers_again_once_the_handoff_is_over(policy):
    assert predicted(policy, tracker(*user("apply_service"), active=False)) is None


def test_after_relaying_the_bot_waits_even_inside_a_form(policy):
    events = [ActiveLoop("lok_seva_form"), *user("inform", "haan"), ActionExecuted("action_relay_to_officer")]
    assert predicted(policy, tracker(*events)) == ACTION_LISTEN_NAME


def test_the_request_itself_ends_the_turn_once_the_handoff_is_open(policy):
    events = [*user("human_handoff"), ActionExecuted("action_request_human")]
    assert predicted(policy, tracker(*events)) == ACTION_LISTEN_NAME
    assert predicted(policy, tracker(*events, active=False)) is None  # e.g. a story without the slot


@pytest.mark.parametrize("intent, action", [
    ("EXTERNAL_handoff_reply", "action_tell_officer_reply"),
    ("EXTERNAL_handoff_closed", "action_close_handoff"),
])
def test_the_officers_intents_run_their_actions(policy, intent, action):
    assert predicted(policy, tracker(*user(intent))) == action


def test_the_citizen_can_leave_for_the_bot_and_the_bot_then_answers(policy):
    assert predicted(policy, tracker(*user("leave_handoff"))) == "action_leave_handoff"
    left = [*user("leave_handoff"), ActionExecuted("action_leave_handoff"), SlotSet("handoff_active", False)]
    assert predicted(policy, tracker(*left)) == "action_listen"  # leaving is the turn
    again = [*left, ActionExecuted(ACTION_LISTEN_NAME), *user("apply_service", "income certificate")]
    assert predicted(policy, tracker(*again)) is None  # the rules take over again


def test_other_notifications_keep_their_rules(policy):
    assert predicted(policy, tracker(*user("EXTERNAL_status_changed"))) is None
    after = [*user("EXTERNAL_status_changed"), ActionExecuted("action_announce_status_change")]
    assert predicted(policy, tracker(*after)) is None


@pytest.mark.parametrize("active", [True, False])
def test_a_late_delivered_request_is_acknowledged_silently(policy, active):
    assert predicted(policy, tracker(*user("EXTERNAL_handoff_submitted"), active=active)) == ACTION_LISTEN_NAME


@pytest.mark.parametrize("text, action", [("actually never mind, let's just file it here", "action_leave_handoff"),
                                          ("अरे नहीं, आप ही भर लो", "action_leave_handoff"),
                                          ("nhi rehne do, form hi bhar deta hu", "action_leave_handoff"),
                                          ("never", "action_relay_to_officer")])
def test_changing_ones_mind_in_words_leaves_like_the_button(policy, text, action):
    assert predicted(policy, tracker(*user("human_handoff", text))) == action
