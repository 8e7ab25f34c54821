#!/usr/bin/env python3
"""cuda_standin_toolkit.py DIR [--version 11080]

Writes a stand-in CUDA toolkit into DIR, for tests of exact mode that must
not depend on a real one: bin/ (clang looks for it), include/cuda.h with
CUDA_VERSION (clang reads the version there), and an empty header for each
one clang's CUDA wrapper headers (__clang_cuda_runtime_wrapper.h and its
friends) include, so that a parse against it finds every header it asks for.
Each stand-in header says what it is, and includes nothing."""
import argparse
import os

HEADERS = [
    "builtin_types.h", "crt/device_double_functions.hpp", "crt/device_functions.hpp",
    "crt/device_runtime.h", "crt/host_runtime.h", "crt/math_functions.hpp", "crt/sm_70_rt.hpp",
    "cuda_fp16.h", "cuda_runtime.h", "curand_mtgp32_kernel.h", "device_atomic_functions.h",
    "device_atomic_functions.hpp", "device_double_functions.h", "device_functions.hpp",
    "driver_types.h", "host_config.h", "host_defines.h", "math_functions.hpp",
    "math_functions_dbl_ptx3.hpp", "sm_20_atomic_functions.hpp", "sm_20_intrinsics.hpp",
    "sm_32_atomic_functions.hpp", "sm_60_atomic_functions.hpp", "sm_61_intrinsics.hpp",
    "texture_fetch_functions.h", "texture_indirect_functions.h",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--version", default="11080")
    args = parser.parse_args()
    os.makedirs(os.path.join(args.folder, "bin"), exist_ok=True)
    include = os.path.join(args.folder, "include")
    os.makedirs(os.path.join(include, "crt"), exist_ok=True)
    with open(os.path.join(include, "cuda.h"), "w", encoding="utf-8") as handle:
        handle.write(f"// stand-in CUDA toolkit\n#define CUDA_VERSION {args.version}\n")
    for name in HEADERS:
        with open(os.path.join(include, name), "w", encoding="utf-8") as handle:
            handle.write(f"// stand-in for the CUDA toolkit's {name}\n")


if __name__ == "__main__":
    main()
