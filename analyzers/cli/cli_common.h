// What several commands share: finding the config, printing notices,
// writing output whole, and deciding on colour.
#ifndef STRATA_CLI_COMMON_H
#define STRATA_CLI_COMMON_H

#include "atomic_file.h"
#include "config.h"
#include "notice.h"

#include <stdbool.h>
#include <stdio.h>

// Loads config_path, or else ROOT/strata.yaml, ROOT/.strata.yaml, or else
// the built-in PyTorch default. On error prints `FILE:LINE:COL: error: ...`
// to stderr and returns NULL (exit status 2).
strata_config *cli_load_config(const char *command, const char *config_path, const char *root);
// The same, but instead of printing the error sets *message to it (the same
// text, without the newline; the caller frees it): for formats that must
// carry the error themselves (lintrunner).
strata_config *cli_load_config_quietly(const char *command, const char *config_path,
                                       const char *root, char **message);

// Prints each notice to stderr: `path:line:col: notice: message`.
void cli_print_notices(const notice_list *notices);

typedef struct cli_output {
  FILE *stream;
  atomic_file *file; // NULL when writing to stdout
  const char *path;
} cli_output;

// Opens path (or stdout when NULL or "-"). False after printing why.
bool cli_output_open(const char *command, const char *path, cli_output *output);
// Commits the file; false after printing why (the target is left as it was).
bool cli_output_close(const char *command, cli_output *output, bool write_ok);

typedef enum cli_color_mode { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER } cli_color_mode;
bool cli_parse_color(const char *value, cli_color_mode *mode);
// --color auto: colour when FORCE_COLOR or CLICOLOR_FORCE is set (not
// empty, not "0"), else never when NO_COLOR is set (no-color.org) or TERM is
// dumb, else on a terminal.
bool cli_use_color(cli_color_mode mode, FILE *stream);

// Progress of a long run on stderr, only when stderr is a terminal: a
// `strata: reading files 1234/9000` line rewritten in place, erased at the
// end. Returns the callback for analysis_options.progress, or NULL.
typedef void cli_progress_function(void *context, size_t done, size_t total, bool finished);
cli_progress_function *cli_progress_for_stderr(void);

#endif
