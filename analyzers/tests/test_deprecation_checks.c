// Unit tests for the undated-deprecation and expired-deprecation checks and
// the "deprecations" of the graph JSON, on hand-built facts: levels,
// messages, fingerprints, properties, the current version from config or a
// version file, --today, and the notice for a version file that is missing.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_config_fixture.h"
#include "check.h"
#include "report.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void add_site(file_facts *facts, uint32_t line, const char *kind, const char *message,
                     const char *comments, const char *statement) {
  fact_deprecation *site = file_facts_add_deprecation(facts);
  site->line = line;
  site->column = 1;
  site->kind = xstrdup(kind);
  site->message = xstrdup(message);
  site->comments = xstrdup(comments);
  site->statement = xstrdup(statement);
}

// Two files: c10/old.h with C++ sites, torch/old.py with Python ones.
static graph *sites_graph(void) {
  graph *g = graph_new();
  file_facts *header = file_facts_new();
  add_site(header, 3, "[[deprecated]]", "use new_fn", NULL, "[[deprecated(\"use new_fn\")]]");
  add_site(header, 5, "C10_DEPRECATED", "", "// Deprecated since 2.1", "C10_DEPRECATED void f();");
  add_site(header, 7, "TORCH_WARN_DEPRECATION", NULL, NULL, "TORCH_WARN_DEPRECATION(why);");
  add_site(header, 9, "C10_DEPRECATED_MESSAGE", "old_fn will be removed in 2.9", NULL,
           "C10_DEPRECATED_MESSAGE(\"old_fn will be removed in 2.9\")");
  add_site(header, 11, "C10_DEPRECATED_MESSAGE", "old_gn will be removed in 2.10", NULL,
           "C10_DEPRECATED_MESSAGE(\"old_gn will be removed in 2.10\")");
  add_site(header, 13, "[[deprecated]]", "", NULL, "[[deprecated]] void h();");
  graph_add_file(g, "c10/old.h", STRATA_LANG_CPP, header);
  file_facts *module = file_facts_new();
  add_site(module, 2, "warnings.warn", "x is deprecated until June 2025", NULL,
           "warnings.warn(\"x is deprecated until June 2025\", DeprecationWarning)");
  add_site(module, 4, "@deprecated", "since 2025-01-10, removed after 2025-06-30", NULL,
           "@deprecated(\"since 2025-01-10, removed after 2025-06-30\")");
  graph_add_file(g, "torch/old.py", STRATA_LANG_PYTHON, module);
  notice_list *notices = notice_list_new();
  graph_build(g, NULL, notices);
  notice_list_delete(notices);
  return g;
}

static void test_undated(void **state) {
  (void)state;
  graph *g = sites_graph();
  strata_config *config = fixture_config_load("version: 1\n");
  finding_list *findings = finding_list_new();
  check_context context = {
      .graph = g, .config = config, .rule = rule_find("undated-deprecation"), .findings = findings};
  check_undated_deprecation(&context);
  assert_int_equal(findings->count, 3);
  const finding *literal = &findings->items[0];
  assert_string_equal(literal->location.path, "c10/old.h");
  assert_int_equal(literal->location.line, 3);
  assert_int_equal(literal->level, RULE_LEVEL_WARNING);
  assert_string_equal(literal->message,
                      "undated deprecation 'use new_fn': name the version or date it started or "
                      "ends, in the message or a comment above it, as in 'deprecated in 2.4, will "
                      "be removed in 2.6'");
  assert_string_equal(json_string_value(json_object_get(literal->properties, "kind")),
                      "[[deprecated]]");
  assert_true(json_is_null(json_object_get(literal->properties, "since")));
  assert_true(finding_involves(literal, "c10/old.h"));
  // Line 5 is dated by its comment; line 7's text is not a literal: a note.
  const finding *unknown = &findings->items[1];
  assert_int_equal(unknown->location.line, 7);
  assert_int_equal(unknown->level, RULE_LEVEL_NOTE);
  assert_string_equal(unknown->message,
                      "the message of TORCH_WARN_DEPRECATION is not statically known, so whether "
                      "it is dated cannot be told: name the version or date it started or ends, "
                      "in the message or a comment above it, as in 'deprecated in 2.4, will be "
                      "removed in 2.6'");
  const finding *empty = &findings->items[2];
  assert_int_equal(empty->location.line, 13);
  assert_string_equal(empty->message,
                      "undated [[deprecated]] with no message: name the version or date it "
                      "started or ends, in the message or a comment above it, as in 'deprecated "
                      "in 2.4, will be removed in 2.6'");
  // Two sites of the same kind differ by their statement.
  assert_string_not_equal(literal->fingerprint, empty->fingerprint);
  finding_list_delete(findings);
  config_delete(config);
  graph_delete(g);
}

