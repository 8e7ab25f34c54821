// Unit tests for the transitive contracts' reachability and shortest
// chains (graph_reach.c), on small graphs built edge by edge.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "graph_reach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODULE (1u << FACT_SCOPE_MODULE)
#define EVERY ((1u << FACT_SCOPE_MODULE) | (1u << FACT_SCOPE_FUNCTION))

// Files a..h (indices 0..7); edges "xy" (module scope) or "xy!" (function
// scope): a->b, b->c, c->b (a cycle), c->d, d->e (in a function), a->f,
// f->d, h->a; g stands alone.
static graph *graph_make(void) {
  static const char *const edges[] = {"ab", "bc", "cb", "cd", "de!", "af", "fd", "ha"};
  graph *self = graph_new();
  for (char name = 'a'; name <= 'h'; name++) {
    char path[8];
    snprintf(path, sizeof(path), "%c.py", name);
    graph_add_file(self, path, STRATA_LANG_PYTHON, NULL);
  }
  for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
    graph_edge edge = {.from = (uint32_t)(edges[i][0] - 'a'),
                       .to = (uint32_t)(edges[i][1] - 'a'),
                       .kind = FACT_DEP_IMPORT,
                       .scope = edges[i][2] == '!' ? FACT_SCOPE_FUNCTION : FACT_SCOPE_MODULE,
                       .line = (uint32_t)i + 1,
                       .column = 1};
    graph_add_edge(self, &edge);
  }
  graph_finish_edges(self);
  return self;
}

// The files named by letters as a set (8 entries).
static bool *files_of(const char *letters) {
  bool *set = calloc(8, sizeof(bool));
  for (const char *c = letters; *c; c++)
    set[*c - 'a'] = true;
  return set;
}

// The letters of the files that lead to targets.
static void leading(graph_reach *reach, const bool *targets, char *out) {
  uint64_t *mask = graph_reach_mask(reach, targets);
  for (uint32_t f = 0; f < 8; f++)
    if (graph_reach_leads_to(reach, f, mask))
      *out++ = (char)('a' + f);
  *out = '\0';
  free(mask);
}

static void test_reach_through_cycles(void **state) {
  (void)state;
  graph *g = graph_make();
  bool *targets = files_of("bd");
  graph_reach *reach = graph_reach_new(g, MODULE, NULL, targets);
  char letters[9];
  bool *d = files_of("d");
  leading(reach, d, letters);
  // d itself does not (no chain of one or more edges back to it); g never.
  assert_string_equal(letters, "abcfh");
  bool *b = files_of("b");
  leading(reach, b, letters);
  // b reaches itself round its cycle with c.
  assert_string_equal(letters, "abch");
  graph_reach_delete(reach);
  free(targets);
  free(d);
  free(b);
  graph_delete(g);
}

static void test_reach_scopes(void **state) {
  (void)state;
  graph *g = graph_make();
  bool *e = files_of("e");
  char letters[9];
  graph_reach *module_only = graph_reach_new(g, MODULE, NULL, e);
  leading(module_only, e, letters);
  assert_string_equal(letters, ""); // d imports e only inside a function
  graph_reach *every = graph_reach_new(g, EVERY, NULL, e);
  leading(every, e, letters);
  assert_string_equal(letters, "abcdfh");
  graph_reach_delete(module_only);
  graph_reach_delete(every);
  free(e);
  graph_delete(g);
}

static void test_reach_skip(void **state) {
  (void)state;
  graph *g = graph_make();
  bool *skip = calloc(g->edge_count, sizeof(bool));
  for (size_t k = 0; k < g->edge_count; k++)
    skip[k] = g->edges[k].to == 3; // every edge into d
  bool *d = files_of("d");
  graph_reach *reach = graph_reach_new(g, MODULE, skip, d);
  char letters[9];
  leading(reach, d, letters);
  assert_string_equal(letters, "");
  for (size_t k = 0; k < g->edge_count; k++)
    assert_int_equal(graph_reach_counts(reach, k), g->edges[k].to != 3 && g->edges[k].to != 4);
  graph_reach_delete(reach);
  free(skip);
  free(d);
  graph_delete(g);
}

