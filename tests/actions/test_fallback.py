import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOfferLikelyOptions


def offer(tracker):
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionOfferLikelyOptions().run(dispatcher, tracker, {}))
    return dispatcher.messages


RANKING = [
    {"name": "nlu_fallback", "confidence": 0.4},
    {"name": "check_application_status", "confidence": 0.35},
    {"name": "download_certificate", "confidence": 0.3},
    {"name": "greet", "confidence": 0.2},
    {"name": "service_info", "confidence": 0.1},
    {"name": "list_services", "confidence": 0.01},
]


def test_offers_the_likely_intents_as_buttons_in_hindi(tracker_for):
    [message] = offer(tracker_for("certifcat kidhar", "nlu_fallback", ranking=RANKING))
    assert message["response"] == "utter_did_you_mean"
    assert [b["payload"] for b in message["buttons"]] == [
        "/check_application_status", "/download_certificate", "/service_info", "/main_menu"]
    assert message["buttons"][0]["title"] == "आवेदन की स्थिति"


def test_button_titles_follow_the_language_and_fit_whatsapp(tracker_for):
    [message] = offer(tracker_for("x", "nlu_fallback", ranking=RANKING, slots={"language": "en"}))
    assert message["buttons"][0]["title"] == "Application status"
    assert all(len(b["title"]) <= 20 for b in message["buttons"])


def test_nothing_likely_means_a_plain_apology(tracker_for):
    [message] = offer(tracker_for("🙂🙂", "nlu_fallback", ranking=[{"name": "nlu_fallback", "confidence": 0.9}]))
    assert message["response"] == "utter_not_understood"


def test_the_menu_is_offered_once_when_it_is_itself_likely(tracker_for):
    ranking = [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "download_certificate", "confidence": 0.37},
               {"name": "main_menu", "confidence": 0.2}]
    [message] = offer(tracker_for("x", "nlu_fallback", ranking=ranking))
    assert [b["payload"] for b in message["buttons"]] == ["/download_certificate", "/main_menu"]


def test_an_officer_is_offered_after_a_second_message_not_understood(tracker_for):
    said_before = [{"event": "user", "text": "वो वाला"},
                   {"event": "bot", "metadata": {"utter_action": "utter_affirm_no_context"}},
                   {"event": "user", "text": "अरे वही जो पिछली बार बोला था"}]
    [message] = offer(tracker_for("अरे वही जो पिछली बार बोला था", "nlu_fallback", ranking=RANKING, events=said_before))
    assert message["buttons"][-1]["payload"] == "/human_handoff"
