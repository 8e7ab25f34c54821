// The names of the standard library and the platform, for the `system`
// category of unresolved dependencies (docs/unresolved.md).
#ifndef STRATA_SYSTEM_NAMES_H
#define STRATA_SYSTEM_NAMES_H

#include <stdbool.h>

// Whether a header spelled name belongs to the C or C++ standard library,
// POSIX or the platform's SDK (Linux, Windows, Apple, Android, the CUDA and
// ROCm toolkits' runtimes).
bool system_names_header(const char *name);
// Whether a header spelled name belongs to a well-known library outside the
// tree (the Python C API, pybind11, NumPy, googletest, gloo, NCCL, cuDNN,
// MKL, oneDNN, libnuma, pthreadpool): never taken for a file of the tree.
bool system_names_external_header(const char *name);
// Whether the dotted Python module belongs to the standard library (its
// top-level package is one of Python's own).
bool system_names_module(const char *dotted);

#endif
