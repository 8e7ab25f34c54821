// Unit tests for config.c and config_keys.c: defaults, every key, every error
// with its exact line:column, component choice, and the built-in default.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_config_fixture.h"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct error_case {
  const char *text;
  uint32_t line;
  uint32_t column;
  const char *message;
} error_case;

static const error_case error_cases[] = {
    // YAML syntax, from libyaml's own problem and mark.
    {"version: 1\nlayers: x: y\n", 2, 10,
     "invalid YAML: mapping values are not allowed in this context"},
    {"exclude: [\"a/**\"\n", 2, 1, "invalid YAML: did not find expected ',' or ']'"},
    {"a: 1\n---\nb: 2\n", 2, 1, "a configuration is a single YAML document"},
    {"exclude: &x [a/**]\nlayers: *x\n", 2, 9, "aliases are not supported"},
    {"- a\n- b\n", 1, 1, "the configuration must be a mapping of keys, not a list"},
    {"just text\n", 1, 1, "the configuration must be a mapping of keys, not a string"},
    // Keys.
    {"version: 1\nexclude: []\nexlude: [x]\n", 3, 1,
     "unknown key 'exlude'; did you mean 'exclude'?"},
    {"frobnicate: 1\n", 1, 1, "unknown key 'frobnicate'"},
    {"python:\n  root: [a]\n", 2, 3, "unknown key 'root' in 'python'; did you mean 'roots'?"},
    {"cxx:\n  include_dir: [a]\n", 2, 3,
     "unknown key 'include_dir' in 'cxx'; did you mean 'include_dirs'?"},
    {"exclude: []\nversion: 1\nexclude: []\n", 3, 1,
     "duplicate key 'exclude' (first given at line 1)"},
    {"[a]: 1\n", 1, 1, "keys must be strings, not a list"},
    // Values of the wrong shape.
    {"version: 2\n", 1, 10, "unsupported version '2'; this strata reads version 1"},
    {"version: [1]\n", 1, 10, "'version' must be 1, not a list"},
    {"exclude: \"a/**\"\n", 1, 10, "'exclude' must be a list of globs, not a string"},
    {"exclude:\n  - [a]\n", 2, 5, "each item of 'exclude' must be a glob, not a list"},
    {"layers:\n  torch: 1\n", 2, 3, "'layers' must be a list of component names, not a mapping"},
    {"python: [a]\n", 1, 9, "'python' must be a mapping, not a list"},
    {"python:\n  roots: [\"/abs\"]\n", 2, 11,
     "python root '/abs' must be relative to the analyzed root"},
    {"python:\n  roots: [a/../..]\n", 2, 11, "python root 'a/../..' leaves the analyzed root"},
    {"cxx:\n  defines: [\"1X=2\"]\n", 2, 13, "invalid define '1X=2': expected NAME or NAME=VALUE"},
    {"cxx:\n  std: c++ 17\n", 2, 8,
     "'cxx.std' must be a language standard such as 'c++17', not 'c++ 17'"},
    {"max_file_bytes: 8MB\n", 1, 17,
     "'max_file_bytes' must be a positive whole number of bytes, not '8MB'"},
    {"max_file_bytes: 0\n", 1, 17,
     "'max_file_bytes' must be a positive whole number of bytes, not '0'"},
    {"max_file_bytes: 99999999999999999999999\n", 1, 17,
     "'max_file_bytes' must be a positive whole number of bytes, not '99999999999999999999999'"},
    {"max_file_seconds: 10s\n", 1, 19,
     "'max_file_seconds' must be a positive number of seconds (at most 1000000), not '10s'"},
    {"max_file_seconds: 0\n", 1, 19,
     "'max_file_seconds' must be a positive number of seconds (at most 1000000), not '0'"},
    {"max_file_seconds: .5\n", 1, 19,
     "'max_file_seconds' must be a positive number of seconds (at most 1000000), not '.5'"},
    {"max_file_seconds: 1e9\n", 1, 19,
     "'max_file_seconds' must be a positive number of seconds (at most 1000000), not '1e9'"},
    {"max_file_seconds: [1]\n", 1, 19,
     "'max_file_seconds' must be a number of seconds, not a list"},
    {"max_file_memory: 1GB\n", 1, 18,
     "'max_file_memory' must be a positive whole number of bytes, not '1GB'"},
    {"max_file_memory: 0\n", 1, 18,
     "'max_file_memory' must be a positive whole number of bytes, not '0'"},
    // Globs: the position is the glob's scalar, the message quotes the rest.
    {"exclude:\n  - \"a**b\"\n", 2, 5,
     "invalid glob 'a**b': '**' must be a whole path segment, at '**b'"},
    {"components:\n  c10: \"c10/[ab\"\n", 2, 8, "invalid glob 'c10/[ab': unclosed '[', at '[ab'"},
    {"exclude: [\"\"]\n", 1, 11, "invalid glob '': empty glob"},
    // generated.
    {"generated:\n  - {dir: aten/src}\n", 2, 5, "a 'generated' entry needs 'headers' or 'modules'"},
    {"generated:\n  - {headers: [\"ATen/ops/*.h\"], dir: ../out}\n", 2, 38,
     "'generated.dir' must be a folder of the tree, not '../out'"},
    {"generated:\n  - {headers: [\"ATen/ops/*.h\"], component: atn}\n", 2, 44,
     "unknown component 'atn'"},
    {"generated:\n  - {modules: [\"torch..x\"]}\n", 2, 16,
     "invalid module pattern 'torch..x': empty path segment"},
    {"generated:\n  - {headrs: [\"x.h\"]}\n", 2, 6,
     "unknown key 'headrs' in a 'generated' entry; did you mean 'headers'?"},
    {"generated:\n  - \"ATen/ops/*.h\"\n", 2, 5,
     "each item of 'generated' must be a mapping with 'headers' or 'modules', not a string"},
    // Components and layers.
    {"components:\n  c10: {a: b}\n", 2, 9, "unknown key 'a' in component 'c10'"},
    {"components:\n  c10: {pths: [\"c10/**\"]}\n", 2, 9,
     "unknown key 'pths' in component 'c10'; did you mean 'paths'?"},
    {"components:\n  c10: {languages: [cpp]}\n", 2, 8, "component 'c10' needs 'paths'"},
    {"components:\n  c10: {paths: [], languages: [cpp]}\n", 2, 16,
     "'components.c10.paths' must hold at least one glob"},
    {"components:\n  c10: {paths: \"c10/**\", languages: [cpp, rust]}\n", 2, 43,
     "unknown language 'rust'; languages are python, c, cpp, cuda, objcpp, hip and cxx (every "
     "C-family one)"},
    {"components:\n  c10: {paths: \"c10/**\", languages: []}\n", 2, 37,
     "'components.c10.languages' must name at least one language"},
    {"components:\n  c10: {a: 1}\n  d: 3\n", 2, 9, "unknown key 'a' in component 'c10'"},
    {"components:\n  c10: [[x]]\n", 2, 9,
     "each item of 'components.c10.paths' must be a glob, "
     "not a list"},
    {"components:\n  a/b: [\"a/**\"]\n", 2, 3,
     "component name 'a/b' cannot hold '/', '*', '?' or '[' (those mark globs)"},
    {"components:\n  c10: [\"c10/**\"]\n  c10: [\"c10/**\"]\n", 3, 3,
     "duplicate key 'c10' (first given at line 2)"},
    {"components: [a]\n", 1, 13, "'components' must be a mapping of names to globs, not a list"},
    {"layers: [atne]\ncomponents:\n  aten: [\"aten/**\"]\n", 1, 10,
     "layer 'atne' names no component; did you mean 'aten'?"},
    {"components: {a: \"a/**\"}\nlayers: [a, a]\n", 2, 13, "duplicate layer 'a'"},
    // Forbidden entries.
    {"components: {torch: \"torch/**\"}\nforbidden:\n  - {from: torhc, to: torch}\n", 3, 12,
     "unknown component 'torhc'; did you mean 'torch'?"},
    {"components: {torch: \"torch/**\"}\nforbidden:\n  - {form: torch, to: torch}\n", 3, 6,
     "unknown key 'form' in a 'forbidden' entry; did you mean 'from'?"},
    {"components: {torch: \"torch/**\"}\nforbidden:\n  - {from: torch}\n", 3, 5,
     "a 'forbidden' entry needs 'to'"},
    {"components: {torch: \"torch/**\"}\nforbidden:\n  - {from: torch, to: []}\n", 3, 23,
     "'forbidden.to' must name at least one component or glob"},
    {"forbidden:\n  - {from: \"x/[\", to: \"y/**\"}\n", 2, 12,
     "invalid glob 'x/[': unclosed '[', at '['"},
    {"forbidden:\n  - torch\n", 2, 5,
     "each item of 'forbidden' must be a mapping with 'from' and 'to', not a string"},
    {"forbidden:\n  - {from: \"a/**\", to: \"b/**\", why: [x]}\n", 2, 37,
     "'forbidden.why' must be a string, not a list"},
};

