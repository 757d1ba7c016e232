"""What a conversation must show, turn by turn and at its end. Checked on
what the citizen received (which text was sent, by its key; what it asks;
facts it mentions) and on the records in the backends; never on wording."""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional

from tests.conversations.player import Reply

DEVANAGARI = re.compile(r"[\u0900-\u097F]")
AADHAAR_IN_FULL = re.compile(r"(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)")
MOBILE_IN_FULL = re.compile(r"(?<!\d)[6-9]\d{9}(?!\d)")
RAW_ERRORS = ("Traceback", "Exception", "KeyError", "None}", "{'", "\\u0")

# Which texts answer which kind of request (`answers:` of a turn), by key prefix.
TOPICS = {
    "status": ("lok_seva.status.", "complaints.texts.status", "complaints.texts.my_complaints", "complaints.texts.status_limited"),
    "information": ("information.",),
    "service_info": ("lok_seva.services.details",),
    "service_list": ("lok_seva.services.list", "lok_seva.services.which_info", "lok_seva.services.not_found"),
    "certificate": ("lok_seva.certificate.",),
    "handoff": ("utter_handoff_recorded",),
    "menu": ("utter_main_menu", "utter_greet", "tasks.help"),
    "not_offered": ("lok_seva.not_offered.", "complaints.texts.outside_city"),
    "privacy": ("notice.privacy", "privacy.", "utter_privacy", "information.aadhaar.privacy"),
    "out_of_scope": ("utter_out_of_scope",),
    "fallback": ("utter_did_you_mean", "utter_not_understood"),
    "media_notice": ("utter_voice_note", "utter_sticker", "utter_unsupported_message", "tasks.voice_note",
                     "general.not_typed", "utter_location_received", "utter_media_received", "utter_media_rejected"),
}
OFFERS = {"skip": '"do": "skip"', "officer": "/human_handoff", "cancel": '"do": "cancel"'}


def _all_text(replies: Iterable[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def asked_field(replies: List[Reply]) -> Optional[str]:
    """The field the turn's last question asks (`ask:<field>` or `help:<field>`)."""
    for reply in reversed(replies):
        if reply.tag.startswith(("ask:", "help:")):
            return reply.tag.split(":", 1)[1].rsplit(".", 1)[-1]  # "applicant.mobile" is the mobile
    return None


def question_of(replies: List[Reply]) -> Optional[str]:
    """The turn's last question as asked: its key and field (help or a re-ask after a side question differ)."""
    for reply in reversed(replies):
        if reply.tag.startswith("ask:"):
            return f"{reply.key}|{reply.tag}|{reply.text}"
    return None


def turn_problems(expect: Dict[str, Any], replies: List[Reply], typed: str, numbers: Dict[str, str]) -> List[str]:
    from tests.conversations.script import filled
    problems = []
    text = _all_text(replies)
    if not replies:
        return ["no answer"]
    for fact in expect.get("mentions") or []:
        fact = filled(str(fact), numbers)
        if fact.casefold() not in text.casefold():
            problems.append(f"does not mention {fact!r}")
    language = expect.get("language")
    if language == "hi" and not DEVANAGARI.search(text):
        problems.append("not in Hindi")
    # a "हिंदी" button offers the switch in its own language; names in *bold* are the citizen's own,
    # an officer's note or reason in _italics_ the officer's
    said = "\n".join(reply.said for reply in replies)
    if language == "en" and DEVANAGARI.search(re.sub(r"\*[^*]*\*|_[^_\n]*_", "", said)):
        problems.append("not in English")
    asked = asked_field(replies)
    if expect.get("asks") and asked != expect["asks"]:
        problems.append(f"asks {asked!r}, not {expect['asks']!r}")
    if expect.get("asks_not") and asked == expect["asks_not"]:
        problems.append(f"asks {asked!r} again")
    topic = expect.get("answers")
    if topic:
        keys = [reply.key for reply in replies]
        if not any(key.startswith(TOPICS.get(topic, (topic,))) for key in keys):
            problems.append(f"does not answer {topic} (sent {keys})")
    payloads = " ".join(option["id"] for reply in replies for option in reply.options)
    for offer in expect.get("offers") or []:
        if OFFERS.get(offer, offer) not in payloads:
            problems.append(f"does not offer {offer}")
    for reply in replies:
        if any(error in reply.text for error in RAW_ERRORS):
            problems.append(f"shows a raw error: {reply.text[:80]!r}")
        if AADHAAR_IN_FULL.search(reply.text):
            problems.append("shows a full Aadhaar-like number")
        for mobile in MOBILE_IN_FULL.findall(reply.text):
            if mobile not in re.sub(r"\D", "", typed):
                problems.append("shows a whole mobile number")
    return problems


def _contains(stored: Any, wanted: Any) -> bool:
    if isinstance(stored, str) and "XXXX" in stored:  # a masked number: its last four digits
        return re.sub(r"\D", "", str(wanted))[-4:] == re.sub(r"\D", "", stored)[-4:]
    if isinstance(wanted, (int, float)) and not isinstance(wanted, bool):
        try:
            return float(stored) == float(wanted)
        except (TypeError, ValueError):
            return False
    return str(wanted).casefold() in str(stored or "").casefold()


def _matches(record: Dict[str, Any], wanted: Dict[str, Any], where: str) -> List[str]:
    problems = []
    for name, value in wanted.items():
        if isinstance(value, dict):
            problems += _matches(record.get(name) or {}, value, f"{where}.{name}")
        elif not _contains(record.get(name), value):
            problems.append(f"{where}.{name} is {record.get(name)!r}, wanted {value!r}")
    return problems


def application_problems(wanted: Dict[str, Any], applications: List[Dict[str, Any]]) -> List[str]:
    if not applications:
        return ["no application was made"]
    newest = max(applications, key=lambda item: item["submitted_at"])
    record = {**newest, "service": newest["service"]["code"],
              "applicant": {**newest["applicant"], "mobile": newest["applicant"].get("mobile_masked"),
                            "aadhaar": newest["applicant"].get("aadhaar_masked")},
              "documents": len(newest.get("document_ids") or [])}
    expected = dict(wanted)
    documents = expected.pop("documents", None)
    problems = _matches(record, expected, "application")
    if documents is not None and record["documents"] < int(documents):
        problems.append(f"application has {record['documents']} documents, wanted {documents}")
    return problems


def complaint_problems(wanted: Dict[str, Any], complaints: List[Dict[str, Any]], detail) -> List[str]:
    filed = [view for view in complaints if view.get("role", "complainant") == "complainant"]
    if not filed:
        return ["no complaint was registered"]
    newest = detail(max(filed, key=lambda view: view.get("requested_datetime") or "")["service_request_id"])
    extended = newest.get("extended_attributes") or {}
    attributes = {item.get("code"): item.get("value") for item in extended.get("attributes") or []} \
        if isinstance(extended.get("attributes"), list) else dict(extended.get("attributes") or {})
    record = {"category": newest.get("service_code"), "address": newest.get("address") or "",
              "ward": " ".join(str(v) for v in (extended.get("ward") or {}).values()) if isinstance(extended.get("ward"), dict)
              else str(extended.get("ward") or ""),
              "description": newest.get("description") or "", "attributes": attributes}
    expected = dict(wanted)
    photos = expected.pop("photos", None)
    problems = _matches(record, expected, "complaint")
    count = len([p for p in extended.get("photos") or [] if p.get("kind") != "after"]) or len(newest.get("media_urls") or [])
    if photos is not None and count < int(photos):
        problems.append(f"complaint has {count} photos, wanted {photos}")
    return problems
