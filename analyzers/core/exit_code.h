#ifndef STRATA_EXIT_CODE_H
#define STRATA_EXIT_CODE_H

// strata's exit statuses, the contract with CI and hooks.
typedef enum exit_code {
  EXIT_CLEAN = 0,    // no error-level finding
  EXIT_FINDINGS = 1, // at least one error-level finding
  EXIT_ERROR = 2,    // bad usage, bad config or internal error
} exit_code;

#endif
