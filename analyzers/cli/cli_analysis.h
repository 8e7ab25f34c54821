// The options every command that analyzes a tree takes: --config, --jobs,
// --cache-dir, --no-cache and --compile-commands, declared once. A command lists
// CLI_ANALYSIS_OPTIONS last in its option table and hands indices from its
// first shared one to cli_analysis_option.
#ifndef STRATA_CLI_ANALYSIS_H
#define STRATA_CLI_ANALYSIS_H

#include "analysis.h"
#include "cli_options.h"

#include <stdbool.h>
#include <stddef.h>

#define CLI_ANALYSIS_OPTIONS                                                                       \
  {"config", 'c', "FILE", "read FILE instead of ROOT/strata.yaml or ROOT/.strata.yaml"},           \
      {"jobs", 'j', "N", "extract facts with N threads (default: one per core)"},                  \
      {"cache-dir", 0, "DIR", "keep the fact cache in DIR (default: ROOT/.strata-cache)"},         \
      {"no-cache", 0, NULL, "neither read nor write the fact cache"}, {                            \
    "compile-commands", 0, "FILE",                                                                 \
        "exact mode: mark the includes the build's compile_commands.json takes"                    \
  }
#define CLI_ANALYSIS_OPTION_COUNT 5

typedef struct cli_analysis_flags {
  const char *config_path;
  const char *cache_dir;
  const char *compile_commands;
  unsigned jobs;
  bool no_cache;
} cli_analysis_flags;

// Takes the shared option `index` (0 for --config ... 4 for --compile-commands).
// False after printing why the argument is wrong.
bool cli_analysis_option(cli_analysis_flags *flags, const char *command, size_t index,
                         const char *argument);

// Whether argument is a day as --today takes it (YYYY-MM-DD); false after
// saying so on stderr.
bool cli_valid_today(const char *command, const char *argument);

// The analysis options the flags ask for, with progress on a terminal.
analysis_options cli_analysis_options(const cli_analysis_flags *flags, bool run_checks);

#endif
