#!/usr/bin/env python3
"""exact.py STRATA [--self BUILD] [--pytorch ROOT] [--cuda-units N]: measure
exact mode (docs/cxx.md) on real builds.

  --self BUILD    strata's own tree, with the compile_commands.json its CMake
                  build BUILD wrote (a real CMake C project, about 130 units)
  --pytorch ROOT  a PyTorch source tree: c10's C++ units, with the flags
                  PyTorch's CMake gives them, and the first N of ATen's CUDA
                  units (aten/src/ATen/native/cuda/*.cu) with its nvcc flags,
                  against the system's CUDA toolkit. The database and c10's
                  generated cmake_macros.h are written to a temporary folder;
                  ATen's generated operator headers are not there (a notice
                  each), as before a build.

For each: strata graph without exact mode (no cache, and warm); exact mode
cold (an empty cache),
with one thread, so the CPU time per unit is the parse's; and warm (the full
cache, nothing changed). Each figure is the best of 3 runs: CPU seconds
(user + system, which a busy shared machine does not inflate the way it does
wall time), the wall seconds of that run, and the peak resident memory.
Prints a markdown table."""
import argparse
import glob
import json
import os
import shlex
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import measure  # noqa: E402  (bench/run.py: wall, MB, exit status, CPU)

C10_FLAGS = (
    "-DC10_BUILD_MAIN_LIB -DHAVE_MALLOC_USABLE_SIZE=1 -DHAVE_MMAP=1 -DHAVE_SHM_OPEN=1 "
    "-DHAVE_SHM_UNLINK=1 -DUSE_EXTERNAL_MZCRC -D_FILE_OFFSET_BITS=64 -I{build} -I{root} "
    "-I{root}/c10/.. -D_GLIBCXX_USE_CXX11_ABI=1 -fvisibility-inlines-hidden -DUSE_PTHREADPOOL "
    "-fopenmp -DNDEBUG -DUSE_KINETO -DLIBKINETO_NOCUPTI -O2 -fPIC -Wall -Wextra "
    "-Werror=return-type -Werror=non-virtual-dtor -Wno-missing-field-initializers "
    "-Wno-type-limits -Wno-array-bounds -Wno-unknown-pragmas -Wno-unused-parameter "
    "-Wno-unused-function -Wno-unused-result -Wno-strict-overflow -Wno-strict-aliasing "
    "-Wno-error=deprecated-declarations -Wno-stringop-overflow -Wno-psabi -faligned-new "
    "-Wno-unused-but-set-variable -Wno-maybe-uninitialized -fno-math-errno -fno-trapping-math "
    "-Werror=format -Werror=cast-function-type -DHAVE_AVX512_CPU_DEFINITION "
    "-DHAVE_AVX2_CPU_DEFINITION -O3 -fPIC -std=gnu++14")

NVCC_FLAGS = (
    "-forward-unknown-to-host-compiler -DAT_PER_OPERATOR_HEADERS -DHAVE_MALLOC_USABLE_SIZE=1 "
    "-DHAVE_MMAP=1 -DONNX_NAMESPACE=onnx_torch -DTORCH_CUDA_BUILD_MAIN_LIB -DUSE_CUDA "
    "-DUSE_DISTRIBUTED -D_FILE_OFFSET_BITS=64 -I{build}/aten/src -I{root}/aten/src -I{build} "
    "-I{root} -I{root}/aten/src/THC -I{root}/aten/src/ATen/cuda -I{root}/c10/cuda/../.. "
    "-I{root}/c10/.. -isystem={cuda}/include -Xfatbin -compress-all "
    "-gencode arch=compute_80,code=sm_80 "
    "-Xcudafe --diag_suppress=cc_clobber_ignored,--diag_suppress=integer_sign_change "
    "--expt-relaxed-constexpr --expt-extended-lambda -Wno-deprecated-gpu-targets "
    "-DCUB_WRAPPED_NAMESPACE=at_cuda_detail -DCUDA_HAS_FP16=1 -D__CUDA_NO_HALF_OPERATORS__ "
    "-D__CUDA_NO_HALF_CONVERSIONS__ -D__CUDA_NO_HALF2_OPERATORS__ "
    "-D__CUDA_NO_BFLOAT16_CONVERSIONS__ -O3 -DNDEBUG -Xcompiler=-fPIC "
    "-Xcompiler=-Wall,-Wextra,-Wno-unused-parameter,-Wno-maybe-uninitialized "
    "-Xcompiler -pthread -std=c++14 -x cu")


