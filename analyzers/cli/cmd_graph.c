// strata graph: write the module dependency graph.
#include "analysis.h"
#include "cli.h"
#include "cli_common.h"
#include "cli_options.h"
#include "exit_code.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

enum { GRAPH_CONFIG, GRAPH_FORMAT, GRAPH_OUTPUT, GRAPH_JOBS };

static const cli_option graph_options[] = {
    [GRAPH_CONFIG] = {"config", 'c', "FILE", "read FILE instead of PATH/strata.yaml"},
    [GRAPH_FORMAT] = {"format", 'f', "FORMAT", "json (the file-level graph)"},
    [GRAPH_OUTPUT] = {"output", 'o', "FILE", "write the graph to FILE (whole or not at all)"},
    [GRAPH_JOBS] = {"jobs", 'j', "N", "extract facts with N threads (default: one per core)"},
};

static const cli_command_spec graph_spec = {
    "graph",
    "--format json [options] [PATH]",
    "Write the dependency graph of the tree at PATH (default: the current folder): every file\n"
    "with its language, module and component, every resolved import and include, and every\n"
    "dependency that resolves to no file of the tree.",
    graph_options,
    sizeof(graph_options) / sizeof(graph_options[0]),
    "See docs/output.md for the JSON schema.\n",
};

typedef struct graph_state {
  const char *config_path;
  const char *output_path;
  const char *format;
  unsigned jobs;
} graph_state;

static bool graph__option(void *state, size_t option, const char *argument) {
  graph_state *self = state;
  switch (option) {
  case GRAPH_CONFIG:
    self->config_path = argument;
    return true;
  case GRAPH_FORMAT:
    if (strcmp(argument, "json") != 0) {
      if (strcmp(argument, "dot") == 0 || strcmp(argument, "svg") == 0 ||
          strcmp(argument, "mermaid") == 0)
        fprintf(stderr, "strata graph: format '%s' is not built yet; use json\n", argument);
      else
        fprintf(stderr, "strata graph: unknown format '%s' (json)\n", argument);
      return false;
    }
    self->format = argument;
    return true;
  case GRAPH_OUTPUT:
    self->output_path = argument;
    return true;
  case GRAPH_JOBS: {
    char *end;
    long jobs = strtol(argument, &end, 10);
    if (*end || jobs < 1 || jobs > 64) {
      fprintf(stderr, "strata graph: --jobs takes a number from 1 to 64, not '%s'\n", argument);
      return false;
    }
    self->jobs = (unsigned)jobs;
    return true;
  }
  }
  return false;
}

int cmd_graph(int argc, char **argv) {
  graph_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &graph_spec, graph__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  if (!state.format) {
    fprintf(stderr, "strata graph: say which format: --format json\n");
    return EXIT_ERROR;
  }
  if (argc - first > 1) {
    fprintf(stderr, "strata graph: give one PATH, not %d\n", argc - first);
    return EXIT_ERROR;
  }
  const char *root = first < argc ? argv[first] : ".";
  strata_config *config = cli_load_config("graph", state.config_path, root);
  if (!config)
    return EXIT_ERROR;
  int status = EXIT_ERROR;
  char *error = NULL;
  analysis_options options = {.jobs = state.jobs, .run_checks = false};
  analysis *result = analysis_run(root, config, &options, &error);
  if (!result) {
    fprintf(stderr, "strata graph: %s\n", error);
    free(error);
    goto cleanup;
  }
  cli_print_notices(result->notices);
  cli_output output;
  if (!cli_output_open("graph", state.output_path, &output))
    goto cleanup;
  report_context context = {result->findings, result->notices, result->graph,
                            config,           result->root,    false};
  if (!cli_output_close("graph", &output, report_graph_json(output.stream, &context)))
    goto cleanup;
  status = EXIT_CLEAN;
cleanup:
  analysis_delete(result);
  config_delete(config);
  return status;
}
