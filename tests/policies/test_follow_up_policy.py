"""The follow-up policy on trackers as Rasa builds them: a question right after
a status is about that item, a yes after a service's details applies for it,
a number beside a greeting shows its status; other messages keep their rules."""
from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from jan_seva.policies.follow_up_policy import FollowUpPolicy

DOMAIN = Domain.load("domain.yml")
SUBJECT = {"application": "LS-2026-000042", "last": "application"}


@pytest.fixture
def policy(tmp_path) -> FollowUpPolicy:
    return FollowUpPolicy.create(FollowUpPolicy.get_default_config(), LocalModelStorage(tmp_path),
                                 Resource("follow_up_policy"), ExecutionContext(GraphSchema({}), "test"))


def user(text: str, intent: str, **entities) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9},
                       [{"entity": name, "value": value} for name, value in entities.items()])


def after_status(*latest) -> DialogueStateTracker:
    """A status shown (the subject noted), then the citizen's next message."""
    events = [ActionExecuted(ACTION_LISTEN_NAME), user("status LS-2026-000042", "check_application_status"),
              ActionExecuted("action_check_application_status"), BotUttered("📄 ...", metadata={"key": "lok_seva.status.summary"}),
              SlotSet("subject", SUBJECT), ActionExecuted(ACTION_LISTEN_NAME), *latest]
    return DialogueStateTracker.from_events("919876543210", events, slots=DOMAIN.slots)


def predicted(policy, tracker):
    prediction = policy.predict_action_probabilities(tracker, DOMAIN)
    if max(prediction.probabilities) == 0:
        return None
    return DOMAIN.action_names_or_texts[prediction.probabilities.index(max(prediction.probabilities))]


@pytest.mark.parametrize("text,intent", [
    ("kab tak milega?", "goodbye"),
    ("अब क्या करूँ, दोबारा आवेदन कर सकता हूँ?", "goodbye"),
    ("to paisa kab se aayega", "info_schemes"),
    ("is that enough?", "nlu_fallback"),
    ("what can I do now, can I appeal?", "main_menu"),
    ("photo bhi bhej du?", "nlu_fallback"),
    ("haan darj karo", "affirm"),
    ("ok darj kro", "affirm"),
    ("why rejected?", "register_complaint"),
    ("why?", "nlu_fallback"),
    ("क्यों?", "out_of_scope"),
])
def test_a_question_right_after_a_status_is_a_follow_up(policy, text, intent):
    assert predicted(policy, after_status(user(text, intent))) == "action_follow_up"


@pytest.mark.parametrize("text,intent,entities", [
    ("English please", "set_language", {}),
    ("officer se baat karao", "human_handoff", {}),
    ("iski fees kitni hai?", "service_info", {}),  # the service's details, by its own action
    ("Khajrana me gaddha hai kab tak", "register_complaint", {"complaint_category": "road_damage"}),
    ("thank you", "thank", {}),
    ("एक बात और, जनसुनवाई कब और कहाँ होती है?", "info_jansunwai", {}),
])
def test_messages_with_a_meaning_of_their_own_keep_their_rules(policy, text, intent, entities):
    assert predicted(policy, after_status(user(text, intent, **entities))) is None


def test_without_a_recent_item_nothing_is_a_follow_up(policy):
    events = [ActionExecuted(ACTION_LISTEN_NAME), user("kab tak milega?", "goodbye")]
    assert predicted(policy, DialogueStateTracker.from_events("91x", events, slots=DOMAIN.slots)) is None


def test_a_yes_right_after_a_services_details_applies_for_it(policy):
    events = [ActionExecuted(ACTION_LISTEN_NAME), user("jati praman patra ke kagaz", "service_info"),
              ActionExecuted("action_service_info"), BotUttered("📋 ...", metadata={"key": "lok_seva.services.details"}),
              ActionExecuted(ACTION_LISTEN_NAME), user("ठीक है बनवा दो", "affirm")]
    assert predicted(policy, DialogueStateTracker.from_events("91x", events, slots=DOMAIN.slots)) == "action_task"


