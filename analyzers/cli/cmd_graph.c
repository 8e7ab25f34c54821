// strata graph: write the module dependency graph, as data (json) or as the
// module boundary map (dot, svg, mermaid).
#include "analysis.h"
#include "cli.h"
#include "cli_analysis.h"
#include "cli_common.h"
#include "cli_options.h"
#include "exit_code.h"
#include "graph_view.h"
#include "report.h"
#include "report_graphs.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

enum {
  GRAPH_FORMAT,
  GRAPH_LEVEL,
  GRAPH_DEPTH,
  GRAPH_FOCUS,
  GRAPH_OUTPUT,
  GRAPH_TAKEN_ONLY,
  GRAPH_SHARED,
};

static const cli_option graph_options[] = {
    [GRAPH_FORMAT] = {"format", 'f', "FORMAT",
                      "dot, svg or mermaid (the map), html (the explorer), json (the graph)"},
    [GRAPH_LEVEL] = {"level", 'l', "LEVEL", "component (default), module or file"},
    [GRAPH_DEPTH] = {"depth", 'd', "N",
                     "module level: keep N dotted parts or folders (default: 2)"},
    [GRAPH_FOCUS] = {"focus", 0, "NAME", "only NAME and its direct neighbours"},
    [GRAPH_OUTPUT] = {"output", 'o', "FILE", "write the graph to FILE (whole or not at all)"},
    [GRAPH_TAKEN_ONLY] = {"taken-only", 0, NULL,
                          "only the includes the build takes (needs --compile-commands)"},
    CLI_ANALYSIS_OPTIONS,
};

static const cli_command_spec graph_spec = {
    "graph",
    "--format dot|svg|mermaid|html|json [options] [PATH]",
    "Draw the module boundary map of the tree at PATH (default: the current folder): one node\n"
    "per component, module or file, grouped by layer (highest on top), one edge per pair\n"
    "labelled with the import and include lines behind it; edges that break a layer or\n"
    "forbidden rule in red, edges on an import or include cycle in orange. Or write the\n"
    "architecture explorer, one HTML page to open in a browser, or the file-level dependency\n"
    "graph as JSON.",
    graph_options,
    sizeof(graph_options) / sizeof(graph_options[0]),
    "--level, --depth and --focus apply to dot, svg and mermaid; json is always the file-level\n"
    "graph; html holds every level, with modules at --depth. NAME is a component, a module or\n"
    "folder at --depth, or a file (by path or Python module), as --level says. A Mermaid graph "
    "over Mermaid's default limits (500 edges, 50000\n"
    "characters) is written at the next coarser level instead, with a note on stderr.\n"
    "See docs/graphs.md for the map and docs/output.md for the JSON schema.\n\n"
    "With the build's compile_commands.json (--compile-commands, or cxx.compile_commands), every\n"
    "include says whether a translation unit of the build takes it; --taken-only leaves out the\n"
    "includes none takes (docs/cxx.md). Imports are kept.\n\n"
    "exit status: 0 written, 2 usage, config or internal error, or NAME names no node\n",
};

typedef enum graph_format {
  FORMAT_NONE,
  FORMAT_JSON,
  FORMAT_DOT,
  FORMAT_SVG,
  FORMAT_MERMAID,
  FORMAT_HTML
} graph_format;

typedef struct graph_state {
  cli_analysis_flags shared;
  const char *output_path;
  graph_format format;
  bool level_given;
  bool taken_only;
  graph_view_options view;
} graph_state;

static bool graph__number(const char *option, const char *argument, long low, long high,
                          unsigned *value) {
  char *end;
  long number = strtol(argument, &end, 10);
  if (*argument == '\0' || *end || number < low || number > high) {
    fprintf(stderr, "strata graph: --%s takes a number from %ld to %ld, not '%s'\n", option, low,
            high, argument);
    return false;
  }
  *value = (unsigned)number;
  return true;
}

