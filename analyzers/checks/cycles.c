// Tarjan's algorithm, iterative (a 9,000-file graph must not be limited by
// the C stack), then a breadth-first search inside each component for a
// shortest cycle. Files are in path order and edges in (from, line) order,
// so the cycle found does not depend on the file system.
//
// Waived edges (a suppression on the line of an import on the cycle shown,
// or an allowance) are dropped and the component searched again: what
// still cycles without them is reported.
//
// In exact mode, cycles are first searched without the includes no unit of
// the build takes; then, unless the rule's `untaken` drops them, the
// groups that cycle only through such includes are reported again as
// notes (or as usual, with `report`).
#include "cycles.h"

#include "edge_finding.h"
#include "json_text.h"

#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct tarjan_frame {
  uint32_t node;
  size_t next_edge;
} tarjan_frame;

typedef struct cycle_search {
  const graph *graph;
  cycle_edge_filter *filter;
  const bool *dropped; // per edge: waived, so left out; NULL when none is
  uint32_t *component; // per file: component id, UINT32_MAX while unassigned
  uint32_t component_count;
} cycle_search;

static bool cycles__takes(const cycle_search *self, size_t edge_index) {
  return self->filter(&self->graph->edges[edge_index]) &&
         !(self->dropped && self->dropped[edge_index]);
}

static void cycles__tarjan(cycle_search *self);

uint32_t *cycles_component_ids(const graph *dependency_graph, cycle_edge_filter *filter,
                               uint32_t *component_count) {
  uint32_t *ids = xmalloc((dependency_graph->file_count + 1) * sizeof(uint32_t));
  cycle_search search = {dependency_graph, filter, NULL, ids, 0};
  cycles__tarjan(&search);
  *component_count = search.component_count;
  return ids;
}

static void cycles__tarjan(cycle_search *self) {
  size_t count = self->graph->file_count;
  uint32_t *index = xmalloc(count * sizeof(uint32_t));
  uint32_t *low = xmalloc(count * sizeof(uint32_t));
  bool *on_stack = xcalloc(count, sizeof(bool));
  uint32_t *stack = xmalloc(count * sizeof(uint32_t));
  tarjan_frame *frames = xmalloc(count * sizeof(tarjan_frame));
  for (size_t i = 0; i < count; i++) {
    index[i] = UINT32_MAX;
    self->component[i] = UINT32_MAX;
  }
  uint32_t next_index = 0;
  size_t stack_size = 0;
  for (uint32_t start = 0; start < count; start++) {
    if (index[start] != UINT32_MAX)
      continue;
    size_t depth = 0;
    frames[depth++] = (tarjan_frame){start, self->graph->out_start[start]};
    index[start] = low[start] = next_index++;
    stack[stack_size++] = start;
    on_stack[start] = true;
    while (depth > 0) {
      tarjan_frame *frame = &frames[depth - 1];
      uint32_t node = frame->node;
      if (frame->next_edge < self->graph->out_start[node + 1]) {
        size_t edge_index = frame->next_edge++;
        if (!cycles__takes(self, edge_index))
          continue;
        const graph_edge *edge = &self->graph->edges[edge_index];
        uint32_t target = edge->to;
        if (index[target] == UINT32_MAX) {
          index[target] = low[target] = next_index++;
          stack[stack_size++] = target;
          on_stack[target] = true;
          frames[depth++] = (tarjan_frame){target, self->graph->out_start[target]};
        } else if (on_stack[target] && index[target] < low[node]) {
          low[node] = index[target];
        }
        continue;
      }
      if (low[node] == index[node]) {
        uint32_t member;
        do {
          member = stack[--stack_size];
          on_stack[member] = false;
          self->component[member] = self->component_count;
        } while (member != node);
        self->component_count++;
      }
      depth--;
      if (depth > 0) {
        uint32_t parent = frames[depth - 1].node;
        if (low[node] < low[parent])
          low[parent] = low[node];
      }
    }
  }
  free(index);
  free(low);
  free(on_stack);
  free(stack);
  free(frames);
}

