#!/bin/sh
# Builds strata and runs every test (cmocka unit tests and lit end-to-end
# tests) with ctest, twice: a plain build with warnings as errors, and a
# build under AddressSanitizer and UndefinedBehaviorSanitizer. Then fuzzes
# each reader of untrusted bytes for a few seconds (fuzz/, docs/fuzzing.md):
# a crash, a leak or an input slower than 10 s fails the run.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DSTRATA_WERROR=ON -DSTRATA_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-sanitize -DSTRATA_WERROR=ON -DSTRATA_SANITIZE=ON -DSTRATA_BUILD_TESTS=ON >/dev/null
cmake --build build-sanitize -j"$jobs"
(cd build-sanitize && ctest --output-on-failure -j"$jobs")

# Each fuzz target for STRATA_FUZZ_SECONDS (20 by default), two at a time.
sh tools/run-fuzz.sh "${STRATA_FUZZ_SECONDS:-20}"