static bool graph__option(void *state, size_t option, const char *argument) {
  graph_state *self = state;
  if (option >= GRAPH_SHARED)
    return cli_analysis_option(&self->shared, "graph", option - GRAPH_SHARED, argument);
  switch (option) {
  case GRAPH_FORMAT: {
    static const char *const names[] = {NULL, "json", "dot", "svg", "mermaid", "html"};
    for (size_t f = FORMAT_JSON; f <= FORMAT_HTML; f++)
      if (strcmp(argument, names[f]) == 0) {
        self->format = (graph_format)f;
        return true;
      }
    const char *close = cli_suggest(argument, names, sizeof(names) / sizeof(names[0]));
    if (close)
      fprintf(stderr, "strata graph: unknown format '%s'; did you mean '%s'?\n", argument, close);
    else
      fprintf(stderr, "strata graph: unknown format '%s' (dot, svg, mermaid, html, json)\n",
              argument);
    return false;
  }
  case GRAPH_LEVEL:
    if (!graph_view_level_parse(argument, &self->view.level)) {
      fprintf(stderr, "strata graph: unknown level '%s' (component, module, file)\n", argument);
      return false;
    }
    self->level_given = true;
    return true;
  case GRAPH_DEPTH:
    return graph__number("depth", argument, 1, 64, &self->view.depth);
  case GRAPH_FOCUS:
    self->view.focus = argument;
    return true;
  case GRAPH_OUTPUT:
    self->output_path = argument;
    return true;
  case GRAPH_TAKEN_ONLY:
    self->taken_only = true;
    return true;
  }
  return false;
}

// Options that do not fit together, after all are read.
static bool graph__check_options(const graph_state *self) {
  if (self->format == FORMAT_NONE) {
    fprintf(stderr, "strata graph: say which format: --format dot, svg, mermaid, html or json\n");
    return false;
  }
  if (self->format == FORMAT_HTML && (self->level_given || self->view.focus)) {
    fprintf(stderr, "strata graph: --level and --focus apply to dot, svg and mermaid; html holds "
                    "every level\n");
    return false;
  }
  if (self->format == FORMAT_JSON && (self->level_given || self->view.depth || self->view.focus)) {
    fprintf(stderr, "strata graph: --level, --depth and --focus apply to dot, svg and mermaid; "
                    "json is always the file-level graph\n");
    return false;
  }
  if (self->view.depth && self->view.level != GRAPH_VIEW_MODULE && self->format != FORMAT_HTML) {
    fprintf(stderr, "strata graph: --depth applies to --level module\n");
    return false;
  }
  return true;
}

// The next coarser view than options (file, module at depth N, ..., module
// at depth 1, component), focused on the node that holds the old focus.
// False when options is at component level already.
static bool graph__coarser(const graph_view *view, const graph *dependency_graph,
                           const strata_config *config, graph_view_options *options, char **focus) {
  if (options->level == GRAPH_VIEW_COMPONENT)
    return false;
  if (options->level == GRAPH_VIEW_FILE) {
    options->level = GRAPH_VIEW_MODULE;
    options->depth = options->depth ? options->depth : 2;
  } else if (options->depth > 1) {
    options->depth--;
  } else {
    options->level = GRAPH_VIEW_COMPONENT;
  }
  uint32_t file = graph_view_focus_file(view);
  free(*focus);
  *focus = NULL;
  if (file != GRAPH_VIEW_NONE)
    *focus = graph_view_node_name(&dependency_graph->files[file], config, options->level,
                                  options->depth);
  options->focus = *focus;
  return true;
}

static const char *graph__describe(const graph_view_options *options, char *buffer, size_t size) {
  if (options->level == GRAPH_VIEW_MODULE)
    snprintf(buffer, size, "module level, depth %u", options->depth);
  else
    snprintf(buffer, size, "%s level", graph_view_level_name(options->level));
  return buffer;
}

// Renders Mermaid, stepping down to coarser levels while it is too large for
// Mermaid's defaults. Returns the text, or NULL after printing why not.
static char *graph__mermaid(const analysis *result, const strata_config *config,
                            graph_view_options options) {
  char *focus = NULL;
  char *text = NULL;
  for (;;) {
    char *error = NULL;
    graph_view *view = graph_view_new(result->graph, config, result->findings, &options, &error);
    if (!view) {
      fprintf(stderr, "strata graph: %s\n", error);
      free(error);
      break;
    }
    strbuf out;
    strbuf_init(&out);
    size_t links = 0;
    report_mermaid(&out, view, &links);
    char size[128] = "";
    if (links > REPORT_MERMAID_MAX_EDGES)
      snprintf(size, sizeof(size), "%zu edges, more than Mermaid's default limit of %d", links,
               REPORT_MERMAID_MAX_EDGES);
    else if (out.length > REPORT_MERMAID_MAX_TEXT)
      snprintf(size, sizeof(size), "%zu characters, more than Mermaid's default limit of %d",
               out.length, REPORT_MERMAID_MAX_TEXT);
    char was[64], now[64];
    graph__describe(&options, was, sizeof(was));
    if (size[0] == '\0' || !graph__coarser(view, result->graph, config, &options, &focus)) {
      if (size[0])
        fprintf(stderr, "strata graph: the Mermaid graph at %s has %s; GitHub will not draw it\n",
                was, size);
      text = strbuf_detach(&out);
      graph_view_delete(view);
      break;
    }
    fprintf(stderr, "strata graph: the Mermaid graph at %s has %s; writing it at %s instead\n", was,
            size, graph__describe(&options, now, sizeof(now)));
    strbuf_release(&out);
    graph_view_delete(view);
  }
  free(focus);
  return text;
}

