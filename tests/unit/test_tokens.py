import pytest

from jan_seva.text.tokens import split_words

TEXTS = [
    "मेरा आवेदन LS-2026-000123 कहाँ है?",
    "mera aavedan ls २०२६ १२३ kab milega??",
    "क्या प्रमाण-पत्र मिलेगा।",
    "क्\u200dष और क्\u200cष 👍🙏",
    "hello,   world!!! ... cmp 2025 7",
]


def texts(text):
    return [span.text for span in split_words(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_span_text_is_the_slice_of_the_message(text):
    spans = split_words(text)
    assert spans
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_tracking_numbers_are_one_span_with_their_entity():
    spans = split_words("status ls २०२६ १२३ aur cmp-2025-7 batao")
    assert [(s.text, s.id_entity) for s in spans] == [
        ("status", None),
        ("ls २०२६ १२३", "application_id"),
        ("aur", None),
        ("cmp-2025-7", "complaint_id"),
        ("batao", None),
    ]


def test_matras_virama_and_joiners_stay_inside_words():
    assert texts("क्या स्थिति है") == ["क्या", "स्थिति", "है"]
    assert texts("हिन्दी कहाँ") == ["हिन्दी", "कहाँ"]
    assert texts("क्\u200dष क्\u200cष") == ["क्\u200dष", "क्\u200cष"]


def test_emoji_is_a_token_and_punctuation_is_dropped():
    assert texts("धन्यवाद 👍, ok!") == ["धन्यवाद", "👍", "ok"]
    assert texts("👍🙏") == ["👍", "🙏"]
    assert texts("?!... । , -") == []


def test_numbers_are_words():
    assert texts("मुझे 2 दिन") == ["मुझे", "2", "दिन"]


def test_emoji_keeps_its_selector_skin_tone_and_joined_parts():
    assert texts("ok ❤️ 👍🏽") == ["ok", "❤️", "👍🏽"]
    assert texts("👨\u200d👩\u200d👧 ठीक") == ["👨\u200d👩\u200d👧", "ठीक"]
