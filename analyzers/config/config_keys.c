// The key tables of strata.yaml and their handlers. A new key is one entry in
// a table below plus one handler (here, or in a file of its own for a large
// one, declared in config_parse.h); the tables also drive the unknown-key
// and duplicate-key errors and the "did you mean" suggestions.
#include "config_keys.h"

#include "config_parse.h"
#include "strbuf.h"
#include "xalloc.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// version, exclude, max_file_bytes, max_file_seconds, max_file_memory

static bool config__version(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'version' must be 1, not %s", config_node_kind_name(node));
  if (strcmp(node->value, "1") != 0)
    return config__fail(parser, node, "unsupported version '%s'; this strata reads version 1",
                        node->value);
  parser->config->version = 1;
  return true;
}

static bool config__exclude(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  strata_config *config = parser->config;
  return config__glob_list(parser, node, "exclude", &config->exclude, &config->exclude_count);
}

static bool config__max_file_bytes(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'max_file_bytes' must be a number of bytes, not %s",
                        config_node_kind_name(node));
  const char *text = node->value;
  bool digits = text[0] != '\0' && strspn(text, "0123456789") == strlen(text);
  errno = 0;
  unsigned long long value = digits ? strtoull(text, NULL, 10) : 0;
  if (!digits || errno == ERANGE || value == 0 || (unsigned long long)(size_t)value != value)
    return config__fail(
        parser, node, "'max_file_bytes' must be a positive whole number of bytes, not '%s'", text);
  parser->config->max_file_bytes = (size_t)value;
  return true;
}

static bool config__max_file_memory(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'max_file_memory' must be a number of bytes, not %s",
                        config_node_kind_name(node));
  const char *text = node->value;
  bool digits = text[0] != '\0' && strspn(text, "0123456789") == strlen(text);
  errno = 0;
  unsigned long long value = digits ? strtoull(text, NULL, 10) : 0;
  if (!digits || errno == ERANGE || value == 0 || (unsigned long long)(size_t)value != value)
    return config__fail(
        parser, node, "'max_file_memory' must be a positive whole number of bytes, not '%s'", text);
  parser->config->max_file_memory = (size_t)value;
  return true;
}

static bool config__max_file_seconds(config__parser *parser, const config_node *node,
                                     void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'max_file_seconds' must be a number of seconds, not %s",
                        config_node_kind_name(node));
  const char *text = node->value;
  // Digits with at most one '.', digits on both sides: 10, 2.5, 0.05.
  size_t whole = strspn(text, "0123456789");
  size_t fraction = text[whole] == '.' ? strspn(text + whole + 1, "0123456789") : 0;
  size_t length = whole + (text[whole] == '.' ? 1 + fraction : 0);
  errno = 0;
  double value =
      whole && (text[whole] != '.' || fraction) && length == strlen(text) ? strtod(text, NULL) : 0;
  if (!(value > 0) || value > 1e6)
    return config__fail(parser, node,
                        "'max_file_seconds' must be a positive number of seconds (at most "
                        "1000000), not '%s'",
                        text);
  parser->config->max_file_seconds = value;
  return true;
}

// ---------------------------------------------------------------------------
// python, cxx

// Makes a folder path canonical: no "." or empty segments, "." for the root.
static bool config__relative_folder(config__parser *parser, const config_node *item, char **text) {
  const char *path = *text;
  if (path[0] == '/')
    return config__fail(parser, item, "python root '%s' must be relative to the analyzed root",
                        path);
  strbuf canonical;
  strbuf_init(&canonical);
  bool ok = true;
  for (const char *segment = path; *segment;) {
    size_t size = strcspn(segment, "/");
    if (size == 2 && strncmp(segment, "..", 2) == 0) {
      ok = config__fail(parser, item, "python root '%s' leaves the analyzed root", path);
      goto cleanup;
    }
    if (size > 0 && !(size == 1 && segment[0] == '.')) {
      if (canonical.length > 0)
        strbuf_append_char(&canonical, '/');
      strbuf_append(&canonical, segment, size);
    }
    segment += size;
    segment += *segment == '/';
  }
  if (canonical.length == 0)
    strbuf_append_char(&canonical, '.');
  free(*text);
  *text = strbuf_detach(&canonical);
cleanup:
  strbuf_release(&canonical);
  return ok;
}

