// strata check: analyze a tree and report what breaks its module boundaries.
#include "analysis.h"
#include "cli.h"
#include "cli_common.h"
#include "cli_options.h"
#include "exit_code.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

enum { CHECK_CONFIG, CHECK_FORMAT, CHECK_OUTPUT, CHECK_JOBS, CHECK_COLOR };

static const cli_option check_options[] = {
    [CHECK_CONFIG] = {"config", 'c', "FILE", "read FILE instead of PATH/strata.yaml"},
    [CHECK_FORMAT] = {"format", 'f', "FORMAT", "text (default), sarif or json"},
    [CHECK_OUTPUT] = {"output", 'o', "FILE", "write the report to FILE (whole or not at all)"},
    [CHECK_JOBS] = {"jobs", 'j', "N", "extract facts with N threads (default: one per core)"},
    [CHECK_COLOR] = {"color", 0, "WHEN",
                     "auto (default: on a terminal, unless NO_COLOR), always, never"},
};

static const cli_command_spec check_spec = {
    "check",
    "[options] [PATH]",
    "Analyze the tree at PATH (default: the current folder) and report layering violations,\n"
    "forbidden dependencies, import cycles and include cycles.",
    check_options,
    sizeof(check_options) / sizeof(check_options[0]),
    "The config is PATH/strata.yaml or PATH/.strata.yaml unless --config is given; without one\n"
    "the built-in PyTorch default applies (see docs/config.md).\n\n"
    "exit status: 0 no error-level finding, 1 error-level findings, 2 usage, config or internal "
    "error\n",
};

typedef enum check_format { FORMAT_TEXT, FORMAT_SARIF, FORMAT_JSON } check_format;

typedef struct check_state {
  const char *config_path;
  const char *output_path;
  check_format format;
  unsigned jobs;
  cli_color_mode color;
} check_state;

static bool check__option(void *state, size_t option, const char *argument) {
  check_state *self = state;
  switch (option) {
  case CHECK_CONFIG:
    self->config_path = argument;
    return true;
  case CHECK_FORMAT:
    if (strcmp(argument, "text") == 0)
      self->format = FORMAT_TEXT;
    else if (strcmp(argument, "sarif") == 0)
      self->format = FORMAT_SARIF;
    else if (strcmp(argument, "json") == 0)
      self->format = FORMAT_JSON;
    else {
      fprintf(stderr, "strata check: unknown format '%s' (text, sarif or json)\n", argument);
      return false;
    }
    return true;
  case CHECK_OUTPUT:
    self->output_path = argument;
    return true;
  case CHECK_JOBS: {
    char *end;
    long jobs = strtol(argument, &end, 10);
    if (*end || jobs < 1 || jobs > 64) {
      fprintf(stderr, "strata check: --jobs takes a number from 1 to 64, not '%s'\n", argument);
      return false;
    }
    self->jobs = (unsigned)jobs;
    return true;
  }
  case CHECK_COLOR:
    if (!cli_parse_color(argument, &self->color)) {
      fprintf(stderr, "strata check: --color takes auto, always or never, not '%s'\n", argument);
      return false;
    }
    return true;
  }
  return false;
}

int cmd_check(int argc, char **argv) {
  check_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &check_spec, check__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  if (argc - first > 1) {
    fprintf(stderr, "strata check: give one PATH, not %d\n", argc - first);
    return EXIT_ERROR;
  }
  const char *root = first < argc ? argv[first] : ".";
  strata_config *config = cli_load_config("check", state.config_path, root);
  if (!config)
    return EXIT_ERROR;
  int status = EXIT_ERROR;
  char *error = NULL;
  analysis_options options = {.jobs = state.jobs, .run_checks = true};
  analysis *result = analysis_run(root, config, &options, &error);
  if (!result) {
    fprintf(stderr, "strata check: %s\n", error);
    free(error);
    goto cleanup;
  }
  cli_print_notices(result->notices);
  cli_output output;
  if (!cli_output_open("check", state.output_path, &output))
    goto cleanup;
  report_context context = {result->findings, result->notices, result->graph,
                            config,           result->root,    false};
  bool written;
  switch (state.format) {
  case FORMAT_SARIF:
    written = report_sarif(output.stream, &context);
    break;
  case FORMAT_JSON:
    written = report_json(output.stream, &context);
    break;
  case FORMAT_TEXT:
  default:
    context.color = cli_use_color(state.color, output.stream);
    written = report_text(output.stream, &context);
    break;
  }
  if (!cli_output_close("check", &output, written))
    goto cleanup;
  status = finding_list_error_count(result->findings) > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
cleanup:
  analysis_delete(result);
  config_delete(config);
  return status;
}
