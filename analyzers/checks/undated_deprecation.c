// undated-deprecation: see rules/undated-deprecation.md.
#include "check.h"
#include "deprecation_sites.h"

#include <stdlib.h>

// How much of a deprecation's text a finding quotes.
#define UNDATED__QUOTE_CHARS 60

// The advice, the same for every kind of site (a message that is not a
// literal, an empty one, one without a date): text reports print it once.
static const char undated__advice[] =
    "name the version or date it started or ends, in the message or a comment above it, as in "
    "'deprecated in 2.4, will be removed in 2.6'";

static void undated__report(const check_context *context, const graph_file *file,
                            const fact_deprecation *site, const deprecation_dating *dating) {
  finding *item;
  const char *advice = undated__advice;
  if (!site->message) {
    item = finding_list_add(context->findings, context->rule, file->path, site->line, site->column,
                            "the message of %s is not statically known, so whether it is dated "
                            "cannot be told: %s",
                            site->kind, advice);
    // Not known to be wrong: a note, not the rule's level.
    item->level = RULE_LEVEL_NOTE;
  } else if (site->message[0] == '\0') {
    item = finding_list_add(context->findings, context->rule, file->path, site->line, site->column,
                            "undated %s with no message: %s", site->kind, advice);
  } else {
    char *quote = deprecation_text_start(site->message, UNDATED__QUOTE_CHARS);
    item = finding_list_add(context->findings, context->rule, file->path, site->line, site->column,
                            "undated deprecation '%s': %s", quote, advice);
    free(quote);
  }
  finding_set_advice(item, advice);
  deprecation_finding_describe(item, file->path, site, dating);
}

static void undated__visit(void *state, const graph_file *file, const fact_deprecation *site,
                           const deprecation_dating *dating) {
  if (!dating->dated)
    undated__report(state, file, site, dating);
}

void check_undated_deprecation(const check_context *context) {
  deprecation_dates_each(context->graph, context->config, context->notices, undated__visit,
                         (void *)context);
}
