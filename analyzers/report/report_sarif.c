// SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read
// it. Every rule is described, not only those with results, so a viewer can
// show the rule set of the run.
#include "report.h"

#include "report_util.h"
#include "rule.h"
#include "strbuf.h"
#include "version.h"

#include <stdlib.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_SRCROOT "%SRCROOT%"

static json_t *report_sarif__message(const char *text) {
  return json_pack("{s:o}", "text", report_json_string(text));
}

// {"artifactLocation": {...}, "region": {...}}; the region is left out for a
// whole file (line 0), the column when it is unknown (0).
static json_t *report_sarif__physical_location(const char *path, uint32_t line, uint32_t column) {
  strbuf uri;
  strbuf_init(&uri);
  report_uri_append_path(&uri, path);
  json_t *physical = json_pack("{s:{s:s%,s:s}}", "artifactLocation", "uri", uri.data, uri.length,
                               "uriBaseId", SARIF_SRCROOT);
  strbuf_release(&uri);
  if (line > 0) {
    json_t *region = json_pack("{s:I}", "startLine", (json_int_t)line);
    if (column > 0)
      json_object_set_new(region, "startColumn", json_integer(column));
    json_object_set_new(physical, "region", region);
  }
  return physical;
}

// A location object; message and id are left out when NULL / 0.
static json_t *report_sarif__location(const finding_location *where, size_t id) {
  json_t *location = json_object();
  if (id)
    json_object_set_new(location, "id", json_integer((json_int_t)id));
  json_object_set_new(location, "physicalLocation",
                      report_sarif__physical_location(where->path, where->line, where->column));
  if (where->message)
    json_object_set_new(location, "message", report_sarif__message(where->message));
  return location;
}

static json_t *report_sarif__strings(const char *const *items, size_t count) {
  json_t *array = json_array();
  for (size_t i = 0; i < count; i++)
    json_array_append_new(array, report_json_string(items[i]));
  return array;
}

static json_t *report_sarif__rule(const rule_doc *rule) {
  return json_pack("{s:s,s:s,s:{s:s},s:{s:s},s:{s:s,s:s},s:{s:s},s:{s:o,s:s,s:s}}", //
                   "id", rule->id,                                                  //
                   "name", rule->name,                                              //
                   "shortDescription", "text", rule->summary,                       //
                   "fullDescription", "text", rule->description,                    //
                   "help", "text", rule->text, "markdown", rule->markdown,          //
                   "defaultConfiguration", "level", rule_level_name(rule->level),   //
                   "properties",                                                    //
                   "tags", report_sarif__strings(rule->tags, rule->tag_count),      //
                   "precision", rule->precision,                                    //
                   "problem.severity", rule->problem_severity);
}

static json_t *report_sarif__tool(void) {
  json_t *rules = json_array();
  for (size_t i = 0; i < strata_rule_count; i++)
    json_array_append_new(rules, report_sarif__rule(&strata_rules[i]));
  return json_pack("{s:{s:s,s:s,s:s,s:s,s:o}}", "driver", //
                   "name", "strata",                      //
                   "version", STRATA_VERSION,             //
                   "semanticVersion", STRATA_VERSION,     //
                   "informationUri", STRATA_INFORMATION_URI, "rules", rules);
}

// One notification per notice, so a run's skipped and half-read files show in
// the log without turning into results.
static json_t *report_sarif__invocation(const notice_list *notices) {
  json_t *notifications = json_array();
  for (size_t i = 0; notices && i < notices->count; i++) {
    const notice *item = &notices->items[i];
    json_t *notification =
        json_pack("{s:s,s:o}", "level", "warning", "message", report_sarif__message(item->message));
    if (item->path)
      json_object_set_new(
          notification, "locations",
          json_pack("[{s:o}]", "physicalLocation",
                    report_sarif__physical_location(item->path, item->line, item->column)));
    json_array_append_new(notifications, notification);
  }
  return json_pack("{s:b,s:o}", "executionSuccessful", 1, "toolExecutionNotifications",
                   notifications);
}

// The related locations of a finding are the steps of a path (the imports
// along a cycle, in order): a code flow lets viewers walk them.
static json_t *report_sarif__code_flows(const finding *item) {
  json_t *steps = json_array();
  for (size_t r = 0; r < item->related_count; r++)
    json_array_append_new(
        steps, json_pack("{s:o}", "location", report_sarif__location(&item->related[r], 0)));
  return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", steps);
}

static json_t *report_sarif__result(const finding *item) {
  json_t *result =
      json_pack("{s:s,s:I,s:s,s:o,s:[o]}", "ruleId", item->rule->id, "ruleIndex",
                (json_int_t)rule_index(item->rule), "level", rule_level_name(item->level),
                "message", report_sarif__message(item->message), "locations",
                report_sarif__location(&item->location, 0));
  if (item->fingerprint)
    json_object_set_new(result, "partialFingerprints",
                        json_pack("{s:s,s:s}", "primaryLocationLineHash", item->fingerprint,
                                  "strata/v1", item->fingerprint));
  if (item->related_count) {
    json_t *related = json_array();
    for (size_t r = 0; r < item->related_count; r++)
      json_array_append_new(related, report_sarif__location(&item->related[r], r + 1));
    json_object_set_new(result, "relatedLocations", related);
    json_object_set_new(result, "codeFlows", report_sarif__code_flows(item));
  }
  if (item->properties && json_object_size(item->properties) > 0)
    json_object_set_new(result, "properties", json_deep_copy(item->properties));
  return result;
}

bool report_sarif(FILE *out, const report_context *context) {
  json_t *run = json_object();
  json_object_set_new(run, "tool", report_sarif__tool());
  json_object_set_new(run, "invocations",
                      json_pack("[o]", report_sarif__invocation(context->notices)));
  if (context->root) {
    char *root_uri = report_file_uri(context->root);
    json_object_set_new(run, "originalUriBaseIds",
                        json_pack("{s:{s:s}}", SARIF_SRCROOT, "uri", root_uri));
    free(root_uri);
  }
  json_object_set_new(run, "automationDetails", json_pack("{s:s}", "id", "strata/"));
  json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
  json_t *results = json_array();
  for (size_t i = 0; i < context->findings->count; i++)
    json_array_append_new(results, report_sarif__result(&context->findings->items[i]));
  json_object_set_new(run, "results", results);
  json_t *log =
      json_pack("{s:s,s:s,s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
  bool ok = report_write_json(out, log, JSON_INDENT(2));
  json_decref(log);
  return ok;
}
