#include "cli_analysis.h"

#include "cli_common.h"
#include "deprecation_dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cli_analysis_option(cli_analysis_flags *flags, const char *command, size_t index,
                         const char *argument) {
  switch (index) {
  case 0:
    flags->config_path = argument;
    return true;
  case 1: {
    char *end;
    long jobs = strtol(argument, &end, 10);
    if (*argument == '\0' || *end || jobs < 1 || jobs > 64) {
      fprintf(stderr, "strata %s: --jobs takes a number from 1 to 64, not '%s'\n", command,
              argument);
      return false;
    }
    flags->jobs = (unsigned)jobs;
    return true;
  }
  case 2:
  case 3:
    if (index == 2)
      flags->cache_dir = argument;
    else
      flags->no_cache = true;
    // Both at once is a mistake (a cache to use, and none): say so rather
    // than quietly pick one.
    if (flags->cache_dir && flags->no_cache) {
      fprintf(stderr, "strata %s: --cache-dir and --no-cache contradict each other; give one\n",
              command);
      return false;
    }
    return true;
  case 4:
    flags->compile_commands = argument;
    return true;
  }
  return false;
}

analysis_options cli_analysis_options(const cli_analysis_flags *flags, bool run_checks) {
  analysis_options options = {.jobs = flags->jobs,
                              .run_checks = run_checks,
                              .use_cache = !flags->no_cache,
                              .cache_dir = flags->cache_dir,
                              .compile_commands = flags->compile_commands,
                              .progress = cli_progress_for_stderr()};
  return options;
}

bool cli_valid_today(const char *command, const char *argument) {
  deprecation_when date;
  if (strlen(argument) == 10 && argument[4] == '-' && deprecation_when_parse(argument, &date) &&
      date.kind == DEPRECATION_WHEN_DATE && date.day != 0)
    return true;
  fprintf(stderr, "strata %s: --today takes a date such as 2025-06-01, not '%s'\n", command,
          argument);
  return false;
}
