#!/usr/bin/env python3
"""Runs strata on the PyTorch source tree of ../shared/corpora and compares
what it says with what a test expects.

usage: pytorch_tree.py STRATA SHARED WORKDIR --expect FILE [--cache]

Unpacks SHARED/corpora/pytorch_1.13.1+dfsg.orig.tar.xz (after checking it
against SHA256SUMS) into WORKDIR, runs `STRATA check --format json` at the
tree's root with the built-in default, and compares:

- the layer-violation and forbidden-dependency findings, as
  `RULE PATH:LINE` lines, with the `findings:` section of FILE, exactly;
- the notices about syntax errors, with its `syntax-errors:` section (one
  `PATH` a line), exactly.

Prints each difference and exits 1 when there is one; prints "ok: N
findings, N syntax errors" otherwise. Prints "skipped: ..." and exits 0
when the corpus is not there (a user's clone has no ../shared).
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile

TARBALL = "pytorch_1.13.1+dfsg.orig.tar.xz"


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


def unpack(shared, workdir):
    corpora = os.path.join(shared, "corpora")
    tarball = os.path.join(corpora, TARBALL)
    if not os.path.isfile(tarball):
        return None
    digest = hashlib.sha256()
    with open(tarball, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    with open(os.path.join(corpora, "SHA256SUMS"), encoding="utf-8") as handle:
        sums = dict(reversed(line.split()) for line in handle if line.strip())
    if sums.get(TARBALL) != digest.hexdigest():
        sys.exit(f"pytorch_tree.py: {tarball} does not match SHA256SUMS")
    os.makedirs(workdir, exist_ok=True)
    with tarfile.open(tarball) as archive:
        top = archive.getnames()[0].split("/")[0]
        if not os.path.isdir(os.path.join(workdir, top)):
            if hasattr(tarfile, "data_filter"):
                archive.extractall(workdir, filter="data")
            else:
                archive.extractall(workdir)
    return os.path.join(workdir, top)


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
    parser.add_argument("shared")
    parser.add_argument("workdir")
    parser.add_argument("--expect", required=True)
    args = parser.parse_args()
    root = unpack(args.shared, args.workdir)
    if root is None:
        print(f"skipped: {os.path.join(args.shared, 'corpora', TARBALL)} is absent")
        return 0
    run = subprocess.run([os.path.abspath(args.strata), "check", "--no-cache", "--format", "json", "."], cwd=root,
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(run.stderr, file=sys.stderr)
        sys.exit(f"pytorch_tree.py: strata exited with {run.returncode}")
    findings = {f"{item['ruleId']} {item['path']}:{item['line']}" for item in json.loads(run.stdout)
                if item["ruleId"] in ("layer-violation", "forbidden-dependency")}
    syntax = {line.split(":")[0] for line in run.stderr.splitlines()
              if "notice: syntax error" in line}
    expected = read_expected(args.expect)
    differences = compare("findings", findings, expected.get("findings", set()))
    differences += compare("syntax-errors", syntax, expected.get("syntax-errors", set()))
    if differences:
        return 1
    print(f"ok: {len(findings)} findings, {len(syntax)} syntax errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
