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

# STRATA_CUDA=1 sh tools/setup.sh: also Debian's CUDA toolkit headers
# (nvidia-cuda-dev, CUDA 11.8, from Debian's non-free component, with
# contrib for its driver-side dependencies: about 800 MB to fetch, 3 GB
# installed, no kernel module), for the exact-mode tests that parse CUDA
# units against a real toolkit (lit-tests/exact/cuda-toolkit.test).
# Without them, and without a toolkit in /usr/local/cuda, those tests say
# skipped; the others use a stand-in toolkit they write themselves.
if [ "${STRATA_CUDA:-0}" = 1 ] &&
  ! dpkg-query -W -f='${Status}' nvidia-cuda-dev 2>/dev/null | grep -q "ok installed"; then
  if [ "$(id -u)" != 0 ]; then
    echo "strata setup: STRATA_CUDA=1 needs root to install nvidia-cuda-dev" >&2
    exit 1
  fi
  if ! apt-cache policy nvidia-cuda-dev 2>/dev/null | grep -q "Candidate: [0-9]"; then
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    echo "strata setup: enabling Debian's contrib and non-free components for nvidia-cuda-dev"
    cat > /etc/apt/sources.list.d/strata-non-free.sources <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    apt-get update -qq
  fi
  echo "strata setup: installing nvidia-cuda-dev"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nvidia-cuda-dev \
    >/dev/null
fi