static void test_expired_by_version_and_date(void **state) {
  (void)state;
  graph *g = sites_graph();
  strata_config *config = fixture_config_load("deprecations:\n  current_version: '2.10'\n");
  config->today = xstrdup("2025-07-01");
  finding_list *findings = finding_list_new();
  notice_list *notices = notice_list_new();
  check_context context = {.graph = g,
                           .config = config,
                           .rule = rule_find("expired-deprecation"),
                           .findings = findings,
                           .notices = notices};
  check_expired_deprecation(&context);
  // 2.9 and 2.10 have been reached (2.10 > 2.9, numerically); June 2025 is
  // over; 2025-06-30 is over.
  assert_int_equal(findings->count, 4);
  const finding *item = &findings->items[0];
  assert_int_equal(item->location.line, 9);
  assert_int_equal(item->level, RULE_LEVEL_ERROR);
  assert_string_equal(item->message, "expired deprecation 'old_fn will be removed in 2.9': due "
                                     "for removal in 2.9, and this is 2.10; remove what it "
                                     "deprecates, or give it a later release");
  assert_string_equal(json_string_value(json_object_get(item->properties, "removal")), "2.9");
  assert_string_equal(json_string_value(json_object_get(item->properties, "current")), "2.10");
  assert_int_equal(findings->items[1].location.line, 11);
  assert_string_equal(findings->items[2].location.path, "torch/old.py");
  assert_string_equal(findings->items[2].message,
                      "expired deprecation 'x is deprecated until June 2025': due for removal by "
                      "June 2025, and today is 2025-07-01; remove what it deprecates, or give it "
                      "a later date");
  assert_string_equal(json_string_value(json_object_get(findings->items[3].properties, "since")),
                      "2025-01-10");
  assert_int_equal(notices->count, 0);
  finding_list_delete(findings);

  // Before 2.10 and on the last day of June, fewer have expired.
  free(config->deprecations.current_version);
  config->deprecations.current_version = xstrdup("2.9.1");
  free(config->today);
  config->today = xstrdup("2025-06-30");
  findings = finding_list_new();
  context.findings = findings;
  check_expired_deprecation(&context);
  assert_int_equal(findings->count, 1);
  assert_int_equal(findings->items[0].location.line, 9);
  finding_list_delete(findings);
  notice_list_delete(notices);
  config_delete(config);
  graph_delete(g);
}

