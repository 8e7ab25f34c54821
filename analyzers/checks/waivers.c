#include "waivers.h"

#include "json_text.h"
#include "rule.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// One suppression comment, and which of its rules suppressed something.
typedef struct waiver_suppression {
  uint32_t file;
  const fact_suppression *fact;
  bool *used; // per rule of fact
} waiver_suppression;

typedef struct waiver_allowance {
  const config_allowance *entry;
  bool expired;
  bool used;            // let a finding through
  bool matched_expired; // matched an edge after it expired
} waiver_allowance;

struct waivers {
  const graph *graph;
  const strata_config *config;
  waiver_suppression *suppressions; // sorted by (file, line)
  size_t suppression_count;
  waiver_allowance *allowances;
  size_t allowance_count;
  char today[11];
};

static int waivers__compare(const void *left, const void *right) {
  const waiver_suppression *a = left, *b = right;
  if (a->file != b->file)
    return a->file < b->file ? -1 : 1;
  if (a->fact->line != b->fact->line)
    return a->fact->line < b->fact->line ? -1 : 1;
  return a->fact->column < b->fact->column ? -1 : a->fact->column > b->fact->column;
}

waivers *waivers_new(const graph *dependency_graph, const strata_config *config) {
  waivers *self = xcalloc(1, sizeof(waivers));
  self->graph = dependency_graph;
  self->config = config;
  size_t total = 0;
  for (size_t f = 0; f < dependency_graph->file_count; f++)
    total +=
        dependency_graph->files[f].facts ? dependency_graph->files[f].facts->suppression_count : 0;
  self->suppressions = xcalloc(total + 1, sizeof(waiver_suppression));
  for (size_t f = 0; f < dependency_graph->file_count; f++) {
    const file_facts *facts = dependency_graph->files[f].facts;
    for (size_t i = 0; facts && i < facts->suppression_count; i++) {
      const fact_suppression *fact = &facts->suppressions[i];
      self->suppressions[self->suppression_count++] =
          (waiver_suppression){(uint32_t)f, fact, xcalloc(fact->rule_count + 1, sizeof(bool))};
    }
  }
  qsort(self->suppressions, self->suppression_count, sizeof(waiver_suppression), waivers__compare);

  // ISO dates compare as text: an allowance has expired once today is
  // later than its last day.
  if (config && config->today) {
    snprintf(self->today, sizeof(self->today), "%s", config->today);
  } else {
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    strftime(self->today, sizeof(self->today), "%Y-%m-%d", &local);
  }
  size_t allowance_count = config ? config->allowance_count : 0;
  self->allowances = xcalloc(allowance_count + 1, sizeof(waiver_allowance));
  for (size_t i = 0; i < allowance_count; i++) {
    const config_allowance *entry = &config->allowances[i];
    self->allowances[i] =
        (waiver_allowance){.entry = entry, .expired = strcmp(self->today, entry->until) > 0};
  }
  self->allowance_count = allowance_count;
  return self;
}

void waivers_delete(waivers *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->suppression_count; i++)
    free(self->suppressions[i].used);
  free(self->suppressions);
  free(self->allowances);
  free(self);
}

bool waivers_suppress(waivers *self, uint32_t file, uint32_t line, const char *rule_id) {
  // The first suppression at (file, line) or after.
  size_t low = 0, high = self->suppression_count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    const waiver_suppression *at = &self->suppressions[middle];
    if (at->file < file || (at->file == file && at->fact->line < line))
      low = middle + 1;
    else
      high = middle;
  }
  bool suppressed = false;
  for (size_t i = low; i < self->suppression_count; i++) {
    waiver_suppression *at = &self->suppressions[i];
    if (at->file != file || at->fact->line != line)
      break;
    for (uint32_t r = 0; r < at->fact->rule_count; r++) {
      if (strcmp(at->fact->rules[r], rule_id) == 0) {
        at->used[r] = true;
        suppressed = true;
      }
    }
  }
  return suppressed;
}

static bool waivers__side_matches(const config_selector *selectors, size_t count,
                                  const graph_file *file) {
  for (size_t i = 0; i < count; i++)
    if (config_selector_matches_file(&selectors[i], file->component, file->path, file->module))
      return true;
  return false;
}

