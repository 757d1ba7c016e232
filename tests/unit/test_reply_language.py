"""The language of the answer: detected from each message, locked once chosen."""
import pytest

from jan_seva.text.language import reply_language


def test_the_language_a_message_is_written_in_is_answered_in():
    assert reply_language("hi", False, "check_application_status", "en", None) == ("en", False)


def test_a_message_without_words_keeps_the_language():
    assert reply_language("en", False, "affirm", None, None) == ("en", False)


@pytest.mark.parametrize("intent", ["thank", "affirm", "goodbye"])
def test_a_courtesy_or_a_yes_keeps_the_language_of_the_conversation(intent):
    assert reply_language("hi", False, intent, "en", None) == ("hi", False)  # "ok thanks", "yes"
    assert reply_language(None, False, intent, "en", None) == ("en", False)  # no language yet: as written


def test_choosing_a_language_locks_it_and_detection_no_longer_moves_it():
    language, locked = reply_language("hi", False, "set_language", "hi", "en")
    assert (language, locked) == ("en", True)
    assert reply_language(language, locked, "check_application_status", "hi", None) == ("en", True)


@pytest.mark.parametrize("current, other", [("hi", "en"), ("en", "hi")])
def test_asking_to_change_the_language_without_naming_one_switches(current, other):
    assert reply_language(current, False, "set_language", None, None) == (other, True)


def test_a_message_leaning_to_english_starts_a_conversation_in_it_but_does_not_switch_one():
    assert reply_language(None, False, "register_complaint", None, None, "en") == ("en", False)  # "garbage complaint"
    assert reply_language("hi", False, "inform", None, None, "en") == ("hi", False)  # "near Shiv mandir" as a place


def test_a_request_to_switch_the_nlu_is_unsure_of_and_naming_no_language_switches_nothing():
    # "पता बदलना है, अब हम गाँव में रहते हैं" read as set_language at 0.46: answered as written, nothing locked
    assert reply_language("hi", False, "set_language", "hi", None, None, 0.46) == ("hi", False)
    assert reply_language("hi", False, "set_language", "hi", "en", None, 0.46) == ("en", True)  # "in English"
