#!/usr/bin/env python3
"""An independent reference for strata's C/C++ include graph.

usage: include_scanner.py ROOT --include-dir DIR... --compare STRATA_JSON

Reads every C, C++ and CUDA file under ROOT with a plain line scanner (no
libclang, no tokenizer): it joins backslash-continued lines, blanks out
comments and string literals, takes every `#include`, `#include_next` and
`#import` line in every preprocessor branch except those under a literal
`#if 0` / `#elif 0`, and resolves them the way docs/cxx.md says: quoted
names in the including file's folder first, then in the include dirs in
order; angled names in the include dirs only; `#include_next` after the
include dir through which the including file is found by the same name;
"./" and "../" normalised; only files of the tree count.

Then it compares its edges and unresolved includes with strata's graph JSON
(`strata graph --format json`), line for line. A difference is explained
only by a rule of docs/cxx.md, named in the output:

  computed-include   `#include MACRO`: strata expands macros defined in the
                     file (or cxx.defines); the scanner does not try

Anything else is an unexplained difference. Prints each difference (the
first 50), then one summary line:

    N files, N includes compared, N explained (RULE N, ...), N unexplained differences

and exits 1 when a difference is unexplained, 2 when an input cannot be
read. Prints "skipped: ROOT is absent" and exits 0 when ROOT does not exist.
"""

import argparse
import collections
import json
import os
import posixpath
import re
import sys

SHOWN = 50
EXTENSIONS = {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".inl", ".cu", ".cuh"}
DIRECTIVE = re.compile(r"^\s*#\s*([A-Za-z_]\w*)(.*)$")
HEADER = re.compile(r'^\s*(?:"([^"\n]*)"|<([^>\n]*)>)')


def tree_files(root):
    """Relative '/'-separated paths of the C-family files under root, sorted."""
    found = []
    for folder, subfolders, names in os.walk(root, followlinks=True):
        subfolders.sort()
        for name in names:
            if os.path.splitext(name)[1] in EXTENSIONS and not name.startswith("."):
                path = os.path.relpath(os.path.join(folder, name), root)
                found.append(path.replace(os.sep, "/"))
    return sorted(found)


def logical_lines(text):
    """(first physical line number, text) of each backslash-joined line."""
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        start = number
        joined = lines[number]
        while joined.rstrip("\r").endswith("\\") and number + 1 < len(lines):
            joined = joined.rstrip("\r")[:-1]
            number += 1
            joined += lines[number]
        number += 1
        yield start + 1, joined


def blank_comments(lines):
    """Yields (line number, code) with comments and literals blanked; a
    block comment may run over lines. Quotes of header names survive: a
    directive's rest is taken from the raw line."""
    in_block = False
    for number, line in lines:
        code = []
        i = 0
        while i < len(line):
            if in_block:
                end = line.find("*/", i)
                if end < 0:
                    i = len(line)
                    break
                in_block = False
                code.append(" ")
                i = end + 2
                continue
            c = line[i]
            if line.startswith("/*", i):
                in_block = True
                i += 2
            elif line.startswith("//", i):
                break
            elif c in "\"'":
                end = i + 1
                while end < len(line) and line[end] != c:
                    end += 2 if line[end] == "\\" else 1
                code.append(" " * (min(end + 1, len(line)) - i))
                i = end + 1
            else:
                code.append(c)
                i += 1
        yield number, line, "".join(code)


def scan(text):
    """The includes of one file: (line, spelled name, angled, next) for
    header names, (line, None, spelling, False) for computed ones."""
    if text.startswith("\ufeff"):
        text = text[1:]
    includes = []
    dead = []  # one flag per open conditional: is the current branch dead
    parent_dead = []
    for number, raw, code in blank_comments(logical_lines(text)):
        match = DIRECTIVE.match(code)
        if not match:
            continue
        name = match.group(1)
        condition = match.group(2).strip()
        outer = bool(dead) and dead[-1]
        if name in ("if", "ifdef", "ifndef"):
            parent_dead.append(outer)
            dead.append(outer or (name == "if" and condition == "0"))
            continue
        if name in ("elif", "elifdef", "elifndef", "else"):
            if dead:
                dead[-1] = parent_dead[-1] or (name == "elif" and condition == "0")
            continue
        if name == "endif":
            if dead:
                dead.pop()
                parent_dead.pop()
            continue
        if outer or name not in ("include", "include_next", "import"):
            continue
        # The header name from the raw line: blanking hid what was quoted.
        rest = raw[raw.index(name, raw.index("#")) + len(name):]
        header = HEADER.match(rest)
        if header:
            angled = header.group(2) is not None
            spelled = header.group(2) if angled else header.group(1)
            includes.append((number, spelled, angled, name == "include_next"))
        elif condition:
            includes.append((number, None, condition, False))
    return includes


