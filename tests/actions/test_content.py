"""Designer-edited content (actions/content) agrees with the actions: every
text in both languages, every word list made of words, every information
topic reviewed and answered in the citizen's language."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from actions.information import ActionShowInformation
from actions.texts import CONTENT_DIR, content
from tests.actions.citizen_chat import DOMAIN, Chat, keys, message, texts

INFO_INTENTS = sorted(intent for intent in DOMAIN["intents"] if intent.startswith("info_"))
DEVANAGARI = range(0x0900, 0x0980)
WORD_LISTS = ("words", "field_cues", "choice_aliases")


@pytest.mark.parametrize("intent", INFO_INTENTS)
def test_every_information_topic_has_both_languages_and_a_review_date(intent):
    topic = content("information")[intent[len("info_"):]]
    assert isinstance(topic["last_reviewed"], datetime.date) and topic["last_reviewed"] <= datetime.date.today()
    hindi = Chat(language="hi").run(ActionShowInformation(), message("", intent))
    english = Chat(language="en").run(ActionShowInformation(), message("", intent))
    assert keys(hindi) == keys(english) == [f"information.{intent[len('info_'):]}"]
    assert any(ord(ch) in DEVANAGARI for ch in texts(hindi)) and not any(ord(ch) in DEVANAGARI for ch in texts(english))


def _bilingual(node, path=""):
    if isinstance(node, dict) and {"hi", "en"} <= set(node):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _bilingual(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _bilingual(value, f"{path}[{index}]")


@pytest.mark.parametrize("name", sorted(path.stem for path in Path(CONTENT_DIR).glob("*.yml")))
def test_texts_have_both_languages(name):
    for path, entry in _bilingual(content(name)):
        if not isinstance(entry["hi"], str):
            continue
        words = re.sub(r"\{\w+\}", "", entry["hi"])  # placeholders are filled in either language
        assert any(ord(ch) in DEVANAGARI for ch in words) or not re.search("[A-Za-z]", words) \
            or name == "choice_aliases", f"{name}{path}"
        assert not any(ord(ch) in DEVANAGARI for ch in str(entry["en"])), f"{name}{path}"


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_lists_hold_only_words(name):
    """YAML reads an unquoted yes, no, on or off as true/false: such a word would never match."""
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                assert isinstance(key, str), f"{name}{path}: key {key!r} is not text (quote it)"
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                assert isinstance(item, str), f"{name}{path}: {item!r} is not text (quote it)"
    walk(yaml.safe_load((Path(CONTENT_DIR) / f"{name}.yml").read_text(encoding="utf-8")), "")