// The version file is read relative to the root; when it is missing, the
// run gets one notice and only dates are checked.
static void test_version_file_and_notice(void **state) {
  (void)state;
  char root[] = "/tmp/strata-test-expired-XXXXXX";
  assert_non_null(mkdtemp(root));
  char *path = xasprintf("%s/version.txt", root);
  FILE *file = fopen(path, "w");
  fputs("2.10.0a0\n", file);
  fclose(file);
  graph *g = sites_graph();
  strata_config *config = fixture_config_load("deprecations:\n  version_file: version.txt\n");
  config->today = xstrdup("2025-01-01");
  finding_list *findings = finding_list_new();
  notice_list *notices = notice_list_new();
  check_context context = {.graph = g,
                           .config = config,
                           .rule = rule_find("expired-deprecation"),
                           .findings = findings,
                           .root = root,
                           .notices = notices};
  check_expired_deprecation(&context);
  assert_int_equal(findings->count, 2);
  assert_int_equal(notices->count, 0);
  finding_list_delete(findings);

  unlink(path);
  rmdir(root);
  findings = finding_list_new();
  context.findings = findings;
  check_expired_deprecation(&context);
  assert_int_equal(findings->count, 0);
  assert_int_equal(notices->count, 1);
  assert_null(notices->items[0].path);
  assert_string_equal(notices->items[0].message,
                      "cannot read the version file 'version.txt': No such file or directory; "
                      "removal versions are not checked");
  finding_list_delete(findings);
  notice_list_delete(notices);
  config_delete(config);
  graph_delete(g);
  free(path);
}

// checks_run_all runs both under their rules, with root and notices.
static void test_run_all(void **state) {
  (void)state;
  graph *g = sites_graph();
  strata_config *config = fixture_config_load("deprecations:\n  current_version: 3.0\n");
  config->today = xstrdup("2020-01-01");
  finding_list *findings = finding_list_new();
  notice_list *notices = notice_list_new();
  checks_run_all(g, config, "/nonexistent", notices, findings);
  size_t undated = 0, expired = 0;
  for (size_t i = 0; i < findings->count; i++) {
    undated += strcmp(findings->items[i].rule->id, "undated-deprecation") == 0;
    expired += strcmp(findings->items[i].rule->id, "expired-deprecation") == 0;
  }
  assert_int_equal(undated, 3);
  assert_int_equal(expired, 2);
  finding_list_delete(findings);
  notice_list_delete(notices);
  config_delete(config);
  graph_delete(g);
}

static void test_graph_json_entries(void **state) {
  (void)state;
  graph *g = sites_graph();
  report_context context = {.graph = g};
  char *text = NULL;
  size_t length = 0;
  FILE *out = open_memstream(&text, &length);
  assert_true(report_graph_json(out, &context));
  fclose(out);
  assert_non_null(strstr(
      text, "  \"deprecations\": [\n"
            "    {\"path\": \"c10/old.h\", \"line\": 3, \"column\": 1, \"language\": \"cpp\", "
            "\"kind\": \"[[deprecated]]\", \"message\": \"use new_fn\", \"dated\": false, "
            "\"since\": null, \"removal\": null},\n"
            "    {\"path\": \"c10/old.h\", \"line\": 5, \"column\": 1, \"language\": \"cpp\", "
            "\"kind\": \"C10_DEPRECATED\", \"message\": \"\", \"dated\": true, \"since\": "
            "\"2.1\", \"removal\": null},\n"
            "    {\"path\": \"c10/old.h\", \"line\": 7, \"column\": 1, \"language\": \"cpp\", "
            "\"kind\": \"TORCH_WARN_DEPRECATION\", \"message\": null, \"dated\": false, "
            "\"since\": null, \"removal\": null},\n"));
  assert_non_null(strstr(
      text, "    {\"path\": \"torch/old.py\", \"line\": 4, \"column\": 1, \"language\": "
            "\"python\", \"kind\": \"@deprecated\", \"message\": \"since 2025-01-10, removed "
            "after 2025-06-30\", \"dated\": true, \"since\": \"2025-01-10\", \"removal\": "
            "\"2025-06-30\"}\n"
            "  ]\n"
            "}\n"));
  json_t *parsed = json_loads(text, 0, NULL);
  assert_non_null(parsed);
  assert_int_equal(json_array_size(json_object_get(parsed, "deprecations")), 8);
  json_decref(parsed);
  free(text);
  graph_delete(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_undated),
      cmocka_unit_test(test_expired_by_version_and_date),
      cmocka_unit_test(test_version_file_and_notice),
      cmocka_unit_test(test_run_all),
      cmocka_unit_test(test_graph_json_entries),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