@pytest.mark.parametrize("text,intent,action", [
    ("hello, checking LS 2026 000052", "greet", "action_check_application_status"),
    ("thanks, CMP-2026-000012", "thank", "action_complaint_status"),
])
def test_a_number_beside_a_greeting_shows_its_status(policy, text, intent, action):
    events = [ActionExecuted(ACTION_LISTEN_NAME), user(text, intent)]
    assert predicted(policy, DialogueStateTracker.from_events("91x", events, slots=DOMAIN.slots)) == action


def test_inside_a_request_the_task_decides(policy):
    tracker = after_status(SlotSet("task", {"kind": "application"}), user("kab tak?", "goodbye"))
    assert predicted(policy, tracker) is None


@pytest.mark.parametrize("text,intent", [("Driving licence?", "nlu_fallback"), ("वोटर कार्ड?", "info_ayushman_bharat"),
                                         ("passport kaise banega", "info_schemes")])
def test_a_service_not_offered_here_is_told_where_to_go_whatever_the_nlu_read(policy, text, intent):
    tracker = DialogueStateTracker.from_events(
        "919876543210", [ActionExecuted(ACTION_LISTEN_NAME), user(text, intent)], slots=DOMAIN.slots)
    assert predicted(policy, tracker) == "action_service_info"


def test_a_scheme_named_keeps_its_information_though_a_service_not_offered_is_named_too(policy):
    latest = user("and free gas connection scheme?", "info_schemes", scheme="ujjwala")
    assert predicted(policy, first_message(latest)) is None


def test_asking_about_an_offered_service_keeps_its_rule(policy):
    tracker = DialogueStateTracker.from_events(
        "919876543210", [ActionExecuted(ACTION_LISTEN_NAME), user("income certificate kaise banega", "service_info")],
        slots=DOMAIN.slots)
    assert predicted(policy, tracker) is None


def test_a_complaint_near_a_pan_shop_stays_a_complaint(policy):
    tracker = DialogueStateTracker.from_events(
        "919876543210", [ActionExecuted(ACTION_LISTEN_NAME), user("pan ki dukaan ke paas kachra pada hai",
                                                                 "register_complaint")], slots=DOMAIN.slots)
    assert predicted(policy, tracker) is None


def test_an_application_number_is_never_a_new_application(policy):
    tracker = DialogueStateTracker.from_events(
        "919876543210", [ActionExecuted(ACTION_LISTEN_NAME), user("And my ration card application ls2026000075?",
                                                                 "apply_service", service="ration_card")],
        slots=DOMAIN.slots)
    assert predicted(policy, tracker) == "action_check_application_status"


def after_service_list(latest: UserUttered) -> DialogueStateTracker:
    events = [ActionExecuted(ACTION_LISTEN_NAME), user("what certificates can I apply for?", "list_services"),
              ActionExecuted("action_list_services"), BotUttered("📋 ...", metadata={"key": "lok_seva.services.list"}),
              ActionExecuted(ACTION_LISTEN_NAME), latest]
    return DialogueStateTracker.from_events("91x", events, slots=DOMAIN.slots)


@pytest.mark.parametrize("intent", ["nlu_fallback", "deny"])
def test_a_service_named_under_the_list_is_applied_for(policy, intent):
    assert predicted(policy, after_service_list(
        user("the income one", intent, service="income_certificate"))) == "action_task"


def test_a_question_about_a_listed_service_keeps_its_rule(policy):
    assert predicted(policy, after_service_list(
        user("income certificate ki fees?", "service_info", service="income_certificate"))) is None


def first_message(latest: UserUttered) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("91y", [ActionExecuted(ACTION_LISTEN_NAME), latest], slots=DOMAIN.slots)


