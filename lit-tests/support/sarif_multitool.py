#!/usr/bin/env python3
"""Check SARIF logs the way GitHub code scanning will read them.

usage: sarif_multitool.py --build DIR FILE...

Two checks, for every FILE:
1. The Microsoft SARIF Multitool (`validate`, rule kinds "Sarif;Gh", with
   GitHub's rules GH1001-GH1007 enabled by a config file), installed by the
   build into DIR/tools/sarif-multitool (tools/sarif-multitool/npm-tool.cmake).
   It exits 0 even when it reports errors, so its output log is read.
2. Code scanning's documented limits and the fields it reads: one run per
   file, under 10 MB gzip-compressed, at most 25,000 results, rule names of
   at most 255 characters, descriptions of at most 1,024, at most 20 tags,
   help text, automationDetails.id, and on every result a message text, a
   location relative to %SRCROOT% with a region, and strata's own
   fingerprint (partialFingerprints["strata/v2"]) but no
   primaryLocationLineHash, which upload-sarif computes itself (it warns
   about any other value: github_fingerprints.py checks that).

Prints `valid: FILE` for a file without errors, else each error as
`error: FILE: RULE: MESSAGE`, and exits 1 when there was any error.
Warnings and notes of the Multitool are printed as `note: ...` and do not
fail. (The Multitool passes a log it cannot read into its object model, such
as one with a level SARIF does not have, without a word: the JSON schema
check, validate_sarif.py, is the one that catches those.)
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

MULTITOOL = os.path.join("tools", "sarif-multitool", "node_modules", "@microsoft",
                         "sarif-multitool-linux", "Sarif.Multitool")

# GH1001-GH1007 are off unless a config turns them on.
GITHUB_RULES = [
    "GH1001.ProvideRequiredLocationProperties",
    "GH1002.InlineThreadFlowLocations",
    "GH1003.ProvideRequiredRegionProperties",
    "GH1004.ReviewArraysThatExceedConfigurableDefaults",
    "GH1005.LocationsMustBeRelativeUrisOrFilePaths",
    "GH1006.ProvideCheckoutPath",
    "GH1007.ProvideFullyFormattedMessageStrings",
]

MAX_GZIP_BYTES = 10 * 1024 * 1024
MAX_RESULTS = 25000


def config_xml():
    entries = "".join(
        f'  <Properties Key="{rule}.Options">\n'
        '    <Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" />\n'
        "  </Properties>\n" for rule in GITHUB_RULES)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n{entries}</Properties>\n'


def message_text(result, rules):
    """A Multitool result's message, with its arguments filled in."""
    message = result.get("message", {})
    if "text" in message:
        return message["text"]
    rule = rules.get(result.get("ruleId"), {})
    template = rule.get("messageStrings", {}).get(message.get("id"), {}).get("text", "")
    arguments = message.get("arguments", [])
    return re.sub(r"\{(\d+)\}", lambda m: arguments[int(m.group(1))], template) or str(message)


def run_multitool(binary, paths, workdir):
    """{absolute path: [(level, rule, message)]}: what the Multitool reports,
    in one run over every file (it takes a second to start); raises when it
    did not read them all."""
    config = os.path.join(workdir, "github-rules.xml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(config_xml())
    output = os.path.join(workdir, "multitool-output.sarif")
    # Its default size limit (10,000 KB) skips larger files silently.
    argv = [binary, "validate", *paths, "--rule-kind", "Sarif;Gh", "-c", config, "-o", output,
            "--log", "ForceOverwrite", "--max-file-size-in-kb", "1048576"]
    # It tries to download the log's $schema; a proxy that refuses at once
    # keeps the check offline and the same everywhere.
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", HTTP_PROXY="http://127.0.0.1:9",
               HTTPS_PROXY="http://127.0.0.1:9", NO_PROXY="")
    run = subprocess.run(argv, capture_output=True, text=True, env=env)
    if (run.returncode != 0 or f"Done. {len(paths)} files scanned." not in run.stdout
            or not os.path.exists(output)):
        raise RuntimeError(f"the multitool did not validate them all (exit {run.returncode}): "
                           f"{run.stdout.strip()} {run.stderr.strip()}")
    with open(output, encoding="utf-8-sig") as handle:
        log = json.load(handle)
    found = {path: [] for path in paths}
    for run_log in log.get("runs", []):
        rules = {rule["id"]: rule for rule in run_log["tool"]["driver"].get("rules", [])}
        for result in run_log.get("results", []):
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            path = urllib.parse.unquote(urllib.parse.urlparse(uri).path)
            found.setdefault(path, []).append(
                (result.get("level", "warning"), result.get("ruleId"), message_text(result, rules)))
        for invocation in run_log.get("invocations", []):
            for note in invocation.get("toolExecutionNotifications", []):
                if note.get("level", "warning") == "error":
                    raise RuntimeError(note["message"].get("text", "the multitool failed"))
    return found


