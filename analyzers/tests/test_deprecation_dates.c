// Unit tests for deprecation_dates.c: which texts the default patterns date,
// what they read as since and removal, versions and dates parsed and
// compared (2.10 after 2.9), the clock (current version, version file,
// --today) and when a removal has passed.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_config_fixture.h"
#include "deprecation_dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct dating_case {
  const char *message;
  const char *comments;
  bool dated;
  const char *since;
  const char *removal;
} dating_case;

static const dating_case dating_cases[] = {
    // Versions.
    {"deprecated in 2.1", NULL, true, "2.1", NULL},
    {"deprecated since v1.13.0, use y", NULL, true, "1.13.0", NULL},
    {"deprecated as of release 2.5.", NULL, true, "2.5", NULL},
    {"deprecated as of release 2", NULL, true, "2", NULL},
    {"deprecated in Python 3.12", NULL, true, "3.12", NULL},
    {"deprecated in 2.6.0a0", NULL, true, "2.6.0", NULL},
    // Dates.
    {"deprecated on 2025-06-01", NULL, true, "2025-06-01", NULL},
    {"deprecated 2025-06", NULL, true, "2025-06", NULL},
    {"deprecated in June 2025", NULL, true, "June 2025", NULL},
    {"deprecated in sept. 2024", NULL, true, "sept. 2024", NULL},
    // Removals date a site too, and are not its since.
    {"x is deprecated and will be removed in 2.5", NULL, true, NULL, "2.5"},
    {"will be removed in v2.5", NULL, true, NULL, "2.5"},
    {"scheduled for removal in PyTorch 2.10; use y", NULL, true, NULL, "2.10"},
    {"deleted in release 3", NULL, true, NULL, "3"},
    {"deprecated in 2.1, removed in 2.5", NULL, true, "2.1", "2.5"},
    {"supported until June 2025", NULL, true, NULL, "June 2025"},
    {"removed after 2025-06-01", NULL, true, NULL, "2025-06-01"},
    {"deprecated 2024-01-15, removal 2025-06", NULL, true, "2024-01-15", "2025-06"},
    // Undated.
    {"x is deprecated, use y", NULL, false, NULL, NULL},
    {"will be removed in a future release", NULL, false, NULL, NULL},
    {"use torch.float16 or sm_80", NULL, false, NULL, NULL},
    {"removed in 3 releases", NULL, false, NULL, NULL},
    {"the marks 2025 and 12345-67-89", NULL, false, NULL, NULL},
    {"", NULL, false, NULL, NULL},
    // Comments date a site; the message is read first.
    {"", "// Deprecated since 2.3", true, "2.3", NULL},
    {NULL, "/* removed in 2.8 */", true, NULL, "2.8"},
    {"deprecated in 2.1", "// removed in 2.4\n// since 1.0", true, "2.1", "2.4"},
    {NULL, NULL, false, NULL, NULL},
    // Bytes that are not UTF-8 do not stop the match.
    {"caf\xe9 deprecated in 2.2", NULL, true, "2.2", NULL},
};

static void test_default_patterns(void **state) {
  (void)state;
  char *error = NULL;
  deprecation_dates *dates = deprecation_dates_new(NULL, &error);
  assert_non_null(dates);
  for (size_t i = 0; i < sizeof(dating_cases) / sizeof(*dating_cases); i++) {
    const dating_case *c = &dating_cases[i];
    fact_deprecation site = {
        .kind = "x", .message = (char *)c->message, .comments = (char *)c->comments};
    deprecation_dating dating;
    deprecation_dates_read(dates, &site, &dating);
    if (dating.dated != c->dated)
      fail_msg("'%s' / '%s': dated %d, expected %d", c->message, c->comments, dating.dated,
               c->dated);
    if ((c->since == NULL) != (dating.since == NULL) ||
        (c->since && strcmp(c->since, dating.since) != 0))
      fail_msg("'%s': since '%s', expected '%s'", c->message, dating.since, c->since);
    if ((c->removal == NULL) != (dating.removal == NULL) ||
        (c->removal && strcmp(c->removal, dating.removal) != 0))
      fail_msg("'%s': removal '%s', expected '%s'", c->message, dating.removal, c->removal);
    deprecation_dating_release(&dating);
  }
  deprecation_dates_delete(dates);
}

