#!/usr/bin/env python3
"""contracts.py STRATA TREE [--runs N]: what 50 transitive contracts cost on
a tree made by make_tree.py.

Writes two configs beside TREE/strata.yaml, each that file plus 50
contracts over the tree's own packages (160 "does a chain lead from A to
B" questions each):

  strata-contracts-broken.yaml   36 transitive `forbidden` entries between
      packages of the first standard-library copy (torch/_py0) that mostly
      reach each other, 4 transitive ones between the C++ components (one
      to `<Python.h>`), 10 `independence` entries of 4 packages each over
      every copy: about 400 findings, each with its chain.
  strata-contracts-holding.yaml  the same shape over package pairs that do
      not reach each other: what a tree that keeps its contracts pays.

Then measures `strata check` warm (the fact cache full, nothing changed)
with the plain config and with each of the others, the best of N runs in
turns, in CPU seconds (user + system of the process: the host is shared, so
wall time says little), and prints each and the overhead.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

# Pairs of the standard library (3.11) with no module-scope chain between
# them, and groups of packages none of which reaches another.
HOLDING_PAIRS = [
    ("concurrent", "curses"), ("logging", "wsgiref"), ("xml", "concurrent"), ("urllib", "unittest"),
    ("unittest", "tomllib"), ("asyncio", "json"), ("dbm", "html"), ("collections", "urllib"),
    ("importlib", "xml"), ("unittest", "multiprocessing"), ("http", "multiprocessing"),
    ("importlib", "ctypes"), ("re", "xmlrpc"), ("encodings", "urllib"), ("curses", "html"),
    ("collections", "email"), ("importlib", "sqlite3"), ("xmlrpc", "sqlite3"),
    ("wsgiref", "unittest"), ("multiprocessing", "zoneinfo"), ("unittest", "sqlite3"),
    ("unittest", "urllib"), ("sqlite3", "xmlrpc"), ("http", "importlib"), ("dbm", "re"),
    ("tomllib", "importlib"), ("curses", "urllib"), ("multiprocessing", "html"),
    ("collections", "importlib"), ("xmlrpc", "zoneinfo"), ("email", "curses"), ("re", "xml"),
    ("json", "asyncio"), ("html", "sqlite3"), ("zoneinfo", "email"), ("tomllib", "http")]
HOLDING_GROUPS = [["html", "json", "multiprocessing", "xml"], ["tomllib", "wsgiref", "xml", "zoneinfo"],
                  ["email", "json", "sqlite3", "tomllib"], ["asyncio", "html", "sqlite3", "tomllib"],
                  ["dbm", "html", "importlib", "xml"]]
SOURCES = ["asyncio", "concurrent", "multiprocessing", "sqlite3", "dbm", "ctypes"]
TARGETS = ["email", "xml", "json", "importlib", "collections", "encodings"]
INDEPENDENT = [["json", "http", "email", "logging"], ["urllib", "xml", "html", "xmlrpc"],
               ["wsgiref", "unittest", "sqlite3", "dbm"], ["asyncio", "concurrent", "ctypes", "curses"],
               ["tomllib", "zoneinfo", "venv", "ensurepip"]]


def contracts_yaml(tree, holding):
    copies = sorted(d for d in os.listdir(os.path.join(tree, "torch")) if d.startswith("_py"))
    lines = ["forbidden:"]
    pairs = HOLDING_PAIRS if holding else [(s, t) for s in SOURCES for t in TARGETS]
    for source, target in pairs:
        lines.append(f'  - {{from: "torch/_py0/{source}/**", to: "torch/_py0/{target}/**", '
                     f"transitive: true}}")
    lines += ["  - {from: c10, to: aten, transitive: true}",
              "  - {from: c10, to: torch_csrc, transitive: true}",
              "  - {from: aten, to: torch_csrc, transitive: true}",
              '  - {from: c10, to: "<Python.h>", transitive: true}',
              "independence:"]
    count = 0
    while count < 10:
        for group in HOLDING_GROUPS if holding else INDEPENDENT:
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
    with open(plain, encoding="utf-8") as handle:
        text = handle.read()
    configs = {"plain": plain}
    for name, holding in (("holding", True), ("broken", False)):
        configs[name] = os.path.join(tree, f"strata-contracts-{name}.yaml")
        with open(configs[name], "w", encoding="utf-8") as handle:
            handle.write(text + contracts_yaml(tree, holding))
    cache = tempfile.mkdtemp(prefix="strata-bench-contracts-")
    try:
        base = [os.path.abspath(args.strata), "check", "--cache-dir", cache, "-j", "1"]
        runs = {name: [] for name in configs}
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
        print(f"| the same, 50 transitive contracts that hold | {best['holding']:.3f} |")
        print(f"| the same, 50 transitive contracts, ~400 findings | {best['broken']:.3f} |")
        print()
        for name in ("holding", "broken"):
            print(f"overhead, contracts {name}: {100 * (best[name] / best['plain'] - 1):+.1f}%")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
