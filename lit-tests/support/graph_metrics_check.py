#!/usr/bin/env python3
"""graph_metrics_check.py GRAPH_JSON FINDINGS_JSON METRICS_JSON ROOT

An independent check of `strata metrics --format json`: recomputes every row
from the file-level graph that `strata graph --format json` wrote, the
findings that `strata check --format json` wrote and the files under ROOT,
and compares. Nodes are named as docs/graphs.md says: a component (files in
none: "(no component)"), or at module level the first DEPTH dotted parts of
a Python module, else the first DEPTH folders of the path. Lines are
distinct (file, line) pairs; lines inside a node are no coupling;
instability is outgoing / (incoming + outgoing) nodes; a violation is a
line with a layer-violation or forbidden-dependency finding; a node is in a
cycle when it holds a file of a strongly connected component (two or more
files) of the module-scope imports or of the includes; lines of code are
non-blank lines. Prints each difference and a summary line; exits 1 on any.
"""
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_cycles import components  # noqa: E402

EDGE_RULES = ("layer-violation", "forbidden-dependency")


def node_name(file, level, depth):
    if level == "component":
        return file["component"] or "(no component)"
    if file["language"] == "python" and file["module"]:
        return ".".join(file["module"].split(".")[:depth])
    folders = file["path"].split("/")[:-1]
    return "/".join(folders[:depth]) if folders else file["path"]


def lines_of_code(path):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return 0
    if b"\0" in data:
        return 0
    return sum(1 for line in data.split(b"\n") if line.strip(b" \t\r\f\v"))


def files_in_cycles(graph):
    found = set()
    for kind in ("import", "include"):
        successors = collections.defaultdict(list)
        nodes = [f["path"] for f in graph["files"]]
        for edge in graph["edges"]:
            if edge["kind"] == kind and (kind == "include" or edge["scope"] == "module"):
                successors[edge["from"]].append(edge["to"])
        for group in components(nodes, successors):
            if len(group) > 1:
                found |= group
    return found


def expected_rows(graph, findings, root, level, depth):
    node_of = {f["path"]: node_name(f, level, depth) for f in graph["files"]}
    violating = {(f["path"], f["line"], f["column"], f["properties"]["to"]["path"])
                 for f in findings if f["ruleId"] in EDGE_RULES}
    pair_lines = collections.defaultdict(set)
    pair_violations = collections.defaultdict(set)
    for edge in graph["edges"]:
        pair = (node_of[edge["from"]], node_of[edge["to"]])
        pair_lines[pair].add((edge["from"], edge["line"]))
        if any(v[0] == edge["from"] and v[1] == edge["line"] and v[3] == edge["to"]
               for v in violating):
            pair_violations[pair].add((edge["from"], edge["line"]))
    cycles = files_in_cycles(graph)
    rows = {}
    for file in graph["files"]:
        row = rows.setdefault(node_of[file["path"]], collections.Counter(in_cycle=0))
        row["files"] += 1
        row["lines_of_code"] += lines_of_code(os.path.join(root, file["path"]))
        row["in_cycle"] |= file["path"] in cycles
    for (a, b), lines in pair_lines.items():
        rows[a]["violations_out"] += len(pair_violations[(a, b)])
        rows[b]["violations_in"] += len(pair_violations[(a, b)])
        if a == b:
            continue
        rows[a]["outgoing_nodes"] += 1
        rows[a]["outgoing_lines"] += len(lines)
        rows[b]["incoming_nodes"] += 1
        rows[b]["incoming_lines"] += len(lines)
    for row in rows.values():
        coupled = row["incoming_nodes"] + row["outgoing_nodes"]
        row["instability"] = row["outgoing_nodes"] / coupled if coupled else None
    return rows


def reported_row(node):
    return {
        "files": node["files"], "lines_of_code": node["lines_of_code"],
        "incoming_nodes": node["incoming"]["nodes"], "incoming_lines": node["incoming"]["lines"],
        "outgoing_nodes": node["outgoing"]["nodes"], "outgoing_lines": node["outgoing"]["lines"],
        "violations_in": node["violations"]["in"], "violations_out": node["violations"]["out"],
        "instability": node["instability"], "in_cycle": int(node["in_cycle"]),
    }


def main():
    paths = sys.argv[1:5]
    graph, findings, metrics = (json.load(open(p, encoding="utf-8")) for p in paths[:3])
    root = paths[3]
    expected = expected_rows(graph, findings, root, metrics["level"], metrics.get("depth", 0))
    differences = []
    seen = set()
    for node in metrics["nodes"]:
        name = node["name"]
        seen.add(name)
        got = reported_row(node)
        if name not in expected:
            if got["files"] != 0:
                differences.append(f"{name}: reported, but no file belongs to it")
            continue
        want = expected[name]
        for key, value in got.items():
            if key == "instability" and value is not None and want[key] is not None:
                # Reported to 3 decimals.
                if abs(value - want[key]) > 0.0005 + 1e-9:
                    differences.append(f"{name}: instability is {value}, expected {want[key]}")
            elif want.get(key, 0) != value:
                differences.append(f"{name}: {key} is {value}, expected {want.get(key, 0)}")
    for name in sorted(expected.keys() - seen):
        differences.append(f"{name}: missing")
    for line in differences[:50]:
        print(line)
    print(f"{len(metrics['nodes'])} nodes, {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
