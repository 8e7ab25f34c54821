#!/bin/sh
# `lintrunner init` for strata: installs strata as .lintbin/strata in the
# project (the folder lintrunner runs this from), with no network but the
# package registries: Debian's for the libraries, npm's for the Python
# grammar the build pins (tree-sitter-python).
#
#   sh strata_init.sh --dry-run=0|1 [--version=V] [--archive=FILE --sha256=HASH]
#                     [--source=DIR]
#
# Where strata comes from, the first that applies:
#   --source=DIR or $STRATA_SOURCE    a strata checkout or unpacked archive: built
#   --archive=FILE or $STRATA_ARCHIVE a release archive (git archive, .tar.gz),
#                                     checked against --sha256 when given,
#                                     unpacked and built
#   a `strata` on PATH of version V    linked as it is
# Building needs CMake, a C compiler, npm and the libraries of strata's
# README; the script names the Debian packages that are missing. With
# --dry-run=1 it prints what it would do.
set -eu

dry_run=0
version=0.1.0
archive=${STRATA_ARCHIVE:-}
source=${STRATA_SOURCE:-}
sha256=
for argument in "$@"; do
  case "$argument" in
  --dry-run=*) dry_run=${argument#--dry-run=} ;;
  --version=*) version=${argument#--version=} ;;
  --archive=*) archive=${argument#--archive=} ;;
  --sha256=*) sha256=${argument#--sha256=} ;;
  --source=*) source=${argument#--source=} ;;
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

# What the build needs: programs (found on PATH, however installed) and
# Debian's library packages (strata's tools/setup.sh installs the same).
programs="cmake:cmake cc:gcc make:make pkg-config:pkg-config npm:npm"
libraries="libclang-19-dev libtree-sitter-dev libyaml-dev libjansson-dev libpcre2-dev
libxxhash-dev libgraphviz-dev"
packages="cmake gcc make pkg-config npm $(echo $libraries)"
check_packages() {
  missing=""
  for entry in $programs; do
    command -v "${entry%%:*}" >/dev/null 2>&1 || missing="$missing ${entry#*:}"
  done
  if command -v dpkg-query >/dev/null 2>&1; then
    for package in $libraries; do
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $package"
    done
  fi
  if [ -n "$missing" ]; then
    echo "strata_init.sh: building strata needs:$missing" >&2
    echo "  apt-get install -y --no-install-recommends$missing" >&2
    [ "$dry_run" = 1 ] || exit 1
  fi
}

if [ -z "$source" ] && [ -z "$archive" ]; then
  installed=$(command -v strata 2>/dev/null || true)
  if [ -n "$installed" ] && "$installed" --version 2>/dev/null | grep -qx "strata $version"; then
    run mkdir -p "$lintbin"
    run ln -sf "$installed" "$lintbin/strata"
    run "$lintbin/strata" --version
    exit 0
  fi
  cat >&2 <<EOF
strata_init.sh: no strata $version to install: give --source=DIR (a strata
checkout), --archive=FILE (its release archive, strata-$version.tar.gz), or
put strata $version on PATH. To build it by hand on Debian 12:
  apt-get install -y --no-install-recommends $packages
  cmake -S strata -B strata/build -DSTRATA_BUILD_TESTS=OFF && cmake --build strata/build
EOF
  exit 1
fi

check_packages
if [ -z "$source" ]; then
  if [ -n "$sha256" ]; then
    echo "+ sha256sum -c (expecting $sha256)"
    if [ "$dry_run" != 1 ]; then
      echo "$sha256  $archive" | sha256sum -c --status || {
        echo "strata_init.sh: '$archive' is not the archive pinned by --sha256" >&2
        exit 1
      }
    fi
  fi
  source=$lintbin/strata-src
  run rm -rf "$source"
  run mkdir -p "$source"
  run tar -xzf "$archive" -C "$source" --strip-components=1
fi

run cmake -S "$source" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSTRATA_BUILD_TESTS=OFF
run cmake --build "$build" --target strata
run cmake --install "$build" --prefix "$prefix"
run ln -sf "$prefix/bin/strata" "$lintbin/strata"
run "$lintbin/strata" --version
