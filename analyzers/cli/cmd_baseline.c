// strata baseline: record the findings a tree has now, so that `strata
// check` reports only new ones (docs/suppressions.md).
#include "adoption.h"
#include "analysis.h"
#include "baseline.h"
#include "cli.h"
#include "cli_analysis.h"
#include "cli_baseline.h"
#include "cli_common.h"
#include "cli_options.h"
#include "cli_rules.h"
#include "exit_code.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { BASELINE_OUTPUT, BASELINE_TODAY, BASELINE_SELECT, BASELINE_IGNORE, BASELINE_SHARED };

static const cli_option baseline_options[] = {
    [BASELINE_OUTPUT] = {"output", 'o', "FILE", "write the baseline to FILE (default: see below)"},
    [BASELINE_TODAY] = {"today", 0, "YYYY-MM-DD",
                        "judge removal dates and allowances as on that day (default: the clock)"},
    CLI_RULES_OPTIONS,
    CLI_ANALYSIS_OPTIONS,
};

static const cli_command_spec baseline_spec = {
    "baseline",
    "[options] [PATH]",
    "Analyze the tree at PATH (default: the current folder) as 'strata check' does and write\n"
    "its findings to a baseline file, one entry per finding: 'strata check' then reports only\n"
    "findings that are not in it. Entries are keyed by each finding's fingerprint (rule, files\n"
    "and statement text, never line numbers) and sorted, so the file's diffs review well.",
    baseline_options,
    sizeof(baseline_options) / sizeof(baseline_options[0]),
    "The baseline file is --output FILE, else the config's 'baseline' (relative to the root),\n"
    "else ROOT/strata-baseline.json, which 'strata check' reads when it exists. It is written\n"
    "whole or not at all, and replaced: run 'strata check --update-baseline' instead to drop\n"
    "fixed findings without accepting new ones. Findings about strata.yaml's allowances are\n"
    "never recorded: they are printed, to be fixed there. See docs/suppressions.md.\n\n"
    "exit status: 0 written, 2 usage, config or internal error\n",
};

typedef struct baseline_state {
  cli_analysis_flags shared;
  const char *output_path;
  const char *today;
  cli_rules rules;
} baseline_state;

static bool baseline__option(void *state, size_t option, const char *argument) {
  baseline_state *self = state;
  if (option >= BASELINE_SHARED)
    return cli_analysis_option(&self->shared, "baseline", option - BASELINE_SHARED, argument);
  switch (option) {
  case BASELINE_OUTPUT:
    self->output_path = argument;
    return true;
  case BASELINE_TODAY:
    self->today = argument;
    return cli_valid_today("baseline", argument);
  case BASELINE_SELECT:
  case BASELINE_IGNORE:
    cli_rules_add(&self->rules, option == BASELINE_IGNORE, argument);
    return true;
  }
  return false;
}

int cmd_baseline(int argc, char **argv) {
  baseline_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &baseline_spec, baseline__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  if (argc - first > 1) {
    fprintf(stderr, "strata baseline: give one PATH, not %d\n", argc - first);
    return EXIT_ERROR;
  }
  const char *root = first < argc ? argv[first] : ".";
  strata_config *config = cli_load_config("baseline", state.shared.config_path, root);
  if (!config || !cli_rules_apply(&state.rules, "baseline", config)) {
    config_delete(config);
    cli_rules_release(&state.rules);
    return EXIT_ERROR;
  }
  int status = EXIT_ERROR;
  char *error = NULL;
  char *path = NULL;
  bool *include = NULL;
  if (state.today) {
    free(config->today);
    config->today = xstrdup(state.today);
  }
  analysis_options options = cli_analysis_options(&state.shared, true);
  analysis *result = analysis_run(root, config, &options, &error);
  if (!result) {
    fprintf(stderr, "strata baseline: %s\n", error);
    goto cleanup;
  }
  cli_print_notices(result->notices);
  const finding_list *findings = result->findings;
  include = xcalloc(findings->count + 1, sizeof(bool));
  size_t recorded = 0;
  for (size_t i = 0; i < findings->count; i++) {
    const finding *item = &findings->items[i];
    include[i] = adoption_baselinable(item->rule);
    recorded += include[i];
    if (!include[i])
      fprintf(stderr, "%s:%u:%u: %s: %s [%s] (not recorded: fix it)\n", item->location.path,
              item->location.line, item->location.column, rule_level_name(item->level),
              item->message, item->rule->id);
  }
  bool named;
  path = cli_baseline_path(root, config, state.output_path, &named);
  if (!baseline_write_findings(path, findings, include, &error)) {
    bool placed;
    error = cli_baseline_place(named && !state.output_path ? config : NULL, error, &placed);
    fprintf(stderr, "%s%s\n", placed ? "" : "strata baseline: ", error);
    goto cleanup;
  }
  printf("strata baseline: recorded %zu finding%s in '%s'\n", recorded, recorded == 1 ? "" : "s",
         path);
  status = EXIT_CLEAN;
cleanup:
  free(include);
  free(path);
  free(error);
  cli_rules_release(&state.rules);
  analysis_delete(result);
  config_delete(config);
  return status;
}
