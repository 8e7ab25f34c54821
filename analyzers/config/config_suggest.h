// "Did you mean ...?": picks, among names offered one by one, the one closest
// to a misspelt word (optimal string alignment distance, so a swap of two
// neighbouring letters costs one edit). The config loader uses it, and
// rule_suggest (core/rule.c) for rule ids and the command line for options.
#ifndef STRATA_CONFIG_SUGGEST_H
#define STRATA_CONFIG_SUGGEST_H

#include <stddef.h>

typedef struct config_suggest {
  const char *word;
  const char *best; // the closest name offered so far, or NULL when none is close
  size_t best_distance;
} config_suggest;

void config_suggest_init(config_suggest *self, const char *word);
// Offers name (which must outlive self); ties keep the first offered.
void config_suggest_offer(config_suggest *self, const char *name);
// The edit distance between a and b, or SIZE_MAX when either is too long to
// be worth comparing.
size_t config_suggest_distance(const char *a, const char *b);

#endif
