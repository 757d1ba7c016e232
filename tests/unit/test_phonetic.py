import pytest

from jan_seva.text.phonetic import phonetic_key

SAME_WORD = [
    ("praman", "प्रमाण"),
    ("pramaan", "प्रमाण"),
    ("parmaan", "प्रमाण"),
    ("patra", "पत्र"),
    ("patr", "पत्र"),
    ("nahi", "नहीं"),
    ("kachra", "कचरा"),
    ("shikayat", "शिकायत"),
    ("hindi", "हिंदी"),
    ("hindi", "हिन्दी"),
    ("dhanyawad", "धन्यवाद"),
    ("dhanyavad", "धन्यवाद"),
    ("light", "लाइट"),
    ("sambal", "संबल"),
    ("sambal", "सम्बल"),
    ("chahiye", "चाहिए"),
    ("kya", "क्या"),
    ("aay", "आय"),
    ("jati", "जाति"),
    ("niwas", "निवास"),
    ("nivas", "निवास"),
    ("bijli", "बिजली"),
    ("paani", "पानी"),
    ("sadak", "सड़क"),
    ("yojana", "योजना"),
    ("yojna", "योजना"),
    ("sthiti", "स्थिति"),
    ("status", "स्टेटस"),
    ("aavedan", "आवेदन"),
    ("namaste", "नमस्ते"),
    ("pension", "पेंशन"),
    ("milega", "मिलेगा"),
    ("shukriya", "शुक्रिया"),
    ("phir", "फिर"),
    ("fir", "फिर"),
    ("gaddha", "गड्ढा"),
    ("jankari", "जानकारी"),
    ("zaroori", "ज़रूरी"),
    ("kharab", "ख़राब"),
    ("ujjwala", "उज्ज्वला"),
    ("kisan", "किसान"),
    ("theek", "ठीक"),
    ("sahayata", "सहायता"),
    ("samman", "सम्मान"),
    ("complaint", "कंप्लेंट"),
    ("certificate", "सर्टिफिकेट"),
]


@pytest.mark.parametrize("romanized, devanagari", SAME_WORD)
def test_romanized_and_devanagari_spellings_share_a_key(romanized, devanagari):
    assert phonetic_key(romanized) == phonetic_key(devanagari) != ""


@pytest.mark.parametrize(
    "first, second",
    [
        ("praman", "patra"),
        ("प्रमाण", "पत्र"),
        ("paani", "nali"),
        ("kachra", "gaddha"),
        ("bijli", "पानी"),
        ("jati", "निवास"),
        ("sadak", "शिकायत"),
        ("light", "लाइन"),
        ("सहायता", "शायद"),  # स+ह is not श
        ("पहला", "फल"),  # प+ह is not फ
    ],
)
def test_different_words_get_different_keys(first, second):
    assert phonetic_key(first) != phonetic_key(second)


def test_key_ignores_case_and_stretching():
    assert phonetic_key("PRAMAN") == phonetic_key("pramaaaan") == phonetic_key("praman")


def test_empty_input_gives_empty_key():
    assert phonetic_key("") == ""
