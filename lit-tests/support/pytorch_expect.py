#!/usr/bin/env python3
"""Runs strata at the root of an unpacked PyTorch tree (pytorch_tree.py
unpacks it) and compares what it says with what a test expects.

usage: pytorch_expect.py STRATA TREE --expect FILE

Runs `STRATA check --no-cache --format json .` at TREE with the built-in
default, and compares:

- the layer-violation, forbidden-dependency and expired-deprecation
  findings, as
  `RULE PATH:LINE` lines, with the `findings:` section of FILE, exactly;
- the notices about syntax errors, with its `syntax-errors:` section (one
  `PATH` a line), exactly.

Prints each difference and exits 1 when there is one; prints "ok: N
findings, N syntax errors" otherwise.
"""

import argparse
import json
import os
import subprocess
import sys


def read_expected(path):
    sections, current = {}, None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.endswith(":") and " " not in line:
                current = sections.setdefault(line[:-1], set())
                continue
            current.add(line)
    return sections


def compare(name, got, expected):
    differences = 0
    for line in sorted(got - expected):
        print(f"{name}: not expected: {line}")
        differences += 1
    for line in sorted(expected - got):
        print(f"{name}: missing: {line}")
        differences += 1
    return differences


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("strata")
    parser.add_argument("tree")
    parser.add_argument("--expect", required=True)
    args = parser.parse_args()
    run = subprocess.run([os.path.abspath(args.strata), "check", "--no-cache", "--format", "json", "."],
                         cwd=args.tree, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(run.stderr, file=sys.stderr)
        sys.exit(f"pytorch_expect.py: strata exited with {run.returncode}")
    findings = {f"{item['ruleId']} {item['path']}:{item['line']}" for item in json.loads(run.stdout)
                if item["ruleId"] in ("layer-violation", "forbidden-dependency", "expired-deprecation")}
    syntax = {line.split(":")[0] for line in run.stderr.splitlines() if "notice: syntax error" in line}
    expected = read_expected(args.expect)
    differences = compare("findings", findings, expected.get("findings", set()))
    differences += compare("syntax-errors", syntax, expected.get("syntax-errors", set()))
    if differences:
        return 1
    print(f"ok: {len(findings)} findings, {len(syntax)} syntax errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
