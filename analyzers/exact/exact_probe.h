// Which warning flags clang does not know (GCC's -Wno-maybe-uninitialized,
// say), for the notices exact mode gives about them.
//
// A warning flag never changes which includes are taken, so the units are
// parsed without any; this only tells the user which of the build's flags
// clang would not have understood. libclang prints an unknown warning
// option to stderr whatever it is told, and strata's library never
// prints: so each flag is tried on an empty file in a child process whose
// stderr goes nowhere, and only the verdicts come back.
#ifndef STRATA_EXACT_PROBE_H
#define STRATA_EXACT_PROBE_H

#include "exact_flags.h"

#include <stdbool.h>
#include <stddef.h>

// Sets unknown[i] to whether clang knows no warning flags[i] in dialects[i].
// When the child cannot run, every verdict is false (no notice is given).
void exact_probe_warnings(const char *const *flags, const exact_dialect *dialects, size_t count,
                          bool *unknown);

// The driver exact mode names as argv[0]: LLVM's clang or clang++ beside
// the libclang strata links (it need not exist: the driver takes its
// install folder from it, where it looks for GCC's headers).
const char *exact_probe_driver(bool cxx);

#endif