// "a.py:1>f.py f.py:7>d.py": a chain as text.
static void chain_text(const graph *g, const graph_chain *chain, char *out, size_t size) {
  out[0] = '\0';
  for (size_t k = 0; k < chain->length; k++) {
    const graph_edge *edge = &g->edges[chain->edges[k]];
    size_t used = strlen(out);
    snprintf(out + used, size - used, "%s%s:%u>%s", k ? " " : "", g->files[edge->from].path,
             edge->line, g->files[edge->to].path);
  }
}

static void test_shortest_chains(void **state) {
  (void)state;
  graph *g = graph_make();
  bool *d = files_of("d");
  graph_reach *reach = graph_reach_new(g, MODULE, NULL, d);
  uint64_t *mask = graph_reach_mask(reach, d);
  bool *stop = files_of("ad");
  graph_chain *chains = NULL;
  size_t count = 0;
  char text[200];
  // a -> f -> d is shorter than a -> b -> c -> d.
  graph_reach_chains(reach, 0, stop, d, mask, &chains, &count);
  assert_int_equal(count, 1);
  assert_int_equal(chains[0].target, 3);
  chain_text(g, &chains[0], text, sizeof(text));
  assert_string_equal(text, "a.py:6>f.py f.py:7>d.py");
  free(chains[0].edges);
  // With f a file no chain may pass through, the longer one is the answer.
  bool *stop_f = files_of("adf");
  count = 0;
  graph_reach_chains(reach, 0, stop_f, d, mask, &chains, &count);
  assert_int_equal(count, 1);
  chain_text(g, &chains[0], text, sizeof(text));
  assert_string_equal(text, "a.py:1>b.py b.py:2>c.py c.py:4>d.py");
  free(chains[0].edges);
  // From g, nothing.
  count = 0;
  graph_reach_chains(reach, 6, stop, d, mask, &chains, &count);
  assert_int_equal(count, 0);
  free(chains);
  free(stop);
  free(stop_f);
  free(mask);
  graph_reach_delete(reach);
  free(d);
  graph_delete(g);
}

// A chain of 50,000 imports: no recursion deep enough to overflow a stack.
static void test_long_chain(void **state) {
  (void)state;
  enum { LENGTH = 50000 };
  graph *g = graph_new();
  for (uint32_t i = 0; i < LENGTH; i++) {
    char path[32];
    snprintf(path, sizeof(path), "m%06u.py", i);
    graph_add_file(g, path, STRATA_LANG_PYTHON, NULL);
  }
  for (uint32_t i = 0; i + 1 < LENGTH; i++) {
    graph_edge edge = {.from = i, .to = i + 1, .kind = FACT_DEP_IMPORT, .line = 1, .column = 1};
    graph_add_edge(g, &edge);
  }
  graph_finish_edges(g);
  bool *last = calloc(LENGTH, sizeof(bool));
  last[LENGTH - 1] = true;
  graph_reach *reach = graph_reach_new(g, MODULE, NULL, last);
  uint64_t *mask = graph_reach_mask(reach, last);
  assert_true(graph_reach_leads_to(reach, 0, mask));
  assert_false(graph_reach_leads_to(reach, LENGTH - 1, mask));
  graph_chain *chains = NULL;
  size_t count = 0;
  bool *stop = calloc(LENGTH, sizeof(bool));
  stop[0] = stop[LENGTH - 1] = true;
  graph_reach_chains(reach, 0, stop, last, mask, &chains, &count);
  assert_int_equal(count, 1);
  assert_int_equal(chains[0].length, LENGTH - 1);
  free(chains[0].edges);
  free(chains);
  free(stop);
  free(mask);
  free(last);
  graph_reach_delete(reach);
  graph_delete(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reach_through_cycles), cmocka_unit_test(test_reach_scopes),
      cmocka_unit_test(test_reach_skip),           cmocka_unit_test(test_shortest_chains),
      cmocka_unit_test(test_long_chain),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
