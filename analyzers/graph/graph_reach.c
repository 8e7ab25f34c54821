#include "graph_reach.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct graph_reach {
  const graph *graph;
  uint32_t scopes;
  const bool *skip;
  // The targets, numbered: column[file] is the file's bit, or UINT32_MAX.
  uint32_t *column;
  size_t words; // per bit set
  // component[file]: its strongly connected component; reach[c * words ..]:
  // the targets a chain from a file of c leads to.
  uint32_t *component;
  uint64_t *reach;
  // Scratch of graph_reach_chains: when each file was last seen, and the
  // edge that reached it.
  uint32_t *seen;
  uint32_t stamp;
  uint32_t *via;
  uint32_t *queue;
};

bool graph_reach_counts(const graph_reach *self, size_t edge) {
  const graph_edge *at = &self->graph->edges[edge];
  return (self->scopes & (1u << at->scope)) && !(self->skip && self->skip[edge]);
}

// Tarjan's algorithm without recursion (a chain of thousands of imports
// would overflow the stack). Components come out sinks first, so each one's
// reach is complete when the components it leads to are.
static void graph_reach__components(graph_reach *self) {
  const graph *g = self->graph;
  size_t n = g->file_count;
  uint32_t *index = xcalloc(n + 1, sizeof(uint32_t)); // 0: not yet visited
  uint32_t *low = xcalloc(n + 1, sizeof(uint32_t));
  bool *on_stack = xcalloc(n + 1, sizeof(bool));
  uint32_t *stack = xcalloc(n + 1, sizeof(uint32_t));
  uint32_t *call = xcalloc(n + 1, sizeof(uint32_t)); // files being visited, outermost first
  size_t *next_edge = xcalloc(n + 1, sizeof(size_t));
  size_t stack_size = 0, call_size = 0;
  uint32_t counter = 0, components = 0;
  for (size_t root = 0; root < n; root++) {
    if (index[root])
      continue;
    call[call_size++] = (uint32_t)root;
    index[root] = low[root] = ++counter;
    next_edge[root] = g->out_start[root];
    stack[stack_size++] = (uint32_t)root;
    on_stack[root] = true;
    while (call_size) {
      uint32_t file = call[call_size - 1];
      bool descended = false;
      while (next_edge[file] < g->out_start[file + 1]) {
        size_t e = next_edge[file]++;
        if (!graph_reach_counts(self, e))
          continue;
        uint32_t to = g->edges[e].to;
        if (!index[to]) {
          index[to] = low[to] = ++counter;
          next_edge[to] = g->out_start[to];
          stack[stack_size++] = to;
          on_stack[to] = true;
          call[call_size++] = to;
          descended = true;
          break;
        }
        if (on_stack[to] && index[to] < low[file])
          low[file] = index[to];
      }
      if (descended)
        continue;
      call_size--;
      if (call_size) {
        uint32_t parent = call[call_size - 1];
        if (low[file] < low[parent])
          low[parent] = low[file];
      }
      if (low[file] != index[file])
        continue;
      // file roots a component: its members are on the stack above it.
      uint32_t c = components++;
      uint64_t *reach = &self->reach[(size_t)c * self->words];
      size_t first = stack_size;
      do {
        first--;
        on_stack[stack[first]] = false;
        self->component[stack[first]] = c;
      } while (stack[first] != file);
      for (size_t k = first; k < stack_size; k++) {
        uint32_t member = stack[k];
        for (size_t e = g->out_start[member]; e < g->out_start[member + 1]; e++) {
          if (!graph_reach_counts(self, e))
            continue;
          uint32_t to = g->edges[e].to;
          if (self->column[to] != UINT32_MAX)
            reach[self->column[to] / 64] |= (uint64_t)1 << (self->column[to] % 64);
          uint32_t other = self->component[to];
          if (other == c)
            continue;
          const uint64_t *further = &self->reach[(size_t)other * self->words];
          for (size_t w = 0; w < self->words; w++)
            reach[w] |= further[w];
        }
      }
      stack_size = first;
    }
  }
  free(index);
  free(low);
  free(on_stack);
  free(stack);
  free(call);
  free(next_edge);
}

