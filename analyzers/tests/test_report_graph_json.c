// Unit tests for report_graph_json.c: the contract of
// `strata graph --format json`, one entry a line.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_report_fixture.h"
#include "xalloc.h"

#include <string.h>

// Two components, torch and c10; a Python file under no python root (module
// NULL) and a header in no component.
static graph *small_graph(strata_config *config, config_component components[2]) {
  memset(config, 0, sizeof(*config));
  memset(components, 0, 2 * sizeof(*components));
  components[0].name = "torch";
  components[1].name = "c10";
  config->components = components;
  config->component_count = 2;

  graph *deps = graph_new();
  uint32_t core = graph_add_file(deps, "c10/core/Device.h", STRATA_LANG_CPP, NULL);
  uint32_t loose = graph_add_file(deps, "scripts/tool.py", STRATA_LANG_PYTHON, NULL);
  uint32_t linear = graph_add_file(deps, "torch/nn/modules/linear.py", STRATA_LANG_PYTHON, NULL);
  uint32_t kernel = graph_add_file(deps, "torch/csrc/k.cu", STRATA_LANG_CUDA, NULL);
  deps->files[core].module = xstrdup("c10/core/Device.h");
  deps->files[core].component = 1;
  deps->files[linear].module = xstrdup("torch.nn.modules.linear");
  deps->files[linear].component = 0;
  deps->files[kernel].module = xstrdup("torch/csrc/k.cu");
  deps->files[kernel].component = 0;
  (void)loose;
  graph_edge include = {.from = kernel,
                        .to = core,
                        .kind = FACT_DEP_INCLUDE,
                        .line = 2,
                        .column = 1,
                        .scope = FACT_SCOPE_MODULE};
  graph_edge lazy = {.from = linear,
                     .to = loose,
                     .kind = FACT_DEP_IMPORT,
                     .line = 9,
                     .column = 5,
                     .scope = FACT_SCOPE_FUNCTION};
  graph_add_edge(deps, &include);
  graph_add_edge(deps, &lazy);
  graph_add_unresolved(deps, linear, "numpy", 3, 1, NULL);
  return deps;
}

static char *render(const graph *deps, const strata_config *config) {
  finding_list *findings = finding_list_new();
  report_context context = {.findings = findings, .graph = deps, .config = config};
  bool ok = false;
  char *text = fixture_capture(report_graph_json, &context, &ok);
  assert_true(ok);
  finding_list_delete(findings);
  return text;
}

// The whole text: the layout is part of the contract (one entry a line).
static void test_exact_output(void **state) {
  (void)state;
  strata_config config;
  config_component components[2];
  graph *deps = small_graph(&config, components);
  char *text = render(deps, &config);
  assert_string_equal(
      text, "{\n"
            "  \"version\": 1,\n"
            "  \"files\": [\n"
            "    {\"path\": \"c10/core/Device.h\", \"language\": \"cpp\", \"module\": "
            "\"c10/core/Device.h\", \"component\": \"c10\"},\n"
            "    {\"path\": \"scripts/tool.py\", \"language\": \"python\", \"module\": null, "
            "\"component\": null},\n"
            "    {\"path\": \"torch/nn/modules/linear.py\", \"language\": \"python\", \"module\": "
            "\"torch.nn.modules.linear\", \"component\": \"torch\"},\n"
            "    {\"path\": \"torch/csrc/k.cu\", \"language\": \"cuda\", \"module\": "
            "\"torch/csrc/k.cu\", \"component\": \"torch\"}\n"
            "  ],\n"
            "  \"edges\": [\n"
            "    {\"from\": \"torch/csrc/k.cu\", \"to\": \"c10/core/Device.h\", \"kind\": "
            "\"include\", \"line\": 2, \"scope\": \"module\"},\n"
            "    {\"from\": \"torch/nn/modules/linear.py\", \"to\": \"scripts/tool.py\", "
            "\"kind\": \"import\", \"line\": 9, \"scope\": \"function\"}\n"
            "  ],\n"
            "  \"unresolved\": [\n"
            "    {\"from\": \"torch/nn/modules/linear.py\", \"target\": \"numpy\", \"line\": 3, "
            "\"language\": \"python\", \"category\": \"external\"}\n"
            "  ],\n"
            "  \"deprecations\": []\n"
            "}\n");
  free(text);
  graph_delete(deps);
}

