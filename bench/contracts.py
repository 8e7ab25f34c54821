#!/usr/bin/env python3
"""contracts.py STRATA TREE [--runs N]: what 50 transitive contracts cost on
a tree made by make_tree.py.

Writes TREE/strata-contracts.yaml: TREE/strata.yaml plus 50 contracts over
the tree's own packages: 36 transitive `forbidden` entries between packages
of the first standard-library copy (torch/_py0), 4 transitive ones between
the C++ components (one to `<Python.h>`), and 10 `independence` entries of
4 packages each, over every copy (160 "does a chain lead from A to B"
questions in all). Then measures `strata check` warm (the fact cache full,
nothing changed) with the plain config and with the contracts, each the
best of N runs in turns, in CPU seconds (user + system of the process: the
host is shared, so wall time says little), and prints both and the
overhead.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SOURCES = ["asyncio", "concurrent", "multiprocessing", "sqlite3", "dbm", "ctypes"]
TARGETS = ["email", "xml", "json", "importlib", "collections", "encodings"]
INDEPENDENT = [["json", "http", "email", "logging"], ["urllib", "xml", "html", "xmlrpc"],
               ["wsgiref", "unittest", "sqlite3", "dbm"], ["asyncio", "concurrent", "ctypes", "curses"],
               ["tomllib", "zoneinfo", "venv", "ensurepip"]]


def contracts_yaml(tree):
    copies = sorted(d for d in os.listdir(os.path.join(tree, "torch")) if d.startswith("_py"))
    lines = ["forbidden:"]
    for source in SOURCES:
        for target in TARGETS:
            lines.append(f'  - {{from: "torch/_py0/{source}/**", to: "torch/_py0/{target}/**", '
                         f"transitive: true}}")
    lines += ["  - {from: c10, to: aten, transitive: true}",
              "  - {from: c10, to: torch_csrc, transitive: true}",
              "  - {from: aten, to: torch_csrc, transitive: true}",
              '  - {from: c10, to: "<Python.h>", transitive: true}',
              "independence:"]
    count = 0
    while count < 10:
        for group in INDEPENDENT:
            if count == 10:
                break
            copy = copies[count % len(copies)]
            components = ", ".join(f'"torch/{copy}/{name}/**"' for name in group)
            lines.append(f"  - {{components: [{components}]}}")
            count += 1
    return "\n".join(lines) + "\n"


def cpu_seconds(argv):
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("strata")
    parser.add_argument("tree")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tree = os.path.abspath(args.tree)
    plain = os.path.join(tree, "strata.yaml")
    contracts = os.path.join(tree, "strata-contracts.yaml")
    with open(plain, encoding="utf-8") as handle:
        text = handle.read()
    with open(contracts, "w", encoding="utf-8") as handle:
        handle.write(text + contracts_yaml(tree))
    cache = tempfile.mkdtemp(prefix="strata-bench-contracts-")
    try:
        base = [os.path.abspath(args.strata), "check", "--cache-dir", cache, "-j", "1"]
        runs = {"plain": [], "contracts": []}
        configs = {"plain": plain, "contracts": contracts}
        for name in configs:  # fill the cache
            cpu_seconds(base + ["--config", configs[name], tree])
        for _ in range(args.runs):  # in turns: a host that slows down slows both
            for name in configs:
                seconds, status = cpu_seconds(base + ["--config", configs[name], tree])
                if status not in (0, 1):
                    print(f"strata exited {status} with {configs[name]}", file=sys.stderr)
                    return 2
                runs[name].append(seconds)
        best = {name: min(values) for name, values in runs.items()}
        print("| run | CPU (s), best of %d |" % args.runs)
        print("| --- | ---: |")
        print(f"| strata check, warm | {best['plain']:.3f} |")
        print(f"| strata check, warm, 50 transitive contracts | {best['contracts']:.3f} |")
        print()
        print(f"overhead of the contracts: {100 * (best['contracts'] / best['plain'] - 1):+.1f}%")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
