#!/usr/bin/env python3
"""explorer.py BUILD TREE [--runs N]: how fast the architecture explorer of
TREE opens in headless Chromium.

Writes `strata graph --format html` of TREE (BUILD/strata), then opens it N
times (default 5) with lit-tests/support/explorer_browser.js and prints, for
each run and as the median, the time until the page had drawn its map (the
page's own clock, from the moment it was asked for) and the main thread's
busy time, which the load of a shared host stretches much less. PyTorch:
python3 bench/explorer.py build /tmp/pt/pytorch-1.13.1
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "..", "lit-tests", "support", "explorer_browser.js")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build")
    parser.add_argument("tree")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        page = os.path.join(scratch, "explorer.html")
        subprocess.run([os.path.join(args.build, "strata"), "graph", "--format", "html",
                        "--output", page, args.tree], check=True, stderr=subprocess.DEVNULL)
        script = os.path.join(scratch, "open.json")
        with open(script, "w") as handle:
            json.dump([{"open": True}], handle)
        print(f"page: {os.path.getsize(page) / 1e6:.1f} MB")
        opened, busy = [], []
        for run in range(args.runs):
            out = subprocess.run(["node", DRIVER, args.build, page, script], capture_output=True,
                                 text=True, check=True).stdout
            opened.append(int(re.search(r"opened in (\d+) ms", out).group(1)))
            busy.append(int(re.search(r"main thread busy (\d+) ms", out).group(1)))
            print(f"run {run + 1}: drawn after {opened[-1]} ms, main thread busy {busy[-1]} ms")
        print(f"median: drawn after {statistics.median(opened):.0f} ms, main thread busy "
              f"{statistics.median(busy):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
