#!/usr/bin/env python3
"""Validate a SARIF log against the official SARIF 2.1.0 schema and against
the copy GitHub's codeql-action upload-sarif checks uploads with.

usage: validate_sarif.py [--shared DIR] FILE

The schemas live in DIR/schemas (default: ../shared beside the repository).
Prints `valid: FILE` and exits 0 when the log passes both; prints each error
(schema, JSON path, message) and exits 1 otherwise; prints
`skipped: no shared schemas` and exits 0 when the schemas are absent (a fresh
clone has no ../shared).

URIs are checked too (jsonschema leaves "format" unchecked without optional
packages): a "uri" must be absolute and a "uri-reference" well formed, both
in RFC 3986's character set, so an unencoded space or 'é' fails.
"""
import argparse
import json
import os
import re
import sys

import jsonschema

SCHEMAS = [
    ("official", "sarif-schema-2.1.0.json"),
    ("codeql-action", "sarif-schema-2.1.0.codeql-action.json"),
]

# RFC 3986: the characters a URI may hold, and percent-escapes done right.
URI_CHARACTERS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def default_shared():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(os.path.dirname(repo), "shared")


def format_checker():
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("uri")
    def is_uri(value):
        if not isinstance(value, str):
            return True
        return bool(URI_CHARACTERS.match(value) and URI_SCHEME.match(value))

    @checker.checks("uri-reference")
    def is_uri_reference(value):
        if not isinstance(value, str):
            return True
        # A relative reference whose first segment holds ':' reads as a scheme.
        first = value.split("/", 1)[0]
        if ":" in first and not URI_SCHEME.match(value):
            return False
        return bool(URI_CHARACTERS.match(value))

    return checker


def json_path(error):
    return "$" + "".join(f"[{p!r}]" if isinstance(p, str) else f"[{p}]"
                         for p in error.absolute_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=default_shared(),
                        help="the shared folder holding schemas/ (default: ../shared)")
    parser.add_argument("file")
    args = parser.parse_args()

    schema_paths = [(name, os.path.join(args.shared, "schemas", base)) for name, base in SCHEMAS]
    if not all(os.path.isfile(path) for _, path in schema_paths):
        print("skipped: no shared schemas")
        return 0
    try:
        with open(args.file, encoding="utf-8") as handle:
            log = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"error: cannot read '{args.file}': {error}")
        return 1

    errors = 0
    for name, path in schema_paths:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
        # The official schema is draft-04; the codeql-action copy says 2020-12.
        validator_class = jsonschema.validators.validator_for(schema, jsonschema.Draft4Validator)
        validator = validator_class(schema, format_checker=format_checker())
        for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
            print(f"error: {name}: {json_path(error)}: {error.message}")
            errors += 1
    if errors:
        return 1
    print(f"valid: {args.file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
