#!/usr/bin/env python3
"""graph_dot_render.py DOT_PROGRAM FILE.dot OUT.svg: renders the DOT that
`strata graph --format dot` wrote with Graphviz's `dot -Tsvg` and succeeds
only when dot exits 0 and prints nothing at all: no syntax error, no
warning (a label it could not place, an unknown attribute, a bad colour).
"""
import subprocess
import sys


def main():
    dot, source, target = sys.argv[1:4]
    run = subprocess.run([dot, "-Tsvg", source, "-o", target], capture_output=True, text=True)
    said = (run.stdout + run.stderr).strip()
    if run.returncode != 0 or said:
        print(f"graph_dot_render.py: dot exited {run.returncode} on {source}:\n{said}",
              file=sys.stderr)
        return 1
    print(f"rendered without warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
