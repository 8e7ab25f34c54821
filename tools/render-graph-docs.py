#!/usr/bin/env python3
"""render-graph-docs.py STRATA (--write | --check) FILE.md...

Keeps the module boundary maps in markdown files current: strata draws
them, this refreshes them, CI fails when they are stale.

In each FILE.md, a block between

    <!-- strata: ARGS -->
    ...
    <!-- /strata -->

is replaced by the output of `strata ARGS` (run from the current folder,
normally the repository's top), fenced as ```mermaid when ARGS ask for
Mermaid, as ```text for `why`, bare otherwise (a metrics table is markdown
already). A line

    <!-- strata > PATH: ARGS -->

says that the file PATH (from the current folder) holds the output of
`strata ARGS`: an SVG map the markdown shows as an image, say.

--write refreshes every block and file. --check writes nothing and fails
(exit 1, with what differs) when any is stale. SVG files are compared by
what they draw (every node, edge and cluster with its text), so a Graphviz
of another version that lays out the same map passes.
"""
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Markers stand alone on their lines, so prose can quote them.
BLOCK = re.compile(r"^(<!-- strata: (.+?) -->\n)(.*?)^(<!-- /strata -->)$", re.S | re.M)
FILE = re.compile(r"^<!-- strata > (\S+): (.+?) -->$", re.M)


def run(strata, args, output=None):
    words = shlex.split(args)
    # The docs describe the tree as it is: no fact cache written into it.
    argv = [strata, words[0], "--no-cache"] + words[1:]
    if output:
        argv += ["--output", output]
    done = subprocess.run(argv, capture_output=True, text=True)
    # `why` says "no path" with status 1; anything else is a failure.
    if done.returncode not in (0, 1) or (done.returncode == 1 and not args.startswith("why ")):
        raise RuntimeError(f"'strata {args}' exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def fenced(args, text):
    words = shlex.split(args)
    if "mermaid" in words:
        return f"```mermaid\n{text}```\n"
    if words[0] == "why":
        return f"```text\n{text}```\n"
    return text


def svg_drawing(path):
    """What an SVG draws, as lines: each node, edge and cluster with its text."""
    root = ET.parse(path).getroot()
    namespace = "{http://www.w3.org/2000/svg}"
    lines = []
    for group in root.iter(namespace + "g"):
        if group.get("class") in ("node", "edge", "cluster"):
            text = " ".join(t.strip() for t in group.itertext() if t.strip())
            lines.append(f"{group.get('class')}: {text}\n")
    return lines


def file_lines(path):
    if path.endswith(".svg"):
        return svg_drawing(path)
    with open(path, encoding="utf-8") as handle:
        return handle.readlines()


def refresh_files(strata, text, write, stale):
    for path, args in FILE.findall(text):
        if write:
            run(strata, args, path)
            continue
        with tempfile.TemporaryDirectory() as scratch:
            fresh = os.path.join(scratch, os.path.basename(path))
            run(strata, args, fresh)
            old = file_lines(path) if os.path.exists(path) else []
            new = file_lines(fresh)
        if old != new:
            stale.append((path, list(difflib.unified_diff(old, new, path, f"strata {args}"))))


def main():
    strata, mode, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode not in ("--write", "--check") or not paths:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    write = mode == "--write"
    stale, count = [], 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        rendered = BLOCK.sub(
            lambda m: m.group(1) + fenced(m.group(2), run(strata, m.group(2))) + m.group(4), text)
        count += len(BLOCK.findall(text)) + len(FILE.findall(text))
        refresh_files(strata, text, write, stale)
        if write:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(rendered)
        elif rendered != text:
            stale.append((path, list(difflib.unified_diff(
                text.splitlines(True), rendered.splitlines(True), path, "strata"))))
    for path, diff in stale:
        sys.stdout.writelines(diff[:80])
        print(f"{path} is out of date")
    if stale:
        print(f"run: tools/render-graph-docs.py STRATA --write {' '.join(paths)}")
        return 1
    print(f"{count} maps {'written' if write else 'match'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
