// independence-violation: see rules/independence-violation.md.
#include "chain_finding.h"

#include <string.h>

// ", which breaks the independence of 'a', 'b' and 'c' (strata.yaml):
// "why"".
static void independence__explain(const check_context *context, const void *data, strbuf *out) {
  const config_independence *entry = data;
  strbuf_append_str(out, "which breaks the independence of ");
  for (size_t i = 0; i < entry->component_count; i++)
    strbuf_printf(out, "%s'%s'",
                  i == 0                            ? ""
                  : i + 1 == entry->component_count ? " and "
                                                    : ", ",
                  entry->components[i].text);
  const char *source = context->config->source_name;
  const char *slash = strrchr(source, '/');
  strbuf_printf(out, " that %s asks for",
                source[0] == '<' ? "strata's built-in default"
                : slash          ? slash + 1
                                 : source);
  if (entry->why)
    strbuf_printf(out, ": \"%s\"", entry->why);
}

void check_independence_violation(const check_context *context) {
  const strata_config *config = context->config;
  if (!config || config->independence_count == 0)
    return;
  check_context local = *context;
  contracts *own = NULL;
  if (!local.contracts)
    local.contracts = own = contracts_new(context->graph, config);
  for (size_t q = 0; q < local.contracts->question_count; q++) {
    contract_question *question = &local.contracts->questions[q];
    if (question->kind != CONTRACT_INDEPENDENCE)
      continue;
    const config_independence *entry = &config->independence[question->entry];
    size_t first = context->findings->count;
    chain_finding_report(&local, question, 1, independence__explain, entry);
    for (size_t i = first; i < context->findings->count; i++) {
      json_t *properties = context->findings->items[i].properties;
      json_t *components = json_array();
      for (size_t c = 0; c < entry->component_count; c++)
        json_array_append_new(components, json_string(entry->components[c].text));
      json_object_set_new(properties, "independent", components);
      json_object_set_new(properties, "why", entry->why ? json_string(entry->why) : json_null());
    }
  }
  contracts_delete(own);
}
