#!/usr/bin/env python3
"""pytorch_tree.py SHARED DEST: unpacks the PyTorch 1.13.1 source tree of
SHARED/corpora (see its README) into DEST/pytorch-1.13.1, once: later calls
find it there. The archive's checksum is checked first. Tests that run on
PyTorch say `REQUIRES: pytorch-corpus` (lit.cfg.py sets it when the archive
is there) and call this before using the tree; it is never written to."""
import fcntl
import hashlib
import os
import shutil
import sys
import tarfile

ARCHIVE = "pytorch_1.13.1+dfsg.orig.tar.xz"


def main():
    shared, dest = sys.argv[1], sys.argv[2]
    archive = os.path.join(shared, "corpora", ARCHIVE)
    tree = os.path.join(dest, "pytorch-1.13.1")
    marker = os.path.join(dest, ".pytorch-1.13.1.unpacked")
    if not os.path.exists(archive):
        print(f"skipped: no {archive}")
        return 0
    os.makedirs(dest, exist_ok=True)
    with open(os.path.join(dest, ".pytorch.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(marker):
            with open(os.path.join(shared, "corpora", "SHA256SUMS"), encoding="utf-8") as sums:
                expected = next(line.split()[0] for line in sums if line.split()[1] == ARCHIVE)
            digest = hashlib.sha256()
            with open(archive, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            if digest.hexdigest() != expected:
                print(f"error: {archive} does not match SHA256SUMS")
                return 1
            shutil.rmtree(tree, ignore_errors=True)
            with tarfile.open(archive) as tar:
                tar.extractall(dest, filter="tar")
            open(marker, "w").close()
    print(f"tree: {tree}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
