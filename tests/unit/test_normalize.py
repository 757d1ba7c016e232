import pytest

from jan_seva.text.normalize import clean_message, normalize_token
from jan_seva.whatsapp.data_files import bot_text_language


@pytest.mark.parametrize(
    "variant, reference",
    [
        ("\u0915\u093c", "\u0958"),  # क + nukta vs precomposed क़
        ("\u091c\u093c\u0930\u0942\u0930\u0940", "\u095b\u0930\u0942\u0930\u0940"),  # ज़रूरी
        ("क्\u200dष", "क्ष"),  # ZWJ
        ("क्\u200cष", "क्ष"),  # ZWNJ
        ("\u200bनमस्ते\ufeff", "नमस्ते"),
        ("हँसी", "हंसी"),  # chandrabindu vs anusvara
        ("गाँव", "गांव"),
        ("हिन्दी", "हिंदी"),
        ("सम्बल", "संबल"),
        ("१२३", "123"),
        ("LS-२०२६", "ls-2026"),
        ("Hello", "hello"),
        ("pleaseeee", "pleasee"),
        ("helllo", "hello"),
        ("PLZZZZ", "plzz"),
    ],
)
def test_spelling_variants_normalise_alike(variant, reference):
    assert normalize_token(variant) == normalize_token(reference)


def test_normalised_devanagari_keeps_its_letters():
    assert normalize_token("हिन्दी") == "हिंदी"
    assert normalize_token("ज़रूरी") == "जरूरी"


def test_stretching_keeps_real_double_letters():
    assert normalize_token("good") == "good"
    assert normalize_token("pleaseeee") != normalize_token("pleas")


def test_different_words_stay_different():
    assert normalize_token("कम") != normalize_token("काम")
    assert normalize_token("hindi") != normalize_token("हिंदी")


@pytest.mark.parametrize("token", ["a|b", "10:30", "|", ":", "ok:"])
def test_latin_tokens_keep_pipe_and_colon(token):
    normalised = normalize_token(token)
    assert normalised == token
    assert "।" not in normalised and "\u0903" not in normalised


def test_clean_message_drops_invisibles_and_unifies_spaces():
    assert clean_message("  क्\u200dष\u00a0और\u200b  ok \n") == "क्ष और ok"


def test_an_english_text_quoting_a_hindi_note_is_english():
    english_status = "Application LS-2026-000004\nService: Domicile Certificate\nStatus: Rejected\nReason: दस्तावेज़ अधूरे"
    assert bot_text_language(english_status) == "en"
    assert bot_text_language("आवेदन LS-2026-000004 की स्थिति: अस्वीकृत") == "hi"
