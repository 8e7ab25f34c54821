#!/usr/bin/env python3
"""Write the SARIF of every tree the lit tests hold, and validate each.

usage: sarif_of_every_tree.py --strata STRATA --splitter SPLIT_FILE
                              --srcroot DIR --build DIR --shared DIR --out DIR

The trees: every folder directly inside an Inputs/ folder under lit-tests/,
every test that holds a tree in split-file parts (`#--- path`), together with
each of its top folders (tests such as checks/exit-status.test keep several
trees side by side), and examples/minitorch. `strata check --format sarif`
runs on each; a tree whose config strata refuses (the config tests' broken
configs; exit status 2, no SARIF written) is counted and skipped.

Writes OUT/NNN.sarif and OUT/index.txt (NNN.sarif and the tree, a line
each), and prints `N logs, M trees without one`. Then validates every log
with lit-tests/support/validate_sarif.py (the SARIF schemas of --shared; it
says "skipped" without them) and lit-tests/support/sarif_multitool.py (the
SARIF Multitool with GitHub's rules, and code scanning's limits), printing
each error and a count per validator; exits 1 on any error.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

PART = re.compile(r"^(?:#|//)--- \S", re.M)


def trees(srcroot, workdir, split_file):
    lit = os.path.join(srcroot, "lit-tests")
    found = []
    for folder, subfolders, files in os.walk(lit):
        subfolders.sort()
        if os.path.basename(folder) == "Inputs":
            found += [os.path.join(folder, name) for name in subfolders]
            subfolders[:] = []
            continue
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    if not PART.search(handle.read()):
                        continue
            except OSError:
                continue
            target = os.path.join(workdir, os.path.relpath(path, lit).replace(os.sep, "_"))
            subprocess.run([split_file, path, target], check=True, capture_output=True)
            found.append(target)
            found += [os.path.join(target, entry) for entry in sorted(os.listdir(target))
                      if os.path.isdir(os.path.join(target, entry))]
    found.append(os.path.join(srcroot, "examples", "minitorch"))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strata", required=True)
    parser.add_argument("--splitter", required=True)
    parser.add_argument("--srcroot", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    logs = []
    refused = 0
    for tree in trees(args.srcroot, os.path.join(args.out, "trees"), args.splitter):
        output = os.path.join(args.out, f"{len(logs):03d}.sarif")
        run = subprocess.run([args.strata, "check", "--no-cache", "--format", "sarif", "--output", output, tree],
                             capture_output=True, text=True)
        if run.returncode == 2 and not os.path.exists(output):
            refused += 1
            continue
        if run.returncode not in (0, 1):
            print(f"error: strata check exited {run.returncode} on '{tree}': {run.stderr}")
            return 1
        logs.append((output, tree))
    with open(os.path.join(args.out, "index.txt"), "w", encoding="utf-8") as handle:
        for output, tree in logs:
            handle.write(f"{os.path.basename(output)} {tree}\n")
    print(f"{len(logs)} logs, {refused} trees without one")
    return 0 if validate(args, logs) else 1


def validate(args, logs):
    """Both validators, side by side: the Multitool is one slow process, the
    schema check one quick process per log."""
    support = os.path.join(args.srcroot, "lit-tests", "support")
    multitool = subprocess.Popen([sys.executable, os.path.join(support, "sarif_multitool.py"),
                                  "--build", args.build] + [output for output, _ in logs],
                                 stdout=subprocess.PIPE, text=True)

    def schema_check(log):
        return subprocess.run([sys.executable, os.path.join(support, "validate_sarif.py"),
                               "--shared", args.shared, log[0]], capture_output=True, text=True)

    ok = True
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        checked = list(pool.map(schema_check, logs))
    if any(run.stdout.startswith("skipped") for run in checked):
        print("schemas: skipped: no shared schemas")
    else:
        for (output, tree), run in zip(logs, checked):
            if run.returncode != 0:
                ok = False
                print(f"schemas: '{tree}':\n{run.stdout}", end="")
        print(f"schemas: {sum(run.returncode == 0 for run in checked)} of {len(logs)} valid")

    stdout, _ = multitool.communicate()
    for line in stdout.splitlines():
        if line.startswith("error:"):
            for output, tree in logs:
                line = line.replace(output, f"'{tree}'")
            print(f"multitool: {line}")
    valid = sum(line.startswith("valid:") for line in stdout.splitlines())
    print(f"multitool: {valid} of {len(logs)} valid")
    return ok and multitool.returncode == 0 and valid == len(logs)


if __name__ == "__main__":
    sys.exit(main())
