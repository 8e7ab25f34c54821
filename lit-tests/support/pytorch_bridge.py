#!/usr/bin/env python3
"""Counts what the bridge between Python and C++ binds at the root of an
unpacked PyTorch tree (pytorch_tree.py unpacks it), with the built-in
default (docs/bridge.md).

usage: pytorch_bridge.py STRATA TREE

Runs `STRATA graph --format json --no-cache .` at TREE and prints:

- `torch._C imports: N statements, N bound to C/C++, N to torch/__init__.py`:
  the import statements whose module is torch._C or under it (one line
  each, read from the files), those with a binding edge, and those with an
  edge to torch/__init__.py (there must be none);
- `binding edges: N`, `op edges: N (N to C/C++ files)`,
  `cxx_import edges: N (N into torch, N from torch_python)`;
- `C++-defined torch.ops namespaces used and bound: N` (namespaces whose op
  edges reach a C/C++ file);
- `torch.ops uses no literal defines: N (NS N, ...)`: the unresolved
  entries of unknown category for torch.ops, by namespace, most first.
"""

import collections
import json
import re
import subprocess
import sys

IMPORT = re.compile(r"^\s*(from\s+torch\._C(\.\w+)*\s+import\b|import\s+torch\._C\b)")


def main():
    strata, tree = sys.argv[1], sys.argv[2]
    output = subprocess.run([strata, "graph", "--format", "json", "--no-cache", "."], cwd=tree,
                            capture_output=True, check=True).stdout
    graph = json.loads(output)
    files = {entry["path"]: entry for entry in graph["files"]}
    at_line = collections.defaultdict(list)
    for edge in graph["edges"]:
        at_line[(edge["from"], edge["line"])].append(edge)
    statements = bound = to_init = 0
    for path, entry in sorted(files.items()):
        if entry["language"] != "python" or entry.get("generated"):
            continue
        with open(f"{tree}/{path}", encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not IMPORT.match(line):
                    continue
                statements += 1
                edges = at_line.get((path, number), [])
                bound += any(edge["kind"] == "binding" for edge in edges)
                to_init += any(edge["to"] == "torch/__init__.py" for edge in edges)
    kinds = collections.Counter(edge["kind"] for edge in graph["edges"])
    cxx = lambda path: files[path]["language"] != "python"
    ops = [edge for edge in graph["edges"] if edge["kind"] == "op"]
    imports = [edge for edge in graph["edges"] if edge["kind"] == "cxx_import"]
    into_torch = [edge for edge in imports if files[edge["to"]]["component"] == "torch"]
    print(f"torch._C imports: {statements} statements, {bound} bound to C/C++, "
          f"{to_init} to torch/__init__.py")
    print(f"binding edges: {kinds['binding']}")
    print(f"op edges: {len(ops)} ({sum(cxx(edge['to']) for edge in ops)} to C/C++ files)")
    print(f"cxx_import edges: {len(imports)} ({len(into_torch)} into torch, "
          f"{sum(files[e['from']]['component'] == 'torch_python' for e in into_torch)} "
          f"from torch_python)")
    namespaces = {edge["name"].split(".")[0] for edge in ops if cxx(edge["to"])}
    print(f"C++-defined torch.ops namespaces used and bound: {len(namespaces)}")
    unbound = collections.Counter(
        entry["target"].split(".")[2] for entry in graph["unresolved"]
        if entry["target"].startswith("torch.ops.") and entry["category"] == "unknown")
    ranked = sorted(unbound.items(), key=lambda item: (-item[1], item[0]))
    print(f"torch.ops uses no literal defines: {sum(unbound.values())} ("
          + ", ".join(f"{name} {count}" for name, count in ranked[:4]) + ", ...)")


if __name__ == "__main__":
    main()
