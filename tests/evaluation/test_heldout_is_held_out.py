"""The held-out NLU file is never used for training: none of its messages is a training example."""
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

ROOT = Path(__file__).resolve().parents[2]


def messages(path: Path) -> set:
    return {" ".join(example.get("text").casefold().split()) for example in load_data(str(path)).intent_examples}


def test_no_held_out_message_is_in_the_training_data():
    training = set().union(*(messages(path) for path in sorted((ROOT / "data" / "nlu").glob("*.yml"))))
    held_out = messages(ROOT / "tests" / "data" / "nlu_heldout.yml")
    assert len(held_out) > 400
    assert sorted(held_out & training) == []
