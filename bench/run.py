#!/usr/bin/env python3
"""run.py STRATA TREE [--skip-pylint]: measure strata on a tree made by
make_tree.py, side by side with the tools users would pick instead.

  strata cold      an empty cache (--cache-dir in a fresh folder)
  strata warm      the full cache, nothing changed
  strata changed   `strata check --changed` with 10 files, full cache
  strata python    the Python part alone, no cache
  pylint           pylint's cyclic-import check on the same Python files
  ast              a plain Python ast import extractor on the same files

Each strata figure is the best of 3 runs (wall seconds, and the CPU seconds
of that run), with the peak resident memory of the process. The strata
Python part and the ast extractor take turns, 3 runs each, so that their
ratio compares runs from the same minutes; pylint runs once. Prints a
markdown table and the ratios. On a shared host the wall times of every row
rise and fall together with the load: the ast row tells how fast the
machine was.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def measure(argv, cwd=None):
    start = time.monotonic()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), cpu


def best_of(runs, argv, before=None):
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(measure(argv))
    return min(results)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("strata")
    parser.add_argument("tree")
    parser.add_argument("--skip-pylint", action="store_true")
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    strata = os.path.abspath(args.strata)
    tree = os.path.abspath(args.tree)
    cache = tempfile.mkdtemp(prefix="strata-bench-cache-")
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    check = [strata, "check", "--cache-dir", cache] + jobs

    def empty_cache():
        shutil.rmtree(cache, ignore_errors=True)

    rows = []
    cold = best_of(3, check + [tree], before=empty_cache)
    rows.append(("strata check, cold (empty cache)", cold))
    measure(check + [tree])
    warm = best_of(3, check + [tree])
    rows.append(("strata check, warm (nothing changed)", warm))
    python_files = []
    for folder, dirs, names in os.walk(os.path.join(tree, "torch")):
        dirs.sort()
        python_files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".py")]
    changed_files = python_files[:: max(1, len(python_files) // 10)][:10]
    changed = best_of(3, check + ["--changed"] + changed_files)
    rows.append(("strata check --changed, 10 files", changed))

    python_roots = sorted(os.path.join(tree, "torch", d) for d in os.listdir(os.path.join(tree, "torch"))
                          if d.startswith("_py"))
    # The Python part alone, for the side-by-side with the Python tools.
    python_config = os.path.join(cache, "..", "strata-bench-python.yaml")
    with open(os.path.join(tree, "strata.yaml"), encoding="utf-8") as handle:
        text = handle.read()
    with open(python_config, "w", encoding="utf-8") as handle:
        handle.write(text + 'exclude: ["c10/**", "aten/**", "torch/csrc/**"]\n')
    strata_argv = [strata, "check", "--no-cache", "--config", python_config] + jobs + [tree]
    ast_argv = ([sys.executable, os.path.join(os.path.dirname(__file__), "ast_imports.py")]
                + python_roots)
    strata_runs, ast_runs = [], []
    for _ in range(3):  # in turns: a host that slows down slows both
        strata_runs.append(measure(strata_argv))
        ast_runs.append(measure(ast_argv))
    strata_python, ast_run = min(strata_runs), min(ast_runs)
    rows.append(("strata check, Python part only, no cache", strata_python))
    rows.append(("Python ast import extractor (one process)", ast_run))
    pylint_run = None
    if not args.skip_pylint:
        pylint_run = measure(["pylint", "--disable=all", "--enable=cyclic-import", "--jobs=1",
                              "--recursive=y"] + python_roots)
        rows.append(("pylint --enable=cyclic-import", pylint_run))

    print("| run | wall (s) | CPU (s) | peak memory (MB) | exit |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, (wall, memory, status, cpu) in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {memory:.0f} | {status} |")
    print()
    print(f"ast extractor / strata (Python part): {ast_run[0] / strata_python[0]:.1f}x")
    if pylint_run:
        print(f"pylint cyclic-import / strata (Python part): {pylint_run[0] / strata_python[0]:.1f}x")
    os.unlink(python_config)
    shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
