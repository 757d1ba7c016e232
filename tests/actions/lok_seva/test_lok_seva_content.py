"""Designer-edited content and the domain agree with the actions."""
from __future__ import annotations

import datetime
import re

import pytest
import yaml

from actions.information import ActionShowInformation
from actions.lok_seva.form_state import ANSWER_SLOT
from actions.texts import content
from tests.actions.lok_seva.chat import DOMAIN, NOT_AN_ANSWER, Chat, message, texts
from tests.servers import ROOT

INFO_INTENTS = sorted(intent for intent in DOMAIN["intents"] if intent.startswith("info_"))
DEVANAGARI = range(0x0900, 0x0980)


@pytest.mark.parametrize("intent", INFO_INTENTS)
def test_every_information_topic_has_both_languages_and_a_review_date(intent):
    topic = content("information")[intent[len("info_"):]]
    assert isinstance(topic["last_reviewed"], datetime.date) and topic["last_reviewed"] <= datetime.date.today()
    hindi = texts(Chat(language="hi").run(ActionShowInformation(), message("", intent)))
    english = texts(Chat(language="en").run(ActionShowInformation(), message("", intent)))
    assert hindi == topic["hi"] and english == topic["en"]
    assert any(ord(ch) in DEVANAGARI for ch in hindi) and not any(ord(ch) in DEVANAGARI for ch in english)


def test_every_side_question_of_the_rules_is_left_to_its_rule_by_the_form():
    rules = yaml.safe_load((ROOT / "data" / "rules" / "lok_seva.yml").read_text(encoding="utf-8"))["rules"]
    during_form = [rule for rule in rules if rule.get("condition") == [{"active_loop": "lok_seva_form"}]]
    intents = set()
    for rule in during_form:
        first = rule["steps"][0]
        intents |= {step["intent"] for step in first.get("or", [first]) if "intent" in step}
    assert intents and intents <= NOT_AN_ANSWER
    assert DOMAIN["forms"]["lok_seva_form"]["required_slots"] == [ANSWER_SLOT]


def test_lok_seva_texts_have_both_languages():
    def walk(node, path=""):
        if isinstance(node, dict) and {"hi", "en"} <= set(node):
            yield path, node
        elif isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{path}.{key}")
    entries = [entry for entry in walk(content("lok_seva")) if not entry[0].startswith(".copy.record_types")]
    assert len(entries) > 50
    for path, entry in entries:
        words = re.sub(r"\{\w+\}", "", entry["hi"])  # placeholders are filled in either language
        assert any(ord(ch) in DEVANAGARI for ch in words) or not re.search("[A-Za-z]", words), path
        assert not any(ord(ch) in DEVANAGARI for ch in entry["en"]), path
        if path.startswith(".buttons"):
            assert len(entry["hi"]) <= 20 and len(entry["en"]) <= 20, path
