// libFuzzer target: the config loader (libyaml's events, every key's
// checks) on one strata.yaml. It loads or it reports an error with a place
// in the file; either way nothing leaks.
#include "fuzz_common.h"

#include "config.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  config_error error;
  memset(&error, 0, sizeof(error));
  strata_config *config = config_load_text((const char *)data, size, "fuzz.yaml", &error);
  if (config) {
    config_delete(config);
  } else {
    if (error.message[0] == '\0')
      fuzz_fail("a config refused without a message", NULL);
    config_error_release(&error);
  }
  return 0;
}
