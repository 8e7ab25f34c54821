// SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read
// it. Every rule is described, not only those with results, so a viewer can
// show the rule set of the run.
//
// Code scanning's limits are kept here, where the log is written: at most
// 25,000 results per run and 10 MB (gzip) per file, so a huge run keeps its
// most severe results and says what it left out; rule names of at most 255
// characters, descriptions of at most 1,024, at most 20 tags.
#include "report.h"

#include "report_source.h"
#include "report_util.h"
#include "rule.h"
#include "strbuf.h"
#include "version.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_SRCROOT "%SRCROOT%"

#define SARIF_MAX_RESULTS 25000
// Deflate never grows its input by more than 5 bytes per 64 KiB block, and
// gzip adds 18 bytes: a log of at most this many bytes stays under code
// scanning's 10 MB (compressed) however well it compresses.
#define SARIF_MAX_BYTES ((size_t)9900000)
#define SARIF_MAX_NAME 255
#define SARIF_MAX_DESCRIPTION 1024
#define SARIF_MAX_TAGS 20

static json_t *report_sarif__message(const char *text) {
  return json_pack("{s:o}", "text", json_text_string(text));
}

// {"artifactLocation": {...}, "region": {...}}; the region is left out for a
// whole file (line 0), the column when it is unknown (0), the end when
// unknown.
static json_t *report_sarif__physical_location(const char *path, uint32_t line, uint32_t column,
                                               uint32_t end_line, uint32_t end_column) {
  strbuf uri;
  strbuf_init(&uri);
  json_t *physical;
  if (path[0] == '/') {
    // A file outside the root (a baseline kept elsewhere): an absolute URI.
    strbuf_append_str(&uri, "file://");
    report_uri_append_path(&uri, path);
    physical = json_pack("{s:{s:s%}}", "artifactLocation", "uri", uri.data, uri.length);
  } else {
    report_uri_append_path(&uri, path);
    physical = json_pack("{s:{s:s%,s:s}}", "artifactLocation", "uri", uri.data, uri.length,
                         "uriBaseId", SARIF_SRCROOT);
  }
  strbuf_release(&uri);
  if (line > 0) {
    json_t *region = json_pack("{s:I}", "startLine", (json_int_t)line);
    if (column > 0)
      json_object_set_new(region, "startColumn", json_integer(column));
    if (column > 0 && end_line >= line && end_column > 0) {
      json_object_set_new(region, "endLine", json_integer(end_line));
      json_object_set_new(region, "endColumn", json_integer(end_column));
    }
    json_object_set_new(physical, "region", region);
  }
  return physical;
}

// A location object; message and id are left out when NULL / 0. Code
// scanning places a result only by its region, so a result's location on a
// whole file (line 0) points at line 1. With source (may be NULL), a region
// whose end is known carries the text it spans as its snippet.
static json_t *report_sarif__location(const finding_location *where, size_t id, bool result,
                                      report_source *source) {
  json_t *location = json_object();
  if (id)
    json_object_set_new(location, "id", json_integer((json_int_t)id));
  uint32_t line = result && where->line == 0 ? 1 : where->line;
  json_t *physical = report_sarif__physical_location(where->path, line, where->column,
                                                     where->end_line, where->end_column);
  json_t *region = json_object_get(physical, "region");
  char *snippet = source && region && json_object_get(region, "endColumn")
                      ? report_source_region(source, where->path, where->line, where->column,
                                             where->end_line, where->end_column)
                      : NULL;
  if (snippet)
    json_object_set_new(region, "snippet", json_pack("{s:o}", "text", json_text_string(snippet)));
  free(snippet);
  json_object_set_new(location, "physicalLocation", physical);
  if (where->message)
    json_object_set_new(location, "message", report_sarif__message(where->message));
  return location;
}

// text, cut to at most max bytes (so at most max characters) at a character
// boundary, with "..." when cut.
static json_t *report_sarif__clipped(const char *text, size_t max) {
  size_t length = strlen(text);
  if (length <= max)
    return json_text_string(text);
  size_t cut = max - 3;
  while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
    cut--;
  char *clipped = xasprintf("%.*s...", (int)cut, text);
  json_t *value = json_text_string(clipped);
  free(clipped);
  return value;
}

static json_t *report_sarif__strings(const char *const *items, size_t count) {
  json_t *array = json_array();
  for (size_t i = 0; i < count; i++)
    json_array_append_new(array, json_text_string(items[i]));
  return array;
}

