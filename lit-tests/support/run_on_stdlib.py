#!/usr/bin/env python3
"""run_on_stdlib.py PATHFILE COMMAND...: run COMMAND with the folder named in
PATHFILE appended as its last argument (lit's internal shell has no command
substitution), passing its output and exit status through."""
import subprocess
import sys

with open(sys.argv[1], encoding="utf-8") as handle:
    folder = handle.read().strip()
sys.exit(subprocess.call(sys.argv[2:] + [folder]))
