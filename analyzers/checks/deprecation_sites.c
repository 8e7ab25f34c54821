#include "deprecation_sites.h"

#include "json_text.h"
#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void deprecation_dates_each(const graph *files, const strata_config *config, notice_list *notices,
                            deprecation_visit *visit, void *state) {
  deprecation_dates *self = NULL;
  strbuf key;
  strbuf_init(&key);
  for (size_t i = 0; i < files->file_count; i++) {
    const graph_file *file = &files->files[i];
    // How often each (kind, line of code) came before in this file: the
    // map gives a key's index in counts, and keys own the map's keys. The
    // sites of one line share its statement, so a run of them is counted
    // without building or hashing the line again.
    strmap *seen = NULL;
    char **keys = NULL;
    uint32_t *counts = NULL;
    size_t key_count = 0, key_capacity = 0, count_capacity = 0;
    const char *last_statement = NULL, *last_kind = NULL;
    uint32_t last_index = 0;
    for (size_t d = 0; file->facts && d < file->facts->deprecation_count; d++) {
      if (!self) {
        char *error = NULL;
        self = deprecation_dates_new(config, &error);
        if (!self) {
          if (notices)
            notice_list_add(notices, NULL, 0, 0, error);
          free(error);
          return;
        }
      }
      const fact_deprecation *site = &file->facts->deprecations[d];
      deprecation_dating dating;
      deprecation_dates_read(self, site, &dating);
      uint32_t index;
      if (last_kind && site->statement && site->statement == last_statement &&
          strcmp(site->kind, last_kind) == 0) {
        index = last_index;
      } else {
        strbuf_clear(&key);
        strbuf_printf(&key, "%s%c%s", site->kind, 0, site->statement ? site->statement : "");
        if (!seen)
          seen = strmap_new();
        if (!strmap_get(seen, key.data, key.length, &index)) {
          index = (uint32_t)key_count;
          XGROW(keys, key_capacity, key_count + 1);
          XGROW(counts, count_capacity, key_count + 1);
          keys[key_count] = xmalloc(key.length + 1);
          memcpy(keys[key_count], key.data, key.length + 1);
          counts[key_count] = 0;
          strmap_put(seen, keys[key_count++], key.length, index);
        }
        last_statement = site->statement;
        last_kind = site->kind;
        last_index = index;
      }
      dating.occurrence = ++counts[index];
      visit(state, file, site, &dating);
      deprecation_dating_release(&dating);
    }
    strmap_delete(seen);
    for (size_t k = 0; k < key_count; k++)
      free(keys[k]);
    free(keys);
    free(counts);
  }
  strbuf_release(&key);
  deprecation_dates_delete(self);
}

void deprecation_finding_describe(finding *item, const char *path, const fact_deprecation *site,
                                  const deprecation_dating *dating) {
  deprecation_fingerprint_memo *memo = deprecation_dates_memo(dating->from);
  if (memo && memo->fingerprint && memo->rule == item->rule && memo->path == path &&
      memo->statement == site->statement && strcmp(memo->kind, site->kind) == 0) {
    // The site before, on the same line: the same fingerprint, not hashed
    // again from the line.
    free(item->fingerprint);
    item->fingerprint = xstrdup(memo->fingerprint);
  } else {
    const char *parts[] = {path, site->kind, site->statement ? site->statement : ""};
    finding_set_fingerprint(item, parts, sizeof(parts) / sizeof(parts[0]));
    if (memo) {
      free(memo->fingerprint);
      free(memo->kind);
      memo->fingerprint = xstrdup(item->fingerprint);
      memo->kind = xstrdup(site->kind);
      memo->rule = item->rule;
      memo->path = path;
      memo->statement = site->statement;
    }
  }
  if (dating->occurrence > 1) {
    // Look-alike sites of one file (the same kind and line of code) are told
    // apart by their order; the first keeps the fingerprint it always had.
    // Derived from the fingerprint, not the line: a line of many sites costs
    // its length once.
    char occurrence[16];
    snprintf(occurrence, sizeof(occurrence), "#%u", dating->occurrence);
    char *base = item->fingerprint;
    item->fingerprint = NULL;
    const char *parts[] = {base, occurrence};
    finding_set_fingerprint(item, parts, 2);
    free(base);
  }
  finding_add_involved(item, path);
  json_t *properties = json_object();
  json_object_set_new(properties, "kind", json_text_string(site->kind));
  json_object_set_new(properties, "message", json_text_string(site->message));
  json_object_set_new(properties, "since", json_text_string(dating->since));
  json_object_set_new(properties, "removal", json_text_string(dating->removal));
  json_decref(item->properties);
  item->properties = properties;
}