static bool config__python_roots(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  strata_config *config = parser->config;
  return config__string_list(parser, node, "python.roots", "a list of folder paths",
                             "a folder path", config__relative_folder, &config->python_roots,
                             &config->python_root_count);
}

static bool config__python_scripts(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  strata_config *config = parser->config;
  return config__glob_list(parser, node, "python.scripts", &config->python_scripts,
                           &config->python_script_count);
}

static bool config__python(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"roots", config__python_roots, CONFIG_PHASE_MAIN},
      {"scripts", config__python_scripts, CONFIG_PHASE_MAIN},
  };
  return config__nested(parser, node, "python", keys, sizeof(keys) / sizeof(keys[0]));
}

// Drops trailing slashes, which say nothing about a folder.
static bool config__include_dir(config__parser *parser, const config_node *item, char **text) {
  (void)parser;
  (void)item;
  size_t length = strlen(*text);
  while (length > 1 && (*text)[length - 1] == '/')
    (*text)[--length] = '\0';
  return true;
}

static bool config__cxx_include_dirs(config__parser *parser, const config_node *node,
                                     void *target) {
  (void)target;
  strata_config *config = parser->config;
  return config__string_list(parser, node, "cxx.include_dirs", "a list of folder paths",
                             "a folder path", config__include_dir, &config->cxx_include_dirs,
                             &config->cxx_include_dir_count);
}

static bool config__define(config__parser *parser, const config_node *item, char **text) {
  const char *define = *text;
  size_t name = strspn(define, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
  if (name == 0 || (define[0] >= '0' && define[0] <= '9') ||
      (define[name] != '\0' && define[name] != '='))
    return config__fail(parser, item, "invalid define '%s': expected NAME or NAME=VALUE", define);
  return true;
}

static bool config__cxx_defines(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  strata_config *config = parser->config;
  return config__string_list(parser, node, "cxx.defines", "a list of macro definitions",
                             "a macro definition", config__define, &config->cxx_defines,
                             &config->cxx_define_count);
}

static bool config__cxx_std(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'cxx.std' must be a language standard, not %s",
                        config_node_kind_name(node));
  const char *text = node->value;
  if (text[0] == '\0' || strspn(text, "abcdefghijklmnopqrstuvwxyz0123456789+:") != strlen(text))
    return config__fail(parser, node,
                        "'cxx.std' must be a language standard such as 'c++17', not '%s'", text);
  free(parser->config->cxx_std);
  parser->config->cxx_std = xstrdup(text);
  return true;
}

// A path string (cxx.compile_commands, cxx.cuda_path) into *out.
static bool config__cxx_path(config__parser *parser, const config_node *node, const char *name,
                             char **out) {
  if (config_node_is_null(node))
    return true;
  if (!config__is_string(node) || node->value[0] == '\0')
    return config__fail(parser, node, "'%s' must be a path, not %s", name,
                        config_node_kind_name(node));
  free(*out);
  *out = xstrdup(node->value);
  return true;
}

static bool config__cxx_compile_commands(config__parser *parser, const config_node *node,
                                         void *target) {
  (void)target;
  return config__cxx_path(parser, node, "cxx.compile_commands",
                          &parser->config->cxx_compile_commands);
}

static bool config__cxx_cuda_path(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  return config__cxx_path(parser, node, "cxx.cuda_path", &parser->config->cxx_cuda_path);
}

static bool config__cxx(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"include_dirs", config__cxx_include_dirs, CONFIG_PHASE_MAIN},
      {"defines", config__cxx_defines, CONFIG_PHASE_MAIN},
      {"std", config__cxx_std, CONFIG_PHASE_MAIN},
      {"compile_commands", config__cxx_compile_commands, CONFIG_PHASE_MAIN},
      {"cuda_path", config__cxx_cuda_path, CONFIG_PHASE_MAIN},
  };
  return config__nested(parser, node, "cxx", keys, sizeof(keys) / sizeof(keys[0]));
}

// ---------------------------------------------------------------------------
// forbidden