// Shortest cycle through start inside its component, as the edges taken
// (into *path, length returned); 0 when there is none.
static size_t cycles__shortest_from(const cycle_search *self, uint32_t start,
                                    uint32_t *previous_edge, uint32_t *queue, uint32_t *seen,
                                    uint32_t stamp, uint32_t *path) {
  const graph *g = self->graph;
  uint32_t component = self->component[start];
  size_t head = 0, tail = 0;
  queue[tail++] = start;
  seen[start] = stamp;
  while (head < tail) {
    uint32_t node = queue[head++];
    for (size_t e = g->out_start[node]; e < g->out_start[node + 1]; e++) {
      const graph_edge *edge = &g->edges[e];
      if (!cycles__takes(self, e) || self->component[edge->to] != component)
        continue;
      if (edge->to == start) {
        size_t length = 0;
        uint32_t at = (uint32_t)e;
        for (;;) {
          path[length++] = at;
          uint32_t from = g->edges[at].from;
          if (from == start)
            break;
          at = previous_edge[from];
        }
        // Collected backwards: put the cycle in walking order.
        for (size_t i = 0; i < length / 2; i++) {
          uint32_t swap = path[i];
          path[i] = path[length - 1 - i];
          path[length - 1 - i] = swap;
        }
        return length;
      }
      if (seen[edge->to] == stamp)
        continue;
      seen[edge->to] = stamp;
      previous_edge[edge->to] = (uint32_t)e;
      queue[tail++] = edge->to;
    }
  }
  return 0;
}

static const char *cycles__name(const graph_file *file) {
  return file->module ? file->module : file->path;
}

static int cycles__compare_strings(const void *left, const void *right) {
  return strcmp(*(const char *const *)left, *(const char *const *)right);
}

// How one search treats the includes no unit of the build takes.
typedef struct cycles_pass {
  bool skip_untaken; // leave them out of the graph searched
  const bool *skip;  // per file: a group holding one is not reported; NULL for none
  bool *reported;    // per file: set for the members of each group reported; may be NULL
  bool demote;       // report at level note, naming the include no unit takes
} cycles_pass;

// " (no translation unit of the build takes 'a.h' line 3 under '#if X')"
// for the first untaken include of cycle; false when it has none.
static bool cycles__untaken_append(const graph *g, const uint32_t *cycle, size_t cycle_length,
                                   strbuf *out) {
  for (size_t i = 0; i < cycle_length; i++) {
    const graph_edge *edge = &g->edges[cycle[i]];
    if (edge->taken != GRAPH_TAKEN_NO)
      continue;
    strbuf_printf(out, " (no translation unit of the build takes '%s' line %u",
                  g->files[edge->from].path, edge->line);
    const char *condition = edge_condition(edge);
    if (condition)
      strbuf_printf(out, " under '#if %s'", condition);
    strbuf_append_char(out, ')');
    return true;
  }
  return false;
}

