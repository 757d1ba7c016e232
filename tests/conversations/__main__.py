"""python -m tests.conversations [--set tuning|heldout|all] [--only ID ...] [--jobs N] [--transcripts]

Starts the whole system on free ports, plays the conversations and prints
the pass rates per script and per pattern (and the failures)."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from tests.conversations.run import report, run
from tests.conversations.script import SETS, load_set
from tests.conversations.system import whole_system
from tests.conversations.world import Backends, World


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default="all", choices=[*SETS, "all"])
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--transcripts", action="store_true")
    parser.add_argument("--running", help="a JSON file with the addresses of a system already running")
    args = parser.parse_args(argv)
    sets = SETS if args.set == "all" else (args.set,)
    with ExitStack() as stack:
        if args.running:
            addresses = json.loads(Path(args.running).read_text())
            backends, emulator_url = Backends(**addresses["backends"]), addresses["emulator"]
        else:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            backends, emulator_url = stack.enter_context(whole_system(folder))
        world = World(backends)
        for name in sets:
            conversations = [c for c in load_set(name) if not args.only or c.id in args.only]
            results = run(conversations, world, emulator_url, args.jobs)
            print(report(results, f"{name} conversations"))
            if args.transcripts:
                for result in results:
                    if not result.passed or args.only:
                        print(f"\n== {result.conversation.id}")
                        print("\n".join(result.transcript))
    return 0


if __name__ == "__main__":
    sys.exit(main())
