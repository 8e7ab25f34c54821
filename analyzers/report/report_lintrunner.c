// lintrunner's adapter protocol: each stdout line is one LintMessage as JSON
// (suo/lintrunner, src/lint_message.rs); any other line fails the linter.
#include "report_workflow.h"

#include "report_util.h"
#include "rule.h"
#include "source.h"
#include "strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
  json_object_set_new(message, "code", json_text_string(code ? code : REPORT_LINTRUNNER_CODE));
  json_object_set_new(message, "severity", json_string(severity));
  json_object_set_new(message, "name", json_text_string(name));
  json_object_set_new(message, "description", json_text_string(description));
  json_object_set_new(message, "original", json_null());
  json_object_set_new(message, "replacement", json_null());
  return message;
}

// lintrunner reads each line with serde_json into Rust strings, which hold
// UTF-8 only: bytes that are not UTF-8 are written as U+FFFD (a lone
// surrogate escape would fail the whole linter).
static bool report_lintrunner__write(FILE *out, json_t *message) {
  char *text = json_text_dumps(message, LINTRUNNER_JSON_FLAGS, false);
  bool ok = text && fputs(text, out) != EOF && fputc('\n', out) != EOF;
  free(text);
  json_decref(message);
  return ok;
}

// A path lintrunner can hold names the file; one that is not UTF-8 cannot be
// given to it as a path at all (U+FFFD would name a file that does not
// exist), so its finding goes without a path, as a message about no file,
// and its description names the file exactly, each byte that is not UTF-8
// written \xNN: "'caf\xff.py':3:1: MESSAGE".
static char *report_lintrunner__placed(const finding *item) {
  strbuf text;
  strbuf_init(&text);
  strbuf_append_char(&text, '\'');
  const char *path = item->location.path;
  size_t length = strlen(path);
  for (size_t start = 0; start < length;) {
    size_t bad = utf8_first_invalid(path + start, length - start);
    size_t end = bad == SIZE_MAX ? length : start + bad;
    for (size_t i = start; i < end; i++) {
      if (path[i] == '\\')
        strbuf_append_char(&text, '\\');
      strbuf_append_char(&text, path[i]);
    }
    if (bad == SIZE_MAX)
      break;
    strbuf_printf(&text, "\\x%02x", (unsigned char)path[end]);
    start = end + 1;
  }
  strbuf_printf(&text, "':%u:%u: %s", item->location.line, item->location.column, item->message);
  return strbuf_detach(&text);
}

bool report_lintrunner(FILE *out, const report_context *context) {
  bool ok = true;
  for (size_t i = 0; i < context->findings->count && ok; i++) {
    const finding *item = &context->findings->items[i];
    uint32_t line = item->location.line;
    json_t *message;
    if (item->location.path && !json_text_is_utf8(item->location.path)) {
      char *description = report_lintrunner__placed(item);
      message = report_lintrunner__message(context->lintrunner_code, json_null(), json_null(),
                                           json_null(), report_lintrunner__severity(item->level),
                                           item->rule->id, description);
      free(description);
    } else {
      message = report_lintrunner__message(
          context->lintrunner_code, json_text_string(item->location.path),
          report_lintrunner__position(line),
          report_lintrunner__position(line > 0 ? item->location.column : 0),
          report_lintrunner__severity(item->level), item->rule->id, item->message);
    }
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
