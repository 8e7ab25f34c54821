#!/usr/bin/env python3
"""many_files.py DIR N: a git repository with N Python files with long names
(their paths add up to more than pre-commit's 128 KiB per call), all staged:
pkg/aaa...0000.py imports the last one and the last imports the first, one
import cycle between the two ends of the list; and a strata.yaml."""
import os
import subprocess
import sys

folder, count = sys.argv[1], int(sys.argv[2])
package = os.path.join(folder, "pkg")
os.makedirs(package)
names = [f"module_with_a_rather_long_name_to_fill_the_command_line_{i:05d}" for i in range(count)]
with open(os.path.join(folder, "strata.yaml"), "w") as handle:
    handle.write("version: 1\n")
open(os.path.join(package, "__init__.py"), "w").close()
for i, name in enumerate(names):
    with open(os.path.join(package, name + ".py"), "w") as handle:
        if i == 0:
            handle.write(f"import pkg.{names[-1]}\n")
        elif i == count - 1:
            handle.write(f"import pkg.{names[0]}\n")
subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
subprocess.run(["git", "add", "."], cwd=folder, check=True)