graph_reach *graph_reach_new(const graph *dependency_graph, uint32_t scopes, const bool *skip,
                             const bool *targets) {
  graph_reach *self = xcalloc(1, sizeof(graph_reach));
  size_t n = dependency_graph->file_count;
  self->graph = dependency_graph;
  self->scopes = scopes;
  self->skip = skip;
  self->column = xmalloc((n + 1) * sizeof(uint32_t));
  uint32_t columns = 0;
  for (size_t i = 0; i < n; i++)
    self->column[i] = targets[i] ? columns++ : UINT32_MAX;
  self->words = (columns + 63) / 64;
  if (self->words == 0)
    self->words = 1;
  self->component = xcalloc(n + 1, sizeof(uint32_t));
  self->reach = xcalloc((n + 1) * self->words, sizeof(uint64_t));
  self->seen = xcalloc(n + 1, sizeof(uint32_t));
  self->via = xcalloc(n + 1, sizeof(uint32_t));
  self->queue = xcalloc(n + 1, sizeof(uint32_t));
  graph_reach__components(self);
  return self;
}

void graph_reach_delete(graph_reach *self) {
  if (!self)
    return;
  free(self->column);
  free(self->component);
  free(self->reach);
  free(self->seen);
  free(self->via);
  free(self->queue);
  free(self);
}

uint64_t *graph_reach_mask(const graph_reach *self, const bool *files) {
  uint64_t *mask = xcalloc(self->words, sizeof(uint64_t));
  for (size_t i = 0; i < self->graph->file_count; i++)
    if (files[i] && self->column[i] != UINT32_MAX)
      mask[self->column[i] / 64] |= (uint64_t)1 << (self->column[i] % 64);
  return mask;
}

bool graph_reach_leads_to(const graph_reach *self, uint32_t file, const uint64_t *mask) {
  const uint64_t *reach = &self->reach[(size_t)self->component[file] * self->words];
  for (size_t w = 0; w < self->words; w++)
    if (reach[w] & mask[w])
      return true;
  return false;
}

void graph_reach_chains(graph_reach *self, uint32_t from, const bool *stop, const bool *targets,
                        const uint64_t *mask, graph_chain **chains, size_t *count) {
  const graph *g = self->graph;
  if (!graph_reach_leads_to(self, from, mask))
    return;
  if (++self->stamp == 0) { // wrapped: forget every old mark
    memset(self->seen, 0, g->file_count * sizeof(uint32_t));
    self->stamp = 1;
  }
  size_t head = 0, tail = 0;
  self->seen[from] = self->stamp;
  self->queue[tail++] = from;
  while (head < tail) {
    uint32_t file = self->queue[head++];
    for (size_t e = g->out_start[file]; e < g->out_start[file + 1]; e++) {
      uint32_t to = g->edges[e].to;
      if (self->seen[to] == self->stamp || !graph_reach_counts(self, e))
        continue;
      bool target = targets[to];
      bool onward = !stop[to] && graph_reach_leads_to(self, to, mask);
      if (!target && !onward)
        continue; // leads to no target, or may not be passed through
      self->seen[to] = self->stamp;
      self->via[to] = (uint32_t)e;
      if (target) {
        size_t length = 1;
        for (uint32_t at = file; at != from; at = g->edges[self->via[at]].from)
          length++;
        graph_chain chain = {to, xmalloc(length * sizeof(uint32_t)), length};
        uint32_t at = to;
        for (size_t k = length; k-- > 0;) {
          chain.edges[k] = self->via[at];
          at = g->edges[self->via[at]].from;
        }
        *chains = xrealloc(*chains, (*count + 1) * sizeof(graph_chain));
        (*chains)[(*count)++] = chain;
      }
      if (onward)
        self->queue[tail++] = to;
    }
  }
}
