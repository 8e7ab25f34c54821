#!/usr/bin/env python3
"""patterns_cover.py LINTRUNNER.toml GRAPH.json: whether the stanza's
include_patterns take every file strata read (the files of `strata graph
--format json`), matched as lintrunner matches them. Prints each file strata
read that the patterns leave out, then `N files strata reads, M left out`."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "support"))
import lintrunner_emulator  # noqa: E402

linter = lintrunner_emulator.find_linter(os.path.realpath(sys.argv[1]), None)
files = [entry["path"] for entry in json.load(open(sys.argv[2], encoding="utf-8"))["files"]]
left_out = [path for path in files if not lintrunner_emulator.matches(linter["include_patterns"], path)]
for path in left_out:
    print(f"left out: {path}")
print(f"{len(files)} files strata reads, {len(left_out)} left out")
