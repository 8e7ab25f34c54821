// unused-ignore: see rules/unused-ignore.md.
#include "adoption.h"
#include "check.h"
#include "contracts.h"
#include "json_text.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>

static json_t *unused_ignore__texts(const config_selector *selectors, size_t count, strbuf *shown) {
  json_t *texts = json_array();
  for (size_t i = 0; i < count; i++) {
    json_array_append_new(texts, json_text_string(selectors[i].text));
    strbuf_printf(shown, "%s'%s'", i ? ", " : "", selectors[i].text);
  }
  return texts;
}

void check_unused_ignore(const check_context *context) {
  const strata_config *config = context->config;
  if (!config || config->ignore_entry_count == 0)
    return;
  contracts *own = NULL;
  const contracts *shared = context->contracts;
  if (!shared)
    shared = own = contracts_new(context->graph, config);
  char *config_path = context->root ? adoption_path_from_root(context->root, config->source_name)
                                    : xstrdup(config->source_name);
  for (size_t i = 0; i < config->ignore_entry_count; i++) {
    if (shared->ignore_used[i])
      continue;
    const config_ignore *entry = &config->ignore_entries[i];
    strbuf from, to;
    strbuf_init(&from);
    strbuf_init(&to);
    json_t *from_texts = unused_ignore__texts(entry->from, entry->from_count, &from);
    json_t *to_texts = unused_ignore__texts(entry->to, entry->to_count, &to);
    finding *item = finding_list_add(
        context->findings, context->rule, config_path, entry->position.line, entry->position.column,
        "the ignore entry %s -> %s matches no dependency of the tree; remove the entry", from.data,
        to.data);
    finding_set_advice(item, "remove the entry");
    const char *parts[] = {from.data, to.data};
    finding_set_fingerprint(item, parts, 2);
    finding_add_involved(item, config_path);
    item->properties = json_object();
    json_object_set_new(item->properties, "from", from_texts);
    json_object_set_new(item->properties, "to", to_texts);
    json_object_set_new(item->properties, "why", json_text_string(entry->why));
    strbuf_release(&from);
    strbuf_release(&to);
  }
  free(config_path);
  contracts_delete(own);
}