static void cycles__report_component(const check_context *context, const cycles_pass *pass,
                                     const uint32_t *members, size_t member_count,
                                     const uint32_t *cycle, size_t cycle_length, const char *verb,
                                     const char *noun) {
  const graph *g = context->graph;
  const graph_edge *first = &g->edges[cycle[0]];
  strbuf shown;
  strbuf_init(&shown);
  // A cycle across the bridge names each hop's language.
  bool across = false;
  for (size_t i = 0; i < cycle_length; i++)
    across |= graph_edge_is_bridge(&g->edges[cycle[i]]);
  for (size_t i = 0; i < cycle_length; i++) {
    const graph_file *hop = &g->files[g->edges[cycle[i]].from];
    strbuf_append_str(&shown, cycles__name(hop));
    if (across)
      strbuf_printf(&shown, " (%s)", strata_language_name(hop->language));
    strbuf_append_str(&shown, " -> ");
  }
  strbuf_append_str(&shown, cycles__name(&g->files[first->from]));
  if (across)
    strbuf_printf(&shown, " (%s)", strata_language_name(g->files[first->from].language));
  if (member_count > cycle_length)
    strbuf_printf(&shown, " (one cycle of a strongly connected group of %zu files)", member_count);
  bool demote = pass->demote && cycles__untaken_append(g, cycle, cycle_length, &shown);
  finding *item = finding_list_add(context->findings, context->rule, g->files[first->from].path,
                                   first->line, first->column, "%s cycle: %s", noun, shown.data);
  if (demote)
    item->level = RULE_LEVEL_NOTE;
  if (first->origin)
    finding_location_set_end(&item->location, first->origin->end_line, first->origin->end_column);

  json_t *properties = json_object();
  const char **names = xmalloc(member_count * sizeof(char *));
  for (size_t i = 0; i < member_count; i++) {
    names[i] = cycles__name(&g->files[members[i]]);
    finding_add_involved(item, g->files[members[i]].path);
  }
  qsort(names, member_count, sizeof(char *), cycles__compare_strings);
  json_t *member_array = json_array();
  for (size_t i = 0; i < member_count; i++)
    json_array_append_new(member_array, json_text_string(names[i]));
  json_object_set_new(properties, "members", member_array);
  json_t *cycle_array = json_array();
  // The fingerprint: the rule, the component's files and the statements of
  // the cycle shown; no line numbers, so moving code does not change it.
  const char **parts = xmalloc((member_count + cycle_length) * sizeof(char *));
  for (size_t i = 0; i < member_count; i++)
    parts[i] = names[i];
  for (size_t i = 0; i < cycle_length; i++) {
    const graph_edge *edge = &g->edges[cycle[i]];
    const graph_file *from = &g->files[edge->from];
    const graph_file *to = &g->files[edge->to];
    json_array_append_new(cycle_array, json_text_string(cycles__name(from)));
    char *message =
        xasprintf("%s %s %s", cycles__name(from),
                  graph_edge_is_bridge(edge) ? edge_verb(edge) : verb, cycles__name(to));
    finding_add_related(item, from->path, edge->line, edge->column, message);
    if (edge->origin)
      finding_location_set_end(&item->related[item->related_count - 1], edge->origin->end_line,
                               edge->origin->end_column);
    free(message);
    parts[member_count + i] =
        edge->origin && edge->origin->statement ? edge->origin->statement : "";
  }
  json_array_append_new(cycle_array, json_text_string(cycles__name(&g->files[first->from])));
  json_object_set_new(properties, "cycle", cycle_array);
  item->properties = properties;
  finding_set_fingerprint(item, parts, member_count + cycle_length);
  free(parts);
  free(names);
  strbuf_release(&shown);
}

// Drops the waived edges of cycle (marking their waivers used). Returns
// whether there was one.
static bool cycles__drop_waived(const check_context *context, const uint32_t *cycle,
                                size_t cycle_length, bool *dropped) {
  if (!context->waivers)
    return false;
  bool any = false;
  for (size_t i = 0; i < cycle_length; i++) {
    if (waivers_excuse_edge(context->waivers, &context->graph->edges[cycle[i]],
                            context->rule->id)) {
      dropped[cycle[i]] = true;
      any = true;
    }
  }
  return any;
}

