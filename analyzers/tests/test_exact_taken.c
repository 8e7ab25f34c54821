// Unit tests for exact_tu.c (a unit's facts survive the cache's encoding;
// damaged bytes are refused) and graph_taken.c (the join onto the graph).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "exact_tu.h"
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static exact_tu *sample_unit(void) {
  exact_tu *tu = exact_tu_new();
  uint32_t unit = exact_tu_file(tu, "/work/src/main.c");
  uint32_t header = exact_tu_file(tu, "/work/src/a.h");
  assert_int_equal(exact_tu_file(tu, "/work/src/main.c"), unit);
  exact_tu_add_inclusion(tu, unit, 3, 1, header, "a.h");
  exact_tu_add_inclusion(tu, header, 2, 1, EXACT_NO_FILE, "gen/version.h");
  exact_tu_add_inclusion(tu, unit, 3, 1, header, "a.h"); // the device side took it too
  exact_tu_add_problem(tu, header, 2, 1, "'gen/version.h' is not found");
  exact_tu_add_problem(tu, header, 2, 1, "'gen/version.h' is not found");
  exact_tu_add_unknown_flag(tu, "-fconserve-stack");
  exact_tu_finish(tu);
  return tu;
}

static void test_finish_keeps_one_of_each(void **state) {
  (void)state;
  exact_tu *tu = sample_unit();
  assert_int_equal(tu->inclusion_count, 2);
  assert_int_equal(tu->inclusions[0].includer, 0);
  assert_int_equal(tu->inclusions[1].included, EXACT_NO_FILE);
  assert_int_equal(tu->problem_count, 1);
  exact_tu_delete(tu);
}

static void test_round_trip_and_damage(void **state) {
  (void)state;
  exact_tu *tu = sample_unit();
  strbuf bytes;
  strbuf_init(&bytes);
  exact_tu_encode(tu, &bytes);
  exact_tu *back =
      exact_tu_decode(bytes.data, bytes.length, (const char *const *)tu->files, tu->file_count);
  assert_non_null(back);
  assert_int_equal(back->file_count, 2);
  assert_string_equal(back->files[1], "/work/src/a.h");
  assert_int_equal(back->inclusion_count, 2);
  assert_string_equal(back->inclusions[1].spelled, "gen/version.h");
  assert_int_equal(back->inclusions[0].line, 3);
  assert_string_equal(back->problems[0].message, "'gen/version.h' is not found");
  assert_string_equal(back->unknown_flags[0], "-fconserve-stack");
  exact_tu_delete(back);
  // Every truncation is refused, and so is an index past the file list.
  for (size_t length = 0; length < bytes.length; length++)
    assert_null(exact_tu_decode(bytes.data, length, (const char *const *)tu->files, 2));
  assert_null(exact_tu_decode(bytes.data, bytes.length, (const char *const *)tu->files, 1));
  strbuf_release(&bytes);
  exact_tu_delete(tu);
}

// A graph of paths with one include fact each (line 1 unless given).
static fact_dependency *add_include(file_facts *facts, uint32_t line, const char *target) {
  fact_dependency *dependency = file_facts_add_dependency(facts);
  dependency->kind = FACT_DEP_INCLUDE;
  dependency->line = line;
  dependency->column = 1;
  dependency->target = strdup(target);
  char statement[128];
  snprintf(statement, sizeof(statement), "#include \"%s\"", target);
  dependency->statement = strdup(statement);
  return dependency;
}

static void test_join_marks_adds_and_leaves_unknown(void **state) {
  (void)state;
  graph *g = graph_new();
  notice_list *notices = notice_list_new();
  file_facts *main_facts = file_facts_new();
  add_include(main_facts, 1, "a.h");
  add_include(main_facts, 2, "b.h");
  add_include(main_facts, 3, "config.h"); // strata finds stale/config.h, the build gen/config.h
  add_include(main_facts, 4, "sys.h");    // no file of the tree
  file_facts *orphan_facts = file_facts_new();
  add_include(orphan_facts, 1, "a.h");
  graph_add_file(g, "a.h", STRATA_LANG_CPP, NULL);
  graph_add_file(g, "b.h", STRATA_LANG_CPP, NULL);
  graph_add_file(g, "gen/config.h", STRATA_LANG_CPP, NULL);
  graph_add_file(g, "main.c", STRATA_LANG_C, main_facts);
  graph_add_file(g, "orphan.h", STRATA_LANG_CPP, orphan_facts);
  graph_add_file(g, "stale/config.h", STRATA_LANG_CPP, NULL);
  char *dirs[] = {".", "stale"};
  strata_config config = {.cxx_include_dirs = dirs, .cxx_include_dir_count = 2};
  graph_build(g, &config, notices);
  assert_int_equal(g->edge_count, 4);

  graph_taken_include includes[] = {
      {"main.c", 1, "a.h", 2},
      {"main.c", 3, "gen/config.h", 1},
      {"main.c", 4, NULL, 2},
      {"excluded.c", 1, "a.h", 1}, // no file of the graph: ignored
  };
  const char *opened[] = {"main.c", "a.h", "gen/config.h"};
  uint32_t opened_units[] = {2, 2, 1};
  graph_taken_build build = {includes, 4, opened, opened_units, 3, 2};
  graph_mark_taken(g, &build);
  assert_true(g->exact);
  assert_int_equal(g->exact_units, 2);
  assert_int_equal(g->files[3].opened_by, 2);
  assert_int_equal(g->files[4].opened_by, 0);

  // main.c's edges, in (line, to) order, then orphan.h's.
  assert_int_equal(g->edge_count, 5);
  const graph_edge *edge = &g->edges[g->out_start[3]];
  assert_int_equal(edge[0].line, 1);
  assert_int_equal(edge[0].taken, GRAPH_TAKEN_YES);
  assert_int_equal(edge[0].taken_by, 2);
  assert_int_equal(edge[1].line, 2); // b.h: main.c is opened, the include is not taken
  assert_int_equal(edge[1].taken, GRAPH_TAKEN_NO);
  assert_int_equal(edge[2].line, 3); // the build's gen/config.h, added with its origin
  assert_string_equal(g->files[edge[2].to].path, "gen/config.h");
  assert_int_equal(edge[2].taken, GRAPH_TAKEN_YES);
  assert_ptr_equal(edge[2].origin, &main_facts->dependencies[2]);
  assert_int_equal(edge[3].line, 3); // strata's stale/config.h, not taken
  assert_string_equal(g->files[edge[3].to].path, "stale/config.h");
  assert_int_equal(edge[3].taken, GRAPH_TAKEN_NO);
  const graph_edge *orphan = &g->edges[g->out_start[4]];
  assert_int_equal(orphan->taken, GRAPH_TAKEN_UNKNOWN); // no unit opens orphan.h

  assert_int_equal(g->unresolved_count, 1);
  assert_int_equal(g->unresolved[0].taken, GRAPH_TAKEN_YES);
  assert_int_equal(g->unresolved[0].taken_by, 2);

  graph_keep_taken(g);
  assert_int_equal(g->edge_count, 2);
  graph_delete(g);
  notice_list_delete(notices);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_finish_keeps_one_of_each),
      cmocka_unit_test(test_round_trip_and_damage),
      cmocka_unit_test(test_join_marks_adds_and_leaves_unknown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
