"""Every response speaks both languages; button titles fit WhatsApp."""
import re
from pathlib import Path

import pytest
import yaml

from actions.labels import intent_labels

DOMAIN = yaml.safe_load(open("domain.yml", encoding="utf-8"))
DEVANAGARI = re.compile(r"[\u0900-\u097F]")


@pytest.mark.parametrize("name", sorted(DOMAIN["responses"]))
def test_response_has_an_english_variant_and_a_hindi_default(name):
    variants = DOMAIN["responses"][name]
    english = [v for v in variants if v.get("condition") == [{"type": "slot", "name": "language", "value": "en"}]]
    hindi = [v for v in variants if "condition" not in v]
    assert len(english) == 1 and len(hindi) == 1
    assert DEVANAGARI.search(hindi[0]["text"]) and not DEVANAGARI.search(english[0]["text"])
    assert not any("channel" in v for v in variants), "channel variants would beat the language condition"
    for variant in variants:
        assert all(len(b["title"]) <= 20 for b in variant.get("buttons", []))
        assert len(variant.get("buttons", [])) <= 10


def predictable_intents() -> set:
    """Intents with NLU examples; payload-only ones (e.g. share_location) are never offered."""
    return {
        item["intent"]
        for path in Path("data/nlu").glob("*.yml")
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", [])
        if "intent" in item
    }


def test_every_intent_the_model_can_predict_has_button_titles_in_both_languages():
    labels = intent_labels()
    assert predictable_intents() <= set(labels) <= set(DOMAIN["intents"])
    for titles in labels.values():
        assert DEVANAGARI.search(titles["hi"]) or titles["hi"].isascii()
        assert len(titles["hi"]) <= 20 and len(titles["en"]) <= 20
