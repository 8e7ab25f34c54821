// Unit tests for the `deprecations` key of strata.yaml: its defaults, each
// sub-key, and every error with its exact line:column.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_config_fixture.h"
#include "config.h"

#include <stdlib.h>
#include <string.h>

static void test_defaults(void **state) {
  (void)state;
  strata_config *config = fixture_config_load("version: 1\n");
  const config_deprecations *deprecations = &config->deprecations;
  assert_int_equal(deprecations->cxx_macro_count, 4);
  assert_string_equal(deprecations->cxx_macros[0], "C10_DEPRECATED");
  assert_string_equal(deprecations->cxx_macros[3], "TORCH_WARN_DEPRECATION");
  assert_int_equal(deprecations->python_call_count, 0);
  assert_int_equal(deprecations->dated_pattern_count, 4);
  assert_int_equal(deprecations->removal_pattern_count, 2);
  assert_string_equal(deprecations->dated_patterns[1], config_default_dated_patterns[1]);
  assert_null(deprecations->current_version);
  assert_null(deprecations->version_file);
  assert_null(config->today);
  config_delete(config);
  // The built-in PyTorch default has them too.
  config_error error;
  config = config_load_default(&error);
  assert_non_null(config);
  assert_int_equal(config->deprecations.cxx_macro_count, 4);
  config_delete(config);
}

static void test_every_key(void **state) {
  (void)state;
  strata_config *config =
      fixture_config_load("deprecations:\n"
                          "  cxx_macros: [MY_DEPRECATED, OLD_API]\n"
                          "  python_calls: [warn_deprecated, torch._utils.deprecate]\n"
                          "  dated_patterns: ['v(\\d+)']\n"
                          "  removal_patterns: []\n"
                          "  current_version: 2.6.0a0\n"
                          "  version_file: version.txt\n");
  const config_deprecations *deprecations = &config->deprecations;
  assert_int_equal(deprecations->cxx_macro_count, 2);
  assert_string_equal(deprecations->cxx_macros[1], "OLD_API");
  assert_int_equal(deprecations->python_call_count, 2);
  assert_string_equal(deprecations->python_calls[1], "torch._utils.deprecate");
  assert_int_equal(deprecations->dated_pattern_count, 1);
  assert_string_equal(deprecations->dated_patterns[0], "v(\\d+)");
  assert_int_equal(deprecations->removal_pattern_count, 0);
  assert_string_equal(deprecations->current_version, "2.6.0a0");
  assert_string_equal(deprecations->version_file, "version.txt");
  config_delete(config);
  // Empty values keep the defaults.
  config = fixture_config_load("deprecations:\n  cxx_macros:\n  current_version: ~\n");
  assert_int_equal(config->deprecations.cxx_macro_count, 4);
  assert_null(config->deprecations.current_version);
  config_delete(config);
  config = fixture_config_load("deprecations:\n");
  assert_int_equal(config->deprecations.removal_pattern_count, 2);
  config_delete(config);
}

typedef struct error_case {
  const char *text;
  uint32_t line;
  uint32_t column;
  const char *message;
} error_case;

static const error_case error_cases[] = {
    {"deprecations: [a]\n", 1, 15, "'deprecations' must be a mapping, not a list"},
    {"deprecations:\n  cxx_macro: [A]\n", 2, 3,
     "unknown key 'cxx_macro' in 'deprecations'; did you mean 'cxx_macros'?"},
    {"deprecations:\n  cxx_macros: A\n", 2, 15,
     "'deprecations.cxx_macros' must be a list of macro names, not a string"},
    {"deprecations:\n  cxx_macros: [A, 1B]\n", 2, 19,
     "invalid macro name '1B': expected a C identifier"},
    {"deprecations:\n  cxx_macros: [\"A B\"]\n", 2, 16,
     "invalid macro name 'A B': expected a C identifier"},
    {"deprecations:\n  python_calls: [a..b]\n", 2, 18,
     "invalid call name 'a..b': expected a Python name such as 'warn_deprecated' or "
     "'torch.utils.deprecated'"},
    {"deprecations:\n  dated_patterns: ['(x']\n", 2, 20,
     "invalid pattern '(x': missing closing parenthesis, at offset 2"},
    {"deprecations:\n  removal_patterns:\n    - 'ok'\n    - '[z-a]'\n", 4, 7,
     "invalid pattern '[z-a]': range out of order in character class, at offset 3"},
    {"deprecations:\n  dated_patterns: [[a]]\n", 2, 20,
     "each item of 'deprecations.dated_patterns' must be a regular expression, not a list"},
    {"deprecations:\n  current_version: main\n", 2, 20,
     "'deprecations.current_version' must be a version such as '2.6.0', not 'main'"},
    {"deprecations:\n  current_version: [2]\n", 2, 20,
     "'deprecations.current_version' must be a version, not a list"},
    {"deprecations:\n  version_file: {a: b}\n", 2, 17,
     "'deprecations.version_file' must be a file path, not a mapping"},
    {"deprecations:\n  today: 2025-01-01\n", 2, 3, "unknown key 'today' in 'deprecations'"},
};

static void test_errors(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(error_cases) / sizeof(*error_cases); i++) {
    const error_case *c = &error_cases[i];
    config_error error;
    strata_config *config = config_load_text(c->text, strlen(c->text), "test.yaml", &error);
    if (config)
      fail_msg("no error for '%s'", c->text);
    if (error.position.line != c->line || error.position.column != c->column ||
        strcmp(error.message, c->message) != 0)
      fail_msg("'%s': got %u:%u: %s; expected %u:%u: %s", c->text, error.position.line,
               error.position.column, error.message, c->line, c->column, c->message);
    config_error_release(&error);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_defaults),
      cmocka_unit_test(test_every_key),
      cmocka_unit_test(test_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