// The explorer's page, or NULL after printing why there is none.
static char *graph__html(const graph_state *state, const analysis *result,
                         const strata_config *config) {
  report_context context = {.findings = result->findings,
                            .notices = result->notices,
                            .graph = result->graph,
                            .config = config,
                            .root = result->root};
  strbuf text;
  strbuf_init(&text);
  char *error = NULL;
  if (!report_html_text(&text, &context, state->view.depth, &error)) {
    fprintf(stderr, "strata graph: %s\n", error);
    free(error);
    strbuf_release(&text);
    return NULL;
  }
  return strbuf_detach(&text);
}

// The map in state->format, or NULL after printing why there is none.
static char *graph__map(const graph_state *state, const analysis *result,
                        const strata_config *config) {
  if (state->format == FORMAT_MERMAID)
    return graph__mermaid(result, config, state->view);
  if (state->format == FORMAT_HTML)
    return graph__html(state, result, config);
  char *error = NULL;
  graph_view *view = graph_view_new(result->graph, config, result->findings, &state->view, &error);
  if (!view) {
    fprintf(stderr, "strata graph: %s\n", error);
    free(error);
    return NULL;
  }
  strbuf text;
  strbuf_init(&text);
  char *map = NULL;
  if (state->format == FORMAT_DOT) {
    report_dot_text(&text, view);
    map = strbuf_detach(&text);
  } else if (report_svg_text(&text, view, &error)) {
    map = strbuf_detach(&text);
  } else {
    fprintf(stderr, "strata graph: %s\n", error);
    free(error);
  }
  strbuf_release(&text);
  graph_view_delete(view);
  return map;
}

int cmd_graph(int argc, char **argv) {
  graph_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &graph_spec, graph__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  if (!graph__check_options(&state))
    return EXIT_ERROR;
  if (state.view.level == GRAPH_VIEW_MODULE && state.view.depth == 0)
    state.view.depth = 2;
  if (argc - first > 1) {
    fprintf(stderr, "strata graph: give one PATH, not %d\n", argc - first);
    return EXIT_ERROR;
  }
  const char *root = first < argc ? argv[first] : ".";
  strata_config *config = cli_load_config("graph", state.shared.config_path, root);
  if (!config)
    return EXIT_ERROR;
  int status = EXIT_ERROR;
  char *error = NULL;
  // The map marks violations, so it needs the checks' findings.
  analysis_options options = cli_analysis_options(&state.shared, state.format != FORMAT_JSON);
  analysis *result = analysis_run(root, config, &options, &error);
  if (!result) {
    fprintf(stderr, "strata graph: %s\n", error);
    free(error);
    goto cleanup;
  }
  cli_print_notices(result->notices);
  if (state.taken_only) {
    if (!result->graph->exact) {
      fprintf(stderr, "strata graph: --taken-only needs the build's compile_commands.json "
                      "(--compile-commands FILE or cxx.compile_commands)\n");
      goto cleanup;
    }
    graph_keep_taken(result->graph);
  }
  // The map is made before the output is opened: when it cannot be (no such
  // focus, Graphviz refused), the output is left as it was.
  char *map = NULL;
  if (state.format != FORMAT_JSON && !(map = graph__map(&state, result, config)))
    goto cleanup;
  cli_output output;
  if (!cli_output_open("graph", state.output_path, &output)) {
    free(map);
    goto cleanup;
  }
  bool written;
  if (map) {
    size_t length = strlen(map);
    written = fwrite(map, 1, length, output.stream) == length;
    free(map);
  } else {
    report_context context = {.findings = result->findings,
                              .notices = result->notices,
                              .graph = result->graph,
                              .config = config,
                              .root = result->root};
    written = report_graph_json(output.stream, &context);
  }
  if (!cli_output_close("graph", &output, written))
    goto cleanup;
  status = EXIT_CLEAN;
cleanup:
  analysis_delete(result);
  config_delete(config);
  return status;
}
