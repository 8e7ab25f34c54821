#!/usr/bin/env python3
"""seeds.py --lit-tests DIR --examples DIR --strata STRATA --out DIR: draws
the seed corpus of each fuzz target from the inputs of lit-tests/.

  python    every .py file, and every `#--- NAME.py` part of a test
  cxx       every .h/.hpp/.c/.cc/.cpp/.cu/.cuh file, and such parts
  config    every .yaml file, and every `#--- NAME.yaml` part
  baseline  every `#--- NAME.json` part, and baselines strata writes for
            the example tree and for the trees of the tests above
  facts     the facts strata extracts from all of the above, as its fact
            cache holds them (one payload of the pack per file)

Files larger than 64 KB are left out (libFuzzer mutates small inputs best).
The output is the same for the same inputs: seeds are named by a hash of
their bytes."""
import argparse
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

LIMIT = 64 * 1024
KINDS = {
    "python": (".py",),
    "cxx": (".h", ".hpp", ".c", ".cc", ".cpp", ".cu", ".cuh"),
    "config": (".yaml",),
    "baseline": (".json",),
}
PART = re.compile(rb"^#--- (\S+)\n", re.MULTILINE)


def kind_of(name):
    for kind, suffixes in KINDS.items():
        if name.endswith(suffixes):
            return kind
    return None


def inputs(lit_tests):
    """(name, bytes) of every input file and split-file part under lit_tests."""
    for folder, dirs, names in os.walk(lit_tests):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            if name.endswith((".test", ".py", ".h", ".cpp", ".cu", ".yaml")) and PART.search(data):
                parts = PART.split(data)
                for index in range(1, len(parts) - 1, 2):
                    yield parts[index].decode("utf-8", "replace"), parts[index + 1]
            if not name.endswith(".test"):
                yield name, data


def save(out, kind, data):
    if len(data) > LIMIT or (kind in ("python", "cxx") and b"\0" in data):
        return
    folder = os.path.join(out, kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as handle:
        handle.write(data)


def pack_payloads(pack):
    """The payload of every entry of a fact cache pack (core/fact_cache.c)."""
    with open(pack, "rb") as handle:
        data = handle.read()
    at = 48  # magic, formats, options key, run start, count, header sum
    while at + 4 <= len(data):
        (path_length,) = struct.unpack_from("<I", data, at)
        at += 4 + path_length + 6 * 8
        if at + 4 > len(data):
            break
        (payload_length,) = struct.unpack_from("<I", data, at)
        at += 4
        yield data[at:at + payload_length]
        at += payload_length + 8


def from_strata(strata, tree, out):
    """Baselines and cached facts that strata makes of tree."""
    cache = tempfile.mkdtemp(prefix="strata-seeds-cache-")
    baseline = os.path.join(cache, "baseline.json")
    try:
        subprocess.run([strata, "baseline", "--cache-dir", cache, "--output", baseline, tree],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if os.path.exists(baseline):
            with open(baseline, "rb") as handle:
                save(out, "baseline", handle.read())
        for name in sorted(os.listdir(cache)):
            if name.endswith(".pack"):
                for payload in pack_payloads(os.path.join(cache, name)):
                    save(out, "facts", payload)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lit-tests", required=True)
    parser.add_argument("--examples", required=True)
    parser.add_argument("--strata", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    tree = tempfile.mkdtemp(prefix="strata-seeds-tree-")
    try:
        count = 0
        for name, data in inputs(args.lit_tests):
            kind = kind_of(name)
            if not kind:
                continue
            save(args.out, kind, data)
            if kind in ("python", "cxx") and len(data) <= LIMIT and b"\0" not in data:
                # Into one tree, for the facts strata extracts from them.
                suffix = os.path.splitext(name)[1]
                with open(os.path.join(tree, f"f{count}{suffix}"), "wb") as handle:
                    handle.write(data)
                count += 1
        from_strata(args.strata, tree, args.out)
        from_strata(args.strata, os.path.join(args.examples, "minitorch"), args.out)
    finally:
        shutil.rmtree(tree, ignore_errors=True)
    for kind in list(KINDS) + ["facts"]:
        folder = os.path.join(args.out, kind)
        os.makedirs(folder, exist_ok=True)
        print(f"{kind}: {len(os.listdir(folder))} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
