"""The held-out conversations, never tuned on, played through the whole
system (WhatsApp emulator, Rasa, actions, both APIs) as citizens would.

Issue 12 sets the bar at 95 % of them completing as the citizen expects;
until the assistant reaches it, the test holds the level reached so far
(HELD_OUT_FLOOR), so that no change makes whole conversations worse. The
report printed with -s (and by `make evaluate`) gives the rate per pattern
and per script."""
from __future__ import annotations

from tests.conversations.run import report, run
from tests.conversations.script import load_set
from tests.conversations.system import whole_system
from tests.conversations.world import World

TARGET = 0.95  # issue 12
HELD_OUT_FLOOR = 0.75  # 78.2–80.8 % measured (61–63 of 78); raise it as the assistant improves
JOBS = 4


def test_held_out_conversations_complete(tmp_path):
    with whole_system(tmp_path) as (backends, emulator_url):
        results = run(load_set("heldout"), World(backends), emulator_url, JOBS)
    print(report(results, "held-out conversations"))
    rate = sum(result.passed for result in results) / len(results)
    assert rate >= HELD_OUT_FLOOR, report(results, f"held-out conversations below {HELD_OUT_FLOOR:.0%}")
