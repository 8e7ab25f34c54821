#!/bin/sh
# `lintrunner init` for strata: builds strata from source and installs it as
# .lintbin/strata in the project (the folder lintrunner runs this from).
#
#   sh strata_init.sh --dry-run=0|1 [--version=TAG]
#
# The source is $STRATA_SOURCE (a strata checkout) when set, else a clone of
# $STRATA_REPO (default https://github.com/strata-lint/strata) at TAG (default
# v0.1.0). Building needs CMake, a C compiler, npm and the libraries listed
# in strata's README (libclang 19, tree-sitter, libyaml, jansson, PCRE2,
# xxhash, Graphviz). With --dry-run=1 it prints what it would do.
set -eu

dry_run=0
version=v0.1.0
for argument in "$@"; do
  case "$argument" in
  --dry-run=*) dry_run=${argument#--dry-run=} ;;
  --version=*) version=${argument#--version=} ;;
  *)
    echo "strata_init.sh: unknown argument '$argument'" >&2
    exit 2
    ;;
  esac
done

lintbin=$(pwd)/.lintbin
build=$lintbin/strata-build
prefix=$lintbin/strata-prefix

run() {
  echo "+ $*"
  if [ "$dry_run" != 1 ]; then
    "$@"
  fi
}

if [ -n "${STRATA_SOURCE:-}" ]; then
  source=$STRATA_SOURCE
else
  source=$lintbin/strata-src
  if [ ! -d "$source/.git" ]; then
    run git clone --quiet --depth 1 --branch "$version" \
      "${STRATA_REPO:-https://github.com/strata-lint/strata}" "$source"
  fi
fi

run cmake -S "$source" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSTRATA_BUILD_TESTS=OFF
run cmake --build "$build" --target strata
run cmake --install "$build" --prefix "$prefix"
run ln -sf "$prefix/bin/strata" "$lintbin/strata"
run "$lintbin/strata" --version
