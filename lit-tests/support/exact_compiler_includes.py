#!/usr/bin/env python3
"""exact_compiler_includes.py DATABASE ROOT GRAPH_JSON [--compiler CC]

Checks exact mode against the compiler itself. Runs every entry of the
compilation database DATABASE with its own flags and `-E -H` (the entry's
compiler, or CC), reads the include tree the compiler prints on stderr (one
`. path` line per header, a dot per level), and compares it with the graph
strata wrote (`strata graph --format json --compile-commands DATABASE`):

- every include the compiler reports from a file of the graph to a file of
  the graph, under ROOT, is an edge marked "taken": true;
- every edge marked "taken": true leads into a file that some unit opened.

Prints one summary line, or each difference and exits 1."""
import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys

# Flags that say what to write: the compiler only preprocesses here.
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ", "-MJ"}
DROP = {"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-H"}


def command_of(entry, compiler):
    if "arguments" in entry:
        words = list(entry["arguments"])
    else:
        words = shlex.split(entry["command"])
    if compiler:
        words[0] = compiler
    out = [words[0]]
    skip = False
    for word in words[1:]:
        if skip:
            skip = False
            continue
        if word in DROP_WITH_VALUE:
            skip = True
            continue
        if word in DROP:
            continue
        out.append(word)
    return out + ["-E", "-H", "-o", os.devnull]


def include_pairs(entry, compiler):
    """(includer, included) real paths the compiler reports, and the files it opened."""
    directory = entry["directory"]
    unit = os.path.realpath(os.path.join(directory, entry["file"]))
    run = subprocess.run(command_of(entry, compiler), cwd=directory, capture_output=True,
                         text=True, errors="replace")
    stack = [unit]
    pairs, opened = set(), {unit}
    for line in run.stderr.splitlines():
        dots = len(line) - len(line.lstrip("."))
        if dots == 0 or not line[dots:].startswith(" "):
            continue
        path = os.path.realpath(os.path.join(directory, line[dots + 1:]))
        del stack[dots:]
        if len(stack) != dots:
            continue  # a level the compiler skipped: never seen
        pairs.add((stack[-1], path))
        opened.add(path)
        stack.append(path)
    return pairs, opened, run.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("database")
    parser.add_argument("root")
    parser.add_argument("graph")
    parser.add_argument("--compiler")
    args = parser.parse_args()
    root = os.path.realpath(args.root)
    with open(args.database, encoding="utf-8") as handle:
        entries = json.load(handle)
    with open(args.graph, encoding="utf-8") as handle:
        graph = json.load(handle)
    files = {item["path"] for item in graph["files"]}
    taken = {(edge["from"], edge["to"]) for edge in graph["edges"] if edge.get("taken") is True}

    def relative(path):
        if not path.startswith(root + os.sep):
            return None
        return os.path.relpath(path, root)

    problems = []
    reported, opened = set(), set()
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda entry: include_pairs(entry, args.compiler), entries))
    for pairs, unit_opened, status in results:
        failed += status != 0
        opened |= {relative(path) for path in unit_opened} - {None}
        for includer, included in pairs:
            edge = (relative(includer), relative(included))
            if edge[0] in files and edge[1] in files:
                reported.add(edge)
    for edge in sorted(reported - taken):
        problems.append(f"the compiler includes '{edge[1]}' from '{edge[0]}', "
                        "but strata does not mark that edge taken")
    for edge in sorted(taken):
        if edge[1] not in opened:
            problems.append(f"strata marks '{edge[0]}' -> '{edge[1]}' taken, "
                            "but no unit opens that file")
    for problem in problems:
        print(problem)
    if failed:
        print(f"{failed} units did not preprocess")
    if problems or failed:
        return 1
    print(f"{len(entries)} units: all {len(reported)} includes the compiler reports between "
          f"files of the tree are taken; all {len(taken)} taken edges lead into files a unit opens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
