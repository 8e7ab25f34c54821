#!/usr/bin/env python3
"""exact_cuda_toolkit.py SKIP_FILE

For the exact-mode tests that need real CUDA toolkit headers: when none of
the places exact mode looks in by default holds include/cuda_runtime.h
(/usr/local/cuda, Debian's /usr/lib/cuda and /usr), writes a "skipped: ..."
line to SKIP_FILE, which the test then checks instead. `STRATA_CUDA=1 sh
tools/setup.sh` installs Debian's toolkit headers (nvidia-cuda-dev)."""
import os
import sys

CANDIDATES = ("/usr/local/cuda", "/usr/lib/cuda", "/usr")

if not any(os.path.isfile(os.path.join(path, "include", "cuda_runtime.h")) for path in CANDIDATES):
    with open(sys.argv[1], "w", encoding="utf-8") as handle:
        handle.write("skipped: no CUDA toolkit (STRATA_CUDA=1 sh tools/setup.sh installs one)\n")
