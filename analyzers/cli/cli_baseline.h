// Where the baseline file of a run is, for `strata check` and
// `strata baseline` alike (docs/suppressions.md).
#ifndef STRATA_CLI_BASELINE_H
#define STRATA_CLI_BASELINE_H

#include "baseline.h"
#include "config.h"

#include <stdbool.h>

// The default baseline file, at the root.
#define CLI_BASELINE_DEFAULT "strata-baseline.json"

// The baseline file: option (a path as given on the command line) when not
// NULL, else the config's `baseline` (relative to root unless absolute),
// else ROOT/strata-baseline.json. *named says whether option or the config
// named it (a named file must exist; the default one may not). The caller
// frees the result.
char *cli_baseline_path(const char *root, const strata_config *config, const char *option,
                        bool *named);

// Reads the baseline at path. Returns NULL and sets *message (the caller
// frees it) when it cannot: `FILE:LINE:COL: error: ...`, to print as it is,
// when *positioned, else a message for `strata COMMAND: ...`. named_by is
// the config whose `baseline` named path, or NULL: a problem with no place
// in the baseline (it is missing, unreadable) is then placed at that value.
baseline *cli_baseline_read(const char *path, const strata_config *named_by, char **message,
                            bool *positioned);

// message placed at named_by's `baseline` value (`CONFIG:LINE:COL: error:
// message`), or message itself when named_by is NULL or has no place for
// it. Takes message; the caller frees the result.
char *cli_baseline_place(const strata_config *named_by, char *message, bool *positioned);

#endif
