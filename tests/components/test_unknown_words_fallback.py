import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from jan_seva.components.unknown_words_fallback import UnknownWordsFallback

TRAINING = TrainingData(training_examples=[
    Message(data={"text": "नमस्ते जी", "intent": "greet"}),
    Message(data={"text": "namaste ji kaise ho", "intent": "greet"}),
    Message(data={"text": "dhanyawad aapka", "intent": "thank"}),
    Message(data={"text": "gali me kachra pada hai", "intent": "register_complaint"}),
    Message(data={"text": "status of my application LS-2026-000123", "intent": "check_application_status"}),
])


@pytest.fixture
def guard(create, model_storage, execution_context):
    """Trained, persisted and loaded back as in a real model."""
    resource = create(UnknownWordsFallback, resource_name="guard").train(TRAINING)
    return UnknownWordsFallback.load(UnknownWordsFallback.get_default_config(), model_storage, resource,
                                     execution_context)


def intent_after(guard, text, intent="greet", confidence=0.9):
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": confidence},
                            "intent_ranking": [{"name": intent, "confidence": confidence}]})
    [message] = guard.process([message])
    return message.get("intent")["name"], [item["name"] for item in message.get("intent_ranking")]


@pytest.mark.parametrize("gibberish", ["xq zzv blorf 77", "lorem ipsum dolor", "ффф ыыы"])
def test_a_message_of_unknown_words_falls_back_and_keeps_the_model_s_guess_as_an_option(guard, gibberish):
    assert intent_after(guard, gibberish) == ("nlu_fallback", ["nlu_fallback", "greet"])


@pytest.mark.parametrize("text", [
    "namsate ji",  # a typo: same sound skeleton
    "नमस्ते भैया कचरा",  # most words known, one new
    "namaste LS-2026-000777 status 12",  # IDs and digits are not counted against it
    "😀😀", "12345", "/greet",
])
def test_known_words_typos_ids_emoji_and_payloads_are_left_to_the_model(guard, text):
    assert intent_after(guard, text)[0] == "greet"