// Configured patterns replace the defaults; a group names the value.
static void test_configured_patterns(void **state) {
  (void)state;
  strata_config *config =
      fixture_config_load("deprecations:\n"
                          "  dated_patterns: ['\\bTODO\\(deprecate-(\\w+)\\)']\n"
                          "  removal_patterns: ['\\bdrop-at-(\\d+\\.\\d+)']\n");
  char *error = NULL;
  deprecation_dates *dates = deprecation_dates_new(config, &error);
  assert_non_null(dates);
  fact_deprecation site = {.kind = "x", .message = "TODO(deprecate-q3) drop-at-2.9 since 2.1"};
  deprecation_dating dating;
  deprecation_dates_read(dates, &site, &dating);
  assert_true(dating.dated);
  assert_string_equal(dating.since, "q3");
  assert_string_equal(dating.removal, "2.9");
  deprecation_dating_release(&dating);
  site.message = "deprecated in 2.1";
  deprecation_dates_read(dates, &site, &dating);
  assert_false(dating.dated);
  deprecation_dating_release(&dating);
  deprecation_dates_delete(dates);
  // A config built by hand may hold a pattern the loader would refuse.
  free(config->deprecations.dated_patterns[0]);
  config->deprecations.dated_patterns[0] = strdup("(unclosed");
  assert_null(deprecation_dates_new(config, &error));
  assert_string_equal(error, "invalid pattern '(unclosed': missing closing parenthesis, at "
                             "offset 9");
  free(error);
  config_delete(config);
}

static deprecation_when when(const char *text) {
  deprecation_when value;
  if (!deprecation_when_parse(text, &value))
    fail_msg("'%s' does not parse", text);
  return value;
}

static void test_parse_and_compare(void **state) {
  (void)state;
  deprecation_when value = when("v2.10.1");
  assert_int_equal(value.kind, DEPRECATION_WHEN_VERSION);
  assert_int_equal(value.part_count, 3);
  assert_int_equal(value.parts[1], 10);
  value = when("2.6.0a0");
  assert_int_equal(value.part_count, 3);
  value = when("2.1.0+cu121");
  assert_int_equal(value.part_count, 3);
  value = when("2025-06");
  assert_int_equal(value.kind, DEPRECATION_WHEN_DATE);
  assert_int_equal(value.day, 0);
  value = when("June 2025");
  assert_int_equal(value.month, 6);
  assert_int_equal(value.year, 2025);
  value = when("Sept. 2024");
  assert_int_equal(value.month, 9);
  static const char *const bad[] = {"main", "2025-13-01", "2025-02-30", "Juno 2025",
                                    "",     "v",          "-1.0",       "2.0-13"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
    if (deprecation_when_parse(bad[i], &value))
      fail_msg("'%s' parses", bad[i]);
    assert_int_equal(value.kind, DEPRECATION_WHEN_NONE);
  }
  assert_true(deprecation_when_parse("2024-02-29", &value)); // a leap day
  deprecation_when a = when("2.9"), b = when("2.10");
  assert_true(deprecation_when_compare(&a, &b) < 0);
  assert_true(deprecation_when_compare(&b, &a) > 0);
  a = when("2.5"), b = when("2.5.0");
  assert_int_equal(deprecation_when_compare(&a, &b), 0);
  a = when("10.0"), b = when("9.99");
  assert_true(deprecation_when_compare(&a, &b) > 0);
  a = when("99.0"), b = when("2000-01-01");
  assert_true(deprecation_when_compare(&a, &b) < 0); // versions first
  a = when("2025-06"), b = when("2025-06-01");
  assert_int_equal(deprecation_when_compare(&a, &b), 0);
  a = when("May 2025"), b = when("2025-06-01");
  assert_true(deprecation_when_compare(&a, &b) < 0);
  deprecation_when none = {.kind = DEPRECATION_WHEN_NONE};
  assert_true(deprecation_when_compare(&none, &b) > 0);
}

