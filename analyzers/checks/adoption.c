#include "adoption.h"

#include "rule.h"
#include "xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

bool adoption_baselinable(const rule_doc *rule) {
  static const char *const never[] = {"expired-allowance", "unused-allowance",
                                      "stale-baseline-entry", "unused-ignore"};
  for (size_t i = 0; i < sizeof(never) / sizeof(never[0]); i++)
    if (strcmp(rule->id, never[i]) == 0)
      return false;
  return true;
}

char *adoption_path_from_root(const char *root, const char *path) {
  char resolved[PATH_MAX];
  if (!realpath(path, resolved))
    return xstrdup(path);
  size_t length = strlen(root);
  if (strcmp(root, "/") == 0)
    return xstrdup(resolved + 1);
  if (strncmp(resolved, root, length) == 0 && resolved[length] == '/')
    return xstrdup(resolved + length + 1);
  return xstrdup(resolved);
}

// Drops the findings a suppression on their line covers.
static void adoption__suppress(const adoption_input *input, finding_list *findings) {
  bool *keep = xcalloc(findings->count + 1, sizeof(bool));
  for (size_t i = 0; i < findings->count; i++) {
    const finding *item = &findings->items[i];
    int64_t file = graph_find_file(input->graph, item->location.path);
    keep[i] = file < 0 || !waivers_suppress(input->waivers, (uint32_t)file, item->location.line,
                                            item->rule->id);
  }
  finding_list_keep(findings, keep);
  free(keep);
}

static void adoption__report_stale(const adoption_input *input, finding_list *findings) {
  const baseline *entries = input->baseline;
  char *shown = adoption_path_from_root(input->root, entries->path);
  const rule_doc *rule = rule_find("stale-baseline-entry");
  for (size_t i = 0; rule && i < entries->count; i++) {
    const baseline_entry *entry = &entries->entries[i];
    if (entry->matched)
      continue;
    finding *item = finding_list_add(
        findings, rule, shown, entry->line, entry->column,
        "stale baseline entry: no %s finding in '%s' matches it any more; drop it with 'strata "
        "check --update-baseline'",
        entry->rule, entry->path);
    finding_set_advice(item, "drop it with 'strata check --update-baseline'");
    const char *parts[] = {shown, entry->fingerprint};
    finding_set_fingerprint(item, parts, 2);
    finding_add_involved(item, shown);
    item->properties = json_pack("{s:s,s:s,s:s?,s:s}", "rule", entry->rule, "path", entry->path,
                                 "summary", entry->summary, "fingerprint", entry->fingerprint);
  }
  free(shown);
}

void adoption_apply(const adoption_input *input, finding_list *findings) {
  if (input->waivers) {
    adoption__suppress(input, findings);
    char *config_path = input->config
                            ? adoption_path_from_root(input->root, input->config->source_name)
                            : xstrdup("strata.yaml");
    waivers_report(input->waivers, config_path, findings);
    free(config_path);
  }
  // Sorted first: when a fingerprint has fewer entries than findings, the
  // first findings in file order are the baselined ones, in every run.
  finding_list_sort(findings);
  if (input->baseline) {
    for (size_t i = 0; i < findings->count; i++) {
      finding *item = &findings->items[i];
      if (adoption_baselinable(item->rule))
        item->baselined = baseline_match(input->baseline, item->fingerprint);
    }
    if (input->report_stale)
      adoption__report_stale(input, findings);
  }
  finding_list_sort(findings);
  finding_list_number_occurrences(findings);
}
