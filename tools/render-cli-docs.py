#!/usr/bin/env python3
"""render-cli-docs.py STRATA [--check FILE | --write FILE]

docs/cli.md holds the `--help` of every strata command, between
`<!-- help: COMMAND -->` and `<!-- /help -->` markers. --write refreshes those
blocks from the binary; --check fails (exit 1, with a diff) when any differs,
so the docs and the program cannot drift apart."""
import difflib
import re
import subprocess
import sys

BLOCK = re.compile(r"(<!-- help: (\S+) -->\n```text\n)(.*?)(```\n<!-- /help -->)", re.S)


def help_text(strata, command):
    argv = [strata, "--help"] if command == "strata" else [strata, command, "--help"]
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def main():
    strata, mode, path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    rendered = BLOCK.sub(lambda m: m.group(1) + help_text(strata, m.group(2)) + m.group(4), text)
    if mode == "--write":
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(rendered)
        return 0
    if rendered != text:
        sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), rendered.splitlines(True),
                                                   path, "strata --help"))
        print(f"{path} is out of date: run tools/render-cli-docs.py STRATA --write {path}")
        return 1
    print(f"{len(BLOCK.findall(text))} help texts match {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
