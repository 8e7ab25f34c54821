#!/usr/bin/env python3
"""syntax_reference.py NOTICES [--exclude GLOB ...] ROOT: checks that strata
says a file does not parse (a `syntax error` notice in NOTICES, strata's
stderr) only where CPython itself rejects it (`compile`, after decoding it as
Python would), among the .py files of ROOT. Prints each file strata wrongly
calls broken, then "N files compiled, N rejected, N noticed, N differences";
exits 1 when there is a difference. Files CPython rejects for what a parser
cannot see (a bad `from __future__`, a bad coding cookie) or for Python 2
syntax the grammar still reads need no notice.
"""
import argparse
import fnmatch
import os
import re
import sys
import warnings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notices")
    parser.add_argument("root")
    parser.add_argument("--exclude", action="append", default=[])
    args = parser.parse_args()
    notice = re.compile(r"^(.*?):\d+:\d+: notice: syntax error")
    said = set()
    with open(args.notices, encoding="utf-8", errors="surrogateescape") as handle:
        for line in handle:
            match = notice.match(line)
            if match:
                said.add(match.group(1))
    rejected, compiled = set(), 0
    for folder, dirs, names in os.walk(args.root):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in names:
            if not name.endswith(".py"):
                continue
            path = os.path.relpath(os.path.join(folder, name), args.root).replace(os.sep, "/")
            if any(fnmatch.fnmatch(path, pattern) for pattern in args.exclude):
                continue
            compiled += 1
            with open(os.path.join(folder, name), "rb") as handle:
                source = handle.read()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    compile(source, path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError):
                rejected.add(path)
    differences = 0
    for path in sorted(said - rejected):
        print(f"strata says {path} does not parse; CPython compiles it")
        differences += 1
    print(f"{compiled} files compiled, {len(rejected)} rejected, {len(said)} noticed, "
          f"{differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