static void test_errors_have_exact_positions(void **state) {
  (void)state;
  size_t failures = 0;
  for (size_t i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
    const error_case *c = &error_cases[i];
    config_error error;
    strata_config *config = config_load_text(c->text, strlen(c->text), "bad.yaml", &error);
    if (config) {
      print_error("case %zu loads but should not:\n%s", i, c->text);
      config_delete(config);
      failures++;
      continue;
    }
    assert_string_equal(error.file, "bad.yaml");
    if (strcmp(error.message, c->message) != 0 || error.position.line != c->line ||
        error.position.column != c->column) {
      print_error("case %zu: got %u:%u '%s', expected %u:%u '%s'\n", i, error.position.line,
                  error.position.column, error.message, c->line, c->column, c->message);
      failures++;
    }
    config_error_release(&error);
  }
  assert_int_equal(failures, 0);
}

static void test_unreadable_file(void **state) {
  (void)state;
  config_error error;
  assert_null(config_load_file("/nonexistent/strata.yaml", &error));
  assert_string_equal(error.file, "/nonexistent/strata.yaml");
  assert_int_equal(error.position.line, 0);
  assert_string_equal(error.message,
                      "cannot read '/nonexistent/strata.yaml': No such file or directory");
  config_error_release(&error);
  config_error_release(NULL);
}

