"""memory_limited.py COMMAND [ARG...]: runs COMMAND with its address space
limited to 4 GiB, so that a run gone wrong (a parse that grows without end)
fails the test with an out-of-memory abort instead of taking the machine.
Under AddressSanitizer, whose shadow memory is terabytes of address space,
the command runs without the limit. Its exit status and output pass
through."""
import os
import resource
import sys


def main(argv):
    if not os.environ.get("ASAN_OPTIONS"):
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    os.execvp(argv[1], argv[1:])


if __name__ == "__main__":
    main(sys.argv)
