#!/usr/bin/env python3
"""check_cycles.py GRAPH_JSON SARIF [--rule import-cycle|include-cycle]

An independent check of strata's cycle findings: computes the strongly
connected components (two or more files) of the graph that `strata graph
--format json` wrote (module-scope import edges, or include edges), and
compares them with the `members` of the rule's results in the SARIF that
`strata check` wrote. Also checks that each reported cycle is a real cycle of
the graph and as short as any cycle through its component. Prints each
difference and a summary line; exits 1 on any difference.
"""
import argparse
import collections
import json
import sys


def components(nodes, successors):
    """Kosaraju's algorithm, iterative: SCCs as sets of nodes."""
    order, seen = [], set()
    for start in nodes:
        if start in seen:
            continue
        seen.add(start)
        stack = [(start, iter(successors[start]))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(successors[child])))
                    break
            else:
                stack.pop()
                order.append(node)
    predecessors = collections.defaultdict(list)
    for node in nodes:
        for child in successors[node]:
            predecessors[child].append(node)
    assigned, result = set(), []
    for start in reversed(order):
        if start in assigned:
            continue
        group, stack = set(), [start]
        assigned.add(start)
        while stack:
            node = stack.pop()
            group.add(node)
            for parent in predecessors[node]:
                if parent not in assigned:
                    assigned.add(parent)
                    stack.append(parent)
        result.append(group)
    return result


def shortest_cycle_length(group, successors):
    best = None
    for start in group:
        distance = {start: 0}
        queue = collections.deque([start])
        while queue:
            node = queue.popleft()
            for child in successors[node]:
                if child not in group:
                    continue
                if child == start:
                    length = distance[node] + 1
                    best = length if best is None else min(best, length)
                    queue.clear()
                    break
                if child not in distance:
                    distance[child] = distance[node] + 1
                    queue.append(child)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graph")
    parser.add_argument("sarif")
    parser.add_argument("--rule", default="import-cycle")
    args = parser.parse_args()
    with open(args.graph, encoding="utf-8") as handle:
        graph = json.load(handle)
    with open(args.sarif, encoding="utf-8") as handle:
        sarif = json.load(handle)

    kind = "import" if args.rule == "import-cycle" else "include"
    name = {f["path"]: (f["module"] or f["path"]) for f in graph["files"]}
    nodes = sorted(name.values())
    successors = {n: set() for n in nodes}
    for edge in graph["edges"]:
        if edge["kind"] == kind and edge["scope"] == "module":
            successors[name[edge["from"]]].add(name[edge["to"]])
    for node in nodes:
        successors[node] = sorted(successors[node])
    expected = {frozenset(g): g for g in components(nodes, successors) if len(g) > 1}

    reported = {}
    differences = []
    for result in sarif["runs"][0]["results"]:
        if result["ruleId"] != args.rule:
            continue
        members = result["properties"]["members"]
        if members != sorted(members):
            differences.append(f"members not sorted: {members[:5]}")
        key = frozenset(members)
        if key in reported:
            differences.append(f"component reported twice: {sorted(key)[:5]}")
        reported[key] = result
        cycle = result["properties"]["cycle"]
        if cycle[0] != cycle[-1]:
            differences.append(f"cycle does not close: {cycle}")
        for a, b in zip(cycle, cycle[1:]):
            if b not in successors.get(a, ()):
                differences.append(f"cycle step {a} -> {b} is not an edge")
        if key in expected:
            shortest = shortest_cycle_length(expected[key], successors)
            if len(cycle) - 1 != shortest:
                differences.append(
                    f"cycle {' -> '.join(cycle)} has {len(cycle) - 1} steps; the shortest has {shortest}")
    for key in expected.keys() - reported.keys():
        differences.append(f"missing component: {sorted(key)[:8]} ({len(key)} members)")
    for key in reported.keys() - expected.keys():
        differences.append(f"reported a component the graph does not have: {sorted(key)[:8]}")
    for line in differences[:50]:
        print(line)
    print(f"{len(expected)} components expected, {len(reported)} reported, "
          f"{len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
