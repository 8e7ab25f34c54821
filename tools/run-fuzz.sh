#!/bin/sh
# Builds the libFuzzer targets of fuzz/ (clang-19, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each for SECONDS (default 60), or the
# TARGETs named (python, cxx, config, baseline, facts), two at a time.
# New inputs go to build-fuzz/fuzz/work/TARGET; a crash, a leak or an input
# slower than 10 s stops that target, leaves its input in
# build-fuzz/fuzz/findings/, and makes this script exit non-zero.
# See docs/fuzzing.md.
#
#   sh tools/run-fuzz.sh 1800 python cxx
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-python cxx config baseline facts}

cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang-19 -DSTRATA_FUZZ=ON -DSTRATA_BUILD_TESTS=OFF \
  -DSTRATA_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build build-fuzz -j"$(nproc 2>/dev/null || echo 2)"
pattern=$(echo "$targets" | sed 's/ \{1,\}/|/g')
cd build-fuzz && ctest --output-on-failure -j2 -R "^fuzz\.($pattern)\$"
