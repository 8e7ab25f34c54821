// strata metrics: the coupling table of an architecture document, computed
// from the real graph: size, incoming and outgoing dependencies,
// instability, violations and cycles per component or module.
#include "analysis.h"
#include "cli.h"
#include "cli_analysis.h"
#include "cli_common.h"
#include "cli_options.h"
#include "exit_code.h"
#include "graph_metrics.h"
#include "graph_view.h"
#include "report_graphs.h"
#include "source.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { METRICS_LEVEL, METRICS_DEPTH, METRICS_FORMAT, METRICS_OUTPUT, METRICS_SHARED };

static const cli_option metrics_options[] = {
    [METRICS_LEVEL] = {"level", 'l', "LEVEL", "component (default) or module"},
    [METRICS_DEPTH] = {"depth", 'd', "N",
                       "module level: keep N dotted parts or folders (default: 2)"},
    [METRICS_FORMAT] = {"format", 'f', "FORMAT", "markdown (default) or json"},
    [METRICS_OUTPUT] = {"output", 'o', "FILE", "write the table to FILE (whole or not at all)"},
    CLI_ANALYSIS_OPTIONS,
};

static const cli_command_spec metrics_spec = {
    "metrics",
    "[options] [PATH]",
    "Print the coupling table of the tree at PATH (default: the current folder), one row per\n"
    "component or module: files, lines of code (non-blank lines), incoming and outgoing\n"
    "dependencies (distinct nodes and import/include lines), instability = outgoing /\n"
    "(incoming + outgoing), lines that break a layer or forbidden rule into and out of it,\n"
    "and whether it holds an import or include cycle.",
    metrics_options,
    sizeof(metrics_options) / sizeof(metrics_options[0]),
    "Rows come in map order: highest layer first, then by name. See docs/graphs.md.\n\n"
    "exit status: 0 written, 2 usage, config or internal error\n",
};

typedef struct metrics_state {
  cli_analysis_flags shared;
  const char *output_path;
  report_metrics_format format;
  graph_view_options view;
} metrics_state;

static bool metrics__number(const char *option, const char *argument, unsigned *value) {
  char *end;
  long number = strtol(argument, &end, 10);
  if (*argument == '\0' || *end || number < 1 || number > 64) {
    fprintf(stderr, "strata metrics: --%s takes a number from 1 to 64, not '%s'\n", option,
            argument);
    return false;
  }
  *value = (unsigned)number;
  return true;
}

static bool metrics__option(void *state, size_t option, const char *argument) {
  metrics_state *self = state;
  if (option >= METRICS_SHARED)
    return cli_analysis_option(&self->shared, "metrics", option - METRICS_SHARED, argument);
  switch (option) {
  case METRICS_LEVEL:
    if (!graph_view_level_parse(argument, &self->view.level) ||
        self->view.level == GRAPH_VIEW_FILE) {
      fprintf(stderr, "strata metrics: unknown level '%s' (component, module)\n", argument);
      return false;
    }
    return true;
  case METRICS_DEPTH:
    return metrics__number("depth", argument, &self->view.depth);
  case METRICS_FORMAT:
    if (strcmp(argument, "markdown") == 0) {
      self->format = REPORT_METRICS_MARKDOWN;
    } else if (strcmp(argument, "json") == 0) {
      self->format = REPORT_METRICS_JSON;
    } else {
      fprintf(stderr, "strata metrics: unknown format '%s' (markdown, json)\n", argument);
      return false;
    }
    return true;
  case METRICS_OUTPUT:
    self->output_path = argument;
    return true;
  }
  return false;
}

// The non-blank lines of every file. Facts do not carry them, so the files
// are read once more: a cost only this command pays. A file that cannot be
// read counts 0 (the analysis has reported it already).
static size_t *metrics__file_lines(const analysis *result, const strata_config *config) {
  const graph *files = result->graph;
  size_t *lines = xcalloc(files->file_count + 1, sizeof(size_t));
  for (size_t i = 0; i < files->file_count; i++) {
    char *absolute = xasprintf("%s/%s", result->root, files->files[i].path);
    source_buffer buffer;
    if (source_read(absolute, config->max_file_bytes, &buffer) == SOURCE_OK)
      lines[i] = graph_metrics_count_lines(buffer.bytes, buffer.length);
    source_buffer_release(&buffer);
    free(absolute);
  }
  return lines;
}

int cmd_metrics(int argc, char **argv) {
  metrics_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &metrics_spec, metrics__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  if (state.view.depth && state.view.level != GRAPH_VIEW_MODULE) {
    fprintf(stderr, "strata metrics: --depth applies to --level module\n");
    return EXIT_ERROR;
  }
  if (state.view.level == GRAPH_VIEW_MODULE && state.view.depth == 0)
    state.view.depth = 2;
  if (argc - first > 1) {
    fprintf(stderr, "strata metrics: give one PATH, not %d\n", argc - first);
    return EXIT_ERROR;
  }
  const char *root = first < argc ? argv[first] : ".";
  strata_config *config = cli_load_config("metrics", state.shared.config_path, root);
  if (!config)
    return EXIT_ERROR;
  int status = EXIT_ERROR;
  char *error = NULL;
  graph_view *view = NULL;
  size_t *file_lines = NULL;
  graph_metrics *metrics = NULL;
  analysis_options options = cli_analysis_options(&state.shared, true);
  analysis *result = analysis_run(root, config, &options, &error);
  if (!result) {
    fprintf(stderr, "strata metrics: %s\n", error);
    free(error);
    goto cleanup;
  }
  cli_print_notices(result->notices);
  view = graph_view_new(result->graph, config, result->findings, &state.view, &error);
  if (!view) {
    fprintf(stderr, "strata metrics: %s\n", error);
    free(error);
    goto cleanup;
  }
  file_lines = metrics__file_lines(result, config);
  metrics = graph_metrics_new(view, file_lines);
  cli_output output;
  if (!cli_output_open("metrics", state.output_path, &output))
    goto cleanup;
  if (!cli_output_close("metrics", &output,
                        report_metrics(output.stream, view, metrics, state.format)))
    goto cleanup;
  status = EXIT_CLEAN;
cleanup:
  free(metrics);
  free(file_lines);
  graph_view_delete(view);
  analysis_delete(result);
  config_delete(config);
  return status;
}