@pytest.mark.parametrize("text,intent", [
    ("Caste certificate for me. Name Priya Mavi, father Naresh Mavi, mobile 8878102356", "nlu_fallback"),
    ("Ration card for my family: samagra family ID 39027814, 6 members, Antyodaya", "inform"),
    ("Caste certificate for me, aadhaar last four 4471, address Police Line Road", "info_aadhaar"),
    ("Marriage registration: groom Deepak Parmar, bride Sapna Parmar, married on 10-02-2025", "register_complaint"),
])
def test_a_service_named_with_the_applicants_details_is_applied_for(policy, text, intent):
    assert predicted(policy, first_message(user(text, intent, service="caste_certificate"))) == "action_task"


@pytest.mark.parametrize("text,intent,entities", [
    ("caste certificate?", "nlu_fallback", {"service": "caste_certificate"}),
    ("mera naam Priya Mavi hai, mobile 8878102356", "inform", {}),
])
def test_a_bare_service_name_or_details_alone_keep_their_rule(policy, text, intent, entities):
    assert predicted(policy, first_message(user(text, intent, **entities))) is None


def test_a_service_named_with_a_tracking_number_is_that_items_status(policy):
    latest = user("mera income certificate ban gaya kya LS-2026-000042", "inform", service="income_certificate")
    assert predicted(policy, first_message(latest)) == "action_check_application_status"


@pytest.mark.parametrize("text, intent", [("who is the officer?", "human_handoff"),
                                          ("इसे कौन अधिकारी देख रहे हैं?", "human_handoff"),
                                          ("kaun officer dekh rha h isko?", "service_info"),
                                          ("kis officer ke paas है ये?", "human_handoff"),
                                          ("किस अधिकारी के पास है?", "nlu_fallback"),
                                          ("और दूसरी वाली?", "info_covid19"),  # "and the other one?"
                                          ("how long will it take?", "service_info")])
def test_asking_who_how_long_or_the_other_one_after_a_status_is_a_follow_up(policy, text, intent):
    assert predicted(policy, after_status(user(text, intent))) == "action_follow_up"


def test_asking_for_an_officer_after_a_status_keeps_its_rule(policy):
    assert predicted(policy, after_status(user("I want to talk to an officer", "human_handoff"))) is None


def test_how_long_after_a_services_details_keeps_its_rule(policy):
    events = [ActionExecuted(ACTION_LISTEN_NAME), user("income certificate documents?", "service_info"),
              ActionExecuted("action_service_info"), BotUttered("📋 ...", metadata={"key": "lok_seva.services.details"}),
              SlotSet("subject", {**SUBJECT, "service": "income_certificate"}), ActionExecuted(ACTION_LISTEN_NAME),
              user("and how many days does it take?", "service_info")]
    tracker = DialogueStateTracker.from_events("91z", events, slots=DOMAIN.slots)
    assert predicted(policy, tracker) is None


def after_complaint_status(latest: UserUttered) -> DialogueStateTracker:
    events = [ActionExecuted(ACTION_LISTEN_NAME), user("meri shikayat ka kya hua", "check_complaint_status"),
              ActionExecuted("action_complaint_status"), BotUttered("...", metadata={"key": "complaints.texts.status"}),
              SlotSet("subject", {"complaint": "CMP-2026-000012", "last": "complaint"}),
              ActionExecuted(ACTION_LISTEN_NAME), latest]
    return DialogueStateTracker.from_events("919876543210", events, slots=DOMAIN.slots)


def test_when_the_problem_shown_gets_fixed_is_a_follow_up_not_a_new_complaint(policy):
    asked = user("गड्ढा कब तक भरेगा?", "register_complaint", complaint_category="road_damage")
    assert predicted(policy, after_complaint_status(asked)) == "action_follow_up"
    again = user("kal tak pakka? paani 4 din se nahi aaya", "register_complaint", complaint_category="water_supply")
    assert predicted(policy, after_complaint_status(again)) == "action_follow_up"
    reported = user("Khajrana me gaddha hai kab tak", "register_complaint", complaint_category="road_damage",
                    location="Khajrana")
    assert predicted(policy, after_complaint_status(reported)) is None


