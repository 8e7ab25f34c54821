#!/usr/bin/env python3
"""Run a .lintrunner.toml linter the way lintrunner 0.13 does, and check
every message it prints. lintrunner itself cannot be installed here.

usage: lintrunner_emulator.py --config .lintrunner.toml [--code CODE]
                              [--schema FILE] [--paths-exist]
                              (--all-files | FILE...)
       lintrunner_emulator.py --config .lintrunner.toml [--code CODE]
                              --init [--dry-run]

As lintrunner (src/linter.rs): each FILE is made an absolute, canonical
path (it must exist); a linter runs on the files its include_patterns match
and its exclude_patterns do not (glob patterns relative to the config's
folder, `*` not crossing '/'), and not at all when none match; the paths go
into a temporary file, one per line; `{{PATHSFILE}}` in every argument of
`command` becomes that file's path; the command runs without a shell, from
the config's folder. `--init` runs `init_command` likewise, with
`{{DRYRUN}}` replaced by 1 or 0. `--all-files` stands for every file below
the config's folder outside hidden folders (lintrunner takes git's list).

Stricter than lintrunner, to catch what it would choke on or show wrongly:
a non-zero exit, a non-empty stdout line that is not a JSON object, a
missing `code`, `severity` or `name`, a `code` other than the linter's, a
field of the wrong type, and (with --schema, when the file exists) any
violation of the LintMessage JSON schema all fail (exit 1) with the reason;
with --paths-exist, so does a message whose path names no file (a path
that came through JSON escaping wrong).

Prints each message as one line, for FileCheck:
  PATH:LINE:CHAR: SEVERITY [CODE/NAME] DESCRIPTION
(`-` for null; DESCRIPTION with newlines as `\\n`), then
`lintrunner emulator: N messages from CODE, schema checked|schema skipped`.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib

FIELD_TYPES = {
    "path": (str, type(None)),
    "line": (int, type(None)),
    "char": (int, type(None)),
    "code": (str,),
    "severity": (str,),
    "name": (str,),
    "description": (str, type(None)),
    "original": (str, type(None)),
    "replacement": (str, type(None)),
}
SEVERITIES = {"error", "warning", "advice", "disabled"}


class Failed(Exception):
    pass


def glob_regex(pattern):
    """The glob crate's Pattern with require_literal_separator: `**` as a
    whole component matches any number of folders, `*` and `?` stay within
    one component, `[...]` is a class (`[!...]` negated)."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**", i) and (i == 0 or pattern[i - 1] == "/"):
            if pattern.startswith("**/", i):
                out.append("(?:[^/]*/)*")
                i += 3
                continue
            if i + 2 == len(pattern):
                out.append(".*")
                i += 2
                continue
        c = pattern[i]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z")


def matches(patterns, relative):
    return any(glob_regex(pattern).match(relative) for pattern in patterns)


def find_linter(config_path, code):
    with open(config_path, "rb") as handle:
        config = tomllib.load(handle)
    linters = config.get("linter", [])
    for linter in linters:
        if code is None or linter.get("code") == code:
            for key in ("code", "include_patterns", "command"):
                if key not in linter:
                    raise Failed(f"linter '{linter.get('code')}' has no '{key}'")
            return linter
    raise Failed(f"no [[linter]] with code '{code}' in '{config_path}'")


def check_message(line, code, validator):
    try:
        message = json.loads(line)
    except ValueError as error:
        raise Failed(f"not a JSON line: {line!r} ({error})")
    if not isinstance(message, dict):
        raise Failed(f"not a JSON object: {line!r}")
    for key in ("code", "severity", "name"):
        if key not in message:
            raise Failed(f"no '{key}' in {line!r}")
    for key, value in message.items():
        # bool is an int to Python, not to serde.
        if key in FIELD_TYPES and (not isinstance(value, FIELD_TYPES[key])
                                   or isinstance(value, bool)):
            raise Failed(f"'{key}' is a {type(value).__name__} in {line!r}")
    if message["severity"] not in SEVERITIES:
        raise Failed(f"unknown severity in {line!r}")
    if message["code"] != code:
        raise Failed(f"code '{message['code']}' is not the linter's '{code}'")
    if validator is not None:
        errors = sorted(validator.iter_errors(message), key=lambda e: list(e.path))
        if errors:
            raise Failed(f"schema: {errors[0].message} in {line!r}")
    return message


def show(value):
    return "-" if value is None else str(value)


def run_linter(linter, config_dir, files, validator):
    relative = {path: os.path.relpath(path, config_dir) for path in files}
    matched = [path for path in files
               if matches(linter["include_patterns"], relative[path])
               and not matches(linter.get("exclude_patterns", []), relative[path])]
    if not matched:
        return []
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as paths_file:
        for path in matched:
            paths_file.write(path + "\n")
    try:
        program, *arguments = linter["command"]
        arguments = [argument.replace("{{PATHSFILE}}", paths_file.name) for argument in arguments]
        run = subprocess.run([program] + arguments, cwd=config_dir, capture_output=True)
    finally:
        os.unlink(paths_file.name)
    if run.returncode != 0:
        raise Failed(f"Linter failed: exit status {run.returncode}\n"
                     f"STDERR:\n{run.stderr.decode(errors='replace')}\n"
                     f"STDOUT:\n{run.stdout.decode(errors='replace')}")
    try:
        stdout = run.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Failed(f"stdout is not UTF-8: {error}")
    return [check_message(line, linter["code"], validator)
            for line in stdout.splitlines() if line]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--code")
    parser.add_argument("--schema")
    parser.add_argument("--init", action="store_true")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--all-files", action="store_true")
    parser.add_argument("--paths-exist", action="store_true")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    config_path = os.path.realpath(args.config)
    config_dir = os.path.dirname(config_path)
    try:
        linter = find_linter(config_path, args.code)
        if args.init:
            if "init_command" not in linter:
                raise Failed(f"linter '{linter['code']}' has no init_command")
            program, *arguments = [argument.replace("{{DRYRUN}}", "1" if args.dry_run else "0")
                                   for argument in linter["init_command"]]
            status = subprocess.run([program] + arguments, cwd=config_dir).returncode
            if status != 0:
                raise Failed(f"lint initializer for '{linter['code']}' failed with exit {status}")
            print(f"lintrunner emulator: initialized {linter['code']}")
            return 0
        validator = None
        if args.schema and os.path.isfile(args.schema):
            import jsonschema
            with open(args.schema, encoding="utf-8") as handle:
                schema = json.load(handle)
            validator = jsonschema.validators.validator_for(schema)(schema)
        files = []
        if args.all_files:
            for folder, subfolders, names in os.walk(config_dir):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
                files += [os.path.join(folder, name) for name in sorted(names)]
        for path in args.files:
            if not os.path.exists(path):
                raise Failed(f"no such file: '{path}'")
            files.append(os.path.realpath(path))
        messages = run_linter(linter, config_dir, files, validator)
        if args.paths_exist:
            for message in messages:
                path = message.get("path")
                if path is not None and not os.path.exists(os.path.join(config_dir, path)):
                    raise Failed(f"no file at the path of {message!r}")
    except Failed as error:
        print(f"lintrunner emulator: error: {error}")
        return 1
    for message in messages:
        description = show(message.get("description")).replace("\n", "\\n")
        print(f"{show(message.get('path'))}:{show(message.get('line'))}:"
              f"{show(message.get('char'))}: {message['severity']} "
              f"[{message['code']}/{message['name']}] {description}")
    print(f"lintrunner emulator: {len(messages)} messages from {linter['code']}, "
          f"schema {'checked' if validator else 'skipped'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