static json_t *report_sarif__rule(const rule_doc *rule) {
  size_t tag_count = rule->tag_count < SARIF_MAX_TAGS ? rule->tag_count : SARIF_MAX_TAGS;
  char *help_uri = xasprintf("%s%s.md", STRATA_RULE_DOCS_URI, rule->id);
  json_t *descriptor = json_pack(
      "{s:s,s:o,s:s,s:{s:o},s:{s:o},s:{s:s,s:s},s:{s:s},s:{s:o,s:s,s:s}}",                        //
      "id", rule->id,                                                                             //
      "name", report_sarif__clipped(rule->name, SARIF_MAX_NAME),                                  //
      "helpUri", help_uri,                                                                        //
      "shortDescription", "text", report_sarif__clipped(rule->summary, SARIF_MAX_DESCRIPTION),    //
      "fullDescription", "text", report_sarif__clipped(rule->description, SARIF_MAX_DESCRIPTION), //
      "help", "text", rule->text, "markdown", rule->markdown,                                     //
      "defaultConfiguration", "level", rule_level_name(rule->level),                              //
      "properties",                                                                               //
      "tags", report_sarif__strings(rule->tags, tag_count),                                       //
      "precision", rule->precision,                                                               //
      "problem.severity", rule->problem_severity);
  free(help_uri);
  return descriptor;
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

// Whether the finding lies outside the root (a baseline or config kept
// elsewhere): code scanning rejects a log with a result it cannot place in
// the checkout, so such a finding is written as a notification instead.
static bool report_sarif__outside(const finding *item) {
  return item->location.path && item->location.path[0] == '/';
}

// One notification per notice, so a run's skipped and half-read files show in
// the log without turning into results; and one per finding outside the root.
static json_t *report_sarif__invocation(const report_context *context, const char *left_out) {
  const notice_list *notices = context->notices;
  json_t *notifications = json_array();
  if (left_out)
    json_array_append_new(notifications, json_pack("{s:s,s:o}", "level", "warning", "message",
                                                   report_sarif__message(left_out)));
  for (size_t i = 0; notices && i < notices->count; i++) {
    const notice *item = &notices->items[i];
    json_t *notification =
        json_pack("{s:s,s:o}", "level", "warning", "message", report_sarif__message(item->message));
    if (item->path)
      json_object_set_new(
          notification, "locations",
          json_pack("[{s:o}]", "physicalLocation",
                    report_sarif__physical_location(item->path, item->line, item->column, 0, 0)));
    json_array_append_new(notifications, notification);
  }
  for (size_t i = 0; i < context->findings->count; i++) {
    const finding *item = &context->findings->items[i];
    if (!report_sarif__outside(item))
      continue;
    char *text = xasprintf("%s [%s]", item->message, item->rule->id);
    json_t *notification =
        json_pack("{s:s,s:o,s:[{s:o}],s:{s:s}}", "level", rule_level_name(item->level), "message",
                  report_sarif__message(text), "locations", "physicalLocation",
                  report_sarif__physical_location(item->location.path, item->location.line,
                                                  item->location.column, 0, 0),
                  "associatedRule", "id", item->rule->id);
    free(text);
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
        steps,
        json_pack("{s:o}", "location", report_sarif__location(&item->related[r], 0, false, NULL)));
  return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", steps);
}

// strata's own fingerprint, unique in the run: the finding's fingerprint
// (its rule, files and statements, never line numbers) and its occurrence
// among the findings of that fingerprint, as upload-sarif numbers equal line
// hashes. primaryLocationLineHash is left to upload-sarif, which computes it
// from the file and warns about any other value.
static json_t *report_sarif__fingerprints(const finding *item) {
  char *value = xasprintf("%s:%u", item->fingerprint, item->occurrence ? item->occurrence : 1);
  json_t *fingerprints = json_pack("{s:s}", REPORT_SARIF_FINGERPRINT_KEY, value);
  free(value);
  return fingerprints;
}

static json_t *report_sarif__result(const finding *item, bool baseline_states,
                                    report_source *source) {
  json_t *result =
      json_pack("{s:s,s:I,s:s,s:o,s:[o]}", "ruleId", item->rule->id, "ruleIndex",
                (json_int_t)rule_index(item->rule), "level", rule_level_name(item->level),
                "message", report_sarif__message(item->message), "locations",
                report_sarif__location(&item->location, 0, true, source));
  if (item->fingerprint)
    json_object_set_new(result, "partialFingerprints", report_sarif__fingerprints(item));
  if (item->related_count) {
    json_t *related = json_array();
    for (size_t r = 0; r < item->related_count; r++)
      json_array_append_new(related, report_sarif__location(&item->related[r], r + 1, false, NULL));
    json_object_set_new(result, "relatedLocations", related);
    json_object_set_new(result, "codeFlows", report_sarif__code_flows(item));
  }
  if (item->properties && json_object_size(item->properties) > 0)
    json_object_set_new(result, "properties", json_deep_copy(item->properties));
  if (baseline_states) {
    json_object_set_new(result, "baselineState",
                        json_string(item->baselined ? "unchanged" : "new"));
    // Code scanning reads suppressions, not baselineState: a baselined
    // result is an accepted, external suppression (the baseline file).
    if (item->baselined)
      json_object_set_new(result, "suppressions",
                          json_pack("[{s:s,s:s,s:s}]", "kind", "external", "status", "accepted",
                                    "justification", "recorded in the strata baseline"));
  }
  return result;
}

// The log, with the results of the findings marked kept; left_out (may be
// NULL) says which were not.
// runs[0].automationDetails.id: the category and '/', which code scanning
// reads as the category alone (it adds the run's own id).
static json_t *report_sarif__automation(const report_context *context) {
  const char *category = context->sarif_category;
  if (!category && context->config)
    category = context->config->sarif_category;
  if (!category)
    category = REPORT_SARIF_DEFAULT_CATEGORY;
  size_t length = strlen(category);
  char *id = xasprintf("%s%s", category, length > 0 && category[length - 1] == '/' ? "" : "/");
  json_t *automation = json_pack("{s:o}", "id", json_text_string(id));
  free(id);
  return automation;
}

static json_t *report_sarif__log(const report_context *context, const bool *kept,
                                 const char *left_out, report_source *source) {
  json_t *run = json_object();
  json_object_set_new(run, "tool", report_sarif__tool());
  json_object_set_new(run, "invocations",
                      json_pack("[o]", report_sarif__invocation(context, left_out)));
  if (context->root) {
    char *root_uri = report_file_uri(context->root);
    json_object_set_new(run, "originalUriBaseIds",
                        json_pack("{s:{s:s}}", SARIF_SRCROOT, "uri", root_uri));
    free(root_uri);
  }
  json_object_set_new(run, "automationDetails", report_sarif__automation(context));
  json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
  json_t *results = json_array();
  for (size_t i = 0; i < context->findings->count; i++)
    if (kept[i] && !report_sarif__outside(&context->findings->items[i]))
      json_array_append_new(results, report_sarif__result(&context->findings->items[i],
                                                          context->baseline_states, source));
  json_object_set_new(run, "results", results);
  return json_pack("{s:s,s:s,s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
}

typedef struct sarif_rank {
  rule_level level;
  size_t index;
} sarif_rank;

static int report_sarif__compare_rank(const void *left, const void *right) {
  const sarif_rank *a = left, *b = right;
  if (a->level != b->level)
    return a->level > b->level ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

// The indices of the findings, most severe first, in their order otherwise.
// The caller frees the array.
static size_t *report_sarif__by_severity(const finding_list *findings) {
  sarif_rank *ranks = xcalloc(findings->count + 1, sizeof(sarif_rank));
  for (size_t i = 0; i < findings->count; i++)
    ranks[i] = (sarif_rank){findings->items[i].level, i};
  qsort(ranks, findings->count, sizeof(sarif_rank), report_sarif__compare_rank);
  size_t *order = xcalloc(findings->count + 1, sizeof(size_t));
  for (size_t i = 0; i < findings->count; i++)
    order[i] = ranks[i].index;
  free(ranks);
  return order;
}

static char *report_sarif__left_out(size_t kept, size_t total, const char *limit) {
  return xasprintf("kept the %zu most severe of %zu results: code scanning takes %s", kept, total,
                   limit);
}

// How many of the findings, most severe first, fit in SARIF_MAX_BYTES of
// compact JSON beside the rest of the log.
static size_t report_sarif__fitting(const report_context *context, const size_t *order,
                                    size_t candidates, report_source *source) {
  size_t total = context->findings->count;
  bool *none = xcalloc(total + 1, sizeof(bool));
  char *longest = report_sarif__left_out(total, total, "SARIF files of at most 10 MB");
  json_t *empty = report_sarif__log(context, none, longest, source);
  size_t used = json_dumpb(empty, NULL, 0, JSON_COMPACT);
  json_decref(empty);
  free(longest);
  free(none);
  size_t fitting = 0;
  for (; fitting < candidates; fitting++) {
    json_t *result = report_sarif__result(&context->findings->items[order[fitting]],
                                          context->baseline_states, source);
    used += json_dumpb(result, NULL, 0, JSON_COMPACT) + 1; // and its ','
    json_decref(result);
    if (used > SARIF_MAX_BYTES)
      break;
  }
  return fitting;
}

bool report_sarif(FILE *out, const report_context *context) {
  size_t total = context->findings->count;
  size_t *order = report_sarif__by_severity(context->findings);
  bool *kept = xcalloc(total + 1, sizeof(bool));
  size_t keep = total < SARIF_MAX_RESULTS ? total : SARIF_MAX_RESULTS;
  for (size_t i = 0; i < keep; i++)
    kept[order[i]] = true;
  char *left_out =
      keep < total ? report_sarif__left_out(keep, total, "at most 25000 results per run") : NULL;
  report_source *source = report_source_new(context->root);
  json_t *log = report_sarif__log(context, kept, left_out, source);
  // Indented for people; compact, and then fewer results, when it is too big.
  size_t flags = JSON_INDENT(2);
  if (json_dumpb(log, NULL, 0, flags) > SARIF_MAX_BYTES) {
    flags = JSON_COMPACT;
    if (json_dumpb(log, NULL, 0, flags) > SARIF_MAX_BYTES) {
      size_t fitting = report_sarif__fitting(context, order, keep, source);
      for (size_t i = fitting; i < keep; i++)
        kept[order[i]] = false;
      free(left_out);
      left_out = report_sarif__left_out(fitting, total, "SARIF files of at most 10 MB");
      json_decref(log);
      log = report_sarif__log(context, kept, left_out, source);
    }
  }
  bool ok = report_write_json(out, log, flags);
  report_source_delete(source);
  json_decref(log);
  free(left_out);
  free(kept);
  free(order);
  return ok;
}