static void test_clock_and_passing(void **state) {
  (void)state;
  strata_config *config = fixture_config_load("deprecations:\n  current_version: 2.10.0\n");
  free(config->today);
  config->today = strdup("2025-06-15");
  deprecation_clock clock;
  char *problem = NULL;
  assert_true(deprecation_clock_init(&clock, config, NULL, &problem));
  assert_null(problem);
  assert_true(clock.has_version);
  assert_string_equal(clock.version_text, "2.10.0");
  assert_string_equal(clock.today_text, "2025-06-15");
  deprecation_when removal = when("2.9");
  assert_true(deprecation_clock_passed(&clock, &removal, false)); // 2.10 > 2.9
  removal = when("2.10");
  assert_true(deprecation_clock_passed(&clock, &removal, false)); // reached
  removal = when("2.11");
  assert_false(deprecation_clock_passed(&clock, &removal, false));
  removal = when("2025-06-14");
  assert_true(deprecation_clock_passed(&clock, &removal, false));
  removal = when("2025-06-15");
  assert_false(deprecation_clock_passed(&clock, &removal, false)); // the day is not over
  removal = when("June 2025");
  assert_false(deprecation_clock_passed(&clock, &removal, false)); // nor the month
  removal = when("2025-05");
  assert_true(deprecation_clock_passed(&clock, &removal, false));
  config_delete(config);

  // No current version: versions cannot pass, dates still can.
  assert_true(deprecation_clock_init(&clock, NULL, NULL, &problem));
  assert_false(clock.has_version);
  removal = when("0.1");
  assert_false(deprecation_clock_passed(&clock, &removal, false));
  removal = when("2000-01-01");
  assert_true(deprecation_clock_passed(&clock, &removal, false));
}

static void test_version_file(void **state) {
  (void)state;
  char root[] = "/tmp/strata-test-deprecation-XXXXXX";
  assert_non_null(mkdtemp(root));
  char path[256];
  snprintf(path, sizeof(path), "%s/version.txt", root);
  FILE *file = fopen(path, "w");
  assert_non_null(file);
  fputs("  2.6.0a0  \nsecond line\n", file);
  fclose(file);
  strata_config *config = fixture_config_load("deprecations:\n  version_file: version.txt\n");
  deprecation_clock clock;
  char *problem = NULL;
  assert_true(deprecation_clock_init(&clock, config, root, &problem));
  assert_string_equal(clock.version_text, "2.6.0a0");
  deprecation_when removal = when("2.6");
  assert_true(deprecation_clock_passed(&clock, &removal, false)); // 2.6 is being developed
  removal = when("2.7");
  assert_false(deprecation_clock_passed(&clock, &removal, false));
  // "removed after 2.6" waits for the release after 2.6.
  removal = when("2.6");
  assert_false(deprecation_clock_passed(&clock, &removal, true));
  removal = when("2.5");
  assert_true(deprecation_clock_passed(&clock, &removal, true));

  // current_version wins over the file.
  config->deprecations.current_version = strdup("1.0");
  assert_true(deprecation_clock_init(&clock, config, root, &problem));
  assert_string_equal(clock.version_text, "1.0");
  free(config->deprecations.current_version);
  config->deprecations.current_version = NULL;

  file = fopen(path, "w");
  fputs("nightly\n", file);
  fclose(file);
  assert_false(deprecation_clock_init(&clock, config, root, &problem));
  assert_string_equal(problem, "the version file 'version.txt' starts with 'nightly', not a "
                               "version; removal versions are not checked");
  assert_false(clock.has_version);
  free(problem);

  unlink(path);
  assert_false(deprecation_clock_init(&clock, config, root, &problem));
  assert_string_equal(problem, "cannot read the version file 'version.txt': No such file or "
                               "directory; removal versions are not checked");
  free(problem);
  rmdir(root);

  free(config->today);
  config->today = strdup("2025-02-30");
  free(config->deprecations.version_file);
  config->deprecations.version_file = NULL;
  assert_false(deprecation_clock_init(&clock, config, root, &problem));
  assert_string_equal(problem, "'2025-02-30' is not a date (YYYY-MM-DD); using today's date");
  free(problem);
  config_delete(config);
}

static void test_text_start(void **state) {
  (void)state;
  char *text = deprecation_text_start("  a \n\t b  ", 10);
  assert_string_equal(text, "a b");
  free(text);
  text = deprecation_text_start("abcdef ghij", 6);
  assert_string_equal(text, "abcdef...");
  free(text);
  text = deprecation_text_start("\xc3\xa9\xc3\xa9\xc3\xa9", 2); // é, whole characters
  assert_string_equal(text, "\xc3\xa9\xc3\xa9...");
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_default_patterns),  cmocka_unit_test(test_configured_patterns),
      cmocka_unit_test(test_parse_and_compare), cmocka_unit_test(test_clock_and_passing),
      cmocka_unit_test(test_version_file),      cmocka_unit_test(test_text_start),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
