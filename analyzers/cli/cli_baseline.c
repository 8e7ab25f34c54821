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

char *cli_baseline_place(const strata_config *named_by, char *message, bool *positioned) {
  *positioned = false;
  if (!named_by || named_by->baseline_position.line == 0)
    return message;
  char *placed =
      xasprintf("%s:%u:%u: error: %s", named_by->source_name, named_by->baseline_position.line,
                named_by->baseline_position.column, message);
  free(message);
  *positioned = true;
  return placed;
}

baseline *cli_baseline_read(const char *path, const strata_config *named_by, char **message,
                            bool *positioned) {
  char *error = NULL;
  uint32_t line = 0, column = 0;
  baseline *result = baseline_read(path, &error, &line, &column);
  *positioned = false;
  if (result)
    return result;
  if (line > 0) {
    *message = xasprintf("%s:%u:%u: error: %s", path, line, column, error);
    free(error);
    *positioned = true;
  } else {
    *message = cli_baseline_place(named_by, error, positioned);
  }
  return NULL;
}