bool config__selectors(config__parser *parser, const config_node *node, const char *name,
                       bool headers, config_selector **selectors, size_t *count) {
  static const char what[] = "a component name or glob, or a list of them";
  if (config_node_is_null(node))
    return config__fail(parser, node, "'%s' must be %s, not empty", name, what);
  if (!config__expect_list(parser, node, name, what, true))
    return false;
  size_t total = node->kind == CONFIG_NODE_SEQUENCE ? node->child_count : 1;
  if (total == 0)
    return config__fail(parser, node, "'%s' must name at least one component or glob", name);
  *selectors = xcalloc(total, sizeof(**selectors));
  strata_config *config = parser->config;
  for (size_t i = 0; i < total; i++) {
    const config_node *item = node->kind == CONFIG_NODE_SEQUENCE ? node->children[i] : node;
    if (!config__expect_item(parser, item, name, "a component name or glob"))
      return false;
    config_selector *selector = &(*selectors)[(*count)++];
    selector->text = xstrdup(item->value);
    selector->component = -1;
    if (strncmp(item->value, "module:", 7) == 0 || item->value[0] == '<') {
      if (!config__external_selector(parser, item, name, headers, selector))
        return false;
      continue;
    }
    if (item->value[strcspn(item->value, "/*?[")] != '\0') {
      if (!config__glob(parser, item, &selector->path_glob))
        return false;
      continue;
    }
    selector->component = config__component_index(config, item->value);
    if (selector->component < 0) {
      char hint[128];
      config__component_hint(config, item->value, hint, sizeof(hint));
      if (!hint[0])
        snprintf(hint, sizeof(hint), "; a Python module is written 'module:%s'", item->value);
      return config__fail(parser, item, "unknown component '%s'%s", item->value, hint);
    }
  }
  return true;
}

static bool config__forbidden_from(config__parser *parser, const config_node *node, void *target) {
  config_forbidden *entry = target;
  return config__selectors(parser, node, "forbidden.from", false, &entry->from, &entry->from_count);
}

static bool config__forbidden_to(config__parser *parser, const config_node *node, void *target) {
  config_forbidden *entry = target;
  return config__selectors(parser, node, "forbidden.to", true, &entry->to, &entry->to_count);
}

static bool config__forbidden_why(config__parser *parser, const config_node *node, void *target) {
  config_forbidden *entry = target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'forbidden.why' must be a string, not %s",
                        config_node_kind_name(node));
  entry->why = xstrdup(node->value);
  return true;
}

static bool config__forbidden_transitive(config__parser *parser, const config_node *node,
                                         void *target) {
  config_forbidden *entry = target;
  if (config_node_is_null(node))
    return true;
  return config__boolean(parser, node, "forbidden.transitive", &entry->transitive);
}

static bool config__forbidden_scopes(config__parser *parser, const config_node *node,
                                     void *target) {
  config_forbidden *entry = target;
  return config__scopes(parser, node, "forbidden.scopes", &entry->scopes);
}

static bool config__forbidden(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"from", config__forbidden_from, CONFIG_PHASE_MAIN},
      {"to", config__forbidden_to, CONFIG_PHASE_MAIN},
      {"why", config__forbidden_why, CONFIG_PHASE_MAIN},
      {"transitive", config__forbidden_transitive, CONFIG_PHASE_MAIN},
      {"scopes", config__forbidden_scopes, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  if (!config__expect_list(parser, node, "forbidden", "a list of {from, to, why} entries", false))
    return false;
  if (node->kind != CONFIG_NODE_SEQUENCE)
    return true;
  config->forbidden = xcalloc(node->child_count, sizeof(*config->forbidden));
  for (size_t i = 0; i < node->child_count; i++) {
    const config_node *item = node->children[i];
    if (item->kind != CONFIG_NODE_MAPPING)
      return config__fail(parser, item,
                          "each item of 'forbidden' must be a mapping with 'from' and 'to', not %s",
                          config_node_kind_name(item));
    config_forbidden *entry = &config->forbidden[config->forbidden_count++];
    entry->position = item->position;
    if (!config__run_table(parser, item, keys, sizeof(keys) / sizeof(keys[0]),
                           "a 'forbidden' entry", entry))
      return false;
    // A chain counts what runs at import time unless the entry says more.
    if (!entry->scopes)
      entry->scopes = entry->transitive ? CONFIG_SCOPES_IMPORT_TIME : CONFIG_SCOPES_ALL;
    if (!entry->from)
      return config__fail(parser, item, "a 'forbidden' entry needs 'from'");
    if (!entry->to)
      return config__fail(parser, item, "a 'forbidden' entry needs 'to'");
  }
  return true;
}

// ---------------------------------------------------------------------------
// deprecations