static void test_file_errors_name_the_file(void **state) {
  (void)state;
  char path[] = "/tmp/strata-test-config-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *file = fdopen(fd, "w");
  fputs("# a comment\nlayers: {}\n", file);
  fclose(file);
  config_error error;
  assert_null(config_load_file(path, &error));
  remove(path);
  assert_string_equal(error.file, path);
  assert_int_equal(error.position.line, 2);
  assert_int_equal(error.position.column, 9);
  config_error_release(&error);
}

static void assert_defaults(const strata_config *config) {
  assert_int_equal(config->version, 1);
  assert_int_equal(config->exclude_count, 0);
  assert_int_equal(config->python_root_count, 1);
  assert_string_equal(config->python_roots[0], ".");
  assert_int_equal(config->cxx_include_dir_count, 1);
  assert_string_equal(config->cxx_include_dirs[0], ".");
  assert_int_equal(config->cxx_define_count, 0);
  assert_string_equal(config->cxx_std, "c++17");
  assert_int_equal(config->component_count, 0);
  assert_int_equal(config->layer_count, 0);
  assert_int_equal(config->forbidden_count, 0);
  assert_int_equal(config->max_file_bytes, 8 * 1024 * 1024);
  assert_true(config->max_file_seconds == 10.0);
  assert_int_equal(config->max_file_memory, (size_t)1 << 30);
}

static void test_empty_documents_give_defaults(void **state) {
  (void)state;
  static const char *const texts[] = {"",
                                      "# nothing but a comment\n",
                                      "---\n",
                                      "{}\n",
                                      "exclude:\nlayers: ~\nforbidden: null\n",
                                      "python:\n  roots:\ncxx:\n  include_dirs: ~\n  std:\n"};
  for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
    strata_config *config = fixture_config_load(texts[i]);
    assert_string_equal(config->source_name, "test.yaml");
    assert_defaults(config);
    config_delete(config);
  }
}

static const char full_config[] = "version: 1\n"
                                  "exclude: [\"third_party/**\", \"build/**\"]\n"
                                  "python:\n"
                                  "  roots: [\"./src/\", \".\"]\n"
                                  "cxx:\n"
                                  "  include_dirs: [\".\", \"aten/src/\"]\n"
                                  "  defines: [\"NDEBUG\", \"USE_CUDA=1\"]\n"
                                  "  std: \"c++20\"\n"
                                  "components:\n"
                                  "  c10: \"c10/**\"\n"
                                  "  torch: [\"torch/**\", \"tools/torch_*.py\"]\n"
                                  "  torch_csrc: [\"torch/csrc/**\"]\n"
                                  "layers: [torch, torch_csrc, c10]\n"
                                  "forbidden:\n"
                                  "  - from: torch_csrc\n"
                                  "    to: [torch, \"tools/**\"]\n"
                                  "    why: \"C++ must not reach into the Python frontend\"\n"
                                  "  - {from: \"test/*.py\", to: c10}\n"
                                  "max_file_bytes: 1000\n"
                                  "max_file_seconds: 2.5\n"
                                  "max_file_memory: 65536\n";

