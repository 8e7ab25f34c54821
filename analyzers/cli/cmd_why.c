// strata why: the shortest dependency chain from FROM to TO, every step
// with the file:line of the import or include that makes it. What a
// maintainer asks first when a layering violation appears.
#include "analysis.h"
#include "cli.h"
#include "cli_analysis.h"
#include "cli_common.h"
#include "cli_options.h"
#include "edge_finding.h"
#include "exit_code.h"
#include "graph_path.h"
#include "graph_view.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { WHY_SHARED };

static const cli_option why_options[] = {
    CLI_ANALYSIS_OPTIONS,
};

static const cli_command_spec why_spec = {
    "why",
    "[options] FROM TO [PATH]",
    "Print the shortest dependency chain from FROM to TO in the tree at PATH (default: the\n"
    "current folder), one import or include a step, each at its file:line, with the rules\n"
    "a step breaks.",
    why_options,
    sizeof(why_options) / sizeof(why_options[0]),
    "FROM and TO are components, files (by path) or modules (a Python module or package, or\n"
    "a folder, with everything below it), tried in that order; say which with\n"
    "component:NAME, file:NAME (a path or a Python module) or module:NAME. Every import and\n"
    "include counts, at any scope.\n\n"
    "exit status: 0 a chain was found, 1 there is none, 2 usage, config or internal error\n",
};

typedef struct why_state {
  cli_analysis_flags shared;
} why_state;

static bool why__option(void *state, size_t option, const char *argument) {
  why_state *self = state;
  return cli_analysis_option(&self->shared, "why", option - WHY_SHARED, argument);
}

// "component 'torch'": how a name was understood, for the messages.
static char *why__describe(graph_selection_kind kind, const char *name) {
  const char *kind_name = graph_selection_kind_name(kind);
  size_t length = strlen(kind_name);
  if (strncmp(name, kind_name, length) == 0 && name[length] == ':')
    name += length + 1;
  return xasprintf("%s '%s'", kind_name, name);
}

static const char *why__component(const strata_config *config, const graph_file *file) {
  return file->component >= 0 ? config->components[file->component].name : "no component";
}

static const char *why__scope(fact_scope scope) {
  switch (scope) {
  case FACT_SCOPE_FUNCTION:
    return ", inside a function";
  case FACT_SCOPE_TYPE_CHECKING:
    return ", under TYPE_CHECKING";
  case FACT_SCOPE_MODULE:
    break;
  }
  return "";
}

// One step: `path:line:col: 'from' (component) imports 'to' (component)
// [rule...]`, then the statement.
static void why__step(FILE *out, const analysis *result, const strata_config *config,
                      size_t edge_index, bool languages) {
  const graph *files = result->graph;
  const graph_edge *edge = &files->edges[edge_index];
  const graph_file *from = &files->files[edge->from];
  const graph_file *to = &files->files[edge->to];
  // A chain that crosses the bridge between Python and C/C++ (docs/bridge.md)
  // names the language of each end of each step, and says where the bridge
  // step's name is defined.
  if (languages)
    fprintf(out, "%s:%u:%u: '%s' (%s, %s) %s '%s' (%s, %s)%s", from->path, edge->line, edge->column,
            from->path, why__component(config, from), strata_language_name(from->language),
            edge_verb(edge), to->path, why__component(config, to),
            strata_language_name(to->language), why__scope(edge->scope));
  else
    fprintf(out, "%s:%u:%u: '%s' (%s) %s '%s' (%s)%s", from->path, edge->line, edge->column,
            from->path, why__component(config, from), edge_verb(edge), to->path,
            why__component(config, to), why__scope(edge->scope));
  char *bridged = graph_edge_bridge_name(edge);
  if (bridged && edge->to_line)
    fprintf(out, " across the bridge: '%s', defined at %s:%u", bridged, to->path, edge->to_line);
  else if (bridged)
    fprintf(out, " across the bridge: '%s'", bridged);
  free(bridged);
  // The rules the step breaks, each once, in rule order: those of the
  // findings about it, and those a finding says it breaks "also" (one
  // finding per dependency names every rule the dependency breaks).
  bool *broken = xcalloc(strata_rule_count + 1, sizeof(bool));
  for (size_t f = 0; f < result->findings->count; f++) {
    const finding *item = &result->findings->items[f];
    if (!graph_view_finding_is_about(files, edge_index, item))
      continue;
    broken[rule_index(item->rule)] = true;
    json_t *also = item->properties ? json_object_get(item->properties, "also") : NULL;
    size_t i;
    json_t *id;
    json_array_foreach(also, i, id) {
      const rule_doc *rule = json_is_string(id) ? rule_find(json_string_value(id)) : NULL;
      if (rule)
        broken[rule_index(rule)] = true;
    }
  }
  for (size_t r = 0; r < strata_rule_count; r++)
    if (broken[r])
      fprintf(out, " [%s]", strata_rules[r].id);
  free(broken);
  fputc('\n', out);
  if (edge->origin && edge->origin->statement)
    fprintf(out, "    %s\n", edge->origin->statement);
}

