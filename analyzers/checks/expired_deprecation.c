// expired-deprecation: see rules/expired-deprecation.md.
#include "check.h"
#include "deprecation_sites.h"
#include "json_text.h"
#include "xalloc.h"

#include <stdlib.h>

// How much of a deprecation's text a finding quotes.
#define EXPIRED__QUOTE_CHARS 60

typedef struct expired__state {
  const check_context *context;
  deprecation_clock clock;
  bool clock_read; // read when the first removal is seen
} expired__state;

static void expired__read_clock(expired__state *self) {
  const check_context *context = self->context;
  char *problem = NULL;
  if (!deprecation_clock_init(&self->clock, context->config, context->root, &problem) &&
      context->notices)
    notice_list_add(context->notices, NULL, 0, 0, problem);
  free(problem);
  self->clock_read = true;
}

static void expired__visit(void *state, const graph_file *file, const fact_deprecation *site,
                           const deprecation_dating *dating) {
  expired__state *self = state;
  deprecation_when removal;
  if (!dating->removal || !deprecation_when_parse(dating->removal, &removal))
    return;
  if (!self->clock_read)
    expired__read_clock(self);
  if (!deprecation_clock_passed(&self->clock, &removal, dating->removal_after))
    return;
  // The removal was read from the message or else the comments: quote that.
  const char *text = site->message && site->message[0] ? site->message : site->comments;
  char *quote = deprecation_text_start(text ? text : "", EXPIRED__QUOTE_CHARS);
  const check_context *context = self->context;
  finding *item;
  if (removal.kind == DEPRECATION_WHEN_VERSION)
    item = finding_list_add(context->findings, context->rule, file->path, site->line, site->column,
                            "expired deprecation '%s': due for removal %s %s, and this is %s; "
                            "remove what it deprecates, or give it a later release",
                            quote, dating->removal_after ? "after" : "in", dating->removal,
                            self->clock.version_text);
  else
    item = finding_list_add(context->findings, context->rule, file->path, site->line, site->column,
                            "expired deprecation '%s': due for removal by %s, and today is %s; "
                            "remove what it deprecates, or give it a later date",
                            quote, dating->removal, self->clock.today_text);
  finding_set_advice(item, removal.kind == DEPRECATION_WHEN_VERSION
                               ? "remove what it deprecates, or give it a later release"
                               : "remove what it deprecates, or give it a later date");
  // The clock's side changes every day: the baseline's summary leaves it out.
  item->summary = xasprintf("expired deprecation '%s': due for removal %s %s", quote,
                            dating->removal_after                      ? "after"
                            : removal.kind == DEPRECATION_WHEN_VERSION ? "in"
                                                                       : "by",
                            dating->removal);
  free(quote);
  deprecation_finding_describe(item, file->path, site, dating);
  json_object_set_new(item->properties, "current",
                      json_text_string(removal.kind == DEPRECATION_WHEN_VERSION
                                           ? self->clock.version_text
                                           : self->clock.today_text));
}

void check_expired_deprecation(const check_context *context) {
  expired__state state = {.context = context};
  deprecation_dates_each(context->graph, context->config, context->notices, expired__visit, &state);
}
