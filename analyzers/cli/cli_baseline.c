#include "cli_baseline.h"

#include "xalloc.h"

#include <stdlib.h>

char *cli_baseline_path(const char *root, const strata_config *config, const char *option,
                        bool *named) {
  *named = true;
  if (option)
    return xstrdup(option);
  if (config && config->baseline)
    return config->baseline[0] == '/' ? xstrdup(config->baseline)
                                      : xasprintf("%s/%s", root, config->baseline);
  *named = false;
  return xasprintf("%s/%s", root, CLI_BASELINE_DEFAULT);
}

baseline *cli_baseline_read(const char *path, char **message, bool *positioned) {
  char *error = NULL;
  uint32_t line = 0, column = 0;
  baseline *result = baseline_read(path, &error, &line, &column);
  *positioned = false;
  if (result)
    return result;
  *positioned = line > 0;
  if (*positioned) {
    *message = xasprintf("%s:%u:%u: error: %s", path, line, column, error);
    free(error);
  } else {
    *message = error;
  }
  return NULL;
}
