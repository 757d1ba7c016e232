"""Answers to the information intents (info_<topic>), from
content/information.yml where designers keep them with their review dates;
a subtopic the question names ("कोरोना के लक्षण", a scheme) gets its own
answer."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from actions.answer_action import AnswerAction
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from actions.texts import content, pick
from common.last_turn import previous_answer_keys
from common.words import normalise

INTENT_PREFIX = "info_"


def information_topic(intent: str) -> str:
    return intent[len(INTENT_PREFIX):] if intent.startswith(INTENT_PREFIX) else intent


def _subtopic(topic: Dict[str, Any], talk: Talk) -> Optional[str]:
    padded = f" {' '.join(normalise(talk.message.typed).split())} "
    schemes = set(map(str, talk.message.entity_values("scheme")))
    for name, subtopic in (topic.get("subtopics") or {}).items():
        if subtopic.get("scheme") in schemes or any(f" {normalise(word)} " in padded for word in subtopic.get("keywords", [])):
            return name
    return None


def information(talk: Talk, task: Optional[Task] = None, name: Optional[str] = None) -> None:
    """The topic the message asks about (its intent), or `name`; the subtopic its words name, if any."""
    name = name or information_topic(talk.message.intent)
    topic = content("information").get(name)
    if topic is None:
        talk.dispatcher.utter_message(response="utter_main_menu")
        return
    subtopic = _subtopic(topic, talk)
    if subtopic:
        talk.say_text(pick(topic["subtopics"][subtopic], talk.language), key=f"information.{name}.{subtopic}")
    else:
        talk.say_text(pick(topic, talk.language), key=f"information.{name}")


def topic_just_shown(talk: Talk) -> Optional[str]:
    """The information topic answered to the citizen's previous message ("kaunse documents lgte h iske liye?"
    right after Ayushman Bharat is about Ayushman Bharat)."""
    for key in previous_answer_keys(talk.tracker.events):
        parts = key.split(".")
        if parts[0] == "information" and len(parts) > 1 and parts[1] in content("information"):
            return parts[1]
    return None


class ActionShowInformation(AnswerAction):
    def name(self) -> Text:
        return "action_show_information"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        information(talk, task)
