#!/bin/sh
# Builds strata and runs every test (cmocka unit tests and lit end-to-end
# tests) with ctest, twice: a plain build with warnings as errors, and a
# build under AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DSTRATA_WERROR=ON -DSTRATA_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-sanitize -DSTRATA_WERROR=ON -DSTRATA_SANITIZE=ON -DSTRATA_BUILD_TESTS=ON >/dev/null
cmake --build build-sanitize -j"$jobs"
(cd build-sanitize && ctest --output-on-failure -j"$jobs")
