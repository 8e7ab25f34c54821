// Unit tests for the map writers (report_dot.c, report_svg.c,
// report_mermaid.c, report_metrics.c) on file names that are syntax in each
// format: quotes, backslashes, markup, table bars and bytes that are not
// UTF-8.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "graph_metrics.h"
#include "graph_view.h"
#include "report_graphs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Under LeakSanitizer: Graphviz keeps its plugin configuration, font
// caches and some layout scratch for the life of the process (the lit
// tests say the same in lit-tests/support/lsan.supp).
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:libgvc\nleak:libgvplugin_dot_layout\nleak:libgvplugin_pango\n"
         "leak:libfontconfig\nleak:libpango\nleak:libglib\nleak:libcgraph\nleak:libcdt\n";
}

static const char *const odd_paths[] = {
    "a \"quoted\"/x.h", "b\\back/y.h", "c\xff/z.h", "d|pipe/w.h", "e<tag>#`/v.h",
};
#define ODD_COUNT (sizeof(odd_paths) / sizeof(odd_paths[0]))

typedef struct fixture {
  graph *files;
  graph_view *view;
} fixture;

static int fixture_setup(void **state) {
  fixture *self = calloc(1, sizeof(fixture));
  self->files = graph_new();
  for (size_t i = 0; i < ODD_COUNT; i++)
    graph_add_file(self->files, odd_paths[i], STRATA_LANG_CPP, file_facts_new());
  // A chain a -> b -> c -> d -> e, and e -> d to make one cycle.
  for (uint32_t i = 0; i + 1 < ODD_COUNT; i++) {
    graph_edge edge = {.from = i, .to = i + 1, .kind = FACT_DEP_INCLUDE, .line = 1, .column = 1};
    graph_add_edge(self->files, &edge);
  }
  graph_edge back = {.from = 4, .to = 3, .kind = FACT_DEP_INCLUDE, .line = 2, .column = 1};
  graph_add_edge(self->files, &back);
  notice_list *notices = notice_list_new();
  graph_build(self->files, NULL, notices);
  notice_list_delete(notices);
  graph_view_options options = {GRAPH_VIEW_FILE, 0, NULL};
  char *error = NULL;
  self->view = graph_view_new(self->files, NULL, NULL, &options, &error);
  assert_non_null(self->view);
  *state = self;
  return 0;
}

static int fixture_teardown(void **state) {
  fixture *self = *state;
  graph_view_delete(self->view);
  graph_delete(self->files);
  free(self);
  return 0;
}

static void test_dot_quotes_names(void **state) {
  fixture *self = *state;
  strbuf text;
  strbuf_init(&text);
  report_dot_text(&text, self->view);
  assert_non_null(strstr(text.data, "\"a \\\"quoted\\\"/x.h\" -> \"b\\\\back/y.h\""));
  assert_non_null(strstr(text.data, "\"c\xef\xbf\xbd/z.h\""));
  assert_null(strstr(text.data, "\xff"));
  // The cycle d <-> e is orange and dashed.
  assert_non_null(strstr(text.data, "\"d|pipe/w.h\" -> \"e<tag>#`/v.h\" [label=\"1\", "
                                    "color=\"#e69f00\", fontcolor=\"#e69f00\", penwidth=1.5, "
                                    "style=\"dashed\"]"));
  // No layers: no clusters and no rank chain.
  assert_null(strstr(text.data, "cluster"));
  assert_null(strstr(text.data, "style=invis];\n  \"a"));
  strbuf_release(&text);
}

static void test_svg_renders_odd_names(void **state) {
  fixture *self = *state;
  strbuf svg;
  strbuf_init(&svg);
  char *error = NULL;
  assert_true(report_svg_text(&svg, self->view, &error));
  assert_null(error);
  assert_non_null(strstr(svg.data, "<svg"));
  assert_non_null(strstr(svg.data, "a &quot;quoted&quot;/x.h"));
  assert_non_null(strstr(svg.data, "e&lt;tag&gt;#`/v.h"));
  assert_non_null(strstr(svg.data, "</svg>"));
  strbuf_release(&svg);
}

static void test_mermaid_escapes_names(void **state) {
  fixture *self = *state;
  strbuf text;
  strbuf_init(&text);
  size_t links = 0;
  report_mermaid(&text, self->view, &links);
  assert_int_equal(links, 5);
  assert_non_null(strstr(text.data, "n0[\"a #34;quoted#34;/x.h\"]"));
  assert_non_null(strstr(text.data, "n4[\"e#60;tag#62;#35;#96;/v.h\"]"));
  assert_non_null(strstr(text.data, "n2[\"c\xef\xbf\xbd/z.h\"]"));
  assert_non_null(strstr(text.data, "  n3 -.->|\"1\"| n4\n"));
  assert_non_null(strstr(text.data, "  n0 -->|\"1\"| n1\n"));
  assert_non_null(strstr(text.data, "linkStyle 3,4 stroke:#e69f00"));
  strbuf_release(&text);
}

static void test_metrics_markdown_escapes_cells(void **state) {
  fixture *self = *state;
  graph_metrics *metrics = graph_metrics_new(self->view, NULL);
  char *text = NULL;
  size_t length = 0;
  FILE *out = open_memstream(&text, &length);
  assert_true(report_metrics(out, self->view, metrics, REPORT_METRICS_MARKDOWN));
  fclose(out);
  assert_non_null(
      strstr(text, "| d\\|pipe/w.h |  | 1 | 0 | 2 | 2 | 1 | 1 | 0.33 | 0 | 0 | yes |\n"));
  assert_non_null(strstr(text, "| e\\<tag>#\\`/v.h |"));
  assert_non_null(strstr(text, "| a \"quoted\"/x.h |  | 1 | 0 | 0 | 0 | 1 | 1 | 1.00 |"));
  free(text);
  free(metrics);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dot_quotes_names),
      cmocka_unit_test(test_svg_renders_odd_names),
      cmocka_unit_test(test_mermaid_escapes_names),
      cmocka_unit_test(test_metrics_markdown_escapes_cells),
  };
  return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