bool waivers_allow(waivers *self, const graph_edge *edge) {
  return waivers_allow_files(self, edge->from, edge->to);
}

bool waivers_allow_files(waivers *self, uint32_t from_file, uint32_t to_file) {
  const graph_file *from = &self->graph->files[from_file];
  const graph_file *to = &self->graph->files[to_file];
  bool allowed = false;
  for (size_t i = 0; i < self->allowance_count; i++) {
    waiver_allowance *allowance = &self->allowances[i];
    const config_allowance *entry = allowance->entry;
    if (!waivers__side_matches(entry->from, entry->from_count, from) ||
        !waivers__side_matches(entry->to, entry->to_count, to))
      continue;
    if (allowance->expired) {
      allowance->matched_expired = true;
      continue;
    }
    allowance->used = true;
    allowed = true;
  }
  return allowed;
}

bool waivers_excuse_edge(waivers *self, const graph_edge *edge, const char *rule_id) {
  bool suppressed = waivers_suppress(self, edge->from, edge->line, rule_id);
  bool allowed = waivers_allow(self, edge);
  return suppressed || allowed;
}

// ---------------------------------------------------------------------------
// Findings about the waivers

// The rule of id; each has its rules/<id>.md, so a miss is a build mistake
// (the tests catch it).
static const rule_doc *waivers__rule(const char *id) {
  const rule_doc *rule = rule_find(id);
  if (!rule)
    abort();
  return rule;
}

// "'a', 'b'": names quoted and joined, into out.
static void waivers__quoted_list(strbuf *out, char *const *names, size_t count) {
  for (size_t i = 0; i < count; i++)
    strbuf_printf(out, "%s'%s'", i ? ", " : "", names[i]);
}

// Fingerprint, involved file and properties of the finding at index about
// the suppression at. A finding about one rule of the comment (unused)
// names it in discriminator; the others pass "".
static void waivers__describe_suppression(finding_list *findings, size_t index,
                                          const graph_file *file, const fact_suppression *fact,
                                          const char *rules, const char *discriminator) {
  finding *item = &findings->items[index];
  // The file, the comment's rules and reason: moving the line keeps it.
  const char *parts[] = {file->path, rules, fact->reason ? fact->reason : "", discriminator};
  finding_set_fingerprint(item, parts, sizeof(parts) / sizeof(parts[0]));
  finding_add_involved(item, file->path);
  json_t *rule_array = json_array();
  for (uint32_t r = 0; r < fact->rule_count; r++)
    json_array_append_new(rule_array, json_text_string(fact->rules[r]));
  item->properties = json_object();
  json_object_set_new(item->properties, "rules", rule_array);
  json_object_set_new(item->properties, "reason", json_text_string(fact->reason));
}

