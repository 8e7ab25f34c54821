#!/usr/bin/env python3
"""Compares strata's graph JSON with the reference's (py_import_reference.py).

usage: compare_graph.py STRATA_JSON REFERENCE_JSON

Compares files (path, module), edges (from, to, line, scope, kind) and
unresolved imports (from, target, line), leaving out files the reference
could not parse (its "skipped" list) and what they import. Prints each
difference (the first 50), then one summary line:

    N files, N edges, N unresolved compared, N differences

and exits 1 when there is any difference, 2 when an input cannot be read.
"""

import collections
import json
import sys

SHOWN = 50


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def keyed(graph, section, fields, skipped, language):
    """A multiset of the section's entries as tuples of fields."""
    entries = collections.Counter()
    for entry in graph.get(section, []):
        source = entry.get("path") if section == "files" else entry.get("from")
        if source in skipped:
            continue
        if section == "files" and entry.get("language") != "python":
            continue
        if section != "files" and source not in language:
            continue
        entries[tuple(entry.get(field) for field in fields)] += 1
    return entries


def main(argv):
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        strata, reference = load(argv[0]), load(argv[1])
    except (OSError, ValueError) as error:
        print(f"compare_graph: {error}", file=sys.stderr)
        return 2
    skipped = set(reference.get("skipped", []))
    # Only Python files are the reference's business: leave out what strata
    # says about C/C++ files of the same tree.
    python = {f["path"] for f in strata.get("files", []) if f.get("language") == "python"}
    python |= {f["path"] for f in reference.get("files", [])}
    sections = [
        ("files", ("path", "module")),
        ("edges", ("from", "to", "line", "scope", "kind")),
        ("unresolved", ("from", "target", "line")),
    ]
    differences = []
    counts = []
    for section, fields in sections:
        ours = keyed(strata, section, fields, skipped, python)
        theirs = keyed(reference, section, fields, skipped, python)
        counts.append(sum(theirs.values()))
        for entry in sorted(set(ours) | set(theirs), key=repr):
            extra = ours[entry] - theirs[entry]
            missing = theirs[entry] - ours[entry]
            described = ", ".join(f"{f}={v!r}" for f, v in zip(fields, entry))
            if extra > 0:
                differences.append(f"{section}: only strata has {described}" +
                                   (f" ({extra} times)" if extra > 1 else ""))
            if missing > 0:
                differences.append(f"{section}: only the reference has {described}" +
                                   (f" ({missing} times)" if missing > 1 else ""))
    for line in differences[:SHOWN]:
        print(line)
    if len(differences) > SHOWN:
        print(f"... and {len(differences) - SHOWN} more")
    print(f"{counts[0]} files, {counts[1]} edges, {counts[2]} unresolved compared, "
          f"{len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
