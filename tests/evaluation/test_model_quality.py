"""The trained model must meet the NLU bars and pass the test stories.

`make test` trains the model first (only when data changed), so this runs
the same evaluation an operator runs with `make evaluate`.
"""
import json

import pytest

from jan_seva.evaluation.__main__ import main


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory):
    out = tmp_path_factory.mktemp("evaluation")
    exit_code = main(["--out", str(out)])
    report = json.loads((out / "nlu_report.json").read_text(encoding="utf-8"))
    return exit_code, report


def test_model_meets_every_bar_and_passes_the_test_stories(evaluation):
    exit_code, report = evaluation
    assert exit_code == 0, json.dumps(report, indent=1)


def test_every_script_group_of_the_held_out_file_is_evaluated(evaluation):
    _, report = evaluation
    assert all(group["examples"] >= 100 for group in report["groups"].values())
