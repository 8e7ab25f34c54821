"""Runs a command and succeeds only if it exits with the expected status.

usage: exit_status.py STATUS COMMAND [ARG...]

lit's internal shell can say "this failed" (`not`) but not "this exited with
2", and strata's exit statuses are a contract (0 clean, 1 findings, 2 bad
usage or config). The command's stdout and stderr pass straight through, so
the output can still be piped into FileCheck.
"""
import subprocess
import sys


def main(argv):
    if len(argv) < 3:
        print("usage: exit_status.py STATUS COMMAND [ARG...]", file=sys.stderr)
        return 2
    expected = int(argv[1])
    try:
        status = subprocess.call(argv[2:])
    except OSError as error:
        print(f"exit_status.py: cannot run '{argv[2]}': {error.strerror}", file=sys.stderr)
        return 1
    if status == expected:
        return 0
    actual = f"signal {-status}" if status < 0 else f"status {status}"
    print(f"exit_status.py: expected exit status {expected}, got {actual}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
