#!/usr/bin/env python3
"""pytorch.py STRATA [--shared DIR] [--workdir DIR] [--jobs N]: measure strata
at the root of the real PyTorch 1.13.1 tree of ../shared/corpora, with the
built-in default, beside run.py's made-up tree.

  cold      an empty cache (--cache-dir in a fresh folder)
  warm      the full cache, nothing changed
  changed   `strata check --changed` with 10 files (5 Python, 5 C++), full cache

Each figure is the best of 3 runs: wall seconds, the CPU seconds of that
run, and the peak resident memory; then the files strata read and the
cold run's CPU microseconds per file, which run.py's tree is measured by too.
The tree is unpacked once into --workdir (default: a folder under /tmp that
is kept for the next run).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import best_of, measure  # noqa: E402

TARBALL = "pytorch_1.13.1+dfsg.orig.tar.xz"


def unpack(shared, workdir):
    tarball = os.path.join(shared, "corpora", TARBALL)
    if not os.path.isfile(tarball):
        sys.exit(f"pytorch.py: {tarball} is absent")
    os.makedirs(workdir, exist_ok=True)
    with tarfile.open(tarball) as archive:
        top = archive.getnames()[0].split("/")[0]
        if not os.path.isdir(os.path.join(workdir, top)):
            if hasattr(tarfile, "data_filter"):
                archive.extractall(workdir, filter="data")
            else:
                archive.extractall(workdir)
    return os.path.join(workdir, top)


def pick(tree, folder, suffixes, count):
    found = []
    for root, dirs, names in os.walk(os.path.join(tree, folder)):
        dirs.sort()
        found += [os.path.join(root, n) for n in sorted(names) if n.endswith(suffixes)]
    return found[:: max(1, len(found) // count)][:count]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("strata")
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "strata-bench-pytorch"))
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    strata = os.path.abspath(args.strata)
    tree = unpack(args.shared, args.workdir)
    cache = tempfile.mkdtemp(prefix="strata-bench-cache-")
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    check = [strata, "check", "--cache-dir", cache] + jobs

    def empty_cache():
        shutil.rmtree(cache, ignore_errors=True)

    rows = []
    cold = best_of(3, check + [tree], before=empty_cache)
    rows.append(("strata check, cold (empty cache)", cold))
    measure(check + [tree])
    rows.append(("strata check, warm (nothing changed)", best_of(3, check + [tree])))
    changed = pick(tree, "torch", (".py",), 5) + pick(tree, "aten/src/ATen", (".cpp",), 5)
    rows.append(("strata check --changed, 10 files", best_of(3, check + ["--changed"] + changed)))
    graph = subprocess.run([strata, "graph", "--format", "json", "--cache-dir", cache, tree],
                           capture_output=True, text=True)
    files = sum(1 for f in json.loads(graph.stdout)["files"] if not f.get("generated"))
    shutil.rmtree(cache, ignore_errors=True)

    print(f"PyTorch 1.13.1 at {tree}\n")
    print("| run | wall s | CPU s | peak MB |")
    print("| --- | ---: | ---: | ---: |")
    for name, (wall, memory, _status, cpu) in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {memory:.0f} |")
    print(f"\n{files} files; cold: {cold[3] / max(files, 1) * 1e6:.0f} CPU microseconds per file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