def test_a_complaint_number_asked_when_about_is_its_status(policy):
    events = [ActionExecuted(ACTION_LISTEN_NAME),
              user("cmp 2026 63 फॉगिंग कब तक होगी? बहुत मच्छर हैं", "register_complaint",
                   complaint_id="CMP-2026-000063", complaint_category="mosquito_fogging")]
    assert predicted(policy, DialogueStateTracker.from_events("91x", events, slots=DOMAIN.slots)) == \
        "action_complaint_status"


@pytest.mark.parametrize("text", ["jati praman patra kaise bnwana h", "how to get a ration card"])
def test_asking_how_to_get_a_service_shows_its_details(policy, text):
    latest = user(text, "apply_service", service="caste_certificate")
    assert predicted(policy, first_message(latest)) == "action_service_info"


def test_the_process_of_a_service_read_unsure_as_a_status_shows_its_details(policy):
    latest = UserUttered("OK fir income certificate ka process batao", {"name": "check_application_status", "confidence": 0.42},
                         [{"entity": "service", "value": "income_certificate"}])
    assert predicted(policy, first_message(latest)) == "action_service_info"


@pytest.mark.parametrize("text", ["jati praman patra bnwana h", "caste certificate kaise banega, naam Ramesh, mob 9876543210"])
def test_a_request_to_apply_or_one_with_details_keeps_its_rule(policy, text):
    assert predicted(policy, first_message(user(text, "apply_service", service="caste_certificate"))) is None


def after_is_it_fixed(latest: UserUttered) -> DialogueStateTracker:
    """A resolved complaint's status, with "is it really fixed?" under it, then the citizen's message."""
    events = [ActionExecuted(ACTION_LISTEN_NAME), user("CMP-2026-000210 ka status", "check_complaint_status"),
              ActionExecuted("action_complaint_status"),
              BotUttered("📋 ...", metadata={"key": "complaints.texts.status"}),
              BotUttered("✅ ...", metadata={"key": "complaints.texts.ask_fixed"}),
              ActionExecuted(ACTION_LISTEN_NAME), latest]
    return DialogueStateTracker.from_events("91f", events, slots=DOMAIN.slots)


@pytest.mark.parametrize("text,intent,action", [
    ("kha thik hui, abhi tak koi nhi aaya, light abhi bhi band h", "register_complaint", "action_reopen_complaint"),
    ("nahi", "deny", "action_reopen_complaint"),
    ("haan theek ho gayi", "affirm", "action_complaint_fixed"),
    ("thank you", "thank", None),
])
def test_typed_words_under_is_it_fixed_answer_it(policy, text, intent, action):
    assert predicted(policy, after_is_it_fixed(user(text, intent))) == action


@pytest.mark.parametrize("text, action", [("वृद्धावस्था पेंशन चाहिए", "action_task"),
                                          ("old age pension chahiye, kya documents lagenge", None),
                                          ("pension ki fees kitni hai", None), ("old age pension chahiye?", None)])
def test_a_service_wanted_with_nothing_asked_about_it_is_applied_for(policy, text, action):
    latest = user(text, "service_info", service="old_age_pension")
    assert predicted(policy, first_message(latest)) == action


@pytest.mark.parametrize("text, entities, action", [
    ("बड़ा गणपति के पास dogs का jhund है, bachon ke peeche bhaagte hain", {"complaint_category": "stray_animals"},
     "action_task"),
    ("kachra?", {"complaint_category": "garbage"}, None),
    ("light wali complaint ka kya hua", {"complaint_category": "streetlight"}, None),
    ("what is this about", {}, None),
])
def test_a_problem_named_in_a_message_read_as_nothing_starts_a_complaint(policy, text, entities, action):
    assert predicted(policy, first_message(user(text, "nlu_fallback", **entities))) == action