static void waivers__report_suppression(const waivers *self, const waiver_suppression *at,
                                        finding_list *findings) {
  const graph_file *file = &self->graph->files[at->file];
  const fact_suppression *fact = at->fact;
  const char *opener = file->language == STRATA_LANG_PYTHON ? "#" : "//";
  strbuf names;
  strbuf_init(&names);
  waivers__quoted_list(&names, fact->rules, fact->rule_count);
  if (fact->rule_count == 0) {
    finding_list_add(findings, waivers__rule("malformed-suppression"), file->path, fact->line,
                     fact->column,
                     "malformed suppression: name the rules in brackets, as in '%s strata: "
                     "ignore[layer-violation] the reason'",
                     opener);
    waivers__describe_suppression(findings, findings->count - 1, file, fact, names.data, "");
  } else if (!fact->reason && self->config && self->config->require_reason) {
    finding_list_add(findings, waivers__rule("suppression-without-reason"), file->path, fact->line,
                     fact->column,
                     "suppression of %s gives no reason: say why after the brackets, as in '%s "
                     "strata: ignore[%s] moving to aten, see the tracking issue'",
                     names.data, opener, fact->rules[0]);
    waivers__describe_suppression(findings, findings->count - 1, file, fact, names.data, "");
  }
  for (uint32_t r = 0; r < fact->rule_count; r++) {
    if (at->used[r])
      continue;
    const char *rule = fact->rules[r];
    bool repeated = false; // `ignore[a, a]`: one finding for both
    for (uint32_t k = 0; k < r; k++)
      repeated = repeated || strcmp(fact->rules[k], rule) == 0;
    // A rule that is off, or does not speak about this file, reports
    // nothing here: its suppression waits, it is not unused.
    if (repeated || (rule_find(rule) && !config_rule_applies(self->config, rule, file->path)))
      continue;
    const rule_doc *known = rule_find(rule);
    const rule_doc *close = known ? NULL : rule_suggest(rule);
    if (close)
      finding_list_add(
          findings, waivers__rule("unused-suppression"), file->path, fact->line, fact->column,
          "unused suppression of '%s': there is no such rule; did you mean '%s'?", rule, close->id);
    else if (!known)
      finding_list_add(
          findings, waivers__rule("unused-suppression"), file->path, fact->line, fact->column,
          "unused suppression of '%s': there is no such rule (see 'strata explain --list')", rule);
    else
      finding_set_advice(finding_list_add(findings, waivers__rule("unused-suppression"), file->path,
                                          fact->line, fact->column,
                                          "unused suppression of '%s': no %s finding is reported "
                                          "on this line; remove it",
                                          rule, rule),
                         "remove it");
    waivers__describe_suppression(findings, findings->count - 1, file, fact, names.data, rule);
  }
  strbuf_release(&names);
}

static json_t *waivers__selector_texts(const config_selector *selectors, size_t count,
                                       strbuf *shown) {
  json_t *texts = json_array();
  for (size_t i = 0; i < count; i++) {
    json_array_append_new(texts, json_text_string(selectors[i].text));
    strbuf_printf(shown, "%s'%s'", i ? ", " : "", selectors[i].text);
  }
  return texts;
}

static void waivers__report_allowance(const waivers *self, const waiver_allowance *allowance,
                                      const char *config_path, finding_list *findings) {
  const config_allowance *entry = allowance->entry;
  if (!allowance->expired && allowance->used)
    return;
  strbuf from, to;
  strbuf_init(&from);
  strbuf_init(&to);
  json_t *from_texts = waivers__selector_texts(entry->from, entry->from_count, &from);
  json_t *to_texts = waivers__selector_texts(entry->to, entry->to_count, &to);
  uint32_t line = entry->position.line, column = entry->position.column;
  finding *item;
  if (allowance->expired && allowance->matched_expired)
    item = finding_list_add(findings, waivers__rule("expired-allowance"), config_path, line, column,
                            "the allowance of %s -> %s expired on %s (today is %s): what it let "
                            "through is reported again; fix it, or give the entry a later 'until'",
                            from.data, to.data, entry->until, self->today);
  else if (allowance->expired)
    item = finding_list_add(findings, waivers__rule("expired-allowance"), config_path, line, column,
                            "the allowance of %s -> %s expired on %s (today is %s), and nothing "
                            "it matches is a violation any more: remove the entry",
                            from.data, to.data, entry->until, self->today);
  else
    item = finding_list_add(findings, waivers__rule("unused-allowance"), config_path, line, column,
                            "the allowance of %s -> %s (until %s) let nothing through: nothing it "
                            "matches is a violation any more; remove the entry",
                            from.data, to.data, entry->until);
  const char *parts[] = {from.data, to.data, entry->until};
  finding_set_fingerprint(item, parts, sizeof(parts) / sizeof(parts[0]));
  finding_add_involved(item, config_path);
  item->properties = json_object();
  json_object_set_new(item->properties, "from", from_texts);
  json_object_set_new(item->properties, "to", to_texts);
  json_object_set_new(item->properties, "why", json_text_string(entry->why));
  json_object_set_new(item->properties, "until", json_string(entry->until));
  strbuf_release(&from);
  strbuf_release(&to);
}

void waivers_report(const waivers *self, const char *config_path, finding_list *findings) {
  for (size_t i = 0; i < self->suppression_count; i++)
    waivers__report_suppression(self, &self->suppressions[i], findings);
  for (size_t i = 0; i < self->allowance_count; i++)
    waivers__report_allowance(self, &self->allowances[i], config_path, findings);
}