// Marks the files name stands for; false after printing that it names none.
static bool why__select(const analysis *result, const strata_config *config, const char *name,
                        bool *selected, graph_selection_kind *kind) {
  if (graph_path_select(result->graph, config, name, selected, kind))
    return true;
  fprintf(stderr, "strata why: '%s' names no component, file or module of the tree\n", name);
  return false;
}

int cmd_why(int argc, char **argv) {
  why_state state = {0};
  int first;
  bool help;
  if (!cli_parse_options(argc, argv, &why_spec, why__option, &state, &first, &help))
    return EXIT_ERROR;
  if (help)
    return EXIT_CLEAN;
  int given = argc - first;
  if (given < 2 || given > 3) {
    fprintf(stderr, "strata why: give FROM, TO and at most one PATH; see 'strata why --help'\n");
    return EXIT_ERROR;
  }
  const char *from_name = argv[first];
  const char *to_name = argv[first + 1];
  const char *root = given == 3 ? argv[first + 2] : ".";
  strata_config *config = cli_load_config("why", state.shared.config_path, root);
  if (!config)
    return EXIT_ERROR;
  int status = EXIT_ERROR;
  char *error = NULL;
  bool *from = NULL, *to = NULL;
  uint32_t *chain = NULL;
  char *from_text = NULL, *to_text = NULL;
  analysis_options options = cli_analysis_options(&state.shared, true);
  analysis *result = analysis_run(root, config, &options, &error);
  if (!result) {
    fprintf(stderr, "strata why: %s\n", error);
    free(error);
    goto cleanup;
  }
  cli_print_notices(result->notices);
  from = xcalloc(result->graph->file_count + 1, sizeof(bool));
  to = xcalloc(result->graph->file_count + 1, sizeof(bool));
  graph_selection_kind from_kind, to_kind;
  if (!why__select(result, config, from_name, from, &from_kind) ||
      !why__select(result, config, to_name, to, &to_kind))
    goto cleanup;
  from_text = why__describe(from_kind, from_name);
  to_text = why__describe(to_kind, to_name);
  size_t length = graph_path_shortest(result->graph, from, to, &chain);
  if (length == 0) {
    printf("no path from %s to %s\n", from_text, to_text);
    status = fflush(stdout) == 0 ? EXIT_FINDINGS : EXIT_ERROR;
    goto cleanup;
  }
  printf("%s reaches %s in %zu step%s:\n", from_text, to_text, length, length == 1 ? "" : "s");
  bool across = false;
  for (size_t step = 0; step < length; step++)
    across |= graph_edge_is_bridge(&result->graph->edges[chain[step]]);
  for (size_t step = 0; step < length; step++)
    why__step(stdout, result, config, chain[step], across);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "strata why: cannot write to standard output\n");
    goto cleanup;
  }
  status = EXIT_CLEAN;
cleanup:
  free(from_text);
  free(to_text);
  free(chain);
  free(from);
  free(to);
  analysis_delete(result);
  config_delete(config);
  return status;
}
