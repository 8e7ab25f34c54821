// GitLab's Code Quality report (the `codequality` artifact of a job), which
// GitLab shows in a merge request's widget and diff: a JSON array with one
// issue per finding. Its fingerprint must be unique, so it is strata's own
// SARIF fingerprint: the finding's fingerprint and its occurrence.
#include "report.h"

#include "report_util.h"
#include "rule.h"
#include "xalloc.h"

#include <stdlib.h>

// Code Quality's severities are info, minor, major, critical and blocker.
static const char *report_gitlab__severity(rule_level level) {
  switch (level) {
  case RULE_LEVEL_ERROR:
    return "major";
  case RULE_LEVEL_WARNING:
    return "minor";
  case RULE_LEVEL_NOTE:
    return "info";
  }
  return "major";
}

static json_t *report_gitlab__issue(const finding *item) {
  uint32_t line = item->location.line ? item->location.line : 1;
  uint32_t end = item->location.end_line >= line ? item->location.end_line : line;
  char *fingerprint = xasprintf("%s:%u", item->fingerprint ? item->fingerprint : item->rule->id,
                                item->occurrence ? item->occurrence : 1);
  json_t *issue =
      json_pack("{s:o,s:s,s:o,s:s,s:{s:o,s:{s:I,s:I}}}", "description",
                json_text_string(item->message), "check_name", item->rule->id, "fingerprint",
                json_text_string(fingerprint), "severity", report_gitlab__severity(item->level),
                "location", "path", json_text_string(item->location.path), "lines", "begin",
                (json_int_t)line, "end", (json_int_t)end);
  free(fingerprint);
  return issue;
}

bool report_gitlab(FILE *out, const report_context *context) {
  json_t *array = json_array();
  for (size_t i = 0; i < context->findings->count; i++)
    json_array_append_new(array, report_gitlab__issue(&context->findings->items[i]));
  bool ok = report_write_json(out, array, JSON_INDENT(2));
  json_decref(array);
  return ok;
}
