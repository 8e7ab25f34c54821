#!/usr/bin/env python3
"""make_tree.py OUT: build a PyTorch-scale tree from real code on every machine.

  torch/        ~4,200 Python files: the machine's Python standard library,
                copied as several packages, each its own python root
  c10/ aten/ torch/csrc/
                ~4,400 C/C++ headers: the LLVM 19 headers (/usr/include/llvm-19),
                spread over the PyTorch components and copied until the count is
                reached, with include dirs that resolve their #include lines
  aten/src/ATen/native/cuda/
                ~350 .cu/.cuh files: small generated CUDA kernels that include
                ATen and c10 headers, and one another
  strata.yaml   components, layers and include dirs for that layout

The tree is the same for the same machine: files are copied in sorted order,
and no two files have the same bytes.
"""
import argparse
import os
import shutil
import sys
import sysconfig

PYTHON_TARGET = 4200
CXX_TARGET = 4400
CUDA_TARGET = 350
LLVM = "/usr/include/llvm-19"


def python_files(stdlib):
    found = []
    for folder, dirs, files in os.walk(stdlib):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
        for name in sorted(files):
            if name.endswith(".py"):
                found.append(os.path.relpath(os.path.join(folder, name), stdlib))
    return found


def cxx_files():
    found = []
    for folder, dirs, files in os.walk(LLVM):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".h", ".inc", ".def")):
                found.append(os.path.relpath(os.path.join(folder, name), LLVM))
    return found


def copy(source, target, copy_index, comment):
    """Copy source to target; every copy after the first gets a last line of its
    own, so no two files of the tree have the same bytes (a content-addressed
    tool would otherwise do the work once per content, not once per file)."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(source, target)
    if copy_index:
        with open(target, "ab") as handle:
            handle.write(f"\n{comment} strata bench copy {copy_index}\n".encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    stdlib = sysconfig.get_paths()["stdlib"]

    # Python: copies of the standard library, each a python root of its own,
    # so `import os` inside a copy resolves inside that copy.
    py = python_files(stdlib)
    roots, count, copy_index = [], 0, 0
    while count < PYTHON_TARGET:
        root = f"torch/_py{copy_index}"
        roots.append(root)
        for relative in py:
            if count >= PYTHON_TARGET:
                break
            copy(os.path.join(stdlib, relative), os.path.join(args.out, root, relative), copy_index,
                 "#")
            count += 1
        copy_index += 1
    python_count = count

    # C/C++: the LLVM headers under each C++ component's include folder.
    headers = [h for h in cxx_files() if h.endswith(".h")]
    places = ["c10/llvm{n}", "aten/src/llvm{n}", "torch/csrc/llvm{n}"]
    include_dirs = ["."]
    count, copy_index = 0, 0
    while count < CXX_TARGET:
        base = places[copy_index % len(places)].format(n=copy_index)
        include_dirs.append(base)
        for relative in cxx_files():
            if count >= CXX_TARGET and relative.endswith(".h"):
                break
            # .inc/.def files are included by the headers; copy them too.
            copy(os.path.join(LLVM, relative), os.path.join(args.out, base, relative), copy_index,
                 "//")
            if relative.endswith(".h"):
                count += 1
        copy_index += 1
    cxx_count = count

    # CUDA: generated kernels that include real headers of the tree.
    cuda_dir = os.path.join(args.out, "aten/src/ATen/native/cuda")
    os.makedirs(cuda_dir, exist_ok=True)
    for i in range(CUDA_TARGET):
        header = headers[(i * 37) % len(headers)]
        if i % 5 == 0:
            name = f"Kernel{i}.cuh"
            body = (f"#pragma once\n#include \"llvm/{header[5:]}\"\n"
                    f"template <typename T> __device__ T op{i}(T a) {{ return a + {i}; }}\n")
        else:
            name = f"Kernel{i}.cu"
            cuh = f"Kernel{(i // 5) * 5}.cuh"
            body = (f"#include \"{cuh}\"\n#include <llvm/{header[5:]}>\n"
                    f"#ifdef USE_ROCM\n#include <hip/hip_runtime.h>\n#endif\n"
                    f"__global__ void kernel{i}(float *out, int n) {{\n"
                    f"  int k = blockIdx.x * blockDim.x + threadIdx.x;\n"
                    f"  if (k < n) out[k] = k;\n}}\n"
                    f"void launch{i}(float *out, int n) {{ kernel{i}<<<(n + 255) / 256, 256>>>(out, n); }}\n")
        with open(os.path.join(cuda_dir, name), "w", encoding="utf-8") as handle:
            handle.write(body)

    with open(os.path.join(args.out, "strata.yaml"), "w", encoding="utf-8") as handle:
        handle.write("# Written by bench/make_tree.py.\nversion: 1\n")
        handle.write("python:\n  roots: [" + ", ".join(f'"{r}"' for r in roots) + "]\n")
        handle.write("cxx:\n  include_dirs: [" + ", ".join(f'"{d}"' for d in include_dirs) + "]\n")
        handle.write('components:\n  c10: ["c10/**"]\n  aten: ["aten/**"]\n'
                     '  torch_csrc: ["torch/csrc/**"]\n  torch: ["torch/**"]\n')
        handle.write("layers: [torch, torch_csrc, aten, c10]\n")
    print(f"{args.out}: {python_count} Python files, {cxx_count} C/C++ headers, "
          f"{CUDA_TARGET} CUDA files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
