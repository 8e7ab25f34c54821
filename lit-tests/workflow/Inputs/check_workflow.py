#!/usr/bin/env python3
"""check_workflow.py WORKFLOW: what tools/github/strata.yml promises.

Prints one line per step (`step: NAME`), then `pinned: ACTION@SHA # VERSION`
for every action it uses, and fails (exit 1) on an action not pinned to a
full commit SHA with its version in a comment."""
import re
import sys

import yaml

USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)\s*(?:#\s*(\S+))?\s*$")


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    workflow = yaml.safe_load(text)
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            print(f"step: {step['name']}")
    ok = True
    for line in text.splitlines():
        match = USES.match(line)
        if not match:
            continue
        action, ref, version = match.groups()
        if not re.fullmatch(r"[0-9a-f]{40}", ref) or not version:
            print(f"error: '{action}@{ref}' is not pinned to a full commit SHA with its version")
            ok = False
        else:
            print(f"pinned: {action}@{ref} # {version}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
