// Shared by the unit tests that need a configuration: load one from text, or
// fail the test with the position and message of the problem. Header-only:
// each test is its own executable. Include it after <cmocka.h>.
#ifndef STRATA_TEST_CONFIG_FIXTURE_H
#define STRATA_TEST_CONFIG_FIXTURE_H

#include "config.h"

#include <string.h>

static inline strata_config *fixture_config_load(const char *text) {
  config_error error;
  strata_config *config = config_load_text(text, strlen(text), "test.yaml", &error);
  if (!config)
    fail_msg("unexpected error %u:%u: %s", error.position.line, error.position.column,
             error.message);
  return config;
}

#endif
