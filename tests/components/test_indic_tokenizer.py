import pytest
from rasa.shared.nlu.training_data.message import Message

TEXTS = [
    "मेरा आवेदन LS-2026-000123 कहाँ है?",
    "mera aavedan ls २०२६ १२३ kab milega??",
    "क़\u200dष्ट हुआ, ज़रूरी काम 👍",
    "  prayog   pleaseeee ",
]


def tokens_of(tokenizer, text):
    return tokenizer.tokenize(Message(data={"text": text}), "text")


@pytest.mark.parametrize("text", TEXTS)
def test_token_text_is_found_at_its_offsets(tokenizer, text):
    tokens = tokens_of(tokenizer, text)
    assert tokens
    for token in tokens:
        assert text[token.start : token.end] == token.text


def test_lemma_is_the_normalised_word_and_text_the_original(tokenizer):
    tokens = tokens_of(tokenizer, "हिन्दी ज़रूरी pleaseeee")
    assert [t.text for t in tokens] == ["हिन्दी", "ज़रूरी", "pleaseeee"]
    assert [t.lemma for t in tokens] == ["हिंदी", "जरूरी", "pleasee"]


def test_two_application_ids_get_the_same_placeholder_lemma(tokenizer):
    first = tokens_of(tokenizer, "status of LS-2026-000123")[-1]
    second = tokens_of(tokenizer, "status of ls 2025 77")[-1]
    assert (first.text, second.text) == ("LS-2026-000123", "ls 2025 77")
    assert first.lemma == second.lemma
    assert first.lemma not in (first.text, second.text)
    assert "2026" not in first.lemma


def test_complaint_id_placeholder_differs_from_application_id(tokenizer):
    [application] = tokens_of(tokenizer, "LS-2026-000123")
    [complaint] = tokens_of(tokenizer, "CMP-2026-000123")
    assert application.lemma != complaint.lemma


def test_punctuation_only_text_yields_one_token(tokenizer):
    text = "  ??!  "
    [token] = tokens_of(tokenizer, text)
    assert token.text == "??!"
    assert text[token.start : token.end] == token.text


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_yields_no_tokens(tokenizer, text):
    assert tokens_of(tokenizer, text) == []


def test_process_sets_tokens_on_the_message(tokenizer):
    [message] = tokenizer.process([Message(data={"text": "क्या स्थिति है"})])
    assert [t.text for t in message.get("text_tokens")] == ["क्या", "स्थिति", "है"]
