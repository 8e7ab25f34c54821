#!/usr/bin/env python3
"""adversarial.py STRATA [--sizes MB,...] [--shapes NAME,...] [--timeout S]:
feed strata inputs shaped to make a careless walk super-linear, at growing
sizes, and print the CPU seconds each took per MB of input.

Every shape is made at each size (default 0.5, 1 and 2 MB) in a fresh folder
and checked once with `strata check --no-cache -j 1 --format json` (one
thread, so the CPU seconds are the work, whatever the host does). The table
gives the CPU seconds of the run less those of a run over an empty tree (the
start-up), that per MB, and the peak memory. A walk that is linear in its
input keeps the seconds per MB flat as the size doubles; the last column is
the seconds per MB at the largest size over those at the smallest: about 1
for linear work, about 4 for quadratic work over a fourfold size. Runs are
stopped at --timeout CPU seconds (default 120) and at 4 GiB of memory.

Shapes:
  py-sites-line       deprecation calls, 30,000 a MB, all on one line
  py-imports-line     import statements, all on one line
  py-import-list      one `import a0, a1, ...` statement
  py-comment-run      a run of comment lines at the top level, then imports
  py-comment-block    a run of comment lines inside a function, before its body
  py-continuations    a statement continued over a run of backslash lines
  py-deep-blocks      nested `if` blocks, each holding an import
  py-deep-brackets    an expression nested in brackets, many times over
  py-broken           lines of broken syntax (tree-sitter's error recovery)
  py-tiny-files       many files of one import each
  cxx-sites-line      TORCH_WARN_DEPRECATION calls, all on one line
  cxx-attributes-line [[deprecated]] declarations, all on one line
  cxx-comment-run     a run of comment lines above a deprecation site
  cxx-deep-ifdef      nested #ifdef blocks, each holding an #include
  cxx-deep-parens     deprecation macros nested in one another
  cxx-unclosed        deprecation macros whose parentheses never close
  cxx-suppressions    suppression comments, all on one line
  cxx-tiny-files      many headers of one include each
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile

MB = 1024 * 1024


def repeat_to(unit, size):
    return unit * max(1, size // len(unit))


def one_file(name, text):
    return {name: text}


def py_sites_line(size):
    return one_file("a.py", "import warnings\n" +
                    repeat_to('warnings.warn("old", DeprecationWarning); ', size) + "\n")


def py_imports_line(size):
    return one_file("a.py", repeat_to("import os; ", size) + "\n")


def py_import_list(size):
    names, total, i = [], 0, 0
    while total < size:
        names.append(f"m{i}")
        total += len(names[-1]) + 2
        i += 1
    return one_file("a.py", "import " + ", ".join(names) + "\n")


def py_comment_run(size):
    return one_file("a.py", "import os\n" + repeat_to("# a comment line\n", size) + "import sys\n")


def py_comment_block(size):
    return one_file("a.py", "def f():\n" + repeat_to("    # a comment line\n", size) +
                    "    import sys\n")


def py_continuations(size):
    return one_file("a.py", "import os\nx = 1 + \\\n" + repeat_to("\\\n", size) + "1\nimport sys\n")


def py_deep_blocks(size):
    lines, total, depth = [], 0, 0
    while total < size:
        line = " " * depth + "if x:\n" + " " * (depth + 1) + f"import m{depth}\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return one_file("a.py", "".join(lines))


def py_deep_brackets(size):
    unit = "x = " + "(" * 2000 + "1" + ")" * 2000 + "\nimport os\n"
    return one_file("a.py", repeat_to(unit, size))


def py_broken(size):
    unit = "def (:\n  import os)\n  ]] lambda ** if else (\nclass ::\n"
    return one_file("a.py", repeat_to(unit, size))


def py_tiny_files(size):
    text = "import os\nimport sys\n# a file of 64 bytes, as many as it takes\n"
    return {f"p{i // 1000}/m{i}.py": text for i in range(max(1, size // len(text)))}


def cxx_sites_line(size):
    return one_file("a.h", repeat_to('TORCH_WARN_DEPRECATION("old"); ', size) + "\n")


def cxx_attributes_line(size):
    return one_file("a.h", repeat_to('[[deprecated("old")]] void f(); ', size) + "\n")


def cxx_comment_run(size):
    return one_file("a.h", repeat_to("// a comment line\n", size) +
                    'C10_DEPRECATED_MESSAGE("old") void f();\n#include "b.h"\n')


def cxx_deep_ifdef(size):
    unit_open = '#ifdef USE_X\n#include "b.h"\n'
    count = max(1, size // (len(unit_open) + len("#endif\n")))
    return one_file("a.h", unit_open * count + "#endif\n" * count)


def cxx_deep_parens(size):
    count = max(1, size // (len("TORCH_WARN_DEPRECATION(") + 1))
    return one_file("a.h", "TORCH_WARN_DEPRECATION(" * count + ")" * count + ";\n")


def cxx_unclosed(size):
    return one_file("a.h", repeat_to('C10_DEPRECATED_MESSAGE("old" ', size) + "\n")


def cxx_suppressions(size):
    return one_file("a.h", repeat_to("/* strata: ignore[layer-violation] why */ ", size) + "\n")


def cxx_tiny_files(size):
    text = '#include "b.h"\n#include <vector>\n// a header of 64 bytes, as many\n'
    return {f"d{i // 1000}/h{i}.h": text for i in range(max(1, size // len(text)))}


SHAPES = {
    "py-sites-line": py_sites_line,
    "py-imports-line": py_imports_line,
    "py-import-list": py_import_list,
    "py-comment-run": py_comment_run,
    "py-comment-block": py_comment_block,
    "py-continuations": py_continuations,
    "py-deep-blocks": py_deep_blocks,
    "py-deep-brackets": py_deep_brackets,
    "py-broken": py_broken,
    "py-tiny-files": py_tiny_files,
    "cxx-sites-line": cxx_sites_line,
    "cxx-attributes-line": cxx_attributes_line,
    "cxx-comment-run": cxx_comment_run,
    "cxx-deep-ifdef": cxx_deep_ifdef,
    "cxx-deep-parens": cxx_deep_parens,
    "cxx-unclosed": cxx_unclosed,
    "cxx-suppressions": cxx_suppressions,
    "cxx-tiny-files": cxx_tiny_files,
}


def write_tree(folder, files):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    total = 0
    for name, text in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        total += len(data)
    return total


def measure(strata, folder, timeout):
    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (timeout, timeout + 5))
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    argv = [strata, "check", "--no-cache", "-j", "1", "--format", "json", "--no-baseline", folder]
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(argv, stdout=null, stderr=errors, preexec_fn=limits)
        _, status, usage = os.wait4(process.pid, 0)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss / 1024.0
    if os.WIFSIGNALED(status):
        signal = os.WTERMSIG(status)
        ended = "timeout" if signal in (9, 24) and cpu >= timeout - 1 else f"signal {signal}"
        if "out of memory" in text:
            ended = "memory"
    else:
        code = os.WEXITSTATUS(status)
        ended = "memory" if "out of memory" in text else str(code)
    return cpu, peak, ended


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("strata")
    parser.add_argument("--sizes", default="0.5,1,2", help="sizes in MB, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="shapes, comma-separated")
    parser.add_argument("--timeout", type=int, default=120, help="CPU seconds a run may take")
    args = parser.parse_args()
    strata = os.path.abspath(args.strata)
    sizes = [float(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    for shape in shapes:
        if shape not in SHAPES:
            parser.error(f"unknown shape '{shape}'")
    work = tempfile.mkdtemp(prefix="strata-adversarial-")
    try:
        empty = os.path.join(work, "empty")
        os.makedirs(empty)
        start_up = min(measure(strata, empty, args.timeout)[0] for _ in range(3))
        print(f"start-up (an empty tree): {start_up:.3f} CPU s")
        print()
        print("| shape | size (MB) | CPU (s) | CPU per MB (s) | peak (MB) | exit | growth |")
        print("| --- | ---: | ---: | ---: | ---: | --- | ---: |")
        for shape in shapes:
            per_mb = []
            for size in sizes:
                folder = os.path.join(work, shape)
                total = write_tree(folder, SHAPES[shape](int(size * MB)))
                cpu, peak, ended = measure(strata, folder, args.timeout)
                megabytes = total / MB
                work_seconds = max(0.0, cpu - start_up)
                rate = work_seconds / megabytes
                finished = ended in ("0", "1")
                per_mb.append(rate if finished else None)
                growth = ""
                if size == sizes[-1] and len(sizes) > 1:
                    if per_mb[0] and per_mb[-1] is not None:
                        growth = f"{per_mb[-1] / per_mb[0]:.2f}"
                    elif per_mb[-1] is None:
                        growth = "did not finish"
                shown_cpu = f"{cpu:.2f}" if finished else f">{cpu:.0f}"
                shown_rate = f"{rate:.3f}" if finished else "-"
                print(f"| {shape} | {megabytes:.2f} | {shown_cpu} | {shown_rate} | {peak:.0f} | "
                      f"{ended} | {growth} |", flush=True)
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