static void test_every_key(void **state) {
  (void)state;
  strata_config *config = fixture_config_load(full_config);
  assert_int_equal(config->exclude_count, 2);
  assert_string_equal(glob_pattern(config->exclude[1]), "build/**");
  assert_int_equal(config->python_root_count, 2);
  assert_string_equal(config->python_roots[0], "src");
  assert_string_equal(config->python_roots[1], ".");
  assert_int_equal(config->cxx_include_dir_count, 2);
  assert_string_equal(config->cxx_include_dirs[1], "aten/src");
  assert_int_equal(config->cxx_define_count, 2);
  assert_string_equal(config->cxx_defines[1], "USE_CUDA=1");
  assert_string_equal(config->cxx_std, "c++20");
  assert_int_equal(config->component_count, 3);
  assert_string_equal(config->components[0].name, "c10");
  assert_int_equal(config->components[0].glob_count, 1);
  assert_int_equal(config->components[0].layer, 2);
  assert_int_equal(config->components[0].position.line, 10);
  assert_int_equal(config->components[0].position.column, 3);
  assert_int_equal(config->components[1].glob_count, 2);
  assert_int_equal(config->components[1].layer, 0);
  assert_int_equal(config->components[2].layer, 1);
  assert_int_equal(config->layer_count, 3);
  assert_string_equal(config->layers[1], "torch_csrc");
  assert_int_equal(config->forbidden_count, 2);
  const config_forbidden *first = &config->forbidden[0];
  assert_int_equal(first->position.line, 15);
  assert_int_equal(first->from_count, 1);
  assert_int_equal(first->from[0].component, 2);
  assert_null(first->from[0].path_glob);
  assert_int_equal(first->to_count, 2);
  assert_int_equal(first->to[0].component, 1);
  assert_int_equal(first->to[1].component, -1);
  assert_string_equal(first->to[1].text, "tools/**");
  assert_string_equal(glob_pattern(first->to[1].path_glob), "tools/**");
  assert_string_equal(first->why, "C++ must not reach into the Python frontend");
  const config_forbidden *second = &config->forbidden[1];
  assert_int_equal(second->from[0].component, -1);
  assert_null(second->why);
  assert_int_equal(config->max_file_bytes, 1000);
  assert_true(config->max_file_seconds == 2.5);
  assert_int_equal(config->max_file_memory, 65536);

  assert_true(config_selector_matches(&first->from[0], 2, "torch/csrc/x.cpp"));
  assert_false(config_selector_matches(&first->from[0], 1, "torch/x.py"));
  assert_true(config_selector_matches(&first->to[1], -1, "tools/x.py"));
  assert_false(config_selector_matches(&first->to[1], 1, "torch/x.py"));
  config_delete(config);
}

static void test_layer_scopes_and_exhaustive(void **state) {
  (void)state;
  // Left out: every scope, not exhaustive.
  strata_config *config = fixture_config_load("version: 1\n"
                                              "layered:\n"
                                              "  - {containers: [nn], layers: [a, b]}\n");
  assert_int_equal(config->layer_scopes, CONFIG_SCOPES_ALL);
  assert_int_equal(config->layered[0].scopes, CONFIG_SCOPES_ALL);
  assert_false(config->layered[0].exhaustive);
  assert_int_equal(config->layered[0].exhaustive_ignore_count, 0);
  config_delete(config);

  config = fixture_config_load("version: 1\n"
                               "layer_scopes: [module, type_checking]\n"
                               "layered:\n"
                               "  - containers: [nn]\n"
                               "    layers: [a, b]\n"
                               "    scopes: module\n"
                               "    exhaustive: true\n"
                               "    exhaustive_ignores: [migrations, tests]\n");
  assert_int_equal(config->layer_scopes,
                   (1u << FACT_SCOPE_MODULE) | (1u << FACT_SCOPE_TYPE_CHECKING));
  const config_layered *entry = &config->layered[0];
  assert_int_equal(entry->scopes, CONFIG_SCOPES_IMPORT_TIME);
  assert_true(entry->exhaustive);
  assert_int_equal(entry->exhaustive_ignore_count, 2);
  assert_string_equal(entry->exhaustive_ignores[1], "tests");
  config_delete(config);
}