static void test_empty_graph(void **state) {
  (void)state;
  graph *deps = graph_new();
  char *text = render(deps, NULL);
  assert_string_equal(text, "{\n"
                            "  \"version\": 1,\n"
                            "  \"files\": [],\n"
                            "  \"edges\": [],\n"
                            "  \"unresolved\": [],\n"
                            "  \"deprecations\": []\n"
                            "}\n");
  json_t *parsed = json_loads(text, 0, NULL);
  assert_non_null(parsed);
  json_decref(parsed);
  free(text);
  graph_delete(deps);
}

// Odd paths stay valid JSON and round-trip; a component index with no config
// is null, not a crash.
static void test_escaping_and_missing_config(void **state) {
  (void)state;
  graph *deps = graph_new();
  const char *odd = "a \"b\"/c\\d/\xc3\xa9\x01.py";
  uint32_t index = graph_add_file(deps, odd, STRATA_LANG_PYTHON, NULL);
  deps->files[index].component = 0;
  graph_add_unresolved(deps, index, "x\ny", 1, 1, NULL);
  char *text = render(deps, NULL);
  json_error_t error;
  json_t *parsed = json_loads(text, 0, &error);
  if (!parsed)
    fail_msg("graph json does not parse: %s", error.text);
  json_t *file = json_array_get(json_object_get(parsed, "files"), 0);
  assert_string_equal(json_string_value(json_object_get(file, "path")), odd);
  assert_true(json_is_null(json_object_get(file, "component")));
  json_t *missing = json_array_get(json_object_get(parsed, "unresolved"), 0);
  assert_string_equal(json_string_value(json_object_get(missing, "from")), odd);
  assert_string_equal(json_string_value(json_object_get(missing, "target")), "x\ny");
  json_decref(parsed);
  free(text);
  graph_delete(deps);
}

// A graph of PyTorch's size: every entry is written and the result parses.
static void test_large_graph(void **state) {
  (void)state;
  graph *deps = graph_new();
  char path[64];
  for (int i = 0; i < 9000; i++) {
    snprintf(path, sizeof(path), "torch/m%05d.py", i);
    graph_add_file(deps, path, STRATA_LANG_PYTHON, NULL);
  }
  for (uint32_t i = 0; i + 1 < 9000; i++) {
    graph_edge edge = {.from = i, .to = i + 1, .kind = FACT_DEP_IMPORT, .line = 1, .column = 1};
    graph_add_edge(deps, &edge);
  }
  char *text = render(deps, NULL);
  json_t *parsed = json_loads(text, 0, NULL);
  assert_non_null(parsed);
  assert_int_equal(json_array_size(json_object_get(parsed, "files")), 9000);
  assert_int_equal(json_array_size(json_object_get(parsed, "edges")), 8999);
  json_decref(parsed);
  free(text);
  graph_delete(deps);
}

static void test_write_error_is_reported(void **state) {
  (void)state;
  strata_config config;
  config_component components[2];
  graph *deps = small_graph(&config, components);
  finding_list *findings = finding_list_new();
  report_context context = {.findings = findings, .graph = deps, .config = &config};
  assert_false(fixture_report_to_full_disk(report_graph_json, &context));
  finding_list_delete(findings);
  graph_delete(deps);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_exact_output),
      cmocka_unit_test(test_empty_graph),
      cmocka_unit_test(test_escaping_and_missing_config),
      cmocka_unit_test(test_large_graph),
      cmocka_unit_test(test_write_error_is_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
