// --select and --ignore: which rules report, as ruff takes them (a rule id,
// or several separated by commas; each option may be given again).
#ifndef STRATA_CLI_RULES_H
#define STRATA_CLI_RULES_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>

#define CLI_RULES_OPTIONS                                                                          \
  {"select", 0, "RULE,...",                                                                        \
   "report only these rules (ids as 'strata explain --list' gives them)"},                         \
  {                                                                                                \
    "ignore", 0, "RULE,...", "never report these rules"                                            \
  }

typedef struct cli_rules {
  char **select;
  size_t select_count;
  char **ignore;
  size_t ignore_count;
} cli_rules;

// Adds the rule ids of one --select (ignore false) or --ignore argument.
void cli_rules_add(cli_rules *self, bool ignore, const char *argument);
// Hands the ids to config; false after printing the first unknown one (with
// a suggestion) as `strata COMMAND: ...`.
bool cli_rules_apply(const cli_rules *self, const char *command, strata_config *config);
void cli_rules_release(cli_rules *self);

#endif
