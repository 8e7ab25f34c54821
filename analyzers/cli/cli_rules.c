#include "cli_rules.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_rules_add(cli_rules *self, bool ignore, const char *argument) {
  char ***ids = ignore ? &self->ignore : &self->select;
  size_t *count = ignore ? &self->ignore_count : &self->select_count;
  for (const char *at = argument;;) {
    size_t length = strcspn(at, ",");
    // Blanks around a comma are no part of an id: "a, b" is two ids.
    const char *start = at;
    while (length && (*start == ' ' || *start == '\t'))
      start++, length--;
    while (length && (start[length - 1] == ' ' || start[length - 1] == '\t'))
      length--;
    if (length) {
      *ids = xrealloc(*ids, (*count + 1) * sizeof(**ids));
      (*ids)[(*count)++] = xstrndup(start, length);
    }
    at += strcspn(at, ",");
    if (!*at)
      break;
    at++;
  }
}

bool cli_rules_apply(const cli_rules *self, const char *command, strata_config *config) {
  char *error = NULL;
  if (config_select_rules(config, (const char *const *)self->select, self->select_count,
                          (const char *const *)self->ignore, self->ignore_count, &error))
    return true;
  fprintf(stderr, "strata %s: %s\n", command, error);
  free(error);
  return false;
}

void cli_rules_release(cli_rules *self) {
  for (size_t i = 0; i < self->select_count; i++)
    free(self->select[i]);
  for (size_t i = 0; i < self->ignore_count; i++)
    free(self->ignore[i]);
  free(self->select);
  free(self->ignore);
  *self = (cli_rules){0};
}