def normalise(base, name):
    """base/name relative to the root, or None when it leaves the root."""
    if name.startswith("/"):
        return None
    parts = []
    for segment in (base + "/" + name).split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(segment)
    return "/".join(parts)


def resolve(path, spelled, angled, include_next, dirs, files):
    """The file an include names, or None."""
    first = 0
    if include_next:
        for i, folder in enumerate(dirs):
            if normalise(folder, spelled) == path:
                first = i + 1
                break
    elif not angled:
        found = normalise(posixpath.dirname(path), spelled)
        if found in files:
            return found
    for folder in dirs[first:]:
        found = normalise(folder, spelled)
        if found in files and not (include_next and found == path):
            return found
    return None


def reference(root, include_dirs):
    files = tree_files(root)
    present = set(files)
    dirs = []
    for folder in include_dirs:
        normal = normalise("", folder)
        holds = normal == "" or any(f.startswith(normal + "/") for f in files)
        dirs.append(normal if normal is not None and holds else None)
    dirs = [d for d in dirs if d is not None]
    entries = collections.Counter()
    computed = set()
    for path in files:
        with open(os.path.join(root, path), "rb") as handle:
            text = handle.read().decode("utf-8", errors="surrogateescape")
        for line, spelled, detail, include_next in scan(text):
            if spelled is None:
                # Unresolved under its spelling, unless strata could expand it.
                computed.add((path, line))
                entries[(path, line, "unresolved", " ".join(detail.split()))] += 1
                continue
            found = resolve(path, spelled, detail, include_next, dirs, present)
            entries[(path, line, "to", found) if found else (path, line, "unresolved", spelled)] += 1
    return files, entries, computed


def strata_entries(graph):
    entries = collections.Counter()
    for edge in graph.get("edges", []):
        if edge.get("kind") == "include":
            entries[(edge["from"], edge["line"], "to", edge["to"])] += 1
    c_family = {f["path"] for f in graph.get("files", []) if f.get("language") != "python"}
    for entry in graph.get("unresolved", []):
        if entry["from"] in c_family:
            entries[(entry["from"], entry["line"], "unresolved", entry["target"])] += 1
    return entries


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root")
    parser.add_argument("--include-dir", action="append", default=[])
    parser.add_argument("--compare", required=True, metavar="STRATA_JSON")
    options = parser.parse_args(argv)
    if not os.path.isdir(options.root):
        print(f"skipped: {options.root} is absent")
        return 0
    try:
        with open(options.compare, encoding="utf-8") as handle:
            graph = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"include_scanner: {error}", file=sys.stderr)
        return 2
    files, theirs, computed = reference(options.root, options.include_dir)
    ours = strata_entries(graph)
    differences = []
    explained = collections.Counter()
    strata_files = sorted(f["path"] for f in graph.get("files", []) if f.get("language") != "python")
    for path in sorted(set(strata_files) ^ set(files)):
        side = "strata" if path in strata_files else "the scanner"
        differences.append(f"files: only {side} has {path}")
    for entry in sorted(set(ours) | set(theirs), key=repr):
        extra, missing = ours[entry] - theirs[entry], theirs[entry] - ours[entry]
        if extra <= 0 and missing <= 0:
            continue
        path, line, how, what = entry
        rule = "computed-include" if (path, line) in computed else None
        side = "strata" if extra > 0 else "the scanner"
        text = f"{path}:{line}: only {side} has {'an edge to' if how == 'to' else 'unresolved'} {what}"
        if rule:
            explained[rule] += 1
            differences.append(f"{text} (explained: {rule})")
        else:
            differences.append(text)
    unexplained = [d for d in differences if "(explained:" not in d]
    for line in (unexplained + [d for d in differences if d not in unexplained])[:SHOWN]:
        print(line)
    if len(differences) > SHOWN:
        print(f"... and {len(differences) - SHOWN} more")
    rules = ", ".join(f"{rule} {count}" for rule, count in sorted(explained.items()))
    print(f"{len(files)} files, {sum(theirs.values())} includes compared, "
          f"{sum(explained.values())} explained ({rules or 'none'}), "
          f"{len(unexplained)} unexplained differences")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
