// lintrunner's adapter protocol: each stdout line is one LintMessage as JSON
// (suo/lintrunner, src/lint_message.rs); any other line fails the linter.
#include "report_workflow.h"

#include "report_util.h"
#include "rule.h"

// Compact, so one message is one line; ASCII only, so the bytes mean the
// same whatever the reader assumes about encodings.
#define LINTRUNNER_JSON_FLAGS (JSON_COMPACT | JSON_ENSURE_ASCII)

static const char *report_lintrunner__severity(rule_level level) {
  switch (level) {
  case RULE_LEVEL_ERROR:
    return "error";
  case RULE_LEVEL_WARNING:
    return "warning";
  case RULE_LEVEL_NOTE:
    return "advice";
  }
  return "error";
}

// A 1-based position, or null when unknown (0).
static json_t *report_lintrunner__position(uint32_t value) {
  return value > 0 ? json_integer((json_int_t)value) : json_null();
}

// Every field, in the order lint_message.rs declares them, even when null.
static json_t *report_lintrunner__message(const char *code, json_t *path, json_t *line,
                                          json_t *column, const char *severity, const char *name,
                                          const char *description) {
  json_t *message = json_object();
  json_object_set_new(message, "path", path);
  json_object_set_new(message, "line", line);
  json_object_set_new(message, "char", column);
  json_object_set_new(message, "code", report_json_string(code ? code : REPORT_LINTRUNNER_CODE));
  json_object_set_new(message, "severity", json_string(severity));
  json_object_set_new(message, "name", report_json_string(name));
  json_object_set_new(message, "description", report_json_string(description));
  json_object_set_new(message, "original", json_null());
  json_object_set_new(message, "replacement", json_null());
  return message;
}

static bool report_lintrunner__write(FILE *out, json_t *message) {
  bool ok = json_dumpf(message, out, LINTRUNNER_JSON_FLAGS) == 0 && fputc('\n', out) != EOF;
  json_decref(message);
  return ok;
}

bool report_lintrunner(FILE *out, const report_context *context) {
  bool ok = true;
  for (size_t i = 0; i < context->findings->count && ok; i++) {
    const finding *item = &context->findings->items[i];
    uint32_t line = item->location.line;
    json_t *message = report_lintrunner__message(
        context->lintrunner_code, report_json_string(item->location.path),
        report_lintrunner__position(line),
        report_lintrunner__position(line > 0 ? item->location.column : 0),
        report_lintrunner__severity(item->level), item->rule->id, item->message);
    ok = report_lintrunner__write(out, message);
  }
  return ok && report_flush(out);
}

bool report_lintrunner_failure(FILE *out, const char *code, const char *name,
                               const char *description) {
  json_t *message = report_lintrunner__message(code, json_null(), json_null(), json_null(), "error",
                                               name, description);
  return report_lintrunner__write(out, message) && report_flush(out);
}