def pytorch_database(root, work, cuda_units):
    """compile_commands.json for c10 and some of ATen's CUDA units; its path."""
    build = os.path.join(work, "build")
    macros = os.path.join(build, "c10", "macros")
    os.makedirs(macros, exist_ok=True)
    with open(os.path.join(root, "c10/macros/cmake_macros.h.in"), encoding="utf-8") as handle:
        text = handle.read()
    with open(os.path.join(macros, "cmake_macros.h"), "w", encoding="utf-8") as handle:
        handle.write("\n".join("/* #undef " + line.split()[1] + " */"
                               if line.startswith("#cmakedefine") else line
                               for line in text.splitlines()) + "\n")
    entries = []
    skip = ("/test/", "/benchmark/", "/cuda/", "/hip/", "/mobile/", "/xpu/", "/metal/")
    for path in sorted(glob.glob(os.path.join(root, "c10/**/*.cpp"), recursive=True)):
        if any(part in path for part in skip):
            continue
        flags = C10_FLAGS.format(build=build, root=root)
        entries.append({"directory": build, "file": path,
                        "command": f"/usr/bin/c++ {flags} -o x.o -c {shlex.quote(path)}"})
    cuda = next((path for path in ("/usr/local/cuda", "/usr/lib/cuda", "/usr")
                 if os.path.isfile(os.path.join(path, "include/cuda_runtime.h"))), None)
    if cuda and cuda_units:
        units = sorted(glob.glob(os.path.join(root, "aten/src/ATen/native/cuda/*.cu")))
        for path in units[:cuda_units]:
            flags = NVCC_FLAGS.format(build=build, root=root, cuda=cuda)
            entries.append({"directory": build, "file": path,
                            "command": f"{cuda}/bin/nvcc {flags} -c {shlex.quote(path)} -o x.o"})
    database = os.path.join(work, "compile_commands.json")
    with open(database, "w", encoding="utf-8") as handle:
        json.dump(entries, handle, indent=1)
    cpp = sum(1 for entry in entries if entry["file"].endswith(".cpp"))
    return database, cpp, len(entries) - cpp


def best(argv):
    return min((measure(argv) for _ in range(3)), key=lambda result: result[3])


def bench(strata, tree, database, config, label, units):
    cache = tempfile.mkdtemp(prefix="strata-bench-exact-")
    graph = [strata, "graph", "--format", "json", "--output", os.devnull]
    if config:
        graph += ["--config", config]
    exact = ["--compile-commands", database]
    rows = []
    plain = best(graph + ["--no-cache", tree])
    rows.append(("without exact mode, no cache", plain))
    shutil.rmtree(cache, ignore_errors=True)
    measure(graph + ["--cache-dir", cache, tree])
    plain_warm = best(graph + ["--cache-dir", cache, tree])
    rows.append(("without exact mode, warm", plain_warm))
    cold_runs = []
    for _ in range(3):
        shutil.rmtree(cache, ignore_errors=True)
        cold_runs.append(measure(graph + ["-j", "1", "--cache-dir", cache] + exact + [tree]))
    cold = min(cold_runs, key=lambda result: result[3])
    rows.append(("exact, cold, 1 thread", cold))
    warm = best(graph + ["--cache-dir", cache] + exact + [tree])
    rows.append(("exact, warm", warm))
    shutil.rmtree(cache, ignore_errors=True)
    print(f"\n### {label}\n")
    print("| run | CPU s | wall s | peak MB |")
    print("| --- | ---: | ---: | ---: |")
    for name, (wall, memory, status, cpu) in rows:
        if status != 0:
            print(f"| {name} | exit {status} | | |")
            continue
        print(f"| {name} | {cpu:.2f} | {wall:.2f} | {memory:.0f} |")
    per_unit = (cold[3] - plain[3]) / units * 1000 if units else 0
    print(f"\nexact mode, cold: {per_unit:.1f} ms of CPU per translation unit "
          f"({units} units) over the run without it; warm: {warm[3] - plain_warm[3]:.2f} s of "
          "CPU over the warm run without it")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("strata")
    parser.add_argument("--self", dest="self_build")
    parser.add_argument("--pytorch")
    parser.add_argument("--cuda-units", type=int, default=40)
    args = parser.parse_args()
    strata = os.path.abspath(args.strata)
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if args.self_build:
        database = os.path.join(os.path.abspath(args.self_build), "compile_commands.json")
        with open(database, encoding="utf-8") as handle:
            units = len(json.load(handle))
        bench(strata, repository, database,
              os.path.join(repository, "lit-tests/exact/Inputs/self.yaml"),
              f"strata's own tree ({units} C units, CMake)", units)
    if args.pytorch:
        root = os.path.abspath(args.pytorch)
        work = tempfile.mkdtemp(prefix="strata-bench-pytorch-")
        database, cpp, cu = pytorch_database(root, work, args.cuda_units)
        config = os.path.join(work, "strata.yaml")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write('version: 1\nexclude: ["third_party/**", "build/**", "test/**"]\n'
                         'cxx:\n  include_dirs: [".", "aten/src"]\n')
        bench(strata, root, database, config,
              f"PyTorch 1.13.1: c10 ({cpp} C++ units) and ATen CUDA ({cu} units, nvcc)", cpp + cu)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
