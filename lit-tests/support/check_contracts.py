#!/usr/bin/env python3
"""check_contracts.py: an independent check of strata's transitive contracts.

usage: check_contracts.py config REFERENCE_JSON OUT_YAML
       check_contracts.py compare REFERENCE_JSON STRATA_JSON

`config` writes a strata.yaml for the tree REFERENCE_JSON describes (the
import graph py_import_reference.py computed with Python's `ast`): one
component per top-level package of the tree, an `independence` entry over
INDEPENDENT and a transitive `forbidden` entry for each pair of SOURCES and
TARGETS (packages the tree lacks are left out), and `exclude` for the files
`ast` could not read.

`compare` computes, from REFERENCE_JSON alone, what each contract must
report: for every package pair (A, B) the contracts ask about and every file
f of A, the files of B that a chain of module-scope imports reaches from f
with no file of A or B between, and the length of the shortest such chain.
It compares that with the forbidden-dependency and independence-violation
findings of STRATA_JSON (`strata check --format json`): the same (A, B, f, t)
quadruples, each chain as long as the shortest, each hop an import of the
reference graph at its line. Prints each difference and a summary line;
exits 1 on any difference.
"""
import collections
import json
import sys

INDEPENDENT = ["json", "http", "email", "logging", "urllib", "xml", "html", "xmlrpc", "wsgiref",
               "unittest"]
SOURCES = ["asyncio", "concurrent", "multiprocessing", "sqlite3", "dbm", "ctypes"]
TARGETS = ["email", "xml", "json", "importlib", "collections", "encodings"]


def packages(reference):
    """Top-level packages of the tree: folders holding an __init__.py."""
    return {f["path"].split("/")[0] for f in reference["files"]
            if f["path"].count("/") == 1 and f["path"].endswith("/__init__.py")}


def write_config(reference, out):
    present = packages(reference)
    independent = [p for p in INDEPENDENT if p in present]
    sources = [p for p in SOURCES if p in present]
    targets = [p for p in TARGETS if p in present]
    used = sorted(set(independent + sources + targets))
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("# Written by check_contracts.py.\nversion: 1\n")
        excluded = ["site-packages/**"] + sorted(reference.get("skipped", []))
        handle.write("exclude: [" + ", ".join(json.dumps(e) for e in excluded) + "]\n")
        handle.write("rules: {import-cycle: off, unused-suppression: off}\n")
        handle.write("components:\n")
        for name in used:
            handle.write(f"  {name}: [\"{name}/**\"]\n")
        handle.write("independence:\n  - components: [" + ", ".join(independent) + "]\n")
        handle.write("forbidden:\n")
        for source in sources:
            for target in targets:
                handle.write(f"  - {{from: {source}, to: {target}, transitive: true}}\n")
    pairs = len(independent) * (len(independent) - 1) + len(sources) * len(targets)
    print(f"{len(used)} packages, {pairs} package pairs")


def expected(reference):
    """{(rule, A, B, f, t): shortest chain length} from the reference graph."""
    present = packages(reference)
    successors = collections.defaultdict(list)
    for edge in reference["edges"]:
        if edge["scope"] == "module" and edge["kind"] == "import":
            successors[edge["from"]].append(edge["to"])
    files = collections.defaultdict(set)
    for f in reference["files"]:
        files[f["path"].split("/")[0]].add(f["path"])
    questions = []
    independent = [p for p in INDEPENDENT if p in present]
    for a in independent:
        for b in independent:
            if a != b:
                questions.append(("independence-violation", a, b))
    for a in (p for p in SOURCES if p in present):
        for b in (p for p in TARGETS if p in present):
            questions.append(("forbidden-dependency", a, b))
    result = {}
    for rule, a, b in questions:
        stop = files[a] | files[b]
        for start in sorted(files[a]):
            distance = {start: 0}
            queue = collections.deque([start])
            while queue:
                node = queue.popleft()
                for to in successors[node]:
                    if to in distance:
                        continue
                    distance[to] = distance[node] + 1
                    if to in files[b]:
                        result[(rule, a, b, start, to)] = distance[to]
                    if to not in stop:
                        queue.append(to)
    return result


def compare(reference, findings):
    want = expected(reference)
    edges = {(e["from"], e["to"], e["line"]) for e in reference["edges"]
             if e["scope"] == "module"}
    got = {}
    problems = []
    for finding in findings:
        if finding["ruleId"] not in ("forbidden-dependency", "independence-violation"):
            continue
        props = finding["properties"]
        key = (finding["ruleId"], props["from"]["component"], props["to"]["component"],
               props["from"]["path"], props["to"]["path"])
        chain = props["chain"]
        # A forbidden entry reports each direct import on its own line:
        # several findings for one pair are the same answer.
        if key in got and len(chain) != 1:
            problems.append(f"reported twice: {key}")
        got[key] = min(len(chain), got.get(key, len(chain)))
        for hop in chain:
            if (hop["from"], hop["to"], hop["line"]) not in edges:
                problems.append(f"{key}: hop {hop} is no module-scope import of the reference")
        for first, second in zip(chain, chain[1:]):
            if first["to"] != second["from"]:
                problems.append(f"{key}: the chain breaks between {first} and {second}")
    for key in sorted(set(want) | set(got)):
        if key not in got:
            problems.append(f"missing: {key} (a chain of {want[key]})")
        elif key not in want:
            problems.append(f"unexpected: {key}")
        elif got[key] != want[key]:
            problems.append(f"{key}: a chain of {got[key]}, the shortest is {want[key]}")
    pairs = {(k[1], k[2]) for k in want}
    transitive = sum(1 for k, length in want.items() if length > 1)
    for problem in problems:
        print(problem)
    print(f"{len(pairs)} package pairs reach each other, {len(want)} file pairs "
          f"({transitive} through chains) compared, {len(problems)} differences")
    return 1 if problems else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "config":
        with open(argv[2], encoding="utf-8") as handle:
            write_config(json.load(handle), argv[3])
        return 0
    if len(argv) == 4 and argv[1] == "compare":
        with open(argv[2], encoding="utf-8") as handle:
            reference = json.load(handle)
        with open(argv[3], encoding="utf-8") as handle:
            findings = json.load(handle)
        return compare(reference, findings)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
