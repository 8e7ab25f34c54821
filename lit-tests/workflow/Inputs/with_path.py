#!/usr/bin/env python3
"""with_path.py DIR COMMAND [ARG...]: run COMMAND with DIR first on PATH,
passing its output and exit status through (lit's internal shell cannot
expand $PATH)."""
import os
import subprocess
import sys

environment = dict(os.environ)
environment["PATH"] = os.pathsep.join([sys.argv[1], environment.get("PATH", "")])
sys.exit(subprocess.call(sys.argv[2:], env=environment))