static void test_component_of_prefers_the_most_specific_glob(void **state) {
  (void)state;
  strata_config *config = fixture_config_load(full_config);
  assert_int_equal(config_component_of(config, "torch/csrc/autograd/x.cpp", STRATA_LANG_CPP), 2);
  assert_int_equal(config_component_of(config, "torch/nn/x.py", STRATA_LANG_PYTHON), 1);
  assert_int_equal(config_component_of(config, "tools/torch_x.py", STRATA_LANG_PYTHON), 1);
  assert_int_equal(config_component_of(config, "c10/util/x.h", STRATA_LANG_CPP), 0);
  assert_int_equal(config_component_of(config, "setup.py", STRATA_LANG_PYTHON), -1);
  config_delete(config);

  // Equally specific globs: the component written first wins.
  config = fixture_config_load("components:\n  b: [\"x/**\"]\n  a: [\"x/**\"]\n");
  assert_int_equal(config_component_of(config, "x/y.py", STRATA_LANG_PYTHON), 0);
  config_delete(config);
}

// A component that names languages takes only files of those languages, so
// torch/** Python and torch/csrc/** C++ part without glob tricks.
static void test_component_of_by_language(void **state) {
  (void)state;
  strata_config *config = fixture_config_load(
      "components:\n"
      "  torch: {paths: [\"torch/**\"], languages: [python]}\n"
      "  torch_csrc: {paths: [\"torch/csrc/**\", \"torch/*.h\"], languages: [cxx]}\n"
      "  scripts: {paths: \"torch/csrc/**\", languages: python}\n"
      "  cuda_only: {paths: \"torch/csrc/cuda/**\", languages: [cuda, hip]}\n");
  assert_int_equal(config->components[0].languages, 1u << STRATA_LANG_PYTHON);
  assert_int_equal(config->components[1].languages, CONFIG_LANGUAGES_CXX);
  assert_int_equal(config_component_of(config, "torch/nn/x.py", STRATA_LANG_PYTHON), 0);
  assert_int_equal(config_component_of(config, "torch/_C/_nn.pyi", STRATA_LANG_PYTHON), 0);
  assert_int_equal(config_component_of(config, "torch/library.h", STRATA_LANG_CPP), 1);
  assert_int_equal(config_component_of(config, "torch/csrc/Module.cpp", STRATA_LANG_CPP), 1);
  assert_int_equal(config_component_of(config, "torch/csrc/x.mm", STRATA_LANG_OBJCPP), 1);
  assert_int_equal(config_component_of(config, "torch/csrc/lazy/test_mnist.py", STRATA_LANG_PYTHON),
                   2);
  // torch/** takes no C++: a C++ file outside torch/csrc and torch/*.h is in none.
  assert_int_equal(config_component_of(config, "torch/utils/x.cpp", STRATA_LANG_CPP), -1);
  // The most specific glob that takes the language wins.
  assert_int_equal(config_component_of(config, "torch/csrc/cuda/x.cu", STRATA_LANG_CUDA), 3);
  assert_int_equal(config_component_of(config, "torch/csrc/cuda/x.cpp", STRATA_LANG_CPP), 1);
  config_delete(config);
}

static void test_exclusion(void **state) {
  (void)state;
  strata_config *config = fixture_config_load(full_config);
  assert_true(config_is_excluded(config, "third_party/x/y.c"));
  assert_false(config_is_excluded(config, "torch/x.py"));
  assert_true(config_folder_is_excluded(config, "build"));
  assert_true(config_folder_is_excluded(config, "third_party/fmt"));
  assert_false(config_folder_is_excluded(config, "torch"));
  config_delete(config);
}

// The component a file of a PyTorch checkout is in, by the built-in
// default; "" for none.
static const char *builtin_component(const strata_config *config, const char *path,
                                     strata_language language) {
  int component = config_component_of(config, path, language);
  return component >= 0 ? config->components[component].name : "";
}

