#!/bin/sh
# Installs what building and testing strata needs on Debian 12 (as root).
# Installs only what is missing, so it is quick to run again. The grammar
# (tree-sitter-python) is not installed here: the build installs it from
# grammars/python/package-lock.json with npm ci.
set -eu

# musl-tools: a test compiles every source against another C library's
# headers (analyzers/tests/musl_headers.cmake). clang-19 and
# libclang-rt-19-dev (which holds libFuzzer for clang 19): the fuzz targets
# (fuzz/, docs/fuzzing.md).
packages="cmake gcc make pkg-config python3 git
libclang-19-dev libtree-sitter-dev libyaml-dev libjansson-dev libpcre2-dev libcmocka-dev
libxxhash-dev libgraphviz-dev llvm-19-tools llvm-19-dev graphviz pre-commit pylint chromium
musl-tools clang-19 libclang-rt-19-dev"
command -v npm >/dev/null 2>&1 || packages="$packages npm"

missing=""
for package in $packages; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $package"
  fi
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "strata setup: missing packages:$missing (run as root, or install them)" >&2
    exit 1
  fi
  echo "strata setup: installing$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