static bool config__macro_name(config__parser *parser, const config_node *item, char **text) {
  const char *name = *text;
  size_t length = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
  if (length == 0 || name[length] != '\0' || (name[0] >= '0' && name[0] <= '9'))
    return config__fail(parser, item, "invalid macro name '%s': expected a C identifier", name);
  return true;
}

static bool config__call_name(config__parser *parser, const config_node *item, char **text) {
  const char *name = *text;
  size_t length = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789.");
  if (length == 0 || name[length] != '\0' || name[0] == '.' || name[length - 1] == '.' ||
      strstr(name, "..") || (name[0] >= '0' && name[0] <= '9'))
    return config__fail(parser, item,
                        "invalid call name '%s': expected a Python name such as 'warn_deprecated' "
                        "or 'torch.utils.deprecated'",
                        name);
  return true;
}

// Compiles the pattern as the deprecation checks will (deprecation_dates.c:
// UTF, with invalid UTF-8 in the text matched as bytes) and reports where it
// is wrong.
static bool config__pattern(config__parser *parser, const config_node *item, char **text) {
  int error_code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)*text, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &error_code, &offset, NULL);
  if (code) {
    pcre2_code_free(code);
    return true;
  }
  PCRE2_UCHAR message[256];
  if (pcre2_get_error_message(error_code, message, sizeof(message)) < 0)
    snprintf((char *)message, sizeof(message), "error %d", error_code);
  return config__fail(parser, item, "invalid pattern '%s': %s, at offset %zu", *text,
                      (const char *)message, (size_t)offset);
}

static bool config__deprecation_macros(config__parser *parser, const config_node *node,
                                       void *target) {
  (void)target;
  config_deprecations *deprecations = &parser->config->deprecations;
  return config__string_list(parser, node, "deprecations.cxx_macros", "a list of macro names",
                             "a macro name", config__macro_name, &deprecations->cxx_macros,
                             &deprecations->cxx_macro_count);
}

static bool config__deprecation_calls(config__parser *parser, const config_node *node,
                                      void *target) {
  (void)target;
  config_deprecations *deprecations = &parser->config->deprecations;
  return config__string_list(parser, node, "deprecations.python_calls", "a list of call names",
                             "a call name", config__call_name, &deprecations->python_calls,
                             &deprecations->python_call_count);
}

static bool config__dated_patterns(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  config_deprecations *deprecations = &parser->config->deprecations;
  return config__string_list(parser, node, "deprecations.dated_patterns",
                             "a list of regular expressions", "a regular expression",
                             config__pattern, &deprecations->dated_patterns,
                             &deprecations->dated_pattern_count);
}

static bool config__removal_patterns(config__parser *parser, const config_node *node,
                                     void *target) {
  (void)target;
  config_deprecations *deprecations = &parser->config->deprecations;
  return config__string_list(parser, node, "deprecations.removal_patterns",
                             "a list of regular expressions", "a regular expression",
                             config__pattern, &deprecations->removal_patterns,
                             &deprecations->removal_pattern_count);
}

// A release version as strata compares it: digits and dots, an optional
// leading 'v', then any pre-release or local suffix ("2.6.0a0", "v2.10").
static bool config__is_version(const char *text) {
  text += *text == 'v' || *text == 'V';
  if (!(*text >= '0' && *text <= '9'))
    return false;
  while ((*text >= '0' && *text <= '9') || (*text == '.' && text[1] >= '0' && text[1] <= '9'))
    text++;
  return strspn(text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-_") ==
         strlen(text);
}

static bool config__current_version(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (node->kind != CONFIG_NODE_SCALAR)
    return config__fail(parser, node, "'deprecations.current_version' must be a version, not %s",
                        config_node_kind_name(node));
  if (!config__is_version(node->value))
    return config__fail(parser, node,
                        "'deprecations.current_version' must be a version such as '2.6.0', not "
                        "'%s'",
                        node->value);
  free(parser->config->deprecations.current_version);
  parser->config->deprecations.current_version = xstrdup(node->value);
  return true;
}

static bool config__version_file(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (!config__is_string(node) || node->value[0] == '\0')
    return config__fail(parser, node, "'deprecations.version_file' must be a file path, not %s",
                        config_node_kind_name(node));
  free(parser->config->deprecations.version_file);
  parser->config->deprecations.version_file = xstrdup(node->value);
  return true;
}

static bool config__deprecations(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"cxx_macros", config__deprecation_macros, CONFIG_PHASE_MAIN},
      {"python_calls", config__deprecation_calls, CONFIG_PHASE_MAIN},
      {"dated_patterns", config__dated_patterns, CONFIG_PHASE_MAIN},
      {"removal_patterns", config__removal_patterns, CONFIG_PHASE_MAIN},
      {"current_version", config__current_version, CONFIG_PHASE_MAIN},
      {"version_file", config__version_file, CONFIG_PHASE_MAIN},
  };
  return config__nested(parser, node, "deprecations", keys, sizeof(keys) / sizeof(keys[0]));
}