static void test_builtin_default(void **state) {
  (void)state;
  config_error error;
  strata_config *config = config_load_default(&error);
  if (!config)
    fail_msg("built-in default: %u:%u: %s", error.position.line, error.position.column,
             error.message);
  assert_string_equal(config->source_name, "<built-in pytorch default>");
  assert_int_equal(config->layer_count, 5);
  assert_string_equal(config->layers[0], "torch");
  assert_string_equal(config->layers[1], "torch_csrc : caffe2");
  assert_false(config->layer_independent[1]);
  assert_string_equal(config->layers[2], "aten");
  assert_string_equal(config->layers[3], "caffe2_base");
  assert_string_equal(config->layers[4], "c10");
  static const struct {
    const char *path;
    strata_language language;
    const char *component;
  } files[] = {
      {"c10/core/TensorImpl.h", STRATA_LANG_CPP, "c10"},
      {"c10/test/util/Half_test.cpp", STRATA_LANG_CPP, "tests"},
      {"aten/src/ATen/native/Linear.cpp", STRATA_LANG_CPP, "aten"},
      {"aten/src/ATen/mps/MPSDevice.mm", STRATA_LANG_OBJCPP, "aten"},
      {"aten/src/ATen/templates/Functions.h", STRATA_LANG_CPP, "codegen_templates"},
      {"aten/src/ATen/test/basic.cpp", STRATA_LANG_CPP, "tests"},
      {"aten/src/ATen/native/cpu/README.md.py", STRATA_LANG_PYTHON, "scripts"},
      {"torch/library.h", STRATA_LANG_CPP, "aten"},
      {"torch/csrc/jit/frontend/function_schema_parser.h", STRATA_LANG_CPP, "aten"},
      {"torch/csrc/jit/frontend/parser.h", STRATA_LANG_CPP, "torch_csrc"},
      {"torch/script.h", STRATA_LANG_CPP, "torch_csrc"},
      {"torch/lib/libshm/core.cpp", STRATA_LANG_CPP, "torch_csrc"},
      {"torch/csrc/lazy/test_mnist.py", STRATA_LANG_PYTHON, "tests"},
      {"torch/csrc/jit/tensorexpr/scripts/bisect.py", STRATA_LANG_PYTHON, "scripts"},
      {"torch/nn/functional.py", STRATA_LANG_PYTHON, "torch"},
      {"torch/_C/_autograd.pyi", STRATA_LANG_PYTHON, "torch"},
      {"caffe2/utils/threadpool/pthreadpool-cpp.h", STRATA_LANG_CPP, "caffe2_base"},
      {"caffe2/serialize/inline_container.h", STRATA_LANG_CPP, "caffe2_base"},
      {"caffe2/core/operator.h", STRATA_LANG_CPP, "caffe2"},
      {"caffe2/python/core.py", STRATA_LANG_PYTHON, "caffe2_python"},
      {"test/test_nn.py", STRATA_LANG_PYTHON, "tests"},
      {"benchmarks/operator_benchmark/benchmark_core.py", STRATA_LANG_PYTHON, "benchmarks"},
      {"torchgen/gen.py", STRATA_LANG_PYTHON, "codegen"},
      {"setup.py", STRATA_LANG_PYTHON, ""},
      // Literal paths (torch_python lists libtorch_python's sources).
      {"torch/csrc/Module.cpp", STRATA_LANG_CPP, "torch_python"},
      {"torch/csrc/autograd/python_variable.cpp", STRATA_LANG_CPP, "torch_python"},
  };
  // The index (literal paths in a map) says what the plain search says.
  config_component_index *index = config_component_index_new(config);
  for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
    if (strcmp(builtin_component(config, files[i].path, files[i].language), files[i].component))
      fail_msg("%s is in '%s', not '%s'", files[i].path,
               builtin_component(config, files[i].path, files[i].language), files[i].component);
    assert_int_equal(config_component_index_of(index, files[i].path, files[i].language),
                     config_component_of(config, files[i].path, files[i].language));
  }
  config_component_index_delete(index);
  assert_true(config_folder_is_excluded(config, "third_party"));
  assert_true(config_folder_is_excluded(config, "web/node_modules"));
  assert_true(config_generated_header(config, "ATen/ops/empty.h") != NULL);
  assert_true(config_generated_header(config, "torch/version.h") != NULL);
  assert_null(config_generated_header(config, "ATen/core/Tensor.h"));
  assert_string_equal(config->deprecations.version_file, "version.txt");
  config_delete(config);
  config_delete(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_errors_have_exact_positions),
      cmocka_unit_test(test_unreadable_file),
      cmocka_unit_test(test_file_errors_name_the_file),
      cmocka_unit_test(test_empty_documents_give_defaults),
      cmocka_unit_test(test_every_key),
      cmocka_unit_test(test_layer_scopes_and_exhaustive),
      cmocka_unit_test(test_component_of_prefers_the_most_specific_glob),
      cmocka_unit_test(test_component_of_by_language),
      cmocka_unit_test(test_exclusion),
      cmocka_unit_test(test_builtin_default),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
