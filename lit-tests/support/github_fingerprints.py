#!/usr/bin/env python3
"""What GitHub's upload-sarif does to a SARIF log's fingerprints, and whether
code scanning would merge any of its results.

usage: github_fingerprints.py --root DIR FILE.sarif
       github_fingerprints.py --self-test

A port to Python, written for strata's tests, of the fingerprinting of
github/codeql-action (src/fingerprints.ts): before uploading, upload-sarif
computes `partialFingerprints.primaryLocationLineHash` of every result whose
first location has a region and a file it can find under the source root
(the checkout, here DIR). The hash is a rolling hash (modulo 2^64, base 37)
of the 100 characters that follow the start of the result's line, spaces
and tabs left out and line endings read as '\\n', with ':N' for the Nth
line of the file that has the same hash. A result that already carries
another value keeps it, and upload-sarif logs a warning:

  Calculated fingerprint of H for file F line N, but found existing
  inconsistent fingerprint value V

This prints every such warning, then checks what code scanning reads: no two
results of a rule may have the same fingerprints (the log's own and the one
upload-sarif adds), or code scanning keeps one alert for them; and, as
strata promises, strata's own fingerprint (`strata/v2`) is on every result
and unique. It ends with a line

  results upload-sarif could not hash: R - H
  fingerprints: R results, H hashed by upload-sarif, W warnings, S shared

and exits 1 when W or S is not 0 or a result lacks strata's fingerprint.

--self-test checks the port against the expected hashes of codeql-action's
own tests (src/fingerprints.test.ts).
"""
import argparse
import json
import os
import sys
import urllib.parse

BLOCK_SIZE = 100
MOD = 37
MASK = (1 << 64) - 1
EOF_CHAR = 65535
STRATA_KEY = "strata/v2"


def utf16_units(text):
    """The UTF-16 code units of text, as JavaScript's charCodeAt sees them."""
    units = []
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            units.append(0xD800 + (code >> 10))
            units.append(0xDC00 + (code & 0x3FF))
        else:
            units.append(code)
    return units


def line_hashes(text):
    """[(line, "hash:count")] for every line of text, as fingerprints.ts's
    hash() calls its callback."""
    first_mod = pow(MOD, BLOCK_SIZE, 1 << 64)
    window = [0] * BLOCK_SIZE
    line_numbers = [-1] * BLOCK_SIZE
    state = {"hash": 0, "index": 0, "line": 0, "line_start": True, "prev_cr": False}
    counts = {}
    out = []

    def output_hash():
        value = format(state["hash"] & MASK, "x")
        counts[value] = counts.get(value, 0) + 1
        out.append((line_numbers[state["index"]], f"{value}:{counts[value]}"))
        line_numbers[state["index"]] = -1

    def update_hash(current):
        index = state["index"]
        begin = window[index]
        window[index] = current
        state["hash"] = (MOD * state["hash"] + current - first_mod * begin) & MASK
        state["index"] = (index + 1) % BLOCK_SIZE

    def process(current):
        if current in (0x20, 0x09) or (state["prev_cr"] and current == 0x0A):
            state["prev_cr"] = False
            return
        if current == 0x0D:
            current = 0x0A
            state["prev_cr"] = True
        else:
            state["prev_cr"] = False
        if line_numbers[state["index"]] != -1:
            output_hash()
        if state["line_start"]:
            state["line_start"] = False
            state["line"] += 1
            line_numbers[state["index"]] = state["line"]
        if current == 0x0A:
            state["line_start"] = True
        update_hash(current)

    for unit in utf16_units(text):
        process(unit)
    process(EOF_CHAR)
    for _ in range(BLOCK_SIZE):
        if line_numbers[state["index"]] != -1:
            output_hash()
        update_hash(0)
    return out


def read_text(path):
    # fs.createReadStream(path, "utf8"): invalid bytes become U+FFFD, a BOM
    # stays.
    with open(path, "rb") as handle:
        return handle.read().decode("utf-8", errors="replace")


def resolve(artifact, artifacts, root):
    """The file a location names under root, as resolveUriToFile does, or None."""
    if "uri" not in artifact and isinstance(artifact.get("index"), int):
        index = artifact["index"]
        if index < 0 or index >= len(artifacts):
            return None
        artifact = artifacts[index].get("location", {})
    uri = artifact.get("uri")
    if not isinstance(uri, str):
        return None
    try:
        uri = urllib.parse.unquote(uri, errors="strict")
    except UnicodeDecodeError:
        return None
    if uri.startswith("file://"):
        uri = uri[len("file://"):]
    if "://" in uri:
        return None
    if uri.startswith("/") and not uri.startswith(root + "/"):
        return None
    if not os.path.isabs(uri):
        uri = root + "/" + uri
    if not os.path.exists(uri) or os.path.isdir(uri):
        return None
    return uri