def check_limits(path):
    """[(rule, message)]: what code scanning would refuse, cut or misplace."""
    errors = []
    with open(path, "rb") as handle:
        data = handle.read()
    if len(gzip.compress(data)) >= MAX_GZIP_BYTES:
        errors.append(("size", "over 10 MB gzip-compressed"))
    log = json.loads(data)
    runs = log.get("runs", [])
    if len(runs) != 1:
        errors.append(("runs", f"{len(runs)} runs, not 1"))
    for r, run in enumerate(runs):
        where = f"runs[{r}]"
        if not run.get("automationDetails", {}).get("id"):
            errors.append(("automationDetails", f"{where}: no automationDetails.id"))
        if "columnKind" not in run:
            errors.append(("columnKind", f"{where}: no columnKind"))
        for i, rule in enumerate(run["tool"]["driver"].get("rules", [])):
            at = f"{where}.tool.driver.rules[{i}]"
            if len(rule.get("name", "")) > 255:
                errors.append(("rule", f"{at}.name: more than 255 characters"))
            for key in ("shortDescription", "fullDescription"):
                text = rule.get(key, {}).get("text")
                if not text:
                    errors.append(("rule", f"{at}.{key}: no text"))
                elif len(text) > 1024:
                    errors.append(("rule", f"{at}.{key}: more than 1,024 characters"))
            if not rule.get("help", {}).get("text"):
                errors.append(("rule", f"{at}.help: no text"))
            properties = rule.get("properties", {})
            if len(properties.get("tags", [])) > 20:
                errors.append(("rule", f"{at}.properties.tags: more than 20"))
            for key in ("precision", "problem.severity"):
                if key not in properties:
                    errors.append(("rule", f"{at}.properties: no '{key}'"))
        results = run.get("results", [])
        if len(results) > MAX_RESULTS:
            errors.append(("results", f"{where}: {len(results)} results, more than {MAX_RESULTS}"))
        for i, result in enumerate(results):
            at = f"{where}.results[{i}]"
            if not result.get("message", {}).get("text"):
                errors.append(("result", f"{at}: no message.text"))
            fingerprints = result.get("partialFingerprints", {})
            if not fingerprints.get("strata/v2"):
                errors.append(("result", f"{at}: no partialFingerprints['strata/v2']"))
            if "primaryLocationLineHash" in fingerprints:
                errors.append(("result", f"{at}: primaryLocationLineHash is upload-sarif's to set"))
            locations = result.get("locations", [])
            if not locations:
                errors.append(("result", f"{at}: no locations"))
                continue
            physical = locations[0].get("physicalLocation", {})
            artifact = physical.get("artifactLocation", {})
            if artifact.get("uriBaseId") != "%SRCROOT%" or artifact.get("uri", "/").startswith("/"):
                errors.append(("result", f"{at}: location not relative to %SRCROOT%"))
            if physical.get("region", {}).get("startLine", 0) < 1:
                errors.append(("result", f"{at}: no region.startLine"))
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", required=True, help="the build folder (lit's %%build)")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    binary = os.path.join(args.build, MULTITOOL)
    if not os.access(binary, os.X_OK):
        print(f"error: no SARIF Multitool at '{binary}' (the build installs it)")
        return 1
    failed = False
    with tempfile.TemporaryDirectory() as workdir:
        absolute = [os.path.abspath(path) for path in args.files]
        try:
            reported = run_multitool(binary, absolute, workdir)
        except (OSError, ValueError, RuntimeError) as error:
            print(f"error: {error}")
            return 1
    for path, full in zip(args.files, absolute):
        errors = []
        for level, rule, message in reported.get(full, []):
            if level == "error":
                errors.append((rule, message))
            else:
                print(f"note: {path}: {level} {rule}: {message}")
        try:
            errors += check_limits(path)
        except (OSError, ValueError) as error:
            errors.append(("read", str(error)))
        for rule, message in errors:
            print(f"error: {path}: {rule}: {message}")
        if errors:
            failed = True
        else:
            print(f"valid: {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