// ---------------------------------------------------------------------------
// baseline, suppressions, allow (docs/suppressions.md)

static bool config__baseline(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (!config__is_string(node) || node->value[0] == '\0')
    return config__fail(parser, node, "'baseline' must be a file path, not %s",
                        config_node_kind_name(node));
  free(parser->config->baseline);
  parser->config->baseline = xstrdup(node->value);
  parser->config->baseline_position = node->position;
  return true;
}

static bool config__respect_gitignore(config__parser *parser, const config_node *node,
                                      void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  return config__boolean(parser, node, "respect_gitignore", &parser->config->respect_gitignore);
}

static bool config__require_reason(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  return config__boolean(parser, node, "suppressions.require_reason",
                         &parser->config->require_reason);
}

static bool config__suppressions(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"require_reason", config__require_reason, CONFIG_PHASE_MAIN},
  };
  return config__nested(parser, node, "suppressions", keys, sizeof(keys) / sizeof(keys[0]));
}

// Whether text is a real day written YYYY-MM-DD.
static bool config__is_day(const char *text) {
  if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
    return false;
  for (size_t i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !(text[i] >= '0' && text[i] <= '9'))
      return false;
  int year = atoi(text), month = atoi(text + 5), day = atoi(text + 8);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1)
    return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap);
}

static bool config__allow_from(config__parser *parser, const config_node *node, void *target) {
  config_allowance *entry = target;
  return config__selectors(parser, node, "allow.from", false, &entry->from, &entry->from_count);
}

static bool config__allow_to(config__parser *parser, const config_node *node, void *target) {
  config_allowance *entry = target;
  return config__selectors(parser, node, "allow.to", false, &entry->to, &entry->to_count);
}

static bool config__allow_why(config__parser *parser, const config_node *node, void *target) {
  config_allowance *entry = target;
  if (!config__is_string(node) || node->value[0] == '\0')
    return config__fail(parser, node, "'allow.why' must be a reason, not %s",
                        config_node_kind_name(node));
  entry->why = xstrdup(node->value);
  return true;
}

static bool config__allow_until(config__parser *parser, const config_node *node, void *target) {
  config_allowance *entry = target;
  if (node->kind != CONFIG_NODE_SCALAR || config_node_is_null(node))
    return config__fail(parser, node, "'allow.until' must be a date such as 2027-03-31, not %s",
                        config_node_kind_name(node));
  if (!config__is_day(node->value))
    return config__fail(parser, node, "'allow.until' must be a date such as 2027-03-31, not '%s'",
                        node->value);
  memcpy(entry->until, node->value, sizeof(entry->until));
  return true;
}

static bool config__allow(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"from", config__allow_from, CONFIG_PHASE_MAIN},
      {"to", config__allow_to, CONFIG_PHASE_MAIN},
      {"why", config__allow_why, CONFIG_PHASE_MAIN},
      {"until", config__allow_until, CONFIG_PHASE_MAIN},
  };
  strata_config *config = parser->config;
  if (!config__expect_list(parser, node, "allow", "a list of {from, to, why, until} entries",
                           false))
    return false;
  if (node->kind != CONFIG_NODE_SEQUENCE)
    return true;
  config->allowances = xcalloc(node->child_count, sizeof(*config->allowances));
  for (size_t i = 0; i < node->child_count; i++) {
    const config_node *item = node->children[i];
    if (item->kind != CONFIG_NODE_MAPPING)
      return config__fail(parser, item,
                          "each item of 'allow' must be a mapping with 'from', 'to', 'why' and "
                          "'until', not %s",
                          config_node_kind_name(item));
    config_allowance *entry = &config->allowances[config->allowance_count++];
    entry->position = item->position;
    if (!config__run_table(parser, item, keys, sizeof(keys) / sizeof(keys[0]), "an 'allow' entry",
                           entry))
      return false;
    // Every allowance says why and until when: one that never ends is a
    // change of the rules, for `forbidden` or `layers`.
    static const char *const required[] = {"from", "to", "why", "until"};
    bool present[] = {entry->from != NULL, entry->to != NULL, entry->why != NULL,
                      entry->until[0] != '\0'};
    for (size_t k = 0; k < 4; k++)
      if (!present[k])
        return config__fail(parser, item, "an 'allow' entry needs '%s'", required[k]);
  }
  return true;
}