def add_fingerprints(log, root):
    """Fills in primaryLocationLineHash as upload-sarif does. Returns (hashed
    results, warnings)."""
    callbacks = {}
    for run in log.get("runs", []):
        artifacts = run.get("artifacts", [])
        for result in run.get("results", []):
            locations = result.get("locations") or [{}]
            physical = locations[0].get("physicalLocation", {})
            if "artifactLocation" not in physical:
                continue
            if physical.get("region", {}).get("startLine") is None:
                continue
            path = resolve(physical["artifactLocation"], artifacts, root)
            if path:
                callbacks.setdefault(path, []).append((result, physical))
    hashed, warnings = 0, []
    for path, wanted in callbacks.items():
        by_line = {}
        for result, physical in wanted:
            by_line.setdefault(physical["region"]["startLine"], []).append((result, physical))
        for line, value in line_hashes(read_text(path)):
            for result, physical in by_line.get(line, []):
                fingerprints = result.setdefault("partialFingerprints", {})
                existing = fingerprints.get("primaryLocationLineHash")
                if not existing:
                    fingerprints["primaryLocationLineHash"] = value
                    hashed += 1
                elif existing != value:
                    uri = physical["artifactLocation"].get("uri")
                    warnings.append(f"Calculated fingerprint of {value} for file {uri} line "
                                    f"{line}, but found existing inconsistent fingerprint value "
                                    f"{existing}")
    return hashed, warnings


def shared_fingerprints(log):
    """[(rule, fingerprints, count)] for results that code scanning would take
    for one alert."""
    seen = {}
    for run in log.get("runs", []):
        for result in run.get("results", []):
            key = (result.get("ruleId"),
                   tuple(sorted(result.get("partialFingerprints", {}).items())))
            seen[key] = seen.get(key, 0) + 1
    return [(rule, dict(prints), count) for (rule, prints), count in seen.items() if count > 1]


def strata_problems(log):
    problems, values = [], {}
    for run in log.get("runs", []):
        for i, result in enumerate(run.get("results", [])):
            value = result.get("partialFingerprints", {}).get(STRATA_KEY)
            if not value:
                problems.append(f"results[{i}] has no {STRATA_KEY} fingerprint")
                continue
            values.setdefault(value, []).append(i)
    for value, where in values.items():
        if len(where) > 1:
            problems.append(f"{STRATA_KEY} {value} is on results {where}")
    return problems


# codeql-action's src/fingerprints.test.ts: inputs and the hashes expected.
SELF_TEST = [
    ("", ["c129715d7a2bc9a3:1"]),
    (" a\nb\n  \t\tc\n d",
     ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    (" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
     ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
      "b86d3392aea1be30:1", "e6ceba753e1a442:1"]),
]
ENDED = ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
         "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"]
SELF_TEST += [(text, ENDED) for text in (
    " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
    " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
    " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
    " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n")]
SELF_TEST.append(("Lorem ipsum dolor sit amet.\n" * 10,
                  ["a7f2ff13bc495cf2:%d" % n for n in range(1, 7)] +
                  ["a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                   "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"]))


def self_test():
    failed = 0
    for text, expected in SELF_TEST:
        got = line_hashes(text)
        want = list(enumerate(expected, 1))
        if got != want:
            failed += 1
            print(f"self-test: {text!r}: got {got}, want {want}")
    print(f"self-test: {len(SELF_TEST) - failed} of {len(SELF_TEST)} inputs hash as upload-sarif "
          "hashes them")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", help="the source root (the checkout)")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.root or not args.file:
        parser.error("give --root DIR and FILE.sarif")
    with open(args.file, encoding="utf-8") as handle:
        log = json.load(handle)
    root = os.path.realpath(args.root)
    results = sum(len(run.get("results", [])) for run in log.get("runs", []))
    hashed, warnings = add_fingerprints(log, root)
    for warning in warnings:
        print(f"warning: {warning}")
    shared = shared_fingerprints(log)
    for rule, prints, count in shared:
        print(f"shared: {count} results of {rule} have the fingerprints {prints}")
    problems = strata_problems(log)
    for problem in problems:
        print(f"error: {problem}")
    print(f"results upload-sarif could not hash: {results - hashed}")
    print(f"fingerprints: {results} results, {hashed} hashed by upload-sarif, "
          f"{len(warnings)} warnings, {len(shared)} shared")
    return 1 if warnings or shared or problems else 0


if __name__ == "__main__":
    sys.exit(main())
