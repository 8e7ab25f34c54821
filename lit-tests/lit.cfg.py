# lit configuration for strata's end-to-end tests.
#
# Substitutions every test may use:
#   %strata       the strata binary of this build
#   FileCheck     LLVM 19's FileCheck; use --implicit-check-not so that an
#                 unexpected finding fails the test
#   %python       the python3 the build was configured with
#   %srcroot      the repository's top folder
#   %build        this build's folder
#   %shared       ../shared beside the repository, or $STRATA_SHARED (tests
#                 needing it say "skipped" themselves when it is absent)
#   split-file    LLVM's split-file: a test can hold a whole tree, one
#                 `#--- path` part per file (use --leading-lines so that
#                 [[@LINE]] in a part is the line in the written file)
#   %support      lit-tests/support (helper scripts)
#   %node         node, for the browser tests (feature "chromium")
import os
import lit.formats

config.name = "strata"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".py", ".h", ".hpp", ".cpp", ".cc", ".cu", ".cuh", ".c", ".yaml"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt", "support"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.build_root, "lit-tests")

config.substitutions.append(("%strata", config.strata))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%srcroot", config.source_root))
config.substitutions.append(("%build", config.build_root))
# ../shared beside the repository, or $STRATA_SHARED (a git worktree kept
# elsewhere than its repository).
shared = os.environ.get("STRATA_SHARED") or os.path.join(os.path.dirname(config.source_root),
                                                         "shared")
config.substitutions.append(("%shared", shared))
config.substitutions.append(("%support", os.path.join(config.source_root, "lit-tests", "support")))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("split-file", config.split_file))

# Tests see a stable environment: no colour, no user config.
config.environment["NO_COLOR"] = "1"
config.environment["LC_ALL"] = "C.UTF-8"
for name in ("HOME", "TMPDIR", "PATH"):
    if name in os.environ:
        config.environment[name] = os.environ[name]
if config.sanitize:
    # intercept_tls_get_addr=0: with libclang dlopened, GCC 12's LeakSanitizer
    # sometimes reads a stale dynamic-TLS range at exit and its tracer dies
    # ("Tracer caught signal 11", about 1 run in 100 under load). glibc
    # allocates those blocks with malloc, so the leak check still sees them.
    config.environment["ASAN_OPTIONS"] = (
        "detect_leaks=1:abort_on_error=0:halt_on_error=1:intercept_tls_get_addr=0")
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.environment["LSAN_OPTIONS"] = "suppressions=" + os.path.join(
        config.source_root, "lit-tests", "support", "lsan.supp")
    config.available_features.add("sanitize")
# The architecture explorer's browser tests: Debian's chromium, driven by
# the puppeteer-core the build installs with the Mermaid CLI.
import shutil
node = shutil.which("node", path=os.environ.get("PATH"))
if node:
    config.substitutions.append(("%node", node))
if node and os.path.exists("/usr/bin/chromium") and os.path.isdir(
        os.path.join(config.build_root, "tools", "mermaid", "node_modules", "puppeteer-core")):
    config.available_features.add("chromium")
else:
    lit_config.note("no /usr/bin/chromium, node or puppeteer-core: the explorer's browser "
                    "tests are skipped (tools/setup.sh installs chromium)")
# The PyTorch source tree of ../shared/corpora (support/pytorch_tree.py
# unpacks it into the build).
if os.path.exists(os.path.join(shared, "corpora", "pytorch_1.13.1+dfsg.orig.tar.xz")):
    config.available_features.add("pytorch-corpus")
else:
    lit_config.note("no ../shared/corpora: the tests on the PyTorch tree are skipped")
if config.dot and not config.dot.endswith("NOTFOUND"):
    config.available_features.add("dot")
    config.substitutions.append(("%dot", config.dot))