static void cycles__report_pass(const check_context *context, cycle_edge_filter *filter,
                                const char *verb, const char *noun, const cycles_pass *pass) {
  const graph *g = context->graph;
  size_t count = g->file_count;
  bool *dropped = xcalloc(g->edge_count + 1, sizeof(bool));
  for (size_t e = 0; pass->skip_untaken && e < g->edge_count; e++)
    dropped[e] = g->edges[e].taken == GRAPH_TAKEN_NO;
  cycle_search search = {g, filter, dropped, xmalloc(count * sizeof(uint32_t)), 0};
  uint32_t *sizes = xcalloc(count + 1, sizeof(uint32_t));
  uint32_t *members = xmalloc(count * sizeof(uint32_t));
  uint32_t *fill = xmalloc((count + 1) * sizeof(uint32_t));
  uint32_t *previous_edge = xmalloc(count * sizeof(uint32_t));
  uint32_t *queue = xmalloc(count * sizeof(uint32_t));
  uint32_t *seen = xcalloc(count, sizeof(uint32_t));
  uint32_t *path = xmalloc((count + 1) * sizeof(uint32_t));
  uint32_t *best = xmalloc((count + 1) * sizeof(uint32_t));
  // A component is searched while one of its files is dirty: every file at
  // first, then the files of components that lost a waived edge. Others
  // were reported already, and dropping edges elsewhere cannot change them.
  bool *dirty = xmalloc(count * sizeof(bool));
  bool *dirty_next = xcalloc(count, sizeof(bool));
  for (size_t i = 0; i < count; i++)
    dirty[i] = true;
  uint32_t stamp = 0;
  for (bool again = true; again;) {
    again = false;
    search.component_count = 0;
    cycles__tarjan(&search);
    // Members of each component in file order (bucket by component id).
    memset(sizes, 0, (search.component_count + 1) * sizeof(uint32_t));
    for (size_t i = 0; i < count; i++)
      sizes[search.component[i] + 1]++;
    for (uint32_t c = 0; c < search.component_count; c++)
      sizes[c + 1] += sizes[c];
    memcpy(fill, sizes, (search.component_count + 1) * sizeof(uint32_t));
    for (uint32_t i = 0; i < count; i++)
      members[fill[search.component[i]]++] = i;

    for (uint32_t c = 0; c < search.component_count; c++) {
      const uint32_t *group = members + sizes[c];
      size_t group_size = sizes[c + 1] - sizes[c];
      if (group_size < 2 || !dirty[group[0]])
        continue;
      bool skipped = false;
      for (size_t m = 0; pass->skip && m < group_size && !skipped; m++)
        skipped = pass->skip[group[m]];
      if (skipped)
        continue; // reported already, through includes the build takes
      size_t best_length = 0;
      for (size_t m = 0; m < group_size; m++) {
        // Nothing is shorter than two files; stop searching once found.
        if (best_length == 2)
          break;
        size_t length =
            cycles__shortest_from(&search, group[m], previous_edge, queue, seen, ++stamp, path);
        if (length > 0 && (best_length == 0 || length < best_length)) {
          best_length = length;
          memcpy(best, path, length * sizeof(uint32_t));
        }
      }
      if (best_length == 0)
        continue;
      if (cycles__drop_waived(context, best, best_length, dropped)) {
        for (size_t m = 0; m < group_size; m++)
          dirty_next[group[m]] = true;
        again = true;
        continue;
      }
      cycles__report_component(context, pass, group, group_size, best, best_length, verb, noun);
      for (size_t m = 0; pass->reported && m < group_size; m++)
        pass->reported[group[m]] = true;
    }
    bool *swap = dirty;
    dirty = dirty_next;
    dirty_next = swap;
    memset(dirty_next, 0, count * sizeof(bool));
  }
  free(dirty);
  free(dirty_next);
  free(previous_edge);
  free(queue);
  free(seen);
  free(path);
  free(best);
  free(sizes);
  free(fill);
  free(members);
  free(search.component);
  free(dropped);
}

void cycles_report(const check_context *context, cycle_edge_filter *filter, const char *verb,
                   const char *noun) {
  size_t count = context->graph->file_count;
  if (count == 0)
    return;
  config_untaken policy = edge_untaken_policy(context);
  if (policy == CONFIG_UNTAKEN_REPORT) {
    cycles__report_pass(context, filter, verb, noun, &(cycles_pass){0});
    return;
  }
  bool *reported = xcalloc(count, sizeof(bool));
  cycles__report_pass(context, filter, verb, noun,
                      &(cycles_pass){.skip_untaken = true, .reported = reported});
  if (policy == CONFIG_UNTAKEN_NOTE)
    cycles__report_pass(context, filter, verb, noun,
                        &(cycles_pass){.skip = reported, .demote = true});
  free(reported);
}
