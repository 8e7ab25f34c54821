// Options are declared once, as a table per command: the same table drives
// getopt_long and the --help text, so the two cannot drift apart.
#ifndef STRATA_CLI_OPTIONS_H
#define STRATA_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

typedef struct cli_option {
  const char *long_name;
  char short_name;      // 0 when none
  const char *argument; // e.g. "FILE"; NULL for a flag
  const char *help;
} cli_option;

typedef struct cli_command_spec {
  const char *name;     // "check"
  const char *synopsis; // "[options] [PATH]"
  const char *summary;
  const cli_option *options;
  size_t option_count;
  const char *epilog; // more help after the options; may be NULL
} cli_command_spec;

// Parses argv against spec. For each option found calls on_option with its
// index in spec->options and its argument (NULL for a flag); positional
// arguments are left in argv[*first_positional..argc). --help prints the
// usage to stdout and sets *help_shown. Returns false on a usage error,
// after printing it to stderr.
typedef bool cli_option_handler(void *state, size_t option, const char *argument);
bool cli_parse_options(int argc, char **argv, const cli_command_spec *spec,
                       cli_option_handler *on_option, void *state, int *first_positional,
                       bool *help_shown);
void cli_print_usage(FILE *out, const cli_command_spec *spec);

// Of names (NULL entries skipped), the one closest to a mistyped word, or
// NULL when none is close: for "did you mean ...?".
const char *cli_suggest(const char *word, const char *const *names, size_t count);

#endif