// ---------------------------------------------------------------------------
// sarif (docs/integrations.md)

static bool config__sarif_category(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  if (config_node_is_null(node))
    return true;
  if (!config__is_string(node))
    return config__fail(parser, node,
                        "'sarif.category' must be a name such as 'strata-cpp', not %s",
                        config_node_kind_name(node));
  if (!config_sarif_category_valid(node->value))
    return config__fail(parser, node,
                        "'sarif.category' must be a name without white space or control "
                        "characters, of at most 255 bytes, not '%s'",
                        node->value);
  free(parser->config->sarif_category);
  parser->config->sarif_category = xstrdup(node->value);
  return true;
}

static bool config__sarif(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  static const config__key keys[] = {
      {"category", config__sarif_category, CONFIG_PHASE_MAIN},
  };
  return config__nested(parser, node, "sarif", keys, sizeof(keys) / sizeof(keys[0]));
}

static bool config__layer_scopes(config__parser *parser, const config_node *node, void *target) {
  (void)target;
  return config__scopes(parser, node, "layer_scopes", &parser->config->layer_scopes);
}

// ---------------------------------------------------------------------------

static const config__key config__top_keys[] = {
    {"version", config__version, CONFIG_PHASE_VERSION},
    {"exclude", config__exclude, CONFIG_PHASE_MAIN},
    {"python", config__python, CONFIG_PHASE_MAIN},
    {"cxx", config__cxx, CONFIG_PHASE_MAIN},
    {"components", config__components, CONFIG_PHASE_MAIN},
    {"max_file_bytes", config__max_file_bytes, CONFIG_PHASE_MAIN},
    {"max_file_seconds", config__max_file_seconds, CONFIG_PHASE_MAIN},
    {"max_file_memory", config__max_file_memory, CONFIG_PHASE_MAIN},
    {"respect_gitignore", config__respect_gitignore, CONFIG_PHASE_MAIN},
    {"deprecations", config__deprecations, CONFIG_PHASE_MAIN},
    {"baseline", config__baseline, CONFIG_PHASE_MAIN},
    {"suppressions", config__suppressions, CONFIG_PHASE_MAIN},
    {"sarif", config__sarif, CONFIG_PHASE_MAIN},
    {"rules", config__rules, CONFIG_PHASE_MAIN},
    {"layers", config__layers, CONFIG_PHASE_REFERENCES},
    {"layer_scopes", config__layer_scopes, CONFIG_PHASE_MAIN},
    {"forbidden", config__forbidden, CONFIG_PHASE_REFERENCES},
    {"allow", config__allow, CONFIG_PHASE_REFERENCES},
    {"independence", config__independence, CONFIG_PHASE_REFERENCES},
    {"protected", config__protected, CONFIG_PHASE_REFERENCES},
    {"ignore", config__ignore, CONFIG_PHASE_REFERENCES},
    {"layered", config__layered, CONFIG_PHASE_MAIN},
    {"acyclic_siblings", config__acyclic_siblings, CONFIG_PHASE_MAIN},
    {"generated", config__generated, CONFIG_PHASE_REFERENCES},
    {"bridge", config__bridge, CONFIG_PHASE_MAIN},
};

bool config_keys_parse(const config_node *root, strata_config *config, config_error *error) {
  config__parser parser = {.config = config, .error = error};
  if (!root || config_node_is_null(root))
    return true;
  if (root->kind != CONFIG_NODE_MAPPING)
    return config__fail(&parser, root, "the configuration must be a mapping of keys, not %s",
                        config_node_kind_name(root));
  return config__run_table(&parser, root, config__top_keys,
                           sizeof(config__top_keys) / sizeof(config__top_keys[0]), NULL, NULL);
}
