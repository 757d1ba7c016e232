"""Reading the bot's recent answers from a conversation's events (common/last_turn.py)."""
import pytest

from common.last_turn import slot_set_within


def user(text="hi"):
    return {"event": "user", "text": text}


def subject(value):
    return {"event": "slot", "name": "subject", "value": value}


@pytest.mark.parametrize("events, turns, within", [
    ([user(), subject({"complaint": "CMP-1"}), user("photo")], 1, True),
    ([user(), subject({"complaint": "CMP-1"}), user(), user(), user("photo")], 3, True),
    ([user(), subject({"complaint": "CMP-1"}), user(), user(), user(), user("photo")], 3, False),  # too long ago
    ([user(), subject(None), user("photo")], 1, False),  # cleared, not set
    ([user("photo"), subject({"complaint": "CMP-1"})], 1, False),  # set while answering the latest message
])
def test_a_slot_counts_as_set_recently_only_within_the_turns_asked(events, turns, within):
    assert slot_set_within(events, "subject", turns) is within
