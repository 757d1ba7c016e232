import pytest
from rasa.shared.nlu.training_data.message import Message

from jan_seva.components.language_detector import LanguageDetector


@pytest.fixture
def detector(create):
    return create(LanguageDetector)


def detected(detector, text):
    [message] = detector.process([Message(data={"text": text})])
    return message


@pytest.mark.parametrize(
    "text, language",
    [("मेरा प्रमाण पत्र", "hi"), ("mera praman patra kab milega", "hi"), ("what is my status", "en")],
)
def test_detected_language_is_part_of_the_parse_output(detector, text, language):
    message = detected(detector, text)
    assert message.get("detected_language") == language
    assert message.as_dict(only_output_properties=True)["detected_language"] == language


def test_message_without_words_has_no_language(detector):
    message = detected(detector, "👍")
    assert "detected_language" in message.data and message.get("detected_language") is None
    # Rasa drops None values from the output; the action reads a missing key as None.
    assert "detected_language" not in message.as_dict(only_output_properties=True)


def test_training_data_passes_through(detector, tokenized):
    data = tokenized([("namaste", "greet")])
    assert detector.process_training_data(data) is data
