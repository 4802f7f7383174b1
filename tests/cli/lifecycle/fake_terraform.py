"""A stand-in for the terraform binary (for the tests of the driver, not of terraform): it records each
command line as a JSON line in ``$FAKE_TERRAFORM_RECORD`` and answers as terraform would for a plan with one
change. With ``$FAKE_TERRAFORM_SLOW_APPLY`` set, ``apply`` waits for SIGINT, records it and exits 1."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from types import FrameType


def _record(entry: object) -> None:
    with open(os.environ["FAKE_TERRAFORM_RECORD"], "a", encoding="utf-8") as record:
        record.write(json.dumps(entry) + "\n")


def _interrupted(signum: int, frame: FrameType | None) -> None:
    _record(["SIGINT"])
    print("Interrupt received. Gracefully shutting down...")
    sys.exit(1)


def main() -> int:
    args = sys.argv[1:]
    slow = bool(os.environ.get("FAKE_TERRAFORM_SLOW_APPLY"))
    if slow and args[0] == "apply":
        signal.signal(signal.SIGINT, _interrupted)  # before the record shows apply started
    _record(args)
    command = args[0]
    if command == "plan":
        print("Plan: 1 to add, 0 to change, 0 to destroy.")
        return 2
    if command == "show" and "-json" in args:
        print(json.dumps({"resource_changes": [{"change": {"actions": ["create"]}}]}))
    elif command == "show":
        print("  # thing.one will be created")
    elif command == "output":
        print("{}")
    elif command == "apply" and slow:
        print("thing.one: Creating...", flush=True)
        time.sleep(60)
    elif command == "apply":
        print("thing.one: Creation complete after 0s [id=1]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
