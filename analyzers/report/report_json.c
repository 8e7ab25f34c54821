// The findings as a JSON array, for scripts: flat, one object per finding,
// every key always present so a consumer never has to probe.
#include "report.h"

#include "report_util.h"
#include "rule.h"

static json_t *report_json__location(const finding_location *where) {
  json_t *location = json_object();
  json_object_set_new(location, "path", json_text_string(where->path));
  json_object_set_new(location, "line", json_integer(where->line));
  json_object_set_new(location, "column", json_integer(where->column));
  json_object_set_new(location, "message", json_text_string(where->message));
  return location;
}

static json_t *report_json__finding(const finding *item) {
  json_t *object = json_object();
  json_object_set_new(object, "ruleId", json_string(item->rule->id));
  json_object_set_new(object, "level", json_string(rule_level_name(item->level)));
  json_object_set_new(object, "path", json_text_string(item->location.path));
  json_object_set_new(object, "line", json_integer(item->location.line));
  json_object_set_new(object, "column", json_integer(item->location.column));
  json_object_set_new(object, "message", json_text_string(item->message));
  json_object_set_new(object, "fingerprint", json_text_string(item->fingerprint));
  json_t *related = json_array();
  for (size_t r = 0; r < item->related_count; r++)
    json_array_append_new(related, report_json__location(&item->related[r]));
  json_object_set_new(object, "related", related);
  json_object_set_new(object, "properties",
                      item->properties ? json_deep_copy(item->properties) : json_object());
  return object;
}

bool report_json(FILE *out, const report_context *context) {
  json_t *array = json_array();
  for (size_t i = 0; i < context->findings->count; i++)
    json_array_append_new(array, report_json__finding(&context->findings->items[i]));
  bool ok = report_write_json_exact(out, array, JSON_INDENT(2));
  json_decref(array);
  return ok;
}

bool report_json_lines(FILE *out, const report_context *context) {
  bool ok = true;
  for (size_t i = 0; i < context->findings->count && ok; i++) {
    json_t *object = report_json__finding(&context->findings->items[i]);
    ok = report_write_json(out, object, JSON_COMPACT);
    json_decref(object);
  }
  return ok && report_flush(out);
}
