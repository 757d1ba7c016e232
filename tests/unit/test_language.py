import pytest

from jan_seva.text.language import detect_language, leaning_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("मेरा प्रमाण पत्र कब मिलेगा", "hi"),
        ("नमस्ते", "hi"),
        ("mera praman patra kab milega", "hi"),
        ("mujhe income certificate chahiye", "hi"),
        ("status kya hai", "hi"),
        ("aap kaise ho", "hi"),
        ("dhanyawad", "hi"),
        ("I want my certificate", "en"),
        ("what is the status of my application", "en"),
        ("thank you", "en"),
        ("please tell me status", "en"),
        ("मेरा application status please", "hi"),
        ("certificate चाहिए please tell me", "hi"),
    ],
)
def test_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "123", "१२३", "👍", "🙏🙏", "ok", "OK", "LS-2026-000123", "?"])
def test_no_words_give_no_language(text):
    assert detect_language(text) is None


def test_capitalised_and_stretched_marker_words_still_count():
    assert detect_language("MERA PRAMAN PATRA KAB MILEGA") == "hi"
    assert detect_language("haaaan ji") == "hi"
    assert detect_language("WHAT IS THE STATUS") == "en"


@pytest.mark.parametrize("text, detected, leaning", [
    ("garbage complaint", None, "en"), ("Sector B, Sudama Nagar, near Shiv mandir", None, "en"),
    ("kachra complaint hai", "hi", None), ("कचरा complaint", "hi", None), ("Rajwada", None, None),
])
def test_borrowed_words_alone_only_lean_to_english(text, detected, leaning):
    assert detect_language(text) == detected and leaning_language(text) == leaning
